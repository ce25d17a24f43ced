"""The timeline in the window: under the video, fed by the player, the cue list and the sound.

``install(window)`` puts a :class:`~captionreview.qt.timeline.Timeline` under the video, keeps
it in step with the document, the playhead, the selection and the profile's minimum gap, and
registers its keyboard actions in the menus (so Help ▸ Keyboard shortcuts and the README list
them). When a video is open it analyses the sound in a pool thread (``cached_analysis`` of
``core.audio.analysis``: decoded once, then cached per video) with progress and a Stop button
in the status bar; a video without sound gets a plain message and everything else goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QProgressBar, QPushButton

from captionreview.core.audio.analysis import AudioAnalysis, AudioError, cached_analysis
from captionreview.core.checks import audio as audio_checks
from captionreview.core.checks.fixes import Fix
from captionreview.core.document import Document
from captionreview.core.model import Finding
from captionreview.core.profiles import Profile
from captionreview.core.timecode import format_ms
from captionreview.qt.background import BackgroundWork
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.fix_preview import FixPreviewDialog
from captionreview.qt.issues_panel import IssuesPanel
from captionreview.qt.plaintext import plain_tip
from captionreview.qt.timeline import Timeline

if TYPE_CHECKING:
    from captionreview.qt.host import Host

# The checks against the speech run this long after the last edit.
HEARD_DELAY_MS = 600

# (video, progress fraction, speech_ready): speech_ready gets the analysis without shot changes
# as soon as the sound is done; the picture's shot changes take longer.
Analyser = Callable[[Path, Callable[[float], bool], Callable[[AudioAnalysis], None]], AudioAnalysis]


def cached_sound_analysis(
    video: Path,
    progress: Callable[[float], bool],
    speech_ready: Callable[[AudioAnalysis], None],
) -> AudioAnalysis:
    """Return the sound analysis of ``video`` from the cache, or analyse it (raises AudioError);
    ``speech_ready`` gets the waveform and speech before the shot changes are found."""
    return cached_analysis(video, progress=progress, speech_ready=speech_ready)


class HeardChecks(QObject):
    """The checks against the speech (TIM-08, TIM-10, ASR-06, ASR-15) for the issues panel:
    run in the background when the analysis arrives, and again a moment after an edit that
    moves, adds or removes a cue (for an hour of speech they take about a second; typing in a
    cue changes nothing they look at)."""

    findings_changed = Signal()

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heardChecks")
        self._host = host
        self._analysis: AudioAnalysis | None = None
        self._findings: list[Finding] = []
        self._work = BackgroundWork(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HEARD_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self._spans: list[tuple[int, int]] = []
        self._events = DocumentEvents(self)
        # Only times matter to these checks: typing in a cue leaves them as they were.
        self._events.changed.connect(self._on_cues_edited)
        for signal in (self._events.inserted, self._events.removed):
            signal.connect(self._timer.start)
        self._events.reset.connect(self._timer.start)
        self._events.set_document(host.document)
        host.document_changed.connect(self._on_document)
        host.profile_changed.connect(lambda _profile: self.run())

    def set_analysis(self, analysis: AudioAnalysis | None) -> None:
        """Check against ``analysis`` from now on (None: no sound, no findings)."""
        self._analysis = analysis
        self.run()

    def findings(self) -> list[Finding]:
        """Return the current findings about the captions against the speech."""
        return list(self._findings)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for a running check (tests, reports); True when none is left."""
        return self._work.wait(msecs)

    def run(self) -> None:
        """Check the cues as they are now, in the background."""
        self._timer.stop()
        self._work.cancel()
        doc, analysis, profile = self._host.document, self._analysis, self._host.profile
        if doc is None or analysis is None:
            self._on_done([])
            return
        cues = list(doc.cues)
        self._spans = [(cue.start_ms, cue.end_ms) for cue in cues]
        self._work.start(
            lambda _progress: audio_checks.check_audio(cues, analysis, profile), self._on_done
        )

    def _on_document(self, doc: Document | None) -> None:
        self._events.set_document(doc)
        self.run()

    def _on_cues_edited(self, start: int, stop: int) -> None:
        doc = self._host.document
        if doc is None:
            return
        cues, spans = doc.cues, self._spans
        if any(
            i >= len(spans) or spans[i] != (cues[i].start_ms, cues[i].end_ms)
            for i in range(start, min(stop, len(cues)))
        ):
            self._timer.start()

    def _on_done(self, findings: list[Finding]) -> None:
        if findings != self._findings:
            self._findings = findings
            self.findings_changed.emit()


