"""Stress run: open and close windows while their background work runs.

Run: ``.venv/bin/python tests/bench/bench_window_churn.py [ROUNDS] [CUES]`` (default 20 rounds,
3,000 cues). Each round opens a window on a long file of made-up Swedish words (spell check,
issues check and the downstream view all start in worker threads), lets them run a random
moment, collects garbage, closes and deletes the window, and collects again. It prints the
time per round and how many garbage collections ran in a worker thread (must be 0: a cycle
collected there destroys UI-thread Qt objects in the wrong thread). A crash is the failure.

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a platform is set; settings and journals go
to a temporary folder.
"""

from __future__ import annotations

import faulthandler
import gc
import random
import sys
import threading
import time
from pathlib import Path

from guienv import TMP  # first: the temporary folders, Qt platform and sys.path
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from captionreview.core.journal import Journal
from captionreview.qt.app import open_window

SYLLABLES = ["fal", "ret", "mun", "gor", "vil", "tek", "pra", "lo", "ki", "sna", "bju", "dör"]


def timestamp(ms: int) -> str:
    """``ms`` as a WebVTT timestamp."""
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def long_file(path: Path, cues: int, rng: random.Random) -> Path:
    """Write ``cues`` cues of eight made-up words each to ``path``."""
    lines = ["WEBVTT", "Language: sv", ""]
    for i in range(cues):
        words = ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(8)]
        lines += [f"{timestamp(i * 2000)} --> {timestamp(i * 2000 + 1800)}", " ".join(words), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def spin(msec: int) -> None:
    """Run the event loop for ``msec`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(msec, loop.quit)
    loop.exec()


def main() -> None:
    """Open and close windows; print the figures."""
    faulthandler.enable()
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    cues = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = random.Random(1127)
    path = long_file(TMP / "long.sv.vtt", cues, rng)
    ui_thread = threading.get_ident()
    in_workers: list[int] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start" and threading.get_ident() != ui_thread:
            in_workers.append(1)

    gc.callbacks.append(note)
    times = []
    for n in range(rounds):
        began = time.perf_counter()
        window = open_window(journal=Journal(TMP / f"journal{n}"))
        window.show()
        window.open_paths([path])
        spin(rng.randint(5, 400))
        gc.collect()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        spin(rng.randint(0, 50))
        times.append(time.perf_counter() - began)
    gc.callbacks.remove(note)
    print(f"{rounds} windows of {cues} cues opened and closed, no crash")
    print(f"time per round: mean {sum(times) / len(times):.2f} s, max {max(times):.2f} s")
    print(f"garbage collections in a worker thread: {len(in_workers)}")
    app.quit()


if __name__ == "__main__":
    main()
