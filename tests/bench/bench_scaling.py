"""Time per input size for ``check`` (quality checks and word flags) and ``report``.

Run: ``.venv/bin/python tests/bench/bench_scaling.py`` (prints figures; not collected by pytest).
Each shape of hostile input (runs of '<' without '>', one long token, many findings in one
long cue, thousands of karaoke tags, a long number, many small numbers) is checked and
reported at sizes that double; a pass that is linear in its input shows a time per KB that
stays level as the size doubles, a quadratic one a time per KB that doubles with it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from captionreview.clitools.check import WordFlags, all_findings
from captionreview.core.document import Document
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.report import ReportInput, render_report

HEAD = "WEBVTT\n\n00:00:00.000 --> 00:10:00.000\n"
SHAPES: dict[str, Callable[[int], str]] = {
    "unclosed '<'": lambda n: "<" * n,
    "'<' and '&' (spans)": lambda n: "&amp; < ord" * (n // 11),
    "long word (å)": lambda n: "å" * n,
    "long token (-)": lambda n: "-" * n,
    "many words to flag": lambda n: " ".join(["grön vall till växt verket 3,5"] * (n // 32)),
    "karaoke tags": lambda n: "".join(
        f"<c.k><{k // 3600:02d}:{k // 60 % 60:02d}:{k % 60:02d}.000>w</c>" for k in range(n // 32)
    ),
    "long number": lambda n: "1" * n,
    "many small numbers": lambda n: " ".join(["vi har 3 mål och 5 barn"] * (n // 24)),
}
SIZES_KB = (8, 16, 32, 64)


def timed(action: Callable[[], object]) -> float:
    """Return the seconds ``action`` takes (best of two runs)."""
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print, per shape and size, the seconds and seconds per KB of check and report."""
    words = WordFlags.create(None)
    assert isinstance(words, WordFlags)
    print(f"{'shape':<20} {'KB':>4} {'check s':>8} {'s/KB':>8} {'report s':>9} {'s/KB':>8}")
    for name, make in SHAPES.items():
        for kb in SIZES_KB:
            doc = Document.from_text(HEAD + make(kb * 1024) + "\n")
            findings: list = []  # type: ignore[type-arg]

            def check(doc: Document = doc, findings: list = findings) -> None:  # type: ignore[type-arg]
                findings[:] = all_findings(doc, DEFAULT_PROFILE, words)

            check_s = timed(check)
            data = ReportInput("bench.vtt", doc.cues, doc.problems, findings, DEFAULT_PROFILE)
            report_s = timed(lambda data=data: render_report(data))
            print(
                f"{name:<20} {kb:>4} {check_s:>8.3f} {check_s / kb:>8.4f} "
                f"{report_s:>9.3f} {report_s / kb:>8.4f}"
            )


if __name__ == "__main__":
    main()
