"""The restore question after a crash shows what would come back and has keyboard mnemonics."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from captionreview.core.document import Document
from captionreview.core.journal import Journal, changed_cues
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]

SOURCE = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nföre läsningen\n\n"
    "00:00:03.000 --> 00:00:04.000\nsom vanligt\n"
)


def test_changed_cues_name_the_cues_the_work_changes(tmp_path: Path) -> None:
    path = tmp_path / "talk.vtt"
    path.write_text(SOURCE, encoding="utf-8")
    doc = Document.from_text(SOURCE, path)
    doc.set_text(0, "Föreläsningen.")
    doc.delete([1])
    assert changed_cues(doc) == [
        "Cue 1 at 00:00:01.000: “före läsningen” → “Föreläsningen.”",
        "Cue at 00:00:03.000 deleted: “som vanligt”",
    ]
    doc.undo()
    doc.undo()
    assert changed_cues(doc) == []


def test_the_restore_question_lists_the_changes_and_has_mnemonics(
    qtbot, make_window, tmp_path: Path
) -> None:
    path = tmp_path / "talk.vtt"
    path.write_text(SOURCE, encoding="utf-8")
    journal_dir = tmp_path / "journal"
    doc = Document.from_text(SOURCE, path)
    doc.set_text(0, "Föreläsningen.")
    Journal(journal_dir).write(doc)
    window = make_window(journal_dir)
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "restoreDialog":
            qtbot.wait(20)
            return answer()
        seen["text"] = box.text()
        seen["buttons"] = sorted(b.text() for b in box.findChildren(QAbstractButton) if b.text())
        restore = next(b for b in box.buttons() if b.text() == "&Restore")
        restore.click()
        return None

    QTimer.singleShot(50, answer)
    assert window.offer_restore()
    assert "What would come back:" in str(seen["text"])
    assert "Cue 1 at 00:00:01.000: “före läsningen” → “Föreläsningen.”" in str(seen["text"])
    buttons = [b for b in seen["buttons"] if b.startswith("&")]  # type: ignore[union-attr]
    assert {"&Restore", "&Discard", "&Not now"} <= set(buttons)
    assert window.document.cues[0].text == "Föreläsningen."
