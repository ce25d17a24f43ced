"""The cue list's Qt item model: a thin adapter over a core Document, driven by its events.

The model never keeps a copy of the cues. Every document event (a ``DocumentEvents``
signal) is mapped to the matching ``beginInsertRows``/``endInsertRows``,
``beginRemoveRows``/``endRemoveRows`` or ``dataChanged`` call, so typing in one cue repaints
one row even with 30,000 cues (napari's evented-list adapter). Edits made through the model
go through the document's commands, so they are undoable like every other edit.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from captionreview.core.document import Document
from captionreview.core.model import Cue, Severity
from captionreview.core.profiles import DEFAULT_PROFILE, Profile
from captionreview.core.readingspeed import cue_reading_speed, speed_severity
from captionreview.core.review import CueState, state_label
from captionreview.core.timecode import format_list_time, parse_list_time
from captionreview.core.vtt.cuetext import plain_text
from captionreview.core.vtt.editable import editable_text
from captionreview.core.vtt.writer import sanitize_cue_text
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.i18n import QT_TRANSLATE_NOOP
from captionreview.qt.plaintext import plain_tip
from captionreview.qt.severity import severity_icon, severity_word

# The cue number is the vertical header (it is the row number, which shifts on insert/delete).
COL_START, COL_END, COL_DURATION, COL_CPS, COL_STATE, COL_TEXT = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("CueTableModel", "Start"),
    QT_TRANSLATE_NOOP("CueTableModel", "End"),
    QT_TRANSLATE_NOOP("CueTableModel", "Duration"),
    QT_TRANSLATE_NOOP("CueTableModel", "CPS"),
    QT_TRANSLATE_NOOP("CueTableModel", "Review"),
    QT_TRANSLATE_NOOP("CueTableModel", "Text"),
)
TOOLTIPS = (
    QT_TRANSLATE_NOOP("CueTableModel", "Start time (h:mm:ss.mmm); double-click to edit"),
    QT_TRANSLATE_NOOP("CueTableModel", "End time (h:mm:ss.mmm); double-click to edit"),
    QT_TRANSLATE_NOOP("CueTableModel", "How long the cue is shown, in seconds"),
    QT_TRANSLATE_NOOP(
        "CueTableModel",
        "Characters per second (amber triangle above the profile's warning, "
        "red square above its limit)",
    ),
    QT_TRANSLATE_NOOP(
        "CueTableModel",
        "Review state: unreviewed (hollow circle), corrected (diamond), approved (check mark)",
    ),
    QT_TRANSLATE_NOOP(
        "CueTableModel", "What the viewer reads; double-click to edit (Shift+Enter for a new line)"
    ),
)
LINE_SEPARATOR = " ⏎ "

# Colours chosen to stay readable in light and dark palettes (text drawn on top of them).
WARN_BRUSH = QBrush(QColor(240, 200, 60, 140))
ERROR_BRUSH = QBrush(QColor(230, 70, 60, 150))
ACTIVE_BRUSH = QBrush(QColor(70, 140, 230, 90))
# Above this the CPS column says ">99" (the tooltip has the number): a cue of a raw YouTube
# file can claim hundreds of characters in a few milliseconds.
CPS_SHOWN_MAX = 99.9

_ROOT = QModelIndex()
# Combined once: data() and flags() run for every visible cell on every repaint.
_READ_ONLY = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_ALIGN_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def display_text(cue: Cue) -> str:
    """Return the cue text as shown in one row of the list: markup stripped, lines joined."""
    return plain_text(cue.text).replace("\n", LINE_SEPARATOR)


def _sentence(text: str) -> str:
    """``text`` with a capital first letter (core messages start in lower case)."""
    return text[:1].upper() + text[1:]


class IssueSource(Protocol):
    """What the cue list needs to mark cues with issues (the issues panel provides it)."""

    def worst_severity(self, index: int) -> Severity | None:
        """The most serious severity among cue ``index``'s findings (None: no issue)."""

    def cue_rules(self, index: int) -> list[str]:
        """The rule ids of cue ``index``'s findings, most serious first."""


