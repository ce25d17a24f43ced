"""QUALITY_RULES.md §1: WebVTT validity of each cue (timings, ids, settings, text, markup).

File-level syntax (encoding, BOM, signature, header, unparsable blocks) is reported by the
reader as ``Document.problems``; these rules cover what a cue can still get wrong after it was
read or edited.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from html.entities import html5

from captionreview.core.checks.base import CueView, Scan
from captionreview.core.i18n import _, current_language, ngettext
from captionreview.core.model import Finding, Severity
from captionreview.core.timecode import MAX_HOUR_DIGITS, format_ms
from captionreview.core.vtt.cuetext import tag_spans

ERROR, WARN = Severity.ERROR, Severity.WARN

_SETTING_NAMES = ("vertical", "line", "position", "size", "align", "region")
_PCT = r"(?:\d+(?:\.\d+)?%)"
_VALUE_RE: dict[str, re.Pattern[str]] = {
    "vertical": re.compile(r"rl|lr"),
    "line": re.compile(rf"(?:-?\d+|{_PCT})(?:,(?:start|center|end))?"),
    "position": re.compile(rf"{_PCT}(?:,(?:line-left|center|line-right))?"),
    "size": re.compile(_PCT),
    "align": re.compile(r"start|center|end|left|right"),
    "region": re.compile(r"[^\s]+"),
}
# Keywords of the 2014 draft that real Netflix and Viaplay files still carry (VTT-SET-02).
_OBSOLETE = {"middle": "center", "start": "line-left", "end": "line-right"}
_PCT_VALUE = re.compile(r"(\d+(?:\.\d+)?)%")
_TIMESTAMP = re.compile(rf"(?:(\d{{2,{MAX_HOUR_DIGITS}}}):)?([0-5]\d):([0-5]\d)\.(\d{{3}})")
_TAG_START = re.compile(r"[^\W_]|/")
_REF = re.compile(r"&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
# Word times of auto-captions, one after another (see _clean_karaoke); possessive, so a text
# that does not match fails at once instead of backtracking.
_FIXED_STAMP_PATTERN = r"[0-9]{2}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3}"  # ASCII digits only, as WebVTT
_FIXED_STAMPS = re.compile(rf"(?:<{_FIXED_STAMP_PATTERN}>)*+")
_MAX_FIXED_MS = 100 * 3_600_000  # two-digit hours
_ALLOWED_TAGS = frozenset(("c", "i", "b", "u", "ruby", "rt", "v", "lang"))
_ANNOTATED = frozenset(("v", "lang"))


def check_timing(scan: Scan, i: int, out: list[Finding]) -> None:
    """VTT-TS-03 (end after start) and VTT-TS-04 (start not before the previous start)."""
    cue = scan.cues[i]
    if cue.end_ms <= cue.start_ms:
        scan.emit(
            out,
            "VTT-TS-03",
            ERROR,
            i,
            _(
                "The cue ends ({end_ms}) before or when it starts "
                "({start_ms}); set an end time after the start."
            ).format(end_ms=format_ms(cue.end_ms), start_ms=format_ms(cue.start_ms)),
        )
    if i > 0 and cue.start_ms < scan.cues[i - 1].start_ms:
        scan.emit(
            out,
            "VTT-TS-04",
            ERROR,
            i,
            _(
                "The cue starts ({start_ms}) before the previous cue "
                "({start_ms2}); WebVTT needs cues in start order: sort the "
                "cues."
            ).format(
                start_ms=format_ms(cue.start_ms), start_ms2=format_ms(scan.cues[i - 1].start_ms)
            ),
        )


def check_identifier(scan: Scan, i: int, out: list[Finding]) -> None:
    """VTT-ID-01 (the part about one cue): an identifier may not contain ``-->``."""
    if "-->" in scan.cues[i].identifier:
        scan.emit(
            out,
            "VTT-ID-01",
            ERROR,
            i,
            _(
                "The cue identifier contains '-->', which makes it a timing line; "
                "remove the arrow from the identifier."
            ),
        )


def check_settings(scan: Scan, i: int, out: list[Finding]) -> None:
    """VTT-SET-01 (names), VTT-SET-02 (values) and VTT-SET-03 (region references)."""
    settings = scan.cues[i].settings
    if not settings or settings.isspace():
        return
    regions = scan.regions if "region:" in settings else None
    key = (settings, frozenset(regions) if regions is not None else None, current_language())
    verdicts = _SETTINGS_CACHE.get(key)
    if verdicts is None:
        verdicts = _settings_verdicts(settings, regions)
        if len(_SETTINGS_CACHE) > 4096:
            _SETTINGS_CACHE.clear()
        _SETTINGS_CACHE[key] = verdicts
    for rule, message, suggestion in verdicts:
        scan.emit(out, rule, WARN, i, message, suggestion=suggestion)


# Files repeat the same settings string on every cue: judge each distinct string once.
_Verdict = tuple[str, str, str | None]
_SETTINGS_CACHE: dict[tuple[str, frozenset[str] | None, str], tuple[_Verdict, ...]] = {}


def _settings_verdicts(settings: str, regions: Collection[str] | None) -> tuple[_Verdict, ...]:
    found: list[_Verdict] = []
    seen: set[str] = set()
    modern: list[str] = []
    obsolete: list[str] = []
    for token in settings.split():
        name, colon, value = token.partition(":")
        modern.append(token)
        if not colon or not name or not value:
            found.append(
                (
                    "VTT-SET-01",
                    _("Cue setting {token!r} is not written name:value; players ignore it.").format(
                        token=token
                    ),
                    None,
                )
            )
            continue
        if name not in _VALUE_RE:
            known = ", ".join(_SETTING_NAMES)
            found.append(
                (
                    "VTT-SET-01",
                    _(
                        "Unknown cue setting {name!r} is ignored by players (known: {known})."
                    ).format(name=name, known=known),
                    None,
                )
            )
            continue
        if name in seen:
            found.append(
                (
                    "VTT-SET-01",
                    _("Cue setting {name!r} is given twice; players use only the last one.").format(
                        name=name
                    ),
                    None,
                )
            )
        seen.add(name)
        if name == "region":
            if regions is not None and value not in regions:
                found.append(
                    (
                        "VTT-SET-03",
                        _(
                            "The cue refers to region {value!r}, which no REGION block defines."
                        ).format(value=value),
                        None,
                    )
                )
            continue
        replacement = obsolete_replacement(name, value)
        if replacement is not None:
            obsolete.append(f"'{name}:{value}'")
            modern[-1] = f"{name}:{replacement}"
        elif not _VALUE_RE[name].fullmatch(value) or not _percentages_in_range(value):
            found.append(
                (
                    "VTT-SET-02",
                    _(
                        "'{name}:{value}' is not a valid value for {name}; players ignore it."
                    ).format(name=name, value=value),
                    None,
                )
            )
    if obsolete:
        found.append(
            (
                "VTT-SET-02",
                ngettext(
                    "{settings} uses an obsolete keyword that players now ignore; write "
                    "'center' (or line-left/line-right) instead.",
                    "{settings} use an obsolete keyword that players now ignore; write "
                    "'center' (or line-left/line-right) instead.",
                    len(obsolete),
                ).format(settings=_(" and ").join(obsolete)),
                " ".join(modern),
            )
        )
    if "region" in seen and seen & {"vertical", "line", "size"}:
        found.append(
            (
                "VTT-SET-03",
                _(
                    "The region setting is ignored because the cue also sets vertical, "
                    "line or size."
                ),
                None,
            )
        )
    return tuple(found)


def obsolete_replacement(name: str, value: str) -> str | None:
    """Return the modern form of a 2014-draft setting value (``align:middle``), else None."""
    if name == "align" and value == "middle":
        return "center"
    if name == "position" and "," in value:
        pos, _comma, keyword = value.partition(",")
        if keyword in _OBSOLETE and _VALUE_RE["position"].fullmatch(pos):
            return f"{pos},{_OBSOLETE[keyword]}"
    if name == "line" and value.endswith(",middle"):
        return value[: -len("middle")] + "center"
    return None


def _percentages_in_range(value: str) -> bool:
    return all(0.0 <= float(m.group(1)) <= 100.0 for m in _PCT_VALUE.finditer(value))


def check_text(scan: Scan, i: int, out: list[Finding]) -> None:
    """VTT-TXT-01/02/03, VTT-NUL-01 and VTT-ENC-01 on the cue payload."""
    text = scan.cues[i].text
    if not scan.view(i).plain.strip():
        scan.emit(
            out,
            "VTT-TXT-03",
            WARN,
            i,
            _("The cue has no visible text; delete it or type the caption."),
        )
    if not (
        "-->" in text
        or "\n\n" in text
        or text.startswith("\n")
        or "\x00" in text
        or "\ufffd" in text
    ):
        return
    arrow = text.find("-->")
    if arrow >= 0:
        scan.emit(
            out,
            "VTT-TXT-01",
            ERROR,
            i,
            _(
                "The text contains '-->': a player starts a new cue there and the rest of "
                "this cue is lost. Remove it or write it as '--&gt;'."
            ),
            span=(arrow, arrow + 3),
            suggestion="--&gt;",
        )
    blank = _blank_line(text)
    if blank is not None:
        scan.emit(
            out,
            "VTT-TXT-02",
            ERROR,
            i,
            _(
                "The text has an empty line: a player ends the cue there and drops the rest. "
                "Remove the empty line."
            ),
            span=(blank, blank),
        )
    nul = text.find("\x00")
    if nul >= 0:
        scan.emit(
            out,
            "VTT-NUL-01",
            WARN,
            i,
            _(
                "The text contains a NUL character, which usually means a corrupt file; "
                "players show it as '\ufffd'."
            ),
            span=(nul, nul + 1),
            suggestion="",
        )
    bad = text.find("\ufffd")
    if bad >= 0:
        scan.emit(
            out,
            "VTT-ENC-01",
            ERROR,
            i,
            _(
                "The text contains '\ufffd', a character that could not be decoded; "
                "retype the damaged word."
            ),
            span=(bad, bad + 1),
        )


def _blank_line(text: str) -> int | None:
    """Return the offset of the first empty line between text lines, else None."""
    pos = text.find("\n\n")
    if pos >= 0:
        return pos + 1
    if text.startswith("\n"):
        return 0
    return None


def check_markup(scan: Scan, i: int, out: list[Finding]) -> None:
    """VTT-ESC-01 (unescaped ``&`` and ``<``), VTT-TAG-01 (tags) and VTT-TS-05 (timestamps)."""
    text = scan.cues[i].text
    if "&" in text:
        _check_ampersands(scan, i, out, text)
    if "<" in text:
        _check_tags(scan, i, out, text)


def _check_ampersands(scan: Scan, i: int, out: list[Finding], text: str) -> None:
    pos = text.find("&")
    while pos >= 0:
        ref = _REF.match(text, pos)
        valid = ref is not None and (ref.group(1).startswith("#") or ref.group(1) in html5)
        if not valid:
            scan.emit(
                out,
                "VTT-ESC-01",
                ERROR,
                i,
                _("A literal '&' must be written '&amp;' in WebVTT."),
                span=(pos, pos + 1),
                suggestion="&amp;",
            )
            return
        pos = text.find("&", pos + 1)


def _clean_karaoke(cue_start: int, cue_end: int, view: CueView) -> bool:
    """Return True when the cue of ``view`` has auto-caption markup with nothing to report:
    only ``<c>…</c>`` spans and ``<hh:mm:ss.mmm>`` word times, in order and inside the cue.

    The view's tags tell (the text between them cannot hold a '<'): without the spans, which
    come one right after the other there, only word times may be left. Timestamps of this
    fixed form sort as strings in time order, so only the first and the last are read, as
    numbers in the form hhmmssmmm (which keep the order of the times), to be compared with the
    cue's times in that form.
    """
    tags = view.tags
    if tags is None or not 0 <= cue_start <= cue_end < _MAX_FIXED_MS:
        return False
    times = tags.replace("<c></c>", "")
    if _FIXED_STAMPS.fullmatch(times) is None:
        return False
    if not times:
        return True
    stamps = times[1:-1].split("><")
    return (
        int(stamps[0].replace(":", "").replace(".", "")) >= _digits_form(cue_start)
        and int(stamps[-1].replace(":", "").replace(".", "")) <= _digits_form(cue_end)
        and stamps == sorted(stamps)
    )


def _digits_form(ms: int) -> int:
    """Return a time under 100 hours as the number hhmmssmmm (00:01:02.345 is 102345)."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return hours * 10_000_000 + minutes * 100_000 + rest


