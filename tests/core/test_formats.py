"""SRT and SBV reading, format sniffing, and SRT export (EXP-02)."""

from __future__ import annotations

from pathlib import Path

import pytest

from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import export_srt, load, sniff_format, srt_export_notes, write_srt
from captionreview.core.model import Cue, Severity


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["wsrt-old", "wsrt-pretext", "wsrt-style-hash"])
def test_srt_export_matches_the_broadcaster_tool(corpus: Path, name: str, tmp_path: Path) -> None:
    doc = load(corpus / "real" / "svtplay-dl" / f"{name}.srt")
    out = export_srt(doc, tmp_path / f"{name}.srt")
    expected = corpus / "cleaning-pairs" / f"svtplay-dl__{name}.expected.srt"
    assert out.read_bytes() == expected.read_bytes()
    assert not doc.modified


def test_srt_export_strips_webvtt_markup_and_decodes_references() -> None:
    cues = [
        Cue(0, 1500, "<v Anna>Hej</v> <c.gul>och</c> <i>välkommen</i> &amp; tack"),
        Cue(61_000, 62_000, "<00:01:01.500><c>ord</c> &lt;3 <ruby>漢<rt>kan</rt></ruby>"),
    ]
    assert write_srt(cues) == (
        "1\n00:00:00,000 --> 00:00:01,500\nHej och <i>välkommen</i> & tack\n\n"
        "2\n00:01:01,000 --> 00:01:02,000\nord <3 漢kan\n"
    )
    assert write_srt([]) == ""


@pytest.mark.corpus
def test_srt_and_sbv_samples(corpus: Path) -> None:
    srt = load(corpus / "real" / "webvtt-py" / "sample.srt")
    sbv = load(corpus / "real" / "webvtt-py" / "sample.sbv")
    assert srt.source_format == "srt" and sbv.source_format == "sbv"
    assert [c.text for c in srt.cues] == [f"Caption text #{i}" for i in range(1, 6)]
    assert (srt.cues[0].start_ms, srt.cues[0].end_ms) == (500, 7000)
    assert (sbv.cues[0].start_ms, sbv.cues[0].end_ms) == (378, 11_378)
    assert sbv.cues[2].text == "Caption text #3 (line 1)\nCaption text #3 (line 2)"


@pytest.mark.corpus
def test_bad_srt_block_is_kept_and_reported(corpus: Path, tmp_path: Path) -> None:
    doc = load(corpus / "real" / "webvtt-py" / "missing_timeframe.srt")
    assert len(doc) == 4
    (problem,) = doc.problems
    assert problem.line == 6 and problem.severity is Severity.ERROR
    assert "00:00:01,000 --> 00:00:02,000" in problem.message
    saved = doc.save(tmp_path / "out.vtt").read_text(encoding="utf-8")
    assert "2\nCaption text #2\n" in saved


def test_srt_font_tags_and_raw_ampersand(tmp_path: Path) -> None:
    path = tmp_path / "x.srt"
    path.write_text(
        '1\r\n00:00:01,000 --> 00:00:02,500\r\n<font color="red">R&D</font> {\\an8}<i>ja</i>\r\n',
        encoding="utf-8",
    )
    doc = load(path)
    assert doc.cues[0].text == "R&amp;D <i>ja</i>"
    assert (doc.cues[0].start_ms, doc.cues[0].end_ms) == (1000, 2500)


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    ["invalid_format.sbv", "invalid_format1.srt", "invalid_format2.srt"],
)
def test_files_that_are_not_captions_are_refused(corpus: Path, name: str) -> None:
    with pytest.raises(CaptionFileError, match="not a caption file"):
        load(corpus / "real" / "webvtt-py" / name)


@pytest.mark.corpus
def test_a_line_of_text_before_a_timing_line_is_reported_and_the_cue_read(corpus: Path) -> None:
    # "some text" where the index should be, then a timing line: webvtt-py refuses the file; a
    # WebVTT reader of it saved reads "some text" as an identifier and a cue. The cue is read,
    # the line kept as it is and reported.
    doc = load(corpus / "real" / "webvtt-py" / "invalid_format4.srt")
    assert timed_texts(doc) == [(500, 7000, "")]
    (problem,) = doc.problems
    assert (problem.line, problem.severity, problem.snippet) == (1, Severity.ERROR, "some text")


