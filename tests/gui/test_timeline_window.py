"""The timeline in the window: wiring, the sound analysis in the background, snapping."""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog

from captionreview.core.audio.analysis import AudioAnalysis
from captionreview.qt.fix_preview import FixPreviewDialog
from captionreview.qt.issues_panel import IssuesPanel
from captionreview.qt.timeline import Timeline
from captionreview.qt.timeline_feature import TimelineFeature
from tests.gui.test_mainwindow import open_lecture, press
from tests.gui.test_timeline import CUE_LANE_PX, sound
from tests.gui.windowtools import lecture_fixture, make_window_fixture

__all__ = ["lecture_fixture", "make_window_fixture"]

pytestmark = [pytest.mark.gui]


def feature_of(window) -> TimelineFeature:
    feature = window.findChild(TimelineFeature)
    assert feature is not None, window.feature_errors
    return feature


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cues.vtt"
    path.write_text("WEBVTT\n\n" + body, encoding="utf-8")
    return path


TWO_CUES = "00:00:01.000 --> 00:00:03.000\nett\n\n00:00:05.000 --> 00:00:07.000\ntvå\n"


def test_the_window_has_a_timeline_under_the_video_with_its_keys_listed(qtbot, make_window) -> None:
    window = make_window()
    timeline = window.findChild(Timeline)
    assert timeline is not None and timeline.accessibleName() == "Timeline"
    assert timeline.isVisible()
    video = window.video_widget
    assert timeline.mapTo(window, QPoint(0, 0)).y() > video.mapTo(window, QPoint(0, 0)).y()
    registered = {action.objectName() for action, _menu in window.registered_actions()}
    assert {"timeline_next_cue", "timeline_end_later", "snap_cue_to_speech"} <= registered
    assert window.shortcut_conflicts() == []
    press(qtbot, window.editor.text_edit, "Ctrl+Shift+T")
    assert timeline.hasFocus()


