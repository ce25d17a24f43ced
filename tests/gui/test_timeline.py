"""The timeline widget: real Qt widgets offscreen, real mouse events and key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPaintEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollBar

from captionreview.core.audio.analysis import AudioAnalysis
from captionreview.core.document import Document
from captionreview.core.model import Cue
from captionreview.qt.timeline import (
    CUE_COLOUR,
    CUE_LANE_PX,
    RULER_PX,
    Timeline,
    column_peaks,
    envelope_pyramid,
)

pytestmark = pytest.mark.gui
GAP = 80
STEP = 10


def sound(duration_ms: int, speech: tuple[tuple[int, int], ...], shots=()) -> AudioAnalysis:
    """An analysis as core.audio makes it: loud where there is speech, silent elsewhere."""
    envelope = bytearray(duration_ms // STEP)
    for start, end in speech:
        envelope[start // STEP : end // STEP] = bytes([200]) * (end // STEP - start // STEP)
    return AudioAnalysis(duration_ms, STEP, bytes(envelope), speech, tuple(shots))


def make_doc(*spans: tuple[int, int]) -> Document:
    return Document.from_cues([Cue(s, e, f"cue {i + 1}") for i, (s, e) in enumerate(spans)])


@pytest.fixture(name="timeline")
def timeline_fixture(qtbot) -> Timeline:
    widget = Timeline()
    qtbot.addWidget(widget)
    widget.resize(1000, 160)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    # 10 ms per pixel: the first ten seconds fill the width.
    widget.zoom(10 / widget.ms_per_px(), 0)
    widget.scroll_to(0)
    return widget


def lane_y(widget: Timeline) -> float:
    return widget.canvas_height() - CUE_LANE_PX / 2


def send_mouse(widget, kind, x, y, buttons, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    point = QPointF(x, y)
    event = QMouseEvent(kind, point, widget.mapToGlobal(point), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag_mouse(widget, x0, x1, y, modifiers=Qt.KeyboardModifier.NoModifier, check=None) -> None:
    held = Qt.MouseButton.LeftButton
    send_mouse(widget, QEvent.Type.MouseButtonPress, x0, y, held, modifiers)
    for step in range(1, 6):
        send_mouse(widget, QEvent.Type.MouseMove, x0 + (x1 - x0) * step / 5, y, held, modifiers)
        if check is not None:
            check()
    send_mouse(widget, QEvent.Type.MouseButtonRelease, x1, y, Qt.MouseButton.NoButton, modifiers)


def test_the_timeline_is_named_for_assistive_technology(timeline: Timeline) -> None:
    assert timeline.accessibleName() == "Timeline"
    assert timeline.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert all(action.text() for action in timeline.timeline_actions())


def test_the_waveform_is_drawn_where_there_is_speech_and_flat_in_silence(timeline) -> None:
    timeline.set_analysis(sound(20_000, ((2000, 4000),), shots=(6000,)))
    image = timeline.grab().toImage()
    middle = RULER_PX + (timeline.canvas_height() - CUE_LANE_PX - RULER_PX) // 4
    base = timeline.palette().color(timeline.backgroundRole())
    loud = QColor(image.pixel(300, middle))
    quiet = QColor(image.pixel(800, middle))
    assert loud.blue() > loud.red() + 40, "speech shows the waveform"
    assert quiet != loud
    shot = QColor(image.pixel(600, RULER_PX + 3))
    assert shot.red() > 150 and shot.green() > 100 and shot.blue() < 120, "shot change mark"
    assert base.isValid()


def test_the_envelope_pyramid_keeps_every_peak_at_every_zoom() -> None:
    envelope = bytes([0, 0, 0, 250, 0, 0, 0, 0, 9])
    levels = envelope_pyramid(envelope)
    assert levels[0] == envelope and len(levels[-1]) == 1 and levels[-1][0] == 250
    assert column_peaks(levels, 10, 0, 40, 3) == [250, 0, 9]
    assert column_peaks(levels, 10, 0, 5, 10)[6:8] == [250, 250]


def test_a_click_on_the_sound_seeks_there(timeline, qtbot) -> None:
    with qtbot.waitSignal(timeline.seek_requested) as sought:
        QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(450, RULER_PX + 10))
    assert sought.args == [4500]


def test_a_click_on_a_cue_chooses_it(timeline, qtbot) -> None:
    timeline.set_document(make_doc((1000, 3000), (4000, 6000)))
    with qtbot.waitSignal(timeline.cue_chosen) as chosen:
        QTest.mouseClick(
            timeline, Qt.MouseButton.LeftButton, pos=QPoint(500, int(lane_y(timeline)))
        )
    assert chosen.args == [1]


def test_dragging_an_end_is_one_undo_step_and_previews_without_editing(timeline) -> None:
    doc = make_doc((1000, 3000), (6000, 8000))
    timeline.set_document(doc)

    def untouched() -> None:
        assert not doc.can_undo and doc.cues[0].end_ms == 3000

    drag_mouse(timeline, 300, 420, lane_y(timeline), check=untouched)
    assert (doc.cues[0].start_ms, doc.cues[0].end_ms) == (1000, 4200)
    assert doc.undo_description == "Drag cue end"
    doc.undo()
    assert doc.cues[0].end_ms == 3000 and not doc.can_undo


def test_a_dragged_edge_snaps_to_a_speech_edge_unless_shift_is_held(timeline) -> None:
    doc = make_doc((1000, 3000), (9000, 9500))
    timeline.set_document(doc)
    timeline.set_analysis(sound(20_000, ((1000, 4250),)))
    drag_mouse(timeline, 300, 420, lane_y(timeline))
    assert doc.cues[0].end_ms == 4250
    doc.undo()
    drag_mouse(timeline, 300, 420, lane_y(timeline), Qt.KeyboardModifier.ShiftModifier)
    assert doc.cues[0].end_ms == 4200


def test_a_dragged_end_stops_at_the_next_cue_or_pushes_it_with_ctrl(timeline) -> None:
    doc = make_doc((1000, 3000), (4000, 8000))
    timeline.set_document(doc)
    drag_mouse(timeline, 300, 500, lane_y(timeline), Qt.KeyboardModifier.AltModifier)
    assert doc.cues[0].end_ms == 4000 - GAP and doc.cues[1].start_ms == 4000
    doc.undo()
    drag_mouse(timeline, 300, 500, lane_y(timeline), Qt.KeyboardModifier.ControlModifier)
    assert doc.cues[0].end_ms == 5000 and doc.cues[1].start_ms == 5000 + GAP
    doc.undo()
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(1000, 3000), (4000, 8000)]


def test_dragging_the_middle_of_a_cue_moves_it_whole(timeline) -> None:
    doc = make_doc((1000, 2000), (6000, 8000))
    timeline.set_document(doc)
    drag_mouse(timeline, 150, 250, lane_y(timeline), Qt.KeyboardModifier.ShiftModifier)
    assert (doc.cues[0].start_ms, doc.cues[0].end_ms) == (2000, 3000)
    assert doc.undo_description == "Move cue"


def test_keys_choose_cues_and_move_edges_by_ten_milliseconds(timeline, qtbot) -> None:
    doc = make_doc((1000, 2000), (3000, 4000))
    timeline.set_document(doc)
    timeline.cue_chosen.connect(timeline.set_selected)
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    QTest.keyClick(timeline, Qt.Key.Key_Right)
    assert timeline.selected() == 0
    QTest.keyClick(timeline, Qt.Key.Key_Right)
    assert timeline.selected() == 1
    QTest.keyClick(timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert doc.cues[1].start_ms == 2990
    QTest.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert doc.cues[1].end_ms == 4010
    QTest.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.selected() == 0
    messages: list[str] = []
    timeline.message.connect(messages.append)
    for _ in range(100):
        QTest.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert doc.cues[0].end_ms == 2990 - GAP
    assert messages and "cannot" in messages[-1]


def test_keys_and_ctrl_wheel_zoom(timeline, qtbot) -> None:
    timeline.set_document(make_doc((1000, 2000), (50_000, 60_000)))
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    before = timeline.ms_per_px()
    QTest.keyClick(timeline, Qt.Key.Key_Minus)
    assert timeline.ms_per_px() > before
    QTest.keyClick(timeline, Qt.Key.Key_Equal)
    assert timeline.ms_per_px() == pytest.approx(before)
    QTest.keyClick(timeline, Qt.Key.Key_0)
    assert timeline.visible_range()[1] >= 60_000
    wheel = QWheelEvent(
        QPointF(500, 50),
        timeline.mapToGlobal(QPointF(500, 50)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    wide = timeline.ms_per_px()
    QApplication.sendEvent(timeline, wheel)
    assert timeline.ms_per_px() < wide


def test_the_view_turns_the_page_when_the_playhead_nears_its_edge(timeline) -> None:
    timeline.set_duration(60_000)
    timeline.set_position(5000)
    assert timeline.visible_range()[0] == 0
    timeline.set_position(9500)
    start, end = timeline.visible_range()
    assert start < 9500 < end and start > 5000
    timeline.following = False
    timeline.set_position(40_000)
    assert timeline.visible_range()[0] == start


def test_only_the_cues_in_view_are_visited_with_three_thousand_cues(timeline) -> None:
    cues = [Cue(i * 1200, i * 1200 + 1000, f"cue {i}") for i in range(3000)]
    timeline.set_document(Document.from_cues(cues))
    timeline.scroll_to(1_800_000)
    visible = timeline.visible_cues()
    assert 7 <= len(visible) <= 10
    assert all(1_800_000 - 1000 <= cues[i].start_ms <= 1_810_000 for i in visible)


def test_the_whole_hour_with_three_thousand_cues_is_drawn_pixel_by_pixel(timeline) -> None:
    cues = [Cue(i * 1200, i * 1200 + 1000, f"cue {i}") for i in range(3000)]
    speech = tuple((i * 1200 + 50, i * 1200 + 950) for i in range(3000))
    timeline.set_document(Document.from_cues(cues))
    timeline.set_analysis(sound(3_600_000, speech))
    timeline.set_selected(1500)
    timeline.zoom_to_fit()
    assert len(timeline.visible_cues()) == 3000
    image = timeline.grab().toImage()
    y = int(lane_y(timeline))
    lane = [QColor(image.pixel(x, y)) for x in range(0, 990, 10)]
    assert sum(c == CUE_COLOUR for c in lane) > 90, "cue blocks cover the hour"
    selected = timeline.x_of(1500 * 1200)
    # One second is a third of a pixel here: the selected cue still stands out.
    assert QColor(image.pixel(int(selected) + 1, y)) != CUE_COLOUR
    wave_y = RULER_PX + 3
    assert QColor(image.pixel(500, wave_y)) != QColor(image.pixel(500, 1)), "speech shaded"


def test_typing_in_a_cue_keeps_the_time_index_and_a_time_change_renews_it(timeline) -> None:
    doc = make_doc((1000, 2000), (3000, 4000))
    timeline.set_document(doc)
    index = timeline._cue_index()
    doc.set_text(0, "ny text", typing=True)
    assert timeline._cue_index() is index
    doc.set_times(1, 500, 900)
    assert timeline.visible_cues() == [1, 0]


class PaintSpy(QObject):
    """Records the rectangle of every paint event a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(QPaintEvent(event).rect())
        return False


