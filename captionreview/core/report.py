"""A standalone HTML quality report a reviewer can send: the verdict against the profile, counts
per rule, a reading-speed histogram and a timeline strip (inline SVG), and every finding with
its cue time and text. One file, no scripts, no external resources; all text is escaped.

The report speaks the language of :mod:`captionreview.core.i18n` (``lang`` on the page), marks
the caption text with the captions' own language, links each rule to where it comes from and
says what an automatic check cannot see. Its colours meet WCAG AA on white (4.5:1 for text,
3:1 for the chart marks; ``tests/core/test_report_contrast.py``).
"""

from __future__ import annotations

import datetime as _dt
import errno
import html
import math
import os
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from captionreview.core.checks import rule_title
from captionreview.core.errors import SaveError
from captionreview.core.i18n import N_, _, current_language, ngettext
from captionreview.core.model import Cue, Finding, Problem, Severity
from captionreview.core.profiles import Profile
from captionreview.core.readingspeed import cue_reading_speed, speed_severity
from captionreview.core.saving import atomic_write
from captionreview.core.timecode import format_ms

if TYPE_CHECKING:
    # The accuracy section compares texts with rapidfuzz; only a report with an accuracy
    # input needs it, and `captionreview check` imports this module for its counts.
    from captionreview.core.report_accuracy import AccuracyInput

# Text and marks on white: every colour here is at least 4.5:1 against #ffffff, so it also
# serves as text (the legend, the thresholds' labels).
_COLOURS = {Severity.ERROR: "#c62828", Severity.WARN: "#8a5100", Severity.INFO: "#1565c0"}
_OK = "#2e7d32"
_CUE_GREY = "#6b6b6b"
_TRACK = "#f0f0f0"
# A report is meant to be sent and opened in a browser: past this many rows it would only be
# scrolled past (the counts and charts still cover every finding).
MAX_LISTED = 5000
_ORDER = {Severity.ERROR: 0, Severity.WARN: 1, Severity.INFO: 2}
_LABEL = {Severity.ERROR: N_("Error"), Severity.WARN: N_("Warning"), Severity.INFO: N_("Note")}
# Where each family of rules comes from (QUALITY_RULES.md §10): the first link of a rule's
# family is its link in the report; the section at the end lists them all.
WCAG_122 = "https://www.w3.org/WAI/WCAG22/Understanding/captions-prerecorded.html"
EN_301_549 = (
    "https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf"
)
WEBVTT = "https://www.w3.org/TR/webvtt1/"
VGR_SUBTITLES = "https://www.vgregion.se/ov/varumarkesmanual/Sprak/den-lasvanliga-undertexten/"
SLU_SUBTITLES = (
    "https://internt.slu.se/stod-service/admin-stod/kommunikation-marknadsforing/sprak/"
    "sprakhjalpmedel/undertextning/"
)
SPRAK_1177 = (
    "https://www.1177.se/Vastra-Gotaland/riktlinjer-och-material/sprakliga-riktlinjer/"
    "stavning-och-skrivregler/sammansattningar/"
)
SOURCES: tuple[tuple[str, str], ...] = (
    (WCAG_122, N_("WCAG 2.2, success criterion 1.2.2 Captions (Prerecorded)")),
    (EN_301_549, N_("EN 301 549 V3.2.1 (captions: 7.1; web 9.1.2.2; software 11.1.2.2)")),
    (WEBVTT, N_("W3C WebVTT: The Web Video Text Tracks Format")),
    (VGR_SUBTITLES, N_("Västra Götalandsregionen: Den läsvänliga undertexten")),
    (SLU_SUBTITLES, N_("SLU: Undertextning")),
    (SPRAK_1177, N_("1177 Västra Götaland: Sammansättningar (särskrivning)")),
)
_RULE_SOURCE = {
    "VTT": WEBVTT,
    "TIM": VGR_SUBTITLES,
    "LAY": VGR_SUBTITLES,
    "TXT": SLU_SUBTITLES,
    "ASR": WCAG_122,
    "SPELL": WCAG_122,
}


