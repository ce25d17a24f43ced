"""Undo and Redo in the real window, driven by real key presses on the focused widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.gui.windowtools import make_window_fixture, type_text

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]

CAPTIONS = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:03.000\nförsta raden\n\n"
    "00:00:04.000 --> 00:00:06.000\nandra raden\n\n"
    "00:00:07.000 --> 00:00:09.000\ntredje raden\n"
)


def key(qtbot, sequence: str) -> None:
    """Press ``sequence`` on whatever widget has the focus, as a user would."""
    from PySide6.QtWidgets import QApplication

    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def menu_state(window) -> tuple[str, bool, str, bool]:
    undo, redo = window.action("undo"), window.action("redo")
    return (
        undo.text().replace("&", ""),
        undo.isEnabled(),
        redo.text().replace("&", ""),
        redo.isEnabled(),
    )


@pytest.fixture
def window(qtbot, make_window, tmp_path: Path):
    path = tmp_path / "three.vtt"
    path.write_text(CAPTIONS, encoding="utf-8")
    window = make_window()
    assert window.open_paths([path])
    window.select_cue(0)
    window.editor.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    return window


def edit_two_cues(qtbot, window) -> None:
    """Type at the end of cue 1, go back to the list, down to cue 2, type there."""
    edit = window.editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " ett")
    key(qtbot, "Escape")
    assert window.cue_view.hasFocus()
    key(qtbot, "Down")
    key(qtbot, "Return")
    assert edit.hasFocus() and window.editor.index == 1
    type_text(edit, " två")


def test_redo_works_after_undo_of_the_second_of_two_edits(qtbot, window) -> None:
    edit_two_cues(qtbot, window)
    doc = window.document
    assert [c.text for c in doc.cues[:2]] == ["första raden ett", "andra raden två"]
    assert menu_state(window) == ("Undo Edit text", True, "Redo", False)

    key(qtbot, "Ctrl+Z")
    assert doc.cues[1].text == "andra raden"
    assert menu_state(window) == ("Undo Edit text", True, "Redo Edit text", True)

    key(qtbot, "Ctrl+Shift+Z")
    assert doc.cues[1].text == "andra raden två"
    assert menu_state(window) == ("Undo Edit text", True, "Redo", False)

    key(qtbot, "Ctrl+Z")
    key(qtbot, "Ctrl+Z")
    assert [c.text for c in doc.cues[:2]] == ["första raden", "andra raden"]
    assert menu_state(window) == ("Undo", False, "Redo Edit text", True)
    assert not window.isWindowModified()

    key(qtbot, "Ctrl+Y")
    assert doc.cues[0].text == "första raden ett"
    assert window.isWindowModified()
    assert menu_state(window) == ("Undo Edit text", True, "Redo Edit text", True)
    key(qtbot, "Ctrl+Y")
    assert doc.cues[1].text == "andra raden två"
    assert menu_state(window) == ("Undo Edit text", True, "Redo", False)


def test_the_undo_label_names_the_latest_edit_at_once(qtbot, window) -> None:
    edit_two_cues(qtbot, window)
    key(qtbot, "Escape")
    key(qtbot, "Ctrl+Shift+Delete")
    assert len(window.document) == 2
    assert menu_state(window)[0] == f"Undo {window.document.undo_description}"
    assert window.document.undo_description != "Edit text"
    key(qtbot, "Ctrl+Z")
    assert len(window.document) == 3
    assert menu_state(window) == (
        "Undo Edit text",
        True,
        f"Redo {window.document.redo_description}",
        True,
    )
