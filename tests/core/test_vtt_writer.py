"""Writing: edits rewrite only the edited block; new cues are canonical and always valid."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.model import Cue
from captionreview.core.vtt.writer import cue_block, rewrite_cue_text, sanitize_cue_text


def _changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    [
        "real/human-made/lattifai__7nv1snJRCEI.en.vtt",
        "real/webvtt-py/netflix_chicas_del_cable.vtt",
        "real/svtplay-dl/wsrt-style-hash.srt",
        "real/youtube-auto/teamdman-vtt__test.en.vtt",
        "real/webvtt-py/captions_with_bom.vtt",
    ],
)
def test_a_text_edit_changes_only_that_cues_text_lines(corpus: Path, name: str) -> None:
    doc = load(corpus / name)
    before = doc.text()
    index = len(doc) // 2
    old_lines = doc.cues[index].text.split("\n")
    doc.set_text(index, "Rättad text")
    changed = _changed_lines(before, doc.text())
    assert changed == [*(f"-{line}" for line in old_lines), "+Rättad text"]
    doc.undo()
    assert doc.text() == before


@pytest.mark.corpus
def test_a_time_edit_rewrites_only_that_block(corpus: Path) -> None:
    doc = load(corpus / "real" / "svtplay-dl" / "wsrt-style-hash.srt")
    before = doc.text()
    doc.set_times(1, 10_000, 15_000)
    changed = _changed_lines(before, doc.text())
    assert changed == [
        "-00:00:10.240 --> 00:00:15.040 align:left position:18%",
        "+00:00:10.000 --> 00:00:15.000 align:left position:18%",
    ]


def test_canonical_cue_block() -> None:
    cue = Cue(3_723_004, 3_724_000, "a & b\n<i>c</i>", identifier="x1", settings="line:0")
    assert cue_block(cue, "\r\n") == (
        "x1\r\n01:02:03.004 --> 01:02:04.000 line:0\r\na &amp; b\r\n<i>c</i>\r\n"
    )
    assert cue_block(Cue(0, 1, "")) == "00:00:00.000 --> 00:00:00.001\n"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Fish & chips", "Fish &amp; chips"),
        ("<i>kursiv</i> & <b>fet</b>", "<i>kursiv</i> &amp; <b>fet</b>"),
        ("<v Anna Berg>Hej", "<v Anna Berg>Hej"),
        ("<c.gul.stor>x</c>", "<c.gul.stor>x</c>"),
        ("<00:00:01.500><c> ord</c>", "<00:00:01.500><c> ord</c>"),
        ("a < b > c", "a &lt; b &gt; c"),
        ("<script>", "&lt;script&gt;"),
        ("&nbsp;&amp;&#229;&#xE5;", "&nbsp;&amp;&#229;&#xE5;"),
        ("&unknownthing;", "&amp;unknownthing;"),
        ("pil --> här", "pil --&gt; här"),
        ("ett\r\n\r\ntvå\x00", "ett\ntvå\ufffd"),
    ],
)
def test_sanitize_cue_text(typed: str, stored: str) -> None:
    assert sanitize_cue_text(typed) == stored
    assert sanitize_cue_text(stored) == stored


def test_rewrite_keeps_the_timing_line_and_line_endings() -> None:
    source = "id\r\n01:02.000  -->  01:03.000\r\nold\r\n"
    assert rewrite_cue_text(source, "new\nlines") == (
        "id\r\n01:02.000  -->  01:03.000\r\nnew\r\nlines\r\n"
    )
    assert rewrite_cue_text("00:01.000 --> 00:02.000\nold", "x") == "00:01.000 --> 00:02.000\nx"
    assert rewrite_cue_text("00:01.000 --> 00:02.000", "x") == "00:01.000 --> 00:02.000\nx"
    assert rewrite_cue_text("00:01.000 --> 00:02.000\nold\n", "") == "00:01.000 --> 00:02.000\n"


def test_edits_at_the_end_of_a_file_without_final_newline() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nsist"
    doc = Document.from_text(text)
    doc.insert(1, Cue(3000, 4000, "ny"))
    assert doc.text() == (
        "WEBVTT\n\n00:01.000 --> 00:02.000\nsist\n\n00:00:03.000 --> 00:00:04.000\nny\n"
    )
    doc.sort()
    doc.undo()
    doc.undo()
    assert doc.text() == text
    doc.insert(0, Cue(0, 500, "först"))
    doc.sort()
    reread = Document.from_text(doc.text())
    assert [c.text for c in reread.cues] == ["först", "sist"]


def test_sorting_moves_the_last_cue_without_gluing_blocks() -> None:
    text = "WEBVTT\n\n00:05.000 --> 00:06.000\nb\n\n00:01.000 --> 00:02.000\na"
    doc = Document.from_text(text)
    doc.sort()
    reread = Document.from_text(doc.text())
    assert [c.text for c in reread.cues] == ["a", "b"] and not reread.problems


def test_timing_line_directly_under_the_header() -> None:
    text = "WEBVTT\n00:00.000 --> 00:01.000\ntext\n"
    doc = Document.from_text(text)
    assert len(doc) == 1 and doc.text() == text
    doc.set_times(0, 0, 2000)
    assert Document.from_text(doc.text()).cues[0].end_ms == 2000
