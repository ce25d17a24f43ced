"""Timestamps at the file boundary: WebVTT and SRT strings <-> ``int`` milliseconds."""

from __future__ import annotations

import re

from captionreview.core.i18n import _

# Hours written with more digits than this are no real time, and int() refuses 4,301 digits
# (and takes quadratic time below that): every timestamp parser rejects them.
MAX_HOUR_DIGITS = 9

_SRT_TS_RE = re.compile(
    rf"\s*(\d{{1,{MAX_HOUR_DIGITS}}}):(\d{{1,2}}):(\d{{1,2}})(?:[,.:](\d{{1,3}}))?\s*\Z"
)
_SBV_TS_RE = re.compile(
    rf"\s*(?:(\d{{1,{MAX_HOUR_DIGITS}}}):)?(\d{{1,2}}):(\d{{1,2}})(?:\.(\d{{1,3}}))?\s*\Z"
)


def explain_timestamp(text: str) -> str:
    """Return a plain sentence saying why ``text`` is not a valid WebVTT timestamp."""
    if not text:
        return _("a timestamp is missing")
    parts = re.split(r"[:.,]", text)
    if "," in text:
        return _(
            "timestamp {text} uses a comma; WebVTT needs a full stop before the milliseconds"
        ).format(text=text)
    if "." not in text:
        return _("timestamp {text} has no milliseconds (write it like 00:01:02.000)").format(
            text=text
        )
    # ASCII digits only: "²" or "٣" pass str.isdigit() but are no timestamp digits (and
    # int() refuses "5²").
    if not all(p.isascii() and p.isdigit() for p in parts):
        return _("timestamp {text} contains something other than digits, ':' and '.'").format(
            text=text
        )
    *hms, millis = parts
    names = ["seconds", "minutes", "hours"]
    for name, part in zip(names, reversed(hms), strict=False):
        if name != "hours" and len(part) != 2:
            return _(
                "timestamp {text} has {part_count} digit(s) for the {name}; it needs 2"
            ).format(text=text, part_count=len(part), name=name)
        if name != "hours" and int(part) > 59:
            return _("timestamp {text} has {part} {name}; the most is 59").format(
                text=text, part=part, name=name
            )
        if name == "hours" and len(part) > MAX_HOUR_DIGITS:
            return _(
                "timestamp has {part_count} digits for the hours; the most is {MAX_HOUR_DIGITS}"
            ).format(part_count=len(part), MAX_HOUR_DIGITS=MAX_HOUR_DIGITS)
    if len(millis) != 3:
        return _(
            "timestamp {text} has {millis_count} digit(s) for the milliseconds; it needs 3"
        ).format(text=text, millis_count=len(millis))
    if len(hms) not in (2, 3):
        return _("timestamp {text} is not of the form HH:MM:SS.mmm").format(text=text)
    return _("timestamp {text} is not valid").format(text=text)


def clock_parts(ms: int) -> tuple[int, int, int, int]:
    """Return ``ms`` (0 or more) as hours, minutes, seconds and milliseconds."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return hours, minutes, seconds, millis


def format_vtt_timestamp(ms: int) -> str:
    """Return the canonical WebVTT timestamp ``HH:MM:SS.mmm`` (negative times clamp to 0)."""
    hours, minutes, seconds, millis = clock_parts(max(ms, 0))
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def format_srt_timestamp(ms: int) -> str:
    """Return an SRT timestamp ``HH:MM:SS,mmm`` (negative times clamp to 0)."""
    return format_vtt_timestamp(ms).replace(".", ",")


def _to_ms(hours: str | None, minutes: str, seconds: str, frac: str | None) -> int:
    millis = int((frac or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis


def parse_srt_timestamp(text: str) -> int | None:
    """Return the milliseconds of an SRT timestamp (``HH:MM:SS,mmm``, lenient), None if invalid."""
    m = _SRT_TS_RE.match(text)
    if m is None:
        return None
    return _to_ms(*m.groups())


def parse_sbv_timestamp(text: str) -> int | None:
    """Return the milliseconds of an SBV timestamp (``H:MM:SS.mmm``), None if invalid."""
    m = _SBV_TS_RE.match(text)
    if m is None:
        return None
    return _to_ms(*m.groups())
