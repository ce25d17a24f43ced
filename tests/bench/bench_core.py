"""Benchmark the core document: load, one text edit, save; next to webvtt-py's own parse.

Run on its own: ``.venv/bin/python tests/bench/bench_core.py``. It writes a 3,000-cue file
(a three-hour lecture) and a 30,000-cue file in a temporary folder — YouTube-style word
timings, a NOTE every 100 cues and one malformed block every 1,000 cues so the problem
reporting is exercised — and prints a table of best-of-N wall times and peak memory.

Then the reader's common path against webvtt-py on a realistic 30,000-cue file (an id on half
the cues, cue settings on two thirds, a NOTE every 50 cues, one or two lines of text): both
loads run in turn, several times, and the table gives the min and median wall and CPU times
and the ratio (webvtt-py's time / ours). ``--runs N`` sets how many times (default 7).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import webvtt

import captionreview
from captionreview.core.timecode import format_vtt_timestamp

WORDS = [
    "det",
    "här",
    "är",
    "en",
    "föreläsning",
    "om",
    "tillväxt",
    "och",
    "hållbar",
    "utveckling",
    "i",
    "hela",
    "Sverige",
]


def make_file(path: Path, cues: int) -> None:
    """Write a realistic WebVTT file with ``cues`` cues (and a few bad blocks)."""
    lines = ["WEBVTT", "Kind: captions", "Language: sv", ""]
    for i in range(cues):
        start = i * 3600
        if i % 100 == 0:
            lines += [f"NOTE avsnitt {i // 100 + 1}", ""]
        if i % 1000 == 999:
            lines += ["00:00:6.000 --> 00:00:07.000", "trasig tidsrad", ""]
        words = [WORDS[(i + k) % len(WORDS)] for k in range(7)]
        karaoke = "".join(
            f"<{format_vtt_timestamp(start + 400 * k)}><c> {w}</c>" for k, w in enumerate(words)
        )
        lines += [
            f"{format_vtt_timestamp(start)} --> {format_vtt_timestamp(start + 3400)} "
            "align:start position:0%",
            " ".join(WORDS[(i + k) % len(WORDS)] for k in range(6)),
            words[0] + karaoke,
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def make_realistic_file(path: Path, cues: int) -> None:
    """Write the common kind of file: ids on half the cues, settings, NOTE blocks, 1-2 lines."""
    lines = ["WEBVTT", "Kind: captions", "Language: sv", ""]
    for i in range(cues):
        start = i * 3000
        if i % 50 == 0:
            lines += [f"NOTE avsnitt {i // 50 + 1}", ""]
        if i % 2 == 0:
            lines.append(str(i + 1) if i % 4 == 0 else f"cue-{i:05d}")
        settings = ("align:start position:10% line:85%", "line:90%", "")[i % 3]
        timing = f"{format_vtt_timestamp(start)} --> {format_vtt_timestamp(start + 2800)}"
        lines.append(f"{timing} {settings}".rstrip())
        lines.append(" ".join(WORDS[(i + k) % len(WORDS)] for k in range(6)))
        if i % 2:
            lines.append(" ".join(WORDS[(i + k + 3) % len(WORDS)] for k in range(5)))
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def compare_with_webvtt_py(path: Path, runs: int) -> dict[str, list[float]]:
    """Load ``path`` with captionreview and with webvtt-py in turn ``runs`` times each.

    Returns the wall and CPU times in milliseconds of every run, by name. Taking turns
    makes both see the same machine load; CPU time is what the process itself spent.
    """
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, load in (
            ("ours", lambda: captionreview.load(path)),
            ("webvtt-py", lambda: webvtt.read(str(path))),
        ):
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            load()
            times.setdefault(f"{name} wall", []).append((time.perf_counter() - wall) * 1000)
            times.setdefault(f"{name} cpu", []).append((time.process_time() - cpu) * 1000)
    return times


def print_comparison(times: dict[str, list[float]], cues: int) -> None:
    """Print the min and median times of both readers and the ratio of the two."""
    print(f"\nrealistic {cues:,}-cue file, {len(times['ours wall'])} runs each (ms)")
    print(f"{'':24}{'min':>10}{'median':>10}")
    for key, values in times.items():
        print(f"{key:24}{min(values):>10.1f}{statistics.median(values):>10.1f}")
    for clock in ("wall", "cpu"):
        ours, theirs = times[f"ours {clock}"], times[f"webvtt-py {clock}"]
        print(
            f"{'speed-up (' + clock + ')':24}{min(theirs) / min(ours):>9.2f}x"
            f"{statistics.median(theirs) / statistics.median(ours):>9.2f}x"
        )


def best(fn: Callable[[], object], repeat: int) -> float:
    """Return the best wall time of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def peak_kib(fn: Callable[[], object]) -> float:
    """Return the peak traced memory of one run, in MiB."""
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / (1024 * 1024)


