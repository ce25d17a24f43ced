"""Which language a track is in: header, NOTE, file name, then the text's function words."""

from __future__ import annotations

from pathlib import Path

from captionreview.core.document import Document
from captionreview.core.words.language import detect_language, document_language

ENGLISH = (
    "Welcome to the lecture. Today we talk about the history of the region and what it "
    "means for all of us who live there."
)
SWEDISH = (
    "Välkommen till föreläsningen. I dag pratar vi om regionens historia och vad det "
    "betyder för oss som bor här och inte har varit med."
)


def doc_of(
    text: str, header: str = "", name: str | None = None, tmp: Path | None = None
) -> Document:
    source = f"WEBVTT{header}\n\n00:00:01.000 --> 00:00:05.000\n{text}\n"
    path = (tmp / name) if tmp is not None and name else None
    return Document.from_text(source, path)


def test_header_comes_first() -> None:
    assert detect_language(doc_of(SWEDISH, "\nLanguage: en-GB")) == ("en", "header")


def test_note_block() -> None:
    doc = Document.from_text(
        f"WEBVTT\n\nNOTE Language: sv\n\n00:00:01.000 --> 00:00:05.000\n{ENGLISH}\n"
    )
    assert detect_language(doc) == ("sv", "note")


def test_file_name_suffix(tmp_path: Path) -> None:
    assert detect_language(doc_of("Hm.", name="talk.en-US.vtt", tmp=tmp_path)) == (
        "en",
        "file name",
    )
    assert detect_language(doc_of("Hm.", name="talk.sv.srt", tmp=tmp_path)) == (
        "sv",
        "file name",
    )
    # "old" is no language code.
    assert detect_language(doc_of("Hm.", name="notes.old.vtt", tmp=tmp_path)) == (
        "und",
        "unknown",
    )


def test_text_guess() -> None:
    assert detect_language(doc_of(ENGLISH)) == ("en", "text")
    assert detect_language(doc_of(SWEDISH)) == ("sv", "text")
    assert detect_language(doc_of("Okay. Hm. Yes!")) == ("und", "unknown")


def test_cue_list_with_metadata() -> None:
    cues = list(doc_of(SWEDISH).cues)
    assert detect_language(cues, metadata={"language": "fi"}) == ("fi", "header")
    assert detect_language(cues) == ("sv", "text")


def test_undetermined_falls_back_to_the_profile_language() -> None:
    assert document_language(doc_of("Hm."), "sv") == "sv"
    assert document_language(doc_of(ENGLISH), "sv") == "en"


def test_real_corpus_files_are_guessed_right(corpus: Path) -> None:
    import captionreview
    from captionreview.core.errors import CaptionFileError

    tried = 0
    for path in sorted(corpus.rglob("*.vtt")):
        try:
            doc = captionreview.load(path)
        except CaptionFileError:
            continue
        if doc.language is None or len(doc.cues) < 20:
            continue
        language = doc.language.split("-")[0].lower()
        if language not in ("sv", "en"):
            continue
        cues = list(doc.cues)
        assert detect_language(cues) in ((language, "text"), ("und", "unknown")), path
        tried += detect_language(cues)[0] == language
    assert tried >= 3
