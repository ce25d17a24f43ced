"""The cue editor: the selected cue's text, its start and end, and live line counts.

Typing goes to the document as ``set_text(i, text, typing=True)``, so a run of keystrokes in
one cue is one undo step, and the overlay and the list show the change at once. The text box
has no undo stack of its own: Ctrl+Z always undoes in the document's history.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from captionreview.core.document import Document
from captionreview.core.i18n import _
from captionreview.core.model import Cue, Severity
from captionreview.core.profiles import DEFAULT_PROFILE, Profile
from captionreview.core.readingspeed import cue_reading_speed, speed_severity
from captionreview.core.timecode import format_list_time, parse_list_time
from captionreview.core.vtt.cuetext import char_count, plain_lines
from captionreview.core.vtt.editable import editable_offset, editable_text, payload_offset
from captionreview.core.vtt.writer import sanitize_cue_text
from captionreview.qt.a11y import TabToolBar
from captionreview.qt.severity import TEXT_COLOURS, severity_word

_HISTORY_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_RED = TEXT_COLOURS[Severity.ERROR]


class CueTextEdit(QPlainTextEdit):
    """A plain-text box that leaves Undo/Redo shortcuts to the window (the document history).

    Signal ``escaped()`` when Escape is pressed (the window returns to the cue list).
    """

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape leaves the text for the cue list; other keys edit as usual."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Let Ctrl+Z/Ctrl+Y reach the window's Undo/Redo actions instead of a private stack."""
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            combo = event.keyCombination()
            if any(event.matches(key) for key in _HISTORY_KEYS) or combo in (
                Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Y,
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.ShiftModifier
                | Qt.Key.Key_Z,
            ):
                event.ignore()
                return False
        return super().event(event)


