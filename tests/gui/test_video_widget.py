"""The video widget: the demo lecture's picture from the real libvlc with the captions over it."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from captionreview.core.document import Document
from captionreview.qt.player import MOVED_HINT, Player
from captionreview.qt.video_widget import PLACEHOLDER, SOUND_ONLY, VideoWidget, cue_html
from tests.gui.test_player import (
    ROOT,
    demo_video_fixture,
    load_and_wait,
    loaded_fixture,
    player_fixture,
)

__all__ = ["demo_video_fixture", "loaded_fixture", "player_fixture"]
pytestmark = [pytest.mark.gui, pytest.mark.vlc]

CAPTIONS = """WEBVTT

00:00:00.000 --> 00:00:04.000
Granskning av <i>undertexter</i> &amp; tider

00:00:04.500 --> 00:00:06.000 line:0 align:left position:0% size:50%
Överst till vänster

00:00:06.000 --> 00:00:08.000 line:50% align:right position:100% size:40%
Till höger på mitten
"""


@pytest.fixture(name="doc")
def doc_fixture() -> Document:
    """Three cues: a default one, one top-left, one right-middle."""
    return Document.from_text(CAPTIONS)


@pytest.fixture(name="widget")
def widget_fixture(qtbot, player: Player) -> Iterator[VideoWidget]:
    """A shown 800×450 video widget on the player."""
    widget = VideoWidget(player)
    qtbot.addWidget(widget)
    widget.resize(800, 450)
    widget.show()
    yield widget
    widget.set_document(None)


def grab(widget: VideoWidget) -> QImage:
    """Render the widget as the user would see it."""
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def grey_levels(image: QImage, area: QRect, step: int = 4) -> list[int]:
    """Sample the grey level of every ``step``-th pixel of ``area``."""
    return [
        image.pixelColor(x, y).lightness()
        for y in range(area.top(), area.bottom(), step)
        for x in range(area.left(), area.right(), step)
    ]


def changed_pixels(a: QImage, b: QImage, area: QRect) -> int:
    """Count the pixels of ``area`` that differ between two renderings."""
    return sum(
        1
        for y in range(area.top(), area.bottom())
        for x in range(area.left(), area.right())
        if a.pixel(x, y) != b.pixel(x, y)
    )


def test_frames_arrive_and_the_picture_is_not_blank(
    qtbot, widget: VideoWidget, player: Player, demo_video: Path
) -> None:
    frames: list[None] = []
    player.frame_ready.connect(lambda: frames.append(None))
    load_and_wait(qtbot, player, demo_video)
    player.play()
    qtbot.waitUntil(lambda: len(frames) >= 3, timeout=3000)
    player.pause()
    area = widget.video_rect().toRect()
    assert area.width() == 800 and area.height() == 450, "16:9 video fills a 16:9 widget"
    image = grab(widget)
    levels = grey_levels(image, area)
    assert statistics.pstdev(levels) > 10, "a slide has text and colour, not one flat colour"
    assert len(set(levels)) > 20


def test_picture_keeps_its_aspect_ratio_letterboxed(
    qtbot, widget: VideoWidget, loaded: Player
) -> None:
    widget.resize(800, 600)
    qtbot.wait(20)
    area = widget.video_rect()
    assert (area.width(), area.height(), area.top()) == (800, 450, 75)
    image = grab(widget)
    bar = grey_levels(image, QRect(0, 0, 800, 70))
    assert max(bar) == 0, "black bars above the picture"
    assert loaded.current_frame() is not None


def test_caption_drawn_over_the_picture_and_can_be_hidden(
    qtbot, widget: VideoWidget, loaded: Player, doc: Document
) -> None:
    widget.set_document(doc)
    assert widget.displayed_cues() == [0]
    (box,) = widget.caption_boxes()
    region = box.rect.toAlignedRect()
    with_captions = grab(widget)
    widget.set_captions_visible(False)
    without = grab(widget)
    assert changed_pixels(with_captions, without, region) > region.width() * region.height() // 4
    assert region.bottom() > widget.video_rect().bottom() - 60, "bottom by default"
    assert abs(region.center().x() - widget.width() / 2) < 2, "centred by default"
    assert widget.accessibleDescription() == "Granskning av undertexter & tider"
    assert loaded.state() == "paused"


def test_edited_text_shows_at_once(
    qtbot, widget: VideoWidget, loaded: Player, doc: Document
) -> None:
    widget.set_document(doc)
    region = widget.caption_boxes()[0].rect.toAlignedRect()
    before = grab(widget)
    doc.set_text(0, "Rättad text")
    assert doc.modified
    after = grab(widget)
    assert changed_pixels(before, after, region) > 200
    assert widget.accessibleDescription() == "Rättad text"
    doc.undo()
    assert widget.accessibleDescription() == "Granskning av undertexter & tider"
    assert loaded.position() == 0


def test_cue_settings_place_the_caption(
    qtbot, widget: VideoWidget, loaded: Player, doc: Document
) -> None:
    widget.set_document(doc)
    area = widget.video_rect()
    with qtbot.waitSignal(loaded.position_changed, timeout=3000):
        loaded.seek(5_000)
    (top_left,) = widget.caption_boxes()
    assert top_left.index == 1
    assert top_left.rect.top() == area.top(), "line:0 is the first line"
    assert top_left.rect.left() == area.left(), "position:0% align:left"
    assert top_left.rect.width() == area.width() / 2, "size:50%"
    loaded.seek(7_000)
    (right,) = widget.caption_boxes()
    assert right.index == 2
    assert right.rect.right() == area.right(), "position:100% align:right"
    assert right.rect.top() == area.top() + area.height() / 2, "line:50% (line-align start)"
    assert right.rect.width() == area.width() * 0.4, "size:40%"
    for line in right.lines:
        assert abs(line.right() - area.right()) < 15, "right-aligned lines end at the right"


def test_overlay_follows_playback_across_a_cue_boundary(
    qtbot, widget: VideoWidget, loaded: Player, doc: Document
) -> None:
    widget.set_document(doc)
    shown: list[list[int]] = []
    loaded.position_changed.connect(lambda _ms: shown.append(widget.displayed_cues()))
    loaded.seek(3_500)
    loaded.play()
    qtbot.waitUntil(lambda: widget.displayed_cues() == [1], timeout=3000)
    shown.append(widget.displayed_cues())
    changes = [cues for i, cues in enumerate(shown) if i == 0 or cues != shown[i - 1]]
    assert changes[-3:] == [[0], [], [1]]


def test_markup_is_kept_for_italic_bold_underline_only() -> None:
    assert cue_html("<v Anna>Hej <i>du</i> &amp; <c.red>jag</c></v>") == "Hej <i>du</i> &amp; jag"
    assert cue_html("<b>a</b>\n<u>b</u> <00:00:01.000>c") == "<b>a</b><br><u>b</u> c"
    assert cue_html("1 &lt; 2") == "1 &lt; 2"


def test_placeholder_without_video_and_message_mode(qtbot, widget: VideoWidget) -> None:
    assert widget.message() is None
    middle = QRect(0, 180, 800, 90)
    placeholder = grab(widget)
    assert max(grey_levels(placeholder, middle, 1)) > 150, f"shows: {PLACEHOLDER}"
    widget.set_message("Cannot play this file: lecture.mov")
    assert widget.message() == "Cannot play this file: lecture.mov"
    assert changed_pixels(placeholder, grab(widget), middle) > 100
    widget.set_message(None)
    assert changed_pixels(placeholder, grab(widget), middle) == 0


def test_player_error_is_shown_in_the_video_area(
    qtbot, widget: VideoWidget, player: Player, tmp_path: Path, demo_video: Path
) -> None:
    missing = tmp_path / "gone.mp4"
    player.load(missing)
    assert widget.message() == f"Video file not found: {missing}. {MOVED_HINT}"
    load_and_wait(qtbot, player, demo_video)
    assert widget.message() is None, "a video that plays clears the error"


NO_VLC_SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QImage
from captionreview.core.document import Document
from captionreview.qt.player import Player
from captionreview.qt.video_widget import VideoWidget
app = QApplication([])
player = Player()
widget = VideoWidget(player)
widget.resize(640, 360)
widget.set_document(Document.from_text("WEBVTT\\n\\n00:00.000 --> 00:05.000\\nHej\\n"))
player.load(sys.argv[1])
player.play()
image = widget.grab().toImage()
lit = sum(
    1 for y in range(0, 360, 3) for x in range(0, 640, 3)
    if image.pixelColor(x, y).lightness() > 150
)
player.close()
print(json.dumps([widget.message(), widget.displayed_cues(), lit]))
"""


