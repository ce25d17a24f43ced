"""Fuzzing over the real corpus: damaged caption files go through everything the app does.

Each example takes a file of ``../shared/corpus`` and damages it (bytes flipped, bytes put in,
the end cut off, line endings changed), then: load (taking the encoding the error offers, as
the window does), check, downstream view, report, save, reload, edit one cue, save, reload,
undo. Nothing may raise but a plain CaptionFileError on load, nothing may hang (each example
has a deadline), and no cue nobody edited may change. Found so far: an edit in a file with
mixed line endings merging the next cue into it; a timestamp with "²" crashing the reader.
"""

from __future__ import annotations

import re
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from captionreview.core.checks import check_document
from captionreview.core.checks.downstream import downstream_findings
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError, EncodingError
from captionreview.core.formats import load
from captionreview.core.profiles import builtin_profile
from captionreview.core.report import ReportInput, render_report
from tests.conftest import CORPUS

pytestmark = pytest.mark.corpus

# Small and medium files keep an example well under its deadline; cutting at a random place
# makes every part of the bigger ones reachable anyway.
MAX_BYTES = 48 * 1024
FILES = sorted(
    p
    for p in CORPUS.rglob("*")
    if p.suffix in (".vtt", ".srt", ".sbv") and p.is_file() and p.stat().st_size <= MAX_BYTES
)
INSERTS = [
    b"\n",
    b"\r",
    b"\r\n",
    b"\n\n",
    b"-->",
    b" --> ",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xe5",
    b"\xef\xbb\xbf",
    b"<",
    b"&",
    b"<i>",
    b"WEBVTT\n",
    b"NOTE x\n",
    b"STYLE\n",
    b"00:00:01.000 --> 00:00:02.000\n",
    # SRT's: a cue with no blank line before it, WebVTT's timing without hours.
    b"7\n00:00:01,000 --> 00:00:02,000\n",
    b"00:01.000 --> 00:02.000\n",
    b"00:00:6.000",
    b"9" * 40,
    "åäö".encode(),
]
Mutation = tuple[str, int, bytes]
MUTATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("flip"), st.integers(0, 10**6), st.binary(min_size=1, max_size=1)),
        st.tuples(st.just("insert"), st.integers(0, 10**6), st.sampled_from(INSERTS)),
        st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
        st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(b"")),
        st.tuples(st.just("eol"), st.integers(0, 2), st.just(b"")),
        st.tuples(st.just("line"), st.integers(0, 10**6), st.sampled_from([b"\n", b"\r", b"\r\n"])),
    ),
    max_size=8,
)
_EOL = re.compile(rb"\r\n|\r|\n")


def mutate(data: bytes, mutations: list[Mutation]) -> bytes:
    """Return ``data`` damaged by ``mutations`` (positions wrap around the length)."""
    for kind, position, payload in mutations:
        at = position % (len(data) + 1)
        if kind == "flip" and data:
            at %= len(data)
            data = data[:at] + bytes([data[at] ^ (payload[0] or 1)]) + data[at + 1 :]
        elif kind == "insert":
            data = data[:at] + payload + data[at:]
        elif kind == "cut":
            data = data[:at]
        elif kind == "line":
            # One line break of the file changed: files with mixed line endings.
            breaks = [m.span() for m in _EOL.finditer(data)]
            if breaks:
                start, end = breaks[position % len(breaks)]
                data = data[:start] + payload + data[end:]
        elif kind == "eol":
            unified = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            data = unified.replace(b"\n", (b"\n", b"\r\n", b"\r")[position])
    return data


def open_like_the_window(path: Path) -> Document | None:
    """Load ``path``; when it is not UTF-8, take the encoding the error offers first."""
    try:
        return load(path)
    except EncodingError as error:
        try:
            return load(path, encoding=error.guess or "cp1252")
        except CaptionFileError:
            return None
    except CaptionFileError:
        return None


def keys(doc: Document) -> list[tuple[int, int, str, str, str]]:
    return [(c.start_ms, c.end_ms, c.text, c.identifier, c.settings) for c in doc.cues]


@pytest.mark.skipif(not FILES, reason=f"shared corpus not found at {CORPUS}")
@settings(
    max_examples=300,
    # A hang, not a slow moment: an example takes well under a second, but a machine shared
    # by many jobs has stalled one for 11 s; a pass gone quadratic or looping takes far longer.
    deadline=timedelta(seconds=30),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.sampled_from(FILES or [Path()]), MUTATIONS, st.integers(0, 10**6), st.text(max_size=30))
def test_damaged_corpus_files_go_through_everything(
    source: Path, mutations: list[Mutation], pick: int, typed: str
) -> None:
    data = mutate(source.read_bytes(), mutations)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("damaged" + source.suffix)
        path.write_bytes(data)
        doc = open_like_the_window(path)
        if doc is None:
            event("refused on load")
            return
        profile = builtin_profile("se-public")
        findings = check_document(doc, profile)
        findings += downstream_findings(doc.text(), doc.cues)
        page = render_report(ReportInput(path.name, doc.cues, doc.problems, findings, profile))
        assert page.startswith("<!DOCTYPE html>")

        saved = doc.save(Path(tmp) / "saved.vtt")
        reread = load(saved)
        assert reread.text() == doc.text()
        assert keys(reread) == keys(doc)
        if not len(reread):
            event("no cues")
            return
        event("edited")

        index = pick % len(reread)
        before = reread.text()
        expected = keys(reread)
        reread.set_text(index, typed)
        expected[index] = (*expected[index][:2], reread.cues[index].text, *expected[index][3:])
        again = load(reread.save())
        assert keys(again) == expected
        reread.undo()
        assert reread.text() == before
