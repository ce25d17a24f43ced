"""PUB-01, the downstream view: the saved text as webvtt-py reads it, against our cues; and
webvtt-py as the differential oracle of the reader and the writer over the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
import webvtt
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.checks.downstream import (
    RULE,
    Columns,
    Seen,
    _Comparison,
    downstream_findings,
    read_by_webvtt_py,
)
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from captionreview.core.model import Cue, Severity
from tests.conftest import CORPUS, REPRO
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
    found = _Comparison(Columns.of(ours), Columns.of(theirs), cues).run()
    return [(f.cue_index, f.message) for f in found]


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


# The quick reading (plain blocks read here, webvtt-py for the rest) against the thorough one
# (the whole text handed to webvtt-py, the cues compared one by one): the same cues, the same
# error, the same findings, on hostile text as on plain.

ODD = ["\0", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029"]
PIECES = [
    *["Hej", "å ä ö", "<i>kursiv</i>", "<00:00:01.500><c> ord</c>", "a & b", " ", "\t", "\xa0"],
    *["-", "--", "->", "-->", "--->", "NOTE", "STYLE", "REGION", "WEBVTT", "1", "\ufeff", "٣"],
    *["00:00:01.000 --> 00:00:02.000", *ODD],
]
LINE = st.lists(st.sampled_from(PIECES), max_size=4).map("".join)
WORDS = ["Hej", "å", " ", "<c>", "-", "&amp;", ".", "<00:00:01.500>"]
SAFE_LINE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map("".join)
TIME = st.integers(0, 100 * 3_600_000 - 1)
# One part of a plain cue block made odd: (part, what replaces it or is added to it).
TWISTS = [
    *(("start", odd) for odd in ["0:00:01.000", "00:60:01.000", "00:00:60.000", "00:00:1.000"]),
    *(("start", odd) for odd in ["00:00:01.0000", "00:00:01.5", "123:00:01.000", "00:00:01,000"]),
    *(("start", odd) for odd in ["12345678901:00:01.000", "٠٠:00:01.000", " 00:00:01.000"]),
    *(("end", odd) for odd in ["00:00:02.0001", "00:00:02.000align:start", "00:59:60.000"]),
    *(("arrow", odd) for odd in ["-->", "\t-->\t", " \x0b--> ", " \xa0--> ", " -> ", "  -->  "]),
    *(("settings", odd) for odd in [" -->", "\t-->x", " x\x0cy", " ", "5", " \0"]),
    *(("identifier", odd) for odd in ["a --> b", "NOTE", "STYLE 1", "REGION", " ", "\xa0"]),
    *(("identifier", odd) for odd in ["00:00:01.000 --> 00:00:02.000", "a\rb", "\ufeff1"]),
    *(("text", odd) for odd in ["-->", "a --> b", "--->", " ", "\t", "\xa0", "", "a\rb"]),
    *(("text", odd) for odd in ["00:00:03.000 --> 00:00:04.000", "NOTE x", *ODD, "\ufeff"]),
    ("no text", ""),
]


def _stamp(ms: int, *, hours: bool) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{milli:03d}" if hours else f"{m:02d}:{s:02d}.{milli:03d}"


@st.composite
def cue_blocks(draw: st.DrawFn, hostile: bool) -> str:
    """A plain cue block, or (``hostile``) one with one part made odd, or with odd lines."""
    hours = draw(st.integers(0, 3)) > 0
    identifier = draw(st.sampled_from(["", "", "1", "cue-2", "a b"]))
    part = dict(
        identifier=identifier,
        start=_stamp(draw(TIME) % (100 * 3_600_000 if hours else 3_600_000), hours=hours),
        arrow=" --> ",
        end=_stamp(draw(TIME), hours=True),
        settings=draw(st.sampled_from(["", "", " align:start", "\tline:0 position:10%"])),
    )
    lines = draw(st.lists(SAFE_LINE, min_size=1, max_size=3))
    if hostile:
        where, odd = draw(st.sampled_from(TWISTS))
        lines = _twisted(part, lines, where, odd)
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(LINE))
    timing = "{start}{arrow}{end}{settings}".format(**part)
    return "\n".join([*filter(None, [part["identifier"]]), timing, *lines])


def _twisted(part: dict[str, str], lines: list[str], where: str, odd: str) -> list[str]:
    """Make ``where`` odd in a cue block's ``part`` or ``lines``; return the lines."""
    if where == "text":
        return [*lines[:1], odd, *lines[1:]]
    if where == "no text":
        return []
    if where in ("settings", "end") and odd[:1] not in ("0", " "):
        part[where] += odd
    else:
        part[where] = odd
    return lines


OTHER_BLOCKS = st.sampled_from(
    [
        "NOTE hej",
        "NOTE\nrad --> två",
        "STYLE\n::cue { color: red }",
        "REGION\nid:r width:40%",
        "REGION\nid:r --> x",
        "junk",
        "WEBVTT",
        "-->",
        "00:00:01.000 --> 00:00:02.000\n00:00:03.000 --> 00:00:04.000\ntwo timing lines",
    ]
)
SEPARATORS = [*["\n\n"] * 6, "\n", "\n\n\n", "\n \n", "\n\t\n", "\r\n\r\n", "\r\r", "\n\r\n"]
HEADERS = [
    *["WEBVTT"] * 4,
    "\ufeffWEBVTT",
    "WEBVTT - titel",
    "WEBVTT\nKind: captions\nLanguage: sv",
]
HEADERS += [
    "WEBVTT\n00:00:01.000 --> 00:00:02.000\nin the header",
    "WEBVTTX",
    "",
    "webvtt",
    "\nWEBVTT",
]


