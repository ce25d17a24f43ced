"""Captions ▸ Clean up auto-captions…: a preview of the clean-up, applied as one undo step.

Never silent (ARCHITECTURE.md, "What to avoid"): the dialog shows the cues before and after
side by side with what was removed and the readability figures, and nothing changes until the
editor presses Apply. When a file that looks like auto-captions is opened, an info bar at the
top of the window offers the clean-up; it does not block the editor.

The clean-up runs in a worker thread, so the window stays responsive on an hour-long file.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from captionreview.core.audio.analysis import AudioAnalysis
from captionreview.core.cleanup.rolling import (
    CleanResult,
    apply_clean_up,
    clean_auto_captions,
    figure_rows,
    looks_like_auto_captions,
    removed_summary,
)
from captionreview.core.document import Document
from captionreview.core.model import Cue
from captionreview.core.profiles import Profile
from captionreview.core.timecode import format_vtt_timestamp
from captionreview.core.words.glossary import Glossary
from captionreview.qt.a11y import give_buttons_mnemonics
from captionreview.qt.offer_bar import OfferBar

if TYPE_CHECKING:
    from captionreview.qt.host import Host

ACTION_NAME = "clean_up_auto_captions"
# Cues read to decide whether to offer the clean-up on open (enough to see the pattern, and
# cheap even for a file of several hours).
OFFER_SAMPLE = 400


def cues_as_text(cues: Sequence[Cue]) -> str:
    """Return cues as the preview shows them: the timing line, then the text as written."""
    return "\n\n".join(
        f"{format_vtt_timestamp(cue.start_ms)} → {format_vtt_timestamp(cue.end_ms)}\n{cue.text}"
        for cue in cues
    )


def first_lines(cues: Sequence[Cue]) -> list[int]:
    """Return the line of :func:`cues_as_text` where each cue begins."""
    lines: list[int] = []
    line = 0
    for cue in cues:
        lines.append(line)
        line += cue.text.count("\n") + 3  # timing line, text lines, blank line
    return lines


class _PreviewPane(QPlainTextEdit):
    """A read-only list of cues that knows which cue starts on which line."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setAccessibleName(name)
        self.starts: list[int] = []
        self.lines: list[int] = []

    def show_cues(self, cues: Sequence[Cue]) -> None:
        """Show ``cues`` and remember where each one is."""
        self.setPlainText(cues_as_text(cues))
        self.starts = [cue.start_ms for cue in cues]
        self.lines = first_lines(cues)

    def top_time(self) -> int | None:
        """Return the start of the cue at the top of the view (None when empty)."""
        if not self.starts:
            return None
        index = bisect.bisect_right(self.lines, self.verticalScrollBar().value()) - 1
        return self.starts[max(0, index)]

    def scroll_to_time(self, ms: int) -> None:
        """Scroll so that the last cue starting at or before ``ms`` is at the top."""
        if self.starts:
            index = max(0, bisect.bisect_right(self.starts, ms) - 1)
            self.verticalScrollBar().setValue(self.lines[index])


class _CleanWorker(QObject):
    """Runs the clean-up away from the UI thread (cues are immutable, so sharing is safe)."""

    finished = Signal(object)

    def __init__(
        self,
        cues: list[Cue],
        profile: Profile,
        metadata: dict[str, str],
        language: str | None,
        audio: AudioAnalysis | None,
        glossary: Glossary | None,
    ) -> None:
        super().__init__()
        self._cues = cues
        self._profile = profile
        self._metadata = metadata
        self._language = language
        self._audio = audio
        self._glossary = glossary

    @Slot()
    def run(self) -> None:
        """Clean up and emit the result."""
        self.finished.emit(
            clean_auto_captions(
                self._cues,
                self._profile,
                metadata=self._metadata,
                language=self._language,
                audio=self._audio,
                glossary=self._glossary,
            )
        )


