"""Files with mixed line endings (CR, LF, CRLF in one file): an edit changes only its cue."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.model import Cue
from captionreview.core.vtt.writer import rewrite_cue_text

Key = tuple[int, int, str, str, str]


def _keys(doc: Document) -> list[Key]:
    return [(c.start_ms, c.end_ms, c.text, c.identifier, c.settings) for c in doc.cues]


def _reread(doc: Document) -> Document:
    return Document.from_text(doc.text())


def test_a_text_edit_keeps_the_blocks_last_line_ending() -> None:
    source = "cr\r00:00:00.000 --> 00:00:01.000\rtext0\n"
    assert rewrite_cue_text(source, "Rättad") == "cr\r00:00:00.000 --> 00:00:01.000\rRättad\n"
    assert rewrite_cue_text(source, "") == "cr\r00:00:00.000 --> 00:00:01.000\n"
    assert rewrite_cue_text("00:01.000 --> 00:02.000\r\na\nb", "x\ny") == (
        "00:01.000 --> 00:02.000\r\nx\r\ny"
    )


def test_the_reproducer_edit_leaves_the_next_cue_alone(repro: Path) -> None:
    doc = load(repro / "mixed_eol_edit_merges_next_cue.vtt")
    before = _keys(doc)
    doc.set_text(0, "Rättad")
    after = _reread(doc)
    assert _keys(after) == [(*before[0][:2], "Rättad", *before[0][3:]), *before[1:]]
    assert not after.problems


def test_a_rewritten_cue_before_an_lf_blank_line_keeps_it() -> None:
    # The document's line ending is CR (the first one), the blank lines after cue 0 are LF.
    doc = Document.from_text(
        "WEBVTT\r\r00:01.000 --> 00:02.000\ra\n\nid\n00:03.000 --> 00:04.000\nb\n"
    )
    doc.set_times(0, 500, 1500)
    assert _keys(_reread(doc)) == [(500, 1500, "a", "", ""), (3000, 4000, "b", "id", "")]
    doc.insert(1, Cue(2000, 2500, "ny"))
    assert _keys(_reread(doc))[1:] == [(2000, 2500, "ny", "", ""), (3000, 4000, "b", "id", "")]


@pytest.mark.corpus
@pytest.mark.parametrize("operation", ["text", "times", "delete", "split", "insert"])
def test_every_edit_in_the_wpt_newlines_file_changes_only_its_cue(
    corpus: Path, operation: str
) -> None:
    path = corpus / "conformance" / "wpt-file-parsing" / "newlines.vtt"
    for index in range(len(load(path))):
        doc = load(path)
        expected = _keys(doc)
        _edit(doc, operation, index, expected)
        assert _keys(_reread(doc)) == expected, (operation, index)


def _edit(doc: Document, operation: str, index: int, expected: list[Key]) -> None:
    """Apply ``operation`` to cue ``index`` and make ``expected`` what the cues should be."""
    cue = doc.cues[index]
    if operation == "text":
        doc.set_text(index, "Rättad\ntext")
        expected[index] = (cue.start_ms, cue.end_ms, "Rättad\ntext", cue.identifier, cue.settings)
    elif operation == "times":
        doc.set_times(index, cue.start_ms + 7, cue.start_ms + 900)
        expected[index] = (cue.start_ms + 7, cue.start_ms + 900, *expected[index][2:])
    elif operation == "delete":
        doc.delete([index])
        del expected[index]
    elif operation == "split":
        doc.insert(index + 1, Cue(cue.end_ms, cue.end_ms + 100, "delad"))
        expected.insert(index + 1, (cue.end_ms, cue.end_ms + 100, "delad", "", ""))
    else:
        doc.insert(index, Cue(1, 2, "först"))
        expected.insert(index, (1, 2, "först", "", ""))


LINE_ENDINGS = st.sampled_from(["\n", "\r", "\r\n"])


@st.composite
def mixed_files(draw: st.DrawFn) -> str:
    """A WebVTT file whose every line ending and every blank line is drawn on its own."""
    lines: list[list[str]] = [["WEBVTT"]]
    for n in range(draw(st.integers(1, 6))):
        block = []
        if draw(st.booleans()):
            # The first block is always a cue, so there is a cue to edit.
            block.append(draw(st.sampled_from(["id", "12"] + (["NOTE x"] if n else []))))
        if not block or block[0] != "NOTE x":
            block.append(f"00:00:{n:02d}.000 --> 00:00:{n:02d}.500")
        block.extend(draw(st.lists(st.sampled_from(["a", "åäö", "b c"]), max_size=2)))
        lines.append(block)
    parts = []
    for block in lines:
        parts.extend(line + draw(LINE_ENDINGS) for line in block)
        parts.extend(draw(st.lists(LINE_ENDINGS, min_size=1, max_size=2)))
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(
    mixed_files(),
    st.integers(0, 10),
    st.sampled_from(["text", "times", "delete", "split", "insert"]),
)
def test_an_edit_in_a_mixed_file_changes_only_its_cue(text: str, n: int, operation: str) -> None:
    doc = Document.from_text(text)
    assert doc.text() == text
    expected = _keys(doc)
    _edit(doc, operation, n % len(doc), expected)
    reread = _reread(doc)
    assert _keys(reread) == expected
    # A rewritten first cue gets the blank line after the header that it lacked, which
    # settles VTT-HDR-03 (a timing line inside the header); every other problem stays.
    assert [p.rule for p in reread.problems if p.rule != "VTT-HDR-03"] == [
        p.rule for p in Document.from_text(text).problems if p.rule != "VTT-HDR-03"
    ]
    doc.undo()
    assert doc.text() == text