def test_choosing_a_cue_on_the_timeline_selects_it_in_the_list_and_back(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    window.open_paths([write(tmp_path, TWO_CUES)])
    timeline = window.findChild(Timeline)
    timeline.zoom(10 / timeline.ms_per_px(), 0)
    timeline.scroll_to(0)
    y = timeline.canvas_height() - CUE_LANE_PX // 2
    QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(600, y))
    assert window.current_index() == 1
    window.select_cue(0)
    assert timeline.selected() == 0
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    QTest.keyClick(timeline, Qt.Key.Key_Right)
    assert window.current_index() == 1
    QTest.keyClick(timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.document.cues[1].start_ms == 4990
    assert window.document.undo_description == "Change times"


def test_the_analysis_runs_in_the_background_with_progress_and_reaches_the_timeline(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    window.open_paths([write(tmp_path, TWO_CUES)])
    feature = feature_of(window)
    release = threading.Event()
    seen: list[float] = []

    def analyser(video: Path, progress, speech_ready) -> AudioAnalysis:
        for step in range(5):
            seen.append(step / 4)
            progress(step / 4)
            if step == 2:
                release.wait(5)
        return sound(10_000, ((1200, 2900), (5100, 6800)))

    feature.analyser = analyser
    feature.analyse(tmp_path / "video.mp4")
    assert feature.progress.isVisible() and feature.stop_button.isVisible()
    assert window.findChild(Timeline).notice()
    qtbot.waitUntil(lambda: feature.progress.value() == 50, timeout=3000)
    release.set()
    with qtbot.waitSignal(feature.analysis_ready, timeout=5000):
        pass
    assert not feature.progress.isVisible()
    assert window.findChild(Timeline).analysis().speech == ((1200, 2900), (5100, 6800))
    # F6 snaps the selected cue to the speech around it, as one undo step.
    window.select_cue(0)
    press(qtbot, window.editor.text_edit, "F6")
    cue = window.document.cues[0]
    assert (cue.start_ms, cue.end_ms) == (1200, 2900)
    assert window.document.undo_description == "Snap to speech"


def test_the_waveform_shows_when_the_sound_is_done_and_shot_changes_follow(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    window.open_paths([write(tmp_path, TWO_CUES)])
    feature = feature_of(window)
    timeline = window.findChild(Timeline)
    release = threading.Event()
    speech = ((1200, 2900), (5100, 6800))

    def analyser(video: Path, progress, speech_ready) -> AudioAnalysis:
        speech_ready(sound(10_000, speech))
        release.wait(5)  # the picture is still being read for shot changes
        return sound(10_000, speech, shots=(4000,))

    feature.analyser = analyser
    feature.analyse(tmp_path / "video.mp4")
    qtbot.waitUntil(lambda: timeline.analysis() is not None, timeout=5000)
    assert timeline.analysis().speech == speech
    assert timeline.analysis().shots == ()
    assert timeline.notice() == ""
    assert feature.progress.isVisible(), "the shot changes are still coming"
    assert feature.analysis() is timeline.analysis(), "F6 can snap to the speech already"
    with qtbot.waitSignal(feature.analysis_ready, timeout=5000):
        release.set()
    assert timeline.analysis().shots == (4000,)
    assert not feature.progress.isVisible()


def test_a_video_without_sound_gets_a_plain_message_and_nothing_else_stops(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    window.open_paths([write(tmp_path, TWO_CUES)])
    feature = feature_of(window)

    def analyser(video: Path, progress, speech_ready) -> AudioAnalysis:
        raise OSError("the video has no sound track")

    feature.analyser = analyser
    feature.analyse(tmp_path / "silent.mp4")
    timeline = window.findChild(Timeline)
    qtbot.waitUntil(lambda: not feature.progress.isVisible(), timeout=5000)
    assert "no sound track" in timeline.notice()
    assert "no sound track" in window.statusBar().currentMessage()
    assert "Traceback" not in window.statusBar().currentMessage()
    window.select_cue(0)
    press(qtbot, window.editor.text_edit, "F6")
    assert "sound analysis" in window.statusBar().currentMessage()
    assert not window.document.modified


def test_stop_cancels_the_analysis_and_its_late_result_is_ignored(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    feature = feature_of(window)
    cancelled = threading.Event()

    def analyser(video: Path, progress, speech_ready) -> AudioAnalysis:
        while progress(0.1):
            threading.Event().wait(0.01)
        cancelled.set()
        return sound(1000, ())

    feature.analyser = analyser
    feature.analyse(tmp_path / "long.mp4")
    QTest.mouseClick(feature.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(cancelled.is_set, timeout=3000)
    assert feature.wait(3000)
    qtbot.wait(50)
    assert window.findChild(Timeline).analysis() is None
    assert not feature.progress.isVisible()


@pytest.mark.vlc
def test_the_playhead_follows_the_real_player(qtbot, make_window, lecture) -> None:
    window = make_window()
    open_lecture(qtbot, window, lecture)
    timeline = window.findChild(Timeline)
    window.player.seek(30_000)
    qtbot.waitUntil(lambda: timeline.visible_range()[0] <= 30_000 <= timeline.visible_range()[1])
    click_at = timeline.x_of(33_000)
    QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(int(click_at), 30))
    qtbot.waitUntil(lambda: abs(window.player.position() - 33_000) < 50, timeout=3000)


@pytest.mark.vlc
def test_the_demo_lectures_sound_is_analysed_and_drawn(qtbot, make_window, lecture) -> None:
    window = make_window()
    feature = feature_of(window)
    with qtbot.waitSignal(feature.analysis_ready, timeout=60_000) as ready:
        open_lecture(qtbot, window, lecture)
    analysis = ready.args[0]
    timeline = window.findChild(Timeline)
    assert timeline.analysis() is analysis and not feature.progress.isVisible()
    # The demo's first cue is exactly its first stretch of speech (make_demo.py).
    first = analysis.speech[0]
    assert abs(first[0] - 800) < 150 and abs(first[1] - 4945) < 250
    assert analysis.shots, "the slide changes are shot changes"


@pytest.mark.vlc
def test_a_real_video_without_a_sound_track_says_so(qtbot, make_window, tmp_path) -> None:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg is not installed")
    video = tmp_path / "silent.mp4"
    subprocess.run(
        [ffmpeg, "-v", "error", "-f", "lavfi", "-i", "color=c=gray:s=64x36:d=2", "-an", str(video)],
        check=True,
    )
    window = make_window()
    window.open_paths([write(tmp_path, TWO_CUES)])
    window.files.open_video(video)
    if not window.player.available:
        pytest.skip(window.player.status_message)
    feature = feature_of(window)
    timeline = window.findChild(Timeline)
    qtbot.waitUntil(
        lambda: "sound" in timeline.notice().lower() and not feature.progress.isVisible(),
        timeout=20_000,
    )
    assert timeline.analysis() is None
    assert "no audio track" in timeline.notice()
    assert "no audio track" in window.statusBar().currentMessage()


def analysed_window(qtbot, make_window, tmp_path, speech, body=TWO_CUES):
    """A window on ``body`` whose (pretend) video has ``speech``, analysed."""
    window = make_window()
    window.open_paths([write(tmp_path, body)])
    feature = feature_of(window)
    feature.analyser = lambda video, progress, speech_ready: sound(20_000, speech)
    with qtbot.waitSignal(feature.analysis_ready, timeout=5000):
        feature.analyse(tmp_path / "video.mp4")
    return window, feature


def test_snap_all_cues_to_speech_is_previewed_and_one_undo_step(qtbot, make_window, tmp_path):
    window, feature = analysed_window(qtbot, make_window, tmp_path, ((1150, 2800), (5200, 6900)))
    window.cue_view.clearSelection()
    dialog = feature.snap_all_to_speech()
    assert isinstance(dialog, FixPreviewDialog)
    assert sorted(dialog.changes) == [0, 1]
    doc = window.document
    assert doc.cues[0].start_ms == 1000, "nothing changes before Apply"
    dialog.apply()
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(1150, 2800), (5200, 6900)]
    doc.undo()
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(1000, 3000), (5000, 7000)]


def test_shift_all_cues_offers_the_measured_offset(qtbot, make_window, tmp_path, monkeypatch):
    cues = "".join(
        f"00:00:{s:02d}.000 --> 00:00:{s + 2:02d}.000\nrad {s}\n\n" for s in range(1, 19, 3)
    )
    speech = tuple((s * 1000 + 700, s * 1000 + 2700) for s in range(1, 19, 3))
    window, feature = analysed_window(qtbot, make_window, tmp_path, speech, cues)
    asked: list[int] = []

    def answer(parent, title, label, value, low, high):
        asked.append(value)
        return value, True

    # The question is a modal QInputDialog; answer it as a user would, with what it offers.
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(answer))
    dialog = feature.shift_all_cues()
    assert asked and abs(asked[0] - 700) <= 40
    assert dialog is not None and len(dialog.changes) == 6
    dialog.apply()
    assert window.document.cues[0].start_ms == 1000 + asked[0]
    assert window.document.undo_description.startswith("Shift cues by")


def test_the_issues_panel_lists_what_the_speech_says_and_follows_edits(
    qtbot, make_window, tmp_path
):
    # Speech under the first cue, none under the second, and three seconds nobody captioned.
    speech = ((1000, 3000), (9000, 12_000))
    window, _feature = analysed_window(qtbot, make_window, tmp_path, speech)
    panel = window.findChild(IssuesPanel)

    def rules() -> set[str]:
        return {f.rule for f in panel.findings}

    qtbot.waitUntil(lambda: {"TIM-10", "ASR-15"} <= rules(), timeout=5000)
    silent = [f for f in panel.findings if f.rule == "ASR-15"]
    assert [f.cue_index for f in silent] == [1]
    window.document.delete([1])
    qtbot.waitUntil(lambda: "ASR-15" not in rules(), timeout=5000)
    assert "TIM-10" in rules()