def rule_source(rule: str) -> str:
    """Return the address of the guideline or standard ``rule`` comes from."""
    if rule == "ASR-11":
        return SPRAK_1177
    return _RULE_SOURCE.get(rule.split("-")[0], WCAG_122)


def severity_label(severity: Severity) -> str:
    """Return the severity in words, in the current language ("Error", "Fel", ...)."""
    return _(_LABEL[severity])


def _accuracy_section(accuracy: AccuracyInput) -> str:
    from captionreview.core.report_accuracy import accuracy_section  # lazy: see the imports

    return accuracy_section(accuracy)


def count_errors(n: int) -> str:
    """Return "1 error" / "n errors" in the current language."""
    return ngettext("{n} error", "{n} errors", n).format(n=n)


def count_warnings(n: int) -> str:
    """Return "1 warning" / "n warnings" in the current language."""
    return ngettext("{n} warning", "{n} warnings", n).format(n=n)


def count_notes(n: int) -> str:
    """Return "1 note" / "n notes" in the current language."""
    return ngettext("{n} note", "{n} notes", n).format(n=n)


def count_cues(n: int) -> str:
    """Return "1 cue" / "n cues" in the current language."""
    return ngettext("{n} cue", "{n} cues", n).format(n=n)


_COUNTERS = {
    Severity.ERROR: count_errors,
    Severity.WARN: count_warnings,
    Severity.INFO: count_notes,
}


@dataclass(frozen=True, slots=True)
class ReportInput:
    """What the report is about: the file's name, its cues and problems, and the findings."""

    name: str
    cues: Sequence[Cue]
    problems: Sequence[Problem]
    findings: Sequence[Finding]
    profile: Profile
    # "Accuracy of the automatic captions", when the auto track is known.
    accuracy: AccuracyInput | None = None
    # The captions' language (BCP 47, e.g. "sv"), for the ``lang`` of the caption text.
    caption_language: str = "sv"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def verdict(data: ReportInput) -> tuple[bool, str]:
    """Return (passed, sentence): the file passes when nothing is an error."""
    errors = sum(f.severity is Severity.ERROR for f in data.findings)
    errors += sum(p.severity is Severity.ERROR for p in data.problems)
    warnings = sum(f.severity is Severity.WARN for f in data.findings)
    warnings += sum(p.severity is Severity.WARN for p in data.problems)
    name = data.profile.name
    if not data.cues:
        return False, _("Fails: the file has no captions (WCAG 1.2.2 needs captions).")
    if errors:
        return False, _("Fails the {profile} profile: {errors} and {warnings} to look at.").format(
            profile=name, errors=count_errors(errors), warnings=count_warnings(warnings)
        )
    if warnings:
        return True, _("Passes the {profile} profile with {warnings} to review.").format(
            profile=name, warnings=count_warnings(warnings)
        )
    return True, _("Passes the {profile} profile.").format(profile=name)