class TimelineFeature(QObject):
    """Connects a :class:`Timeline` to a main window and runs the sound analysis."""

    analysis_ready = Signal(object)

    def __init__(self, window: Host, analyser: Analyser = cached_sound_analysis) -> None:
        super().__init__(window.window())
        self._w = window
        self.analyser = analyser
        self._analysed: Path | None = None
        self._audio: AudioAnalysis | None = None
        self._work = BackgroundWork(self)
        self._work.progress.connect(self._on_progress)
        self._work.partial.connect(self._on_speech_ready)

        self.heard = HeardChecks(window, self)
        panel = window.window().findChild(IssuesPanel)
        if panel is not None:
            panel.follow_heard_findings(self.heard)
        self.timeline = Timeline()
        window.add_under_video(self.timeline)
        self.timeline.set_min_gap(window.profile.min_gap_ms)
        self.timeline.set_document(window.document)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(self.tr("Sound analysis progress"))
        self.progress.setFormat(self.tr("Sound %p%"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the sound analysis"))
        self.stop_button.setToolTip(
            self.tr("Stop analysing the sound (the timeline shows cues only)")
        )
        self.stop_button.clicked.connect(self.cancel)
        for widget in (self.progress, self.stop_button):
            window.add_status_widget(widget)
            widget.hide()

        player = window.player
        player.position_changed.connect(self.timeline.set_position)
        player.duration_changed.connect(self._on_duration)
        window.document_changed.connect(self._on_document)
        window.profile_changed.connect(self._on_profile)
        window.cue_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.timeline.set_selected(
                current.row() if current.isValid() else None
            )
        )
        self.timeline.cue_chosen.connect(self._on_cue_chosen)
        self.timeline.seek_requested.connect(player.seek)
        self.timeline.message.connect(window.status_message)
        self._register_actions()
        window.window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop the analysis when the window closes (not when it is minimised)."""
        closing = event.type() == QEvent.Type.Hide and not event.spontaneous()
        if closing and watched is self._w.window():
            self._work.cancel()
        return False

    # ------------------------------------------------------------------ actions

    def _register_actions(self) -> None:
        w = self._w
        for action in self.timeline.timeline_actions():
            menu = "View" if "zoom" in action.objectName() else "Captions"
            w.register_action(action, menu)
        focus = QAction(self.tr("Go to the timeline"), self)
        focus.setObjectName("focus_timeline")
        focus.setShortcut(QKeySequence("Ctrl+Shift+T"))
        focus.setStatusTip(self.tr("Put the keyboard focus on the timeline under the video"))
        focus.triggered.connect(lambda: self.timeline.setFocus(Qt.FocusReason.ShortcutFocusReason))
        w.register_action(focus, "View")
        snap = QAction(self.tr("Snap cue to speech"), self)
        snap.setObjectName("snap_cue_to_speech")
        snap.setShortcut(QKeySequence("F6"))
        snap.setStatusTip(
            self.tr("Move the selected cue's start and end to the speech edges within 0.5 s")
        )
        snap.triggered.connect(self.snap_selected_to_speech)
        w.register_action(snap, "Captions")
        snap_all = QAction(self.tr("Snap all cues to speech…"), self)
        snap_all.setObjectName("snap_all_to_speech")
        snap_all.setStatusTip(
            self.tr("Preview moving every cue's edges to the speech edges near them, then apply")
        )
        snap_all.triggered.connect(self.snap_all_to_speech)
        w.register_action(snap_all, "Captions")
        shift_all = QAction(self.tr("Shift all cues by…"), self)
        shift_all.setObjectName("shift_all_cues")
        shift_all.setStatusTip(
            self.tr("Preview moving every cue by the same time (the measured offset to the speech)")
        )
        shift_all.triggered.connect(self.shift_all_cues)
        w.register_action(shift_all, "Captions")

    def snap_all_to_speech(self) -> FixPreviewDialog | None:
        """Captions ▸ Snap all cues to speech…: preview, then one undo step."""
        analysis = self._analysis_or_say()
        doc = self._w.document
        if analysis is None or doc is None:
            return None
        fix = next(f for f in audio_checks.audio_fixes(analysis) if f.name == "snap-to-speech")
        return self._preview(doc, fix, self._w.selected_indices())

    def shift_all_cues(self) -> FixPreviewDialog | None:
        """Captions ▸ Shift all cues by…: ask how far (the measured offset to the speech is
        offered), preview, then one undo step."""
        doc = self._w.document
        if doc is None or len(doc) == 0:
            self._w.status_message(self.tr("Open a caption file first"))
            return None
        analysis = self._audio
        offset = None
        if analysis is not None:
            offset = audio_checks.find_offset(doc.cues, analysis, self._w.profile)
        suggested = offset.shift_ms if offset is not None else 0
        label = self.tr("Move every cue by this many milliseconds (negative: earlier):")
        if offset is not None:
            label += "\n" + self.tr("The speech runs %1 ms from the cues.").replace(
                "%1", f"{offset.shift_ms:+d}"
            )
        shift, ok = QInputDialog.getInt(
            self._w.window(), self.tr("Shift all cues"), label, suggested, -3_600_000, 3_600_000
        )
        if not ok or shift == 0:
            return None
        fix = Fix(
            "shift_all",
            self.tr("Shift cues by %1 ms").replace("%1", f"{shift:+d}"),
            ("TIM-08",),
            lambda cues, _profile, _indices: audio_checks.shift_cues(cues, shift),
        )
        return self._preview(doc, fix, ())

    def _preview(self, doc: Document, fix: Fix, selected: Sequence[int]) -> FixPreviewDialog:
        dialog = FixPreviewDialog(doc, fix, self._w.profile, selected, self._w.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def analysis(self) -> AudioAnalysis | None:
        """Return the open video's sound analysis, once it is ready (None before, or none)."""
        return self._audio

    def _analysis_or_say(self) -> AudioAnalysis | None:
        analysis = self._audio
        if analysis is None:
            self._w.status_message(
                self.tr("No speech to snap to: open the video and wait for the sound analysis")
            )
        return analysis

    def snap_selected_to_speech(self) -> None:
        """Snap the selected cue's edges to the nearest speech edges (one undo step)."""
        w = self._w
        doc = w.document
        index = w.current_index()
        if doc is None or index is None:
            w.status_message(self.tr("Select a cue first"))
            return
        analysis = self._analysis_or_say()
        if analysis is None:
            return
        changes = audio_checks.snap_to_speech(doc.cues, analysis, w.profile, [index])
        if not changes:
            w.status_message(
                self.tr(
                    "Cue %1 not changed: no speech starts or ends near its edges, "
                    "it is already on them, or a neighbour is in the way"
                ).replace("%1", str(index + 1))
            )
            return
        doc.replace_cues(changes, self.tr("Snap to speech"))
        cue = changes[index]
        w.status_message(
            self.tr("Cue %1 now runs with the speech: %2 → %3")
            .replace("%1", str(index + 1))
            .replace("%2", format_ms(cue.start_ms))
            .replace("%3", format_ms(cue.end_ms))
        )

    # ------------------------------------------------------------------ following the window

    def _on_document(self, doc: Document | None) -> None:
        self.timeline.set_document(doc)
        index = self._w.current_index()
        self.timeline.set_selected(index)

    def _on_profile(self, profile: Profile) -> None:
        self.timeline.set_min_gap(profile.min_gap_ms)

    def _on_cue_chosen(self, index: int) -> None:
        if index != self._w.current_index():
            self._w.select_cue(index)

    def _on_duration(self, ms: int) -> None:
        self.timeline.set_duration(ms)
        video = self._w.player.path()
        if ms <= 0 or video is None:
            return
        if video != self._analysed:
            self.analyse(video)

    # ------------------------------------------------------------------ the sound

    def analyse(self, video: Path) -> None:
        """Analyse ``video``'s sound in the background (the cache makes a reopen instant)."""
        self.cancel()
        self._analysed = video
        self._audio = None
        self.heard.set_analysis(None)
        self.timeline.set_analysis(None)
        self.timeline.set_notice(self.tr("Listening to the sound…"))
        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.show()
        self.progress.setToolTip(
            plain_tip(self.tr("Analysing the sound of %1").replace("%1", video.name))
        )
        analyser = self.analyser
        self._work.start(
            lambda progress: analyser(video, progress.fraction, progress.partial),
            self._on_done,
            self._on_failed,
        )

    def cancel(self) -> None:
        """Stop a running analysis (its result, if any comes, is ignored)."""
        if self.progress.isVisible():
            self._work.cancel()
            self._finish()
            if self._audio is None:
                self.timeline.set_notice(
                    self.tr("Sound analysis stopped: the timeline shows the cues.")
                )

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the analysis thread to finish (tests, closing); True when it has."""
        return self._work.wait(msecs)

    def _finish(self) -> None:
        self.progress.hide()
        self.stop_button.hide()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(round(100 * done / total) if total else 0)

    def _on_speech_ready(self, analysis: AudioAnalysis) -> None:
        """The sound is analysed, the picture not yet: draw the waveform and check the
        speech now; the shot changes follow with the whole analysis."""
        self._audio = analysis
        self.heard.set_analysis(analysis)
        self.timeline.set_notice("")
        self.timeline.set_analysis(analysis)

    def _on_done(self, analysis: AudioAnalysis) -> None:
        early = self._audio
        self._audio = analysis
        # The checks against the speech do not look at shot changes: run them once.
        if early is None or early.speech != analysis.speech:
            self.heard.set_analysis(analysis)
        self._finish()
        self.timeline.set_notice("")
        self.timeline.set_analysis(analysis)
        self.analysis_ready.emit(analysis)

    def _on_failed(self, exc: Exception) -> None:
        message = str(exc) if isinstance(exc, AudioError) else f"{type(exc).__name__}: {exc}"
        self._finish()
        self.timeline.set_notice(self.tr("No sound to show: %1").replace("%1", message))
        self._w.status_message(
            self.tr("No sound analysis (%1); the captions and video work as before.").replace(
                "%1", message
            )
        )


def install(window: Host) -> TimelineFeature:
    """Add the timeline under ``window``'s video, its actions, and the sound analysis."""
    return TimelineFeature(window)
