"""The review window: the video with its captions over the picture, the cue list, the editor.

The window owns one Document at a time and wires views to it; it never edits cues itself
(actions go through the document's commands, see ``actions.py``). It is also the extension
interface for feature modules (issues panel, clean-up, spell check): ``document``,
``document_changed``, ``player``, ``editor``, ``current_index``, ``select_cue``, ``menu``,
``register_action``, ``status_message``, ``profile``/``profile_changed``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import captionreview
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError, EncodingError
from captionreview.core.formats import REPLACE_SUFFIX, srt_export_notes
from captionreview.core.journal import Journal
from captionreview.core.model import Problem
from captionreview.core.profiles import (
    BUILTIN_PROFILES,
    DEFAULT_PROFILE,
    Profile,
    ProfileError,
    available_profiles,
    load_profile,
)
from captionreview.qt.actions import Commands, build_actions
from captionreview.qt.cue_editor import CueEditor
from captionreview.qt.cue_model import CueTableModel
from captionreview.qt.cue_view import CueTableView
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.find_replace import FindReplaceDialog
from captionreview.qt.player import Player, format_time
from captionreview.qt.recovery import Autosaver, DiskWatcher, offer_restore
from captionreview.qt.shortcuts_dialog import ShortcutsDialog
from captionreview.qt.transport import TransportBar
from captionreview.qt.video_widget import VideoWidget

APP_NAME = "CaptionReview"
MENU_NAMES = ("File", "Edit", "View", "Playback", "Captions", "Check", "Help")
CAPTION_SUFFIXES = (".vtt", ".srt", ".sbv")
VIDEO_SUFFIXES = (
    ".mp4",
    ".m4v",
    ".mkv",
    ".webm",
    ".mov",
    ".avi",
    ".mpg",
    ".mpeg",
    ".ogv",
    ".ts",
    ".wmv",
    ".flv",
    ".mp3",
    ".m4a",
    ".wav",
    ".ogg",
    ".oga",
    ".flac",
    ".opus",
)
FEATURE_MODULES = ("issues_panel", "cleanup_dialog", "spellcheck", "timeline_feature")
MAX_RECENT = 10
ENCODING_NAMES = {
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1 (ISO-8859-1)",
    "iso-8859-1": "Latin-1 (ISO-8859-1)",
    "utf-16": "UTF-16",
    "mac_roman": "Mac Roman",
    "cp850": "DOS (CP850)",
    "iso-8859-15": "Latin-9 (ISO-8859-15)",
}
# Single-byte encodings in which Swedish letters are the likely non-ASCII text.
NORDIC_ENCODINGS = frozenset(
    ("cp1252", "latin-1", "iso-8859-1", "iso-8859-15", "cp850", "mac_roman")
)
NO_VIDEO_MESSAGE = (
    "No video open.\nFile ▸ Open… a video (or drop one here) to see the captions on it."
)


def app_settings() -> QSettings:
    """The application's settings (window layout, recent files, speed, volume, profile)."""
    return QSettings(APP_NAME, APP_NAME)


def captions_beside(video: Path) -> list[Path]:
    """Caption files beside ``video`` that belong to it: lecture.vtt, lecture.sv.vtt, .srt…"""
    stem = video.name[: -len(video.suffix)] if video.suffix else video.name
    found = []
    try:
        siblings = sorted(video.parent.iterdir())
    except OSError:
        return []
    for path in siblings:
        if path.suffix.lower() not in CAPTION_SUFFIXES or not path.is_file():
            continue
        base = path.name[: -len(path.suffix)]
        if base == stem or base.startswith(stem + "."):
            found.append(path)
    # lecture.vtt before lecture.sv.vtt before lecture.srt: WebVTT first, then shortest name.
    found.sort(key=lambda p: (p.suffix.lower() != ".vtt", len(p.name), p.name))
    return found


def video_beside(captions: Path) -> Path | None:
    """The video next to ``captions`` with the same base name (lecture.sv.vtt → lecture.mp4)."""
    name = captions.name
    stems = []
    while "." in name:
        name = name.rsplit(".", 1)[0]
        stems.append(name)
    for stem in stems:
        for suffix in VIDEO_SUFFIXES:
            candidate = captions.with_name(stem + suffix)
            if candidate.is_file():
                return candidate
    return None


