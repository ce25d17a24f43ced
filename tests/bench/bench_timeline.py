"""Benchmark of the timeline. Run: ``.venv/bin/python tests/bench/bench_timeline.py``.

1. Paint time per frame while scrolling, with 3,000 cues and the envelope of one hour of sound
   (10 ms steps, 360,000 values) at three zooms: the default (~20 s in view), one minute in
   view, and the whole hour. Each frame moves the view and repaints the widget synchronously
   (``repaint()``), the way playback or the scroll bar moves it. Goal: < 16 ms (60 fps).
2. Building the envelope pyramid for the hour (once per analysis).
3. Time to first waveform on screen for the demo lecture in the full window: from opening the
   files to the first paint of the timeline with the waveform, with an empty sound cache
   (decode + speech detection in the background) and with the cache filled (a reopen).

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a platform is set; settings, journal and the
sound cache go to a temporary folder.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from guienv import TMP  # first: the temporary folders, Qt platform and sys.path
from PySide6.QtWidgets import QApplication

from captionreview.core.audio.analysis import AudioAnalysis
from captionreview.core.document import Document
from captionreview.core.model import Cue
from captionreview.qt.timeline import Timeline, envelope_pyramid

HOUR_MS = 3_600_000
CUES = 3000
STEP_MS = 10
FRAMES = 240
WIDTH, HEIGHT = 1280, 150
WORDS = ("region", "kommun", "styrelsen", "arbete", "och")


def hour_of_lecture() -> tuple[Document, AudioAnalysis]:
    """3,000 cues over an hour and a matching analysis: speech under each cue, noise between."""
    rng = random.Random(9)
    cues = []
    speech = []
    slot = HOUR_MS // CUES
    for i in range(CUES):
        start = i * slot + rng.randrange(0, 200)
        end = start + rng.randrange(slot // 2, slot - 250)
        words = " ".join(
            rng.choice(("region", "kommun", "styrelsen", "arbete", "och")) for _ in range(9)
        )
        cues.append(Cue(start, end, words))
        speech.append((start + 30, end - 20))
    envelope = bytearray(rng.randrange(0, 12) for _ in range(HOUR_MS // STEP_MS))
    for start, end in speech:
        for k in range(start // STEP_MS, end // STEP_MS):
            envelope[k] = rng.randrange(60, 250)
    analysis = AudioAnalysis(
        HOUR_MS, STEP_MS, bytes(envelope), tuple(speech), tuple(range(0, HOUR_MS, 47_000))
    )
    return Document.from_cues(cues), analysis


def scroll_paints(app: QApplication, timeline: Timeline, ms_per_px: float) -> list[float]:
    """Move the view on FRAMES times and let the event loop repaint; return each paint's ms."""
    timeline.zoom(ms_per_px / timeline.ms_per_px(), 0)
    times: list[float] = []
    original = timeline.paintEvent

    def timed(event) -> None:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        original(event)
        # Paints of the scroll bar's strip alone return at once; count the timeline's own.
        if event.rect().top() < timeline.canvas_height():
            times.append((time.perf_counter() - t0) * 1000)

    timeline.paintEvent = timed  # type: ignore[method-assign]
    start = HOUR_MS / 3
    for frame in range(FRAMES):
        # Four pixels a frame, as smooth scrolling would (the whole-hour view cannot move,
        # so there the playhead moves instead).
        timeline.scroll_to(start + frame * 4 * ms_per_px)
        timeline.set_position(round(start + frame * 4 * ms_per_px))
        app.processEvents()
    timeline.paintEvent = original  # type: ignore[method-assign]
    return times


def report(label: str, values: list[float]) -> None:
    values = sorted(values)
    p95 = values[int(len(values) * 0.95) - 1]
    print(
        f"  {label:<28} median {statistics.median(values):6.2f} ms   "
        f"p95 {p95:6.2f} ms   max {values[-1]:6.2f} ms"
    )


def bench_paint(app: QApplication) -> None:
    doc, analysis = hour_of_lecture()
    timeline = Timeline()
    timeline.resize(WIDTH, HEIGHT)
    timeline.show()
    timeline.set_document(doc)
    t0 = time.perf_counter()
    timeline.set_analysis(analysis)
    pyramid_ms = (time.perf_counter() - t0) * 1000
    timeline.set_selected(1000)
    app.processEvents()
    values = len(analysis.envelope)
    print(f"Timeline {WIDTH}x{HEIGHT}, {CUES} cues, one hour of envelope ({values} values)")
    print(
        f"  envelope pyramid + speech index for the hour: {pyramid_ms:.1f} ms (once per analysis)"
    )
    for label, ms_per_px in (
        ("default zoom (~19 s in view)", 15.0),
        ("one minute in view", 60_000 / WIDTH),
        ("the whole hour in view", HOUR_MS / WIDTH),
    ):
        paints = scroll_paints(app, timeline, ms_per_px)
        report(f"{label}, {len(paints)} paints", paints)
    t0 = time.perf_counter()
    for _ in range(20):
        envelope_pyramid(analysis.envelope)
    print(f"  envelope_pyramid alone: {(time.perf_counter() - t0) * 1000 / 20:.1f} ms")
    timeline.close()


def first_waveform(app: QApplication, label: str) -> None:
    from captionreview.core.journal import Journal
    from captionreview.qt.app import demo_files, open_window
    from captionreview.qt.timeline_feature import TimelineFeature

    window = open_window(journal=Journal(TMP / "journal"))
    window.resize(1360, 860)
    window.show()
    app.processEvents()
    feature = window.findChild(TimelineFeature)
    painted: list[float] = []
    timeline = feature.timeline
    original = timeline.paintEvent

    def paint_and_note(event) -> None:  # type: ignore[no-untyped-def]
        original(event)
        if timeline.analysis() is not None and not painted:
            painted.append(time.perf_counter())

    timeline.paintEvent = paint_and_note  # type: ignore[method-assign]
    t0 = time.perf_counter()
    window.open_paths(demo_files())
    while not painted and time.perf_counter() - t0 < 120:
        app.processEvents()
        time.sleep(0.002)
    if painted:
        print(f"  {label:<28} {(painted[0] - t0) * 1000:7.0f} ms")
    else:
        print(f"  {label:<28} no waveform within 120 s: {timeline.notice()}")
    window.player.close()
    window.close()
    window.deleteLater()
    app.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    bench_paint(app)
    print("Time to first waveform on screen, demo lecture (74 s), full window")
    first_waveform(app, "empty sound cache")
    first_waveform(app, "cache filled (reopen)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