def _check_tags(scan: Scan, i: int, out: list[Finding], text: str) -> None:
    cue = scan.cues[i]
    if _clean_karaoke(cue.start_ms, cue.end_ms, scan.view(i)):
        return
    tags = list(tag_spans(text))
    if text.count("<") != len(tags):
        _report_stray_less_than(scan, i, out, text, tags)
        return
    stack: list[str] = []
    last_time = scan.cues[i].start_ms
    for start, end in tags:
        inner = text[start + 1 : end - 1]
        # The karaoke spans of auto-captions are most of the tags there are: take them first.
        if inner == "c":
            stack.append("c")
        elif inner == "/c" and stack and stack[-1] == "c":
            stack.pop()
        elif not _TAG_START.match(inner):
            _report_stray_less_than(scan, i, out, text, tags)
            return
        elif inner[0].isdigit():
            last_time = _check_timestamp(scan, i, out, inner, (start, end), last_time)
        elif inner[0] == "/":
            _close(scan, i, out, stack, inner[1:].strip(), (start, end))
        else:
            _open(scan, i, out, stack, inner, (start, end))
    unclosed = [name for name in stack if name not in ("v", "rt")]
    if unclosed:
        scan.emit(
            out,
            "VTT-TAG-01",
            WARN,
            i,
            _("The tag <{unclosed}> is never closed; add </{unclosed}>.").format(
                unclosed=unclosed[-1]
            ),
        )


