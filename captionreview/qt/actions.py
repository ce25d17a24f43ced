"""Every command of the window with its shortcut, and what each one does.

The table ``SPECS`` is the one place where actions, menus and shortcuts are declared; Help ▸
Keyboard shortcuts lists what is registered from it (and what feature modules add). The
playback keys use modifiers or function keys that a text box does not claim, so they work
while the cursor is in the cue text (the typing loop of oTranscribe and Amara): Ctrl+Space,
Alt+Left/Right, Ctrl+-/Ctrl+=, F5, F11/F12.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from captionreview.core.i18n import ngettext
from captionreview.core.model import Cue
from captionreview.core.timing import (
    TimingEdit,
    TimingRefused,
    apply_edit,
    chain_at,
    cue_under,
    nudge,
    set_end_at,
    set_start_at,
)
from captionreview.qt.find_replace import FindReplaceDialog
from captionreview.qt.host import Host
from captionreview.qt.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from captionreview.core.document import Document

JUMP_MS = 2000
SHORT_JUMP_MS = 500
LONG_JUMP_MS = 5000
# "Play from just before the cue": enough lead-in to hear whether the cue starts with its words.
LEAD_IN_MS = 500
NUDGE_MS = 100
RATES = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
# "Pause while typing": resume this long after the last keystroke, this far back.
TYPING_IDLE_MS = 1500
TYPING_REWIND_MS = 1000
NEW_CUE_MS = 2000
NEW_CUE_GAP_MS = 80


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: object name, menu text, menu, shortcuts, tooltip, and the method it calls
    (on Commands, or else on the window)."""

    name: str
    text: str
    menu: str
    shortcuts: tuple[str, ...]
    tip: str
    slot: str
    checkable: bool = False


SEPARATOR = "-"

