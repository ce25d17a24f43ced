"""The find & replace dialog: plain text or regular expression, in all or the selected cues.

The search itself is ``core/search.py`` (tested without Qt); the dialog drives it through the
window's Host interface. "Replace all" is one undo step and says how many it changed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from captionreview.core.i18n import ngettext
from captionreview.core.report import count_cues
from captionreview.core.search import (
    Match,
    SearchOptions,
    find_next,
    replace_all,
    replacement_text,
)
from captionreview.qt.a11y import give_buttons_mnemonics
from captionreview.qt.host import Host
from captionreview.qt.plaintext import plain_label


class FindReplaceDialog(QDialog):
    """A non-modal find & replace window working on the main window's document."""

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent or window.window())
        self._window = window
        self.setWindowTitle(self.tr("Find and replace"))
        self.setObjectName("findReplace")
        self.setModal(False)
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(self.tr("Find"))
        self.find_edit.setPlaceholderText(self.tr("Text or regular expression"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName(self.tr("Replace with"))
        self.replace_edit.setPlaceholderText(self.tr("Replacement (\\1 for a group in regex mode)"))
        self.regex_box = QCheckBox(self.tr("Regular e&xpression"))
        self.case_box = QCheckBox(self.tr("Match &case"))
        self.word_box = QCheckBox(self.tr("&Whole word"))
        self.selection_box = QCheckBox(self.tr("In &selected cues only"))
        self.result_label = plain_label(QLabel())
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Result"))

        self.find_button = QPushButton(self.tr("&Find next"))
        self.find_button.setDefault(True)
        self.previous_button = QPushButton(self.tr("Find &previous"))
        self.replace_button = QPushButton(self.tr("&Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace &all"))
        buttons = QDialogButtonBox()
        for button in (
            self.find_button,
            self.previous_button,
            self.replace_button,
            self.replace_all_button,
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        give_buttons_mnemonics(buttons)
        self.find_button.clicked.connect(lambda: self.search(backwards=False))
        self.previous_button.clicked.connect(lambda: self.search(backwards=True))
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_everything)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.FindNext),
            self,
            lambda: self.search(backwards=False),
        )
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.FindPrevious),
            self,
            lambda: self.search(backwards=True),
        )

        grid = QGridLayout()
        for row, (text, field) in enumerate(
            ((self.tr("Fi&nd:"), self.find_edit), (self.tr("Replace wi&th:"), self.replace_edit))
        ):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
        grid.addWidget(self.find_edit, 0, 1, 1, 2)
        grid.addWidget(self.replace_edit, 1, 1, 1, 2)
        grid.addWidget(self.regex_box, 2, 1)
        grid.addWidget(self.case_box, 2, 2)
        grid.addWidget(self.word_box, 3, 1)
        grid.addWidget(self.selection_box, 3, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def options(self) -> SearchOptions:
        """The search options as set in the dialog."""
        return SearchOptions(
            self.find_edit.text(),
            regex=self.regex_box.isChecked(),
            match_case=self.case_box.isChecked(),
            whole_word=self.word_box.isChecked(),
        )

    def open_for(self, *, replace: bool) -> None:
        """Show the dialog with the editor's selected text as the search, focusing a field."""
        selected = self._window.editor.text_edit.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        self.raise_()
        self.activateWindow()
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def _scope(self) -> list[int] | None:
        if not self.selection_box.isChecked():
            return None
        return self._window.selected_indices()

    def _say(self, text: str) -> None:
        self.result_label.setText(text)
        self._window.status_message(text)

    def search(self, *, backwards: bool = False) -> Match | None:
        """Select the next (or previous) match in the editor; returns it, or None."""
        doc = self._window.document
        if doc is None:
            self._say(self.tr("No captions are open"))
            return None
        try:
            pattern = self.options().compile()
        except ValueError as exc:
            self._say(str(exc))
            return None
        index = self._window.current_index()
        start, end = self._window.editor.selection_span()
        if index is None:
            index, position = (len(doc) - 1, 1 << 30) if not backwards else (0, 0)
        else:
            position = start if backwards else end
        match = find_next(doc, pattern, index, position, backwards=backwards, indices=self._scope())
        if match is None:
            self._say(self.tr("“{text}” not found").format(text=self.find_edit.text()))
            return None
        self._window.select_cue(match.index, (match.start, match.end))
        self.result_label.setText(self.tr("Found in cue {index}").format(index=match.index + 1))
        self.activateWindow()
        return match

    def replace_one(self) -> None:
        """Replace the selected match (if the editor's selection is one) and find the next."""
        doc = self._window.document
        index = self._window.current_index()
        if doc is None or index is None:
            self.search()
            return
        try:
            pattern = self.options().compile()
        except ValueError as exc:
            self._say(str(exc))
            return
        start, end = self._window.editor.selection_span()
        text = doc.cues[index].text
        match = pattern.match(text, start) if end > start else None
        if match is None or match.end() != end:
            self.search()
            return
        try:
            new = replacement_text(match, self.replace_edit.text(), self.regex_box.isChecked())
        except (re.error, IndexError) as exc:
            self._say(self.tr("The replacement does not fit the pattern: {exc}").format(exc=exc))
            return
        doc.set_text(index, text[:start] + new + text[end:])
        self._window.select_cue(index, (start + len(new), start + len(new)))
        self.search()

    def replace_everything(self) -> None:
        """Replace all matches as one undo step and say how many were changed."""
        doc = self._window.document
        if doc is None:
            self._say(self.tr("No captions are open"))
            return
        try:
            occurrences, cues = replace_all(
                doc, self.options(), self.replace_edit.text(), self._scope()
            )
        except ValueError as exc:
            self._say(str(exc))
            return
        if occurrences == 0:
            self._say(
                self.tr("“{text}” not found: nothing replaced").format(text=self.find_edit.text())
            )
        else:
            self._say(
                self.tr(
                    "Replaced {occurrences} in {cues} (one step: Edit ▸ Undo takes it back)"
                ).format(
                    occurrences=ngettext("{n} occurrence", "{n} occurrences", occurrences).format(
                        n=occurrences
                    ),
                    cues=count_cues(cues),
                )
            )
