"""The playback clock interpolates libvlc's coarse time without Qt or libvlc."""

from __future__ import annotations

from captionreview.core.playclock import MAX_HOLD_MS, PlayClock, PlayerState


def running_clock(pos: int = 1000, at: float = 10.0, duration: int = 60_000) -> PlayClock:
    clock = PlayClock()
    clock.duration = duration
    clock.pos = pos
    clock.start(pos, at)
    return clock


def test_a_running_clock_advances_with_the_monotonic_time_times_the_rate() -> None:
    clock = running_clock()
    assert clock.position(10.25) == 1250
    clock.set_rate(2.0, 10.25)
    assert clock.position(10.5) == 1750


def test_a_stopped_clock_holds_its_position() -> None:
    clock = running_clock()
    clock.stop(10.3)
    assert not clock.running
    assert clock.position(99.0) == 1300


def test_the_position_is_clamped_to_the_video() -> None:
    clock = running_clock(pos=59_900)
    assert clock.position(11.0) == 60_000
    assert clock.clamp(-5) == 0


def test_an_unknown_duration_does_not_clamp_the_end() -> None:
    clock = running_clock(duration=0)
    assert clock.position(20.0) == 11_000


def test_libvlc_slightly_behind_a_picture_anchored_clock_is_ignored() -> None:
    clock = running_clock()
    assert clock.follow(1200, 10.25) is False
    assert clock.anchor_pos == 1000


def test_libvlc_slightly_behind_beyond_the_trust_window_re_anchors_and_holds() -> None:
    clock = running_clock()
    clock.pos = clock.position(10.5)
    assert clock.follow(1300, 10.5) is False
    assert (clock.anchor_pos, clock.anchor_t) == (1300, 10.5)
    # The position does not run backwards while the clock catches up.
    assert clock.position(10.6) == 1500
    assert clock.position(10.8) == 1600


def test_libvlc_far_behind_or_ahead_restarts_the_clock() -> None:
    clock = running_clock()
    assert clock.follow(1500 - MAX_HOLD_MS - 1, 10.5) is True
    assert clock.follow(1600, 10.5) is True


def test_restarting_may_go_back_for_a_real_correction() -> None:
    clock = running_clock()
    clock.pos = 3000
    clock.start(2000, 12.0)
    assert clock.position(12.0) == 2000
    assert clock.position(12.5) == 2500


def test_player_states_compare_equal_to_their_text() -> None:
    assert PlayerState.PLAYING == "playing"
    assert str(PlayerState.ERROR) == "error"
    assert [s.value for s in PlayerState] == ["stopped", "playing", "paused", "ended", "error"]
