"""Spreading a correction: the offer made when a word is replaced, and its dialog.

:class:`CorrectionSpread` notices the word an editor replaced in a cue (once the typing has
settled) and looks for it in the other cues in a worker thread, over a lower-case index of the
cues' text kept up to date from the document's events; an edit calls the search off. When it
occurs, the :class:`SpreadOffer` bar shows; its button opens the :class:`SpreadDialog`.


Each row shows the cue number and the cue's text with the word in bold, a tick box, and a
Play cell that selects and plays the cue (so the editor can hear whether the word is really
the same name). Rows are plain table items painted by a delegate, not widgets, so that a word
found in thousands of cues still opens at once. OK replaces the ticked occurrences as one undo
step; "Also save to the glossary" writes ``wrong => Right`` so the check flags the mistake in
later files too.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
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
from captionreview.core.events import EventKind
from captionreview.core.i18n import ngettext
from captionreview.core.model import Cue
from captionreview.core.words.spread import (
    Correction,
    Occurrence,
    TextIndex,
    build_changes,
    candidate_indices,
    detect_correction,
    find_occurrences,
    occurrences_in,
)
from captionreview.qt.a11y import give_buttons_mnemonics
from captionreview.qt.background import BackgroundWork, Pacer, Progress
from captionreview.qt.i18n import QT_TRANSLATE_NOOP
from captionreview.qt.offer_bar import OfferBar
from captionreview.qt.plaintext import plain_tip

if TYPE_CHECKING:
    from captionreview.qt.host import Host

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
        remember: Callable[[Correction], object] | None = None,
    ) -> None:
        super().__init__(window.window())
        self.setObjectName("spreadDialog")
        self.setWindowTitle(self.tr("Apply correction everywhere"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.main_window = window
        self.doc = doc
        self.correction = correction
        self.occurrences = list(occurrences)
        # Saves ``wrong => Right`` to the glossary; None when there is no glossary to save to.
        self.remember = remember
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
        self.save_to_glossary.setEnabled(remember is not None)
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
        if self.save_to_glossary.isChecked() and self.remember is not None:
            self.remember(self.correction)
        super().accept()


# A spread offer waits until the typing in a cue has stopped for this long.
SETTLE_MS = 1200


def _find_spread(
    cues: Sequence[Cue],
    texts: Sequence[str],
    correction: Correction,
    exclude: int | None,
    progress: Progress,
) -> tuple[Correction, list[Occurrence]]:
    """Pre-filter on the lower-case texts, then look at the candidate cues' words (worker)."""
    found: list[Occurrence] = []
    candidates = candidate_indices(texts, correction, exclude=() if exclude is None else (exclude,))
    for step, index in enumerate(candidates):
        if progress.step(step + 1):
            break
        found.extend(occurrences_in(index, cues[index], correction))
    return correction, found