def _report_stray_less_than(
    scan: Scan, i: int, out: list[Finding], text: str, tags: list[tuple[int, int]]
) -> None:
    """Report the first ``<`` that does not start a tag (VTT-ESC-01)."""
    ends = dict(tags)
    pos = text.find("<")
    while pos >= 0:
        end = ends.get(pos)
        if end is None or not _TAG_START.match(text, pos + 1, end - 1):
            scan.emit(
                out,
                "VTT-ESC-01",
                ERROR,
                i,
                _(
                    "A literal '<' must be written '&lt;'; a player reads it as the start of "
                    "a tag and hides the text after it."
                ),
                span=(pos, pos + 1),
                suggestion="&lt;",
            )
            return
        pos = text.find("<", end)


def _open(
    scan: Scan, i: int, out: list[Finding], stack: list[str], inner: str, span: tuple[int, int]
) -> None:
    head, _space, annotation = inner.replace("\t", " ").partition(" ")
    name = head.split(".", 1)[0]
    if name not in _ALLOWED_TAGS:
        scan.emit(
            out,
            "VTT-TAG-01",
            WARN,
            i,
            _(
                "<{name}> is not a WebVTT tag; players ignore it (allowed: c, "
                "i, b, u, ruby, rt, v, lang)."
            ).format(name=name),
            span=span,
            suggestion="",
        )
        return
    if name in _ANNOTATED and not annotation.strip():
        what = "a speaker name" if name == "v" else "a language code"
        scan.emit(
            out,
            "VTT-TAG-01",
            WARN,
            i,
            f"<{name}> needs {what}, e.g. " + ("<v Anna Berg>." if name == "v" else "<lang en>."),
            span=span,
        )
    if name == "rt" and (not stack or stack[-1] != "ruby"):
        scan.emit(
            out, "VTT-TAG-01", WARN, i, _("<rt> is only allowed directly inside <ruby>."), span=span
        )
    # A new voice span implicitly ends an unclosed one (the common "<v A>…\n<v B>…" form).
    if name == "v" and stack and stack[-1] == "v":
        stack.pop()
    stack.append(name)