def render_report(data: ReportInput) -> str:
    """Return the report as a complete HTML document."""
    passed, sentence = verdict(data)
    counts = Counter(f.severity for f in data.findings)
    duration = max((c.end_ms for c in data.cues), default=0)
    reading_problems = ngettext(
        "{n} reading problem", "{n} reading problems", len(data.problems)
    ).format(n=len(data.problems))
    profile = _e(_("Profile: {name} ({title})").format(name="\0", title=_(data.profile.title)))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current_language()}"><head><meta charset="utf-8">',
        f"<title>{_e(_('Caption report: {name}').format(name=data.name))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_e(_('Caption quality report: {name}').format(name=data.name))}</h1>",
        f'<p class="verdict {"pass" if passed else "fail"}">{_e(sentence)}</p>',
        '<ul class="facts">',
        "<li>" + profile.replace("\0", f"<strong>{_e(data.profile.name)}</strong>") + "</li>",
        "<li>"
        + _e(
            _("{cues}, {duration} long").format(
                cues=count_cues(len(data.cues)), duration=format_ms(duration)
            )
        )
        + "</li>",
        f"<li>{_e(count_errors(counts[Severity.ERROR]))}, "
        f"{_e(count_warnings(counts[Severity.WARN]))}, {_e(count_notes(counts[Severity.INFO]))}; "
        f"{_e(reading_problems)}</li>",
        "<li>"
        + _e(
            _("Written {when} by CaptionReview").format(
                when=_dt.datetime.now().strftime("%Y-%m-%d %H:%M")
            )
        )
        + "</li>",
        f"<li>{_e(_('Limits: {limits}').format(limits=limits(data.profile)))}</li>",
        "</ul>",
        f"<h2>{_e(_('Findings per rule'))}</h2>",
        rule_chart(data.findings),
        f"<h2>{_e(_('Reading speed'))}</h2>",
        speed_histogram(data.cues, data.profile),
        f"<h2>{_e(_('Where the problems are'))}</h2>",
        timeline_strip(data.cues, data.findings),
        _accuracy_section(data.accuracy) if data.accuracy is not None else "",
        _problems_section(data.problems),
        _findings_section(data),
        _blind_spots_section(),
        _sources_section(),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def limits(profile: Profile) -> str:
    """Return the profile's main thresholds in one line."""
    text = _(
        "{line} characters a line, {lines} lines, {cue} a cue; reading speed warn > {warn}, "
        "error > {error} characters/s; duration {shortest}–{longest} s (error < {minimum} s); "
        "gap {gap} ms"
    ).format(
        line=profile.max_chars_per_line,
        lines=profile.max_lines,
        cue=profile.max_chars_per_cue,
        warn=f"{profile.cps_warn:g}",
        error=f"{profile.cps_error:g}",
        shortest=f"{profile.min_duration_warn_ms / 1000:g}",
        longest=f"{profile.max_duration_ms / 1000:g}",
        minimum=f"{profile.min_duration_error_ms / 1000:g}",
        gap=profile.min_gap_ms,
    )
    if profile.disabled_rules:
        text += _("; rules off: {rules}").format(rules=", ".join(sorted(profile.disabled_rules)))
    return text