def test_sniffing() -> None:
    assert sniff_format("\ufeffWEBVTT\n", ".srt") == "vtt"
    assert sniff_format("1\n00:00:01,000 --> 00:00:02,000\nx\n") == "srt"
    assert sniff_format("0:00:01.000,0:00:02.000\nx\n") == "sbv"
    assert sniff_format("junk", ".sbv") == "sbv"
    assert sniff_format("junk", ".vtt") == "vtt"


def test_document_from_cues_round_trips() -> None:
    doc = Document.from_cues([Cue(0, 1000, "a"), Cue(2000, 3000, "b")])
    assert doc.text() == (
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na\n\n00:00:02.000 --> 00:00:03.000\nb\n"
    )
    assert [c.text for c in Document.from_text(doc.text()).cues] == ["a", "b"]


def test_srt_export_leaves_out_empty_cues_and_says_so(tmp_path: Path) -> None:
    doc = Document.new()
    for i, (start, end, text) in enumerate(
        [(0, 1000, "ett"), (1000, 2000, ""), (3000, 2500, "bakvänd"), (4000, 5000, "<i></i>")]
    ):
        doc.insert(i, Cue(start, end, text))
    out = export_srt(doc, tmp_path / "ut.srt")
    assert out.read_text(encoding="utf-8") == (
        "1\n00:00:00,000 --> 00:00:01,000\nett\n\n2\n00:00:03,000 --> 00:00:02,500\nbakvänd\n"
    )
    assert srt_export_notes(doc.cues) == [
        "2 cues without text were left out (cue 2, 4)",
        "cue 3 ends before or when it starts; written as it is: fix the times",
    ]
    assert srt_export_notes(doc.cues[:1]) == []
    two = [Cue(5000, 4000, "a"), Cue(7000, 7000, "b")]
    assert srt_export_notes(two) == [
        "cues 1, 2 end before or when they start; written as they are: fix the times"
    ]


def test_srt_cues_without_a_blank_line_between_them_are_read_apart(tmp_path: Path) -> None:
    # Hand-edited SRT often loses the blank line between two cues: the second cue's index and
    # timing line start it all the same (a WebVTT reader reads the saved file so too). An
    # arrow in the text ("A --> B") is not a timing line.
    doc = read_srt(
        tmp_path,
        "1\n00:00:01,000 --> 00:00:02,000\nHej\n2\n00:00:03,000 --> 00:00:04,000\nA --> B\n"
        "00:00:05,000 --> 00:00:06,000\nsist\n",
    )
    assert timed_texts(doc) == [
        (1000, 2000, "Hej"),
        (3000, 4000, "A --&gt; B"),
        (5000, 6000, "sist"),
    ]
    assert [c.line for c in doc.cues] == [1, 4, 7]
    assert doc.problems == []
    assert timed_texts(load(doc.save(tmp_path / "x.vtt"))) == timed_texts(doc)


def read_srt(folder: Path, text: str) -> Document:
    path = folder / "x.srt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def timed_texts(doc: Document) -> list[tuple[int, int, str]]:
    return [(c.start_ms, c.end_ms, c.text) for c in doc.cues]


def test_a_damaged_srt_block_saved_as_webvtt_gains_no_cue(tmp_path: Path) -> None:
    # Found by the corpus fuzzer: a block with a damaged index line is kept as it is and
    # written as it is when saved as WebVTT. A timing line further down it (WebVTT's own,
    # without hours, or SRT's) was a cue to a WebVTT reader of the saved file but not here: the
    # editor did not show a cue that players would.
    doc = read_srt(
        tmp_path,
        "\x001\n00:00:06,360 --> 00:00:10,080\n1845 gav sig\n00:01.000 --> 00:02.000\n"
        "ut-\n\n2\n00:00:10,240 --> 00:00:15,040\nför att\n",
    )
    assert timed_texts(doc) == [
        (6360, 10080, "1845 gav sig"),
        (1000, 2000, "ut-"),
        (10240, 15040, "för att"),
    ]
    (problem,) = doc.problems  # the damaged index line, kept as it is
    assert problem.line == 1 and problem.snippet == "\x001"
    assert timed_texts(load(doc.save(tmp_path / "x.vtt"))) == timed_texts(doc)
