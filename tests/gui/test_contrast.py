"""The window's colours meet WCAG AA against the palette it is drawn on: 4.5:1 for text, 3:1
for the marks that carry meaning (severity shapes, underlines)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from captionreview.core.contrast import GRAPHICS_AA, TEXT_AA, contrast_ratio
from captionreview.core.model import Severity
from captionreview.qt.cue_model import ERROR_BRUSH, WARN_BRUSH
from captionreview.qt.severity import OUTLINE, TEXT_COLOURS

pytestmark = [pytest.mark.gui]


def hex_of(colour: QColor) -> str:
    """``#rrggbb`` of an opaque colour."""
    return colour.name(QColor.NameFormat.HexRgb)


def over(brush_colour: QColor, background: QColor) -> str:
    """The opaque colour a translucent ``brush_colour`` gives when painted on ``background``."""
    alpha = brush_colour.alphaF()
    mixed = [
        round(alpha * a + (1 - alpha) * b)
        for a, b in zip(brush_colour.getRgb()[:3], background.getRgb()[:3], strict=True)
    ]
    return hex_of(QColor(*mixed))


@pytest.fixture(name="palette")
def palette_fixture(qtbot) -> QPalette:
    """The application's palette (the one every widget is drawn with)."""
    return QApplication.palette()


def backgrounds(palette: QPalette) -> list[str]:
    """Where the coloured text and marks are drawn: lists (base) and panels (window)."""
    return [
        hex_of(palette.color(QPalette.ColorRole.Base)),
        hex_of(palette.color(QPalette.ColorRole.Window)),
    ]


def test_severity_colours_are_readable_text_on_lists_and_panels(palette: QPalette) -> None:
    for severity in Severity:
        for background in backgrounds(palette):
            ratio = contrast_ratio(TEXT_COLOURS[severity], background)
            assert ratio >= TEXT_AA, (severity, background, round(ratio, 2))


def test_severity_shapes_stand_out_from_the_list(palette: QPalette) -> None:
    base = hex_of(palette.color(QPalette.ColorRole.Base))
    assert contrast_ratio(OUTLINE, base) >= GRAPHICS_AA
    for severity in Severity:
        assert contrast_ratio(TEXT_COLOURS[severity], base) >= GRAPHICS_AA


def test_text_on_the_reading_speed_highlights_stays_readable(palette: QPalette) -> None:
    base = palette.color(QPalette.ColorRole.Base)
    text = hex_of(palette.color(QPalette.ColorRole.Text))
    for brush in (WARN_BRUSH, ERROR_BRUSH):
        ratio = contrast_ratio(text, over(brush.color(), base))
        assert ratio >= TEXT_AA, round(ratio, 2)
