"""The video player: a small Qt facade over python-vlc that renders frames into a QImage.

Design (ARCHITECTURE.md, "The player"):

- Frames come from libvlc's video callbacks (``video_set_callbacks`` + ``video_set_format``
  "RV32") into a buffer we own; the Qt thread copies the latest one into a ``QImage`` that the
  :class:`~captionreview.qt.video_widget.VideoWidget` paints with the captions on top. No native
  window handle is involved, so the same code works offscreen, on Wayland, Windows and macOS.
- libvlc is not re-entrant: the vlc callbacks and events never call libvlc; they only record a
  monotonic timestamp and hand over to the Qt thread through queued signals.
- libvlc 3 updates its time about every 250-500 ms. The position is interpolated by
  :class:`~captionreview.core.playclock.PlayClock` (Qt-free, tested alone), anchored on the
  first frame shown after a play, resume or seek and on each of libvlc's time updates.
- Without libvlc the module still imports: :func:`vlc_status` says how to install VLC and a
  :class:`Player` is created with ``available`` False and does nothing.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import math
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from captionreview.core.playclock import PlayClock, PlayerState
from captionreview.qt.i18n import QT_TRANSLATE_NOOP

INSTALL_HINT = QT_TRANSLATE_NOOP(
    "Player",
    "install VLC (Debian/Ubuntu: apt-get install vlc, or libvlc5 vlc-plugin-base; "
    "Windows/macOS: https://www.videolan.org)",
)
_CONVERT_HINT = QT_TRANSLATE_NOOP("Player", "Convert it to MP4 (H.264/AAC) or open another video.")
MOVED_HINT = QT_TRANSLATE_NOOP("Player", "Was it moved or renamed? Open it again with File ▸ Open.")


def hint(text: str) -> str:
    """One of the hints above in the user's language."""
    return QCoreApplication.translate("Player", text)


# A picture normally shows within 0.2 s of a start or seek; after this long without one the video
# cannot be decoded (or the seek found nothing to show).
PREROLL_TIMEOUT_MS = 4000
# How often position_changed is emitted while playing.
TICK_MS = 30
# Frames are asked for at the video's own size (never larger than this; libvlc scales down),
# not at the widget's: the format is fixed while playing, so following the widget's size would
# restart the video output on every resize, and QPainter scales a frame in about 1 ms.
MAX_FRAME_SIZE = (1280, 720)
# One frame at 25 fps: the step when the video does not say its frame rate.
DEFAULT_FRAME_MS = 40.0
MIN_RATE, MAX_RATE = 0.5, 2.0
# libvlc 3 takes 6 s to stop when it is stopped within ~150 ms of pausing on the first pictures
# after a start or a seek (measured with the demo lecture: H.264 with B-frames, 10 s GOP).
_PAUSE_SETTLE_S = 0.25
# libvlc would otherwise find lecture.sv.vtt beside the video and draw the SAVED captions into
# the frames, next to our overlay of the edited ones.
_VLC_ARGS = (
    "--quiet",
    "--no-video-title-show",
    "--no-stats",
    "--no-snapshot-preview",
    "--no-sub-autodetect-file",
    "--no-spu",
)

ASOUND_CARDS = Path("/proc/asound/cards")


def vlc_args(platform: str, cards: str | None, sound_server: bool) -> tuple[str, ...]:
    """Return the libvlc arguments for this machine.

    ``cards`` is the text of /proc/asound/cards (None when missing), ``sound_server`` whether
    a PulseAudio/PipeWire socket is there. On Linux without any sound card and without a sound
    server, libvlc's ALSA output prints thousands of "ALSA lib … error" lines (CI, servers,
    containers) and plays nothing anyway: there it gets the silent "dummy" audio output. With
    a card or a server, audio is left alone: people reviewing captions need to hear the talk.
    """
    no_card = cards is None or "no soundcards" in cards.lower() or not cards.strip()
    if platform.startswith("linux") and no_card and not sound_server:
        return (*_VLC_ARGS, "--aout=dummy")
    return _VLC_ARGS


def _sound_server() -> bool:
    """True when a PulseAudio or PipeWire socket is reachable (audio without ALSA cards)."""
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        return False
    return any((Path(runtime) / name).exists() for name in ("pulse/native", "pipewire-0"))