def _close(
    scan: Scan, i: int, out: list[Finding], stack: list[str], name: str, span: tuple[int, int]
) -> None:
    if name == "ruby" and stack and stack[-1] == "rt":
        stack.pop()
    if stack and stack[-1] == name:
        stack.pop()
        return
    if name in stack:
        scan.emit(
            out,
            "VTT-TAG-01",
            WARN,
            i,
            _(
                "</{name}> closes a tag while <{stack}> inside it is still "
                "open; close tags in the reverse order they were opened."
            ).format(name=name, stack=stack[-1]),
            span=span,
        )
        while stack and stack.pop() != name:
            pass
        return
    scan.emit(
        out,
        "VTT-TAG-01",
        WARN,
        i,
        _("</{name}> has no matching <{name}>.").format(name=name),
        span=span,
        suggestion="",
    )


def _check_timestamp(
    scan: Scan, i: int, out: list[Finding], inner: str, span: tuple[int, int], last_time: int
) -> int:
    match = _TIMESTAMP.fullmatch(inner)
    if match is None:
        scan.emit(
            out,
            "VTT-TS-05",
            WARN,
            i,
            _("<{inner}> is not a valid inline timestamp (write <hh:mm:ss.mmm>).").format(
                inner=inner
            ),
            span=span,
        )
        return last_time
    hours, minutes, seconds, millis = match.groups()
    ms = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)
    cue = scan.cues[i]
    # The spec's own examples put word timestamps exactly on the cue's start and end, so
    # equality is accepted; only times outside the cue or going backwards are flagged.
    if ms < cue.start_ms or ms > cue.end_ms:
        scan.emit(
            out,
            "VTT-TS-05",
            WARN,
            i,
            _("Word timestamp {ms} lies outside the cue ({start_ms}–{end_ms}).").format(
                ms=format_ms(ms), start_ms=format_ms(cue.start_ms), end_ms=format_ms(cue.end_ms)
            ),
            span=span,
        )
    elif ms < last_time:
        scan.emit(
            out,
            "VTT-TS-05",
            WARN,
            i,
            _("Word timestamp {ms} is earlier than the one before it.").format(ms=format_ms(ms)),
            span=span,
        )
    return max(ms, last_time)


RULES = (check_timing, check_identifier, check_settings, check_text, check_markup)
