"""The player with the real libvlc playing the real demo lecture.

The fixtures here (``player``, ``demo_video``, ``loaded``) are imported by the video widget and
transport bar tests: ``from tests.gui.test_player import demo_video_fixture, ...``.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import captionreview.qt.player as player_module
from captionreview.qt.player import MOVED_HINT, Player, vlc_status

pytestmark = [pytest.mark.gui, pytest.mark.vlc]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(name="demo_video")
def demo_video_fixture(demo_dir: Path) -> Path:
    """The demo lecture's video."""
    video = demo_dir / "lecture.mp4"
    if not video.is_file():
        pytest.skip(f"demo lecture missing: {video}")
    return video


@pytest.fixture(name="player")
def player_fixture(qtbot) -> Iterator[Player]:
    """A real libvlc player (qtbot makes the QApplication), closed afterwards: libvlc must
    stop before the interpreter does."""
    ok, why = vlc_status()
    if not ok:
        pytest.skip(why)
    player = Player()
    yield player
    player.close()


def load_and_wait(qtbot, player: Player, video: Path) -> None:
    """Load ``video`` and wait until its first picture is shown, paused."""
    with qtbot.waitSignal(player.state_changed, timeout=5000, check_params_cb="paused".__eq__):
        assert player.load(video)


@pytest.fixture(name="loaded")
def loaded_fixture(qtbot, player: Player, demo_video: Path) -> Player:
    """The player with the demo lecture loaded, paused on its first picture."""
    load_and_wait(qtbot, player, demo_video)
    return player


