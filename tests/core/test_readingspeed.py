"""Reading speed: one computation and one rounding for the list, editor, TIM-04 and report."""

from __future__ import annotations

import pytest

from captionreview.core.model import Cue, Severity
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.readingspeed import cue_reading_speed, reading_speed, speed_severity
from captionreview.core.report import speed_histogram
from tests.core.checks_util import of, run


def text_of(chars: int) -> str:
    """A sentence of exactly ``chars`` visible characters on two lines."""
    sentence = ("Det här är en mening som fortsätter " * 10)[: chars - 1] + "."
    half = len(sentence) // 2
    return sentence[:half] + "\n" + sentence[half:]


@pytest.mark.parametrize(
    ("chars", "ms", "shown"),
    [
        (69, 4600, "15.0"),
        (70, 4600, "15.2"),
        (47, 3125, "15.0"),
        (1, 3000, "0.3"),
        (3, 2000, "1.5"),
    ],
)
def test_the_speed_is_rounded_once_half_up_to_tenths(chars: int, ms: int, shown: str) -> None:
    assert str(reading_speed(chars, ms)) == shown


def test_a_cue_without_duration_has_no_speed_and_is_an_error() -> None:
    assert reading_speed(10, 0) is None
    assert speed_severity(None, DEFAULT_PROFILE) is Severity.ERROR


def test_line_breaks_are_not_read() -> None:
    cue = Cue(0, 1000, text_of(20))
    assert "\n" in cue.text and str(cue_reading_speed(cue)) == "20.0"


@pytest.mark.parametrize(
    ("chars", "ms", "severity"),
    [(69, 4600, None), (47, 3125, None), (70, 4600, Severity.WARN), (80, 4600, Severity.ERROR)],
)
def test_the_check_and_the_report_grade_as_the_list_does(chars, ms, severity) -> None:
    assert DEFAULT_PROFILE.cps_warn == 15 and DEFAULT_PROFILE.cps_error == 17
    cue = Cue(1000, 1000 + ms, text_of(chars))
    assert speed_severity(cue_reading_speed(cue), DEFAULT_PROFILE) is severity
    found = of(run([cue]), "TIM-04")
    assert [f.severity for f in found] == ([] if severity is None else [severity])
    if found:
        assert str(cue_reading_speed(cue)) in found[0].message
    above_warn = 0 if severity is None else 1
    above_error = 1 if severity is Severity.ERROR else 0
    assert (
        f"{above_warn} above 15 and {above_error} above 17 characters per second"
        in speed_histogram([cue], DEFAULT_PROFILE)
    )
