"""A screenshot of the whole window with the lecture's picture and a caption drawn on it.

The PNG goes to tests/bench/out/window.png (git-ignored) so a person can look at it; the test
checks that the video area holds a real picture (many colours, not black) and that the
caption box is drawn where the overlay says it is (light text on a dark backing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.gui.windowtools import lecture_fixture, make_window_fixture

__all__ = ["lecture_fixture", "make_window_fixture"]

pytestmark = [pytest.mark.gui, pytest.mark.vlc]
OUT = Path(__file__).resolve().parents[1] / "bench" / "out"


def colours_in(image: QImage, left: int, top: int, right: int, bottom: int) -> set[int]:
    """Distinct RGB values on a 40 × 24 grid over the rectangle."""
    seen = set()
    for gx in range(40):
        for gy in range(24):
            x = left + (right - left - 1) * gx // 39
            y = top + (bottom - top - 1) * gy // 23
            seen.add(image.pixel(x, y) & 0xFFFFFF)
    return seen


def open_lecture(qtbot, make_window, lecture):
    """Return a window with the lecture open and its first picture shown (skip without libvlc)."""
    window = make_window()
    assert window.open_paths([lecture])
    player = window.player
    if not player.available:
        pytest.skip(player.status_message)
    qtbot.waitUntil(lambda: player.current_frame() is not None, timeout=8000)
    return window


def test_window_screenshot_shows_the_picture_with_the_caption(qtbot, make_window, lecture):
    window = open_lecture(qtbot, make_window, lecture)
    player = window.player
    player.seek(2400)
    video = window.video_widget
    qtbot.waitUntil(lambda: video.displayed_cues() == [0], timeout=4000)
    qtbot.waitUntil(lambda: abs(player.position() - 2400) < 50, timeout=4000)
    qtbot.wait(300)  # the sought frame arrives from libvlc's decoder thread

    OUT.mkdir(parents=True, exist_ok=True)
    shot = window.grab()
    assert shot.save(str(OUT / "window.png"))
    assert shot.width() >= 1000 and shot.height() >= 600

    image = video.grab().toImage()
    area = video.video_rect().toRect()
    assert area.width() > 300 and area.height() > 150
    picture = colours_in(image, area.left(), area.top(), area.right(), area.bottom())
    assert len(picture) > 25, "the video area is blank"
    lightness = [QColor(rgb).lightness() for rgb in picture]
    assert 20 < sum(lightness) / len(lightness) < 235

    boxes = video.caption_boxes()
    assert [b.document.toPlainText() for b in boxes] == [window.document.cues[0].text]
    box = boxes[0].lines[0].toRect()
    inside = [
        QColor(image.pixel(x, box.center().y())).lightness()
        for x in range(box.left() + 2, box.right() - 2)
    ]
    assert max(inside) > 200, "no light caption text on the picture"
    assert min(inside) < 40, "no dark backing behind the caption"


def white_pixels_in_lower_half(image: QImage) -> int:
    """Near-white pixels in the lower half of a frame (every other row and column)."""
    count = 0
    for y in range(image.height() // 2, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if min(colour.red(), colour.green(), colour.blue()) > 245:
                count += 1
    return count


def test_the_picture_itself_carries_no_captions(qtbot, make_window, lecture):
    """Only the overlay draws captions, so an edit is never shown next to the old text."""
    window = open_lecture(qtbot, make_window, lecture)
    player = window.player
    # The demo's slides have no white in their lower half; a caption drawn by libvlc has.
    assert white_pixels_in_lower_half(player.current_frame()) == 0
    player.seek(19_500)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 20_500, timeout=4000)
    frame = player.current_frame()
    player.pause()
    assert frame is not None
    assert white_pixels_in_lower_half(frame) == 0