class ReviewSource(Protocol):
    """What the cue list needs to show each cue's review state (the review feature)."""

    def state_of(self, index: int) -> CueState | None:
        """The review state of cue ``index`` (None: not known)."""

    def comment_of(self, index: int) -> str:
        """The reviewer's comment on cue ``index`` ("" when none)."""


def state_icon(state: CueState) -> QIcon:
    """A shape per review state, so it is not told by colour alone: a hollow circle
    (unreviewed), a diamond (corrected), a check mark in a disc (approved)."""
    icon = _STATE_ICONS.get(state)
    if icon is None:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state is CueState.APPROVED:
            painter.setPen(QColor(30, 110, 50))
            painter.setBrush(QColor(46, 125, 50))
            painter.drawEllipse(1, 1, 12, 12)
            painter.setPen(QPen(QColor(255, 255, 255), 2))
            painter.drawPolyline([QPoint(4, 7), QPoint(6, 10), QPoint(10, 4)])
        elif state is CueState.CORRECTED:
            painter.setPen(QColor(120, 70, 0))
            painter.setBrush(QColor(230, 150, 20))
            painter.drawPolygon([QPoint(7, 1), QPoint(13, 7), QPoint(7, 13), QPoint(1, 7)])
        else:
            painter.setPen(QPen(QColor(110, 110, 110), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(2, 2, 10, 10)
        painter.end()
        icon = _STATE_ICONS[state] = QIcon(pixmap)
    return icon


_STATE_ICONS: dict[CueState, QIcon] = {}


class CueTableModel(QAbstractTableModel):
    """Table model over a Document: start, end, duration, CPS, text; the row header is the #.

    ``set_document`` attaches to a document (or detaches with None). ``set_active_rows``
    marks the cues being spoken so the view can highlight them. ``message(str)`` says why an
    edit was refused (for the status bar).
    """

    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: Document | None = None
        self._events = DocumentEvents(self)
        self._events.inserting.connect(self._on_inserting)
        self._events.inserted.connect(self._on_inserted)
        self._events.removing.connect(self._on_removing)
        self._events.removed.connect(self._on_removed)
        self._events.changed.connect(self._on_changed)
        self._events.resetting.connect(self.beginResetModel)
        self._events.reset.connect(self._on_reset)
        self._profile: Profile = DEFAULT_PROFILE
        self._active: tuple[int, ...] = ()
        self._issues: IssueSource | None = None
        self._review: ReviewSource | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # -- document ------------------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        """The document shown, or None."""
        return self._doc

    def set_document(self, doc: Document | None) -> None:
        """Show ``doc`` (or nothing) and follow its events from now on."""
        self.beginResetModel()
        self._doc = doc
        self._active = ()
        self._events.set_document(doc)
        self.endResetModel()

    def set_profile(self, profile: Profile) -> None:
        """Colour the CPS column with ``profile``'s thresholds."""
        self._profile = profile
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(
                self.index(0, COL_CPS),
                self.index(rows - 1, COL_CPS),
                [Qt.ItemDataRole.BackgroundRole],
            )

    def set_issue_source(self, source: IssueSource | None) -> None:
        """Mark cues with issues in the row header from ``source`` (None: no markers)."""
        self._issues = source
        self.issues_changed()

    def set_review_source(self, source: ReviewSource | None) -> None:
        """Show each cue's review state from ``source`` (None: the column stays empty)."""
        self._review = source
        self.review_changed(0, self.rowCount())

    def review_changed(self, start: int, stop: int) -> None:
        """Repaint the review state of rows ``start`` to ``stop`` (after the review changed)."""
        stop = min(stop, self.rowCount())
        if stop > start:
            self.dataChanged.emit(self.index(start, COL_STATE), self.index(stop - 1, COL_STATE))

    def issues_changed(self) -> None:
        """Repaint the issue markers (call after the source's findings changed)."""
        rows = self.rowCount()
        if rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)

    def cue(self, row: int) -> Cue:
        """Return the cue at ``row``; raises IndexError when there is none."""
        if self._doc is None:
            raise IndexError(row)
        return self._doc.cues[row]

    # -- highlighting of the cue being spoken ----------------------------------------------
    @property
    def active_rows(self) -> tuple[int, ...]:
        """Rows of the cues showing at the playhead."""
        return self._active

    def set_active_rows(self, rows: tuple[int, ...]) -> None:
        """Highlight ``rows`` (the cues at the playhead); repaints only rows that changed."""
        if rows == self._active:
            return
        changed = set(rows).symmetric_difference(self._active)
        self._active = rows
        count = self.rowCount()
        last = self.columnCount() - 1
        for row in changed:
            if 0 <= row < count:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # -- events from the document ------------------------------------------------------------
    def _on_inserting(self, start: int, stop: int) -> None:
        self.beginInsertRows(QModelIndex(), start, stop - 1)

    def _on_inserted(self, _start: int, stop: int) -> None:
        self._active = ()
        self.endInsertRows()
        self._renumber_from(stop)

    def _on_removing(self, start: int, stop: int) -> None:
        self.beginRemoveRows(QModelIndex(), start, stop - 1)

    def _on_removed(self, start: int, _stop: int) -> None:
        self._active = ()
        self.endRemoveRows()
        self._renumber_from(start)

    def _on_changed(self, start: int, stop: int) -> None:
        if stop > start:
            self.dataChanged.emit(self.index(start, 0), self.index(stop - 1, len(HEADERS) - 1))

    def _on_reset(self) -> None:
        self._active = ()
        self.endResetModel()

    def _renumber_from(self, row: int) -> None:
        # The cue number is the row number: rows after an insert or removal show new numbers.
        count = self.rowCount()
        if row < count:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, count - 1)

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        """Number of cues (0 for a child index, as a table has no children)."""
        if parent.isValid() or self._doc is None:
            return 0
        return len(self._doc)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        """Number of columns (0 for a child index)."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles and their tooltips; row headers are the cue numbers."""
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            severity = self._issues.worst_severity(section) if self._issues is not None else None
            if role == Qt.ItemDataRole.DecorationRole:
                return None if severity is None else severity_icon(severity)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                # The number and, for a cue with issues, its worst severity in words.
                if severity is None:
                    return str(section + 1)
                return self.tr("{number}, {severity}").format(
                    number=section + 1, severity=severity_word(severity)
                )
            if role == Qt.ItemDataRole.ToolTipRole:
                rules = self._issues.cue_rules(section) if self._issues is not None else []
                if rules:
                    return self.tr(
                        "Cue {number}, {severity}: {rules} (see the Issues panel)"
                    ).format(
                        number=section + 1,
                        severity=severity_word(severity or Severity.INFO),
                        rules=", ".join(rules),
                    )
                return self.tr("Cue {number}").format(number=section + 1)
            return None
        if not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(TOOLTIPS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Start, end and text are editable; the other columns are computed."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE if index.column() in (COL_START, COL_END, COL_TEXT) else _READ_ONLY

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Display, edit, tooltip, alignment, colour and font data for one cell."""
        if not index.isValid() or self._doc is None:
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._doc) or not 0 <= col < len(HEADERS):
            return None
        cue = self._doc.cues[row]
        if col == COL_STATE:
            return self._state_data(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(col, cue)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(col, cue)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_TEXT:
                return _ALIGN_TEXT
            return _ALIGN_NUMBER
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, col, cue)
        if role == Qt.ItemDataRole.FontRole and row in self._active:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(col, cue)
        if col == COL_CPS and role in (
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._speed_mark(role, cue)
        if col == COL_CPS and role in (
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._speed_mark(role, cue)
        return None

    def _state_data(self, row: int, role: int) -> Any:
        state = self._review.state_of(row) if self._review is not None else None
        if state is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            words = state_label(state)
            if self._review is not None and self._review.comment_of(row):
                # An envelope: there is a comment (the tooltip has it).
                return f"{words} ✉"
            return words
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(state)
        if role == Qt.ItemDataRole.ToolTipRole:
            comment = self._review.comment_of(row) if self._review is not None else ""
            if comment:
                return self.tr("{state}. Comment: {comment}").format(
                    state=state_label(state), comment=comment
                )
            return state_label(state)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_TEXT
        return None

    def _speed_mark(self, role: int, cue: Cue) -> Any:
        """The reading speed's grade as a shape (decoration) and in words (accessible text)."""
        speed = cue_reading_speed(cue)
        severity = speed_severity(speed, self._profile)
        if role == Qt.ItemDataRole.DecorationRole:
            return None if severity is None else severity_icon(severity)
        shown = self._display(COL_CPS, cue)
        if severity is None:
            return self.tr("{speed} characters per second").format(speed=shown)
        return self.tr("{speed} characters per second, {severity}").format(
            speed=shown, severity=severity_word(severity)
        )

    def _display(self, col: int, cue: Cue) -> str:
        if col == COL_START:
            return format_list_time(cue.start_ms)
        if col == COL_END:
            return format_list_time(cue.end_ms)
        if col == COL_DURATION:
            return f"{cue.duration_ms / 1000:.2f}"
        if col == COL_CPS:
            speed = cue_reading_speed(cue)
            if speed is None:
                return "–"
            return ">99" if speed.value > CPS_SHOWN_MAX else str(speed)
        return display_text(cue)

    @staticmethod
    def _edit_value(col: int, cue: Cue) -> str | None:
        if col == COL_START:
            return format_list_time(cue.start_ms)
        if col == COL_END:
            return format_list_time(cue.end_ms)
        if col == COL_TEXT:
            return editable_text(cue.text)
        return None

    def _background(self, row: int, col: int, cue: Cue) -> QBrush | None:
        if col == COL_CPS:
            severity = speed_severity(cue_reading_speed(cue), self._profile)
            if severity is not None:
                return ERROR_BRUSH if severity is Severity.ERROR else WARN_BRUSH
        if col == COL_DURATION and cue.duration_ms <= 0:
            return ERROR_BRUSH
        if row in self._active:
            return ACTIVE_BRUSH
        return None

    def _tooltip(self, col: int, cue: Cue) -> str | None:
        if col == COL_CPS:
            speed = cue_reading_speed(cue)
            if speed is None:
                return self.tr("The cue ends before it starts: fix its times")
            return self.tr(
                "{speed} characters per second ({profile}: warning above {warn}, limit {limit})"
            ).format(
                speed=speed,
                profile=self._profile.name,
                warn=f"{self._profile.cps_warn:g}",
                limit=f"{self._profile.cps_error:g}",
            )
        if col == COL_TEXT:
            return plain_tip(plain_text(cue.text))
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        """Apply an edit through the document's commands; False when the value is invalid."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._doc is None:
            return False
        row, col = index.row(), index.column()
        cue = self._doc.cues[row]
        if col == COL_TEXT:
            text = str(value).replace("\r\n", "\n").replace("\r", "\n")
            if sanitize_cue_text(text) != cue.text:
                self._doc.set_text(row, text)
            return True
        if col in (COL_START, COL_END):
            try:
                ms = value if isinstance(value, int) else parse_list_time(str(value))
            except ValueError:
                return False
            start, end = (ms, cue.end_ms) if col == COL_START else (cue.start_ms, ms)
            if (start, end) != (cue.start_ms, cue.end_ms):
                try:
                    self._doc.set_times(row, start, end)
                except ValueError as exc:
                    # E.g. a start typed after the end: refused by the document, said plainly.
                    self.message.emit(_sentence(str(exc)))
                    return False
            return True
        return False