def _machine_vlc_args() -> tuple[str, ...]:
    try:
        cards: str | None = ASOUND_CARDS.read_text(encoding="utf-8", errors="replace")
    except OSError:
        cards = None
    return vlc_args(sys.platform, cards, _sound_server())


_vlc_module: Any = None
_vlc_instance: Any = None
# Kept untranslated (the language may change after this is set): vlc_status() translates it.
_vlc_error: str | None = None
_NOT_FOUND = QT_TRANSLATE_NOOP("Player", "libvlc not found: {hint}")
_vlc_checked = False


def _load_vlc() -> None:
    """Import python-vlc and create the shared libvlc instance once, remembering any failure."""
    global _vlc_module, _vlc_instance, _vlc_error, _vlc_checked
    if _vlc_checked:
        return
    _vlc_checked = True
    try:
        import vlc

        instance = vlc.Instance(list(_machine_vlc_args()))
    # python-vlc fails in many ways when libvlc is missing or broken: OSError from ctypes,
    # NotImplementedError from its finder, SystemExit when PYTHON_VLC_LIB_PATH is wrong,
    # NameError/AttributeError from half-loaded bindings.
    except (Exception, SystemExit):
        _vlc_error = _NOT_FOUND
        return
    if instance is None:
        _vlc_error = QT_TRANSLATE_NOOP(
            "Player", "libvlc could not start (VLC plugins missing?): {hint}"
        )
        return
    _vlc_module, _vlc_instance = vlc, instance


def vlc_status() -> tuple[bool, str]:
    """Return ``(True, "libvlc 3.0.x")`` when libvlc can play video, else ``(False, hint)``.

    The hint is one line that says how to install VLC. Never raises.
    """
    _load_vlc()
    if _vlc_module is None:
        return False, hint(_vlc_error or _NOT_FOUND).format(hint=hint(INSTALL_HINT))
    version = _vlc_module.libvlc_get_version()
    if isinstance(version, bytes):
        version = version.decode("utf-8", "replace")
    return True, f"libvlc {version}"