def probe_duration_ms(video: Path) -> int:
    """Ask ffprobe for the file's duration (an independent measure)."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(video)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return round(float(json.loads(out)["format"]["duration"]) * 1000)


def run_offscreen(
    script: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter with the offscreen Qt platform (60 s at most)."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_vlc_status_names_the_library() -> None:
    ok, message = vlc_status()
    assert ok, message
    assert message.startswith("libvlc 3.")


def test_load_shows_first_picture_paused_with_duration(loaded: Player, demo_video: Path) -> None:
    assert loaded.state() == "paused"
    assert loaded.position() == 0
    assert abs(loaded.duration() - probe_duration_ms(demo_video)) < 100
    frame = loaded.current_frame()
    assert frame is not None and frame.width() == 640 and frame.height() == 360


def test_time_advances_while_playing(qtbot, loaded: Player) -> None:
    seen: list[int] = []
    loaded.position_changed.connect(seen.append)
    loaded.play()
    started = time.monotonic()
    qtbot.wait(1200)
    elapsed = (time.monotonic() - started) * 1000
    position = loaded.position()
    assert loaded.is_playing()
    # Start-up latency makes the video a little behind the wall clock, never ahead.
    assert elapsed - 400 < position <= elapsed + 50
    assert len(seen) >= 20, "position_changed should come about every 30 ms"
    assert seen == sorted(seen), "the position must not run backwards while playing"


def test_seek_while_paused_shows_that_picture(qtbot, loaded: Player) -> None:
    first = loaded.current_frame()
    with qtbot.waitSignal(loaded.frame_ready, timeout=3000):
        loaded.seek(30_000)
    assert loaded.position() == 30_000
    assert loaded.state() == "paused"
    assert loaded.current_frame() != first, "the demo shows another slide at 0:30"


def test_seek_while_playing_continues_from_there(qtbot, loaded: Player) -> None:
    loaded.play()
    qtbot.wait(300)
    loaded.seek(40_000)
    assert loaded.position() == 40_000
    qtbot.wait(700)
    assert 40_300 < loaded.position() < 41_000


def test_play_range_pauses_at_its_end(qtbot, loaded: Player) -> None:
    started = time.monotonic()
    with qtbot.waitSignal(loaded.state_changed, timeout=4000, check_params_cb="paused".__eq__):
        loaded.play_range(10_000, 11_000)
    took = (time.monotonic() - started) * 1000
    assert loaded.position() == 11_000
    assert 900 < took < 1600
    qtbot.wait(300)
    assert loaded.position() == 11_000, "nothing plays after the range"


def test_loop_range_jumps_back_to_its_start(qtbot, loaded: Player) -> None:
    seen: list[int] = []
    loaded.position_changed.connect(seen.append)
    loaded.play_range(5_000, 5_400, loop=True)
    qtbot.wait(1600)
    assert loaded.is_playing()
    assert all(5_000 <= ms <= 5_400 for ms in seen)
    jumps_back = sum(1 for a, b in itertools.pairwise(seen) if b < a)
    assert jumps_back >= 2
    loaded.stop_range()
    qtbot.wait(900)
    assert loaded.position() > 5_400, "after stop_range playback goes on"


def test_rate_two_plays_twice_as_fast(qtbot, loaded: Player) -> None:
    rates: list[float] = []
    loaded.rate_changed.connect(rates.append)
    loaded.set_rate(5.0)
    assert loaded.rate() == 2.0 and rates == [2.0]
    loaded.seek(20_000)
    loaded.play()
    qtbot.wait(300)
    before, started = loaded.position(), time.monotonic()
    qtbot.wait(1000)
    advanced = loaded.position() - before
    elapsed = (time.monotonic() - started) * 1000
    assert 1.6 * elapsed < advanced < 2.4 * elapsed


def test_end_of_video_then_play_starts_again(qtbot, loaded: Player) -> None:
    loaded.seek(loaded.duration() - 400)
    with qtbot.waitSignal(loaded.state_changed, timeout=4000, check_params_cb="ended".__eq__):
        loaded.play()
    assert loaded.position() == loaded.duration()
    loaded.play()
    qtbot.wait(500)
    assert loaded.is_playing()
    assert loaded.position() < 1_000


def test_volume_and_mute_are_kept(loaded: Player) -> None:
    loaded.set_volume(140)
    assert loaded.volume() == 100
    loaded.set_volume(35)
    loaded.set_muted(True)
    assert loaded.volume() == 35 and loaded.is_muted()


def test_missing_file_gives_a_plain_error(qtbot, player: Player, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "lecture.mp4"
    with qtbot.waitSignal(player.error, timeout=1000) as blocker:
        assert player.load(missing) is False
    assert blocker.args == [f"Video file not found: {missing}. {MOVED_HINT}"]
    assert player.state() == "error"
    player.play()  # nothing to play: no error, no traceback
    assert player.state() == "error"


def test_unplayable_file_gives_a_plain_error(qtbot, player: Player, tmp_path: Path) -> None:
    not_video = tmp_path / "notes.mp4"
    not_video.write_text("WEBVTT\n\nthis is not a video\n", encoding="utf-8")
    with qtbot.waitSignal(player.error, timeout=5000) as blocker:
        assert player.load(not_video) is True
    assert blocker.args[0].startswith("Cannot play notes.mp4:")
    assert "Traceback" not in blocker.args[0]


def test_video_that_cannot_be_decoded_gives_a_plain_error(
    qtbot, player: Player, demo_video: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(player_module, "PREROLL_TIMEOUT_MS", 1500)
    # The demo with its media data zeroed: VLC reads the tracks but decodes no picture.
    data = bytearray(demo_video.read_bytes())
    mdat = data.find(b"mdat")
    size = int.from_bytes(data[mdat - 4 : mdat], "big")
    data[mdat + 4 : mdat - 4 + size] = bytes(size - 8)
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(bytes(data))
    with qtbot.waitSignal(player.error, timeout=5000) as blocker:
        assert player.load(broken) is True
    assert blocker.args[0].startswith("Cannot show the picture of broken.mp4:")
    assert player.state() == "error"
    player.play()
    assert player.state() == "error"


def test_opening_files_in_quick_succession_ends_on_the_last(
    qtbot, player: Player, demo_video: Path, tmp_path: Path
) -> None:
    not_video = tmp_path / "notes.mp4"
    not_video.write_text("not a video", encoding="utf-8")
    errors: list[str] = []
    player.error.connect(errors.append)
    for video in (demo_video, not_video, demo_video, tmp_path / "missing.mp4", not_video):
        player.load(video)  # each one abandons the examination of the one before
    load_and_wait(qtbot, player, demo_video)
    qtbot.wait(300)
    assert player.state() == "paused" and player.path() == demo_video
    assert errors == [f"Video file not found: {tmp_path / 'missing.mp4'}. {MOVED_HINT}"]


def test_close_twice_and_use_after_close_do_nothing(loaded: Player) -> None:
    loaded.close()
    loaded.close()
    loaded.play()
    loaded.seek(1000)
    assert loaded.load(Path("whatever.mp4")) is False


NO_VLC_SCRIPT = """
import json, sys
from captionreview.qt.player import Player, vlc_status
from PySide6.QtWidgets import QApplication
app = QApplication([])
ok, message = vlc_status()
player = Player()
errors = []
player.error.connect(errors.append)
loaded = player.load(sys.argv[1])
player.play(); player.seek(1000); player.set_rate(1.5); player.close()
print(json.dumps([ok, player.available, loaded, message, errors]))
"""


@pytest.mark.parametrize(
    ("how", "env"),
    [
        ("library path points nowhere", {"PYTHON_VLC_LIB_PATH": "/nonexistent/libvlc.so.5"}),
        ("python-vlc not installed", {"CR_TEST_HIDE_VLC": "1"}),
    ],
)
def test_without_libvlc_the_player_says_how_to_install_vlc(
    how: str, env: dict[str, str], demo_video: Path
) -> None:
    script = NO_VLC_SCRIPT
    if "CR_TEST_HIDE_VLC" in env:
        script = "import sys; sys.modules['vlc'] = None\n" + script
    result = run_offscreen(script, str(demo_video), env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    ok, available, loaded, message, errors = json.loads(result.stdout)
    assert (ok, available, loaded) == (False, False, False), how
    assert "install VLC" in message and "apt-get install vlc" in message
    assert "videolan.org" in message
    assert errors == [message]


EXIT_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from captionreview.qt.player import Player
app = QApplication([])
player = Player()
player.load(sys.argv[1])
player.state_changed.connect(lambda state: state == "paused" and player.play())
QTimer.singleShot(1500, app.quit)
app.exec()
print(player.state(), player.position() > 500)
"""


