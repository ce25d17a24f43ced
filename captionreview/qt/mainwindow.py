"""The review window: the video with its captions over the picture, the cue list, the editor.

The window composes the parts and wires them to one Document at a time; it never edits cues
itself (actions go through the document's commands, see ``actions.py``) and leaves files to
``files.py``, what it remembers to ``settings.py``. Features type against its
:class:`~captionreview.qt.host.Host` interface.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import captionreview
from captionreview.core.document import Document
from captionreview.core.journal import Journal
from captionreview.core.profiles import Profile, ProfileError, load_profile
from captionreview.qt.actions import (
    ActionHandlers,
    add_editor_buttons,
    build_actions,
    show_undo_state,
)
from captionreview.qt.cue_editor import CueEditor
from captionreview.qt.cue_link import CueLink
from captionreview.qt.cue_model import CueTableModel
from captionreview.qt.cue_view import CueTableView
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.files import FileActions
from captionreview.qt.find_replace import FindReplaceDialog
from captionreview.qt.layout import PanelLayout
from captionreview.qt.menus import MENU_NAMES, add_language_menu, add_profile_menu, build_menu_bar
from captionreview.qt.plaintext import plain_box
from captionreview.qt.player import Player
from captionreview.qt.recovery import Autosaver
from captionreview.qt.settings import (
    APP_NAME,
    RecentFiles,
    app_settings,
    restore_playback,
    save_playback,
    saved_profile,
)
from captionreview.qt.shortcuts_dialog import ShortcutsDialog
from captionreview.qt.statusbar import StatusLabels, show_status, show_window_title
from captionreview.qt.transport import TransportBar
from captionreview.qt.video_widget import VideoWidget


class MainWindow(QMainWindow):
    """The review window without its features (``app.open_window`` installs them); the
    :class:`~captionreview.qt.host.Host` they use. ``journal`` is the recovery journal."""

    document_changed = Signal(object)
    profile_changed = Signal(object)

    def __init__(
        self,
        *,
        journal: Journal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self._settings = app_settings()
        self._doc: Document | None = None
        self._events = DocumentEvents(self)
        self._events.any_event.connect(self._update_document_state)
        self._registered: list[tuple[QAction, str]] = []
        self.feature_errors: list[str] = []
        self._profile = saved_profile(self._settings)

        self._player = Player(self)
        self._video = VideoWidget(self._player, self)
        self._video.setObjectName("videoWidget")
        self._transport = TransportBar(self._player, self)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        self._central_layout = central_layout
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self._video, 1)
        central_layout.addWidget(self._transport)
        self.setCentralWidget(central)

        self._model = CueTableModel(self)
        self._model.set_profile(self._profile)
        self._view = CueTableView(self._model)
        self._editor = CueEditor()
        self._editor.set_profile(self._profile)
        self._layout = PanelLayout(self, self._transport)
        # The cue list first, then the editor: the layout sizes them in that order.
        self._layout.dock(
            self.tr("Cues"), "cuesDock", self._view, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._layout.dock(
            self.tr("Cue editor"),
            "editorDock",
            self._editor,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        self._menus = build_menu_bar(self)
        journal = journal if journal is not None else Journal()
        self.journal = journal
        self.autosaver = Autosaver(journal, self)
        self.autosaver.failed.connect(self.status_message)
        self.files = FileActions(self, self.autosaver, journal, RecentFiles(self._settings))
        self.files.saved.connect(self._update_document_state)
        self._handlers = ActionHandlers(self)
        self._actions = build_actions(self, (self._handlers, self.files, self))
        file_menu = self.menu("File")
        file_menu.insertMenu(self._actions["save"], self.files.recent_menu)
        file_menu.insertSeparator(self._actions["save"])
        self._layout.add_view_entries(self.menu("View"))
        add_language_menu(self.menu("View"), self._settings, self.status_message, self)
        self._profile_group = add_profile_menu(
            self.menu("Check"), self._profile.name, self._choose_profile, self
        )
        add_editor_buttons(self._editor.toolbar, self._actions)

        self._status = StatusLabels(self.statusBar(), self._player)
        self._link = CueLink(
            self._view, self._editor, self._player, self._events, lambda: self._doc
        )
        self._player.error.connect(self._on_player_error)
        self._player.state_changed.connect(self._on_player_state)
        self._view.delete_requested.connect(self._handlers.delete)
        self._view.message.connect(self.status_message)
        self._model.message.connect(self.status_message)
        self._editor.message.connect(self.status_message)
        self._editor.typed.connect(self._handlers.user_typed)

        self._layout.restore(self._settings)
        restore_playback(self._settings, self._player, self._actions)
        self._update_document_state()

    # -- extension interface
    @property
    def document(self) -> Document | None:
        """The open document, or None."""
        return self._doc

    @property
    def player(self) -> Player:
        """The video player."""
        return self._player

    @property
    def editor(self) -> CueEditor:
        """The cue editor; ``.text_edit`` holds the current cue's text."""
        return self._editor

    @property
    def video_widget(self) -> VideoWidget:
        """The video picture with the caption overlay."""
        return self._video

    @property
    def cue_view(self) -> CueTableView:
        """The cue list."""
        return self._view

    @property
    def cue_model(self) -> CueTableModel:
        """The cue list's model."""
        return self._model

    @property
    def profile(self) -> Profile:
        """The quality profile in use."""
        return self._profile

    def set_profile(self, profile: Profile) -> None:
        """Use ``profile`` for CPS colours and line limits; remembered; emits profile_changed."""
        if profile == self._profile:
            return
        self._profile = profile
        self._settings.setValue("profile", profile.name)
        self._model.set_profile(profile)
        self._editor.set_profile(profile)
        for action in self._profile_group.actions():
            action.setChecked(action.data() == profile.name)
        self.profile_changed.emit(profile)

    def current_index(self) -> int | None:
        """Index of the selected cue, or None."""
        row = self._view.current_row()
        if row is None or self._doc is None or row >= len(self._doc):
            return None
        return row

    def selected_indices(self) -> list[int]:
        """Indices of all selected cues (at least the current one when there is one)."""
        rows = self._view.selected_rows()
        current = self.current_index()
        if not rows and current is not None:
            rows = [current]
        return rows

    def select_cue(
        self, index: int, span: tuple[int, int] | None = None, play: bool = False
    ) -> None:
        """Select cue ``index``, seek to it, put the text cursor on ``span``; ``play`` plays it."""
        if self._doc is None or not 0 <= index < len(self._doc):
            return
        self._view.select_row(index, notify=False)
        self._editor.set_index(index)
        cue = self._doc.cues[index]
        if play:
            self._player.play_range(cue.start_ms, cue.end_ms)
        elif index not in self._doc.active_indices(self._player.position()):
            self._player.seek(cue.start_ms)
        if span is not None:
            self._editor.select_span(span)

    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` (File, Edit, View, Playback, Captions, Check, Help).

        Raises KeyError for another name.
        """
        try:
            return self._menus[name]
        except KeyError:
            raise KeyError(f"no menu {name!r}; menus: {', '.join(MENU_NAMES)}") from None

    def register_action(self, action: QAction, menu: str) -> None:
        """Add ``action`` to ``menu`` and to Help ▸ Keyboard shortcuts."""
        self.menu(menu).addAction(action)
        if action.parent() is None:
            action.setParent(self)
        self._registered.append((action, menu))

    def registered_actions(self) -> list[tuple[QAction, str]]:
        """Every registered action with its menu, in registration order."""
        return list(self._registered)

    def shortcut_conflicts(self) -> list[str]:
        """Key sequences claimed by more than one registered action (those would not fire)."""
        owners: dict[str, list[str]] = {}
        for action, _menu in self._registered:
            for seq in action.shortcuts():
                owners.setdefault(seq.toString(), []).append(action.text().replace("&", ""))
        return [f"{key}: {', '.join(names)}" for key, names in owners.items() if len(names) > 1]

    def action(self, name: str) -> QAction:
        """The built-in action with object name ``name``; raises KeyError when unknown."""
        return self._actions[name]

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Put a feature's ``dock`` into the window."""
        self.addDockWidget(area, dock)

    def add_under_video(self, widget: QWidget) -> None:
        """Put ``widget`` under the video and its transport bar, as wide as the picture."""
        self._central_layout.addWidget(widget)

    def add_status_widget(self, widget: QWidget) -> None:
        """Put ``widget`` at the right of the status bar (progress of background work)."""
        self.statusBar().addPermanentWidget(widget)

    def add_toolbar(self, toolbar: QToolBar) -> None:
        """Put a feature's ``toolbar`` (an offer bar) at the top of the window."""
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def status_message(self, text: str) -> None:
        """Show ``text`` in the status bar for a while; screen readers speak it."""
        show_status(self.statusBar(), text)

    def _choose_profile(self, name: str) -> None:
        try:
            self.set_profile(load_profile(name))
        except ProfileError as exc:
            self.warn(self.tr("Cannot use this quality profile"), str(exc))

    def save_settings(self) -> None:
        """Remember window layout, speed, volume and toggles."""
        self._layout.save(self._settings)
        save_playback(self._settings, self._player, self._actions)
        self._settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        """On first showing, size the panels."""
        super().showEvent(event)
        self._layout.first_shown()

    # -- files (the work is done in files.py)
    def open_paths(self, paths: Iterable[str | Path], encoding: str | None = None) -> bool:
        """Open a video and/or captions (finds the other beside it); False if nothing opened."""
        return self.files.open_paths(paths, encoding)

    def save(self) -> bool:
        """Save the captions as WebVTT (File ▸ Save)."""
        return self.files.save()

    def offer_restore(self) -> bool:
        """Offer to restore work left by a crash; True when something was restored."""
        return self.files.offer_restore()

    def set_document(self, doc: Document | None, *, ask: bool = True) -> bool:
        """Show ``doc`` (None closes); asks to save the current one first. False if cancelled."""
        if ask and doc is not self._doc and not self.files.maybe_save():
            return False
        if self._doc is not None:
            self.autosaver.discard()
        self._doc = doc
        # The model subscribes first so that the view's rows are up to date when our handler runs.
        self._model.set_document(doc)
        self._editor.set_document(doc)
        self._video.set_document(doc)
        self._events.set_document(doc)
        self.autosaver.track(doc)
        if doc is not None and len(doc):
            self._view.select_row(0, notify=False)
            self._editor.set_index(0)
        if doc is not None:
            # Keyboard users start in the cue list whenever captions open (EN 301 549 11.2.4.3).
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._link.refresh_active(self._player.position())
        self._update_document_state()
        self.document_changed.emit(doc)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes, remember the layout, and release the player."""
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_settings()
        self.autosaver.track(None)
        self._handlers.close_find_dialog()
        self._player.close()
        event.accept()

    # -- reacting
    def _on_player_error(self, message: str) -> None:
        # The video area shows the message itself; the status bar adds that nothing is lost.
        self.status_message(
            self.tr("{message} — the captions stay editable").format(message=message)
        )

    def _on_player_state(self, state: str) -> None:
        if state == "ended":
            self._actions["loop_cue"].setChecked(False)

    def _update_document_state(self) -> None:
        self._status.show_document(self._doc)
        show_window_title(self, self._doc)
        show_undo_state(self._actions, self._doc)

    # -- view toggles, dialogs
    def set_follow_playback(self, on: bool) -> None:
        """Keep the spoken cue in view in the list while playing."""
        self._view.follow_playback = on

    def set_captions_visible(self, on: bool) -> None:
        """Show or hide the captions on the picture."""
        self._video.set_captions_visible(on)

    def find_dialog(self) -> FindReplaceDialog:
        """The find & replace dialog (created on first use)."""
        return self._handlers.find_dialog()

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help ▸ Keyboard shortcuts."""
        dialog = ShortcutsDialog(self._registered, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        """Help ▸ About."""
        QMessageBox.about(
            self,
            self.tr("About {APP_NAME}").format(APP_NAME=APP_NAME),
            self.tr(
                "<h3>{APP_NAME} {version__}</h3><p>Review and correct "
                "auto-generated captions against the video; saves lossless "
                "WebVTT.</p><p>MIT licence. Video by libvlc "
                "({status_message}).</p>"
            ).format(
                APP_NAME=APP_NAME,
                version__=captionreview.__version__,
                status_message=self._player.status_message,
            ),
        )

    def warn(self, title: str, text: str) -> None:
        """Show a warning box, and its first line in the status bar."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("warningDialog")
        plain_box(box)
        box.exec()
        self.status_message(text.splitlines()[0])

    # -- drag and drop (files.py opens what is dropped)
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dropped local files."""
        self.files.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Open dropped video and caption files."""
        self.files.drop(event)
