"""The timeline under the video: waveform, speech, cues, shot changes and the playhead.

:class:`Timeline` draws what the audio analysis found (the peak envelope as a waveform, speech
shaded, shot changes as marks) above the cue blocks with their text, and the playhead. It
paints only what is visible: cues are found by bisecting a start-sorted index with the running
maximum of their ends, and the waveform is read from a max-pooled pyramid of the envelope at
the level that matches the zoom, so a frame costs the same with 30 cues or 3,000 and with a
minute or an hour of sound.

A click on the sound seeks there; a click on a cue selects it; dragging a cue's start or end,
or the whole cue, previews the change without touching the document and makes it one undo step
on release (``core/timing.drag``: edges snap to speech, shot changes and the neighbours, the
cue stops the profile's minimum gap from its neighbour; Shift or Alt turns snapping off, Ctrl
pushes the neighbour). Every mouse action has keys, as actions of the widget (``actions()``),
which ``install`` registers in the window's menus.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QWidget

from captionreview.core.document import Document
from captionreview.core.timecode import clock_parts
from captionreview.core.timing import (
    Part,
    TimingEdit,
    TimingRefused,
    apply_edit,
    drag,
    nudge,
    snap_points,
)
from captionreview.core.vtt.cuetext import plain_text
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.plaintext import plain_tip

if TYPE_CHECKING:
    from captionreview.core.model import Cue

RULER_PX = 18
CUE_LANE_PX = 42
EDGE_GRAB_PX = 5
DRAG_START_PX = 3
SNAP_PX = 8
MIN_MS_PER_PX = 0.5
DEFAULT_MS_PER_PX = 15.0
ZOOM_STEP = 1.5
# The waveform is drawn in tiles of this many columns, and this many are kept for scrolling.
TILE_PX = 256
MAX_TILES = 24
FOLLOW_MARGIN = 0.1  # the playhead turns the page at 90 % of the width, and lands at 10 %
FINE_NUDGE_MS = 10
# Tick spacings for the ruler; the first that leaves room for a label is used.
TICK_STEPS_MS = (
    10,
    20,
    50,
    100,
    200,
    500,
    1000,
    2000,
    5000,
    10_000,
    15_000,
    30_000,
    60_000,
    120_000,
    300_000,
    600_000,
    1_800_000,
)
LABEL_MIN_PX = 70

SPEECH_COLOUR = QColor(70, 140, 90, 70)
WAVE_COLOUR = QColor(80, 150, 220)
SHOT_COLOUR = QColor(230, 170, 40)
PLAYHEAD_COLOUR = QColor(230, 40, 40)
CUE_COLOUR = QColor(60, 90, 150)
CUE_SELECTED_COLOUR = QColor(40, 120, 220)
CUE_PREVIEW_COLOUR = QColor(220, 140, 30)
CUE_TEXT_COLOUR = QColor(255, 255, 255)


class Analysis(Protocol):
    """What the timeline draws of an audio analysis (``core.audio.analysis.AudioAnalysis``)."""

    @property
    def duration_ms(self) -> int:
        """Length of the sound."""

    @property
    def step_ms(self) -> int:
        """Milliseconds per envelope value."""

    @property
    def envelope(self) -> bytes:
        """Peak per step, 0..255."""

    @property
    def speech(self) -> Sequence[tuple[int, int]]:
        """Speech segments in time order."""

    @property
    def shots(self) -> Sequence[int]:
        """Shot changes in time order."""


def envelope_pyramid(envelope: bytes) -> list[bytes]:
    """Return ``[envelope, max-pooled by 2, by 4, …]`` down to one value (linear in total)."""
    levels = [bytes(envelope)]
    while len(levels[-1]) > 1:
        level = levels[-1]
        if len(level) % 2:
            level += level[-1:]
        levels.append(bytes(map(max, level[::2], level[1::2])))
    return levels


def column_peaks(
    levels: Sequence[bytes], step_ms: int, origin_ms: float, ms_per_px: float, width: int
) -> list[int]:
    """Return the peak (0..255) under each of ``width`` pixel columns from ``origin_ms``.

    Reads the pyramid level whose step is the largest not above ``ms_per_px``, so each column
    looks at two or three values whatever the zoom.
    """
    level = 0
    while level + 1 < len(levels) and step_ms * 2 ** (level + 1) <= ms_per_px:
        level += 1
    data = levels[level]
    step = step_ms * 2**level
    count = len(data)
    peaks = []
    for x in range(width):
        a = int((origin_ms + x * ms_per_px) // step)
        if a >= count:
            peaks.extend([0] * (width - x))
            break
        b = max(a + 1, int((origin_ms + (x + 1) * ms_per_px) // step))
        peaks.append(max(data[max(0, a) : b]) if b > 0 else 0)
    return peaks


@dataclass(slots=True)
class _Drag:
    """A mouse gesture in progress: scrubbing the playhead, or a cue's edge or body."""

    kind: str  # "scrub" or "cue"
    press_x: float
    index: int = -1
    part: Part = "move"
    snaps: Sequence[int] = ()
    moved: bool = False
    edit: TimingEdit | None = None


