"""Header metadata as part of the undoable document: ``set_header_metadata``, the language
NOTE, and the clean-up that strips YouTube's header lines in the same undo step."""

from __future__ import annotations

from pathlib import Path

import pytest

import captionreview
from captionreview.core.checks import check_document
from captionreview.core.cleanup.rolling import UNDO_DESCRIPTION, apply_clean_up, clean_auto_captions
from captionreview.core.document import DocEvent, Document
from captionreview.core.model import Cue
from captionreview.core.profiles import builtin_profile

YOUTUBE = (
    "WEBVTT\n"
    "Kind: captions\n"
    "Language: sv\n"
    "\n"
    "00:00:01.000 --> 00:00:02.000\n"
    "Hej\n"
    "\n"
    "00:00:03.000 --> 00:00:04.000\n"
    "Två\n"
)


def test_stripping_the_header_keeps_the_language_in_a_note() -> None:
    doc = Document.from_text(YOUTUBE)
    events: list[DocEvent] = []
    doc.subscribe(events.append)
    doc.set_header_metadata({})
    assert doc.text() == YOUTUBE.replace("Kind: captions\nLanguage: sv\n", "\nNOTE Language: sv\n")
    assert doc.language == "sv"
    assert doc.metadata == {"Language": "sv"} and doc.header_metadata == {}
    assert [c.text for c in doc.cues] == ["Hej", "Två"]
    assert [e.kind.value for e in events] == ["resetting", "reset", "modified", "history"]
    assert doc.modified and doc.undo_description == "Change header"
    doc.undo()
    assert doc.text() == YOUTUBE
    assert doc.metadata == {"Kind": "captions", "Language": "sv"}
    assert not doc.modified
    doc.redo()
    assert "Kind:" not in doc.text() and doc.language == "sv"


def test_reader_takes_the_language_from_the_first_note_before_the_cues() -> None:
    text = "WEBVTT\n\nNOTE Language: sv\n\nNOTE Language: en\n\n00:01.000 --> 00:02.000\nHej\n"
    doc = Document.from_text(text)
    assert doc.language == "sv" and doc.header_metadata == {}
    # only the first NOTE counts, and only before the first cue
    assert Document.from_text(text.replace("NOTE Language: sv", "NOTE hello")).language is None
    late = "WEBVTT\n\n00:01.000 --> 00:02.000\nHej\n\nNOTE Language: sv\n"
    assert Document.from_text(late).language is None
    # a header Language wins over a NOTE
    both = "WEBVTT\nLanguage: en\n\nNOTE Language: sv\n\n00:01.000 --> 00:02.000\nHej\n"
    assert Document.from_text(both).language == "en"


def test_kept_lines_stay_as_written_and_changed_ones_are_rewritten() -> None:
    text = (
        "WEBVTT - lecture\r\n"
        "Kind: captions\r\n"
        "X-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\r\n"
        "Language: en\r\n"
        "\r\n"
        "00:01.000 --> 00:02.000\r\n"
        "Hi\r\n"
    )
    doc = Document.from_text(text)
    doc.set_header_metadata(
        {"X-TIMESTAMP-MAP": "MPEGTS:900000,LOCAL:00:00:00.000", "Kind": "subtitles"},
        language="sv",
    )
    assert doc.text() == (
        "WEBVTT - lecture\r\n"
        "Kind: subtitles\r\n"
        "X-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\r\n"
        "\r\n"
        "NOTE Language: sv\r\n"
        "\r\n"
        "00:01.000 --> 00:02.000\r\n"
        "Hi\r\n"
    )
    assert Document.from_text(doc.text()).metadata == doc.metadata
    # an existing language NOTE is updated, not repeated; nothing to change is no step
    doc.set_header_metadata(doc.header_metadata, language="en")
    assert doc.text().count("NOTE Language") == 1 and doc.language == "en"
    steps = doc.undo_description
    doc.set_header_metadata(doc.header_metadata)
    assert doc.undo_description == steps
    doc.undo()
    doc.undo()
    assert doc.text() == text