class CleanupDialog(QDialog):
    """Preview of the clean-up of ``doc``: before and after, counts, figures; Apply changes it.

    ``ready`` is emitted when the preview is computed; ``result`` is then set. With ``audio``
    (the video's sound analysis) cues end at the pauses heard; with ``glossary`` no cue ends
    inside one of its terms.
    """

    ready = Signal()

    def __init__(
        self,
        doc: Document,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        audio: AudioAnalysis | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cleanupDialog")
        self.setWindowTitle(self.tr("Clean up auto-captions"))
        self.setSizeGripEnabled(True)
        self.resize(1000, 700)
        self._doc = doc
        self._profile = profile
        self.clean_result: CleanResult | None = None
        cues = list(doc.cues)

        self.intro = QLabel(
            self.tr(
                "Clean-up keeps every spoken word once, removes the repeats and tags, and cuts "
                "the words into readable cues. Nothing changes until you press Apply; Edit ▸ Undo "
                "takes it back in one step."
            )
        )
        self.intro.setWordWrap(True)
        # Said up front: without the analysis the cues are cut by length and punctuation only.
        self.pauses = QLabel(
            self.tr("Cues end at the pauses heard in the sound.")
            if audio is not None
            else self.tr(
                "The sound analysis is not ready, so the pauses in the sound were not used."
            )
        )
        self.pauses.setObjectName("cleanupPauses")
        self.pauses.setWordWrap(True)
        self.summary = QLabel(self.tr("Preparing the preview…"))
        self.summary.setObjectName("cleanupSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Preparing the clean-up preview"))

        self.before_label = QLabel(
            self.tr("&Before: {cues_count} cues").format(cues_count=len(cues))
        )
        self.before = _PreviewPane(self.tr("Cues before clean-up"))
        self.before.show_cues(cues)
        self.after_label = QLabel(self.tr("Af&ter: …"))
        self.after = _PreviewPane(self.tr("Cues after clean-up"))
        # The two sides scroll together, by time: the same moment is at the top of both.
        self._syncing = False
        for source, target in ((self.before, self.after), (self.after, self.before)):
            source.verticalScrollBar().valueChanged.connect(
                lambda _value, a=source, b=target: self._sync(a, b)
            )
        self.before_label.setBuddy(self.before)
        self.after_label.setBuddy(self.after)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for label, pane in ((self.before_label, self.before), (self.after_label, self.after)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(label)
            box_layout.addWidget(pane)
            splitter.addWidget(box)

        self.figures = QTableWidget(0, 3)
        self.figures.setObjectName("cleanupFigures")
        self.figures.setAccessibleName(self.tr("Readability before and after"))
        self.figures.setHorizontalHeaderLabels(
            [self.tr("Readability"), self.tr("Before"), self.tr("After")]
        )
        self.figures.verticalHeader().hide()
        self.figures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Beside the previews with their full height: every figure visible without scrolling
        # (below them the table was a squashed strip with empty space beside it).
        self.figures.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 6)
        figures_header = self.figures.horizontalHeader()
        figures_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            figures_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        figures_box = QWidget()
        figures_column = QVBoxLayout(figures_box)
        figures_column.setContentsMargins(0, 0, 0, 0)
        figures_label = QLabel(self.tr("Be&fore and after:"))
        figures_label.setBuddy(self.figures)
        figures_column.addWidget(figures_label)
        figures_column.addWidget(self.figures)
        splitter.addWidget(figures_box)
        splitter.setSizes([360, 360, 280])

        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("&Apply clean-up"))
        self.apply_button.setObjectName("applyCleanup")
        self.apply_button.setEnabled(False)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        give_buttons_mnemonics(self.buttons)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.pauses)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self._thread = QThread(self)
        self._worker = _CleanWorker(
            cues, profile, doc.header_metadata, doc.language, audio, glossary
        )
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._show_result)
        self._thread.start()

    def _sync(self, source: _PreviewPane, target: _PreviewPane) -> None:
        if self._syncing:
            return
        moment = source.top_time()
        if moment is not None:
            self._syncing = True
            target.scroll_to_time(moment)
            self._syncing = False

    @Slot(object)
    def _show_result(self, result: CleanResult) -> None:
        self._stop_thread()
        self.clean_result = result
        self.progress.hide()
        self.after_label.setText(
            self.tr("Af&ter: {cues_count} cues").format(cues_count=len(result.cues))
        )
        self.after.show_cues(result.cues)
        if result.signs.is_auto:
            verdict = self.tr("This file looks like auto-captions: {summary}.").format(
                summary=result.signs.summary()
            )
        else:
            verdict = self.tr(
                "This file does not look like auto-captions ({summary}); "
                "applying will still re-segment every cue."
            ).format(summary=result.signs.summary())
        self.summary.setText(
            self.tr(
                "{verdict}\n{removed_summary}. Kept {words_count} spoken words "
                "in {cues_count} cues (was {cues})."
            ).format(
                verdict=verdict,
                removed_summary=removed_summary(result.removed),
                words_count=len(result.words),
                cues_count=len(result.cues),
                cues=result.before.cues,
            )
        )
        rows = figure_rows(result, self._profile)
        self.figures.setRowCount(len(rows))
        for row, (label, before, after) in enumerate(rows):
            for column, value in enumerate((label, before, after)):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.figures.setItem(row, column, item)
        self.apply_button.setEnabled(bool(result.cues))
        self.apply_button.setFocus()
        self.ready.emit()

    def _stop_thread(self) -> None:
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

    def apply(self) -> None:
        """Replace the document's cues with the clean ones and strip YouTube's header lines
        (the language kept in a NOTE), as one undo step, and close."""
        if self.clean_result is None or not self.clean_result.cues:
            return
        apply_clean_up(self._doc, self.clean_result)
        self.accept()

    def done(self, code: int) -> None:
        """Close the dialog; a clean-up still running is waited for, then dropped."""
        self._stop_thread()
        super().done(code)


