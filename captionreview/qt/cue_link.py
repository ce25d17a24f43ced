"""Keeps the cue list, the cue editor and the player in step with each other and the document.

Selecting a cue in the list shows it in the editor and seeks there; Enter in the list puts the
cursor into the text and Escape there goes back; the cues the playhead is in are highlighted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt

from captionreview.core.document import Document
from captionreview.qt.cue_editor import CueEditor
from captionreview.qt.cue_view import CueTableView
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.player import Player


class CueLink(QObject):
    """Links ``view``, ``editor`` and ``player``; ``document`` returns the open document."""

    def __init__(
        self,
        view: CueTableView,
        editor: CueEditor,
        player: Player,
        events: DocumentEvents,
        document: Callable[[], Document | None],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._editor = editor
        self._player = player
        self._document = document
        for signal in (events.inserted, events.removed):
            signal.connect(self._on_cues_moved)
        events.reset.connect(self._on_cues_moved)
        events.changed.connect(self._on_cues_changed)
        player.position_changed.connect(self.refresh_active)
        view.cue_activated.connect(self._on_cue_activated)
        view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: editor.set_index(
                current.row() if current.isValid() else None
            )
        )
        view.edit_requested.connect(self._focus_text)
        editor.text_edit.escaped.connect(lambda: view.setFocus(Qt.FocusReason.ShortcutFocusReason))

    def refresh_active(self, ms: int) -> None:
        """Highlight the cues shown at ``ms``."""
        doc = self._document()
        rows = tuple(doc.active_indices(ms)) if doc is not None else ()
        # Only the highlight follows: the selection stays where the user put it, so that timing
        # keys (F11/F12) never hit a cue the playhead happened to pass (F4 jumps to it).
        self._view.show_active(rows)

    def _on_cues_moved(self, *_span: int) -> None:
        self._editor.set_index(self._view.current_row())
        self.refresh_active(self._player.position())

    def _on_cues_changed(self, start: int, stop: int) -> None:
        index = self._editor.index
        if index is not None and start <= index < stop:
            self._editor.refresh()
        self.refresh_active(self._player.position())

    def _focus_text(self) -> None:
        """Put the cursor at the end of the selected cue's text (Enter in the list)."""
        edit = self._editor.text_edit
        if edit.isEnabled():
            edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            edit.moveCursor(edit.textCursor().MoveOperation.End)

    def _on_cue_activated(self, row: int) -> None:
        """The user selected a cue in the list: seek there."""
        doc = self._document()
        if doc is not None and 0 <= row < len(doc):
            self._player.seek(doc.cues[row].start_ms)
