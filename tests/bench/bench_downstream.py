"""Benchmark of PUB-01, the downstream view: the saved text as webvtt-py reads it, against our
cues. The quick reading (plain cue blocks read by one pattern, webvtt-py for the header and
every other block) next to the thorough one (the whole text handed to webvtt-py, the cues
compared one by one: how PUB-01 was worked out before), on the 3,000 reviewed cues of
``bench_checks`` and the 30,000 YouTube-style karaoke cues of ``bench_core`` (goals: a few ms
and < 150 ms). Both must give the same findings; the benchmark says so.

Run: ``.venv/bin/python tests/bench/bench_downstream.py`` (prints figures; not collected by
pytest). The first line is a yardstick (a plain Python loop) to compare machines.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from captionreview.core.checks.downstream import downstream_findings
from captionreview.core.document import Document
from tests.bench.bench_checks import cpu_baseline_ms, lecture_vtt
from tests.bench.bench_core import make_file


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Return (best wall, median wall, best CPU) time of ``action`` in milliseconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return min(walls), statistics.median(walls), min(cpus)


def compare(label: str, doc: Document, repeat: int) -> None:
    """Print PUB-01's time on ``doc``, the quick way and the thorough one."""
    text, cues = doc.text(), list(doc.cues)
    quick = downstream_findings(text, cues)
    thorough = downstream_findings(text, cues, thorough=True)
    same = "same findings" if quick == thorough else "FINDINGS DIFFER"
    for way, flag in (("quick", False), ("thorough", True)):
        best, median, cpu = timed(
            lambda f=flag: downstream_findings(text, cues, thorough=f),
            repeat if not flag else max(2, repeat // 3),
        )
        print(
            f"PUB-01, {label}, {way:>8}: wall best {best:8.1f} ms, median {median:8.1f} ms; "
            f"CPU best {cpu:8.1f} ms"
        )
    print(f"  {len(quick)} findings, {same}")


HOSTILE = {
    "one long line": lambda n: "WEBVTT\n\n" + "a -" * n,
    "lines of spaces": lambda n: "WEBVTT\n\n" + "x\n" + "  \n" * n,
    "empty lines": lambda n: "WEBVTT" + "\n" * (3 * n),
    "arrows, no times": lambda n: "WEBVTT\n\n" + "x --> y\n\n" * (n // 3),
    "a timing cut short": lambda n: "WEBVTT\n\n00:00:01.000" + " " * n + "\nx",
    "odd characters": lambda n: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + "\u2028-" * n,
    "plain cues": lambda n: "WEBVTT\n\n" + "00:00:01.000 --> 00:00:02.000\nx\n\n" * (n // 10),
}


def scaling() -> None:
    """Print the time of the quick reading on hostile texts of 100,000 and 400,000 characters
    (every pass is linear: four times the text, about four times the time)."""
    for label, make in HOSTILE.items():
        small, large = make(100_000), make(400_000)
        times = [timed(lambda t=text: downstream_findings(t, []), 3)[2] for text in (small, large)]
        print(
            f"quick reading, {label:>18}: {len(small):>7} chars {times[0]:7.1f} ms, "
            f"{len(large):>7} chars {times[1]:7.1f} ms (x{times[1] / max(times[0], 0.01):.1f})"
        )


def main() -> None:
    """Print the figures."""
    print(f"machine yardstick: 3M-step Python loop {cpu_baseline_ms():.0f} ms")
    compare("3000 reviewed cues", Document.from_text(lecture_vtt(3_000, reviewed=True)), 21)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "karaoke.sv.vtt"
        make_file(path, 30_000)
        karaoke = Document.from_text(path.read_text(encoding="utf-8"), path)
    compare("30000 karaoke cues", karaoke, 7)
    scaling()


if __name__ == "__main__":
    main()
