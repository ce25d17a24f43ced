"""Reviewing a lecture to the end: per-cue state and comments, progress, the Changes view.

A feature module (``install(window)``): it keeps a :class:`captionreview.core.review.Review`
for the open document (its sidecar ``NAME.review.json`` saved a moment after each change and
with every save of the captions), puts the progress in the status bar ("312 of 812 approved
(38 %)"), adds a Review panel (state and comment of the current cue, what the editor changed
in it, a filter for the cue list) and a Changes panel (every change against the auto track
with its kind and NER severity, the WER and the NER estimate; Enter plays the cue). The
numbers come from :func:`captionreview.core.compare.compare`, as in ``captionreview compare``
and the report. Reopening the captions resumes at the last cue and playhead.
"""

from __future__ import annotations

import bisect
import html
import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from captionreview.core.compare import (
    Change,
    Comparison,
    DiffKind,
    DiffPiece,
    compare,
    diff_text,
    kind_label,
    percent,
    severity_label,
)
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from captionreview.core.model import Cue, ErrorSeverity, Severity
from captionreview.core.report_accuracy import AccuracyInput
from captionreview.core.review import (
    CueState,
    Review,
    ReviewFileError,
    open_review,
    sidecar_path,
    state_label,
)
from captionreview.core.saving import original_copy_path
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.host import Host

# After the last review act or edit, the sidecar is written this much later (one write for a
# burst of approvals instead of one per key press).
SAVE_DELAY_MS = 1500
# The comparison with the auto track is redone this long after the last edit.
COMPARE_DELAY_MS = 400

STATE_SYMBOLS = {
    CueState.UNREVIEWED: "○",
    CueState.CORRECTED: "✎",
    CueState.APPROVED: "✓",
}


def state_text(state: CueState) -> str:
    """Return a state as a symbol (its shape) and words, never colour alone: "✓ approved"."""
    return f"{STATE_SYMBOLS[state]} {state_label(state)}"


