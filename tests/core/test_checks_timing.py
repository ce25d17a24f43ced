"""QUALITY_RULES §3 timing checks: durations, reading speed, overlaps and gaps."""

from __future__ import annotations

from captionreview.core.model import Severity
from captionreview.core.profiles import builtin_profile
from tests.core.checks_util import cue, of, run


def test_minimum_duration_error_and_warning() -> None:
    cues = [
        cue(0, 0.5, "Två ord."),
        cue(2, 3.2, "Tre små ord."),
        cue(5, 5.9, "Ja."),
        cue(8, 10, "Lagom lång."),
    ]
    found = {f.cue_index: f.severity for f in of(run(cues), "TIM-01")}
    assert found == {0: Severity.ERROR, 1: Severity.WARN, 2: Severity.INFO}


def test_maximum_duration_spares_sound_only_cues() -> None:
    cues = [
        cue(0, 9, "Den här föreläsningen handlar om tillväxt."),
        cue(10, 20, "(Musik)"),
        cue(21, 27.9, "Under sju sekunder."),
    ]
    assert [f.cue_index for f in of(run(cues), "TIM-02")] == [0]


def test_reading_speed_thresholds_follow_the_profile() -> None:
    text = "x" * 32  # 32 characters
    cues = [cue(0, 2, text), cue(3, 4.9, text[:30]), cue(6, 10, text)]  # 16, 15.8, 8 cps
    found = {f.cue_index: f.severity for f in of(run(cues), "TIM-04")}
    assert found == {0: Severity.WARN, 1: Severity.WARN}
    fast = [cue(0, 1.5, "y" * 27)]  # 18 cps
    assert of(run(fast), "TIM-04")[0].severity is Severity.ERROR
    assert of(run(fast, builtin_profile("netflix-sv")), "TIM-04")[0].severity is Severity.WARN


def test_reading_speed_counts_visible_characters_only() -> None:
    # 20 visible characters over 2 s = 10 cps, though the markup makes the source longer.
    c = cue(0, 2, "<i>Tjugo tecken &amp; </i><c.x>mer</c>x")
    assert of(run([c]), "TIM-04") == []


def test_overlap_is_an_error_unless_placed_apart() -> None:
    cues = [cue(0, 3, "Ett."), cue(2.5, 5, "Två."), cue(4.9, 7, "Tre.", settings="line:0")]
    found = {f.cue_index: f.severity for f in of(run(cues), "TIM-05")}
    assert found == {1: Severity.ERROR, 2: Severity.INFO}


def test_side_by_side_cues_are_not_an_overlap_error() -> None:
    # W3C spec example 1: two speakers, one align:left size:50%, the other align:right.
    cues = [
        cue(30, 31.5, "När vi mejlade", settings="align:right size:50%"),
        cue(30.5, 32.5, "Pratade vi inte nog?", settings="align:left size:50%"),
        cue(31, 33, "Nej.", settings="align:left size:50%"),
    ]
    found = {f.cue_index: f.severity for f in of(run(cues), "TIM-05")}
    assert found == {1: Severity.INFO, 2: Severity.ERROR}


def test_nested_chapters_are_no_overlap_but_crossing_ones_are() -> None:
    nested = [cue(0, 84, "Introduction"), cue(0, 44, "Topics"), cue(44, 79, "Presenters")]
    assert of(run(nested), "TIM-05") == []
    crossing = [cue(0, 60, "The First Minute"), cue(30, 90, "The Final Minute")]
    assert [f.severity for f in of(run(crossing), "TIM-05")] == [Severity.ERROR]
    # A short caption inside a long one is still two captions on screen at once.
    short = [cue(0, 20, "Lång text."), cue(2, 4, "Kort.")]
    assert [f.severity for f in of(run(short), "TIM-05")] == [Severity.ERROR]


def test_small_gaps() -> None:
    cues = [
        cue(0, 2, "Ett."),
        cue(2.04, 4, "Två."),
        cue(4.3, 6, "Tre."),
        cue(6, 8, "Fyra."),
        cue(8.08, 10, "Fem."),
        cue(11, 13, "Sex."),
    ]
    findings = run(cues)
    assert [f.cue_index for f in of(findings, "TIM-06")] == [1]
    assert [f.cue_index for f in of(findings, "TIM-07")] == [2]


def test_disabled_rule_is_silent() -> None:
    profile = builtin_profile("se-public").with_overrides(disabled_rules=frozenset({"TIM-04"}))
    assert of(run([cue(0, 1, "y" * 40)], profile), "TIM-04") == []
