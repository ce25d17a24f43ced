"""Preview a safe fix before it changes anything: every cue it would change, before and after,
for the selected cues or all of them; Apply makes it one undo step."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from captionreview.core.checks.fixes import Fix
from captionreview.core.document import Document
from captionreview.core.i18n import ngettext
from captionreview.core.model import Cue
from captionreview.core.profiles import Profile
from captionreview.core.timecode import format_ms
from captionreview.qt.a11y import give_buttons_mnemonics

SCOPE_SELECTED = "selected"
SCOPE_ALL = "all"
# Enough rows to judge a fix by; a table of every change in a 30,000-cue file would take
# seconds to lay out. Apply still changes every cue listed in the count.
MAX_PREVIEW_ROWS = 1000


def describe(cue: Cue) -> str:
    """Return a cue as the preview shows it: its times, settings and text."""
    settings = f"  [{cue.settings}]" if cue.settings else ""
    return f"{format_ms(cue.start_ms)} → {format_ms(cue.end_ms)}{settings}\n{cue.text}"


class FixPreviewDialog(QDialog):
    """Shows what ``fix`` would change in ``doc``; Apply replaces those cues as one undo step."""

    def __init__(
        self,
        doc: Document,
        fix: Fix,
        profile: Profile,
        selected: Collection[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fix_preview")
        self.setWindowTitle(self.tr("{title} — preview").format(title=fix.title))
        self.resize(820, 520)
        self._doc = doc
        self._fix = fix
        self._profile = profile
        self._selected = sorted(selected)
        self.changes: dict[int, Cue] = {}

        self.scope = QComboBox()
        self.scope.addItem(self.tr("All cues ({doc_count})").format(doc_count=len(doc)), SCOPE_ALL)
        if self._selected:
            self.scope.addItem(
                self.tr("Selected cues ({selected_count})").format(
                    selected_count=len(self._selected)
                ),
                SCOPE_SELECTED,
            )
        self.scope.currentIndexChanged.connect(self.update_preview)
        self.count = QLabel()
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        give_buttons_mnemonics(self.buttons)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(
            QLabel(self.tr("Rules: {join}.  Apply to:").format(join=", ".join(fix.rules)))
        )
        top.addWidget(self.scope)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.update_preview()

    def indices(self) -> Collection[int] | None:
        """The cues the fix is limited to (None: all cues)."""
        return self._selected if self.scope.currentData() == SCOPE_SELECTED else None

    def update_preview(self) -> None:
        """Compute the fix for the chosen scope and list every change."""
        self.changes = self._fix.compute(self._doc.cues, self._profile, self.indices())
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Cue"), self.tr("Before"), self.tr("After")])
        for index in sorted(self.changes)[:MAX_PREVIEW_ROWS]:
            number = QStandardItem(f"#{index + 1}")
            number.setData(index, Qt.ItemDataRole.UserRole)
            self.model.appendRow(
                [
                    number,
                    QStandardItem(describe(self._doc.cues[index])),
                    QStandardItem(describe(self.changes[index])),
                ]
            )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        n = len(self.changes)
        if not n:
            self.count.setText(self.tr("Nothing to change: no cue needs this fix."))
        else:
            shown = (
                self.tr(" (the first {MAX_PREVIEW_ROWS} are shown)").format(
                    MAX_PREVIEW_ROWS=MAX_PREVIEW_ROWS
                )
                if n > MAX_PREVIEW_ROWS
                else ""
            )
            self.count.setText(
                ngettext("{n} cue will change{shown}.", "{n} cues will change{shown}.", n).format(
                    n=n, shown=shown
                )
            )
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).setEnabled(bool(n))

    def apply(self) -> None:
        """Replace the changed cues in the document as one undo step and close."""
        if self.changes:
            self._doc.replace_cues(self.changes, self._fix.title)
        self.accept()