SPECS: tuple[ActionSpec | str, ...] = (
    ActionSpec(
        "open",
        QT_TRANSLATE_NOOP("ActionSpec", "&Open…"),
        "File",
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP(
            "ActionSpec", "Open a video and/or caption file (select both to open them together)"
        ),
        "open_dialog",
    ),
    ActionSpec(
        "save",
        QT_TRANSLATE_NOOP("ActionSpec", "&Save"),
        "File",
        ("Ctrl+S",),
        QT_TRANSLATE_NOOP("ActionSpec", "Save the captions (WebVTT)"),
        "save",
    ),
    ActionSpec(
        "save_as",
        QT_TRANSLATE_NOOP("ActionSpec", "Save &As…"),
        "File",
        ("Ctrl+Shift+S",),
        QT_TRANSLATE_NOOP("ActionSpec", "Save the captions under a new name"),
        "save_as",
    ),
    ActionSpec(
        "export_srt",
        QT_TRANSLATE_NOOP("ActionSpec", "&Export SRT…"),
        "File",
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("ActionSpec", "Write a SubRip (.srt) copy of the captions"),
        "export_srt",
    ),
    ActionSpec(
        "close_document",
        QT_TRANSLATE_NOOP("ActionSpec", "&Close captions"),
        "File",
        ("Ctrl+W",),
        QT_TRANSLATE_NOOP("ActionSpec", "Close the caption file and the video"),
        "close_document",
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("ActionSpec", "&Quit"),
        "File",
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("ActionSpec", "Quit CaptionReview"),
        "close",
    ),
    ActionSpec(
        "undo",
        QT_TRANSLATE_NOOP("ActionSpec", "&Undo"),
        "Edit",
        ("Ctrl+Z",),
        QT_TRANSLATE_NOOP("ActionSpec", "Undo the last change"),
        "undo",
    ),
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("ActionSpec", "&Redo"),
        "Edit",
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        QT_TRANSLATE_NOOP("ActionSpec", "Redo"),
        "redo",
    ),
    SEPARATOR,
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("ActionSpec", "&Find…"),
        "Edit",
        ("Ctrl+F",),
        QT_TRANSLATE_NOOP("ActionSpec", "Find text in the cues"),
        "find",
    ),
    ActionSpec(
        "replace",
        QT_TRANSLATE_NOOP("ActionSpec", "Find and re&place…"),
        "Edit",
        ("Ctrl+H",),
        QT_TRANSLATE_NOOP("ActionSpec", "Replace text across cues (plain or regular expression)"),
        "replace",
    ),
    ActionSpec(
        "find_next",
        QT_TRANSLATE_NOOP("ActionSpec", "Find &next"),
        "Edit",
        ("F3",),
        QT_TRANSLATE_NOOP("ActionSpec", "Find the next match"),
        "find_next",
    ),
    ActionSpec(
        "find_previous",
        QT_TRANSLATE_NOOP("ActionSpec", "Find pre&vious"),
        "Edit",
        ("Shift+F3",),
        QT_TRANSLATE_NOOP("ActionSpec", "Find the previous match"),
        "find_previous",
    ),
    ActionSpec(
        "play_pause",
        QT_TRANSLATE_NOOP("ActionSpec", "&Play / pause"),
        "Playback",
        ("Ctrl+Space", "Media Play"),
        QT_TRANSLATE_NOOP("ActionSpec", "Play or pause (works while typing)"),
        "play_pause",
    ),
    ActionSpec(
        "jump_back",
        QT_TRANSLATE_NOOP("ActionSpec", "Jump &back 2 s"),
        "Playback",
        ("Alt+Left",),
        QT_TRANSLATE_NOOP("ActionSpec", "Go back two seconds"),
        "jump_back",
    ),
    ActionSpec(
        "jump_forward",
        QT_TRANSLATE_NOOP("ActionSpec", "Jump &forward 2 s"),
        "Playback",
        ("Alt+Right",),
        QT_TRANSLATE_NOOP("ActionSpec", "Go forward two seconds"),
        "jump_forward",
    ),
    ActionSpec(
        "jump_back_short",
        QT_TRANSLATE_NOOP("ActionSpec", "Jump back 0.5 s"),
        "Playback",
        ("Alt+Shift+Left",),
        QT_TRANSLATE_NOOP("ActionSpec", "Go back half a second"),
        "jump_back_short",
    ),
    ActionSpec(
        "jump_forward_short",
        QT_TRANSLATE_NOOP("ActionSpec", "Jump forward 0.5 s"),
        "Playback",
        ("Alt+Shift+Right",),
        QT_TRANSLATE_NOOP("ActionSpec", "Go forward half a second"),
        "jump_forward_short",
    ),
    ActionSpec(
        "jump_back_long",
        QT_TRANSLATE_NOOP("ActionSpec", "Jump back 5 s"),
        "Playback",
        ("Alt+PgUp",),
        QT_TRANSLATE_NOOP("ActionSpec", "Go back five seconds"),
        "jump_back_long",
    ),
    ActionSpec(
        "jump_forward_long",
        QT_TRANSLATE_NOOP("ActionSpec", "Jump forward 5 s"),
        "Playback",
        ("Alt+PgDown",),
        QT_TRANSLATE_NOOP("ActionSpec", "Go forward five seconds"),
        "jump_forward_long",
    ),
    ActionSpec(
        "previous_frame",
        QT_TRANSLATE_NOOP("ActionSpec", "Previous frame"),
        "Playback",
        ("Alt+,",),
        QT_TRANSLATE_NOOP("ActionSpec", "Pause and step one frame back"),
        "previous_frame",
    ),
    ActionSpec(
        "next_frame",
        QT_TRANSLATE_NOOP("ActionSpec", "Next frame"),
        "Playback",
        ("Alt+.",),
        QT_TRANSLATE_NOOP("ActionSpec", "Pause and step one frame forward"),
        "next_frame",
    ),
    SEPARATOR,
    ActionSpec(
        "slower",
        QT_TRANSLATE_NOOP("ActionSpec", "&Slower"),
        "Playback",
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("ActionSpec", "Play more slowly (down to 0.5×)"),
        "slower",
    ),
    ActionSpec(
        "faster",
        QT_TRANSLATE_NOOP("ActionSpec", "F&aster"),
        "Playback",
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("ActionSpec", "Play faster (up to 2×)"),
        "faster",
    ),
    ActionSpec(
        "normal_speed",
        QT_TRANSLATE_NOOP("ActionSpec", "&Normal speed"),
        "Playback",
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("ActionSpec", "Play at 1×"),
        "normal_speed",
    ),
    SEPARATOR,
    ActionSpec(
        "replay_cue",
        QT_TRANSLATE_NOOP("ActionSpec", "&Replay current cue"),
        "Playback",
        ("Ctrl+R",),
        QT_TRANSLATE_NOOP("ActionSpec", "Play the cue at the playhead again from its start"),
        "replay_cue",
    ),
    ActionSpec(
        "play_cue",
        QT_TRANSLATE_NOOP("ActionSpec", "Play &this cue"),
        "Playback",
        ("F5",),
        QT_TRANSLATE_NOOP("ActionSpec", "Play just the selected cue"),
        "play_cue",
    ),
    ActionSpec(
        "play_before_cue",
        QT_TRANSLATE_NOOP("ActionSpec", "Play from 0.5 s before the cue"),
        "Playback",
        ("Ctrl+F5",),
        QT_TRANSLATE_NOOP(
            "ActionSpec",
            "Play the selected cue with half a second before it, to hear where its words start",
        ),
        "play_before_cue",
    ),
    ActionSpec(
        "loop_cue",
        QT_TRANSLATE_NOOP("ActionSpec", "&Loop this cue"),
        "Playback",
        ("Shift+F5",),
        QT_TRANSLATE_NOOP("ActionSpec", "Repeat the selected cue until you turn this off"),
        "loop_cue",
        checkable=True,
    ),
    SEPARATOR,
    ActionSpec(
        "pause_while_typing",
        QT_TRANSLATE_NOOP("ActionSpec", "Pause &while typing"),
        "Playback",
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP(
            "ActionSpec", "Pause as you type; resume 1.5 s after the last key, 1 s back"
        ),
        "pause_while_typing",
        checkable=True,
    ),
    ActionSpec(
        "edit_spoken_cue",
        QT_TRANSLATE_NOOP("ActionSpec", "Edit the cue being spo&ken"),
        "Captions",
        ("F4",),
        QT_TRANSLATE_NOOP(
            "ActionSpec", "Select the cue at the playhead and put the cursor in its text"
        ),
        "edit_spoken_cue",
    ),
    ActionSpec(
        "previous_cue",
        QT_TRANSLATE_NOOP("ActionSpec", "&Previous cue"),
        "Captions",
        ("Alt+Up",),
        QT_TRANSLATE_NOOP("ActionSpec", "Select the previous cue"),
        "previous_cue",
    ),
    ActionSpec(
        "next_cue",
        QT_TRANSLATE_NOOP("ActionSpec", "&Next cue"),
        "Captions",
        ("Alt+Down",),
        QT_TRANSLATE_NOOP("ActionSpec", "Select the next cue"),
        "next_cue",
    ),
    SEPARATOR,
    ActionSpec(
        "set_start",
        QT_TRANSLATE_NOOP("ActionSpec", "Set &start from playhead"),
        "Captions",
        ("F11", "Ctrl+["),
        QT_TRANSLATE_NOOP("ActionSpec", "The selected cue starts at the playhead"),
        "set_start",
    ),
    ActionSpec(
        "set_end",
        QT_TRANSLATE_NOOP("ActionSpec", "Set &end from playhead"),
        "Captions",
        ("F12", "Ctrl+]"),
        QT_TRANSLATE_NOOP("ActionSpec", "The selected cue ends at the playhead"),
        "set_end",
    ),
    ActionSpec(
        "chain",
        QT_TRANSLATE_NOOP("ActionSpec", "Set end, start the next cue here and go on"),
        "Captions",
        ("F9",),
        QT_TRANSLATE_NOOP(
            "ActionSpec",
            "The selected cue ends at the playhead, the next one starts right after; "
            "playback goes on and the next cue is selected",
        ),
        "chain",
    ),
    ActionSpec(
        "start_earlier",
        QT_TRANSLATE_NOOP("ActionSpec", "Start 100 ms earlier"),
        "Captions",
        ("Shift+F11",),
        QT_TRANSLATE_NOOP("ActionSpec", "Move the start 100 ms earlier"),
        "start_earlier",
    ),
    ActionSpec(
        "start_later",
        QT_TRANSLATE_NOOP("ActionSpec", "Start 100 ms later"),
        "Captions",
        ("Ctrl+F11",),
        QT_TRANSLATE_NOOP("ActionSpec", "Move the start 100 ms later"),
        "start_later",
    ),
    ActionSpec(
        "end_earlier",
        QT_TRANSLATE_NOOP("ActionSpec", "End 100 ms earlier"),
        "Captions",
        ("Shift+F12",),
        QT_TRANSLATE_NOOP("ActionSpec", "Move the end 100 ms earlier"),
        "end_earlier",
    ),
    ActionSpec(
        "end_later",
        QT_TRANSLATE_NOOP("ActionSpec", "End 100 ms later"),
        "Captions",
        ("Ctrl+F12",),
        QT_TRANSLATE_NOOP("ActionSpec", "Move the end 100 ms later"),
        "end_later",
    ),
    SEPARATOR,
    ActionSpec(
        "split",
        QT_TRANSLATE_NOOP("ActionSpec", "Sp&lit at cursor"),
        "Captions",
        ("Ctrl+Return",),
        QT_TRANSLATE_NOOP(
            "ActionSpec",
            "Split the cue at the text cursor (at the playhead's time when it is inside)",
        ),
        "split",
    ),
    ActionSpec(
        "merge",
        QT_TRANSLATE_NOOP("ActionSpec", "&Merge with next"),
        "Captions",
        ("Ctrl+M",),
        QT_TRANSLATE_NOOP("ActionSpec", "Join the selected cue with the next one"),
        "merge",
    ),
    ActionSpec(
        "insert_after",
        QT_TRANSLATE_NOOP("ActionSpec", "&Insert cue after"),
        "Captions",
        ("Alt+Insert", "Ctrl+Shift+Return"),
        QT_TRANSLATE_NOOP("ActionSpec", "Add an empty cue after the selected one"),
        "insert_after",
    ),
    ActionSpec(
        "delete",
        QT_TRANSLATE_NOOP("ActionSpec", "&Delete cue"),
        "Captions",
        ("Ctrl+Shift+Delete",),
        QT_TRANSLATE_NOOP("ActionSpec", "Delete the selected cues (Delete in the list)"),
        "delete",
    ),
    ActionSpec(
        "follow_playback",
        QT_TRANSLATE_NOOP("ActionSpec", "&Follow playback"),
        "View",
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP("ActionSpec", "Keep the cue being spoken in view in the list"),
        "set_follow_playback",
        checkable=True,
    ),
    ActionSpec(
        "show_captions",
        QT_TRANSLATE_NOOP("ActionSpec", "Show &captions on video"),
        "View",
        ("Ctrl+Shift+C",),
        QT_TRANSLATE_NOOP("ActionSpec", "Draw the captions over the picture"),
        "set_captions_visible",
        checkable=True,
    ),
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("ActionSpec", "&Keyboard shortcuts"),
        "Help",
        ("F1",),
        QT_TRANSLATE_NOOP("ActionSpec", "List every command and its keys"),
        "show_shortcuts",
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("ActionSpec", "&About CaptionReview"),
        "Help",
        (),
        QT_TRANSLATE_NOOP("ActionSpec", "Version and licence"),
        "show_about",
    ),
)


