"""A standalone HTML quality report a reviewer can send: the verdict against the profile, counts
per rule, a reading-speed histogram and a timeline strip (inline SVG), and every finding with
its cue time and text. One file, no scripts, no external resources; all text is escaped.
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

from captionreview.core.checks import rule_title
from captionreview.core.checks.base import format_ms
from captionreview.core.errors import SaveError
from captionreview.core.model import Cue, Finding, Problem, Severity
from captionreview.core.profiles import Profile
from captionreview.core.readingspeed import cue_reading_speed, speed_severity
from captionreview.core.report_accuracy import AccuracyInput, accuracy_section
from captionreview.core.saving import atomic_write

_COLOURS = {Severity.ERROR: "#c62828", Severity.WARN: "#b26a00", Severity.INFO: "#1565c0"}
_OK = "#2e7d32"
# A report is meant to be sent and opened in a browser: past this many rows it would only be
# scrolled past (the counts and charts still cover every finding).
MAX_LISTED = 5000
_ORDER = {Severity.ERROR: 0, Severity.WARN: 1, Severity.INFO: 2}
_LABEL = {Severity.ERROR: "Error", Severity.WARN: "Warning", Severity.INFO: "Note"}


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


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def verdict(data: ReportInput) -> tuple[bool, str]:
    """Return (passed, sentence): the file passes when nothing is an error."""
    errors = sum(f.severity is Severity.ERROR for f in data.findings)
    errors += sum(p.severity is Severity.ERROR for p in data.problems)
    warnings = sum(f.severity is Severity.WARN for f in data.findings)
    warnings += sum(p.severity is Severity.WARN for p in data.problems)
    if not data.cues:
        return False, "Fails: the file has no captions (WCAG 1.2.2 needs captions)."
    if errors:
        return False, (
            f"Fails the {data.profile.name} profile: {plural(errors, 'error')} and "
            f"{plural(warnings, 'warning')} to look at."
        )
    if warnings:
        return True, (
            f"Passes the {data.profile.name} profile with {plural(warnings, 'warning')} to review."
        )
    return True, f"Passes the {data.profile.name} profile."


def render_report(data: ReportInput) -> str:
    """Return the report as a complete HTML document."""
    passed, sentence = verdict(data)
    counts = Counter(f.severity for f in data.findings)
    duration = max((c.end_ms for c in data.cues), default=0)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Caption report: {_e(data.name)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Caption quality report: {_e(data.name)}</h1>",
        f'<p class="verdict {"pass" if passed else "fail"}">{_e(sentence)}</p>',
        '<ul class="facts">',
        f"<li>Profile: <strong>{_e(data.profile.name)}</strong> ({_e(data.profile.title)})</li>",
        f"<li>{plural(len(data.cues), 'cue')}, {_e(format_ms(duration))} long</li>",
        f"<li>{plural(counts[Severity.ERROR], 'error')}, "
        f"{plural(counts[Severity.WARN], 'warning')}, {plural(counts[Severity.INFO], 'note')}; "
        f"{plural(len(data.problems), 'reading problem')}</li>",
        f"<li>Written {_e(_dt.datetime.now().strftime('%Y-%m-%d %H:%M'))} by CaptionReview</li>",
        f"<li>Limits: {_e(limits(data.profile))}</li>",
        "</ul>",
        "<h2>Findings per rule</h2>",
        rule_chart(data.findings),
        "<h2>Reading speed</h2>",
        speed_histogram(data.cues, data.profile),
        "<h2>Where the problems are</h2>",
        timeline_strip(data.cues, data.findings),
        accuracy_section(data.accuracy) if data.accuracy is not None else "",
        _problems_section(data.problems),
        _findings_section(data),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def limits(profile: Profile) -> str:
    """Return the profile's main thresholds in one line."""
    return (
        f"{profile.max_chars_per_line} characters a line, {profile.max_lines} lines, "
        f"{profile.max_chars_per_cue} a cue; reading speed warn > {profile.cps_warn:g}, "
        f"error > {profile.cps_error:g} characters/s; duration "
        f"{profile.min_duration_warn_ms / 1000:g}–{profile.max_duration_ms / 1000:g} s "
        f"(error < {profile.min_duration_error_ms / 1000:g} s); gap {profile.min_gap_ms} ms"
        + (
            f"; rules off: {', '.join(sorted(profile.disabled_rules))}"
            if profile.disabled_rules
            else ""
        )
    )