def test_without_libvlc_the_widget_says_how_to_install_vlc(demo_video: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_VLC_SCRIPT, str(demo_video)],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_VLC_LIB_PATH": "/nonexistent/libvlc.so.5",
        },
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    message, cues, lit = json.loads(result.stdout)
    assert message.startswith("libvlc not found") and "install VLC" in message
    assert cues == [0], "the captions still show"
    assert lit > 100, "the message and the caption are drawn"


def test_a_deleted_widget_stops_following_the_document(
    qtbot, player: Player, doc: Document
) -> None:
    widget = VideoWidget(player)
    widget.set_document(doc)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=1000)
    doc.set_text(0, "Efter att videon stängts")  # would reach a deleted widget and raise
    assert doc.cues[0].text == "Efter att videon stängts"


def test_sound_only_file_says_there_is_no_picture(
    qtbot, widget: VideoWidget, player: Player, tmp_path: Path, doc: Document
) -> None:
    sound = tmp_path / "talk.m4a"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=300:duration=3", str(sound)],
        check=True,
    )
    widget.set_document(doc)
    with qtbot.waitSignal(player.duration_changed, timeout=5000):
        assert player.load(sound)
    assert not player.has_video()
    middle = QRect(0, 180, 800, 90)
    assert max(grey_levels(grab(widget), middle, 1)) > 150, f"shows: {SOUND_ONLY}"
    with qtbot.waitSignal(player.state_changed, timeout=3000, check_params_cb="playing".__eq__):
        player.play()
    qtbot.waitUntil(lambda: player.position() > 300, timeout=3000)
    assert widget.displayed_cues() == [0]