class CueEditor(QWidget):
    """Edits one cue of a document: ``.text_edit`` holds its text; start/end fields its times.

    Signals: ``typed()`` after each user edit of the text (the window uses it for "pause while
    typing"), ``message(str)`` for the status bar.
    """

    typed = Signal()
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cueEditor")
        self._doc: Document | None = None
        self._index: int | None = None
        self._profile: Profile = DEFAULT_PROFILE
        self._loading = False
        # True while our own keystroke is being applied: the document may store the text
        # escaped or without a trailing empty line, and the box must keep what was typed.
        self._applying = False

        self.title = QLabel(self.tr("No cue selected"))
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.start_edit = self._time_field(self.tr("Start time of the cue (m:ss.mmm)"))
        self.end_edit = self._time_field(self.tr("End time of the cue (m:ss.mmm)"))
        self.timing_label = QLabel()
        self.toolbar = TabToolBar()
        self.toolbar.setAccessibleName(self.tr("Cue editing"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.text_edit = CueTextEdit()
        self.text_edit.setObjectName("cueText")
        self.text_edit.setAccessibleName(self.tr("Cue text"))
        self.text_edit.setUndoRedoEnabled(False)
        self.text_edit.setTabChangesFocus(True)
        font = QFont(self.text_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.text_edit.setFont(font)
        self.text_edit.setMinimumHeight(self.text_edit.fontMetrics().lineSpacing() * 3 + 16)
        self.text_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setAccessibleName(self.tr("Line lengths"))

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title)
        header.addSpacing(12)
        # Alt+T / Alt+N: Alt+S and Alt+E belong to menus.
        for label, field in (
            (self.tr("S&tart"), self.start_edit),
            (self.tr("E&nd"), self.end_edit),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            header.addWidget(caption)
            header.addWidget(field)
        header.addSpacing(8)
        header.addWidget(self.timing_label)
        header.addStretch(1)
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.counts_label, 1)
        footer.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(footer)
        self._set_enabled(False)

    def _time_field(self, tooltip: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setToolTip(tooltip)
        edit.setAccessibleName(tooltip.split(" (")[0])
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("00:00:00.0000") + 16)
        edit.editingFinished.connect(self._on_times_edited)
        edit.installEventFilter(self)
        return edit

    # -- what is shown --------------------------------------------------------------------
    @property
    def index(self) -> int | None:
        """Index of the cue being edited, or None."""
        return self._index

    def set_document(self, doc: Document | None) -> None:
        """Edit cues of ``doc`` (nothing selected yet)."""
        self._doc = doc
        self.set_index(None)

    def set_profile(self, profile: Profile) -> None:
        """Count line lengths against ``profile``'s limits."""
        self._profile = profile
        self._update_counts()

    def set_index(self, index: int | None) -> None:
        """Show cue ``index`` (None or out of range shows nothing)."""
        if self._doc is None or index is None or not 0 <= index < len(self._doc):
            index = None
        same = index == self._index
        self._index = index
        self._set_enabled(index is not None)
        if index is None:
            self.title.setText(self.tr("No cue selected"))
            self._load_text("")
            self.start_edit.clear()
            self.end_edit.clear()
            self.timing_label.clear()
            self.counts_label.clear()
            return
        self.refresh(keep_cursor=same)

    def refresh(self, *, keep_cursor: bool = True) -> None:
        """Show the current state of the cue (after an edit, undo or redo)."""
        if self._doc is None or self._index is None:
            return
        if self._index >= len(self._doc):
            self.set_index(None)
            return
        cue = self._doc.cues[self._index]
        self.title.setText(
            self.tr("Cue {index} of {doc_count}").format(
                index=self._index + 1, doc_count=len(self._doc)
            )
        )
        shown = editable_text(cue.text)
        if not self._applying and shown != self.text_edit.toPlainText():
            position = self.text_edit.textCursor().position() if keep_cursor else len(shown)
            self._load_text(shown)
            cursor = self.text_edit.textCursor()
            cursor.setPosition(min(position, len(shown)))
            self.text_edit.setTextCursor(cursor)
        if not self.start_edit.hasFocus():
            self.start_edit.setText(format_list_time(cue.start_ms))
        if not self.end_edit.hasFocus():
            self.end_edit.setText(format_list_time(cue.end_ms))
        self._update_counts()  # shows the timing too

    def select_span(self, span: tuple[int, int]) -> None:
        """Select ``span`` (offsets into ``Cue.text``: a find match, a finding) and focus it."""
        raw = self._raw_text()
        length = len(self.text_edit.toPlainText())
        start, end = (max(0, min(editable_offset(raw, v), length)) for v in span)
        cursor = self.text_edit.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text_edit.setTextCursor(cursor)
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def cursor_position(self) -> int:
        """Offset of the text cursor in ``Cue.text`` (where a split happens)."""
        return payload_offset(self._raw_text(), self.text_edit.textCursor().position())

    def selection_span(self) -> tuple[int, int]:
        """The selected characters as offsets into ``Cue.text``."""
        cursor = self.text_edit.textCursor()
        raw = self._raw_text()
        return (
            payload_offset(raw, cursor.selectionStart()),
            payload_offset(raw, cursor.selectionEnd()),
        )

    def _raw_text(self) -> str:
        if self._doc is None or self._index is None:
            return self.text_edit.toPlainText()
        return self._doc.cues[self._index].text

    # -- internals ------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.text_edit, self.start_edit, self.end_edit):
            widget.setEnabled(enabled)

    def _load_text(self, text: str) -> None:
        self._loading = True
        try:
            self.text_edit.setPlainText(text)
        finally:
            self._loading = False

    def _on_text_changed(self) -> None:
        if self._loading or self._doc is None or self._index is None:
            return
        text = self.text_edit.toPlainText()
        if sanitize_cue_text(text) != self._doc.cues[self._index].text:
            self._applying = True
            try:
                self._doc.set_text(self._index, text, typing=True)
            finally:
                self._applying = False
            self.typed.emit()
        self._update_counts()

    def _on_times_edited(self) -> None:
        if self._doc is None or self._index is None:
            return
        cue = self._doc.cues[self._index]
        try:
            start = parse_list_time(self.start_edit.text())
            end = parse_list_time(self.end_edit.text())
            if end <= start:
                raise ValueError(
                    self.tr("The end ({end}) must be after the start ({start})").format(
                        end=format_list_time(end), start=format_list_time(start)
                    )
                )
        except ValueError as exc:
            self.message.emit(str(exc))
            self.start_edit.setText(format_list_time(cue.start_ms))
            self.end_edit.setText(format_list_time(cue.end_ms))
            return
        if (start, end) != (cue.start_ms, cue.end_ms):
            self._doc.set_times(self._index, start, end)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in a time field puts back the cue's time."""
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self._doc is not None
            and self._index is not None
        ):
            cue = self._doc.cues[self._index]
            watched.setText(
                format_list_time(cue.start_ms if watched is self.start_edit else cue.end_ms)
            )
            return True
        return super().eventFilter(watched, event)

    def _update_timing(self, cue: Cue) -> None:
        speed = cue_reading_speed(cue)
        cps_text = "–" if speed is None else str(speed)
        severity = speed_severity(speed, self._profile)
        speed_text = self.tr("{speed} CPS").format(speed=cps_text)
        if severity is not None:
            # The grade in words (and bold), not by colour alone.
            graded = self.tr("{speed} ({severity})").format(
                speed=speed_text, severity=severity_word(severity)
            )
            speed_text = f"<b style='color:{TEXT_COLOURS[severity]}'>{html.escape(graded)}</b>"
        self.timing_label.setText(
            self.tr("{duration} s · {speed}").format(
                duration=f"{cue.duration_ms / 1000:.2f}", speed=speed_text
            )
        )

    def _update_counts(self) -> None:
        if self._doc is None or self._index is None:
            self.counts_label.clear()
            return
        text = self.text_edit.toPlainText()
        limit = self._profile.max_chars_per_line
        parts = []
        lines = plain_lines(text)
        for number, line in enumerate(lines, 1):
            length = len(line)
            over = length > limit
            count = str(length)
            if over:
                too_long = html.escape(self.tr("too long"))
                count = f"<b style='color:{_RED}'>{length} {too_long}</b>"
            parts.append(
                self.tr("line {number}: {count}/{limit}").format(
                    number=number, count=count, limit=limit
                )
            )
        if len(lines) > self._profile.max_lines:
            parts.append(
                self.tr("<b style='color:{colour}'>{lines} lines</b> (max {most})").format(
                    colour=_RED, lines=len(lines), most=self._profile.max_lines
                )
            )
        total = char_count(text)
        total_text = str(total)
        if total > self._profile.max_chars_per_cue:
            too_many = html.escape(self.tr("too many"))
            total_text = f"<b style='color:{_RED}'>{total} {too_many}</b>"
        parts.append(
            self.tr("{total}/{most} characters").format(
                total=total_text, most=self._profile.max_chars_per_cue
            )
        )
        self.counts_label.setText(" · ".join(parts))
        self.counts_label.setToolTip(
            html.escape(
                self.tr("Limits from the profile {title}").format(title=_(self._profile.title))
            )
        )
        cue = self._doc.cues[self._index]
        self._update_timing(cue)
