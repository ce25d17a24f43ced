"""QUALITY_RULES.md §3: duration, reading speed, overlap and gaps (TIM-01, 02, 04, 05, 06, 07).

TIM-03 (duration against text, Swedish practice) is the same measure as TIM-04 and is not
reported twice; TIM-08 to TIM-10 need the audio and belong to the sync tools.
"""

from __future__ import annotations

import re
from functools import lru_cache

from captionreview.core.checks.base import Scan
from captionreview.core.i18n import _, current_language
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.readingspeed import ReadingSpeed, reading_speed, speed_severity
from captionreview.core.timecode import format_ms

ERROR, WARN, INFO = Severity.ERROR, Severity.WARN, Severity.INFO

BRIDGE_MAX_MS = 50
_SOUND_ONLY = re.compile(r"\s*(?:[(\[][^()\[\]]*[)\]]|♪[^♪]*♪?|♪)\s*", re.S)
# The settings that decide where a cue sits: two cues that differ in any of them (e.g. one
# align:left size:50%, the other align:right size:50%) are side by side, not stacked.
_PLACEMENT = ("line:", "position:", "region:", "vertical:", "align:", "size:")


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_bridge(scan: Scan, i: int) -> bool:
    """Return True for a YouTube 'bridge' cue: ≤ 50 ms repeating text already shown (ASR-02)."""
    cue = scan.cues[i]
    if i == 0 or not 0 <= cue.duration_ms <= BRIDGE_MAX_MS:
        return False
    mine = _squash(scan.view(i).plain)
    return bool(mine) and mine in _squash(scan.view(i - 1).plain)


def is_sound_only(plain: str) -> bool:
    """Return True when the visible text is only a sound or music description."""
    return bool(plain.strip()) and all(
        _SOUND_ONLY.fullmatch(line) for line in plain.split("\n") if line.strip()
    )


def check_duration(scan: Scan, i: int, out: list[Finding]) -> None:
    """TIM-01 minimum and TIM-02 maximum duration; TIM-04 reading speed."""
    cue = scan.cues[i]
    duration = cue.duration_ms
    if duration <= 0 or is_bridge(scan, i):
        return  # VTT-TS-03 or ASR-02 already says what is wrong with this cue
    profile = scan.profile
    view = scan.view(i)
    seconds = duration / 1000
    if duration < profile.min_duration_error_ms:
        scan.emit(
            out,
            "TIM-01",
            ERROR,
            i,
            _(
                "Shown for only {seconds:.2f} s; a caption needs at least "
                "{min_duration_error_ms:.3g} s to be noticed "
                "({min_duration_warn_ms:.3g} s to be read)."
            ).format(
                seconds=seconds,
                min_duration_error_ms=profile.min_duration_error_ms / 1000,
                min_duration_warn_ms=profile.min_duration_warn_ms / 1000,
            ),
        )
    elif duration < profile.min_duration_warn_ms:
        # A single word in fast dialogue is the accepted exception (TIM-01).
        severity = INFO if len(view.plain.split()) <= 1 else WARN
        scan.emit(
            out,
            "TIM-01",
            severity,
            i,
            _(
                "Shown for {seconds:.2f} s; captions should stay at least "
                "{min_duration_warn_ms:.3g} s."
            ).format(seconds=seconds, min_duration_warn_ms=profile.min_duration_warn_ms / 1000),
        )
    if duration > profile.max_duration_ms and not is_sound_only(view.plain):
        scan.emit(
            out,
            "TIM-02",
            WARN,
            i,
            _(
                "Shown for {seconds:.1f} s, longer than {max_duration_ms:.3g} "
                "s; split the cue or end it when the speech pauses."
            ).format(seconds=seconds, max_duration_ms=profile.max_duration_ms / 1000),
        )
    if not view.chars:
        return
    speed = reading_speed(view.chars, duration)
    graded = speed_severity(speed, profile)
    if speed is None or graded is None:
        return
    # The messages are cached by the speed's tenths: a ReadingSpeed's hash runs in Python.
    if graded is ERROR:
        message = _too_fast(speed.tenths, profile.cps_error, current_language())
    else:
        message = _rather_fast(speed.tenths, profile.cps_warn, current_language())
    scan.emit(out, "TIM-04", graded, i, message)


