"""Every button, box and labelled field of the dialogs has an Alt letter (a mnemonic), so the
keyboard reaches each without Tab-walking (EN 301 549 11.2.1.1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel

from captionreview.core.document import Document
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.qt.cleanup_dialog import CleanupDialog
from captionreview.qt.find_replace import FindReplaceDialog
from captionreview.qt.glossary_editor import GlossaryEditor
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]

CAPTIONS = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nhej och välkomna\n"


def without_mnemonic(dialog: QDialog) -> list[str]:
    """The texts of the dialog's buttons and buddy labels that have no ``&`` letter."""
    missing = [
        button.text()
        for button in dialog.findChildren(QAbstractButton)
        if button.text().strip() and "&" not in button.text()
    ]
    missing += [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None and "&" not in label.text()
    ]
    return missing


def test_the_find_and_replace_dialog_has_a_letter_for_everything(qtbot, make_window) -> None:
    window = make_window()
    dialog = FindReplaceDialog(window, window)
    qtbot.addWidget(dialog)
    assert without_mnemonic(dialog) == []


def test_the_glossary_editor_has_a_letter_for_everything(qtbot, tmp_path: Path) -> None:
    dialog = GlossaryEditor(tmp_path / "glossary.txt")
    qtbot.addWidget(dialog)
    assert without_mnemonic(dialog) == []


def test_the_clean_up_preview_has_a_letter_for_everything(qtbot) -> None:
    dialog = CleanupDialog(Document.from_text(CAPTIONS), DEFAULT_PROFILE)
    qtbot.addWidget(dialog)
    assert without_mnemonic(dialog) == []
