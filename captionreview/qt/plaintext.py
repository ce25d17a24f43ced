"""Text from a caption file shown by Qt exactly as written, never as rich text.

Qt reads a tooltip, a message box's text and a label's text as HTML when it looks like HTML
(``Qt.mightBeRichText``), so a cue ``<img src=x onerror=…>`` or a file called
``<b>x</b>.vtt`` would be rendered, fetch images or hide text. Everything that can carry text
from a file goes through here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

# The labels QMessageBox makes for its text and informative text (Qt's own object names).
_BOX_LABELS = ("qt_msgbox_label", "qt_msgbox_informativelabel")


def plain_tip(text: str) -> str:
    """Return ``text`` as a tooltip that Qt shows literally, line breaks kept."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text literally; return it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    """Make ``box`` show its text and informative text literally; return it.

    Call it after the texts are set: the informative label is made by setInformativeText.
    """
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        if label.objectName() in _BOX_LABELS:
            label.setTextFormat(Qt.TextFormat.PlainText)
    return box