def _frame_size(width: int, height: int, sar_num: int, sar_den: int) -> tuple[int, int]:
    """Return the RV32 frame size to ask libvlc for: square pixels, capped, even."""
    if width <= 0 or height <= 0:
        return 640, 360
    if sar_num > 0 and sar_den > 0:
        width = round(width * sar_num / sar_den)
    scale = min(1.0, MAX_FRAME_SIZE[0] / width, MAX_FRAME_SIZE[1] / height)
    return max(2, round(width * scale) // 2 * 2), max(2, round(height * scale) // 2 * 2)


def _track_frame_size(track: Any) -> tuple[int, int]:
    """Return the frame size to ask for a libvlc video track."""
    # python-vlc declares the track's union as three fields; the first one holds the pointer.
    info = ctypes.cast(track.audio, ctypes.POINTER(_vlc_module.VideoTrack)).contents
    return _frame_size(info.width, info.height, info.sar_num, info.sar_den)


def _track_frame_ms(track: Any) -> float:
    """Return the duration of one frame of a libvlc video track (DEFAULT_FRAME_MS if unknown)."""
    info = ctypes.cast(track.audio, ctypes.POINTER(_vlc_module.VideoTrack)).contents
    if info.frame_rate_num > 0 and info.frame_rate_den > 0:
        return float(1000 * info.frame_rate_den / info.frame_rate_num)
    return DEFAULT_FRAME_MS


def _close_all_players() -> None:
    """Close players still open at interpreter exit (libvlc crashes the exit otherwise)."""
    for player in list(_open_players):
        player.close()


_open_players: set[Player] = set()
atexit.register(_close_all_players)


class Player(QObject):
    """Plays one video through libvlc and reports its time to the Qt thread.

    Signals: ``position_changed(int ms)`` about every 30 ms while playing and after seeks,
    ``duration_changed(int ms)``, ``state_changed(str)`` (a
    :class:`~captionreview.core.playclock.PlayerState` value), ``error(str)`` with a plain
    message, ``frame_ready()`` when a new picture is available from :meth:`current_frame`;
    ``rate_changed(float)``, ``volume_changed(int)`` and ``muted_changed(bool)`` keep several
    controls in step. After :meth:`load` the player shows the first picture, paused. Methods
    never raise for playback problems; they report through ``error``. Call :meth:`close`
    before the application quits.
    """

    position_changed = Signal(int)
    duration_changed = Signal(int)
    state_changed = Signal(str)
    error = Signal(str)
    frame_ready = Signal()
    rate_changed = Signal(float)
    volume_changed = Signal(int)
    muted_changed = Signal(bool)
    # Hand-over from vlc threads to the Qt thread (always queued): kind, value, monotonic time.
    _vlc_event = Signal(str, int, float)
    _vlc_frame = Signal(float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available, self.status_message = vlc_status()
        self._mp: Any = None
        self._path: Path | None = None
        # True once libvlc has examined the file and found something to play.
        self._loaded = False
        # The libvlc media being examined, and the one libvlc plays (each start makes one).
        self._parsing: Any = None
        self._playing: Any = None
        self._load_count = 0
        self._has_video = False
        self._frame_ms = DEFAULT_FRAME_MS
        self._state = PlayerState.STOPPED
        self._volume = 100
        self._muted = False
        # The interpolated position, with the playback rate and duration it depends on.
        self._clock = PlayClock()
        self._await_frame = False
        self._seek_t = 0.0
        # Showing one picture while paused (after load, or a seek while paused): libvlc plays
        # muted ("starting") until a picture from after the seek is shown, then pauses
        # ("pausing") until it confirms. A seek while paused is never sent to libvlc directly:
        # libvlc 3 then shows no picture for a following seek and stop() hangs for 6 s.
        self._preroll = ""
        self._preroll_target = 0
        self._paused_at = 0.0
        self._range: tuple[int, int, bool] | None = None
        # The frame buffer libvlc's decoder thread writes into; guarded by _buf_lock.
        self._buf_lock = threading.Lock()
        self._buf: Any = None
        self._buf_size = (0, 0)
        self._frame: QImage | None = None
        self._frame_pending = False
        self._frame_shown_at = 0.0
        self._callbacks: tuple[Any, ...] = ()
        self._events: list[Any] = []
        self._closed = False

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        # Fires exactly at the end of a play_range instead of up to one tick late.
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._range_timer.timeout.connect(self._tick)
        self._preroll_timer = QTimer(self)
        self._preroll_timer.setSingleShot(True)
        self._preroll_timer.timeout.connect(self._on_preroll_timeout)
        self._vlc_event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)
        self._vlc_frame.connect(self._on_frame, Qt.ConnectionType.QueuedConnection)
        if self.available:
            self._create_media_player()
            _open_players.add(self)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.close)

    # ----------------------------------------------------------------- set-up and tear-down

    def _create_media_player(self) -> None:
        vlc = _vlc_module
        self._mp = _vlc_instance.media_player_new()
        lock = vlc.CallbackDecorators.VideoLockCb(self._cb_lock)
        unlock = vlc.CallbackDecorators.VideoUnlockCb(self._cb_unlock)
        display = vlc.CallbackDecorators.VideoDisplayCb(self._cb_display)
        # The ctypes callbacks must live as long as the media player, or libvlc calls freed code.
        self._callbacks = (lock, unlock, display)
        self._mp.video_set_callbacks(lock, unlock, display, None)
        self._set_frame_format(640, 360)
        manager = self._mp.event_manager()
        for name, kind in (
            ("MediaPlayerPlaying", "playing"),
            ("MediaPlayerPaused", "paused"),
            ("MediaPlayerEndReached", "ended"),
            ("MediaPlayerEncounteredError", "error"),
            ("MediaPlayerLengthChanged", "length"),
            ("MediaPlayerTimeChanged", "time"),
        ):
            event_type = getattr(vlc.EventType, name)
            manager.event_attach(event_type, self._cb_event, kind)
            self._events.append(event_type)

    def _set_frame_format(self, width: int, height: int) -> None:
        # Only called while libvlc is stopped, so no decoder thread holds the old buffer.
        with self._buf_lock:
            self._buf = ctypes.create_string_buffer(width * height * 4)
            self._buf_size = (width, height)
        self._mp.video_set_format("RV32", width, height, width * 4)

    def close(self) -> None:
        """Stop playback and release libvlc; the player does nothing afterwards. Never raises."""
        if self._closed:
            return
        self._closed = True
        _open_players.discard(self)
        with contextlib.suppress(RuntimeError):  # the Qt side may already be gone at exit
            self._timer.stop()
            self._range_timer.stop()
            self._preroll_timer.stop()
        self._forget_parsing()
        if self._mp is not None:
            manager = self._mp.event_manager()
            for event_type in self._events:
                manager.event_detach(event_type)
            self._stop_vlc()
            self._mp.release()
            self._mp = None
        if self._playing is not None:
            self._playing.release()
            self._playing = None
        self._events.clear()
        self._loaded = False

    # ------------------------------------------------------- vlc threads (never call libvlc)

    def _cb_lock(self, _opaque: int, planes: Any) -> None:
        self._buf_lock.acquire()
        planes[0] = ctypes.addressof(self._buf)

    def _cb_unlock(self, _opaque: int, _picture: int, _planes: Any) -> None:
        self._buf_lock.release()

    def _cb_display(self, _opaque: int, _picture: int) -> None:
        self._frame_shown_at = time.monotonic()
        # Coalesce: if the Qt thread has not taken the previous frame yet, it takes this one.
        if self._closed or self._frame_pending:
            return
        self._frame_pending = True
        with contextlib.suppress(RuntimeError):  # the QObject is being destroyed
            self._vlc_frame.emit(self._frame_shown_at)

    def _cb_event(self, event: Any, kind: str) -> None:
        if self._closed:
            return
        value = 0
        if kind == "time":
            value = int(event.u.new_time)
        elif kind == "length":
            value = int(event.u.new_length)
        with contextlib.suppress(RuntimeError):
            self._vlc_event.emit(kind, value, time.monotonic())

    def _cb_parsed(self, _event: Any, load_number: int) -> None:
        if self._closed:
            return
        with contextlib.suppress(RuntimeError):
            self._vlc_event.emit("parsed", load_number, time.monotonic())

    # ------------------------------------------------------------------- Qt-thread handlers

    @Slot(float)
    def _on_frame(self, shown_at: float) -> None:
        self._frame_pending = False
        if self._closed:
            return
        width, height = self._buf_size
        with self._buf_lock:
            frame = QImage(self._buf, width, height, width * 4, QImage.Format.Format_RGB32).copy()
        if self._preroll == "starting" and shown_at > self._seek_t:
            self._preroll = "pausing"
            self._mp.set_pause(1)
        elif self._await_frame and self._state == PlayerState.PLAYING:
            # Playback really (re)starts when its first picture is shown: start the clock then.
            self._await_frame = False
            self._start_clock(self._clock.pos, shown_at)
        # libvlc re-shows a paused picture every ~60 ms and slides repeat for seconds.
        if frame != self._frame:
            self._frame = frame
            self.frame_ready.emit()

    @Slot(str, int, float)
    def _on_vlc_event(self, kind: str, value: int, at: float) -> None:
        if self._closed:
            return
        if kind == "time":
            self._on_vlc_time(value, at)
        elif kind == "length":
            self._set_duration(value)
        elif kind == "playing":
            self._apply_audio()
        elif kind == "paused":
            self._paused_at = at
            if self._preroll == "pausing":
                self._finish_preroll()
        elif kind == "ended":
            self._on_ended()
        elif kind == "error":
            self._fail(
                self.tr("Cannot play {file_name}: VLC could not decode it. {CONVERT_HINT}").format(
                    file_name=self._file_name(), CONVERT_HINT=hint(_CONVERT_HINT)
                )
            )
        elif kind == "parsed":
            self._on_parsed(value)

    def _on_vlc_time(self, vlc_ms: int, at: float) -> None:
        # Time updates older than our last seek describe the old position.
        if at <= self._seek_t or self._preroll or self._state != PlayerState.PLAYING:
            return
        if self._await_frame:
            # libvlc reports the seek target at once, before any picture of it is decoded; wait
            # for the picture unless there is none to wait for (audio only, or it is late).
            if self._has_video and at - self._seek_t < 0.5:
                return
            self._await_frame = False
            self._start_clock(vlc_ms, at)
            return
        if self._clock.follow(vlc_ms, at):
            self._start_clock(vlc_ms, at)

    def _on_parsed(self, load_number: int) -> None:
        media = self._parsing
        if media is None or load_number != self._load_count:
            return
        vlc = _vlc_module
        playable = (vlc.TrackType.video, vlc.TrackType.audio)
        tracks = [t for t in media.tracks_get() or () if t.type in playable]
        parsed = media.get_parsed_status() == vlc.MediaParsedStatus.done
        duration = max(0, media.get_duration())
        video = [t for t in tracks if t.type == vlc.TrackType.video]
        size = _track_frame_size(video[0]) if video else None
        self._forget_parsing()
        if not parsed or not tracks:
            self._fail(
                self.tr(
                    "Cannot play {file_name}: VLC found no video or audio in it "
                    "(is it a video file?). {CONVERT_HINT}"
                ).format(file_name=self._file_name(), CONVERT_HINT=hint(_CONVERT_HINT))
            )
            return
        self._has_video = size is not None
        self._frame_ms = _track_frame_ms(video[0]) if video else DEFAULT_FRAME_MS
        if size is not None:
            self._set_frame_format(*size)
        self._loaded = True
        self._set_duration(duration)
        if size is not None:
            self._begin(0, preroll=True)

    def _forget_parsing(self) -> None:
        # Detach before letting go: a parse stopped half-way still reports, maybe later.
        media, self._parsing = self._parsing, None
        if media is not None:
            media.parse_stop()
            media.event_manager().event_detach(_vlc_module.EventType.MediaParsedChanged)
            media.release()

    def _on_ended(self) -> None:
        self._range = None
        self._preroll = ""
        self._stop_clock()
        self._set_position(self._clock.duration or self._clock.pos)
        self._set_state(PlayerState.ENDED)

    def _finish_preroll(self) -> None:
        if self._clock.pos != self._preroll_target:
            # The user asked for another place while we were pausing.
            self._preroll_seek(self._clock.pos)
            return
        self._preroll = ""
        self._apply_audio()
        self._set_state(PlayerState.PAUSED)
        self.position_changed.emit(self._clock.pos)

    def _preroll_seek(self, ms: int) -> None:
        """Show the picture at ``ms`` while paused: play muted from there, pause on it."""
        self._preroll = "starting"
        self._preroll_target = ms
        self._apply_audio()
        self._mp.set_pause(0)
        self._mp.set_time(ms)
        self._seek_t = time.monotonic()
        self._preroll_timer.start(PREROLL_TIMEOUT_MS)

    @Slot()
    def _on_preroll_timeout(self) -> None:
        if self._preroll != "starting" or self._closed:
            return
        if self._frame is not None:
            # Pictures came before; this seek found none to show. Stay paused where we were.
            self._preroll = "pausing"
            self._mp.set_pause(1)
            return
        self._stop_vlc()
        self._loaded = False
        self._fail(
            self.tr(
                "Cannot show the picture of {file_name}: VLC could not decode "
                "its video. {CONVERT_HINT}"
            ).format(file_name=self._file_name(), CONVERT_HINT=hint(_CONVERT_HINT))
        )

    # ---------------------------------------------------------------------- the clock

    def _start_clock(self, pos: int, at: float) -> None:
        # _tick emits the position and checks the range.
        self._clock.start(pos, at)
        if not self._timer.isActive():
            self._timer.start()
        self._tick()

    def _stop_clock(self) -> None:
        self._clock.stop(time.monotonic())
        self._await_frame = False
        self._timer.stop()
        self._range_timer.stop()

    @Slot()
    def _tick(self) -> None:
        if not self._clock.running or self._closed:
            return
        pos = self._clock.position(time.monotonic())
        if self._range is not None:
            start, end, loop = self._range
            if pos >= end:
                if loop:
                    self.seek(start)
                else:
                    self._range = None
                    self.pause()
                    self._set_position(end)
                return
            remaining = (end - pos) / self._clock.rate
            if remaining < TICK_MS and not self._range_timer.isActive():
                self._range_timer.start(max(0, math.ceil(remaining)))
        if pos != self._clock.pos:
            self._clock.pos = pos
            self.position_changed.emit(pos)

    def _set_position(self, ms: int) -> None:
        self._clock.pos = self._clock.clamp(ms)
        self.position_changed.emit(self._clock.pos)

    def _set_duration(self, ms: int) -> None:
        if ms != self._clock.duration:
            self._clock.duration = ms
            self.duration_changed.emit(ms)

    def _set_state(self, state: PlayerState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    # ------------------------------------------------------------------------- loading

    def load(self, path: str | Path) -> bool:
        """Open a video and show its first picture, paused.

        Returns False (and emits ``error``) when libvlc is missing or the file does not exist;
        a file VLC cannot play is reported through ``error`` once libvlc has examined it.
        """
        path = Path(path)
        if not self.available:
            self.error.emit(self.status_message)
            return False
        if self._closed:
            return False
        self._unload()
        self._path = path
        if not path.is_file():
            self._fail(
                self.tr("Video file not found: {path}. {MOVED_HINT}").format(
                    path=path, MOVED_HINT=hint(MOVED_HINT)
                )
            )
            return False
        media = _vlc_instance.media_new_path(str(path))
        self._load_count += 1
        media.event_manager().event_attach(
            _vlc_module.EventType.MediaParsedChanged, self._cb_parsed, self._load_count
        )
        self._parsing = media
        media.parse_with_options(_vlc_module.MediaParseFlag.local, 5000)
        return True

    def _unload(self) -> None:
        self._stop_clock()
        self._range = None
        self._preroll = ""
        self._loaded = False
        self._has_video = False
        self._frame = None
        self._forget_parsing()
        self._stop_vlc()
        self._seek_t = time.monotonic()
        self._set_position(0)
        self._set_duration(0)
        self._set_state(PlayerState.STOPPED)

    def _fail(self, message: str) -> None:
        self._stop_clock()
        self._range = None
        self._preroll = ""
        self._set_state(PlayerState.ERROR)
        self.error.emit(message)

    def _file_name(self) -> str:
        return self._path.name if self._path else self.tr("the video")

    def _begin(self, start_ms: int, *, preroll: bool) -> None:
        """Start libvlc from ``start_ms``; with ``preroll`` it pauses on the first picture."""
        vlc_media = _vlc_instance.media_new_path(str(self._path))
        if start_ms > 0:
            vlc_media.add_option(f":start-time={start_ms / 1000:.3f}")
        self._preroll = "starting" if preroll else ""
        self._preroll_target = start_ms
        if preroll:
            self._preroll_timer.start(PREROLL_TIMEOUT_MS)
        if self._playing is not None:
            self._stop_vlc()
        self._mp.set_media(vlc_media)
        # The player holds its own reference to the media it plays.
        if self._playing is not None:
            self._playing.release()
        self._playing = vlc_media
        self._mp.set_rate(self._clock.rate)
        self._seek_t = time.monotonic()
        self._clock.pos = self._clock.clamp(start_ms)
        self._apply_audio()
        self._mp.play()

    def _stop_vlc(self) -> None:
        settle = _PAUSE_SETTLE_S - (time.monotonic() - self._paused_at)
        if settle > 0:
            time.sleep(settle)
        self._mp.stop()

    def _apply_audio(self) -> None:
        if self._mp is None:
            return
        self._mp.audio_set_volume(self._volume)
        # Pre-rolling to show the first picture must not make a sound.
        self._mp.audio_set_mute(self._muted or bool(self._preroll))

    # ------------------------------------------------------------------------- commands

    def play(self) -> None:
        """Start or resume playback (from the start again after the end)."""
        if not self._loaded or self._closed or self._state == PlayerState.PLAYING:
            return
        if self._preroll:
            if self._clock.pos != self._preroll_target:
                self._mp.set_time(self._clock.pos)
                self._seek_t = time.monotonic()
            self._preroll = ""
            self._apply_audio()
            self._mp.set_pause(0)
        elif self._state in (PlayerState.ENDED, PlayerState.STOPPED):
            at_end = self._clock.pos >= self._clock.duration
            start = 0 if self._state == PlayerState.ENDED and at_end else self._clock.pos
            self._begin(start, preroll=False)
        else:
            self._mp.set_pause(0)
        self._await_frame = self._has_video
        self._set_state(PlayerState.PLAYING)
        if not self._has_video:
            self._start_clock(self._clock.pos, time.monotonic())

    def pause(self) -> None:
        """Pause playback, keeping the picture."""
        if self._state != PlayerState.PLAYING:
            return
        self._stop_clock()
        self._mp.set_pause(1)
        self._set_state(PlayerState.PAUSED)
        self.position_changed.emit(self._clock.pos)

    def stop(self) -> None:
        """Stop playback and go back to the start (the next play() starts afresh)."""
        if not self._loaded or self._closed:
            return
        self._stop_clock()
        self._range = None
        self._preroll = ""
        self._stop_vlc()
        self._seek_t = time.monotonic()
        self._set_position(0)
        self._set_state(PlayerState.STOPPED)

    def toggle(self) -> None:
        """Pause when playing, else play."""
        if self._state == PlayerState.PLAYING:
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        """Jump to ``ms`` (clamped to the video); the picture follows, paused or playing."""
        if not self._loaded or self._closed:
            return
        ms = self._clock.clamp(int(ms))
        if self._preroll:
            pass  # the pre-roll goes on to self._clock.pos when it ends (_finish_preroll)
        elif not self._has_video and self._state != PlayerState.PLAYING:
            # Nothing to show: play() starts afresh from self._clock.pos.
            self._stop_clock()
            self._stop_vlc()
            self._set_state(PlayerState.STOPPED)
        elif self._state in (PlayerState.STOPPED, PlayerState.ENDED):
            self._stop_clock()
            self._begin(ms, preroll=True)
        elif self._state == PlayerState.PAUSED:
            self._preroll_seek(ms)
        else:
            self._mp.set_time(ms)
            self._seek_t = time.monotonic()
            if self._state == PlayerState.PLAYING and self._has_video:
                # Hold the position until the first picture after the seek is shown.
                self._clock.running = False
                self._await_frame = True
            elif self._state == PlayerState.PLAYING:
                self._start_clock(ms, self._seek_t)
        self._clock.pos = ms
        self.position_changed.emit(ms)

    def play_range(self, start_ms: int, end_ms: int, loop: bool = False) -> None:
        """Play from ``start_ms`` and pause at ``end_ms`` (or jump back to start with ``loop``)."""
        if not self._loaded or self._closed or end_ms <= start_ms:
            return
        self._range = (int(start_ms), int(end_ms), loop)
        self.seek(start_ms)
        self.play()

    def stop_range(self) -> None:
        """Forget the range set by play_range; playback goes on normally."""
        self._range = None
        self._range_timer.stop()

    def set_rate(self, rate: float) -> None:
        """Set the playback speed, clamped to 0.5-2.0 (pitch is kept by libvlc)."""
        rate = min(MAX_RATE, max(MIN_RATE, float(rate)))
        changed = rate != self._clock.rate
        self._clock.set_rate(rate, time.monotonic())
        if self._mp is not None:
            self._mp.set_rate(rate)
        if changed:
            self.rate_changed.emit(rate)

    def rate(self) -> float:
        """Return the playback speed."""
        return self._clock.rate

    def set_volume(self, volume: int) -> None:
        """Set the volume, 0-100."""
        volume = min(100, max(0, int(volume)))
        changed = volume != self._volume
        self._volume = volume
        self._apply_audio()
        if changed:
            self.volume_changed.emit(volume)

    def volume(self) -> int:
        """Return the volume, 0-100."""
        return self._volume

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute the sound."""
        changed = bool(muted) != self._muted
        self._muted = bool(muted)
        self._apply_audio()
        if changed:
            self.muted_changed.emit(self._muted)

    def is_muted(self) -> bool:
        """Return True when the sound is muted."""
        return self._muted

    # --------------------------------------------------------------------------- queries

    def position(self) -> int:
        """Return the current position in milliseconds (interpolated to this instant)."""
        return self._clock.position(time.monotonic())

    def duration(self) -> int:
        """Return the video's duration in milliseconds (0 when unknown)."""
        return self._clock.duration

    def state(self) -> PlayerState:
        """Return what the player is doing."""
        return self._state

    def is_playing(self) -> bool:
        """Return True while the video plays."""
        return self._state == PlayerState.PLAYING

    def has_video(self) -> bool:
        """Return True when the loaded file has a picture (False for audio only)."""
        return self._has_video

    def frame_ms(self) -> int:
        """Return the duration of one video frame, rounded to whole milliseconds."""
        return max(1, round(self._frame_ms))

    def path(self) -> Path | None:
        """Return the path of the loaded video."""
        return self._path

    def current_frame(self) -> QImage | None:
        """Return the latest picture (None before the first one)."""
        return self._frame

    def frame_shown_at(self) -> float:
        """Return the ``time.monotonic()`` at which libvlc showed the latest picture."""
        return self._frame_shown_at
