"""Hypothesis properties: save(load(x)) == x, and undo restores the exact bytes."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from captionreview.core.document import Document
from captionreview.core.model import Cue

EOLS = st.sampled_from(["\n", "\r\n", "\r"])
WORDS = (
    st.lists(
        st.sampled_from([*"abcåäö ÅÄÖ.,!?-&<>\t", "<i>", "</i>", "&amp;", "♪"]),
        min_size=1,
        max_size=20,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "" and "-->" not in s)
)


@st.composite
def timestamps(draw: st.DrawFn) -> str:
    ms = draw(st.integers(0, 5 * 3600 * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    if h == 0 and draw(st.booleans()):
        return f"{m:02d}:{s:02d}.{milli:03d}"
    return f"{h:0{draw(st.integers(2, 3))}d}:{m:02d}:{s:02d}.{milli:03d}"


@st.composite
def cue_blocks(draw: st.DrawFn, eol: str) -> str:
    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["1", "intro", "a1b2c3d4e5f60718", "x y"])))
    space = draw(st.sampled_from([" ", "  ", "\t"]))
    settings = draw(st.sampled_from(["", " align:start", " line:0 position:20%", " size:50% "]))
    lines.append(f"{draw(timestamps())}{space}-->{space}{draw(timestamps())}{settings}")
    lines.extend(draw(st.lists(WORDS, min_size=0, max_size=3)))
    return eol.join(lines)


MESSY_BLOCKS = [
    "stray text",
    "00:00:6.000 --> 00:00:07.000{eol}bad timing",
    "   ",
    "STYLE{eol}::cue {{ color: red }}",
    "00:00:01.000 --> 00:00:02.000{eol}a{eol}00:00:03.000 --> 00:00:04.000{eol}glued",
    "-->{eol}00:00:01.000 --> 00:00:02.000{eol}after a bare arrow",
]


@st.composite
def vtt_files(draw: st.DrawFn, messy: bool = False) -> str:
    eol = draw(EOLS)
    header = [draw(st.sampled_from(["WEBVTT", "WEBVTT - title", "WEBVTT FILE"]))]
    if draw(st.booleans()):
        header += ["Kind: captions", "Language: sv"]
    blocks = [eol.join(header)]
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["cue", "cue", "cue", "note", *(["messy"] if messy else [])]))
        if kind == "messy":
            blocks.append(draw(st.sampled_from(MESSY_BLOCKS)).format(eol=eol))
        elif kind == "note":
            blocks.append(eol.join(["NOTE", *draw(st.lists(WORDS, max_size=2))]))
        else:
            blocks.append(draw(cue_blocks(eol)))
    parts = []
    for block in blocks:
        parts.append(block)
        parts.append(eol * draw(st.integers(2, 4)))
    text = "".join(parts)
    if draw(st.booleans()):
        text = text.rstrip("\r\n") + draw(st.sampled_from(["", eol]))
    return ("\ufeff" if draw(st.booleans()) else "") + text


@settings(max_examples=150, deadline=None)
@given(vtt_files())
def test_valid_files_save_back_unchanged(text: str) -> None:
    doc = Document.from_text(text)
    assert doc.text() == text
    lines = re.split(r"\r\n|\r|\n", text.lstrip("\ufeff"))
    for cue in doc.cues:
        first = lines[cue.line - 1]
        assert first == cue.identifier if cue.identifier else "-->" in first
    assert not [p for p in doc.problems if p.severity == "error"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_after_the_signature_is_kept(body: str) -> None:
    """Whatever the bytes, reading keeps them all (nothing is ever lost on load)."""
    text = "WEBVTT\n" + body
    assert Document.from_text(text).text() == text
    # Without the signature line, the file comes out with one added in front of it.
    # (A BOM stays the file's first character, before the added line.)
    headless = Document.from_text(body).text()
    bom = "\ufeff" if body.startswith("\ufeff") else ""
    assert headless == body or (
        headless.startswith(bom + "WEBVTT") and headless.endswith(body.removeprefix(bom))
    )


EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "text",
                "typing",
                "times",
                "shift",
                "split",
                "merge",
                "insert",
                "delete",
                "sort",
                "replace_all",
                "group",
            ]
        ),
        st.integers(0, 50),
        WORDS,
    ),
    min_size=1,
    max_size=12,
)


def _apply(doc: Document, op: str, n: int, words: str) -> None:
    count = len(doc)
    i = n % count if count else 0
    if op == "insert" or count == 0:
        doc.insert(n % (count + 1), Cue(n * 100, n * 100 + 900, words))
    elif op == "text":
        doc.set_text(i, words)
    elif op == "typing":
        doc.set_text(i, doc.cues[i].text + words[:1], typing=True)
    elif op == "times":
        doc.set_times(i, n * 10, n * 10 + 500)
    elif op in ("shift", "split"):
        before = doc.text()
        try:
            if op == "shift":
                doc.shift_times(n - 25, [i])
            else:
                doc.split(i, len(doc.cues[i].text) // 2)
        except ValueError:
            # Refused (an empty half, a zero-length cue, a time before 0): nothing changed.
            assert doc.text() == before
    elif op == "merge" and count >= 2:
        doc.merge(min(i, count - 2))
    elif op == "delete":
        doc.delete([i])
    elif op == "sort":
        doc.sort()
    elif op == "replace_all":
        kept = [c.with_changes(text=c.text + "!") if k % 2 else c for k, c in enumerate(doc.cues)]
        doc.replace_all([*kept[1:], Cue(1, 2, words)], "Clean up")
    elif op == "group":
        with doc.group("Two edits"):
            doc.set_text(i, words)
            doc.insert(0, Cue(0, 10, words))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(vtt_files(), vtt_files(messy=True)), EDITS)
def test_undo_after_any_edits_restores_the_exact_bytes(text: str, edits: list) -> None:  # type: ignore[type-arg]
    doc = Document.from_text(text)
    for op, n, words in edits:
        _apply(doc, op, n, words)
    edited = doc.text()
    reread = Document.from_text(edited)
    assert [(c.start_ms, c.end_ms, c.text) for c in reread.cues] == [
        (c.start_ms, c.end_ms, c.text) for c in doc.cues
    ]
    while doc.can_undo:
        doc.undo()
    assert doc.text() == text
    assert not doc.modified
    while doc.can_redo:
        doc.redo()
    assert doc.text() == edited


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        vtt_files(),
        vtt_files(messy=True),
        st.tuples(
            st.sampled_from(
                ["WEBVTT", "WEBVTT\n", "\ufeffWEBVTT\r\n", "WEBVTT x\r", "WEBVTT\t", "WEBVTTX\n"]
            ),
            st.text(max_size=200),
        ).map("".join),
        st.text(max_size=200),
    ),
    EDITS,
)
def test_the_text_as_read_is_what_saving_writes_until_something_changes(
    text: str,
    edits: list,  # type: ignore[type-arg]
) -> None:
    doc = Document.from_text(text)
    kept = doc.text_as_read()
    # Kept for every file with its WEBVTT line, and then it is the text itself.
    assert kept == (text if doc.text() == text and not doc.modified else None)
    for op, n, words in edits[:2]:
        _apply(doc, op, n, words)
    assert doc.text_as_read() in (None, doc.text())
    if kept is not None:
        doc = Document.from_text(text)
        doc.eol = "\r\n" if doc.eol != "\r\n" else "\n"
        assert doc.text_as_read() is None
