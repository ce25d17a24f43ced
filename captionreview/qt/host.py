"""What a feature may use of the review window: the :class:`Host` protocol.

Features (issues panel, clean-up, spell check, find and replace, the actions, recovery, file
handling) type against this protocol, never against ``MainWindow``, so none of them imports the
window and the window imports them without a cycle. ``MainWindow`` is the one implementation;
``app.py`` installs the features into it with plain ``install(host)`` calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar, QWidget

from captionreview.core.document import Document
from captionreview.core.profiles import Profile

if TYPE_CHECKING:
    from captionreview.qt.cue_editor import CueEditor
    from captionreview.qt.cue_model import CueTableModel
    from captionreview.qt.cue_view import CueTableView
    from captionreview.qt.player import Player
    from captionreview.qt.video_widget import VideoWidget


class Host(Protocol):
    """The review window as its features see it."""

    # ``document_changed(Document | None)`` after another document is shown;
    # ``profile_changed(Profile)`` after another quality profile is chosen.
    document_changed: SignalInstance
    profile_changed: SignalInstance

    @property
    def document(self) -> Document | None:
        """The open document, or None."""

    def set_document(self, doc: Document | None, *, ask: bool = True) -> bool:
        """Show ``doc`` (None closes); asks to save the current one first. False if cancelled."""

    @property
    def profile(self) -> Profile:
        """The quality profile in use."""

    def set_profile(self, profile: Profile) -> None:
        """Use ``profile`` from now on."""

    @property
    def player(self) -> Player:
        """The video player."""

    @property
    def editor(self) -> CueEditor:
        """The cue editor."""

    @property
    def video_widget(self) -> VideoWidget:
        """The video picture with the caption overlay."""

    @property
    def cue_view(self) -> CueTableView:
        """The cue list."""

    @property
    def cue_model(self) -> CueTableModel:
        """The cue list's model."""

    def current_index(self) -> int | None:
        """Index of the selected cue, or None."""

    def selected_indices(self) -> list[int]:
        """Indices of all selected cues."""

    def select_cue(
        self, index: int, span: tuple[int, int] | None = None, play: bool = False
    ) -> None:
        """Select cue ``index``, seek to it, put the text cursor on ``span``."""

    def menu(self, name: str) -> QMenu:
        """The menu called ``name``; raises KeyError for an unknown name."""

    def register_action(self, action: QAction, menu: str) -> None:
        """Add ``action`` to ``menu`` and to Help ▸ Keyboard shortcuts."""

    def action(self, name: str) -> QAction:
        """The built-in action called ``name``; raises KeyError when unknown."""

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Put ``dock`` into the window (listed in the View menu by the feature itself)."""

    def add_under_video(self, widget: QWidget) -> None:
        """Put ``widget`` under the video and its transport bar (the timeline)."""

    def add_status_widget(self, widget: QWidget) -> None:
        """Put ``widget`` at the right of the status bar (progress of background work)."""

    def add_toolbar(self, toolbar: QToolBar) -> None:
        """Put ``toolbar`` at the top of the window (offer bars)."""

    def status_message(self, text: str) -> None:
        """Show ``text`` in the status bar for a while."""

    def warn(self, title: str, text: str) -> None:
        """Show a warning box, and its first line in the status bar."""

    def window(self) -> QWidget:
        """The top-level widget, to parent dialogs on (QWidget.window)."""