def measure(folder: Path, cues: int) -> dict[str, float]:
    """Return the figures for one file size."""
    path = folder / f"lecture-{cues}.vtt"
    make_file(path, cues)
    repeat = 5 if cues <= 3000 else 3
    figures: dict[str, float] = {"size_mib": path.stat().st_size / (1024 * 1024)}
    figures["read_split_ms"] = best(lambda: path.read_text(encoding="utf-8").split("\n\n"), repeat)
    figures["load_ms"] = best(lambda: captionreview.load(path), repeat)
    figures["webvtt_py_ms"] = best(lambda: webvtt.read(str(path)), repeat)
    doc = captionreview.load(path)
    figures["cues"] = len(doc)
    figures["problems"] = len(doc.problems)
    middle = len(doc) // 2
    counter = iter(range(1_000_000))
    out = folder / f"saved-{cues}.vtt"

    def edit_and_save() -> None:
        doc.set_text(middle, f"rättad text {next(counter)}")
        doc.save(out, keep_original=False)

    figures["edit_save_ms"] = best(edit_and_save, repeat * 2)
    figures["edit_ms"] = best(lambda: doc.set_text(middle, f"x {next(counter)}"), repeat * 2)
    figures["text_ms"] = best(doc.text, repeat)
    figures["active_ms"] = best(lambda: doc.active_indices(cues * 1800), repeat)
    figures["load_peak_mib"] = peak_kib(lambda: captionreview.load(path))
    figures["webvtt_py_peak_mib"] = peak_kib(lambda: webvtt.read(str(path)))
    return figures


def main() -> None:
    """Print the benchmark table, then the reader against webvtt-py on a realistic file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="loads of the realistic file")
    parser.add_argument("--ratio-only", action="store_true", help="only the realistic file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        realistic = Path(tmp) / "realistic-30000.vtt"
        make_realistic_file(realistic, 30000)
        captionreview.load(realistic)  # imports and caches warmed, not timed
        comparison = compare_with_webvtt_py(realistic, args.runs)
        rows = [] if args.ratio_only else [measure(Path(tmp), n) for n in (3000, 30000)]
    if rows:
        print_table(rows)
    print_comparison(comparison, 30000)


def print_table(rows: list[dict[str, float]]) -> None:
    """Print the table of load, edit and save figures for both file sizes."""
    names = [
        ("cues", "cues", "{:.0f}"),
        ("problems", "problems reported", "{:.0f}"),
        ("size_mib", "file size (MiB)", "{:.2f}"),
        ("read_split_ms", "read + split blocks (ms)", "{:.1f}"),
        ("load_ms", "captionreview.load (ms)", "{:.1f}"),
        ("webvtt_py_ms", "webvtt.read, webvtt-py (ms)", "{:.1f}"),
        ("speedup", "load speed-up vs webvtt-py", "{:.1f}x"),
        ("edit_ms", "one text edit (ms)", "{:.3f}"),
        ("text_ms", "serialise doc.text() (ms)", "{:.1f}"),
        ("edit_save_ms", "one text edit + atomic save (ms)", "{:.1f}"),
        ("active_ms", "active_indices after edit (ms)", "{:.3f}"),
        ("load_peak_mib", "load peak memory (MiB)", "{:.1f}"),
        ("webvtt_py_peak_mib", "webvtt-py peak memory (MiB)", "{:.1f}"),
    ]
    for row in rows:
        row["speedup"] = row["webvtt_py_ms"] / row["load_ms"]
    print(f"{'':36}{'3,000 cues':>14}{'30,000 cues':>14}")
    for key, label, fmt in names:
        print(f"{label:36}" + "".join(f"{fmt.format(row[key]):>14}" for row in rows))


if __name__ == "__main__":
    main()