class AutoCaptionOffer(OfferBar):
    """The non-modal info bar offering the clean-up when auto-captions are opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("AutoCaptionOffer", "Auto-captions"),
            "autoCaptionOffer",
            QCoreApplication.translate("AutoCaptionOffer", "Clean up…"),
            "autoCaptionOfferClean",
            parent,
        )
        self.setAccessibleName(
            QCoreApplication.translate("AutoCaptionOffer", "Offer to clean up auto-captions")
        )
        self.clean_action = self.offer_action
        self.clean_action.setToolTip(
            QCoreApplication.translate(
                "AutoCaptionOffer", "Preview the clean-up of these auto-captions"
            )
        )


class CleanupFeature(QObject):
    """Wires the action, the offer bar and the dialog into a main window.

    ``analysis`` and ``glossary`` return the window's sound analysis (None until it is ready)
    and the spell check's glossary; ``app.install_features`` connects them to those features.
    """

    def __init__(self, window: Host) -> None:
        super().__init__(window.window())
        self.setObjectName("cleanupFeature")
        self.main_window = window
        self.dialog: CleanupDialog | None = None
        self.analysis: Callable[[], AudioAnalysis | None] = lambda: None
        self.glossary: Callable[[], Glossary | None] = lambda: None
        self.action = QAction(self.tr("Clean &up auto-captions…"), window.window())
        self.action.setObjectName(ACTION_NAME)
        self.action.setStatusTip(
            self.tr(
                "Remove roll-up repeats, bridge cues and word-timing tags from auto-captions and "
                "re-segment them into readable cues (preview first)"
            )
        )
        self.action.triggered.connect(self.open_dialog)
        self.offer = AutoCaptionOffer(window.window())
        self.offer.clean_action.triggered.connect(self.open_dialog)
        self.offer.hide()
        window.add_toolbar(self.offer)
        window.register_action(self.action, "Captions")
        window.document_changed.connect(self.document_changed)
        self.document_changed(window.document)

    @Slot(object)
    def document_changed(self, doc: Document | None) -> None:
        """Enable the action for a document, and offer the clean-up when it is auto-captions."""
        self.action.setEnabled(doc is not None)
        self.offer.hide()
        if doc is None or not len(doc):
            return
        sample = list(islice(doc.cues, OFFER_SAMPLE))
        if looks_like_auto_captions(sample, doc.header_metadata):
            text = self.tr(
                "These captions look like auto-captions (repeated roll-up lines or word "
                "timings). Clean them up into readable cues?"
            )
            self.offer.message.setText(text)
            self.offer.setAccessibleDescription(text)
            self.offer.show()
            self.main_window.status_message(
                self.tr("Auto-captions: Captions ▸ Clean up auto-captions… makes them readable")
            )

    @Slot()
    def open_dialog(self) -> CleanupDialog | None:
        """Open the preview for the current document (window-modal); None without one."""
        doc: Document | None = self.main_window.document
        if doc is None:
            self.main_window.status_message(self.tr("Open captions first"))
            return None
        self.offer.hide()
        profile: Profile = self.main_window.profile
        dialog = CleanupDialog(
            doc,
            profile,
            self.main_window.window(),
            audio=self.analysis(),
            glossary=self.glossary(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._applied)
        self.dialog = dialog
        dialog.destroyed.connect(self._forget)
        dialog.open()
        return dialog

    def _applied(self) -> None:
        doc = self.main_window.document
        count = len(doc) if doc is not None else 0
        self.main_window.status_message(
            self.tr("Cleaned up: {count} cues. Edit ▸ Undo takes it back.").format(count=count)
        )

    def _forget(self) -> None:
        self.dialog = None


def install(window: Host) -> CleanupFeature:
    """Add Captions ▸ Clean up auto-captions… and the offer bar to ``window``."""
    return CleanupFeature(window)