def build_actions(host: Host, targets: Sequence[object]) -> dict[str, QAction]:
    """Create every action of ``SPECS``, register it with ``host`` and connect it to the
    method named by its ``slot`` on the first of ``targets`` that has one."""
    return add_actions(host, SPECS, targets)


def add_actions(
    host: Host, specs: Sequence[ActionSpec | str], targets: Sequence[object]
) -> dict[str, QAction]:
    """Create the actions declared in ``specs`` (``SEPARATOR`` for a line in the menu before),
    register them with ``host`` in order and connect each to its ``slot`` method on the first
    of ``targets`` that has one; return them by name. Features declare theirs the same way."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        if isinstance(spec, str):
            continue
        # Specs hold the English, marked with QT_TRANSLATE_NOOP("ActionSpec", ...).
        tip = QCoreApplication.translate("ActionSpec", spec.tip)
        action = QAction(QCoreApplication.translate("ActionSpec", spec.text), host.window())
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        keys = ", ".join(
            QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in spec.shortcuts
        )
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.setCheckable(spec.checkable)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        slot = _resolve(spec.slot, targets)
        if spec.checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, s=slot: s())
        actions[spec.name] = action
    previous_menu = ""
    for spec in specs:
        if isinstance(spec, str):
            host.menu(previous_menu).addSeparator()
            continue
        host.register_action(actions[spec.name], spec.menu)
        previous_menu = spec.menu
    return actions


def _resolve(name: str, targets: Sequence[object]) -> Callable[..., object]:
    """The method ``name`` of the first target that has it; a spec naming none is a bug."""
    for target in targets:
        slot = getattr(target, name, None)
        if callable(slot):
            return slot  # type: ignore[no-any-return]
    raise AttributeError(f"no target has the action slot {name!r}")


def add_editor_buttons(toolbar: QToolBar, actions: dict[str, QAction]) -> None:
    """Put the cue-editing actions on the editor's ``toolbar`` with short labels."""
    # Toolbars show an action's icon text; the strings keep the window's translation context.
    for name, short in (
        ("set_start", QCoreApplication.translate("MainWindow", "Start ⟵ playhead")),
        ("set_end", QCoreApplication.translate("MainWindow", "End ⟵ playhead")),
        ("split", QCoreApplication.translate("MainWindow", "Split")),
        ("merge", QCoreApplication.translate("MainWindow", "Merge")),
        ("insert_after", QCoreApplication.translate("MainWindow", "Insert")),
        ("delete", QCoreApplication.translate("MainWindow", "Delete")),
    ):
        action = actions[name]
        action.setIconText(short)
        toolbar.addAction(action)


