"""Benchmark of the review features: ``compare`` on two one-hour files (the demo's auto track
and its reference, each repeated to an hour: 50 × 74 s, about 7,100 and 6,400 words), and
opening a 1,500-cue file with its review sidecar (load, restore by matching, count), plus the
cost of one edit's state update. Also prints the demo's WER and NER estimate.

Run: ``.venv/bin/python tests/bench/bench_review.py`` (prints figures; not collected by pytest).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jiwer

from captionreview.core.compare import compare, percent
from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.review import open_review
from captionreview.core.timecode import format_vtt_timestamp
from captionreview.core.words.glossary import Glossary

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "assets" / "demo"


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """Return (best, median) wall time in ms of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def repeated(path: Path, times: int) -> Document:
    """Return the cues of ``path`` repeated ``times`` times one after the other."""
    doc = load(path)
    span = max(c.end_ms for c in doc.cues) + 1000
    parts = ["WEBVTT", ""]
    for k in range(times):
        for cue in doc.cues:
            start = format_vtt_timestamp(cue.start_ms + k * span)
            end = format_vtt_timestamp(cue.end_ms + k * span)
            parts += [f"{start} --> {end}", cue.text, ""]
    return Document.from_text("\n".join(parts))


def main() -> None:
    """Print the figures."""
    auto = load(DEMO / "lecture.sv.vtt")
    reference = load(DEMO / "reference" / "lecture.sv.vtt")
    glossary = Glossary.load(DEMO / "glossary.txt")
    demo = compare(auto.cues, reference.cues, glossary)
    print(
        f"demo: WER {percent(demo.wer)} ({demo.substitutions} S, {demo.deletions} D, "
        f"{demo.insertions} I of {demo.reference_words} words), strict WER "
        f"{percent(demo.strict_wer)}, CER {percent(demo.cer)}, NER estimate "
        f"{percent(demo.ner().accuracy)} ({len(demo.changes)} changes, all standard)"
    )

    hour_auto = repeated(DEMO / "lecture.sv.vtt", 50)
    hour_ref = repeated(DEMO / "reference" / "lecture.sv.vtt", 50)
    hour = compare(hour_auto.cues, hour_ref.cues, glossary)
    print(
        f"one hour: {len(hour_auto.cues)} / {len(hour_ref.cues)} cues, "
        f"{len(hour.auto_words)} / {hour.reference_words} words, "
        f"{max(c.end_ms for c in hour_ref.cues) / 60000:.1f} min"
    )
    best, median = best_of(5, lambda: compare(hour_auto.cues, hour_ref.cues, glossary))
    print(f"compare (words, kinds, confusions, NER): best {best:.1f} ms, median {median:.1f} ms")
    best, median = best_of(5, lambda: compare(hour_auto.cues, hour_ref.cues, glossary).cer)
    print(f"compare + CER: best {best:.1f} ms, median {median:.1f} ms")
    ref_text = " ".join(w.norm for w in hour.corrected_words)
    hyp_text = " ".join(w.norm for w in hour.auto_words)
    best, median = best_of(5, lambda: jiwer.process_words(ref_text, hyp_text))
    print(f"  for scale, jiwer.process_words on the same words: best {best:.1f} ms")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.sv.vtt"
        big = repeated(DEMO / "lecture.sv.vtt", 100)
        big.save(path, keep_original=False)
        review = open_review(load(path))
        cues = len(review.doc.cues)
        for i in range(0, cues, 3):
            review.approve(i)
        for i in range(0, cues, 50):
            review.set_comment(i, "Kolla med föreläsaren")
        review.save()
        print(f"sidecar: {cues} cues, {path.with_name('long.sv.review.json').stat().st_size} B")
        best, median = best_of(5, lambda: open_review(load(path)).counts())
        print(f"open {cues} cues + sidecar: best {best:.1f} ms, median {median:.1f} ms")
        best, median = best_of(5, lambda: load(path))
        print(f"  of which loading the captions alone: best {best:.1f} ms")
        best, median = best_of(5, review.save)
        print(f"save the sidecar: best {best:.1f} ms, median {median:.1f} ms")
        doc = review.doc
        start = time.perf_counter()
        for k in range(1000):
            doc.set_text(700, f"ord {k}", typing=True)
        each = (time.perf_counter() - start) * 1000 / 1000
        print(f"one keystroke's edit with the review following: {each * 1000:.0f} µs")


if __name__ == "__main__":
    main()
