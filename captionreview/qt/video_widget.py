"""The video picture with the captions drawn over it, exactly as the document is edited.

A plain ``QWidget`` paints the player's latest frame (aspect ratio kept, letterboxed) and then
the cues showing at the player's position, laid out from their WebVTT settings (line,
position, size, align) closely enough to judge placement. Looking up the cues costs O(log n)
per tick (``Document.active_indices``) and an edit repaints at once, before saving.
Not rendered: vertical cues (drawn horizontally), REGION placement and ::cue styles.
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

from captionreview.core.vtt.cuetext import plain_text, tag_spans
from captionreview.core.vtt.reader import CueSettings, parse_cue_settings
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.i18n import QT_TRANSLATE_NOOP
from captionreview.qt.player import TICK_MS, Player

if TYPE_CHECKING:
    from captionreview.core.document import Document
    from captionreview.core.model import Cue

PLACEHOLDER = QT_TRANSLATE_NOOP(
    "VideoWidget",
    "No video loaded. Open a video with File ▸ Open; captions can be edited without one.",
)
SOUND_ONLY = QT_TRANSLATE_NOOP(
    "VideoWidget", "This file has sound but no picture; the captions are shown over this area."
)
BACKING = QColor(0, 0, 0, 190)
# Cue text a viewer sees: keep <i> <b> <u>, drop every other tag (<v>, <c>, <lang>, timestamps).
_TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z]*)")
_KEPT_TAGS = frozenset({"i", "b", "u"})
_CACHE_SIZE = 64


@lru_cache(maxsize=256)
def _settings(text: str) -> CueSettings:
    return parse_cue_settings(text)


def cue_html(text: str) -> str:
    """Return a cue's payload as Qt rich text: italic, bold and underline kept, other tags
    dropped, character references decoded and re-escaped, line breaks kept."""
    parts: list[str] = []
    pos = 0
    for start, end in tag_spans(text):
        parts.append(html.escape(html.unescape(text[pos:start]), quote=False))
        match = _TAG_NAME_RE.match(text, start, end)
        assert match is not None  # every tag starts with "<"
        name = match.group(2).lower()
        if name in _KEPT_TAGS:
            parts.append(f"<{match.group(1)}{name}>")
        pos = end
    parts.append(html.escape(html.unescape(text[pos:]), quote=False))
    return "".join(parts).replace("\n", "<br>")


@dataclass(frozen=True, slots=True)
class CueBox:
    """Where one cue is drawn, in widget coordinates: its text block and line backings."""

    index: int
    rect: QRectF
    lines: tuple[QRectF, ...]
    document: QTextDocument


def _horizontal_box(settings: CueSettings) -> tuple[float, float, Qt.AlignmentFlag]:
    """Return (left %, width %, text alignment) for a cue, as the WebVTT rendering rules do."""
    align = settings.align
    position = settings.position
    if position is None:
        position = {"left": 0.0, "start": 0.0, "right": 100.0, "end": 100.0}.get(align, 50.0)
    anchor = settings.position_align
    if anchor == "auto":
        anchor = {"left": "line-left", "start": "line-left", "right": "line-right"}.get(
            align, "line-right" if align == "end" else "center"
        )
    if anchor == "line-left":
        room = 100.0 - position
    elif anchor == "line-right":
        room = position
    else:
        room = 2 * min(position, 100.0 - position)
    size = max(0.0, min(settings.size, room))
    left = {"line-left": position, "line-right": position - size}.get(anchor, position - size / 2)
    text_align = {
        "left": Qt.AlignmentFlag.AlignLeft,
        "start": Qt.AlignmentFlag.AlignLeft,
        "right": Qt.AlignmentFlag.AlignRight,
        "end": Qt.AlignmentFlag.AlignRight,
    }.get(align, Qt.AlignmentFlag.AlignHCenter)
    return left, size, text_align


class VideoWidget(QWidget):
    """Paints the player's picture and the document's captions over it.

    ``set_document`` follows a document's edits live, ``set_captions_visible`` hides the
    overlay, ``set_message`` shows a message instead of the picture ("libvlc missing: install
    VLC…"). Player errors and a missing libvlc are shown without being asked.
    """

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._document: Document | None = None
        self._events = DocumentEvents(self)
        for signal in (self._events.changed, self._events.inserted, self._events.removed):
            signal.connect(self._on_cues_changed)
        self._events.reset.connect(self._on_cues_changed)
        self._captions_visible = True
        self._message: str | None = None
        self._player_message: str | None = None if player.available else player.status_message
        self._shown: tuple[int, ...] = ()
        self._shown_cues: tuple[Cue, ...] = ()
        self._layout_cache: OrderedDict[tuple[str, str, int, int], QTextDocument] = OrderedDict()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.setAccessibleName(self.tr("Video"))
        # A precise single shot at the next cue boundary, so captions change on time instead of
        # up to one position tick late.
        self._boundary_timer = QTimer(self)
        self._boundary_timer.setSingleShot(True)
        self._boundary_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._boundary_timer.timeout.connect(self._refresh_now)
        player.frame_ready.connect(self.update)
        player.position_changed.connect(self._on_position)
        player.state_changed.connect(self._on_state)
        player.error.connect(self._on_player_error)

    # ------------------------------------------------------------------------ public API

    def sizeHint(self) -> QSize:
        """Return a 16:9 preferred size."""
        return QSize(640, 360)

    def set_document(self, document: Document | None) -> None:
        """Draw the captions of ``document`` (None: no captions), following its edits."""
        self._document = document
        self._events.set_document(document)
        self._refresh(self._player.position(), force=True)

    def document(self) -> Document | None:
        """Return the document whose captions are drawn."""
        return self._document

    def set_captions_visible(self, visible: bool) -> None:
        """Show or hide the caption overlay."""
        if visible != self._captions_visible:
            self._captions_visible = visible
            self.update()

    def set_message(self, message: str | None) -> None:
        """Show ``message`` where the picture would be (None: show the picture again)."""
        self._message = message
        self.update()

    def message(self) -> str | None:
        """Return the message shown instead of the picture, if any (yours or the player's)."""
        return self._message or self._player_message

    def displayed_cues(self) -> list[int]:
        """Return the indices of the cues the overlay shows now (even while hidden)."""
        return list(self._shown)

    def video_rect(self) -> QRectF:
        """Return the picture's rectangle in the widget (16:9 when there is no picture)."""
        frame = self._player.current_frame()
        aspect = frame.width() / frame.height() if frame is not None else 16 / 9
        width, height = float(self.width()), float(self.height())
        if width / max(height, 1.0) > aspect:
            fitted = QRectF(0, 0, height * aspect, height)
        else:
            fitted = QRectF(0, 0, width, width / aspect)
        fitted.moveCenter(QPointF(width / 2, height / 2))
        return fitted

    def caption_boxes(self) -> list[CueBox]:
        """Return where each shown cue is drawn (widget coordinates), bottom cue first."""
        document = self._document
        if document is None or not self._shown:
            return []
        area = self.video_rect()
        font = self._caption_font(area)
        line_height = QFontMetricsF(font).lineSpacing()
        boxes: list[CueBox] = []
        bottom = area.bottom() - line_height * 0.5
        for index, cue in zip(self._shown, self._shown_cues, strict=True):
            settings = _settings(cue.settings)
            left, size, text_align = _horizontal_box(settings)
            width = max(1.0, area.width() * size / 100)
            text_doc = self._text_document(cue.text, text_align, int(width), font)
            height = text_doc.size().height()
            if settings.line is None:
                top = bottom - height
                bottom = top  # the next auto-placed cue stacks above this one
            elif settings.snap_to_lines:
                line = settings.line
                top = (
                    area.top() + line * line_height
                    if line >= 0
                    else area.bottom() + (line + 1) * line_height - height
                )
            else:
                anchor = area.top() + area.height() * settings.line / 100
                shift = {"start": 0.0, "center": height / 2, "end": height}[settings.line_align]
                top = anchor - shift
            top = min(max(top, area.top()), area.bottom() - height)
            rect = QRectF(area.left() + area.width() * left / 100, top, width, height)
            boxes.append(CueBox(index, rect, self._line_rects(text_doc, rect), text_doc))
        return boxes

    # ------------------------------------------------------------------ following playback

    @Slot(int)
    def _on_position(self, ms: int) -> None:
        self._refresh(ms)

    @Slot()
    def _refresh_now(self) -> None:
        self._refresh(self._player.position())

    def _refresh(self, ms: int, *, force: bool = False) -> None:
        document = self._document
        shown = tuple(document.active_indices(ms)) if document is not None else ()
        cues = tuple(document.cues[i] for i in shown) if document is not None else ()
        if force or shown != self._shown or cues != self._shown_cues:
            self._shown, self._shown_cues = shown, cues
            self.setAccessibleDescription(" / ".join(plain_text(c.text) for c in cues))
            self.update()
        if document is not None and self._player.is_playing():
            self._schedule_boundary(document, ms, shown)

    def _schedule_boundary(self, document: Document, ms: int, shown: Sequence[int]) -> None:
        cues = document.cues
        boundaries = [cues[i].end_ms for i in shown]
        following = shown[-1] + 1 if shown else document.index_at_or_after(ms)
        if following is not None and following < len(cues) and cues[following].start_ms > ms:
            boundaries.append(cues[following].start_ms)
        if not boundaries:
            return
        delay = (min(boundaries) - ms) / self._player.rate()
        if 0 <= delay <= 2 * TICK_MS:
            self._boundary_timer.start(int(delay) + 1)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        if state in ("playing", "paused", "stopped"):
            self._player_message = None if self._player.available else self._player_message
        if state != "playing":
            self._boundary_timer.stop()
        self.update()

    @Slot(str)
    def _on_player_error(self, message: str) -> None:
        self._player_message = message
        self.update()

    def _on_cues_changed(self, *_span: int) -> None:
        # Not forced: _refresh repaints only when the shown cues or their text, times or
        # settings changed, so typing in a cue that is not on screen costs no repaint.
        self._refresh(self._player.position())

    # ------------------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the picture (or message), then the captions over it."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self._player.current_frame()
        message = self.message()
        if message is not None:
            self._paint_message(painter, message)
        elif frame is not None:
            painter.drawImage(self.video_rect(), frame)
        elif self._player.path() is None:
            self._paint_message(painter, QCoreApplication.translate("VideoWidget", PLACEHOLDER))
        elif self._player.duration() > 0 and not self._player.has_video():
            self._paint_message(painter, QCoreApplication.translate("VideoWidget", SOUND_ONLY))
        if self._captions_visible:
            self._paint_captions(painter)
        painter.end()

    def _paint_message(self, painter: QPainter, message: str) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(12, min(20, self.height() // 18)))
        painter.setFont(font)
        painter.setPen(QColor(230, 230, 230))
        area = self.rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), message)

    def _paint_captions(self, painter: QPainter) -> None:
        for box in self.caption_boxes():
            for line in box.lines:
                painter.fillRect(line, BACKING)
            painter.save()
            painter.translate(box.rect.topLeft())
            box.document.drawContents(painter)
            painter.restore()

    def _caption_font(self, area: QRectF) -> QFont:
        font = QFont(self.font())
        font.setFamilies(["DejaVu Sans", "Arial", "Helvetica", "sans-serif"])
        # The WebVTT default: 5% of the video's height.
        font.setPixelSize(max(10, round(area.height() * 0.05)))
        return font

    def _text_document(
        self, text: str, align: Qt.AlignmentFlag, width: int, font: QFont
    ) -> QTextDocument:
        key = (text, str(int(align.value)), width, font.pixelSize())
        cached = self._layout_cache.get(key)
        if cached is not None:
            self._layout_cache.move_to_end(key)
            return cached
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        document.setDefaultStyleSheet("body { color: #ffffff; }")
        document.setHtml(f"<body>{cue_html(text)}</body>")
        option = document.defaultTextOption()
        option.setAlignment(align)
        document.setDefaultTextOption(option)
        document.setTextWidth(width)
        self._layout_cache[key] = document
        if len(self._layout_cache) > _CACHE_SIZE:
            self._layout_cache.popitem(last=False)
        return document

    @staticmethod
    def _line_rects(document: QTextDocument, rect: QRectF) -> tuple[QRectF, ...]:
        pad = document.defaultFont().pixelSize() * 0.3
        layout = document.documentLayout()
        lines: list[QRectF] = []
        block = document.begin()
        while block.isValid():
            origin = layout.blockBoundingRect(block).topLeft() + rect.topLeft()
            text_layout = block.layout()
            for n in range(text_layout.lineCount()):
                line = text_layout.lineAt(n).naturalTextRect().translated(origin)
                if line.width() > 0:
                    lines.append(line.adjusted(-pad, 0, pad, 0))
            block = block.next()
        return tuple(lines)
