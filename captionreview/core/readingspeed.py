"""Reading speed (characters per second): one computation, one rounding, one grading.

The cue list, the cue editor, the TIM-04 check and the report all show and grade a cue's
speed through :func:`reading_speed` and :func:`speed_severity`, so a cue the list colours is
a cue the check reports. The speed is rounded once, half up, to tenths in integer arithmetic
(69 characters in 4.6 s is exactly 15.0, not 15.000000000000002), and the grade compares
that shown value with the profile's limits: what the editor reads is what is graded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from captionreview.core.model import Cue, Severity
from captionreview.core.profiles import Profile
from captionreview.core.vtt.cuetext import char_count


@dataclass(frozen=True, slots=True)
class ReadingSpeed:
    """Characters per second, held as whole tenths (``tenths / 10`` is the speed)."""

    tenths: int

    @property
    def value(self) -> float:
        """The speed in characters per second (exactly the shown tenths)."""
        return self.tenths / 10

    def __str__(self) -> str:
        return f"{self.tenths // 10}.{self.tenths % 10}"


def reading_speed(chars: int, duration_ms: int) -> ReadingSpeed | None:
    """Return ``chars`` over ``duration_ms`` rounded half up to tenths; None without a duration."""
    if duration_ms <= 0:
        return None
    # tenths = chars / seconds * 10 = chars * 10_000 / ms, rounded half up without floats.
    return _speed_of((chars * 20_000 + duration_ms) // (2 * duration_ms))


# One object per speed (they are immutable): the check asks for one per cue, and a frozen
# dataclass's constructor costs five times a cache's look-up.
_speed_of = lru_cache(maxsize=4096)(ReadingSpeed)


def cue_reading_speed(cue: Cue) -> ReadingSpeed | None:
    """Return the speed at which ``cue``'s visible characters must be read (line breaks not
    counted); None when its duration is not positive."""
    return reading_speed(char_count(cue.text), cue.duration_ms)


@lru_cache(maxsize=64)
def _limit_tenths(limit: float) -> int:
    return round(limit * 10)


def speed_severity(speed: ReadingSpeed | None, profile: Profile) -> Severity | None:
    """Return ERROR above ``profile``'s limit (or for no duration), WARN above its warning
    level, else None; the shown (rounded) speed is what is compared."""
    if speed is None or speed.tenths > _limit_tenths(profile.cps_error):
        return Severity.ERROR
    if speed.tenths > _limit_tenths(profile.cps_warn):
        return Severity.WARN
    return None
