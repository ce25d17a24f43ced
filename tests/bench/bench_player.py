"""Benchmark of the player: caption drift on the demo lecture, CPU while playing, tick cost.

1. Drift (EN 301 549 7.1.2 asks captions to show within 100 ms of their time): the demo plays
   at rate 1 with its captions in a :class:`VideoWidget`; each time a paint shows a different
   set of cues, the cue boundary it belongs to is compared with
   - the player's time at that paint (what the position clock says), and
   - the wall clock since the first picture was shown (what the viewer sees).
2. CPU: the process's CPU time over wall time while the demo plays, and while paused
   (100 % = one core).
3. Tick cost with a 30,000-cue document: one position update through the player's signal into
   the overlay lookup and repaint request (and the transport bar), goal < 16 ms; and one full
   repaint of the picture with a caption.

Run: ``.venv/bin/python tests/bench/bench_player.py [--seconds N]`` (prints figures; not
collected by pytest). Plays the whole demo by default (about 74 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

import captionreview
from captionreview.core.document import Document
from captionreview.qt.player import Player, vlc_status
from captionreview.qt.transport import TransportBar
from captionreview.qt.video_widget import VideoWidget

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo"


class TimedVideoWidget(VideoWidget):
    """Records when a paint first shows a new set of cues, and the player's time then."""

    def __init__(self, player: Player) -> None:
        super().__init__(player)
        self.changes: list[tuple[float, int, tuple[int, ...], tuple[int, ...]]] = []
        self._painted: tuple[int, ...] = ()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, then note the time if the cues on screen changed."""
        super().paintEvent(event)
        shown = tuple(self.displayed_cues())
        if shown != self._painted:
            now = time.monotonic()
            self.changes.append((now, self._player.position(), self._painted, shown))
            self._painted = shown

    def reset(self) -> None:
        """Forget the changes seen so far."""
        self.changes.clear()
        self._painted = ()


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate: object, timeout_ms: int = 5000) -> None:
    """Run the event loop until ``predicate()`` is true; raises TimeoutError."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the player did not get there in time")
        wait(2)


def first_picture_after(player: Player, start: Callable[[], None]) -> float:
    """Call ``start`` and return the monotonic time libvlc showed the next picture at.

    A thread polls every millisecond: the Qt thread may be busy when that picture is shown,
    and the one after it comes only 40 ms later.
    """
    before = player.frame_shown_at()
    seen: list[float] = []

    def poll() -> None:
        deadline = time.monotonic() + 5
        while not seen and time.monotonic() < deadline:
            if player.frame_shown_at() > before:
                seen.append(player.frame_shown_at())
            time.sleep(0.001)

    watcher = threading.Thread(target=poll)
    watcher.start()
    start()
    while watcher.is_alive():
        wait(5)
    if not seen:
        raise TimeoutError("no picture was shown")
    return seen[0]


def boundary_of(doc: Document, before: tuple[int, ...], after: tuple[int, ...]) -> int:
    """Return the cue time a change of shown cues belongs to (a start shown or an end gone)."""
    times = [doc.cues[i].start_ms for i in set(after) - set(before)]
    times += [doc.cues[i].end_ms for i in set(before) - set(after)]
    return min(times)


def summary(values: list[float]) -> str:
    """Return 'mean / max / min' of signed values in ms."""
    return (
        f"mean {statistics.fmean(values):6.1f}  mean|.| {statistics.fmean(map(abs, values)):6.1f}"
        f"  max|.| {max(map(abs, values)):6.1f}  (min {min(values):6.1f}, max {max(values):6.1f})"
    )