@st.composite
def hostile_files(draw: st.DrawFn) -> str:
    """A file of plain cue blocks and blocks of every other kind, joined in every way."""
    parts = [draw(st.sampled_from(HEADERS))]
    for _ in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["plain", "plain", "hostile", "hostile", "other", "line"]))
        parts.append(draw(st.sampled_from(SEPARATORS + ["\n\n"] * 8)))
        if kind == "other":
            parts.append(draw(OTHER_BLOCKS))
        elif kind == "line":
            parts.append(draw(LINE))
        else:
            parts.append(draw(cue_blocks(hostile=kind == "hostile")))
    text = "".join(parts) + draw(st.sampled_from(["", "\n", "\n\n", "\r\n", " "]))
    return text.replace("\n", "\r\n") if draw(st.integers(0, 5)) == 0 else text


def _read(text: str, *, thorough: bool) -> list[Seen] | str:
    try:
        return read_by_webvtt_py(text, thorough=thorough)
    except ValueError as error:
        return str(error)


def _assert_quick_is_thorough(text: str) -> None:
    """The quick and the thorough reading agree on ``text``, and on it as saving writes it."""
    assert _read(text, thorough=False) == _read(text, thorough=True)
    try:
        doc = Document.from_text(text)
    except CaptionFileError:
        doc = None
    for saved, cues in [(text, doc.cues), (doc.text(), doc.cues)] if doc else [(text, [])]:
        quick = downstream_findings(saved, cues)
        assert quick == downstream_findings(saved, cues, thorough=True)


@settings(max_examples=250, deadline=None)
@given(st.one_of(hostile_files(), vtt_files(messy=True)))
def test_the_quick_reading_finds_what_webvtt_py_reading_the_whole_file_finds(text: str) -> None:
    _assert_quick_is_thorough(text)


@pytest.mark.parametrize(("where", "odd"), TWISTS)
def test_each_odd_part_of_a_cue_block_is_read_as_webvtt_py_reads_it(where: str, odd: str) -> None:
    part = dict(
        identifier="2", start="00:00:03.000", arrow=" --> ", end="00:00:04.000", settings=""
    )
    lines = _twisted(part, ["Två", "rader"], where, odd)
    timing = "{start}{arrow}{end}{settings}".format(**part)
    middle = "\n".join([*filter(None, [part["identifier"]]), timing, *lines])
    _assert_quick_is_thorough(THREE.format(middle=middle))
    _assert_quick_is_thorough(THREE.format(middle=middle).replace("\n", "\r\n"))


# Few distinct values, so repeated cues, cues starting at once, identifiers apart and cues on
# one side only abound.
SEEN = st.builds(
    Seen,
    st.sampled_from([0, 1000, 2000, 3000, 4000]),
    st.sampled_from([500, 1500]),
    st.sampled_from(["a", "b", "c"]),
    st.sampled_from(["", "1"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(SEEN, max_size=12), st.lists(SEEN, max_size=12))
def test_the_quick_comparison_names_the_cues_the_one_by_one_walk_names(
    ours: list[Seen], theirs: list[Seen]
) -> None:
    cues = [Cue(s.start_ms, s.end_ms, s.text, s.identifier) for s in ours]
    quick = _Comparison(Columns.of(ours), Columns.of(theirs), cues).run()
    thorough = _Comparison(Columns.of(ours), Columns.of(theirs), cues, thorough=True).run()
    assert quick == thorough


def test_webvtt_py_reads_only_the_blocks_that_are_not_plain_cues(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    from_string = webvtt.from_string

    def reading(text: str) -> webvtt.WebVTT:
        read.append(text)
        return from_string(text)

    monkeypatch.setattr(webvtt, "from_string", reading)
    cues = "\n\n".join(f"{n}\n00:00:0{n}.000 --> 00:00:0{n}.500\nRad {n}" for n in range(1, 8))
    text = f"WEBVTT\n\n{cues}\n\nNOTE a note\n\n00:00:9.000 --> 00:00:09.500\nOdd\n"
    assert [s.text for s in read_by_webvtt_py(text)] == [*(f"Rad {n}" for n in range(1, 8)), "Odd"]
    assert read == ["WEBVTT\n\n00:00:9.000 --> 00:00:09.500\nOdd"]
    read.clear()
    assert len(read_by_webvtt_py(f"\ufeffWEBVTT - titel\nKind: captions\n\n{cues}\n")) == 7
    assert read == []
    assert len(read_by_webvtt_py(f"WEBVTT\n00:00:00.000 --> 00:00:01.000\nNoll\n\n{cues}")) == 8
    assert read == ["WEBVTT\n00:00:00.000 --> 00:00:01.000\nNoll"]


def _shared_files() -> list[Path]:
    found = [p for folder in (CORPUS, REPRO) if folder.is_dir() for p in sorted(folder.rglob("*"))]
    return [p for p in found if p.suffix in {".vtt", ".srt", ".sbv"}]


@pytest.mark.corpus
def test_the_quick_reading_agrees_on_every_corpus_and_repro_file(corpus: Path) -> None:
    files = _shared_files()
    for path in files:
        _assert_quick_is_thorough(path.read_bytes().decode("utf-8", "replace"))
        try:
            doc = load(path)
        except CaptionFileError:
            continue
        saved = doc.text()
        assert downstream_findings(saved, doc.cues) == downstream_findings(
            saved, doc.cues, thorough=True
        ), path.name
    assert len(files) > 100