def rule_chart(findings: Sequence[Finding]) -> str:
    """Return an SVG bar chart of the number of findings per rule, worst first; each bar is
    stacked by severity (errors, then warnings, then notes)."""
    per_rule: dict[str, Counter[Severity]] = {}
    for f in findings:
        per_rule.setdefault(f.rule, Counter())[f.severity] += 1
    if not per_rule:
        return '<p class="none">No findings.</p>'

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
        f'aria-label="{_e("Findings per rule: " + summary)}">'
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
                f"{_e(plural(count, _LABEL[severity].lower()))}</title></rect>"
            )
            x += width
        out.append(f'<text x="{x + 6}" y="{y + 15}">{totals[rule]}</text>')
    out.append("</svg>")
    return "\n".join(out)


def plural(count: int, noun: str) -> str:
    """Return ``count`` and ``noun`` with an -s unless the count is one ("1 cue", "2 cues")."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _counted(counts: Counter[Severity]) -> str:
    return ", ".join(plural(counts[s], _LABEL[s].lower()) for s in _ORDER if counts[s])


def speed_histogram(cues: Sequence[Cue], profile: Profile) -> str:
    """Return an SVG histogram of reading speed (characters per second) over the cues."""
    speeds = [s for s in map(cue_reading_speed, cues) if s is not None]
    if not speeds:
        return '<p class="none">No cues with a duration.</p>'
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
    label = (
        f"Reading speed of {plural(len(speeds), 'cue')}: {over_warn} above "
        f"{profile.cps_warn:g} and "
        f"{over_error} above {profile.cps_error:g} characters per second"
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
            f'fill="{colour}"><title>{span} characters/s: {plural(count, "cue")}</title></rect>'
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
    out.append(f'<text x="{left}" y="{height - 2}">characters per second →</text>')
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
        return '<p class="none">No timeline: the file has no timed cues.</p>'
    width, left = 960, 10
    scale = width / end
    out = [
        f'<svg class="chart" width="{width + 2 * left}" height="96" role="img" '
        f'aria-label="{_e(_timeline_label(findings, end))}">'
    ]
    out.append(f'<rect x="{left}" y="30" width="{width}" height="16" fill="#eee"/>')
    for x0, x1 in _covered_columns(cues, scale):
        out.append(f'<rect x="{left + x0}" y="30" width="{x1 - x0}" height="16" fill="#9e9e9e"/>')
    rows = {Severity.ERROR: 6, Severity.WARN: 14, Severity.INFO: 22}
    ticks: dict[tuple[int, Severity], list[Finding]] = {}
    for finding in findings:
        if finding.cue_index is not None and finding.cue_index < len(cues):
            column = int(max(0, cues[finding.cue_index].start_ms) * scale)
            ticks.setdefault((min(column, width - 2), finding.severity), []).append(finding)
    for (column, severity), found in sorted(ticks.items(), key=lambda t: -_ORDER[t[0][1]]):
        first = cues[found[0].cue_index or 0]
        shown = "; ".join(f"{f.rule}: {f.message}" for f in found[:3])
        more = f"; and {len(found) - 3} more" if len(found) > 3 else ""
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
    legend = " ".join(f'<tspan fill="{_COLOURS[s]}">■ {_LABEL[s]}s</tspan>' for s in _ORDER)
    out.append(f'<text x="{left}" y="88">{legend} <tspan fill="#9e9e9e">■ Cues</tspan></text>')
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
    return (
        f"Timeline of {format_ms(end)}: {plural(counts[Severity.ERROR], 'error')}, "
        f"{plural(counts[Severity.WARN], 'warning')} and "
        f"{plural(counts[Severity.INFO], 'note')} marked at their cues"
    )


def _problems_section(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    rows = "\n".join(
        f'<tr class="{p.severity.value}"><td>line {p.line}</td><td>{_LABEL[p.severity]}</td>'
        f"<td>{_e(p.rule)}</td><td>{_e(p.message)}</td><td><code>{_e(p.snippet)}</code></td></tr>"
        for p in problems
    )
    return (
        "<h2>Problems reading the file</h2><table><thead><tr><th>Where</th><th>Severity"
        "</th><th>Rule</th><th>Problem</th><th>Text</th></tr></thead><tbody>"
        f"{rows}</tbody></table>"
    )


def _cue_text(cue: Cue, span: tuple[int, int] | None) -> str:
    text = cue.text
    if span is None or not 0 <= span[0] <= span[1] <= len(text):
        return _e(text).replace("\n", "<br>")
    before, marked, after = text[: span[0]], text[span[0] : span[1]], text[span[1] :]
    mark = f"<mark>{_e(marked) or '&#8203;'}</mark>"
    return (_e(before) + mark + _e(after)).replace("\n", "<br>")


def _findings_section(data: ReportInput) -> str:
    if not data.findings:
        return '<h2>Findings</h2><p class="none">No findings.</p>'
    ordered = sorted(
        data.findings,
        key=lambda f: (_ORDER[f.severity], -1 if f.cue_index is None else f.cue_index, f.rule),
    )
    left_out = len(ordered) - MAX_LISTED
    rows = []
    for f in ordered[:MAX_LISTED]:
        cue = data.cues[f.cue_index] if f.cue_index is not None else None
        when = f"{format_ms(cue.start_ms)} – {format_ms(cue.end_ms)}" if cue else "whole file"
        number = f"#{f.cue_index + 1}" if f.cue_index is not None else ""
        suggestion = (
            f'<br><span class="suggest">Suggested: {_e(f.suggestion)}</span>'
            if f.suggestion
            else ""
        )
        rows.append(
            f'<tr class="{f.severity.value}"><td>{_e(when)}<br>{_e(number)}</td>'
            f"<td>{_LABEL[f.severity]}</td><td>{_e(f.rule)}<br><small>{_e(rule_title(f.rule))}"
            f"</small></td><td>{_e(f.message)}{suggestion}</td>"
            f'<td class="text">{_cue_text(cue, f.span) if cue else ""}</td></tr>'
        )
    note = (
        f'<p class="none">The list stops after {MAX_LISTED} findings (errors first); '
        f"{left_out} more are counted above. <code>captionreview check --format json</code> "
        "lists them all.</p>"
        if left_out > 0
        else ""
    )
    return (
        "<h2>Findings</h2>" + note + "<table><thead><tr><th>Time / cue</th><th>Severity</th>"
        "<th>Rule</th><th>What to do</th><th>Caption text</th></tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table>"
    )


_CSS = """
body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
.verdict{font-size:1.2em;font-weight:bold;padding:.6em 1em;border-radius:4px}
.verdict.pass{background:#e8f5e9;color:#1b5e20}.verdict.fail{background:#ffebee;color:#b71c1c}
.facts{list-style:none;padding:0}.facts li{display:inline-block;margin-right:1.5em}
svg.chart{display:block;font-size:12px;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
tr.error td:nth-child(2){color:#c62828;font-weight:bold}tr.warn td:nth-child(2){color:#b26a00}
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
        return f"cannot use {target}: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode):
        return f"{target} is a folder: give a file name"
    if not stat.S_ISREG(info.st_mode):
        return f"{target} is not a regular file (a device or a pipe): give a file name"
    try:
        same = source is not None and os.path.samefile(target, source)
    except OSError:
        same = False
    if same:
        return f"{target} is the caption file itself: choose another file name"
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