def measure_drift(seconds: float | None) -> None:
    """Play the demo with its captions and print drift and CPU figures."""
    doc = captionreview.load(DEMO / "lecture.sv.vtt")
    player = Player()
    widget = TimedVideoWidget(player)
    bar = TransportBar(player)
    widget.resize(800, 450)
    widget.show()
    bar.show()
    widget.set_document(doc)
    states: list[str] = []
    player.state_changed.connect(states.append)
    player.load(DEMO / "lecture.mp4")
    wait_for(lambda: player.state() == "paused")
    # Start afresh so the first picture shown is the video's first frame (time 0).
    player.stop()
    wait(300)
    widget.reset()
    cpu0, wall0 = time.process_time(), time.monotonic()
    first_picture = first_picture_after(player, player.play)
    length = player.duration() / 1000 if seconds is None else seconds
    wait(int(length * 1000) - int((time.monotonic() - wall0) * 1000))
    cpu = (time.process_time() - cpu0) / (time.monotonic() - wall0) * 100
    changes = list(widget.changes)
    player.seek(player.duration() // 2)
    player.pause()
    wait(500)
    cpu0, wall0_paused = time.process_time(), time.monotonic()
    wait(3000)
    cpu_paused = (time.process_time() - cpu0) / (time.monotonic() - wall0_paused) * 100
    player.close()

    vs_player: list[float] = []
    vs_wall: list[float] = []
    vs_call: list[float] = []
    for painted_at, position, before, after in changes:
        boundary = boundary_of(doc, before, after)
        vs_player.append(position - boundary)
        vs_wall.append((painted_at - first_picture) * 1000 - boundary)
        vs_call.append((painted_at - wall0) * 1000 - boundary)
    print(f"libvlc: {vlc_status()[1]};  demo: {len(doc)} cues, played {length:.1f} s at rate 1")
    print(f"first picture {(first_picture - wall0) * 1000:.0f} ms after play()")
    print(f"caption changes measured: {len(vs_wall)}  (positive = caption late)")
    print(f"  drift vs player time       : {summary(vs_player)}")
    print(f"  drift vs picture wall clock: {summary(vs_wall)}")
    print(f"  drift vs wall from play()  : {summary(vs_call)}")
    within = sum(1 for v in vs_wall if abs(v) <= 100)
    print(f"  within 100 ms of the picture clock: {within}/{len(vs_wall)}")
    print(f"CPU while playing (800×450 widget, 25 fps): {cpu:.1f} % of one core")
    print(f"CPU while paused: {cpu_paused:.1f} % of one core")


def lecture_vtt(cues: int) -> str:
    """Return a WebVTT file of ``cues`` 2.5 s cues with 0.5 s gaps."""
    lines = ["WEBVTT", ""]
    for i in range(cues):
        start, end = i * 3000, i * 3000 + 2500
        lines += [f"{ms(start)} --> {ms(end)}", f"Mening nummer {i} i en lång föreläsning", ""]
    return "\n".join(lines)


def ms(value: int) -> str:
    """Format ``value`` ms as a WebVTT timestamp."""
    hours, rest = divmod(value, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def measure_tick(cues: int = 30_000) -> None:
    """Print the cost of one playback tick and of one repaint with a big document."""
    doc = Document.from_text(lecture_vtt(cues))
    player = Player()
    widget = VideoWidget(player)
    bar = TransportBar(player)
    widget.resize(800, 450)
    widget.show()
    bar.show()
    widget.set_document(doc)
    player.load(DEMO / "lecture.mp4")
    wait_for(lambda: player.state() == "paused")
    span = cues * 3000
    ticks: list[float] = []
    for k in range(3000):
        position = (k * 7919 * 30) % span  # spread over the whole document
        started = time.perf_counter()
        player.position_changed.emit(position)
        ticks.append((time.perf_counter() - started) * 1000)
    paints: list[float] = []
    for k in range(200):
        player.position_changed.emit((k * 104_729) % span)
        started = time.perf_counter()
        widget.repaint()
        paints.append((time.perf_counter() - started) * 1000)
    player.close()
    ticks.sort()
    paints.sort()
    print(f"tick with {cues:,} cues (position signal -> lookup -> repaint request, transport):")
    print(
        f"  mean {statistics.fmean(ticks):.3f} ms  p99 {ticks[int(len(ticks) * 0.99)]:.3f} ms"
        f"  max {ticks[-1]:.3f} ms  (goal < 16 ms)"
    )
    print(
        f"full repaint 800×450 with picture and caption: mean {statistics.fmean(paints):.2f} ms"
        f"  p99 {paints[int(len(paints) * 0.99)]:.2f} ms"
    )


def main() -> int:
    """Run the benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=None, help="play only this long")
    args = parser.parse_args()
    ok, why = vlc_status()
    if not ok:
        print(why)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    measure_tick()
    measure_drift(args.seconds)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