# The same few messages are made for thousands of cues: each is formatted once per language.
@lru_cache(maxsize=1024)
def _too_fast(tenths: int, cps_error: float, language: str) -> str:
    return _(
        "Reading speed {speed} characters/s is above {cps_error:g}: "
        "shorten the text or show it longer."
    ).format(speed=ReadingSpeed(tenths), cps_error=cps_error)


@lru_cache(maxsize=1024)
def _rather_fast(tenths: int, cps_warn: float, language: str) -> str:
    return _(
        "Reading speed {speed} characters/s is above {cps_warn:g}: "
        "consider shortening the text or showing it longer."
    ).format(speed=ReadingSpeed(tenths), cps_warn=cps_warn)


@lru_cache(maxsize=1024)
def _short_gap(gap: int, min_gap: int, language: str) -> str:
    return _(
        "Only {gap} ms after the previous cue: the eye does not see a "
        "new caption. Leave {min_gap} ms or close the gap."
    ).format(gap=gap, min_gap=min_gap)


@lru_cache(maxsize=1024)
def _flicker_gap(gap: int, min_gap: int, language: str) -> str:
    return _(
        "A {gap} ms gap before this cue makes the display flicker; close it to {min_gap} ms."
    ).format(gap=gap, min_gap=min_gap)


def _placement(settings: str) -> tuple[str, ...]:
    return tuple(sorted(t for t in settings.split() if t.startswith(_PLACEMENT)))


def _nested_chapters(prev: Cue, cue: Cue, longest_caption_ms: int) -> bool:
    """Return True when ``cue`` is a chapter nested in chapter ``prev`` (a chapters track).

    Chapter titles last far longer than any caption and are one line each; a nested chapter
    lies wholly inside its parent (WebVTT chapters may nest, but not overlap otherwise).
    """
    return (
        prev.start_ms <= cue.start_ms
        and cue.end_ms <= prev.end_ms
        and cue.duration_ms > longest_caption_ms
        and "\n" not in prev.text.strip()
        and "\n" not in cue.text.strip()
    )


def check_neighbours(scan: Scan, i: int, out: list[Finding]) -> None:
    """TIM-05 overlap with the previous cue, TIM-06 too small a gap, TIM-07 gaps to close."""
    if i == 0:
        return
    prev, cue = scan.cues[i - 1], scan.cues[i]
    if prev.end_ms <= prev.start_ms or cue.start_ms < prev.start_ms:
        return  # VTT-TS-03 / VTT-TS-04 already report the broken timing
    gap = cue.start_ms - prev.end_ms
    min_gap = scan.profile.min_gap_ms
    if gap < 0:
        if _nested_chapters(prev, cue, scan.profile.max_duration_ms):
            return
        if _placement(prev.settings) == _placement(cue.settings):
            scan.emit(
                out,
                "TIM-05",
                ERROR,
                i,
                _(
                    "Overlaps the previous cue by {value} ms: both are on screen "
                    "at once (previous ends {end_ms}). Trim the previous cue."
                ).format(value=-gap, end_ms=format_ms(prev.end_ms)),
            )
        else:
            scan.emit(
                out,
                "TIM-05",
                INFO,
                i,
                _(
                    "Overlaps the previous cue by {value} ms, placed elsewhere on "
                    "screen; check that the two do not cover each other."
                ).format(value=-gap),
            )
    elif 0 < gap < min_gap:
        scan.emit(out, "TIM-06", WARN, i, _short_gap(gap, min_gap, current_language()))
    elif min_gap < gap < scan.profile.close_gap_below_ms:
        scan.emit(out, "TIM-07", INFO, i, _flicker_gap(gap, min_gap, current_language()))


RULES = (check_duration, check_neighbours)