def test_old_draft_style_block_goes_with_its_line() -> None:
    text = (
        "WEBVTT\nKind: captions\nLanguage: en\nStyle:\n"
        "::cue(c.colorCCCCCC) { color: rgb(204,204,204);\n }\n##\n\n"
        "00:01.000 --> 00:02.000\nHi\n"
    )
    doc = Document.from_text(text)
    doc.set_header_metadata(None, language_note=False)
    assert doc.text() == "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n"
    assert doc.language is None
    doc.undo()
    doc.set_header_metadata({"Style": ""}, language_note=False)
    assert "::cue(c.colorCCCCCC)" in doc.text() and "##\n" in doc.text()
    assert "Kind" not in doc.text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WEBVTT\nKind: captions\nLanguage: sv", "WEBVTT\n\nNOTE Language: sv\n"),
        (
            "WEBVTT\nLanguage: sv\n00:01.000 --> 00:02.000\nHej\n",
            "WEBVTT\n\nNOTE Language: sv\n\n00:01.000 --> 00:02.000\nHej\n",
        ),
    ],
)
def test_note_is_a_block_of_its_own_at_the_file_edges(text: str, expected: str) -> None:
    doc = Document.from_text(text)
    doc.set_header_metadata({})
    assert doc.text() == expected
    again = Document.from_text(doc.text())
    assert again.language == "sv" and again.problems == []
    assert len(again) == len(doc)
    doc.undo()
    assert doc.text() == text


def test_bad_header_lines_are_refused_and_a_missing_header_is_added() -> None:
    doc = Document.from_text(YOUTUBE)
    for bad in ({"Two words": "x"}, {"Kind": "a\nb"}, {"Note": "a --> b"}, {"": "x"}):
        with pytest.raises(ValueError):
            doc.set_header_metadata(bad)
    assert doc.text() == YOUTUBE and not doc.can_undo
    # A file without the WEBVTT line gets one (with the metadata) when it is saved.
    headless = Document.from_text("no header\n")
    headless.set_header_metadata({"Language": "sv"})
    assert headless.text() == "WEBVTT\nLanguage: sv\n\nno header\n"


def test_clean_up_is_one_step_with_the_header_and_checks_no_longer_see_it() -> None:
    cues = [
        Cue(i * 1000, i * 1000 + 900, f"<c>ord{i}</c><00:00:0{i}.500><c> till</c>")
        for i in range(1, 8)
    ]
    doc = Document.from_text("WEBVTT\nKind: captions\nLanguage: sv\n")
    doc.replace_all(cues, "setup")
    source = doc.text()
    steps = doc.undo_description
    profile = builtin_profile("se-public")
    assert not [f for f in check_document(doc, profile) if f.cue_index is None]
    result = clean_auto_captions(list(doc.cues), profile, metadata=doc.header_metadata)
    assert result.removed.header_lines == 1
    apply_clean_up(doc, result)
    assert doc.undo_description == UNDO_DESCRIPTION
    assert doc.text().startswith("WEBVTT\nLanguage: sv\n\n") and doc.language == "sv"
    assert [c.text for c in doc.cues] == [c.text for c in result.cues]
    # the Language line is legal header text: no ASR-04 / VTT-HDR-02 about the header
    header = [f for f in check_document(doc, profile) if f.cue_index is None]
    assert not [f for f in header if f.rule in ("ASR-04", "VTT-HDR-02")]
    doc.undo()
    assert doc.text() == source and doc.undo_description == steps


def test_saved_clean_file_reads_back_with_its_language(tmp_path: Path) -> None:
    doc = Document.from_text(YOUTUBE)
    doc.set_header_metadata({})
    saved = doc.save(tmp_path / "clean.vtt")
    assert captionreview.load(saved).language == "sv"
