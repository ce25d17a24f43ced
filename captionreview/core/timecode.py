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
_VTT_TS_RE = re.compile(r"([0-9]+):([0-9]{2})(?::([0-9]{2}))?\.([0-9]{3})\Z")
# What a person types into the cue list or editor: [h:]m:ss[.mmm], or seconds (12.5).
_LIST_TIME_RE = re.compile(r"^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?\s*$")
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


def parse_vtt_timestamp(text: str) -> int | None:
    """Return the milliseconds of a WebVTT timestamp string, None when it is not one."""
    m = _VTT_TS_RE.match(text)
    if m is None:
        return None
    first, second, third, millis = m.groups()
    if len(first) > MAX_HOUR_DIGITS:
        return None
    if third is None:
        if len(first) != 2 or int(first) > 59:
            return None
        hours, minutes, seconds = 0, int(first), int(second)
    else:
        hours, minutes, seconds = int(first), int(second), int(third)
    if minutes > 59 or seconds > 59:
        return None
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(millis)


def format_ms(ms: int) -> str:
    """Return ``ms`` as ``HH:MM:SS.mmm`` (with a minus sign when negative)."""
    sign = "-" if ms < 0 else ""
    hours, minutes, seconds, millis = clock_parts(abs(ms))
    return f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def format_list_time(ms: int) -> str:
    """Return ``ms`` as ``m:ss.mmm`` (``h:mm:ss.mmm`` from one hour on; negative with a minus)."""
    sign = "-" if ms < 0 else ""
    hours, minutes, seconds, millis = clock_parts(abs(ms))
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"
    return f"{sign}{minutes:02d}:{seconds:02d}.{millis:03d}"


def parse_list_time(text: str) -> int:
    """Parse ``[h:]m:ss[.mmm]`` or seconds (``12.5``) into ms; raises ValueError saying why."""
    match = _LIST_TIME_RE.match(text)
    shown = repr(text.strip())
    if not match:
        raise ValueError(
            _("{time} is not a time: write it as m:ss.mmm, e.g. 1:02.500").format(time=shown)
        )
    hours, minutes, seconds, fraction = match.groups()
    if minutes is not None and int(seconds) > 59:
        raise ValueError(_("{time}: seconds must be 00-59").format(time=shown))
    if hours is not None and int(minutes) > 59:
        raise ValueError(_("{time}: minutes must be 00-59").format(time=shown))
    millis = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds)) * 1000 + millis


def format_playback_time(ms: int) -> str:
    """Return ``ms`` as ``MM:SS.t`` (or ``H:MM:SS.t`` from one hour), e.g. ``01:02.3``."""
    hours, minute, second, millis = clock_parts(max(0, int(ms)))
    tenth = millis // 100
    if hours:
        return f"{hours}:{minute:02d}:{second:02d}.{tenth}"
    return f"{minute:02d}:{second:02d}.{tenth}"
