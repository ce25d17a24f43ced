"""The transport bar driven with real clicks and keys, the real libvlc playing the demo."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

import captionreview.qt.player as player_module
from captionreview.core.timecode import format_playback_time
from captionreview.qt.player import Player
from captionreview.qt.transport import TransportBar
from tests.gui.test_player import demo_video_fixture, loaded_fixture, player_fixture

__all__ = ["demo_video_fixture", "loaded_fixture", "player_fixture"]
pytestmark = [pytest.mark.gui, pytest.mark.vlc]


@pytest.fixture(name="bar")
def bar_fixture(qtbot, loaded: Player) -> TransportBar:
    """A shown transport bar on the player with the demo loaded."""
    bar = TransportBar(loaded)
    qtbot.addWidget(bar)
    bar.resize(700, 40)
    bar.show()
    return bar


def test_time_label_shows_position_and_duration(qtbot, bar: TransportBar, loaded: Player) -> None:
    assert bar.time_text() == f"00:00.0 / {format_playback_time(loaded.duration())}"
    loaded.seek(62_345)
    assert bar.time_text() == f"01:02.3 / {format_playback_time(loaded.duration())}"
    assert bar.position_slider.value() == 62_345
    assert bar.position_slider.maximum() == loaded.duration()


def test_play_button_plays_and_pauses(qtbot, bar: TransportBar, loaded: Player) -> None:
    assert bar.play_button.accessibleName() == "Play"
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert loaded.is_playing()
    assert bar.play_button.accessibleName() == "Pause"
    qtbot.wait(400)
    assert bar.position_slider.value() > 100, "the slider follows playback"
    bar.play_button.setFocus()
    qtbot.keyClick(bar.play_button, Qt.Key.Key_Space)
    assert loaded.state() == "paused"
    assert bar.play_button.accessibleName() == "Play"


def test_position_slider_seeks_from_the_keyboard(qtbot, bar: TransportBar, loaded: Player) -> None:
    bar.position_slider.setFocus()
    qtbot.keyClick(bar.position_slider, Qt.Key.Key_Right)
    assert loaded.position() == 1_000
    qtbot.keyClick(bar.position_slider, Qt.Key.Key_PageUp)
    assert loaded.position() == 6_000
    assert bar.time_text().startswith("00:06.0 / ")
    qtbot.keyClick(bar.position_slider, Qt.Key.Key_End)
    assert loaded.position() == loaded.duration()


def test_speed_box_sets_the_rate_in_tenths(qtbot, bar: TransportBar, loaded: Player) -> None:
    bar.speed_box.setFocus()
    for _ in range(5):
        qtbot.keyClick(bar.speed_box, Qt.Key.Key_Up)
    assert loaded.rate() == pytest.approx(1.5)
    for _ in range(20):
        qtbot.keyClick(bar.speed_box, Qt.Key.Key_Down)
    assert loaded.rate() == pytest.approx(0.5), "never below 0.5×"
    loaded.set_rate(1.2)
    assert bar.speed_box.value() == pytest.approx(1.2), "the box follows the player"


def test_volume_and_mute(qtbot, bar: TransportBar, loaded: Player) -> None:
    bar.volume_slider.setFocus()
    qtbot.keyClick(bar.volume_slider, Qt.Key.Key_PageDown)
    assert loaded.volume() == 80
    qtbot.mouseClick(bar.mute_button, Qt.MouseButton.LeftButton)
    assert loaded.is_muted()
    assert bar.mute_button.accessibleName() == "Unmute"
    loaded.set_muted(False)
    assert not bar.mute_button.isChecked()
    loaded.set_volume(30)
    assert bar.volume_slider.value() == 30


def test_every_control_is_reachable_with_tab_and_named(qtbot, bar: TransportBar) -> None:
    controls = [
        bar.play_button,
        bar.position_slider,
        bar.time_label,
        bar.speed_box,
        bar.mute_button,
        bar.volume_slider,
    ]
    bar.play_button.setFocus()
    reached: list[QWidget] = []
    for _ in controls:
        reached.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    # The spin box's focus lands on its line edit; count it as the box.
    owners = [w.parentWidget() if w.parentWidget() is bar.speed_box else w for w in reached]
    assert owners == controls
    assert all(c.accessibleName() for c in controls)


def test_without_libvlc_the_bar_is_disabled_not_broken(qtbot, monkeypatch) -> None:
    # Make the loader fail as on a machine without VLC, in this process.
    monkeypatch.setattr(player_module, "_vlc_checked", False)
    monkeypatch.setattr(player_module, "_vlc_module", None)
    monkeypatch.setattr(player_module, "_vlc_instance", None)
    monkeypatch.setitem(sys.modules, "vlc", None)
    player = Player()
    bar = TransportBar(player)
    qtbot.addWidget(bar)
    assert not player.available
    assert not bar.play_button.isEnabled()
    assert not bar.position_slider.isEnabled()
    qtbot.keyClick(bar.speed_box, Qt.Key.Key_Up)
    assert bar.time_text() == "00:00.0 / 00:00.0"
    player.close()
