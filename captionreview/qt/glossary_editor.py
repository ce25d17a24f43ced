"""Edit the glossary file in the app: one term per line, ``#`` comments, ``wrong => Right``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from captionreview.core.words.glossary import Glossary, GlossaryError
from captionreview.qt.a11y import give_buttons_mnemonics
from captionreview.qt.i18n import QT_TRANSLATE_NOOP
from captionreview.qt.plaintext import plain_label

HELP = QT_TRANSLATE_NOOP(
    "GlossaryEditor",
    "One name or term per line (people, places, organisations, jargon). Lines starting with "
    "# are comments. <code>wrong =&gt; Right</code> records a correction that is always "
    "suggested.",
)


class GlossaryEditor(QDialog):
    """A text editor for a glossary file; ``saved(Path)`` after a successful save."""

    saved = Signal(object)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryEditor")
        self.setWindowTitle(self.tr("Glossary — {name}").format(name=path.name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path = path
        where = QLabel(
            self.tr("File: {path}").format(path=path)
            + ("" if path.exists() else self.tr(" (created when you save)"))
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        help_label = QLabel(self.tr(HELP))
        help_label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("glossaryText")
        self.text.setAccessibleName(self.tr("Glossary terms"))
        self.text.setFont(QFont("monospace"))
        self.status = plain_label(QLabel())
        self.status.setObjectName("glossaryStatus")
        self.status.setWordWrap(True)
        try:
            self.text.setPlainText(Glossary.load(path).text() if path.exists() else "")
        except GlossaryError as exc:
            self.status.setText(str(exc))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        give_buttons_mnemonics(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(help_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(520, 480)

    def glossary(self) -> Glossary:
        """Return the glossary as currently typed."""
        return Glossary.from_lines(self.text.toPlainText().splitlines(), path=self.path)

    def save(self) -> bool:
        """Save the file; bad lines are reported and kept; True when written."""
        glossary = self.glossary()
        try:
            glossary.save(self.path)
        except GlossaryError as exc:
            self.status.setText(str(exc))
            return False
        self.saved.emit(self.path)
        if glossary.problems:
            self.status.setText(
                self.tr("Saved. Check these lines: ")
                + "; ".join(p.message for p in glossary.problems)
            )
            return True
        self.accept()
        return True