def show_undo_state(actions: dict[str, QAction], doc: Document | None) -> None:
    """Name the steps Undo and Redo would take, and enable what needs an open ``doc``."""
    undo, redo = actions["undo"], actions["redo"]
    undo_text = QCoreApplication.translate("MainWindow", "&Undo")
    if doc is not None and doc.can_undo:
        undo_text = QCoreApplication.translate("MainWindow", "&Undo {what}").format(
            what=doc.undo_description
        )
    redo_text = QCoreApplication.translate("MainWindow", "&Redo")
    if doc is not None and doc.can_redo:
        redo_text = QCoreApplication.translate("MainWindow", "&Redo {what}").format(
            what=doc.redo_description
        )
    if undo.text() != undo_text:
        undo.setText(undo_text)
    if redo.text() != redo_text:
        redo.setText(redo_text)
    undo.setEnabled(doc is not None and doc.can_undo)
    redo.setEnabled(doc is not None and doc.can_redo)
    for name in ("save", "save_as", "export_srt", "close_document"):
        actions[name].setEnabled(doc is not None)


class ActionHandlers(QObject):
    """What the window's actions do (edit, playback, caption commands), through its Host
    interface. (Not ``core.history.Command``: these are the UI's handlers that issue them.)"""

    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self._w = host
        self._find: FindReplaceDialog | None = None
        self._typing_paused = False
        self._resume_timer = QTimer(self)
        self._resume_timer.setSingleShot(True)
        self._resume_timer.setInterval(TYPING_IDLE_MS)
        self._resume_timer.timeout.connect(self._resume_after_typing)

    # -- Edit ---------------------------------------------------------------------------------
    def undo(self) -> None:
        """Undo the last command in the document's history."""
        doc = self._w.document
        if doc is not None and doc.can_undo:
            self._step_history(doc.undo_description, doc.undo, self.tr("Undid: {what}"))

    def redo(self) -> None:
        """Redo the last undone command."""
        doc = self._w.document
        if doc is not None and doc.can_redo:
            self._step_history(doc.redo_description, doc.redo, self.tr("Redid: {what}"))

    def _step_history(self, description: str | None, step: Callable[[], None], done: str) -> None:
        # The description is read before the step: afterwards it names the next command.
        step()
        self._w.status_message(done.format(what=description))

    def find_dialog(self) -> FindReplaceDialog:
        """The find & replace dialog (created on first use)."""
        if self._find is None:
            self._find = FindReplaceDialog(self._w)
        return self._find

    def close_find_dialog(self) -> None:
        """Close the find & replace dialog if it was made (the window is closing)."""
        if self._find is not None:
            self._find.close()

    def find(self) -> None:
        """Edit ▸ Find."""
        self.find_dialog().open_for(replace=False)

    def replace(self) -> None:
        """Edit ▸ Find and replace."""
        self.find_dialog().open_for(replace=True)

    def find_next(self) -> None:
        """Edit ▸ Find next."""
        self.find_dialog().search(backwards=False)

    def find_previous(self) -> None:
        """Edit ▸ Find previous."""
        self.find_dialog().search(backwards=True)

    # -- Playback -----------------------------------------------------------------------------
    def play_pause(self) -> None:
        """Play or pause; after a pause for typing, resume a little earlier."""
        player = self._w.player
        self._resume_timer.stop()
        if self._typing_paused and not player.is_playing():
            self._resume_after_typing()
            return
        self._typing_paused = False
        player.toggle()

    def jump_back(self) -> None:
        """Seek two seconds back."""
        self._seek_by(-JUMP_MS)

    def jump_forward(self) -> None:
        """Seek two seconds forward."""
        self._seek_by(JUMP_MS)

    def jump_back_short(self) -> None:
        """Seek half a second back."""
        self._seek_by(-SHORT_JUMP_MS)

    def jump_forward_short(self) -> None:
        """Seek half a second forward."""
        self._seek_by(SHORT_JUMP_MS)

    def jump_back_long(self) -> None:
        """Seek five seconds back."""
        self._seek_by(-LONG_JUMP_MS)

    def jump_forward_long(self) -> None:
        """Seek five seconds forward."""
        self._seek_by(LONG_JUMP_MS)

    def previous_frame(self) -> None:
        """Pause and show the frame before this one."""
        self._step_frame(-1)

    def next_frame(self) -> None:
        """Pause and show the next frame."""
        self._step_frame(1)

    def _step_frame(self, direction: int) -> None:
        player = self._w.player
        if player.is_playing():
            player.pause()
        self._seek_by(direction * player.frame_ms())

    def _seek_by(self, delta: int) -> None:
        player = self._w.player
        target = max(0, player.position() + delta)
        if player.duration() > 0:
            target = min(target, player.duration())
        player.seek(target)

    def slower(self) -> None:
        """Step the playback rate down."""
        rate = self._w.player.rate()
        lower = [r for r in RATES if r < rate - 1e-6]
        self._set_rate(lower[-1] if lower else RATES[0])

    def faster(self) -> None:
        """Step the playback rate up."""
        rate = self._w.player.rate()
        higher = [r for r in RATES if r > rate + 1e-6]
        self._set_rate(higher[0] if higher else RATES[-1])

    def normal_speed(self) -> None:
        """Play at normal speed."""
        self._set_rate(1.0)

    def _set_rate(self, rate: float) -> None:
        self._w.player.set_rate(rate)
        self._w.status_message(self.tr("Speed {rate:g}×").format(rate=rate))

    def replay_cue(self) -> None:
        """Play the cue at the playhead (or the last one before it) from its start."""
        index = self._cue_at_playhead()
        doc = self._w.document
        if index is None or doc is None:
            return
        self._w.player.seek(doc.cues[index].start_ms)
        self._w.player.play()

    def play_cue(self) -> None:
        """Play just the selected cue's time range."""
        cue = self._selected_cue()
        if cue is not None:
            self._w.player.play_range(cue.start_ms, cue.end_ms)

    def play_before_cue(self) -> None:
        """Play the selected cue from half a second before it to its end."""
        cue = self._selected_cue()
        if cue is not None:
            self._w.player.play_range(max(0, cue.start_ms - LEAD_IN_MS), cue.end_ms)

    def loop_cue(self, on: bool) -> None:
        """Repeat the selected cue while on; stop repeating when turned off."""
        cue = self._selected_cue()
        if on and cue is not None:
            self._w.player.play_range(cue.start_ms, cue.end_ms, loop=True)
        else:
            self._w.player.stop_range()

    def pause_while_typing(self, on: bool) -> None:
        """Turning "pause while typing" off forgets a pending resume."""
        if not on:
            self._resume_timer.stop()
            self._typing_paused = False

    def user_typed(self) -> None:
        """Called on each keystroke in the cue text: pause while typing, when that is on."""
        if not self._w.action("pause_while_typing").isChecked():
            return
        player = self._w.player
        if player.is_playing():
            player.pause()
            self._typing_paused = True
        if self._typing_paused:
            self._resume_timer.start()

    def _resume_after_typing(self) -> None:
        self._resume_timer.stop()
        if not self._typing_paused:
            return
        self._typing_paused = False
        player = self._w.player
        player.seek(max(0, player.position() - TYPING_REWIND_MS))
        player.play()

    # -- Captions -----------------------------------------------------------------------------
    def _selected(self) -> int | None:
        doc = self._w.document
        index = self._w.current_index()
        if doc is None or index is None or not 0 <= index < len(doc):
            self._w.status_message(self.tr("Select a cue first"))
            return None
        return index

    def _selected_in_document(self) -> tuple[Document, int, Cue] | None:
        index = self._selected()
        doc = self._w.document
        return None if index is None or doc is None else (doc, index, doc.cues[index])

    def _selected_cue(self) -> Cue | None:
        selected = self._selected_in_document()
        return None if selected is None else selected[2]

    def edit_spoken_cue(self) -> None:
        """Select the cue at the playhead (or the last one before it) and focus its text."""
        index = self._cue_at_playhead()
        if index is None:
            return
        self._w.select_cue(index)
        self._w.editor.text_edit.setFocus()

    def _cue_at_playhead(self) -> int | None:
        doc = self._w.document
        return None if doc is None else cue_under(doc, self._w.player.position())

    def previous_cue(self) -> None:
        """Select the cue before the selected one (and seek to it)."""
        self._step(-1)

    def next_cue(self) -> None:
        """Select the cue after the selected one (and seek to it)."""
        self._step(1)

    def _step(self, delta: int) -> None:
        doc = self._w.document
        if doc is None or len(doc) == 0:
            return
        index = self._w.current_index()
        if index is None:
            # Nothing chosen yet: start from the cue under the playhead (from its first instant).
            target = cue_under(doc, self._w.player.position()) or 0
        else:
            target = min(max(index + delta, 0), len(doc) - 1)
        focus_text = self._w.editor.text_edit.hasFocus()
        self._w.select_cue(target)
        if focus_text:
            self._w.editor.text_edit.setFocus()

    def set_start(self) -> None:
        """The selected cue starts at the playhead; the previous cue's end gives way by the
        profile's minimum gap (said in the status bar), or nothing changes and the bar says why."""
        selected = self._selected_in_document()
        if selected is not None:
            doc, index, _cue = selected
            self._timing(
                doc, lambda: set_start_at(doc.cues, index, self._w.player.position(), self._gap())
            )

    def set_end(self) -> None:
        """The selected cue ends at the playhead; the next cue's start gives way by the
        profile's minimum gap (said in the status bar), or nothing changes and the bar says why."""
        selected = self._selected_in_document()
        if selected is not None:
            doc, index, _cue = selected
            self._timing(
                doc, lambda: set_end_at(doc.cues, index, self._w.player.position(), self._gap())
            )

    def chain(self) -> None:
        """Set the selected cue's end at the playhead, start the next cue the minimum gap later
        and select it, without stopping playback (one key per cue, as in Subtitle Edit)."""
        selected = self._selected_in_document()
        if selected is None:
            return
        doc, index, _cue = selected
        position = self._w.player.position()
        if not self._timing(doc, lambda: chain_at(doc.cues, index, position, self._gap())):
            return
        if index + 1 < len(doc):
            # Select without seeking: playback goes on from where the editor is listening.
            self._w.cue_view.select_row(index + 1, notify=False)
            self._w.editor.set_index(index + 1)
        else:
            self._w.status_message(self.tr("That was the last cue."))

    def _gap(self) -> int:
        return self._w.profile.min_gap_ms

    def _timing(self, doc: Document, compute: Callable[[], TimingEdit]) -> bool:
        """Make the timing edit ``compute`` returns (one undo step); say a refusal or a moved
        neighbour in the status bar. Return True when the edit was made."""
        try:
            edit = compute()
        except TimingRefused as exc:
            self._w.status_message(str(exc))
            return False
        apply_edit(doc, edit)
        if edit.note:
            self._w.status_message(edit.note)
        return True

    def start_earlier(self) -> None:
        """Move the selected cue's start 100 ms earlier."""
        self._nudge(-NUDGE_MS, 0)

    def start_later(self) -> None:
        """Move the selected cue's start 100 ms later."""
        self._nudge(NUDGE_MS, 0)

    def end_earlier(self) -> None:
        """Move the selected cue's end 100 ms earlier."""
        self._nudge(0, -NUDGE_MS)

    def end_later(self) -> None:
        """Move the selected cue's end 100 ms later."""
        self._nudge(0, NUDGE_MS)

    def _nudge(self, start_delta: int, end_delta: int) -> None:
        selected = self._selected_in_document()
        if selected is not None:
            doc, index, _cue = selected
            self._timing(doc, lambda: nudge(doc.cues, index, start_delta, end_delta, self._gap()))

    def split(self) -> None:
        """Split the selected cue at the text cursor; at the playhead's time when it is inside."""
        selected = self._selected_in_document()
        if selected is None:
            return
        doc, index, cue = selected
        position = self._w.editor.cursor_position()
        if not 0 < position < len(cue.text):
            self._w.status_message(self.tr("Put the text cursor where the cue should be split"))
            return
        playhead = self._w.player.position()
        at_ms = playhead if cue.start_ms < playhead < cue.end_ms else None
        try:
            doc.split(index, position, at_ms, gap_ms=self._gap())
        except ValueError as exc:
            # The document refuses a split that leaves an empty side or cuts inside markup.
            self._w.status_message(
                self.tr("Cue {index} not split: {exc}").format(index=index + 1, exc=exc)
            )
            return
        self._w.select_cue(index + 1, (0, 0))

    def merge(self) -> None:
        """Merge the selected cue with the next one."""
        selected = self._selected_in_document()
        if selected is None:
            return
        doc, index, _ = selected
        if index + 1 >= len(doc):
            self._w.status_message(self.tr("The last cue has no next cue to merge with"))
            return
        doc.merge(index, 2)
        self._w.select_cue(index)

    def insert_after(self) -> None:
        """Insert an empty cue after the selected one (or at the playhead) and edit it."""
        doc = self._w.document
        if doc is None:
            return
        index = self._w.current_index()
        if index is None:
            start = self._w.player.position()
            after = doc.index_at_or_after(start)
            position = len(doc) if after is None else after
        else:
            start = doc.cues[index].end_ms + NEW_CUE_GAP_MS
            position = index + 1
        end = start + NEW_CUE_MS
        if position < len(doc):
            following = doc.cues[position].start_ms - NEW_CUE_GAP_MS
            if following - start >= 500:
                end = min(end, following)
        doc.insert(position, Cue(start, end, ""))
        self._w.select_cue(position, (0, 0))

    def delete(self) -> None:
        """Delete the selected cues."""
        doc = self._w.document
        indices = self._w.selected_indices()
        if doc is None or not indices:
            self._w.status_message(self.tr("Select a cue first"))
            return
        doc.delete(indices)
        if len(doc):
            self._w.select_cue(min(indices[0], len(doc) - 1))
        self._w.status_message(
            ngettext("Deleted {n} cue", "Deleted {n} cues", len(indices)).format(n=len(indices))
        )
