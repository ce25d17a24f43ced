"""The "apply correction everywhere" dialog: other occurrences of a corrected word.

Each row shows the cue number and the cue's text with the word in bold, a tick box, and a
Play cell that selects and plays the cue (so the editor can hear whether the word is really
the same name). Rows are plain table items painted by a delegate, not widgets, so that a word
found in thousands of cues still opens at once. OK replaces the ticked occurrences as one undo
step; "Also save to the glossary" writes ``wrong => Right`` so the check flags the mistake in
later files too.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from captionreview.core.document import Document
from captionreview.core.i18n import ngettext
from captionreview.core.words.spread import Correction, Occurrence, build_changes
from captionreview.qt.a11y import give_buttons_mnemonics
from captionreview.qt.i18n import QT_TRANSLATE_NOOP
from captionreview.qt.plaintext import plain_tip

if TYPE_CHECKING:
    from captionreview.qt.host import Host
    from captionreview.qt.spellcheck import SpellCheck

DESCRIPTION = QT_TRANSLATE_NOOP("SpreadDialog", "Apply correction everywhere")
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
PLAY_TEXT = QT_TRANSLATE_NOOP("SpreadDialog", "▶ Play")


class _RichTextDelegate(QStyledItemDelegate):
    """Paints an item's ``HTML_ROLE`` text (the found word in bold) in the item's place."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the item's background and selection, then the rich text over it."""
        self.initStyleOption(option, index)
        markup = index.data(HTML_ROLE)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        text = QTextDocument()
        text.setDefaultFont(option.font)
        text.setDocumentMargin(0)
        text.setHtml(markup or "")
        rect = option.rect
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left() + 4, rect.top() + (rect.height() - text.size().height()) / 2)
        text.drawContents(painter)
        painter.restore()


def _context_html(occurrence: Occurrence, correction: Correction) -> str:
    a, b = occurrence.context_span
    text = occurrence.context
    shown = f"{html.escape(text[:a])}<b>{html.escape(text[a:b])}</b>{html.escape(text[b:])}"
    if occurrence.replacement != correction.new:
        # Say so when the capital of a sentence start is kept ("Grön vall" -> "Grünewald").
        shown += f" &nbsp;→&nbsp; <b>{html.escape(occurrence.replacement)}</b>"
    return shown


class SpreadDialog(QDialog):
    """Lists the other occurrences of a correction; OK applies the ticked ones (one undo)."""

    def __init__(
        self,
        window: Host,
        doc: Document,
        correction: Correction,
        occurrences: Sequence[Occurrence],
        feature: SpellCheck | None = None,
    ) -> None:
        super().__init__(window.window())
        self.setObjectName("spreadDialog")
        self.setWindowTitle(self.tr("Apply correction everywhere"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.main_window = window
        self.doc = doc
        self.correction = correction
        self.occurrences = list(occurrences)
        self.feature = feature
        count = len(self.occurrences)
        intro = QLabel(
            self.tr(
                "Replace “{old}” with “{new}” in {places}? "
                "Untick the ones to keep; ▶ plays the cue."
            ).format(
                old=html.escape(correction.old),
                new=html.escape(correction.new),
                places=ngettext("{n} place", "{n} places", count).format(n=count),
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(count, 3)
        self.table.setObjectName("spreadTable")
        self.table.setHorizontalHeaderLabels([self.tr("Cue"), self.tr("Text"), ""])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(1, _RichTextDelegate(self.table))
        for row, occ in enumerate(self.occurrences):
            item = QTableWidgetItem(str(occ.cue_index + 1))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(self.tr("Tick to replace here"))
            self.table.setItem(row, 0, item)
            text = QTableWidgetItem(occ.context)
            text.setData(HTML_ROLE, _context_html(occ, correction))
            text.setToolTip(plain_tip(occ.context))
            self.table.setItem(row, 1, text)
            play = QTableWidgetItem(QCoreApplication.translate("SpreadDialog", PLAY_TEXT))
            play.setToolTip(
                self.tr("Play cue {cue_index} with the word selected").format(
                    cue_index=occ.cue_index + 1
                )
            )
            self.table.setItem(row, 2, play)
        # A click on ▶ Play, or Enter on a row, plays its cue.
        self.table.cellClicked.connect(self._on_cell_clicked)
        self.table.activated.connect(lambda index: self.play(self.occurrences[index.row()]))
        self.save_to_glossary = QCheckBox(
            self.tr("Also &save “{old} => {new}” to the glossary").format(
                old=correction.old, new=correction.new
            )
        )
        self.save_to_glossary.setObjectName("spreadSaveToGlossary")
        self.save_to_glossary.setChecked(correction.new[:1].isupper())
        self.save_to_glossary.setEnabled(feature is not None)
        all_box = QWidget()
        all_row = QHBoxLayout(all_box)
        all_row.setContentsMargins(0, 0, 0, 0)
        tick_all = QPushButton(self.tr("&Tick all"))
        tick_all.clicked.connect(lambda: self.set_all(True))
        untick_all = QPushButton(self.tr("&Untick all"))
        untick_all.clicked.connect(lambda: self.set_all(False))
        all_row.addWidget(tick_all)
        all_row.addWidget(untick_all)
        all_row.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        give_buttons_mnemonics(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Replace ticked"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(all_box)
        layout.addWidget(self.save_to_glossary)
        layout.addWidget(self.buttons)
        self.resize(720, 360)

    def ticked(self) -> list[Occurrence]:
        """Return the occurrences whose box is ticked."""
        return [
            occ
            for row, occ in enumerate(self.occurrences)
            if (item := self.table.item(row, 0)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    def set_all(self, on: bool) -> None:
        """Tick or untick every row."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                item.setCheckState(state)

    def _on_cell_clicked(self, row: int, column: int) -> None:
        if column == 2:
            self.play(self.occurrences[row])

    def play(self, occurrence: Occurrence) -> None:
        """Select the occurrence's cue with the word selected, and play the cue."""
        self.main_window.select_cue(occurrence.cue_index, occurrence.span, play=True)

    def accept(self) -> None:
        """Replace the ticked occurrences as one undo step, then save to the glossary."""
        chosen = self.ticked()
        if chosen:
            try:
                changes = build_changes(self.doc.cues, chosen)
            except ValueError as exc:
                self.main_window.status_message(str(exc))
                super().reject()
                return
            self.doc.replace_cues(changes, QCoreApplication.translate("SpreadDialog", DESCRIPTION))
            count = len(chosen)
            self.main_window.status_message(
                self.tr("Replaced “{old}” in {places}. Edit ▸ Undo takes it back.").format(
                    old=self.correction.old,
                    places=ngettext("{n} place", "{n} places", count).format(n=count),
                )
            )
        if self.save_to_glossary.isChecked() and self.feature is not None:
            self.feature.remember_correction(self.correction)
        super().accept()