def test_interpreter_exits_cleanly_while_playing(demo_video: Path) -> None:
    # The script never calls close(): the player closes itself when the application quits.
    result = run_offscreen(EXIT_SCRIPT, str(demo_video))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Fatal Python error" not in result.stderr
    assert result.stdout.split() == ["playing", "True"]


LEAK_SCRIPT = """
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
import captionreview.qt.player  # installs the guard
class Ticker(QObject):
    ticked = Signal(int)
app = QApplication([])
ticker, widget = Ticker(), QWidget()
for n in range(20_000):
    ticker.ticked.emit(n)  # PySide6 6.12.0 drops a reference to True here
    widget.update()  # and one to None here
print("done")
"""


def test_many_emits_and_repaints_do_not_abort_the_interpreter() -> None:
    # A playing video emits ~60 signals and repaints a second: within minutes PySide6 6.12.0
    # would free None/True and abort CPython 3.11 ("none_dealloc") without the player's guard.
    result = run_offscreen(LEAK_SCRIPT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["done"]


@pytest.mark.parametrize(
    ("platform", "cards", "server", "dummy"),
    [
        ("linux", "--- no soundcards ---\n", False, True),
        ("linux", None, False, True),
        ("linux", " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n", False, False),
        ("linux", "--- no soundcards ---\n", True, False),
        ("darwin", None, False, False),
        ("win32", None, False, False),
    ],
)
def test_audio_is_silenced_only_on_linux_without_a_sound_card(platform, cards, server, dummy):
    from captionreview.qt.player import vlc_args

    args = vlc_args(platform, cards, server)
    assert ("--aout=dummy" in args) is dummy
    assert "--no-sub-autodetect-file" in args