class ReviewPanel(QDockWidget):
    """The Review dock: progress, filter, the current cue's state, comment and word diff."""

    FILTERS = ("all", "not_approved", "unreviewed", "issues", "comments")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.setWindowTitle(self.tr("Review"))
        body = QWidget()
        layout = QVBoxLayout(body)
        self.progress = QLabel()
        self.progress.setAccessibleName(self.tr("Review progress"))
        layout.addWidget(self.progress)
        form = QFormLayout()
        self.filter = QComboBox()
        self.filter.setObjectName("reviewFilter")
        for label in (
            self.tr("All cues"),
            self.tr("Not approved"),
            self.tr("Unreviewed"),
            self.tr("With issues"),
            self.tr("With comments"),
        ):
            self.filter.addItem(label)
        self.filter.setAccessibleName(self.tr("Show in the cue list"))
        filter_label = QLabel(self.tr("&Show:"))
        filter_label.setBuddy(self.filter)
        form.addRow(filter_label, self.filter)
        self.state = QLabel()
        self.state.setAccessibleName(self.tr("State of this cue"))
        form.addRow(self.tr("State:"), self.state)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("&Approve and next"))
        self.approve_button.setAccessibleName(self.tr("Approve this cue and go to the next"))
        self.next_button = QPushButton(self.tr("&Next unreviewed"))
        self.next_button.setAccessibleName(self.tr("Go to the next cue that is not approved"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw approval"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw the approval of this cue"))
        for button in (self.approve_button, self.next_button, self.withdraw_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        comment_label = QLabel(self.tr("&Comment for a colleague:"))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("reviewComment")
        self.comment.setAccessibleName(self.tr("Comment on this cue"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(70)
        comment_label.setBuddy(self.comment)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment)
        diff_label = QLabel(self.tr("Changed from the auto track:"))
        self.diff = QTextBrowser()
        self.diff.setObjectName("reviewDiff")
        self.diff.setAccessibleName(self.tr("Words changed in this cue"))
        self.diff.setMaximumHeight(80)
        diff_label.setBuddy(self.diff)
        layout.addWidget(diff_label)
        layout.addWidget(self.diff)
        self.setWidget(body)


class ChangesPanel(QDockWidget):
    """The Changes dock: the accuracy figures and every change against the auto track."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self.setWindowTitle(self.tr("Changes"))
        body = QWidget()
        layout = QVBoxLayout(body)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Accuracy of the automatic captions"))
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("changesList")
        self.tree.setAccessibleName(self.tr("Changed cues"))
        self.tree.setHeaderLabels(
            [self.tr("Cue"), self.tr("Change"), self.tr("Kind"), self.tr("Severity")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnWidth(0, 50)
        self.tree.setColumnWidth(1, 280)
        layout.addWidget(self.tree)
        row = QHBoxLayout()
        self.play = QPushButton(self.tr("&Play cue"))
        self.play.setAccessibleName(self.tr("Play the cue of this change"))
        self.severity = QComboBox()
        self.severity.setObjectName("changeSeverity")
        self.severity.setAccessibleName(self.tr("Severity of this change (NER model)"))
        for severity in ErrorSeverity:
            self.severity.addItem(severity_label(severity), severity.value)
        severity_caption = QLabel(self.tr("Se&verity:"))
        severity_caption.setBuddy(self.severity)
        row.addWidget(self.play)
        row.addStretch(1)
        row.addWidget(severity_caption)
        row.addWidget(self.severity)
        layout.addLayout(row)
        self.setWidget(body)


class ReviewFeature(QObject):
    """Keeps the review of the open document and the two panels and the status up to date."""

    def __init__(self, host: Host) -> None:
        window = host.window()
        super().__init__(window)
        self.setObjectName("reviewFeature")
        self.main = window
        self.events = DocumentEvents(self)
        self.events.modified.connect(self._on_modified)
        self.events.changed.connect(self._on_changed)
        for signal in (self.events.inserted, self.events.removed):
            signal.connect(lambda _a, _b: self._rows_changed())
        self.events.reset.connect(self._rows_changed)
        self.host = host
        self.review: Review | None = None
        self.comparison: Comparison | None = None
        self.baseline_name = ""
        self._baseline: list[Cue] = []
        self._baseline_ends: list[int] = []
        self._filtering = False
        self._stamp: tuple[int, int] | None = None
        self._changes: list[Change] = []
        self._diffs: dict[int, list[DiffPiece]] = {}
        self._unsubscribe: list[Callable[[], None]] = []
        self._asked_errors = False
        self._damaged = False
        self._showing: int | None = None
        self.panel = ReviewPanel(window)
        self.changes_panel = ChangesPanel(window)
        self.status = QLabel()
        self.status.setObjectName("reviewProgress")
        self.status.setAccessibleName(self.tr("Review progress"))
        host.add_status_widget(self.status)
        self._save_timer = self._single_shot(SAVE_DELAY_MS, self.save)
        self._compare_timer = self._single_shot(COMPARE_DELAY_MS, self.refresh_comparison)
        self._comment_timer = self._single_shot(600, self._store_comment)
        self.panel.approve_button.clicked.connect(self.approve_and_next)
        self.panel.next_button.clicked.connect(self.next_unreviewed)
        self.panel.withdraw_button.clicked.connect(self.withdraw)
        self.panel.filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.panel.comment.textChanged.connect(self._comment_timer.start)
        self.changes_panel.tree.itemActivated.connect(lambda item, _c: self._play_item(item))
        self.changes_panel.tree.currentItemChanged.connect(lambda item, _p: self._on_item(item))
        self.changes_panel.play.clicked.connect(
            lambda: self._play_item(self.changes_panel.tree.currentItem())
        )
        self.changes_panel.severity.activated.connect(self._on_severity)
        self.changes_panel.visibilityChanged.connect(
            lambda shown: self._compare_timer.start() if shown else None
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save the review when the window is about to close."""
        if watched is self.main and event.type() == QEvent.Type.Close:
            self.flush()
        return False

    def _single_shot(self, msecs: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(slot)
        return timer

    # -- the document -------------------------------------------------------------------
    def set_document(self, doc: Document | None) -> None:
        """Follow ``doc`` (None: nothing); the previous document's review is saved first."""
        self.flush()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self.events.set_document(doc)
        if self.review is not None:
            self.review.close()
        self.review = None
        self.comparison = None
        self._damaged = False
        self._showing = None
        if doc is not None:
            try:
                self.review = open_review(doc)
            except ReviewFileError as error:
                self._damaged = True
                self.review = Review(doc)
                self.host.status_message(
                    self.tr(
                        "The review file cannot be used ({error}); it is left as it is and "
                        "this review is not saved."
                    ).format(error=error)
                )
            for message in self.review.unmatched:
                self.host.status_message(message)
            baseline, self.baseline_name = self._baseline_of(doc)
            self._baseline = sorted(baseline, key=lambda c: (c.start_ms, c.end_ms))
            # Running maximum of the ends, so bisect finds the first cue that may overlap.
            self._baseline_ends = list(
                itertools.accumulate((c.end_ms for c in self._baseline), max)
            )
            self._unsubscribe.append(self.review.subscribe(self._on_state))
            self._stamp = _file_stamp(doc.path)
            self._resume()
        self._set_cue_model_source()
        self.comparison = None
        self._schedule_comparison()
        self._update_status()
        self.apply_filter()
        self.show_cue(self.host.current_index())

    def _baseline_of(self, doc: Document) -> tuple[list[Cue], str]:
        """Return the auto track to compare with: the file the review names, else the
        ``.orig`` copy kept on the first save, else the captions as opened now."""
        assert self.review is not None
        candidates: list[Path] = []
        if doc.path is not None:
            if self.review.baseline_file:
                candidates.append(doc.path.with_name(self.review.baseline_file))
            candidates.append(original_copy_path(doc.path))
        for path in candidates:
            if path.is_file():
                try:
                    return list(load(path).cues), path.name
                except (CaptionFileError, OSError):
                    continue
        name = doc.path.name if doc.path is not None else self.tr("the captions as opened")
        return list(doc.cues), name

    def _resume(self) -> None:
        review = self.review
        if review is None or not len(review.doc.cues):
            return
        if review.last_cue or review.playhead_ms:
            index = min(review.last_cue, len(review.doc.cues) - 1)
            self.host.select_cue(index)
            if review.playhead_ms:
                self.host.player.seek(review.playhead_ms)
            self.host.status_message(
                self.tr("Resumed at cue {n}, where the review stopped.").format(n=index + 1)
            )

    def _on_modified(self) -> None:
        doc = self.review.doc if self.review is not None else None
        if doc is None or doc.modified:
            return
        # Unmodified again: saved, or undone back to the saved state. Only a save changes the
        # file, and then the sidecar goes with it at once.
        stamp = _file_stamp(doc.path)
        if stamp != self._stamp:
            self._stamp = stamp
            self.save()

    def _on_changed(self, start: int, stop: int) -> None:
        self._schedule_comparison()
        if self._showing is not None and start <= self._showing < stop:
            self._show_diff(self._showing)

    def _rows_changed(self) -> None:
        self._schedule_comparison()
        if self._filtering:
            # After the cue list has its new rows.
            QTimer.singleShot(0, self.apply_filter)

    def _schedule_comparison(self) -> None:
        # The whole comparison (0.15 s for an hour) only while the Changes view is shown.
        if self.changes_panel.isVisible():
            self._compare_timer.start()

    def _on_state(self, start: int, stop: int) -> None:
        # An edit alone writes no sidecar: the review goes to disk with the captions (their
        # save) or after the reviewer's own acts, never beside a file nobody reviews.
        self._update_status()
        self.host.cue_model.review_changed(start, stop)
        if self.panel.filter.currentIndex() > 0:
            self.apply_filter(start, stop)
        current = self.host.current_index()
        if current is not None and start <= current < stop:
            self._show_state(current)

    def _set_cue_model_source(self) -> None:
        self.host.cue_model.set_review_source(self if self.review is not None else None)

    # -- what the cue list asks (ReviewSource) --------------------------------------------
    def state_of(self, index: int) -> CueState | None:
        """Return the review state of cue ``index`` (None when there is no review)."""
        if self.review is None or not 0 <= index < len(self.review.doc.cues):
            return None
        return self.review.state(index)

    def comment_of(self, index: int) -> str:
        """Return the comment on cue ``index``."""
        if self.review is None or not 0 <= index < len(self.review.doc.cues):
            return ""
        return self.review.comment(index)

    # -- the reviewer's acts --------------------------------------------------------------
    def approve_and_next(self) -> None:
        """Approve the current cue and go to the next one (asks once about a cue with errors)."""
        index = self.host.current_index()
        if self.review is None or index is None:
            return
        if not self._asked_errors and self._has_errors(index):
            box = QMessageBox(self.main)
            box.setObjectName("approveErrorsDialog")
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Approve a cue with errors?"))
            box.setText(
                self.tr(
                    "Cue {n} still has errors (see the Issues panel). Approve it anyway?"
                ).format(n=index + 1)
            )
            box.setInformativeText(self.tr("You will not be asked again in this session."))
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
            self._asked_errors = True
        self._store_comment()
        self.review.approve(index)
        self._save_timer.start()
        if index + 1 < len(self.review.doc.cues):
            self.host.select_cue(index + 1)
            self.show_cue(index + 1)

    def _has_errors(self, index: int) -> bool:
        from captionreview.qt.issues_panel import IssuesPanel

        panel = self.main.findChild(IssuesPanel)
        return panel is not None and panel.worst_severity(index) is Severity.ERROR

    def next_unreviewed(self) -> None:
        """Go to the next cue that is not approved (wrapping round)."""
        if self.review is None:
            return
        current = self.host.current_index()
        found = self.review.next_unreviewed(current if current is not None else -1)
        if found is None:
            self.host.status_message(self.tr("Every cue is approved."))
            return
        self.host.select_cue(found)
        self.show_cue(found)

    def withdraw(self) -> None:
        """Withdraw the approval of the current cue."""
        index = self.host.current_index()
        if self.review is not None and index is not None:
            self.review.withdraw(index)
            self._save_timer.start()

    def _store_comment(self) -> None:
        self._comment_timer.stop()
        if self.review is None or self._showing is None:
            return
        if self._showing < len(self.review.doc.cues):
            before = self.review.comment(self._showing)
            self.review.set_comment(self._showing, self.panel.comment.toPlainText())
            if self.review.comment(self._showing) != before:
                self._save_timer.start()

    # -- showing ---------------------------------------------------------------------------
    def show_cue(self, index: int | None) -> None:
        """Show the state, comment and word diff of cue ``index`` in the Review panel."""
        self._store_comment()
        self._showing = index
        if self.review is not None and index is not None:
            self.review.last_cue = index
        self._show_state(index)
        comment = self.comment_of(index) if index is not None else ""
        if self.panel.comment.toPlainText() != comment:
            self.panel.comment.blockSignals(True)
            self.panel.comment.setPlainText(comment)
            self.panel.comment.blockSignals(False)
        self._show_diff(index)

    def _show_state(self, index: int | None) -> None:
        state = self.state_of(index) if index is not None else None
        self.panel.state.setText(state_text(state) if state is not None else "–")
        enabled = state is not None
        for widget in (self.panel.approve_button, self.panel.withdraw_button, self.panel.comment):
            widget.setEnabled(enabled)

    def _show_diff(self, index: int | None) -> None:
        pieces = self.cue_diff(index) if index is not None else []
        if not any(p.kind is not DiffKind.SAME for p in pieces):
            self.panel.diff.setPlainText(self.tr("No change from the auto track."))
            return
        self.panel.diff.setHtml(diff_html(pieces))

    def cue_diff(self, index: int) -> list[DiffPiece]:
        """Return what changed in cue ``index`` against the auto-track cues that overlap it
        in time (a comparison of a few cues, so it can follow every keystroke)."""
        review = self.review
        if review is None or not 0 <= index < len(review.doc.cues):
            return []
        cue = review.doc.cues[index]
        k = bisect.bisect_left(self._baseline_ends, cue.start_ms + 1)
        around: list[Cue] = []
        while k < len(self._baseline) and self._baseline[k].start_ms < cue.end_ms:
            around.append(self._baseline[k])
            k += 1
        return compare(around, [cue]).word_diffs().get(0, [])

    def _update_status(self) -> None:
        if self.review is None:
            self.status.setText("")
            self.panel.progress.setText("")
            return
        counts = self.review.counts()
        text = progress_text(counts.approved, counts.total)
        self.status.setText(text)
        self.panel.progress.setText(
            text
            + " · "
            + self.tr("{corrected} corrected, {unreviewed} unreviewed").format(
                corrected=counts.corrected, unreviewed=counts.unreviewed
            )
        )

    def apply_filter(self, start: int = 0, stop: int | None = None) -> None:
        """Hide the cues the filter leaves out of the cue list (the rows keep their numbers);
        only rows ``start`` to ``stop`` when given."""
        view = self.host.cue_view
        mode = ReviewPanel.FILTERS[max(0, self.panel.filter.currentIndex())]
        rows = view.model().rowCount()
        keep = self.filtered(mode) if self.review is not None else None
        if keep is None and not self._filtering:
            return  # nothing is hidden: no need to visit 30,000 rows
        self._filtering = keep is not None
        for row in range(start, rows if stop is None else min(stop, rows)):
            view.setRowHidden(row, keep is not None and row not in keep)

    def filtered(self, mode: str) -> set[int] | None:
        """Return the cues a filter shows (None: all)."""
        review = self.review
        if review is None or mode == "all":
            return None
        count = len(review.doc.cues)
        if mode == "comments":
            return set(review.commented())
        if mode == "issues":
            from captionreview.qt.issues_panel import IssuesPanel

            panel = self.main.findChild(IssuesPanel)
            if panel is None:
                return set()
            return {i for i in range(count) if panel.worst_severity(i) is not None}
        wanted = (
            {CueState.UNREVIEWED}
            if mode == "unreviewed"
            else {CueState.UNREVIEWED, CueState.CORRECTED}
        )
        return {i for i in range(count) if review.state(i) in wanted}

    # -- the comparison ------------------------------------------------------------------
    def refresh_comparison(self) -> None:
        """Compare the auto track with the captions as they are now and show the result."""
        self._compare_timer.stop()
        review = self.review
        tree = self.changes_panel.tree
        tree.clear()
        if review is None:
            self.comparison = None
            self._diffs = {}
            self.changes_panel.summary.setText(self.tr("Open captions to see their changes."))
            return
        self.comparison = compare(self._baseline, review.doc.cues)
        self._diffs = self.comparison.word_diffs()
        self._changes = list(self.comparison.changes)
        self._show_summary()
        cues = review.doc.cues
        for change in self._changes:
            severity = review.severities.get(change.key, ErrorSeverity.STANDARD)
            item = QTreeWidgetItem(
                [
                    str(change.cue + 1),
                    change.label(),
                    kind_label(change.kind),
                    severity_label(severity),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, change.cue)
            item.setData(1, Qt.ItemDataRole.UserRole, change.key)
            if change.cue < len(cues):
                item.setToolTip(1, diff_text(self._diffs.get(change.cue, [])))
            tree.addTopLevelItem(item)
        restyled = sorted(self.comparison.restyled_cues - {c.cue for c in self._changes})
        for cue in restyled:
            item = QTreeWidgetItem(
                [
                    str(cue + 1),
                    diff_text(self._diffs.get(cue, [])),
                    self.tr("case or punctuation"),
                    "–",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, cue)
            tree.addTopLevelItem(item)
        self.changes_panel.setWindowTitle(
            self.tr("Changes (%n cue(s))", "", len(self.comparison.changed_cues()))
        )
        self._show_diff(self._showing)

    def _show_summary(self) -> None:
        result = self.comparison
        if result is None or self.review is None:
            return
        ner = result.ner(self.review.severities)
        self.changes_panel.summary.setText(
            self.tr(
                "Against {name}: WER {wer} ({s} substituted, {d} deleted, {i} inserted of {n} "
                "words); NER estimate {ner} ({verdict}); {case} case and {punct} punctuation "
                "changes."
            ).format(
                name=self.baseline_name,
                wer=percent(result.wer),
                s=result.substitutions,
                d=result.deletions,
                i=result.insertions,
                n=result.reference_words,
                ner=percent(ner.accuracy),
                verdict=self.tr("passes 98 %") if ner.passed else self.tr("below 98 %"),
                case=result.case_errors,
                punct=result.punctuation_errors,
            )
        )

    def show_changes(self) -> None:
        """Bring the Changes view to the front with the comparison as the captions are now."""
        self.changes_panel.show()
        self.changes_panel.raise_()
        self.refresh_comparison()
        self.changes_panel.tree.setFocus()

    def _play_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        cue = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(cue, int):
            self.host.select_cue(cue, play=True)
            self.show_cue(cue)

    def _on_item(self, item: QTreeWidgetItem | None) -> None:
        key = item.data(1, Qt.ItemDataRole.UserRole) if item is not None else None
        combo = self.changes_panel.severity
        combo.setEnabled(isinstance(key, str))
        if isinstance(key, str) and self.review is not None:
            severity = self.review.severities.get(key, ErrorSeverity.STANDARD)
            combo.setCurrentIndex(combo.findData(severity.value))

    def _on_severity(self, position: int) -> None:
        item = self.changes_panel.tree.currentItem()
        key = item.data(1, Qt.ItemDataRole.UserRole) if item is not None else None
        if item is None or not isinstance(key, str) or self.review is None:
            return
        severity = ErrorSeverity(self.changes_panel.severity.itemData(position))
        self.review.set_severity(key, severity)
        item.setText(3, severity_label(severity))
        self._show_summary()
        self._save_timer.start()

    def set_severity(self, key: str, severity: ErrorSeverity) -> None:
        """Classify a change for the NER estimate (what the Severity box does)."""
        if self.review is None:
            return
        self.review.set_severity(key, severity)
        self.refresh_comparison()
        self._save_timer.start()

    # -- saving --------------------------------------------------------------------------
    def remember_playhead(self, ms: int) -> None:
        """Remember where playback is, for resuming."""
        if self.review is not None:
            self.review.playhead_ms = max(0, ms)

    def flush(self) -> None:
        """Write a pending comment and the sidecar now when something waits to be saved, or
        when a sidecar exists (so the place to resume at is kept)."""
        self._store_comment()
        path = self.review.doc.path if self.review is not None else None
        if self._save_timer.isActive() or (path is not None and sidecar_path(path).exists()):
            self.save()

    def save(self) -> Path | None:
        """Write the sidecar beside the captions (nothing for untitled captions or when the
        sidecar on disk could not be read)."""
        self._save_timer.stop()
        review = self.review
        if review is None or review.doc.path is None or self._damaged:
            return None
        try:
            return review.save()
        except OSError as error:
            self.host.status_message(
                self.tr("The review could not be saved to {name}: {reason}").format(
                    name=sidecar_path(review.doc.path).name, reason=error
                )
            )
            return None

    def accuracy_input(self) -> AccuracyInput | None:
        """Return what the report's accuracy section needs, or None without a review."""
        if self.review is None:
            return None
        self.refresh_comparison()
        assert self.comparison is not None
        return AccuracyInput(
            self.baseline_name,
            self.comparison,
            self.review.doc.cues,
            dict(self.review.severities),
            self.review.counts(),
            [(i, self.review.comment(i)) for i in self.review.commented()],
        )


def _file_stamp(path: Path | None) -> tuple[int, int] | None:
    """Return when and how big the file at ``path`` was last written (None: no file)."""
    try:
        info = path.stat() if path is not None else None
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size) if info is not None else None


def progress_text(approved: int, total: int) -> str:
    """Return "312 of 812 approved (38 %)" in the user's language."""
    percent_done = 100 * approved // total if total else 0
    return QCoreApplication.translate(
        "ReviewPanel", "{approved} of {total} approved ({percent} %)"
    ).format(approved=approved, total=total, percent=percent_done)


def diff_html(pieces: Sequence[DiffPiece]) -> str:
    """Return a word diff as HTML: taken-out words struck through and marked [−…], put-in
    words underlined and marked [+…], so the change reads without colour too."""
    runs: list[tuple[DiffKind, list[str]]] = []
    for piece in pieces:
        if runs and runs[-1][0] is piece.kind:
            runs[-1][1].append(piece.text)
        else:
            runs.append((piece.kind, [piece.text]))
    out = []
    for kind, words in runs:
        text = html.escape(" ".join(words))
        if kind is DiffKind.REMOVED:
            out.append(f'<s style="color:#b71c1c">[−{text}]</s>')
        elif kind is DiffKind.ADDED:
            out.append(f'<u style="color:#1b5e20">[+{text}]</u>')
        else:
            out.append(text)
    return " ".join(out)


def _action(
    window: QWidget, text: str, name: str, keys: Sequence[str], slot: Callable[[], Any]
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def install(host: Host) -> ReviewFeature:
    """Add the review feature to the window: panels, status, actions, resume and sidecar."""
    window = host.window()
    feature = ReviewFeature(host)
    host.add_dock(feature.panel, Qt.DockWidgetArea.RightDockWidgetArea)
    host.add_dock(feature.changes_panel, Qt.DockWidgetArea.RightDockWidgetArea)
    main = window if isinstance(window, QMainWindow) else None
    if main is not None:
        main.tabifyDockWidget(feature.panel, feature.changes_panel)
    feature.panel.raise_()
    feature.changes_panel.hide()
    for text, name, keys, slot in (
        (
            QCoreApplication.translate("ReviewPanel", "&Approve and next"),
            "review_approve_next",
            ["Ctrl+Shift+A"],
            feature.approve_and_next,
        ),
        (
            QCoreApplication.translate("ReviewPanel", "Next &unreviewed"),
            "review_next_unreviewed",
            ["Ctrl+Shift+N"],
            feature.next_unreviewed,
        ),
        (
            QCoreApplication.translate("ReviewPanel", "&Withdraw approval"),
            "review_withdraw",
            [],
            feature.withdraw,
        ),
        (
            QCoreApplication.translate("ReviewPanel", "&Comment on cue"),
            "review_comment",
            ["Shift+F2"],
            feature.panel.comment.setFocus,
        ),
    ):
        host.register_action(_action(window, text, name, keys, slot), "Captions")
    show_changes = feature.changes_panel.toggleViewAction()
    show_changes.setText(QCoreApplication.translate("ReviewPanel", "C&hanges"))
    show_changes.setShortcut(QKeySequence("Ctrl+Shift+D"))
    show_changes.setObjectName("review_show_changes")
    host.register_action(show_changes, "View")
    # Shown from the menu or its key: bring its tab to the front with fresh figures.
    show_changes.triggered.connect(lambda on: feature.show_changes() if on else None)
    show_review = feature.panel.toggleViewAction()
    show_review.setText(QCoreApplication.translate("ReviewPanel", "&Review"))
    host.menu("View").addAction(show_review)

    host.document_changed.connect(feature.set_document)
    host.cue_view.selectionModel().currentRowChanged.connect(
        lambda current, _previous: feature.show_cue(current.row() if current.isValid() else None)
    )
    host.player.position_changed.connect(feature.remember_playhead)
    # Closing the window writes a review that waits to be saved (the captions ask for
    # themselves); saving it when the close is then cancelled does no harm.
    window.installEventFilter(feature)
    feature.set_document(host.document)
    return feature


__all__ = ["ChangesPanel", "ReviewFeature", "ReviewPanel", "install", "progress_text"]