def rule_chart(findings: Sequence[Finding]) -> str:
    """Return an SVG bar chart of the number of findings per rule, worst first; each bar is
    stacked by severity (errors, then warnings, then notes)."""
    per_rule: dict[str, Counter[Severity]] = {}
    for f in findings:
        per_rule.setdefault(f.rule, Counter())[f.severity] += 1
    if not per_rule:
        return f'<p class="none">{_e(_("No findings."))}</p>'

    def worst(rule: str) -> int:
        return min(_ORDER[s] for s in per_rule[rule])

    totals = {rule: sum(counts.values()) for rule, counts in per_rule.items()}
    rules = sorted(per_rule, key=lambda r: (worst(r), -totals[r], r))
    top = max(totals.values())
    row, label_w, bar_w = 22, 300, 420
    height = row * len(rules) + 10
    summary = ", ".join(f"{r}: {_counted(per_rule[r])}" for r in rules)
    out = [
        f'<svg class="chart" width="{label_w + bar_w + 60}" height="{height}" role="img" '
        f'aria-label="{_e(_("Findings per rule: {summary}").format(summary=summary))}">'
    ]
    for n, rule in enumerate(rules):
        y = 5 + n * row
        out.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
            f"{_e(rule)} {_e(rule_title(rule))}</text>"
        )
        x = label_w
        for severity in _ORDER:
            count = per_rule[rule][severity]
            if not count:
                continue
            width = max(2, round(bar_w * count / top))
            out.append(
                f'<rect x="{x}" y="{y + 3}" width="{width}" height="{row - 6}" '
                f'fill="{_COLOURS[severity]}"><title>{_e(rule)}: '
                f"{_e(_COUNTERS[severity](count))}</title></rect>"
            )
            x += width
        out.append(f'<text x="{x + 6}" y="{y + 15}">{totals[rule]}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _counted(counts: Counter[Severity]) -> str:
    return ", ".join(_COUNTERS[s](counts[s]) for s in _ORDER if counts[s])


def speed_histogram(cues: Sequence[Cue], profile: Profile) -> str:
    """Return an SVG histogram of reading speed (characters per second) over the cues."""
    speeds = [s for s in map(cue_reading_speed, cues) if s is not None]
    if not speeds:
        return f'<p class="none">{_e(_("No cues with a duration."))}</p>'
    top_bin = 30
    bins = [0] * (top_bin + 1)
    for speed in speeds:
        bins[min(speed.tenths // 10, top_bin)] += 1
    tallest = max(bins)
    bar, plot_h, left, bottom = 22, 160, 40, 30
    width = left + bar * len(bins) + 10
    height = plot_h + bottom + 10
    graded = Counter(speed_severity(s, profile) for s in speeds)
    over_error = graded[Severity.ERROR]
    over_warn = graded[Severity.WARN] + over_error
    label = _(
        "Reading speed of {cues}: {over_warn} above {warn} and {over_error} above {error} "
        "characters per second"
    ).format(
        cues=count_cues(len(speeds)),
        over_warn=over_warn,
        warn=f"{profile.cps_warn:g}",
        over_error=over_error,
        error=f"{profile.cps_error:g}",
    )
    out = [
        f'<svg class="chart" width="{width}" height="{height}" role="img" aria-label="{_e(label)}">'
    ]
    for n, count in enumerate(bins):
        if not count:
            continue
        h = max(1, round(plot_h * count / tallest))
        x = left + n * bar
        low = n  # the bin holds speeds from n to n + 1
        colour = (
            _COLOURS[Severity.ERROR]
            if low >= profile.cps_error
            else _COLOURS[Severity.WARN]
            if low >= profile.cps_warn
            else _OK
        )
        span = f"{n}+" if n == top_bin else f"{n}–{n + 1}"
        out.append(
            f'<rect x="{x + 1}" y="{10 + plot_h - h}" width="{bar - 2}" height="{h}" '
            f'fill="{colour}"><title>'
            + _e(_("{span} characters/s: {cues}").format(span=span, cues=count_cues(count)))
            + "</title></rect>"
        )
    for threshold, sev in ((profile.cps_warn, Severity.WARN), (profile.cps_error, Severity.ERROR)):
        tx = left + threshold * bar
        out.append(
            f'<line x1="{tx:.0f}" y1="5" x2="{tx:.0f}" y2="{10 + plot_h}" '
            f'stroke="{_COLOURS[sev]}" stroke-dasharray="4 3"/>'
        )
        out.append(f'<text x="{tx + 3:.0f}" y="14" fill="{_COLOURS[sev]}">{threshold:g}</text>')
    out.append(
        f'<line x1="{left}" y1="{10 + plot_h}" x2="{width - 10}" y2="{10 + plot_h}" stroke="#555"/>'
    )
    for n in range(0, top_bin + 1, 5):
        out.append(f'<text x="{left + n * bar}" y="{plot_h + 26}" text-anchor="middle">{n}</text>')
    out.append(f'<text x="{left}" y="{height - 2}">{_e(_("characters per second"))} →</text>')
    out.append(f'<text x="2" y="20">{tallest}</text>')
    out.append("</svg>")
    return "\n".join(out)


def timeline_strip(cues: Sequence[Cue], findings: Sequence[Finding]) -> str:
    """Return an SVG strip of the whole programme: cues in grey, findings as coloured ticks.

    Cues and findings are gathered per pixel column, so a 30,000-cue file draws no more
    shapes than a short one.
    """
    end = max((c.end_ms for c in cues), default=0)
    if end <= 0:
        return f'<p class="none">{_e(_("No timeline: the file has no timed cues."))}</p>'
    width, left = 960, 10
    scale = width / end
    out = [
        f'<svg class="chart" width="{width + 2 * left}" height="96" role="img" '
        f'aria-label="{_e(_timeline_label(findings, end))}">'
    ]
    out.append(f'<rect x="{left}" y="30" width="{width}" height="16" fill="{_TRACK}"/>')
    for x0, x1 in _covered_columns(cues, scale):
        out.append(
            f'<rect x="{left + x0}" y="30" width="{x1 - x0}" height="16" fill="{_CUE_GREY}"/>'
        )
    rows = {Severity.ERROR: 6, Severity.WARN: 14, Severity.INFO: 22}
    ticks: dict[tuple[int, Severity], list[Finding]] = {}
    for finding in findings:
        if finding.cue_index is not None and finding.cue_index < len(cues):
            column = int(max(0, cues[finding.cue_index].start_ms) * scale)
            ticks.setdefault((min(column, width - 2), finding.severity), []).append(finding)
    for (column, severity), found in sorted(ticks.items(), key=lambda t: -_ORDER[t[0][1]]):
        first = cues[found[0].cue_index or 0]
        shown = "; ".join(f"{f.rule}: {f.message}" for f in found[:3])
        more = _("; and {n} more").format(n=len(found) - 3) if len(found) > 3 else ""
        out.append(
            f'<rect x="{left + column}" y="{rows[severity]}" width="2" height="8" '
            f'fill="{_COLOURS[severity]}"><title>{_e(format_ms(first.start_ms))} '
            f"{_e(shown)}{_e(more)}</title></rect>"
        )
    steps = 6
    for n in range(steps + 1):
        ms = end * n // steps
        anchor = "start" if n == 0 else "end" if n == steps else "middle"
        out.append(
            f'<text x="{left + ms * scale:.0f}" y="64" text-anchor="{anchor}">'
            f"{_e(format_ms(ms)[:8])}</text>"
        )
    # The rows say the severity by place as well as colour; the legend names them in order.
    legend = " ".join(
        f'<tspan fill="{_COLOURS[s]}">{mark} {_e(name)}</tspan>'
        for s, mark, name in (
            (Severity.ERROR, "■", _("Errors (top row)")),
            (Severity.WARN, "▲", _("Warnings (middle row)")),
            (Severity.INFO, "●", _("Notes (bottom row)")),
        )
    )
    out.append(
        f'<text x="{left}" y="88">{legend} <tspan fill="{_CUE_GREY}">■ {_e(_("Cues"))}</tspan>'
        "</text>"
    )
    out.append("</svg>")
    return "\n".join(out)


def _covered_columns(cues: Sequence[Cue], scale: float) -> list[tuple[int, int]]:
    """Return the runs of pixel columns ``[x0, x1)`` that some cue covers."""
    spans = sorted(
        (
            int(max(0, c.start_ms) * scale),
            max(int(max(0, c.start_ms) * scale) + 1, math.ceil(c.end_ms * scale)),
        )
        for c in cues
        if c.end_ms > c.start_ms
    )
    runs: list[tuple[int, int]] = []
    for x0, x1 in spans:
        if runs and x0 <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], x1))
        else:
            runs.append((x0, x1))
    return runs