def test_typing_in_a_cue_repaints_only_that_cues_block_and_not_the_sound(timeline, qtbot) -> None:
    doc = make_doc((1000, 2000), (3000, 4000), (20_000, 21_000))
    timeline.set_document(doc)
    timeline.set_analysis(sound(30_000, ((1000, 2000),)))
    qtbot.wait(20)  # the first full paint
    spy, bar_spy = PaintSpy(), PaintSpy()
    timeline.installEventFilter(spy)
    scroll_bar = timeline.findChild(QScrollBar)
    scroll_bar.installEventFilter(bar_spy)
    doc.set_text(1, "ny text", typing=True)
    QApplication.processEvents()
    assert spy.rects, "the edited cue's block is repainted"
    painted = spy.rects[0]
    for rect in spy.rects[1:]:
        painted = painted.united(rect)
    lane_top = timeline.canvas_height() - CUE_LANE_PX
    assert painted.top() >= lane_top, "the ruler and the waveform are not repainted"
    assert painted.bottom() < timeline.canvas_height(), "the scroll bar is not repainted"
    assert bar_spy.rects == []
    # Cue 2 runs 3.0-4.0 s, at 10 ms a pixel: x 300-400 and a few pixels for its frame.
    assert painted.left() >= 290 and painted.right() <= 410
    spy.rects.clear()
    timeline.scroll_to(15_000)
    QApplication.processEvents()
    spy.rects.clear()
    doc.set_text(1, "ännu en text", typing=True)
    QApplication.processEvents()
    assert spy.rects == [], "a cue out of view is not repainted"
