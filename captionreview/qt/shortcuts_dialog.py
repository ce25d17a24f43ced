"""Help ▸ Keyboard shortcuts: every registered action, its menu and its keys, filterable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from captionreview.qt.menus import MENU_TITLES


def shortcut_rows(registered: Sequence[tuple[QAction, str]]) -> list[tuple[str, str, str]]:
    """Return (menu, command, keys) for every registered action, in registration order."""
    rows = []
    for action, menu in registered:
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        rows.append((menu, action.text().replace("&", "").rstrip("…"), keys or "—"))
    return rows


class ShortcutsDialog(QDialog):
    """A read-only table of commands and keys with a filter box."""

    def __init__(self, registered: Sequence[tuple[QAction, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts — CaptionReview"))
        self.setObjectName("shortcutsDialog")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter: type part of a command or a key"))
        self.filter_edit.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter_edit.setClearButtonEnabled(True)
        rows = shortcut_rows(registered)
        # A QTableWidget is fine here: a few dozen fixed rows, unlike the cue list.
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for row, (menu, *rest) in enumerate(rows):
            title = MENU_TITLES.get(menu)
            # The menu as its title reads in the menu bar, without the Alt-letter marker.
            shown = (
                QCoreApplication.translate("MainWindow", title).replace("&", "") if title else menu
            )
            for col, value in enumerate((shown, *rest)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.filter_edit.textChanged.connect(self._apply_filter)
        keys_in_place = QLabel(
            self.tr(
                "In the cue list: Enter puts the cursor in the cue's text, Delete removes the "
                "selected cues, a double click edits a cell (Shift+Enter for a new line). "
                "In the cue text: Escape goes back to the list."
            )
        )
        keys_in_place.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        layout.addWidget(keys_in_place)
        layout.addWidget(buttons)
        self.resize(620, 640)
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def visible_commands(self) -> list[str]:
        """Commands in the rows the filter leaves visible."""
        return [
            self._text(row, 1)
            for row in range(self.table.rowCount())
            if not self.table.isRowHidden(row)
        ]

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item is not None else ""

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            haystack = " ".join(self._text(row, c) for c in range(3)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)