class ProblemsPanel(QWidget):
    """The problems the reader met in the file, with line numbers; activating one selects a cue."""

    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Line", "Severity", "Problem"])
        self.table.setAccessibleName("Problems in the file")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.cellActivated.connect(self._on_activated)
        self.table.cellClicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._cue_for_row: list[int | None] = []

    def set_problems(self, problems: Sequence[Problem], cue_lines: Sequence[int]) -> None:
        """List ``problems``; ``cue_lines`` are the file lines of the cues, to find the nearest."""
        self.table.setRowCount(len(problems))
        self._cue_for_row = []
        for row, problem in enumerate(problems):
            message = problem.message
            if problem.snippet:
                message += f"  — “{problem.snippet.strip()[:80]}”"
            for col, value in enumerate((str(problem.line), str(problem.severity), message)):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{problem.rule}: {problem.message}")
                self.table.setItem(row, col, item)
            self._cue_for_row.append(_nearest_cue(cue_lines, problem.line))
        if len(problems) <= 500:
            # Wrapped messages; measuring thousands of rows would stall opening a broken file.
            self.table.resizeRowsToContents()

    def _on_activated(self, row: int, _col: int) -> None:
        if 0 <= row < len(self._cue_for_row):
            index = self._cue_for_row[row]
            if index is not None:
                self.activated.emit(index)


def _nearest_cue(cue_lines: Sequence[int], line: int) -> int | None:
    best = None
    for index, cue_line in enumerate(cue_lines):
        if 0 < cue_line <= line:
            best = index
        elif cue_line > line:
            break
    if best is None and cue_lines:
        return 0
    return best


