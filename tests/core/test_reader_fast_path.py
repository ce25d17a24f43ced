"""The reader's fast way (one pattern per cue) reads exactly what the spec's line-by-line way
reads: the same cues with the same ids, times, settings, text, source and line, the same
layout and the same problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.model import Cue
from captionreview.core.vtt import reader
from captionreview.core.vtt.reader import ParsedVtt, block_pattern, read_vtt
from tests.core.test_mixed_line_endings import mixed_files
from tests.core.test_roundtrip_properties import vtt_files


def _slow_read(text: str, monkeypatch: pytest.MonkeyPatch) -> ParsedVtt:
    """Read ``text`` with every chunk going the spec's line-by-line way."""
    with monkeypatch.context() as patch:
        patch.setattr(reader, "_BLOCK_RE", block_pattern(r"\r\n|\r|\n", r"[^\r\n]", cues=False))
        patch.setattr(reader, "_BLOCK_RE_BY_EOL", {})
        patch.setattr(reader, "_eol_kind", lambda _text: None)
        return read_vtt(text)


def _picture(parsed: ParsedVtt) -> tuple[object, ...]:
    cues = [
        (c.start_ms, c.end_ms, c.text, c.identifier, c.settings, c.source, c.line)
        for c in parsed.cues
    ]
    return (parsed.bom, parsed.eol, parsed.layout, cues, parsed.problems, parsed.metadata)


def _assert_same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _picture(read_vtt(text)) == _picture(_slow_read(text, monkeypatch))


ODD_CUES = [
    "id\n00:01.000 --> 00:02.000\ntext",
    "00:01.000 --> 00:02.000\n00:03.000 --> 00:04.000\ntwo timing lines",
    "00:00:6.000 --> 00:00:07.000\n00:08.000 --> 00:09.000\nbad then good",
    "NOTE x\n00:01.000 --> 00:02.000\na NOTE line as an id",
    "STYLE\n00:01.000 --> 00:02.000\nSTYLE as an id",
    "   \n00:01.000 --> 00:02.000\nspaces as an id",
    "id --> arrow\n00:01.000 --> 00:02.000\nan arrow in the id",
    "id\n00:01.000 --> 00:02.000\nan --> arrow in the text",
    "a\nb\n00:01.000 --> 00:02.000\nid of two lines",
    "123:00:00.000 --> 124:00:00.000\nthree-digit hours",
    "0:00:01.000 --> 0:00:02.000\none-digit hours",
    "00:60:00.000 --> 01:00:00.000\nsixty minutes",
    "00:00:60.000 --> 00:01:00.000\nsixty seconds",
    "59:59.999 --> 60:00.000\nshort form",
    "id\0nul\n00:01.000 --> 00:02.000 align:\0start\nte\0xt",
    "00:01.000 --> 00:02.000\ttab settings\ttoo ",
    "\f00:01.000\f-->\f00:02.000\fform feeds",
]


@pytest.mark.parametrize("block", ODD_CUES)
@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_odd_cues_read_the_same_both_ways(
    block: str, eol: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "WEBVTT\n\n00:00.000 --> 00:00.500\nfirst\n\n" + block + "\n\nlast\n"
    _assert_same(text.replace("\n", eol), monkeypatch)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(vtt_files(messy=True), mixed_files(), st.text(max_size=300).map("WEBVTT\n".__add__))
)
def test_any_file_reads_the_same_both_ways(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _assert_same(text, monkeypatch)


@pytest.mark.corpus
def test_every_corpus_file_reads_the_same_both_ways(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(corpus.rglob("*.vtt"))
    assert files
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        _assert_same(text, monkeypatch)


def test_the_fast_cue_maker_makes_the_same_cue_as_the_constructor() -> None:
    make = reader._cue_maker()
    assert make is not Cue, "Cue's fields changed: update reader._CUE_FIELDS"
    made = make(1, 2, "text", "id", "line:0", "src", 7)
    built = Cue(1, 2, "text", "id", "line:0", "src", 7)
    assert made == built and made.source == built.source and made.line == built.line
    assert made.uid not in (0, built.uid) and make(1, 2, "", "", "", "", 0).uid != made.uid
    with pytest.raises(AttributeError):
        made.text = "x"  # type: ignore[misc]
