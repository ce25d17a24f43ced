"""The findings of ``check --format json`` are written directly, as json.dumps would write them."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.clitools.check import WordFlags, all_findings
from captionreview.clitools.findings_json import CueRows, FindingRows
from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.profiles import DEFAULT_PROFILE
from tests.conftest import CORPUS, REPRO


def dumped(rows: FindingRows) -> str:
    """What the plain encoder writes for the same findings."""
    return json.dumps(rows.rows(), ensure_ascii=False)


CUES = [Cue(0, 1500, "Hej"), Cue(2000, 4000, "på dig")]

any_text = st.one_of(st.none(), st.text(max_size=30))
any_int = st.one_of(st.none(), st.integers(-(10**30), 10**30))
findings = st.builds(
    Finding,
    rule=st.text(min_size=1, max_size=8),
    severity=st.sampled_from(list(Severity)),
    message=st.text(max_size=60),
    cue_index=st.one_of(st.none(), st.integers(-3, 4)),
    span=st.one_of(st.none(), st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))),
    suggestion=any_text,
    line=any_int,
    start_ms=any_int,
    end_ms=any_int,
    confidence=st.one_of(st.none(), st.floats(0, 1), st.just(1e-7), st.just(0.1 + 0.2)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(findings, max_size=6))
def test_generated_findings_are_written_as_json_dumps_writes_them(
    found: list[Finding],
) -> None:
    rows = FindingRows(found, CUES)
    assert rows.json() == dumped(rows)
    assert json.loads(rows.json()) == rows.rows()


@given(st.lists(findings, max_size=12))
def test_the_severities_are_counted_as_a_counter_counts_them(found: list[Finding]) -> None:
    assert FindingRows(found, CUES).severity_counts() == Counter(f.severity for f in found)


def test_no_findings_and_no_cues_give_an_empty_list() -> None:
    assert FindingRows((), ()).json() == "[]"


@settings(max_examples=100, deadline=None)
@given(st.lists(findings, max_size=7), st.integers(1, 4))
def test_the_pieces_make_the_same_text_whatever_their_size(found: list[Finding], size: int) -> None:
    # A last piece that came out full once left a dangling ", ]" (5,000 findings exactly).
    rows = FindingRows(found, CUES)
    assert "".join(rows.json_pieces(size)) == dumped(rows)


def corpus_files() -> list[Path]:
    folders = [folder for folder in (CORPUS, REPRO) if folder.is_dir()]
    return sorted(
        p for folder in folders for p in folder.rglob("*") if p.suffix in {".vtt", ".srt"}
    )


def corpus_documents() -> Iterator[tuple[Path, Document]]:
    """Yield each readable corpus file and its document (unreadable files are the reader's
    tests, not these)."""
    for path in corpus_files():
        try:
            doc = load(path)
        except Exception:
            continue
        yield path, doc


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_every_corpus_file_gives_the_same_text_as_json_dumps() -> None:
    words = WordFlags(None)
    checked = 0
    for path, doc in corpus_documents():
        found = all_findings(doc, DEFAULT_PROFILE, words)
        rows = FindingRows(found, doc.cues)
        assert rows.json() == dumped(rows), path
        checked += 1
    assert checked > 50


def test_json_output_cut_short_by_a_bug_says_so_and_exits_two(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The JSON text is written as it is made; should making it fail halfway (a bug), the
    # reader must not take the half it got for the whole: a message and exit status 2.
    from captionreview.cli import main

    def broken(self: FindingRows, size: int = 5000) -> Iterator[str]:
        yield '{"rule": '
        raise ValueError("made to fail")

    monkeypatch.setattr(FindingRows, "item_pieces", broken)
    status = main(["check", "--format", "json", "--no-words", str(demo_dir / "lecture.sv.vtt")])
    out, err = capsys.readouterr()
    assert status == 2
    assert "the JSON output is incomplete" in err and "made to fail" in err
    assert "Traceback" not in err
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_findings_of_one_kind_and_cue_differing_in_small_ways_are_each_written_as_is() -> None:
    # Kinds and cue time ranges are encoded once and reused: equal-looking values must not
    # share text (0.0 and -0.0, 1 and 1.0 and True, cue 1 and True, own times and the cue's).
    found = [
        Finding("R", Severity.WARN, "m", 1, confidence=confidence, start_ms=start, end_ms=end)
        for confidence in (0.5, 0.5, 0.0, -0.0, 1.0, 1, True, None, float("nan"))
        for start, end in ((None, None), (5, None), (7, 9), (None, None))
    ]
    found += [
        Finding("R", severity, "m", index, span=(0, 1), line=line)
        for severity in (Severity.WARN, Severity.ERROR)
        for index in (1, True, 1, None, 0, 5, -1, 1)
        for line in (3, True, None)
    ]
    rows = FindingRows(found, CUES)
    assert rows.json() == dumped(rows)


any_string = st.text(
    st.characters(codec="utf-8", exclude_categories=())
    | st.sampled_from('"\\\n\r\t\x00\x1f\u2028<&'),
    max_size=40,
)
cues = st.builds(
    Cue,
    start_ms=st.integers(-(10**20), 10**20),
    end_ms=st.integers(-(10**20), 10**20),
    text=any_string,
    identifier=any_string,
    settings=any_string,
    line=st.integers(-5, 10**9),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(cues, max_size=6), st.integers(1, 4))
def test_generated_cues_are_written_as_json_dumps_writes_them(found: list[Cue], size: int) -> None:
    rows = CueRows(found)
    expected = json.dumps(rows.rows(), ensure_ascii=False)
    assert rows.json() == expected
    assert "".join(rows.json_pieces(size)) == expected


def test_a_cue_with_a_value_of_another_type_is_written_as_json_dumps_writes_it() -> None:
    odd = [Cue(True, 2.5, "x", line=None), Cue(1, 2, "y")]  # type: ignore[arg-type]
    rows = CueRows(odd)
    assert rows.json() == json.dumps(rows.rows(), ensure_ascii=False)
    assert CueRows(()).json() == "[]"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_every_corpus_files_cues_give_the_same_text_as_json_dumps() -> None:
    checked = 0
    for path, doc in corpus_documents():
        rows = CueRows(doc.cues)
        assert rows.json() == json.dumps(rows.rows(), ensure_ascii=False), path
        checked += 1
    assert checked > 50