class MainWindow(QMainWindow):
    """The review window; see the module docstring for the extension interface.

    ``features`` names the feature modules in ``captionreview.qt`` to install (default: all
    of ``FEATURE_MODULES`` that exist); ``journal`` is the recovery journal to use.
    """

    document_changed = Signal(object)
    profile_changed = Signal(object)

    def __init__(
        self,
        *,
        journal: Journal | None = None,
        features: Iterable[str] = FEATURE_MODULES,
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
        for signal in (self._events.inserted, self._events.removed):
            signal.connect(self._on_cues_moved)
        self._events.reset.connect(self._on_cues_moved)
        self._events.changed.connect(self._on_cues_changed)
        self._events.any_event.connect(self._update_document_state)
        self._video_path: Path | None = None
        self._registered: list[tuple[QAction, str]] = []
        self._menus: dict[str, QMenu] = {}
        self._find_dialog: FindReplaceDialog | None = None
        self.feature_errors: list[str] = []
        self._profile = self._saved_profile()

        self._player = Player(self)
        self._video = VideoWidget(self._player, self)
        self._video.setObjectName("videoWidget")
        self._transport = TransportBar(self._player, self)
        central = QWidget()
        central_layout = QVBoxLayout(central)
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
        self._problems = ProblemsPanel()
        self._cues_dock = self._dock(
            "Cues", "cuesDock", self._view, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._editor_dock = self._dock(
            "Cue editor", "editorDock", self._editor, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self._problems_dock = self._dock(
            "Problems in the file",
            "problemsDock",
            self._problems,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        # Beside the editor, not over it: both are needed while fixing a malformed file.
        self.splitDockWidget(self._editor_dock, self._problems_dock, Qt.Orientation.Horizontal)
        self._problems_dock.hide()
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        for name in MENU_NAMES:
            # Alt+letter opens a menu; Captions and Check both start with C.
            title = "Chec&k" if name == "Check" else f"&{name}"
            self._menus[name] = self.menuBar().addMenu(title)
        self._commands = Commands(self)
        self._actions = build_actions(self, self._commands)
        self._build_recent_menu()
        self._build_view_menu()
        self._build_profile_menu()
        # Short labels on the editor's buttons (toolbars show an action's icon text).
        for name, short in (
            ("set_start", "Start ⟵ playhead"),
            ("set_end", "End ⟵ playhead"),
            ("split", "Split"),
            ("merge", "Merge"),
            ("insert_after", "Insert"),
            ("delete", "Delete"),
        ):
            action = self._actions[name]
            action.setIconText(short)
            self._editor.toolbar.addAction(action)

        self._file_label = QLabel()
        self._modified_label = QLabel()
        self._count_label = QLabel()
        self._time_label = QLabel(format_time(0))
        self._time_label.setAccessibleName("Playback time")
        for label in (self._file_label, self._modified_label, self._count_label, self._time_label):
            self.statusBar().addPermanentWidget(label)

        journal = journal if journal is not None else Journal()
        self.journal = journal
        self.autosaver = Autosaver(journal, self)
        self.autosaver.failed.connect(self.status_message)
        self.disk_watcher = DiskWatcher(self)
        self.disk_watcher.changed_on_disk.connect(self._on_changed_on_disk)

        self._player.position_changed.connect(self._on_position)
        self._player.duration_changed.connect(lambda _ms: self._update_time_label())
        self._player.error.connect(self._on_player_error)
        self._player.state_changed.connect(self._on_player_state)
        self._view.cue_activated.connect(self._on_cue_activated)
        self._view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._editor.set_index(
                current.row() if current.isValid() else None
            )
        )
        self._view.delete_requested.connect(self._commands.delete)
        self._view.edit_requested.connect(self._focus_text)
        self._editor.text_edit.escaped.connect(
            lambda: self._view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        self._view.message.connect(self.status_message)
        self._model.message.connect(self.status_message)
        self._editor.message.connect(self.status_message)
        self._editor.typed.connect(self._commands.user_typed)
        self._problems.activated.connect(lambda i: self.select_cue(i))

        self._restore_settings()
        self._update_document_state()
        self._install_features(features)

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

    def status_message(self, text: str) -> None:
        """Show ``text`` in the status bar for a while."""
        self.statusBar().showMessage(text, 8000)

    # -- building
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_recent_menu(self) -> None:
        self._recent_menu = QMenu("Open &recent", self)
        file_menu = self.menu("File")
        file_menu.insertMenu(self._actions["save"], self._recent_menu)
        file_menu.insertSeparator(self._actions["save"])
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _build_view_menu(self) -> None:
        view = self.menu("View")
        view.addSeparator()
        for dock in (self._cues_dock, self._editor_dock, self._problems_dock):
            view.addAction(dock.toggleViewAction())
        reset = QAction("&Reset layout", self)
        reset.triggered.connect(self.reset_layout)
        view.addAction(reset)

    def _build_profile_menu(self) -> None:
        submenu = self.menu("Check").addMenu("Quality &profile")
        self._profile_group = QActionGroup(self)
        self._profile_group.setExclusive(True)
        for name in available_profiles():
            title = BUILTIN_PROFILES[name].title if name in BUILTIN_PROFILES else name
            action = QAction(title, self)
            action.setData(name)
            action.setCheckable(True)
            action.setChecked(name == self._profile.name)
            action.triggered.connect(lambda _c=False, n=name: self._choose_profile(n))
            self._profile_group.addAction(action)
            submenu.addAction(action)

    def _choose_profile(self, name: str) -> None:
        try:
            self.set_profile(load_profile(name))
        except ProfileError as exc:
            self._warn("Cannot use this quality profile", str(exc))

    def _install_features(self, names: Iterable[str]) -> None:
        """Install the feature modules that exist; one that fails is reported, not fatal."""
        for name in names:
            module_name = f"captionreview.qt.{name}"
            if importlib.util.find_spec(module_name) is None:
                continue
            try:
                module = importlib.import_module(module_name)
                module.install(self)
            except Exception as exc:  # a broken optional panel must not stop the editor
                message = f"{name} could not be installed: {type(exc).__name__}: {exc}"
                self.feature_errors.append(message)
                print(f"captionreview: {message}", file=sys.stderr)

    # -- settings
    def _saved_profile(self) -> Profile:
        name = str(self._settings.value("profile", DEFAULT_PROFILE.name))
        try:
            return load_profile(name)
        except ProfileError:
            # A user profile that was renamed or deleted since: the default, not a failure.
            return DEFAULT_PROFILE

    def _restore_settings(self) -> None:
        s = self._settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        self._default_state = QByteArray()
        state = s.value("window/state")
        self._saved_state = state if isinstance(state, QByteArray) and not state.isEmpty() else None
        self._player.set_rate(_as_number(s.value("player/rate"), 1.0))
        self._player.set_volume(int(_as_number(s.value("player/volume"), 100)))
        self._set_checked("follow_playback", _as_bool(s.value("view/follow", True)))
        self._set_checked("show_captions", _as_bool(s.value("view/captions", True)))
        self._set_checked("pause_while_typing", _as_bool(s.value("playback/pause_typing", False)))

    def _set_checked(self, name: str, on: bool) -> None:
        action = self._actions[name]
        action.setChecked(on)
        # toggled is not emitted when the state does not change, so apply it once here too.
        action.toggled.emit(on)

    def save_settings(self) -> None:
        """Remember window layout, speed, volume and toggles."""
        s = self._settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("player/rate", self._player.rate())
        s.setValue("player/volume", self._player.volume())
        s.setValue("view/follow", self._actions["follow_playback"].isChecked())
        s.setValue("view/captions", self._actions["show_captions"].isChecked())
        s.setValue("playback/pause_typing", self._actions["pause_while_typing"].isChecked())
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        """On first showing, size the panels (only a shown window has room to share out)."""
        super().showEvent(event)
        if self._default_state.isEmpty():
            self._apply_default_sizes()
            self._default_state = self.saveState()
            if self._saved_state is not None:
                self.restoreState(self._saved_state)

    def _apply_default_sizes(self) -> None:
        # The list gets 40 % of the width; the editor the height a 16:9 picture leaves free
        # (no black bars to speak of), within reason.
        width = max(440, min(620, self.width() * 2 // 5))
        picture = (self.width() - width) * 9 // 16
        chrome = (
            self.menuBar().sizeHint().height()
            + self.statusBar().sizeHint().height()
            + self._transport.sizeHint().height()
            + 30  # the dock's title bar and margins
        )
        height = max(170, min(320, self.height() - chrome - picture))
        self.resizeDocks([self._cues_dock], [width], Qt.Orientation.Horizontal)
        self.resizeDocks([self._editor_dock], [height], Qt.Orientation.Vertical)

    def reset_layout(self) -> None:
        """Put the panels back where they start."""
        self.restoreState(self._default_state)
        self._apply_default_sizes()

    def recent_files(self) -> list[list[str]]:
        """Recently opened [captions, video] pairs (either may be ""), newest first."""
        value = self._settings.value("recent", [])
        entries = value if isinstance(value, list) else [value] if value else []
        result = []
        for entry in entries:
            parts = str(entry).split("\t")
            result.append([parts[0], parts[1] if len(parts) > 1 else ""])
        return result

    def _remember_recent(self) -> None:
        captions = str(self._doc.path) if self._doc is not None and self._doc.path else ""
        video = str(self._video_path) if self._video_path else ""
        if not captions and not video:
            return
        entry = f"{captions}\t{video}"
        entries = [f"{c}\t{v}" for c, v in self.recent_files()]
        entries = [entry] + [
            e for e in entries if e != entry and (not captions or e.split("\t")[0] != captions)
        ]
        self._settings.setValue("recent", entries[:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        self._recent_menu.clear()
        entries = self.recent_files()
        if not entries:
            self._recent_menu.addAction("No recent files").setEnabled(False)
            return
        for captions, video in entries:
            names = [Path(p).name for p in (captions, video) if p]
            action = self._recent_menu.addAction(" + ".join(names))
            action.setToolTip("\n".join(p for p in (captions, video) if p))
            paths = [p for p in (video, captions) if p]
            action.triggered.connect(lambda _c=False, ps=paths: self.open_paths(ps))
        self._recent_menu.addSeparator()
        self._recent_menu.addAction("Clear list").triggered.connect(
            lambda: self._settings.setValue("recent", [])
        )

    # -- opening
    def open_dialog(self) -> None:
        """File ▸ Open: pick a video and/or a caption file."""
        videos = " ".join(f"*{s}" for s in VIDEO_SUFFIXES)
        captions = " ".join(f"*{s}" for s in CAPTION_SUFFIXES)
        start = str(self._doc.path.parent) if self._doc is not None and self._doc.path else ""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Open video and/or captions",
            start,
            f"Video and captions ({videos} {captions});;Captions ({captions});;"
            f"Video ({videos});;All files (*)",
        )
        if paths:
            self.open_paths(paths)

    def open_paths(self, paths: Iterable[str | Path], encoding: str | None = None) -> bool:
        """Open a video and/or captions (finds the other beside it); False if nothing opened."""
        items = [Path(p).expanduser() for p in paths]
        folders = [p for p in items if p.is_dir()]
        if folders:
            self._warn("Not a file", f"{folders[0]} is a folder: open a video or a caption file.")
            return False
        captions = [p for p in items if p.suffix.lower() in CAPTION_SUFFIXES]
        videos = [p for p in items if p.suffix.lower() not in CAPTION_SUFFIXES]
        missing = [p for p in captions if not p.exists()]
        if missing:
            self._warn("File not found", f"{missing[0]} does not exist.")
            return False
        # A missing video is not fatal: the captions open and the video area says what is wrong.
        if len(captions) > 1 or len(videos) > 1:
            self.status_message("Opened the first video and the first caption file only")
        caption_path = captions[0] if captions else None
        video_path = videos[0] if videos else None
        if caption_path is None and video_path is not None:
            candidates = captions_beside(video_path)
            if len(candidates) == 1:
                caption_path = candidates[0]
            elif len(candidates) > 1:
                caption_path = self._choose_captions(video_path, candidates)
        if video_path is None and caption_path is not None:
            video_path = video_beside(caption_path)
        if caption_path is not None:
            doc = self._load_document(caption_path, encoding)
            if doc is None:
                return False
            if not self.set_document(doc):
                return False
        elif video_path is not None and self._doc is None:
            self.set_document(Document.new())
            self.status_message(f"No captions found beside {video_path.name}: new captions")
        self.open_video(video_path)
        self._remember_recent()
        return True

    def _choose_captions(self, video: Path, candidates: list[Path]) -> Path | None:
        names = [p.name for p in candidates]
        name, ok = QInputDialog.getItem(
            self,
            "Which captions?",
            f"Several caption files belong to {video.name}:",
            names,
            0,
            False,
        )
        return candidates[names.index(name)] if ok and name in names else None

    def _load_document(self, path: Path, encoding: str | None) -> Document | None:
        """Read a caption file, offering another encoding when it is not UTF-8."""
        try:
            return captionreview.load(path, encoding=encoding)
        except EncodingError as exc:
            chosen = self._ask_encoding(path, exc)
            if chosen is None:
                return None
            return self._load_document(path, chosen)
        except CaptionFileError as exc:
            self._warn("Cannot open the caption file", f"{path.name}: {exc}")
        except OSError as exc:
            self._warn("Cannot open the caption file", f"{path.name}: {exc.strerror or exc}")
        return None

    def _ask_encoding(self, path: Path, exc: EncodingError) -> str | None:
        box = QMessageBox(self)
        box.setObjectName("encodingDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        guess = exc.guess or "cp1252"
        where = f" (line {exc.line})" if exc.line else ""
        if guess.lower().endswith(REPLACE_SUFFIX):
            self._explain_damaged(box, path, guess, where)
        else:
            box.setWindowTitle("Not UTF-8 — CaptionReview")
            # In plain words: the reader's message names Python codecs (encoding='cp1252').
            box.setText(f"{path.name} is not UTF-8{where}, the encoding WebVTT files must have.")
            label = ENCODING_NAMES.get(guess.lower(), guess)
            nordic = " (Swedish å ä ö)" if guess.lower() in NORDIC_ENCODINGS else ""
            box.setInformativeText(
                f"It looks like {label}{nordic}. Open it as {label}? "
                "CaptionReview saves it as UTF-8."
            )
        choices: dict[object, str] = {}
        for encoding in dict.fromkeys([guess, "cp1252", "latin-1"]):
            button = box.addButton(self._open_as_label(encoding), QMessageBox.ButtonRole.AcceptRole)
            choices[button] = encoding
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return choices.get(box.clickedButton())

    def _explain_damaged(self, box: QMessageBox, path: Path, guess: str, where: str) -> None:
        """Word the encoding question for a file in a known encoding with a few bad bytes."""
        codec = guess[: -len(REPLACE_SUFFIX)].upper()
        box.setWindowTitle(self.tr("Damaged characters — CaptionReview"))
        box.setText(
            self.tr("{name} is {codec}, but some of its bytes are not{where}.").format(
                name=path.name, codec=codec, where=where
            )
        )
        box.setInformativeText(
            self.tr(
                "Open it as {codec} with each bad byte shown as \ufffd? You can put the right "
                "letters there before you save. (Opening it as Windows-1252 or Latin-1 would "
                "garble every å, ä and ö.)"
            ).format(codec=codec)
        )

    def _open_as_label(self, encoding: str) -> str:
        """Return the button text that opens the file in ``encoding``."""
        if encoding.lower().endswith(REPLACE_SUFFIX):
            codec = encoding[: -len(REPLACE_SUFFIX)].upper()
            return self.tr("Open as {codec}, bad bytes as \ufffd").format(codec=codec)
        return f"Open as {ENCODING_NAMES.get(encoding.lower(), encoding)}"

    def open_video(self, path: Path | None) -> bool:
        """Play ``path`` beside the captions; the message area says why when it cannot."""
        self._video_path = path
        if path is None:
            self._player.stop()
            if self._player.available and self._player.path() is not None:
                # The last video's picture would stay; it does not belong to these captions.
                self._video.set_message(NO_VIDEO_MESSAGE)
            return False
        if not self._player.available:
            self._video.set_message(
                f"{self._player.status_message}\n"
                "The captions stay editable; you can save them as usual."
            )
            return False
        self._video.set_message(None)
        ok = self._player.load(path)
        self._update_document_state()
        return ok

    def set_document(self, doc: Document | None, *, ask: bool = True) -> bool:
        """Show ``doc`` (None closes); asks to save the current one first. False if cancelled."""
        if ask and doc is not self._doc and not self.maybe_save():
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
        self.disk_watcher.watch(
            doc.path if doc is not None and doc.path is not None and doc.path.exists() else None
        )
        self._show_problems(doc)
        if doc is not None and len(doc):
            self._view.select_row(0, notify=False)
            self._editor.set_index(0)
        self._refresh_active(self._player.position())
        self._update_document_state()
        self.document_changed.emit(doc)
        return True

    def close_document(self) -> None:
        """Close the captions and the video (asks about unsaved changes)."""
        if self.set_document(None):
            self.open_video(None)

    def _show_problems(self, doc: Document | None) -> None:
        problems = list(doc.problems) if doc is not None else []
        cue_lines = [cue.line for cue in doc.cues] if doc is not None and problems else []
        self._problems.set_problems(problems, cue_lines)
        self._problems_dock.setWindowTitle(f"Problems in the file ({len(problems)})")
        if problems:
            if not self._problems_dock.isVisible():
                self._problems_dock.show()
                width = self._editor_dock.width()
                self.resizeDocks(
                    [self._editor_dock, self._problems_dock],
                    [width * 3 // 5, width * 2 // 5],
                    Qt.Orientation.Horizontal,
                )
            plural = "s" if len(problems) != 1 else ""
            self.status_message(
                f"{len(problems)} problem{plural} in the file: see the "
                "Problems panel (nothing was dropped)"
            )
        else:
            self._problems_dock.hide()

    # -- saving
    def save(self) -> bool:
        """Save the captions as WebVTT; a file read as SRT/SBV asks for a .vtt name first."""
        if self._doc is None:
            return False
        path = self._doc.path
        if path is None or path.suffix.lower() != ".vtt":
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        """Save the captions under a new name (WebVTT)."""
        if self._doc is None:
            return False
        suggestion = self._suggested_path(".vtt")
        name, _ = QFileDialog.getSaveFileName(
            self, "Save captions as", str(suggestion), "WebVTT (*.vtt)"
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".vtt":
            path = path.with_name(path.name + ".vtt")
        return self._save_to(path)

    def _suggested_path(self, suffix: str) -> Path:
        doc_path = self._doc.path if self._doc is not None else None
        if doc_path is not None:
            return doc_path.with_suffix(suffix)
        if self._video_path is not None:
            return self._video_path.with_suffix(suffix)
        return Path.home() / f"captions{suffix}"

    def _save_to(self, path: Path | None) -> bool:
        assert self._doc is not None
        try:
            written = self._doc.save(path)
        except CaptionFileError as exc:
            return self._offer_save_as(str(exc))
        # The watcher hears about our own write later; by then it knows these bytes are ours.
        self.disk_watcher.expect(written)
        self.autosaver.discard()
        self._remember_recent()
        self._update_document_state()
        self.status_message(f"Saved {written}")
        return True

    def _offer_save_as(self, reason: str) -> bool:
        """Saving failed for ``reason``: say so and offer Save As (True if that saved)."""
        box = QMessageBox(self)
        box.setObjectName("saveFailedDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(f"Could not save — {APP_NAME}")
        box.setText(reason[:1].upper() + reason[1:])
        box.setInformativeText(
            "Your changes are kept in the window and in the recovery journal. "
            "Save them under another name?"
        )
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        if box.clickedButton() is save_as:
            return self.save_as()
        self.status_message(f"Not saved: {reason}")
        return False

    def export_srt(self) -> bool:
        """Write a SubRip copy of the captions."""
        if self._doc is None:
            return False
        name, _ = QFileDialog.getSaveFileName(
            self, "Export SubRip", str(self._suggested_path(".srt")), "SubRip (*.srt)"
        )
        if not name:
            return False
        try:
            written = self._doc.export_srt(Path(name))
        except CaptionFileError as exc:
            self._warn("Could not export", str(exc))
            return False
        notes = srt_export_notes(self._doc.cues)
        if notes:
            # SubRip cannot hold everything WebVTT can: say what the copy lacks, not just "done".
            box = QMessageBox(self)
            box.setObjectName("exportNotesDialog")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(f"Exported SubRip — {APP_NAME}")
            box.setText(f"Exported {written.name}. Please note:")
            box.setInformativeText("\n".join(f"• {n[:1].upper()}{n[1:]}." for n in notes))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.exec()
            self.status_message(f"Exported {written}; {'; '.join(notes)}")
        else:
            self.status_message(f"Exported {written}")
        return True

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; True to go on, False when the user cancels."""
        if self._doc is None or not self._doc.modified:
            return True
        name = self._doc.path.name if self._doc.path else "the new captions"
        box = QMessageBox(self)
        box.setObjectName("saveChangesDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(APP_NAME)
        box.setText(f"Save the changes to {name}?")
        box.setInformativeText("If you don't, your changes are lost.")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.autosaver.discard()
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes, remember the layout, and release the player."""
        if not self.maybe_save():
            event.ignore()
            return
        self.save_settings()
        self.autosaver.track(None)
        if self._find_dialog is not None:
            self._find_dialog.close()
        self._player.close()
        event.accept()

    # -- restore after a crash, files changed on disk
    def offer_restore(self) -> bool:
        """Offer to restore work left by a crash; True when something was restored."""
        doc = offer_restore(self, self.journal)
        if doc is None:
            return False
        if not self.set_document(doc):
            return False
        if doc.path is not None:
            video = video_beside(doc.path)
            if video is not None and video != self._video_path:
                self.open_video(video)
        self.autosaver.write_now()
        self.status_message("Restored the unsaved changes: review them and save (Ctrl+S)")
        return True

    def _on_changed_on_disk(self, path: Path) -> None:
        if self._doc is None or self._doc.path is None or path != self._doc.path:
            return
        box = QMessageBox(self)
        box.setObjectName("changedOnDiskDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        box.setText(f"{path.name} was changed by another program.")
        lost = " Your unsaved changes here would be lost." if self._doc.modified else ""
        box.setInformativeText(f"Load the version on disk?{lost}")
        reload_button = box.addButton("Load from disk", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep my version", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not reload_button:
            self.status_message(f"Kept your version; saving will overwrite {path.name}")
            return
        doc = self._load_document(path, None)
        if doc is None:
            return
        row = self.current_index()
        # The user chose to drop the changes, so no second question about saving them.
        self.set_document(doc, ask=False)
        if row is not None and row < len(doc):
            self.select_cue(row)
        self.status_message(f"Loaded {path.name} from disk")

    # -- reacting
    def _on_cues_moved(self, *_span: int) -> None:
        self._editor.set_index(self._view.current_row())
        self._refresh_active(self._player.position())

    def _on_cues_changed(self, start: int, stop: int) -> None:
        index = self._editor.index
        if index is not None and start <= index < stop:
            self._editor.refresh()
        self._refresh_active(self._player.position())

    def _focus_text(self) -> None:
        """Put the cursor at the end of the selected cue's text (Enter in the list)."""
        edit = self._editor.text_edit
        if edit.isEnabled():
            edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            edit.moveCursor(edit.textCursor().MoveOperation.End)

    def _on_cue_activated(self, row: int) -> None:
        """The user selected a cue in the list: seek there."""
        if self._doc is not None and 0 <= row < len(self._doc):
            self._player.seek(self._doc.cues[row].start_ms)

    def _on_position(self, ms: int) -> None:
        self._refresh_active(ms)
        self._update_time_label(ms)

    def _refresh_active(self, ms: int) -> None:
        doc = self._doc
        rows = tuple(doc.active_indices(ms)) if doc is not None else ()
        # Only the highlight follows: the selection stays where the user put it, so that timing
        # keys (F11/F12) never hit a cue the playhead happened to pass (F4 jumps to it).
        self._view.show_active(rows)

    def _on_player_error(self, message: str) -> None:
        # The video area shows the message itself; the status bar adds that nothing is lost.
        self.status_message(f"{message} — the captions stay editable")

    def _on_player_state(self, state: str) -> None:
        if state == "ended":
            self._actions["loop_cue"].setChecked(False)

    def _update_time_label(self, ms: int | None = None) -> None:
        position = self._player.position() if ms is None else ms
        self._time_label.setText(
            f"{format_time(position)} / {format_time(self._player.duration())}"
        )

    def _update_document_state(self) -> None:
        doc = self._doc
        if doc is None:
            title = APP_NAME
            self._file_label.setText("No captions open")
            self._modified_label.setText("")
            self._count_label.setText("")
        else:
            name = doc.path.name if doc.path is not None else "New captions"
            title = f"{name}[*] — {APP_NAME}"
            self._file_label.setText(name)
            self._file_label.setToolTip(str(doc.path) if doc.path else "Not saved yet")
            self._modified_label.setText("Modified" if doc.modified else "Saved")
            count = len(doc)
            self._count_label.setText(f"{count} cue{'s' if count != 1 else ''}")
        if self.windowTitle() != title:
            self.setWindowTitle(title)
        # After the title: Qt wants its [*] placeholder there before the flag is set.
        self.setWindowModified(doc is not None and doc.modified)
        undo, redo = self._actions["undo"], self._actions["redo"]
        undo_text = f"&Undo {doc.undo_description}" if doc is not None and doc.can_undo else "&Undo"
        redo_text = f"&Redo {doc.redo_description}" if doc is not None and doc.can_redo else "&Redo"
        if undo.text() != undo_text:
            undo.setText(undo_text)
        if redo.text() != redo_text:
            redo.setText(redo_text)
        undo.setEnabled(doc is not None and doc.can_undo)
        redo.setEnabled(doc is not None and doc.can_redo)
        for name in ("save", "save_as", "export_srt", "close_document"):
            self._actions[name].setEnabled(doc is not None)

    # -- view toggles, dialogs
    def set_follow_playback(self, on: bool) -> None:
        """Keep the spoken cue in view in the list while playing."""
        self._view.follow_playback = on

    def set_captions_visible(self, on: bool) -> None:
        """Show or hide the captions on the picture."""
        self._video.set_captions_visible(on)

    def find_dialog(self) -> FindReplaceDialog:
        """The find & replace dialog (created on first use)."""
        if self._find_dialog is None:
            self._find_dialog = FindReplaceDialog(self)
        return self._find_dialog

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
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {captionreview.__version__}</h3>"
            "<p>Review and correct auto-generated captions against the video; saves lossless "
            "WebVTT.</p><p>MIT licence. Video by libvlc "
            f"({self._player.status_message}).</p>",
        )

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("warningDialog")
        box.exec()
        self.status_message(text.splitlines()[0])

    # -- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dropped local files."""
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open dropped video and caption files."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # Open after the drop returns: a modal question inside a drop handler blocks the
            # source application on some platforms.
            QTimer.singleShot(0, lambda: self.open_paths(paths))


def _as_number(value: object, default: float) -> float:
    """A number from QSettings (strings in INI files); ``default`` when missing or garbled."""
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _as_bool(value: object) -> bool:
    """QSettings gives "true"/"false" strings from INI files; turn them into bools."""
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
