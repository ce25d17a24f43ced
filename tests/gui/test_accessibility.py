"""Severity and reading speed in words and shape, Tab reach and focus, as Qt exposes them to
assistive technology (the AT-SPI walk of the running app is tests/gui/test_accessibility_tree.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from captionreview.core.model import Severity
from captionreview.qt.a11y import TabToolBar
from captionreview.qt.cue_model import COL_CPS
from captionreview.qt.offer_bar import OfferBar
from captionreview.qt.severity import severity_icon, severity_word
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]

FAST_AND_SLOW = """WEBVTT

00:00:01.000 --> 00:00:05.600
Det här är en ganska lång undertext som visas länge nog för att läsas.

00:00:06.000 --> 00:00:07.000
Den här undertexten har alldeles för många tecken för sin korta tid.

00:00:08.000 --> 00:00:12.000
Lugn text.
"""


def open_captions(make_window, tmp_path: Path):
    path = tmp_path / "speed.vtt"
    path.write_text(FAST_AND_SLOW, encoding="utf-8")
    window = make_window()
    assert window.open_paths([path])
    return window


def test_each_severity_has_its_own_shape_and_word(qtbot) -> None:
    images = {s: severity_icon(s).pixmap(14, 14).toImage() for s in Severity}
    assert len({images[s].cacheKey() for s in Severity}) == 3
    # Different shapes, not only different colours: the covered pixels differ.
    masks = {
        s: frozenset(
            (x, y) for x in range(14) for y in range(14) if images[s].pixelColor(x, y).alpha() > 128
        )
        for s in Severity
    }
    assert masks[Severity.ERROR] != masks[Severity.WARN] != masks[Severity.INFO]
    assert masks[Severity.ERROR] != masks[Severity.INFO]
    assert [severity_word(s) for s in Severity] == ["error", "warning", "note"]


def test_cps_cells_say_their_grade_in_words_and_carry_its_shape(
    qtbot, make_window, tmp_path: Path
) -> None:
    window = open_captions(make_window, tmp_path)
    model = window.cue_model
    fast = model.index(1, COL_CPS)
    calm = model.index(2, COL_CPS)
    assert fast.data(Qt.ItemDataRole.AccessibleTextRole).endswith("characters per second, error")
    assert fast.data(Qt.ItemDataRole.DecorationRole) is not None
    assert calm.data(Qt.ItemDataRole.AccessibleTextRole).endswith("characters per second")
    assert calm.data(Qt.ItemDataRole.DecorationRole) is None
    window.select_cue(1)
    assert "(error)" in window.editor.timing_label.text()


def test_row_headers_name_the_worst_severity_of_their_cue(
    qtbot, make_window, tmp_path: Path
) -> None:
    window = open_captions(make_window, tmp_path)
    model = window.cue_model
    vertical = Qt.Orientation.Vertical
    qtbot.waitUntil(
        lambda: model.headerData(1, vertical, Qt.ItemDataRole.AccessibleTextRole) == "2, error",
        timeout=5000,
    )
    assert model.headerData(1, vertical, Qt.ItemDataRole.DecorationRole) is not None
    assert "error" in model.headerData(1, vertical, Qt.ItemDataRole.ToolTipRole)


def tab_chain(start: QWidget, steps: int = 400) -> list[QWidget]:
    """The widgets Tab visits from ``start`` (each one once)."""
    seen: list[QWidget] = []
    widget = start
    for _ in range(steps):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget not in seen
        ):
            seen.append(widget)
    return seen


def test_tab_reaches_the_editor_toolbar_buttons(qtbot, make_window, tmp_path: Path) -> None:
    window = open_captions(make_window, tmp_path)
    toolbar = window.editor.toolbar
    assert isinstance(toolbar, TabToolBar)
    buttons = [w for w in toolbar.findChildren(QToolButton) if w.isVisible()]
    assert buttons
    chain = tab_chain(window.cue_view)
    assert all(button in chain for button in buttons)


def test_tab_reaches_both_buttons_of_an_offer_bar(qtbot) -> None:
    host = QWidget()
    bar = OfferBar("Offer", "test", "Do it", "testOffer", host)
    qtbot.addWidget(host)
    host.show()
    buttons = [bar.widgetForAction(bar.offer_action), bar.widgetForAction(bar.dismiss_action)]
    assert all(b is not None and b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    assert bar.accessibleName() == "Offer"


def test_opening_captions_puts_the_keyboard_focus_in_the_cue_list(
    qtbot, make_window, tmp_path: Path
) -> None:
    window = open_captions(make_window, tmp_path)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.cue_view, timeout=3000)
    assert window.cue_view.currentIndex().isValid()
