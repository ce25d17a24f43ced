"""The incremental checker gives exactly the findings of a full check after any edit sequence,
and re-checks only the cues around an edit."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from captionreview.core.checks import FullCheck, IncrementalChecker, check_document
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
        elif op == "split" and n and doc.cues[i].text.find(" ", 1) > 0:
            # Between words: a split that leaves one side without text is refused.
            doc.split(i, doc.cues[i].text.find(" ", 1))
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


@pytest.mark.parametrize("seed", range(3))
def test_a_full_check_made_aside_is_adopted_with_the_edits_made_meanwhile(seed: int) -> None:
    rng = random.Random(seed)
    doc = Document.from_text(_source(60, seed))
    profile = builtin_profile("se-public")
    full = FullCheck(doc, profile)
    # the edits a user makes while a worker runs the check
    for _ in range(8):
        i = rng.randrange(len(doc))
        if rng.random() < 0.5:
            doc.set_text(i, rng.choice(TEXTS))
        else:
            doc.set_times(i, doc.cues[i].start_ms, doc.cues[i].start_ms + rng.choice((30, 4000)))
    assert full.run()
    assert full.fits(doc, profile)
    checker = IncrementalChecker(doc, profile, full=full)
    assert _plain(checker.findings()) == _plain(check_document(doc, profile))
    # and it keeps following the document
    doc.set_text(0, "Svensson & Son.")
    assert _plain(checker.findings()) == _plain(check_document(doc, profile))


def test_a_full_check_that_no_longer_fits_is_not_adopted() -> None:
    doc = Document.from_text(_source(30, 7))
    profile = builtin_profile("se-public")
    full = FullCheck(doc, profile)
    assert not full.fits(doc, profile)  # not run yet
    calls: list[int] = []

    def stop_at_the_second_step() -> bool:
        calls.append(1)
        return len(calls) == 2

    assert not full.run(stop_at_the_second_step, step=10)
    assert full.local is None and len(calls) == 2
    assert full.run(step=10)
    assert full.fits(doc, profile)
    assert not full.fits(doc, builtin_profile("bbc"))
    doc.insert(0, Cue(0, 500, "Ny."))
    assert not full.fits(doc, profile)
    doc.undo()
    assert full.fits(doc, profile)
    header = Document.from_text("WEBVTT\nKind: captions\n\n" + _source(30, 7)[len("WEBVTT\n\n") :])
    assert not full.fits(header, profile)
    # a checker given a result that does not fit checks for itself
    doc.insert(0, Cue(0, 500, "Ny."))
    checker = IncrementalChecker(doc, profile, full=full)
    assert _plain(checker.findings()) == _plain(check_document(doc, profile))