class SpreadOffer(OfferBar):
    """The non-modal bar offering to apply a correction to its other occurrences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("SpreadOffer", "Correction"),
            "spreadOffer",
            QCoreApplication.translate("SpreadOffer", "Review and apply…"),
            "spreadOfferReview",
            parent,
        )
        self.review_action = self.offer_action


@dataclasses.dataclass
class _Pending:
    """A cue being typed in: its text before the first keystroke, and whether it was typed."""

    index: int
    before: str
    typed: bool = False


class CorrectionSpread(QObject):
    """Offers to spread a word the editor replaced to its other occurrences (see the module)."""

    spread_offered = Signal(object, object)  # Correction, list[Occurrence]

    def __init__(
        self,
        window: Host,
        pacer: Pacer,
        remember: Callable[[Correction], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.main_window = window
        self._remember = remember
        # Shares the spell check's pacer: both wait while the user types.
        self._spreads = BackgroundWork(self, pacer)
        self._doc: Document | None = None
        self._index = TextIndex()
        self._version = 0  # counts document events: an offer is current while it stays
        self._pending: _Pending | None = None
        self._offer: tuple[Correction, list[Occurrence], int] | None = None
        # The cues of the offer that still hold the replaced words (the bar goes when none do).
        self._offer_left: set[int] = set()
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_MS)
        self._settle_timer.timeout.connect(self._settle)
        self.offer = SpreadOffer(window.window())
        self.offer.hide()
        self.offer.review_action.triggered.connect(self.review_spread)
        window.add_toolbar(self.offer)
        window.editor.typed.connect(self._on_typed)

    def set_document(self, doc: Document | None, cues: Sequence[Cue]) -> None:
        """Forget any offer and index the cues of ``doc`` (None: nothing)."""
        self._doc = doc
        self._pending = None
        self._offer = None
        self._cancel_spread()
        self.offer.hide()
        self._index = TextIndex(cues)

    def cues_moved(self, kind: EventKind, start: int, stop: int) -> None:
        """Every change to the cues: an offer being searched for is out of date."""
        self._version += 1
        self._cancel_spread()
        if self._doc is not None:
            self._index.update(kind, start, stop, self._doc.cues)

    def cues_changed(self, start: int, stop: int, before: Sequence[Cue]) -> None:
        """Cues ``start:stop`` changed; ``before`` holds the cues as they were."""
        self._settle_offer(start, stop)
        if stop - start != 1:
            return
        if self._pending is not None and self._pending.index == start:
            return
        self._settle()
        if start < len(before):
            self._pending = _Pending(start, before[start].text)

    def structure_changed(self) -> None:
        """Cues were inserted or removed: the cue being typed in is no longer known."""
        self._pending = None

    def _on_typed(self) -> None:
        if self._pending is not None and self._pending.index == self.main_window.editor.index:
            self._pending.typed = True
            self._settle_timer.start()

    def _settle(self) -> None:
        """The typing in a cue has stopped: offer to spread the word it replaced."""
        settled = self._settled_correction()
        if settled is not None:
            self.offer_spread(*settled)

    def _settled_correction(self) -> tuple[int, Correction] | None:
        """End the typing in a cue; return the cue and the word it replaced, if any."""
        self._settle_timer.stop()
        pending, self._pending = self._pending, None
        if pending is None or not pending.typed or self._doc is None:
            return None
        if pending.index >= len(self._doc):
            return None
        correction = detect_correction(pending.before, self._doc.cues[pending.index].text)
        return None if correction is None else (pending.index, correction)

    def offer_spread(self, index: int, correction: Correction) -> None:
        """Look for the corrected phrase in the other cues, in the background.

        When it occurs, the offer bar shows and ``spread_offered`` is emitted; an edit of the
        document before the search ends calls it off.
        """
        self._cancel_spread()
        if self._doc is None:
            return
        cues, texts = list(self._doc.cues), self._index.snapshot()
        self._spreads.start(
            lambda progress: _find_spread(cues, texts, correction, index, progress),
            self._on_spread_found,
        )

    def _cancel_spread(self) -> None:
        self._spreads.cancel()

    def _settle_offer(self, start: int, stop: int) -> None:
        """Put the "replace there too?" bar away once no offered place holds the old words."""
        if not self._offer_left or self._doc is None or self._offer is None:
            return
        old = self._offer[0].old.lower()
        cues = self._doc.cues
        for index in range(start, min(stop, len(cues))):
            if index in self._offer_left and old not in cues[index].text.lower():
                self._offer_left.discard(index)
        if not self._offer_left:
            self.offer.hide()

    def _on_spread_found(self, found: tuple[Correction, list[Occurrence]]) -> None:
        correction, occurrences = found
        if not occurrences:
            return
        self._offer = (correction, occurrences, self._version)
        self._offer_left = {o.cue_index for o in occurrences}
        count = len(occurrences)
        where = (
            QCoreApplication.translate("SpellCheck", "another cue")
            if count == 1
            else ngettext("{n} other place", "{n} other places", count).format(n=count)
        )
        self.offer.message.setText(
            QCoreApplication.translate(
                "SpellCheck",
                "You replaced “{old}” with “{new}”. It occurs in {where}: replace there too?",
            ).format(old=correction.old, new=correction.new, where=where)
        )
        self.offer.show()
        self.spread_offered.emit(correction, occurrences)

    def review_spread(self) -> QWidget | None:
        """Open the list of other occurrences of the last correction (Ctrl+Shift+H)."""
        settled = self._settled_correction()
        if settled is not None and self._doc is not None:
            # Asked for before the typing settled: the user waits for this search anyway.
            index, correction = settled
            self._cancel_spread()
            found = find_occurrences(
                self._doc.cues, correction, exclude=[index], texts=self._index.snapshot()
            )
            self._offer = (correction, found, self._version)
        if self._offer is None or self._doc is None:
            self.main_window.status_message(
                QCoreApplication.translate("SpellCheck", "Correct a word in a cue first")
            )
            return None
        correction, offered, version = self._offer
        if version == self._version:
            occurrences = offered
        else:
            # Edited since the offer: search again (the corrected cue itself is included now,
            # should it still hold the old phrase); the index keeps this quick.
            occurrences = find_occurrences(self._doc.cues, correction, texts=self._index.snapshot())
        if not occurrences:
            self.main_window.status_message(
                QCoreApplication.translate("SpellCheck", "“{old}” no longer occurs").format(
                    old=correction.old
                )
            )
            self.offer.hide()
            return None
        self.offer.hide()
        dialog = SpreadDialog(self.main_window, self._doc, correction, occurrences, self._remember)
        dialog.open()
        return dialog