class _CueIndex:
    """Cues ordered by start, with the running maximum of their ends, for range look-ups."""

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.spans = [(cue.start_ms, cue.end_ms) for cue in cues]
        self.order = sorted(range(len(cues)), key=lambda i: cues[i].start_ms)
        self.starts = [cues[i].start_ms for i in self.order]
        self.running_ends: list[int] = []
        top = -1
        for i in self.order:
            top = max(top, cues[i].end_ms)
            self.running_ends.append(top)

    def between(self, t0: float, t1: float) -> range:
        """Return the positions in ``order`` of cues that may show between ``t0`` and ``t1``."""
        return range(
            bisect.bisect_right(self.running_ends, t0), bisect.bisect_left(self.starts, t1)
        )


class Timeline(QWidget):
    """Waveform, speech, shot changes, cue blocks and playhead; see the module docstring.

    Signals: ``seek_requested(int ms)`` for a click on the sound; ``cue_chosen(int index)``
    when the user picks a cue; ``message(str)`` for the status bar.
    """

    seek_requested = Signal(int)
    cue_chosen = Signal(int)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(
            self.tr(
                "Waveform with speech shaded, cue blocks and the playhead. Left and Right "
                "select cues; Shift or Ctrl with them move the start or end by 10 ms."
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._scroll = QScrollBar(Qt.Orientation.Horizontal, self)
        self._scroll.setAccessibleName(self.tr("Timeline position"))
        self._scroll.valueChanged.connect(self._on_scrolled)
        self._doc: Document | None = None
        self._events = DocumentEvents(self)
        self._events.changed.connect(self._on_cues_edited)
        for signal in (self._events.inserted, self._events.removed):
            signal.connect(self._on_cues_changed)
        self._events.reset.connect(self._on_cues_changed)
        self._index: _CueIndex | None = None
        self._analysis: Analysis | None = None
        self._levels: list[bytes] = []
        self._speech_starts: list[int] = []
        self._speech_ends: list[int] = []
        self._notice = ""
        # Waveform tiles by number at the zoom and height in _tile_key, least recently used first.
        self._tiles: dict[int, QImage] = {}
        self._tile_key: tuple[float, int] = (0.0, 0)
        self._gap_ms = 80
        self._duration = 0
        self._origin = 0.0
        self._ms_per_px = DEFAULT_MS_PER_PX
        self._position = 0
        self._selected: int | None = None
        self._drag: _Drag | None = None
        self.following = True
        self._setting_scroll = False
        self._actions: dict[str, QAction] = {}
        self._build_actions()
        self.setMinimumHeight(RULER_PX + CUE_LANE_PX + 50 + self._scroll.sizeHint().height())

    # ------------------------------------------------------------------ feeding it

    def set_document(self, doc: Document | None) -> None:
        """Show the cues of ``doc`` (None: none) and follow its edits."""
        self._events.set_document(doc)
        self._doc = doc
        self._index = None
        self._drag = None
        self._selected = None
        self._update_scroll()
        self.update()

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Draw ``analysis`` (waveform, speech, shot changes); None clears them."""
        self._analysis = analysis
        self._levels = envelope_pyramid(analysis.envelope) if analysis is not None else []
        self._tiles.clear()
        speech = analysis.speech if analysis is not None else ()
        # Segments are sorted and apart, so their ends are their own running maximum.
        self._speech_starts = [start for start, _end in speech]
        self._speech_ends = [end for _start, end in speech]
        self._update_scroll()
        self.update()

    def set_notice(self, text: str) -> None:
        """Say ``text`` where the waveform goes while there is none ("" says nothing)."""
        self._notice = text
        self.setToolTip(plain_tip(text))
        self.update()

    def notice(self) -> str:
        """Return what the waveform area says while there is no waveform."""
        return self._notice

    def analysis(self) -> Analysis | None:
        """Return the analysis drawn, or None."""
        return self._analysis

    def set_min_gap(self, gap_ms: int) -> None:
        """Keep dragged cues ``gap_ms`` from their neighbours (the profile's minimum gap)."""
        self._gap_ms = gap_ms

    def set_duration(self, ms: int) -> None:
        """The video's length (the timeline also reaches the last cue and the sound's end)."""
        self._duration = max(0, ms)
        self._update_scroll()
        self.update()

    def set_position(self, ms: int) -> None:
        """Move the playhead; while following, turn the page when it nears the edge."""
        if ms == self._position:
            return
        self._position = ms
        if self.following and self._drag is None:
            span = self.visible_span()
            if not self._origin <= ms <= self._origin + span * (1 - FOLLOW_MARGIN):
                self._set_origin(ms - span * FOLLOW_MARGIN)
        self.update()

    def set_selected(self, index: int | None) -> None:
        """Highlight cue ``index`` (the cue list's selection) and bring it into view."""
        if index == self._selected:
            return
        self._selected = index
        cue = self._cue(index)
        if cue is not None:
            span = self.visible_span()
            if cue.end_ms < self._origin or cue.start_ms > self._origin + span:
                self._set_origin(cue.start_ms - span * FOLLOW_MARGIN)
        self.update()

    def selected(self) -> int | None:
        """Return the highlighted cue's index."""
        return self._selected

    # ------------------------------------------------------------------ geometry

    def total_ms(self) -> int:
        """Return the length the timeline spans: video, sound and cues, whichever is longest."""
        total = self._duration
        if self._analysis is not None:
            total = max(total, self._analysis.duration_ms)
        index = self._cue_index()
        if index is not None and index.running_ends:
            total = max(total, index.running_ends[-1])
        return total

    def canvas_height(self) -> int:
        """Return the height above the scroll bar."""
        return self.height() - self._scroll.height()

    def visible_span(self) -> float:
        """Return how many milliseconds the width shows."""
        return max(1, self.width()) * self._ms_per_px

    def visible_range(self) -> tuple[float, float]:
        """Return the first and last millisecond shown."""
        return self._origin, self._origin + self.visible_span()

    def ms_per_px(self) -> float:
        """Return the zoom: milliseconds per pixel."""
        return self._ms_per_px

    def x_of(self, ms: float) -> float:
        """Return the x coordinate of ``ms``."""
        return (ms - self._origin) / self._ms_per_px

    def ms_at(self, x: float) -> int:
        """Return the time under x coordinate ``x``."""
        return max(0, round(self._origin + x * self._ms_per_px))

    def _lane(self) -> QRectF:
        bottom = self.canvas_height()
        return QRectF(0, bottom - CUE_LANE_PX, self.width(), CUE_LANE_PX)

    def sizeHint(self) -> QSize:
        """A strip as wide as the video and about 150 px high."""
        return QSize(800, 150)

    # ------------------------------------------------------------------ zoom and scroll

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by ``factor`` (>1 shows more time) keeping the time under ``anchor_x`` still."""
        anchor_x = self.width() / 2 if anchor_x is None else anchor_x
        anchor_ms = self._origin + anchor_x * self._ms_per_px
        widest = max(DEFAULT_MS_PER_PX, self.total_ms() / max(1, self.width()))
        self._ms_per_px = min(max(self._ms_per_px * factor, MIN_MS_PER_PX), widest)
        self._update_scroll()
        self._set_origin(anchor_ms - anchor_x * self._ms_per_px)
        self.update()

    def zoom_in(self) -> None:
        """Show less time, in more detail (around the playhead when it is in view)."""
        self.zoom(1 / ZOOM_STEP, self._playhead_anchor())

    def zoom_out(self) -> None:
        """Show more time."""
        self.zoom(ZOOM_STEP, self._playhead_anchor())

    def zoom_to_fit(self) -> None:
        """Show the whole video."""
        self._ms_per_px = max(MIN_MS_PER_PX, self.total_ms() / max(1, self.width()))
        self._update_scroll()
        self._set_origin(0)
        self.update()

    def _playhead_anchor(self) -> float | None:
        x = self.x_of(self._position)
        return x if 0 <= x <= self.width() else None

    def scroll_to(self, ms: float) -> None:
        """Show the timeline from ``ms`` on."""
        self._set_origin(ms)

    def _set_origin(self, ms: float) -> None:
        limit = max(0.0, self.total_ms() - self.visible_span())
        origin = min(max(0.0, ms), limit)
        if origin != self._origin:
            self._origin = origin
            self.update()
        self._setting_scroll = True
        self._scroll.setValue(round(origin))
        self._setting_scroll = False

    def _update_scroll(self) -> None:
        span = self.visible_span()
        self._setting_scroll = True
        self._scroll.setRange(0, max(0, round(self.total_ms() - span)))
        self._scroll.setPageStep(max(1, round(span)))
        self._scroll.setSingleStep(max(1, round(span / 10)))
        self._setting_scroll = False

    def _on_scrolled(self, value: int) -> None:
        if not self._setting_scroll:
            self._origin = float(value)
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the scroll bar along the bottom."""
        height = self._scroll.sizeHint().height()
        self._scroll.setGeometry(0, self.height() - height, self.width(), height)
        self._update_scroll()
        super().resizeEvent(event)

    # ------------------------------------------------------------------ the document

    def _on_cues_changed(self, *_span: int) -> None:
        # Rebuilt lazily at the next paint, so a burst of events costs one rebuild.
        self._index = None
        self.update()

    def _on_cues_edited(self, start: int, stop: int) -> None:
        """Cues were replaced: the index goes only when a time moved, so typing in a cue of
        a 30,000-cue file does not sort them all again at every keystroke."""
        index, doc = self._index, self._doc
        if index is not None and doc is not None:
            cues = doc.cues
            if any(
                i >= len(index.spans) or index.spans[i] != (cues[i].start_ms, cues[i].end_ms)
                for i in range(start, min(stop, len(cues)))
            ):
                self._index = None
            else:
                # Only a text changed: repaint just those blocks in the cue lane. A whole
                # update() redrew the waveform, ruler and the scroll bar (a child) at every
                # keystroke, which cost more than the rest of the keystroke together.
                blocks = self._blocks_rect(
                    index.spans[i] for i in range(start, min(stop, len(cues)))
                )
                if not blocks.isEmpty():
                    self.update(blocks)
                return
        self.update()

    def _blocks_rect(self, spans: Iterable[tuple[int, int]]) -> QRect:
        """Return the part of the cue lane that the blocks of ``spans`` cover (empty: none in
        view), with room for the selection frame."""
        lane = self._lane()
        t0, t1 = self.visible_range()
        shown = [(s, e) for s, e in spans if e > t0 and s < t1]
        if not shown:
            return QRect()
        x0 = self.x_of(min(s for s, _e in shown))
        x1 = self.x_of(max(e for _s, e in shown))
        # Blocks are at least 4 px wide (chosen cues) and framed by a 2 px pen.
        rect = QRectF(x0 - 4, lane.top(), max(x1 - x0, 4.0) + 8, lane.height())
        return rect.toAlignedRect().intersected(self.rect())

    def _cue_index(self) -> _CueIndex | None:
        if self._doc is None:
            return None
        if self._index is None:
            self._index = _CueIndex(self._doc.cues)
        return self._index

    def _cue(self, index: int | None) -> Cue | None:
        doc = self._doc
        if doc is None or index is None or not 0 <= index < len(doc):
            return None
        return doc.cues[index]

    def visible_cues(self) -> list[int]:
        """Return the indices of the cues in view, in start order."""
        index = self._cue_index()
        if index is None or self._doc is None:
            return []
        t0, t1 = self.visible_range()
        cues = self._doc.cues
        return [index.order[k] for k in index.between(t0, t1) if cues[index.order[k]].end_ms > t0]

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw ruler, speech, waveform, shot changes, cues and playhead for the visible range."""
        height = self.canvas_height()
        if event.rect().top() >= height:
            return  # only the strip under the scroll bar, which paints itself
        painter = QPainter(self)
        palette = self.palette()
        width = self.width()
        painter.fillRect(0, 0, width, height, palette.color(QPalette.ColorRole.Base))
        lane = self._lane()
        wave = QRectF(0, RULER_PX, width, lane.top() - RULER_PX)
        # A repaint of cue blocks only (typing in a cue) leaves the sound and the ruler be.
        if event.rect().top() < lane.top():
            self._paint_speech(painter, wave)
            self._paint_wave(painter, wave, width)
            if self._analysis is None and self._notice:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(
                    wave.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignCenter, self._notice
                )
            self._paint_ruler(painter, width, palette)
        self._paint_shots(painter, height)
        self._paint_cues(painter, lane, palette)
        x = self.x_of(self._position)
        if 0 <= x <= width:
            painter.setPen(QPen(PLAYHEAD_COLOUR, 2))
            painter.drawLine(QPointF(x, 0), QPointF(x, height))
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(1, 1, width - 2, height - 2))
        painter.end()

    def _paint_ruler(self, painter: QPainter, width: int, palette: QPalette) -> None:
        step = next(
            (s for s in TICK_STEPS_MS if s / self._ms_per_px >= LABEL_MIN_PX), TICK_STEPS_MS[-1]
        )
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        t0, t1 = self.visible_range()
        tick = int(t0 // step) * step
        metrics = painter.fontMetrics()
        while tick <= t1:
            x = self.x_of(tick)
            painter.drawLine(QPointF(x, 0), QPointF(x, RULER_PX - 4))
            painter.drawText(QPointF(x + 3, metrics.ascent()), _ruler_label(tick, step))
            tick += step
        painter.drawLine(QPointF(0, RULER_PX - 1), QPointF(width, RULER_PX - 1))

    def _paint_speech(self, painter: QPainter, wave: QRectF) -> None:
        if self._analysis is None:
            return
        for x0, x1 in self._runs(self._speech_starts, self._speech_ends):
            painter.fillRect(QRectF(x0, wave.top(), x1 - x0, wave.height()), SPEECH_COLOUR)

    def _runs(
        self, starts: Sequence[int], running_ends: Sequence[int]
    ) -> list[tuple[float, float]]:
        """Return the x ranges covered by the spans whose sorted starts and running maximum of
        ends are given: one per span in view, or, when they outnumber the pixels, one per run
        of covered pixel columns (so a whole hour costs the width, not the span count)."""
        t0, t1 = self.visible_range()
        first = bisect.bisect_right(running_ends, t0)
        last = bisect.bisect_left(starts, t1)
        width = self.width()
        mpp = self._ms_per_px
        if last - first <= width // 8:
            return [
                (self.x_of(starts[k]), self.x_of(max(running_ends[k], starts[k] + mpp)))
                for k in range(first, last)
            ]
        runs: list[tuple[float, float]] = []
        run_start: int | None = None
        count = len(starts)
        for x in range(width + 1):
            t = t0 + x * mpp
            k = bisect.bisect_right(running_ends, t)
            covered = x < width and k < count and starts[k] < t + mpp
            if covered and run_start is None:
                run_start = x
            elif not covered and run_start is not None:
                runs.append((float(run_start), float(x)))
                run_start = None
        return runs

    def _paint_wave(self, painter: QPainter, wave: QRectF, width: int) -> None:
        """Draw the waveform from cached tiles: scrolling reuses them, only new ones are drawn."""
        if self._analysis is None or not self._levels:
            return
        height = max(1, int(wave.height()))
        key = (self._ms_per_px, height)
        if key != self._tile_key:
            self._tiles.clear()
            self._tile_key = key
        first = int(self._origin / self._ms_per_px) // TILE_PX
        last = int((self._origin + width * self._ms_per_px) / self._ms_per_px) // TILE_PX
        for tile in range(first, last + 1):
            image = self._tiles.pop(tile, None) or self._wave_tile(tile, height)
            self._tiles[tile] = image  # most recently used last
            x = tile * TILE_PX - self._origin / self._ms_per_px
            painter.drawImage(QPointF(x, wave.top()), image)
        while len(self._tiles) > MAX_TILES:
            del self._tiles[next(iter(self._tiles))]

    def _wave_tile(self, tile: int, height: int) -> QImage:
        """Return the waveform of tile number ``tile`` (TILE_PX columns) at the current zoom."""
        analysis = self._analysis
        assert analysis is not None
        image = QImage(TILE_PX, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        peaks = column_peaks(
            self._levels,
            analysis.step_ms,
            tile * TILE_PX * self._ms_per_px,
            self._ms_per_px,
            TILE_PX,
        )
        middle = height / 2
        scale = (height / 2 - 1) / 255
        top = [QPointF(x, middle - p * scale) for x, p in enumerate(peaks)]
        # The last point closes the tile exactly at its edge, so neighbouring tiles join.
        top.append(QPointF(TILE_PX, middle - peaks[-1] * scale))
        bottom = [QPointF(pt.x(), 2 * middle - pt.y()) for pt in reversed(top)]
        painter = QPainter(image)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WAVE_COLOUR)
        painter.drawPolygon(QPolygonF(top + bottom))
        painter.end()
        return image

    def _paint_shots(self, painter: QPainter, height: int) -> None:
        analysis = self._analysis
        if analysis is None:
            return
        t0, t1 = self.visible_range()
        shots = analysis.shots
        painter.setPen(QPen(SHOT_COLOUR, 1, Qt.PenStyle.DashLine))
        for k in range(bisect.bisect_left(shots, t0), bisect.bisect_right(shots, t1)):
            x = self.x_of(shots[k])
            painter.drawLine(QPointF(x, RULER_PX), QPointF(x, height))

    def _paint_cues(self, painter: QPainter, lane: QRectF, palette: QPalette) -> None:
        doc = self._doc
        index = self._cue_index()
        if doc is None or index is None:
            return
        preview = self._drag.edit.times if self._drag and self._drag.edit else {}
        top, height = lane.top() + 2, lane.height() - 4
        visible = index.between(*self.visible_range())
        if len(visible) > self.width() // 8:
            # Zoomed far out: blocks of covered pixels, then the selected and dragged cues.
            for x0, x1 in self._runs(index.starts, index.running_ends):
                painter.fillRect(QRectF(x0, top, x1 - x0, height), CUE_COLOUR)
            chosen = {
                i for i in (self._selected, *preview) if i is not None and self._cue(i) is not None
            }
        else:
            chosen = {index.order[k] for k in visible}
        cues = doc.cues
        metrics = painter.fontMetrics()
        for i in sorted(chosen, key=lambda i: (i == self._selected, i in preview)):
            cue = cues[i]
            start, end = preview.get(i, (cue.start_ms, cue.end_ms))
            x0, x1 = self.x_of(start), self.x_of(end)
            if x1 < 0 or x0 > self.width():
                continue
            if i in preview:
                colour = CUE_PREVIEW_COLOUR
            elif i == self._selected:
                colour = CUE_SELECTED_COLOUR
            else:
                colour = CUE_COLOUR
            # The chosen and dragged cues stay visible however far out the zoom is.
            least = 1.0 if colour is CUE_COLOUR else 4.0
            block = QRectF(x0, top, max(least, x1 - x0), height)
            painter.fillRect(block, colour)
            if i == self._selected:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(block)
            if block.width() > 24:
                text = plain_text(cue.text).replace("\n", " ")
                label = metrics.elidedText(
                    f"{i + 1}  {text}", Qt.TextElideMode.ElideRight, int(block.width()) - 8
                )
                painter.setPen(CUE_TEXT_COLOUR)
                painter.drawText(
                    block.adjusted(4, 0, -4, 0),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    label,
                )

    # ------------------------------------------------------------------ the mouse

    def cue_at(self, x: float, y: float) -> tuple[int, Part] | None:
        """Return the cue under (x, y) in the cue lane and the part grabbed there."""
        if not self._lane().contains(QPointF(x, y)) or self._doc is None:
            return None
        cues = self._doc.cues
        found: tuple[int, Part] | None = None
        for index in self.visible_cues():
            cue = cues[index]
            x0, x1 = self.x_of(cue.start_ms), self.x_of(cue.end_ms)
            if abs(x - x0) <= EDGE_GRAB_PX and x1 - x0 > 2 * EDGE_GRAB_PX:
                found = (index, "start")
            elif abs(x - x1) <= EDGE_GRAB_PX:
                found = (index, "end")
            elif x0 <= x <= x1 and found is None:
                found = (index, "move")
        return found

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Pick a cue (and its edge) in the cue lane, or seek where the sound was clicked."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        x, y = event.position().x(), event.position().y()
        if y >= self.canvas_height():
            return
        hit = self.cue_at(x, y)
        if hit is None:
            self._drag = _Drag("scrub", x)
            self.seek_requested.emit(self.ms_at(x))
            return
        index, part = hit
        self.cue_chosen.emit(index)
        self._selected = index
        doc = self._doc
        assert doc is not None
        analysis = self._analysis
        extra: list[int] = []
        if analysis is not None:
            extra = [edge for segment in analysis.speech for edge in segment]
            extra.extend(analysis.shots)
        self._drag = _Drag("cue", x, index, part, snap_points(doc.cues, index, self._gap_ms, extra))
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Scrub, or preview the dragged cue; otherwise show what a press would grab."""
        x = event.position().x()
        drag_state = self._drag
        if drag_state is None:
            hit = self.cue_at(x, event.position().y())
            shape = Qt.CursorShape.ArrowCursor
            if hit is not None:
                shape = (
                    Qt.CursorShape.SizeHorCursor
                    if hit[1] != "move"
                    else Qt.CursorShape.OpenHandCursor
                )
            self.setCursor(shape)
            return
        if drag_state.kind == "scrub":
            self.seek_requested.emit(self.ms_at(x))
            return
        if not drag_state.moved and abs(x - drag_state.press_x) < DRAG_START_PX:
            return
        drag_state.moved = True
        modifiers = event.modifiers()
        free = bool(
            modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier)
        )
        push = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        assert self._doc is not None
        drag_state.edit = drag(
            self._doc.cues,
            drag_state.index,
            drag_state.part,
            round((x - drag_state.press_x) * self._ms_per_px),
            self._gap_ms,
            snaps=drag_state.snaps,
            snap_ms=0 if free else round(SNAP_PX * self._ms_per_px),
            push=push,
        )
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """End the gesture: a cue drag becomes one undo step."""
        drag_state, self._drag = self._drag, None
        if drag_state is None or drag_state.kind != "cue" or drag_state.edit is None:
            self.update()
            return
        if drag_state.edit and self._doc is not None:
            description = {
                "start": self.tr("Drag cue start"),
                "end": self.tr("Drag cue end"),
                "move": self.tr("Move cue"),
            }[drag_state.part]
            apply_edit(self._doc, drag_state.edit, description)
            if len(drag_state.edit.times) > 1:
                self.message.emit(
                    self.tr("Moved cue %1 and pushed its neighbour").replace(
                        "%1", str(drag_state.index + 1)
                    )
                )
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms around the pointer; the wheel alone scrolls."""
        steps = event.angleDelta().y() / 120 or event.angleDelta().x() / 120
        if not steps:
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP ** (-steps), event.position().x())
        else:
            self._set_origin(self._origin - steps * self.visible_span() / 10)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Show the focus frame."""
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Hide the focus frame."""
        self.update()
        super().focusOutEvent(event)

    # ------------------------------------------------------------------ the keys

    def _build_actions(self) -> None:
        specs: tuple[tuple[str, str, tuple[str, ...], Callable[[], None]], ...] = (
            (
                "timeline_previous_cue",
                self.tr("Timeline: previous cue"),
                ("Left",),
                self.previous_cue,
            ),
            ("timeline_next_cue", self.tr("Timeline: next cue"), ("Right",), self.next_cue),
            (
                "timeline_start_earlier",
                self.tr("Timeline: start 10 ms earlier"),
                ("Shift+Left",),
                lambda: self.nudge_selected(-FINE_NUDGE_MS, 0),
            ),
            (
                "timeline_start_later",
                self.tr("Timeline: start 10 ms later"),
                ("Shift+Right",),
                lambda: self.nudge_selected(FINE_NUDGE_MS, 0),
            ),
            (
                "timeline_end_earlier",
                self.tr("Timeline: end 10 ms earlier"),
                ("Ctrl+Left",),
                lambda: self.nudge_selected(0, -FINE_NUDGE_MS),
            ),
            (
                "timeline_end_later",
                self.tr("Timeline: end 10 ms later"),
                ("Ctrl+Right",),
                lambda: self.nudge_selected(0, FINE_NUDGE_MS),
            ),
            ("timeline_zoom_in", self.tr("Timeline: zoom in"), ("+", "="), self.zoom_in),
            ("timeline_zoom_out", self.tr("Timeline: zoom out"), ("-",), self.zoom_out),
            ("timeline_zoom_fit", self.tr("Timeline: whole video"), ("0",), self.zoom_to_fit),
        )
        for name, text, keys, slot in specs:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            # These keys mean something else in the cue list and the text: only here.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setStatusTip(self.tr("Works while the timeline has the keyboard focus"))
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
            self._actions[name] = action

    def timeline_actions(self) -> list[QAction]:
        """Return the timeline's keyboard actions, for the window's menus and shortcut list."""
        return list(self._actions.values())

    def previous_cue(self) -> None:
        """Choose the cue before the highlighted one (or the one at the playhead)."""
        self._step(-1)

    def next_cue(self) -> None:
        """Choose the cue after the highlighted one (or the one at the playhead)."""
        self._step(1)

    def _step(self, delta: int) -> None:
        doc = self._doc
        if doc is None or len(doc) == 0:
            return
        if self._selected is None:
            after = doc.index_at_or_after(self._position)
            target = after if after is not None else len(doc) - 1
        else:
            target = min(max(self._selected + delta, 0), len(doc) - 1)
        self.set_selected(target)
        self.cue_chosen.emit(target)

    def nudge_selected(self, start_delta: int, end_delta: int) -> None:
        """Move the highlighted cue's start or end (never into a neighbour); one undo step."""
        doc = self._doc
        if doc is None or self._selected is None or not 0 <= self._selected < len(doc):
            self.message.emit(self.tr("Select a cue first"))
            return
        try:
            edit = nudge(doc.cues, self._selected, start_delta, end_delta, self._gap_ms)
        except TimingRefused as exc:
            self.message.emit(str(exc))
            return
        apply_edit(doc, edit, self.tr("Change times"))
        if edit.note:
            self.message.emit(edit.note)


def _ruler_label(ms: int, step: int) -> str:
    """Return ``m:ss`` (``h:mm:ss`` past an hour), with tenths or hundredths for fine ticks."""
    hours, minutes, seconds, millis = clock_parts(ms)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    if step < 100:
        text += f".{millis // 10:02d}"
    elif step < 1000:
        text += f".{millis // 100}"
    return text
