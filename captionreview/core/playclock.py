"""The playback clock and the player's states, free of Qt and libvlc so they are tested alone.

libvlc 3 updates its time only every 250-500 ms. The position is interpolated with a monotonic
clock, anchored on the first picture shown after a play, resume or seek and on libvlc's time
updates, and it never runs backwards while playing. Times are ``time.monotonic()`` seconds;
positions are milliseconds.
"""

from __future__ import annotations

from enum import StrEnum


class PlayerState(StrEnum):
    """What the player is doing; a ``str`` so signals and comparisons with text keep working."""

    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


# libvlc's time may lag our interpolation slightly; smaller backward corrections are absorbed
# by holding the position still instead of jumping back (captions must not flicker).
MAX_HOLD_MS = 400
# libvlc's time trails the shown picture by 0-50 ms (measured), so a clock anchored on a shown
# picture is kept while libvlc's time is at most this much behind it (or a little ahead);
# beyond, libvlc's time wins (audio clock drift, stalled pictures).
TRUST_BEHIND_MS = 80
TRUST_AHEAD_MS = 15


class PlayClock:
    """The interpolated position: ``anchor_pos + (now - anchor_t) * rate`` while running."""

    def __init__(self) -> None:
        self.pos = 0
        self.anchor_pos = 0
        self.anchor_t = 0.0
        self.running = False
        self.rate = 1.0
        self.duration = 0

    def clamp(self, ms: int) -> int:
        """Return ``ms`` limited to the video (0 .. duration when the duration is known)."""
        ms = max(0, ms)
        return min(ms, self.duration) if self.duration > 0 else ms

    def estimate(self, now: float) -> int:
        """Return the unclamped interpolated position at ``now`` (the held one when stopped)."""
        if not self.running:
            return self.pos
        return self.anchor_pos + int((now - self.anchor_t) * 1000 * self.rate)

    def position(self, now: float) -> int:
        """Return the position at ``now``: never behind the last one while running."""
        if self.running:
            return max(self.pos, self.clamp(self.estimate(now)))
        return self.pos

    def start(self, pos: int, at: float) -> None:
        """Run from ``pos`` at ``at``; going back is allowed here (a real correction)."""
        self.anchor_pos, self.anchor_t = pos, at
        self.running = True
        self.pos = self.clamp(min(pos, self.pos))

    def stop(self, now: float) -> None:
        """Freeze the position where it is at ``now``."""
        if self.running:
            self.pos = max(self.pos, self.clamp(self.estimate(now)))
        self.running = False

    def set_rate(self, rate: float, now: float) -> None:
        """Change the speed from ``now`` on without moving the position."""
        if self.running:
            self.anchor_pos, self.anchor_t = self.estimate(now), now
        self.rate = rate

    def follow(self, vlc_ms: int, at: float) -> bool:
        """Fold in libvlc's time ``vlc_ms`` reported at ``at``; True when the clock must restart.

        A small lag behind a picture-anchored clock is ignored, running slightly ahead
        re-anchors (the position then holds still until it catches up), anything else means
        libvlc's time wins and the caller restarts the clock with :meth:`start`.
        """
        estimate = self.estimate(at)
        if -TRUST_BEHIND_MS <= vlc_ms - estimate <= TRUST_AHEAD_MS:
            return False
        if vlc_ms > estimate or vlc_ms < estimate - MAX_HOLD_MS:
            return True
        self.anchor_pos, self.anchor_t = vlc_ms, at
        return False