def _timeline_label(findings: Sequence[Finding], end: int) -> str:
    counts = Counter(f.severity for f in findings)
    return _(
        "Timeline of {duration}: {errors}, {warnings} and {notes} marked at their cues"
    ).format(
        duration=format_ms(end),
        errors=count_errors(counts[Severity.ERROR]),
        warnings=count_warnings(counts[Severity.WARN]),
        notes=count_notes(counts[Severity.INFO]),
    )


def _problems_section(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    rows = "\n".join(
        f'<tr class="{p.severity.value}"><td>{_e(_("line {n}").format(n=p.line))}</td>'
        f"<td>{_e(severity_label(p.severity))}</td><td>{_rule_link(p.rule)}</td>"
        f"<td>{_e(_clip(p.message, 2 * _MARKED_CHARS))}</td>"
        f"<td><code>{_e(_clip(p.snippet, 2 * CONTEXT_CHARS))}</code></td></tr>"
        for p in problems
    )
    head = "".join(
        f"<th>{_e(h)}</th>" for h in (_("Where"), _("Severity"), _("Rule"), _("Problem"), _("Text"))
    )
    return (
        f"<h2>{_e(_('Problems reading the file'))}</h2><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _rule_link(rule: str) -> str:
    """Return the rule id as a link to its source."""
    return f'<a href="{_e(rule_source(rule))}">{_e(rule)}</a>'


# A row shows this many characters of the cue on each side of what it is about, so a report
# stays proportional to the findings, not to findings × cue length.
CONTEXT_CHARS = 60
_MARKED_CHARS = 120


def _clip(text: str, most: int) -> str:
    """Return ``text`` cut to ``most`` characters with an ellipsis where it was cut."""
    return text if len(text) <= most else text[:most] + "…"


def _cue_text(cue: Cue, span: tuple[int, int] | None) -> str:
    text = cue.text
    if span is None or not 0 <= span[0] <= span[1] <= len(text):
        return _e(_clip(text, 2 * CONTEXT_CHARS)).replace("\n", "<br>")
    start, end = span
    before = text[max(0, start - CONTEXT_CHARS) : start]
    if start > CONTEXT_CHARS:
        before = "…" + before
    after = text[end : end + CONTEXT_CHARS]
    if end + CONTEXT_CHARS < len(text):
        after += "…"
    mark = f"<mark>{_e(_clip(text[start:end], _MARKED_CHARS)) or '&#8203;'}</mark>"
    return (_e(before) + mark + _e(after)).replace("\n", "<br>")


def _findings_section(data: ReportInput) -> str:
    if not data.findings:
        return f'<h2>{_e(_("Findings"))}</h2><p class="none">{_e(_("No findings."))}</p>'
    ordered = sorted(
        data.findings,
        key=lambda f: (_ORDER[f.severity], -1 if f.cue_index is None else f.cue_index, f.rule),
    )
    left_out = len(ordered) - MAX_LISTED
    rows = []
    for f in ordered[:MAX_LISTED]:
        cue = data.cues[f.cue_index] if f.cue_index is not None else None
        when = f"{format_ms(cue.start_ms)} – {format_ms(cue.end_ms)}" if cue else _("whole file")
        number = f"#{f.cue_index + 1}" if f.cue_index is not None else ""
        suggestion = (
            '<br><span class="suggest">'
            + _e(_("Suggested: {text}").format(text=_clip(f.suggestion, _MARKED_CHARS)))
            + "</span>"
            if f.suggestion
            else ""
        )
        rows.append(
            f'<tr class="{f.severity.value}"><td>{_e(when)}<br>{_e(number)}</td>'
            f"<td>{_e(severity_label(f.severity))}</td><td>{_rule_link(f.rule)}<br>"
            f"<small>{_e(rule_title(f.rule))}</small></td>"
            f"<td>{_e(_clip(f.message, 2 * _MARKED_CHARS))}{suggestion}</td>"
            f'<td class="text" lang="{_e(data.caption_language)}">'
            f"{_cue_text(cue, f.span) if cue else ''}</td></tr>"
        )
    note = (
        '<p class="none">'
        + _e(
            _(
                "The list stops after {limit} findings (errors first); {more} more are counted "
                "above. {command} lists them all."
            ).format(limit=MAX_LISTED, more=left_out, command="\0")
        ).replace("\0", "<code>captionreview check --format json</code>")
        + "</p>"
        if left_out > 0
        else ""
    )
    head = "".join(
        f"<th>{_e(h)}</th>"
        for h in (_("Time / cue"), _("Severity"), _("Rule"), _("What to do"), _("Caption text"))
    )
    return (
        f"<h2>{_e(_('Findings'))}</h2>{note}<table><thead><tr>{head}</tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table>"
    )


def _blind_spots_section() -> str:
    """Say what an automatic check of the caption file cannot judge."""
    items = (
        _(
            "Whether the words are what was said: the check reads the caption file, not the "
            "audio. Compare the captions with the video (CaptionReview's window plays both)."
        ),
        _(
            "Who is speaking: speaker identification is only checked where dashes or voice "
            "tags are written, not whether they name the right person."
        ),
        _(
            "Sounds that matter: the check cannot hear music, laughter or other sounds that "
            "should be described in the captions."
        ),
        _(
            "Whether the captions are in sync with the speech, and whether they cover text "
            "or faces in the picture."
        ),
    )
    listed = "".join(f"<li>{_e(item)}</li>" for item in items)
    return f"<h2>{_e(_('What this check cannot see'))}</h2><ul>{listed}</ul>"


def _sources_section() -> str:
    """List the standards and guidelines the rules come from, with their addresses."""
    listed = "".join(f'<li><a href="{_e(url)}">{_e(_(title))}</a></li>' for url, title in SOURCES)
    return f"<h2>{_e(_('Where the rules come from'))}</h2><ul>{listed}</ul>"


_CSS = """
body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:2em auto;max-width:1100px;color:#222;
background:#fff}a{color:#0b57b0}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
.verdict{font-size:1.2em;font-weight:bold;padding:.6em 1em;border-radius:4px}
.verdict.pass{background:#e8f5e9;color:#1b5e20}.verdict.fail{background:#ffebee;color:#b71c1c}
.facts{list-style:none;padding:0}.facts li{display:inline-block;margin-right:1.5em}
svg.chart{display:block;font-size:12px;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
tr.error td:nth-child(2){color:#c62828;font-weight:bold}tr.warn td:nth-child(2){color:#8a5100}
tr.info td:nth-child(2){color:#1565c0}td.text{font-family:'DejaVu Sans Mono',monospace}
mark{background:#ffe082}.suggest{color:#2e7d32}.none{color:#555}
"""


def unusable_target(target: Path, source: Path | None) -> str | None:
    """Return why ``target`` cannot be written as the output for ``source`` (None: it can).

    Refuses the input file itself and anything that is not a regular file (a device such as
    /dev/full, a pipe, a folder), following symbolic links. Never raises.
    """
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        return _("cannot use {target}: {reason}").format(
            target=target, reason=error.strerror or error
        )
    if stat.S_ISDIR(info.st_mode):
        return _("{target} is a folder: give a file name").format(target=target)
    if not stat.S_ISREG(info.st_mode):
        return _("{target} is not a regular file (a device or a pipe): give a file name").format(
            target=target
        )
    try:
        same = source is not None and os.path.samefile(target, source)
    except OSError:
        same = False
    if same:
        return _("{target} is the caption file itself: choose another file name").format(
            target=target
        )
    return None


def write_report(path: Path, page: str, *, source: Path | None = None) -> None:
    """Write ``page`` to ``path`` atomically (fsynced, permissions kept).

    Raises OSError whose ``strerror`` is a plain message when ``path`` is the caption file
    ``source``, is not a regular file, or cannot be written; ``path`` is then untouched.
    """
    refused = unusable_target(path, source)
    if refused is not None:
        raise OSError(errno.EINVAL, refused)
    try:
        atomic_write(path, page.encode("utf-8"))
    except SaveError as error:
        cause = error.__cause__
        code = cause.errno if isinstance(cause, OSError) and cause.errno else errno.EIO
        raise OSError(code, str(error)) from error
