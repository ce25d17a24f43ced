"""Offer bars come back only with something to offer: never empty after a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolBar

from captionreview.qt.offer_bar import OfferBar
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]


def offer_bars(window) -> list[OfferBar]:  # type: ignore[no-untyped-def]
    return [bar for bar in window.findChildren(QToolBar) if isinstance(bar, OfferBar)]


def test_an_offer_bar_up_at_close_does_not_come_back_empty(
    qtbot, make_window, demo_dir: Path, tmp_path: Path
) -> None:
    auto = demo_dir / "youtube" / "lecture.sv.vtt"
    if not auto.is_file():
        pytest.skip("the demo's YouTube-form captions are not in assets/demo")
    first = make_window()
    assert first.open_paths([auto])
    shown = [bar for bar in offer_bars(first) if bar.isVisible()]
    assert shown and all(bar.message.text() for bar in shown)
    first.close()  # saves the layout with the bar's last state

    # The next start opens its file before the window first shows (as run_gui does), and
    # the window then restores the tool bars as they were.
    from captionreview.core.journal import Journal
    from captionreview.qt.app import open_window

    second = open_window(journal=Journal(tmp_path / "journal-2"))
    plain = tmp_path / "plain.vtt"
    plain.write_text("WEBVTT\n\n00:01.000 --> 00:03.000\nHej där.\n", encoding="utf-8")
    assert second.open_paths([plain])
    second.show()
    qtbot.wait(50)
    try:
        assert [bar.objectName() for bar in offer_bars(second) if bar.isVisible()] == []
    finally:
        second.close()
        second.deleteLater()
