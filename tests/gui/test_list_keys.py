"""The cue list from the keyboard: Home and End go to the first and last cue."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.test_undo_redo import CAPTIONS, key
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]


def test_home_and_end_in_the_list_go_to_the_first_and_last_cue(
    qtbot, make_window, tmp_path: Path
) -> None:
    path = tmp_path / "three.vtt"
    path.write_text(CAPTIONS, encoding="utf-8")
    window = make_window()
    assert window.open_paths([path])
    window.select_cue(1)
    view = window.cue_view
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    key(qtbot, "End")
    assert window.current_index() == 2 and window.editor.index == 2
    key(qtbot, "Home")
    assert window.current_index() == 0 and window.editor.index == 0
    key(qtbot, "Down")
    assert window.current_index() == 1
