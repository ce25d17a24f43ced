"""Text from a caption file reaches Qt as plain text: tooltips, labels and message boxes show it
exactly as written instead of rendering it as HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from captionreview.core.vtt.cuetext import plain_text
from captionreview.qt.cue_model import COL_TEXT
from captionreview.qt.issues_panel import IssuesPanel
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]

PAYLOAD = (
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:02.000\n<script>alert(1)</script>\n\n"
    '00:00:02.000 --> 00:00:04.000\n"><img src=x onerror=alert(1)> <b>fet</b> och  <i>x\n\n'
    "00:00:04.000 --> 00:00:04.001\n<b onclick=alert(1)>bold</b> Thiss iss wordd\n"
)


def shown(text: str) -> str:
    """What Qt shows for a tooltip or an auto-format label: rendered when it looks like HTML."""
    if not QtGui.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def items(item: QStandardItem) -> list[QStandardItem]:
    """``item`` and all its descendants."""
    found = [item]
    for row in range(item.rowCount()):
        child = item.child(row)
        if child is not None:
            found.extend(items(child))
    return found


@pytest.fixture(params=["inline", "repro"])
def payload(request, tmp_path: Path) -> Path:
    """A caption file full of markup-like text: an inline one and the shared reproducer."""
    name = '<b onmouseover="x">bold<img src=x>.vtt'
    target = tmp_path / name
    if request.param == "inline":
        target.write_text(PAYLOAD, encoding="utf-8")
    else:
        shutil.copy(request.getfixturevalue("repro") / "qt_richtext_tooltips_payload.vtt", target)
    return target


def test_file_text_is_shown_as_plain_text_everywhere(qtbot, make_window, payload: Path) -> None:
    window = make_window()
    assert window.open_paths([payload])
    spell = window.findChild(QObject, "spellCheck")
    if spell is not None:
        qtbot.waitUntil(lambda: not spell.is_checking(), timeout=30_000)
    panel = window.findChild(IssuesPanel)
    assert panel is not None
    panel.show()
    panel.refresh()
    doc = window.document

    model = window.cue_model
    for row in range(model.rowCount()):
        tip = model.index(row, COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
        assert shown(tip) == plain_text(doc.cues[row].text)

    panel.view.expandAll()
    root = panel.model.invisibleRootItem()
    tips = [i.toolTip() for i in items(root) if i.data(Qt.ItemDataRole.UserRole + 1) or i.toolTip()]
    messages = {f.message for f in panel.findings}
    assert tips
    for tip in tips:
        assert shown(tip).split("\nSuggested: ")[0] in messages

    file_label = window._status.file_label
    assert file_label.textFormat() == Qt.TextFormat.PlainText
    assert file_label.text() == payload.name
    assert shown(file_label.toolTip()) == str(payload)

    seen: list[tuple[str, Qt.TextFormat]] = []

    def read_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        label = box.findChild(QLabel, "qt_msgbox_label")
        seen.append((label.text(), label.textFormat()))
        box.accept()

    QTimer.singleShot(0, read_box)
    window.warn("Cannot open", f"{payload.name}: {doc.cues[0].text}")
    assert seen == [(f"{payload.name}: {doc.cues[0].text}", Qt.TextFormat.PlainText)]
