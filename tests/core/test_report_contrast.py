"""The report's colours meet WCAG AA on its white page: 4.5:1 for text, 3:1 for chart marks."""

from __future__ import annotations

import re

from captionreview.core import report
from captionreview.core.contrast import GRAPHICS_AA, TEXT_AA, contrast_ratio
from captionreview.core.model import Severity

WHITE = "#ffffff"


def test_contrast_ratio_matches_the_wcag_examples() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54
    assert contrast_ratio("#ffffff", "#ffffff") == 1.0


def test_severity_colours_are_readable_as_text_on_white() -> None:
    for severity in Severity:
        assert contrast_ratio(report._COLOURS[severity], WHITE) >= TEXT_AA, severity
    assert contrast_ratio(report._OK, WHITE) >= TEXT_AA
    assert contrast_ratio(report._CUE_GREY, WHITE) >= TEXT_AA


def test_cue_marks_stand_out_from_the_timeline_track() -> None:
    assert contrast_ratio(report._CUE_GREY, report._TRACK) >= GRAPHICS_AA


def test_every_text_colour_in_the_stylesheet_meets_aa_on_its_background() -> None:
    pairs = [
        (colour, background or WHITE)
        for rule in re.findall(r"\{([^}]*)\}", report._CSS)
        for colour in re.findall(r"(?<![-\w])color:(#[0-9a-f]{3,6})", rule)
        for background in [next(iter(re.findall(r"background:(#[0-9a-f]{6})", rule)), None)]
    ]
    assert len(pairs) >= 8
    for colour, background in pairs:
        full = colour if len(colour) == 7 else "#" + "".join(c * 2 for c in colour[1:])
        assert contrast_ratio(full, background) >= TEXT_AA, (colour, background)
