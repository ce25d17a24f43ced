"""The cue list: a QTableView over CueTableModel that follows playback.

Rows have one fixed height so that Qt never measures 30,000 rows; multi-line cue text is
shown on one row (lines joined with ⏎) and edited in a multi-line editor.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from captionreview.core.timecode import parse_list_time
from captionreview.qt.cue_model import (
    COL_CPS,
    COL_DURATION,
    COL_END,
    COL_START,
    COL_STATE,
    COL_TEXT,
    CueTableModel,
)


class CueTextDelegate(QStyledItemDelegate):
    """Edits cue text in a multi-line editor: Enter commits, Shift+Enter starts a new line."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        """Return a plain-text editor big enough for two lines."""
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setAccessibleName(self.tr("Cue text"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        """Load the cue text into the editor."""
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Write the edited text back through the model (one undoable command)."""
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Open the editor over the cell, tall enough for three lines of text."""
        rect = option.rect
        height = max(rect.height(), editor.fontMetrics().lineSpacing() * 3 + 10)
        editor.setGeometry(rect.x(), rect.y(), rect.width(), height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter commits the edit; Shift+Enter inserts a line break; Escape cancels.

        The view installs the delegate as its editors' event filter.
        """
        if isinstance(watched, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    watched.insertPlainText("\n")
                    return True
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(watched, event)


class CueTimeDelegate(QStyledItemDelegate):
    """Edits a start or end time as m:ss.mmm text; an invalid time is refused, not guessed."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        """Return a line edit that accepts times like 1:02.500."""
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Cue time"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        """Load the time into the editor."""
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Write the time back when it parses; otherwise keep the old time and say why."""
        assert isinstance(editor, QLineEdit)
        try:
            ms = parse_list_time(editor.text())
        except ValueError as exc:
            view = self.parent()
            if isinstance(view, CueTableView):
                view.message.emit(str(exc))
            return
        model.setData(index, ms, Qt.ItemDataRole.EditRole)


class CueTableView(QTableView):
    """The cue list; highlights and (with follow on) scrolls to the cue being spoken.

    Signals: ``cue_activated(int row)`` when the user selects a single cue (the window seeks
    there), ``delete_requested`` for the Delete key, ``edit_requested`` for Enter (the window
    puts the cursor in the cue editor), ``message(str)`` for the status bar.
    """

    cue_activated = Signal(int)
    delete_requested = Signal()
    edit_requested = Signal()
    message = Signal(str)

    def __init__(self, model: CueTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.follow_playback = True
        self._programmatic = 0
        self.setModel(model)
        self.setObjectName("cueList")
        self.setAccessibleName(self.tr("Cue list"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vheader = self.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        vheader.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        # Wide enough for the values and for the (translated) column title; the CPS column
        # also holds the reading speed's severity mark.
        for col, sample, mark in (
            (COL_START, "00:00:00.000", 0),
            (COL_END, "00:00:00.000", 0),
            (COL_DURATION, "00.00", 0),
            (COL_CPS, "00.0 ", 20),
            (COL_STATE, self.tr("  unreviewed ✉"), 0),
        ):
            title = str(model.headerData(col, Qt.Orientation.Horizontal) or "") if model else ""
            width = max(metrics.horizontalAdvance(sample) + mark, metrics.horizontalAdvance(title))
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width + 18)
        self._text_delegate = CueTextDelegate(self)
        self._time_delegate = CueTimeDelegate(self)
        self.setItemDelegateForColumn(COL_TEXT, self._text_delegate)
        self.setItemDelegateForColumn(COL_START, self._time_delegate)
        self.setItemDelegateForColumn(COL_END, self._time_delegate)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    # -- selection -------------------------------------------------------------------------
    def current_row(self) -> int | None:
        """The row of the current cue, or None."""
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    def selected_rows(self) -> list[int]:
        """The selected rows in ascending order."""
        return sorted({index.row() for index in self.selectionModel().selectedRows()})

    def select_row(self, row: int, *, notify: bool = True) -> None:
        """Make ``row`` the current, only selected row; ``notify`` False skips cue_activated."""
        index = self._model.index(row, COL_TEXT)
        if not index.isValid():
            return
        if not notify:
            self._programmatic += 1
        try:
            flags = (
                self.selectionModel().SelectionFlag.ClearAndSelect
                | self.selectionModel().SelectionFlag.Rows
            )
            self.selectionModel().setCurrentIndex(index, flags)
        finally:
            if not notify:
                self._programmatic -= 1
        self.scroll_into_view(row)

    def scroll_into_view(self, row: int) -> None:
        """Scroll so that ``row`` is visible, centring it when it was out of view."""
        index = self._model.index(row, 0)
        if not index.isValid():
            return
        rect = self.visualRect(index)
        if not self.viewport().rect().contains(rect):
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and not self._programmatic:
            self.cue_activated.emit(current.row())

    # -- playback ----------------------------------------------------------------------------
    def show_active(self, rows: tuple[int, ...]) -> None:
        """Highlight the cues at the playhead and, with follow on, keep the first in view."""
        changed = rows != self._model.active_rows
        self._model.set_active_rows(rows)
        if changed and rows and self.follow_playback and self.state() != self.State.EditingState:
            self.scroll_into_view(rows[0])

    # -- keys -------------------------------------------------------------------------------
    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and last cue (a table's Home is its first column)."""
        model = self.model()
        actions = (self.CursorAction.MoveHome, self.CursorAction.MoveEnd)
        if cursorAction in actions and model is not None and model.rowCount() > 0:
            row = 0 if cursorAction == self.CursorAction.MoveHome else model.rowCount() - 1
            return model.index(row, max(self.currentIndex().column(), 0))
        return super().moveCursor(cursorAction, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete removes the selected cues, Enter goes to the cue's text; the rest as usual."""
        if self.state() != self.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete_requested.emit()
                event.accept()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.edit_requested.emit()
                event.accept()
                return
        super().keyPressEvent(event)
