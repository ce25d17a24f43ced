"""Benchmark: clean-up of a one-hour YouTube-style auto-caption file.

Run on its own: ``.venv/bin/python tests/bench/bench_cleanup.py``. Generates ≈1,800 rolling
cues with karaoke word timings (plus YouTube's 10 ms bridge cues) in a temporary file, loads it
with the document loader, then times detection, de-duplication, re-segmentation and writing,
and prints the figures. It checks that no word is lost or duplicated, but asserts no timing.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import captionreview
from captionreview.core.cleanup.rolling import (
    clean_auto_captions,
    format_figures,
    looks_like_auto_captions,
    recover_words,
)
from captionreview.core.cleanup.segment import segment_words
from captionreview.core.document import Document
from captionreview.core.profiles import DEFAULT_PROFILE


def word_list(text: str) -> list[str]:
    """Return the words of ``text``."""
    return text.split()


SHORT_WORDS = word_list(
    "och att det som en på är av för med till den har de inte om ett men vi så kan"
)
LONG_WORDS = word_list(
    "regionen kommunen tillväxtverket landsbygden arbetslösheten kompetensförsörjningen "
    "kollektivtrafiken strategi utveckling ekonomi pandemin samarbeta ansvaret medarbetare "
    "hemtjänsten styrning professor föreläsningen regional svensk västra götaland helsingborg"
)
HOUR_MS = 3_600_000


def timestamp(ms: int) -> str:
    """Return ``HH:MM:SS.mmm``."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def one_hour_of_auto_captions(seed: int = 7) -> tuple[str, list[str]]:
    """Return (file text, spoken words) of one hour of YouTube-form auto-captions."""
    rng = random.Random(seed)
    words: list[str] = []
    starts: list[int] = []
    now = 500
    while now < HOUR_MS - 5000:
        # lectures: mostly short words, now and then a long compound
        words.append(rng.choice(SHORT_WORDS if rng.random() < 0.7 else LONG_WORDS))
        starts.append(now)
        # about 2.5 words a second, with a pause now and then
        now += rng.randint(200, 520) + (rng.random() < 0.04) * rng.randint(800, 2500)
    lines: list[list[int]] = []
    k = 0
    while k < len(words):
        size = rng.randint(4, 5)
        lines.append(list(range(k, min(k + size, len(words)))))
        k += size
    blocks = ["WEBVTT\nKind: captions\nLanguage: sv\n"]
    previous = " "
    for n, line in enumerate(lines):
        start = starts[line[0]]
        end = starts[lines[n + 1][0]] if n + 1 < len(lines) else starts[line[-1]] + 1500
        karaoke = words[line[0]] + "".join(
            f"<{timestamp(starts[i])}><c> {words[i]}</c>" for i in line[1:]
        )
        plain = " ".join(words[i] for i in line)
        settings = " align:start position:0%"
        blocks.append(
            f"{timestamp(start)} --> {timestamp(end - 10)}{settings}\n{previous}\n{karaoke}\n"
        )
        blocks.append(f"{timestamp(end - 10)} --> {timestamp(end)}{settings}\n{plain}\n \n")
        previous = plain
    return "\n".join(blocks), words


def timed(label: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Run ``func`` and print how long it took."""
    began = time.perf_counter()
    value = func(*args, **kwargs)
    print(f"{label:34}{(time.perf_counter() - began) * 1000:9.0f} ms")
    return value


def window_responsiveness(doc: Document) -> None:
    """Open the preview dialog on ``doc`` and print how long the UI thread was ever blocked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from captionreview.qt.cleanup_dialog import CleanupDialog

    app = QApplication.instance() or QApplication([])
    began = time.perf_counter()
    dialog = CleanupDialog(doc, DEFAULT_PROFILE)
    dialog.show()
    opened = time.perf_counter()
    ticks = [opened]
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    loop = QEventLoop()
    dialog.ready.connect(loop.quit)
    if dialog.result is None:
        loop.exec()
    ready = time.perf_counter()
    timer.stop()
    stalls = [b - a for a, b in pairwise(ticks)] or [0.0]
    print(f"{'preview dialog shown':34}{(opened - began) * 1000:9.0f} ms")
    print(f"{'preview ready (worker thread)':34}{(ready - began) * 1000:9.0f} ms")
    print(
        f"{'longest UI stall while it ran':34}{max(stalls) * 1000:9.0f} ms "
        f"({len(ticks)} timer ticks of 10 ms)"
    )
    dialog.reject()
    app.processEvents()


def main() -> int:
    """Generate, clean and report; return 1 if a word was lost or duplicated."""
    text, spoken = one_hour_of_auto_captions()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one-hour.sv.vtt"
        path.write_text(text, encoding="utf-8")
        print(f"input: {path.stat().st_size / 1e6:.1f} MB, {len(spoken)} spoken words")
        doc = timed("load (document reader)", captionreview.load, path)
        cues = list(doc.cues)
        rolling = sum(1 for c in cues if c.duration_ms > 50)
        print(f"cues: {len(cues)} ({rolling} rolling cues, {len(cues) - rolling} bridge cues)")
        auto = timed(
            "detection (looks_like_auto_captions)", looks_like_auto_captions, cues, doc.metadata
        )
        words = timed("de-duplication and word timing", recover_words, cues)
        timed("re-segmentation", segment_words, words, DEFAULT_PROFILE, language="sv")
        result = timed(
            "whole clean-up (incl. figures)",
            clean_auto_captions,
            cues,
            DEFAULT_PROFILE,
            metadata=doc.metadata,
        )
        window_responsiveness(doc)
        timed("replace_all (one undo step)", doc.replace_all, result.cues, "Clean up auto-captions")
        timed("save", doc.save, Path(folder) / "clean.vtt")
    words_out = [w for c in result.cues for line in c.text.split("\n") for w in line.split()]
    print(f"detected as auto-captions: {auto}")
    print(f"words in = words out: {words_out == spoken} ({len(words_out)} words)")
    print(format_figures(result, DEFAULT_PROFILE))
    return 0 if words_out == spoken and auto else 1


if __name__ == "__main__":
    sys.exit(main())
