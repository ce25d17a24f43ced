"""The incremental checker gives exactly the findings of a full check after any edit sequence,
and re-checks only the cues around an edit."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from captionreview.core.checks import IncrementalChecker, check_document
from captionreview.core.document import Document
from captionreview.core.model import Cue, Finding
from captionreview.core.profiles import builtin_profile

TEXTS = (
    "Välkommen hit.",
    "vi pratar om",
    "budgeten och",
    "Svensson & Son.",
    "[Musik]",
    "–Hej.\n–Hallå.",
    "Det kostar ca 5 %.",
    "okay<00:00:01.000><c> welcome</c>",
    "En väldigt lång rad som går över fyrtiotvå tecken utan tvekan.",
    " \nrullande rad",
    "rullande rad\nny rad",
    "Sista.",
)


def _source(n: int, seed: int) -> str:
    rng = random.Random(seed)
    parts = ["WEBVTT", ""]
    t = 0
    for i in range(n):
        duration = rng.choice((40, 900, 1600, 3000, 8000))
        ident = rng.choice(("", "", f"id{i}", "dup"))
        settings = rng.choice(("", "", "align:start position:0%", "align:middle", "line:0"))
        if ident:
            parts.append(ident)
        parts.append(f"{_ts(t)} --> {_ts(t + duration)} {settings}".rstrip())
        parts.append(rng.choice(TEXTS))
        parts.append("")
        t += duration + rng.choice((-500, 0, 40, 80, 300, 2000))
    return "\n".join(parts)


def _ts(ms: int) -> str:
    ms = max(ms, 0)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _plain(findings: list[Finding]) -> list[tuple[object, ...]]:
    # The uid of a cue re-created by undo may differ; everything else must be equal.
    return sorted(
        (f.cue_index, f.rule, f.severity, f.message, f.span, f.suggestion, f.line) for f in findings
    )


@pytest.mark.parametrize("seed", range(6))
def test_incremental_equals_full_check_after_random_edits(seed: int) -> None:
    rng = random.Random(seed)
    doc = Document.from_text(_source(40, seed))
    profile = builtin_profile("se-public")
    checker = IncrementalChecker(doc, profile)
    changed: list[tuple[int, int]] = []
    checker.listen(lambda a, b: changed.append((a, b)))
    for _ in range(40):
        n = len(doc)
        op = rng.choice(("text", "times", "insert", "delete", "merge", "split", "undo", "fix"))
        i = rng.randrange(n) if n else 0
        if op == "text" and n:
            doc.set_text(i, rng.choice(TEXTS))
        elif op == "times" and n:
            start = rng.randrange(0, 200_000)
            doc.set_times(i, start, start + rng.choice((30, 1000, 9000)))
        elif op == "insert":
            doc.insert(
                i,
                Cue(
                    rng.randrange(0, 200_000),
                    250_000,
                    rng.choice(TEXTS),
                    identifier=rng.choice(("", "dup")),
                ),
            )
        elif op == "delete" and n > 1:
            doc.delete([i])
        elif op == "merge" and n > 2 and i < n - 1:
            doc.merge(i)
        elif op == "split" and n and len(doc.cues[i].text) > 3:
            doc.split(i, 2)
        elif op == "undo" and doc.can_undo:
            doc.undo()
        elif op == "fix" and n:
            doc.replace_cues({i: replace(doc.cues[i], settings="align:center")}, "Fix")
        assert _plain(checker.findings()) == _plain(check_document(doc, profile)), op
    assert changed


def test_an_edit_rechecks_only_its_neighbourhood() -> None:
    doc = Document.from_text(_source(200, 1))
    checker = IncrementalChecker(doc, builtin_profile("se-public"))
    ranges: list[tuple[int, int]] = []
    checker.listen(lambda a, b: ranges.append((a, b)))
    doc.set_text(100, "Svensson & Son")
    assert ranges == [(99, 103)]
    doc.delete([50])
    assert ranges[-1] == (49, 52)
    before = checker.findings()
    doc.set_text(99, "Svensson & Sons")  # other text, the same findings
    assert len(ranges) == 2 and checker.findings() is before
    checker.close()
    doc.set_text(10, "Efter stängning.")
    assert len(ranges) == 2


def test_profile_change_rechecks_everything() -> None:
    doc = Document.from_text(_source(30, 2))
    checker = IncrementalChecker(doc, builtin_profile("se-public"))
    netflix = builtin_profile("netflix-sv")
    checker.set_profile(netflix)
    assert _plain(checker.findings()) == _plain(check_document(doc, netflix))
    assert checker.profile is netflix
