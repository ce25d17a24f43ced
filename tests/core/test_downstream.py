"""PUB-01, the downstream view: the saved text as webvtt-py reads it, against our cues; and
webvtt-py as the differential oracle of the reader and the writer over the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from captionreview.core.checks.downstream import (
    RULE,
    Seen,
    _Comparison,
    downstream_findings,
    read_by_webvtt_py,
)
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from captionreview.core.model import Cue, Severity
from tests.core.test_roundtrip_properties import EDITS, _apply, vtt_files

THREE = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nEtt.\n\n"
    "{middle}\n\n00:00:05.000 --> 00:00:06.500\nTre.\n"
)


def _findings(text: str) -> list[tuple[int | None, Severity, str]]:
    doc = Document.from_text(text)
    return [(f.cue_index, f.severity, f.message) for f in downstream_findings(doc.text(), doc.cues)]


def test_a_file_both_read_alike_has_no_finding() -> None:
    assert _findings(THREE.format(middle="id\n00:00:03.000 --> 00:00:04.500 line:0\nTvå.")) == []


@pytest.mark.parametrize(
    "middle",
    [
        "00:00:3.000 --> 00:00:04.500\nTvå.",  # one-digit seconds: players skip the cue
        "00:00:03.000\v-->\v00:00:04.500\nTvå.",  # a vertical tab is no space in WebVTT
        "1234567890:00:03.000 --> 1234567890:00:04.500\nTvå.",  # ten-digit hours
    ],
)
def test_a_cue_players_skip_but_webvtt_py_reads_is_reported(middle: str) -> None:
    ((index, severity, message),) = _findings(THREE.format(middle=middle))
    assert index == 0 and severity is Severity.WARN
    assert message.startswith("After this cue, webvtt-py reads a cue that players skip (")
    assert "“Två.”" in message


def test_a_skipped_cue_before_the_first_is_about_the_file() -> None:
    ((index, _severity, message),) = _findings(
        "WEBVTT\n\n00:00:0.500 --> 00:00:01.000\nNoll.\n\n00:00:01.000 --> 00:00:02.000\nEtt.\n"
    )
    assert index is None and message.startswith("Before the first cue, webvtt-py reads")


def _compare(ours: list[Seen], theirs: list[Seen]) -> list[tuple[int | None, str]]:
    cues = [Cue(s.start_ms, s.end_ms, s.text, s.identifier) for s in ours]
    return [(f.cue_index, f.message) for f in _Comparison(ours, theirs, cues).run()]


A, B, C, D = (Seen(n * 1000, n * 1000 + 500, f"cue {n}", "") for n in range(4))


def test_the_comparison_names_missing_extra_and_changed_cues() -> None:
    ((index, message),) = _compare([A, B, C], [A, C])
    assert index == 1 and "does not read this cue" in message
    ((index, message),) = _compare([A, C], [A, B, C])
    assert index == 0 and "(00:00:01.000 --> 00:00:01.500 “cue 1”)" in message
    ((index, message),) = _compare([A, B, C], [A, B._replace(text="cue one"), C])
    assert index == 1 and "reads its text as “cue one”, not as players show it" in message
    ((index, message),) = _compare([A, B], [A, B._replace(start_ms=900, identifier="x")])
    assert index == 1 and "its times as 00:00:00.900 --> 00:00:01.500" in message
    assert "its identifier as “x”" in message
    assert _compare([A, B, C, D], [A, B, C, D]) == []
    assert [i for i, _m in _compare([A, B, C, D], [D])] == [0, 1, 2]
    assert [i for i, _m in _compare([D], [A, B, C, D])] == [None, None, None]


def test_the_comparison_is_linear_in_the_cues() -> None:
    # Every other cue dropped by the other side, in a long file: one walk, no quadratic search.
    ours = [Seen(n, n + 1, str(n), "") for n in range(40_000)]
    found = _compare(ours, ours[::2])
    assert [i for i, _m in found] == list(range(1, 40_000, 2))


def test_a_file_webvtt_py_cannot_read_is_one_error() -> None:
    doc = Document.from_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nEtt.\n")
    (finding,) = downstream_findings("not a caption file", doc.cues)
    assert (finding.rule, finding.severity, finding.cue_index) == (RULE, Severity.ERROR, None)
    assert "cannot read this file at all (MalformedFileError" in finding.message
    with pytest.raises(ValueError, match="MalformedFileError"):
        read_by_webvtt_py("not a caption file")


def test_a_profile_can_turn_the_rule_off() -> None:
    doc = Document.from_text(THREE.format(middle="00:00:3.000 --> 00:00:04.500\nTvå."))
    assert downstream_findings(doc.text(), doc.cues, frozenset({RULE})) == []


@pytest.mark.corpus
def test_webvtt_py_reads_every_corpus_file_the_reader_finds_valid_as_we_do(corpus: Path) -> None:
    """The differential oracle: where our reader reports no error, webvtt-py must read the
    same cues, times, text and ids; where it does, the findings say where they part."""
    compared = 0
    for path in sorted(corpus.rglob("*.vtt")):
        try:
            doc = load(path)
        except CaptionFileError:
            continue  # an empty file: nothing to compare
        found = downstream_findings(doc.text(), doc.cues)
        if not any(p.severity is Severity.ERROR for p in doc.problems):
            assert found == [], (path.name, [f.message for f in found])
            compared += 1
        assert all(f.rule == RULE for f in found)
    assert compared > 50


@settings(max_examples=60, deadline=None)
@given(vtt_files(), EDITS)
def test_what_the_writer_writes_webvtt_py_reads_as_we_do(text: str, edits: list) -> None:
    """The oracle for the writer: after any edits, the saved text reads the same in webvtt-py."""
    doc = Document.from_text(text)
    for operation, n, words in edits:
        _apply(doc, operation, n, words)
    saved = doc.text()
    assert downstream_findings(saved, Document.from_text(saved).cues) == []
    assert downstream_findings(saved, doc.cues) == []
