"""Timing the way editors expect, from the keyboard in the window (real libvlc on the demo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.test_mainwindow import open_lecture, press
from tests.gui.windowtools import lecture_fixture, make_window_fixture

__all__ = ["lecture_fixture", "make_window_fixture"]

pytestmark = [pytest.mark.gui]
# Demo cues 3 and 4 (indices 2 and 3): 8.490-12.118 and 12.518-16.677; the gap is 400 ms.
CUE2 = (8490, 12118)
CUE3 = (12518, 16677)


def seek(qtbot, window, ms: int) -> None:
    window.player.seek(ms)
    qtbot.waitUntil(lambda: window.player.position() == ms, timeout=3000)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cues.vtt"
    path.write_text("WEBVTT\n\n" + body, encoding="utf-8")
    return path


@pytest.mark.vlc
def test_set_end_past_the_next_cue_moves_its_start_by_the_minimum_gap_and_says_so(
    qtbot, make_window, lecture
):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    doc = window.document
    gap = window.profile.min_gap_ms
    window.select_cue(2)
    seek(qtbot, window, 13_000)
    press(qtbot, window.editor.text_edit, "F12")
    assert (doc.cues[2].end_ms, doc.cues[3].start_ms) == (13_000, 13_000 + gap)
    assert "cue 4 now starts at 00:00:13.080" in window.statusBar().currentMessage()
    press(qtbot, window.editor.text_edit, "Ctrl+Z")
    assert (doc.cues[2].end_ms, doc.cues[3].start_ms) == (CUE2[1], CUE3[0])
    # So far into the next cue that it would be crushed: refused, and said.
    seek(qtbot, window, 16_600)
    press(qtbot, window.editor.text_edit, "F12")
    assert (doc.cues[2].end_ms, doc.cues[3].start_ms) == (CUE2[1], CUE3[0])
    assert "too short" in window.statusBar().currentMessage()
    assert not doc.modified


@pytest.mark.vlc
def test_set_start_inside_the_previous_cue_moves_its_end_by_the_minimum_gap(
    qtbot, make_window, lecture
):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    doc = window.document
    window.select_cue(3)
    seek(qtbot, window, 11_000)
    press(qtbot, window.editor.text_edit, "F11")
    assert doc.cues[3].start_ms == 11_000
    assert doc.cues[2].end_ms == 11_000 - window.profile.min_gap_ms
    assert doc.undo_description == "Change times"


def test_a_split_leaves_the_profiles_minimum_gap(qtbot, make_window, tmp_path):
    window = make_window()
    path = write(tmp_path, "00:00:01.000 --> 00:00:05.000\nförsta delen andra delen\n")
    window.open_paths([path])
    edit = window.editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(len("första delen "))
    edit.setTextCursor(cursor)
    press(qtbot, edit, "Ctrl+Return")
    first, second = window.document.cues
    assert second.start_ms - first.end_ms == window.profile.min_gap_ms


@pytest.mark.vlc
def test_the_cue_under_the_playhead_counts_from_its_start_instant(qtbot, make_window, tmp_path):
    video = Path(__file__).resolve().parents[2] / "assets" / "demo" / "lecture.mp4"
    captions = write(
        tmp_path,
        "00:00:01.000 --> 00:00:03.000\nett\n\n"
        "00:00:02.500 --> 00:00:05.000\ntvå\n\n"
        "00:00:06.000 --> 00:00:08.000\ntre\n",
    )
    window = make_window()
    window.open_paths([captions])
    window.files.open_video(video)
    if not window.player.available:
        pytest.skip(window.player.status_message)
    qtbot.waitUntil(lambda: window.player.duration() > 0, timeout=8000)
    seek(qtbot, window, 2500)
    press(qtbot, window.editor.text_edit, "F4")
    assert window.current_index() == 1
    window.cue_view.clearSelection()
    window.cue_view.setCurrentIndex(window.cue_model.index(-1, 0))
    # Between cues with nothing selected, Alt+Up goes to the cue before the playhead.
    seek(qtbot, window, 5500)
    press(qtbot, window.editor.text_edit, "Alt+Up")
    assert window.current_index() == 1


@pytest.mark.vlc
def test_finer_jumps_and_frame_steps_move_the_playhead(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    seek(qtbot, window, 10_000)
    edit = window.editor.text_edit
    for keys, expected in (
        ("Alt+Shift+Right", 10_500),
        ("Alt+Shift+Left", 10_000),
        ("Alt+PgDown", 15_000),
        ("Alt+PgUp", 10_000),
        ("Alt+.", 10_040),
        ("Alt+,", 10_000),
    ):
        press(qtbot, edit, keys)
        assert window.player.position() == expected, keys
    assert window.player.frame_ms() == 40  # the demo is 25 frames a second


@pytest.mark.vlc
def test_play_from_half_a_second_before_the_cue(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    window.select_cue(2)
    press(qtbot, window.editor.text_edit, "Ctrl+F5")
    assert window.player.is_playing()
    qtbot.waitUntil(lambda: window.player.position() > CUE2[0] - 500 + 100, timeout=5000)
    assert window.player.position() < CUE2[0] + 1500
    window.player.pause()


@pytest.mark.vlc
def test_one_key_chaining_ends_the_cue_starts_the_next_and_playback_goes_on(
    qtbot, make_window, lecture
):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    doc = window.document
    gap = window.profile.min_gap_ms
    window.select_cue(2)
    seek(qtbot, window, 11_000)
    window.player.play()
    qtbot.waitUntil(lambda: window.player.position() > 11_400, timeout=5000)
    press(qtbot, window.editor.text_edit, "F9")
    end = doc.cues[2].end_ms
    assert 11_400 <= end < 13_000
    assert doc.cues[3].start_ms == end + gap and doc.cues[3].end_ms == CUE3[1]
    assert window.current_index() == 3
    assert window.player.is_playing()
    qtbot.waitUntil(lambda: window.player.position() > end + 300, timeout=5000)
    window.player.pause()
    assert doc.undo_description == "Change times"
    doc.undo()
    assert (doc.cues[2].end_ms, doc.cues[3].start_ms) == (CUE2[1], CUE3[0])
