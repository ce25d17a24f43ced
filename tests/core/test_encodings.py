"""Encodings: UTF-8 with or without BOM; other encodings are named, never mojibake."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError, EncodingError
from captionreview.core.formats import load
from captionreview.core.model import Severity

SWEDISH = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nVälkommen till vår\nföreläsning på Åland\n"


def test_utf8_with_and_without_bom(tmp_path: Path) -> None:
    plain = tmp_path / "plain.vtt"
    plain.write_bytes(SWEDISH.encode("utf-8"))
    bom = tmp_path / "bom.vtt"
    bom.write_bytes(b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"))
    for path in (plain, bom):
        doc = load(path)
        assert doc.cues[0].text == "Välkommen till vår\nföreläsning på Åland"
        assert doc.text().encode("utf-8") == path.read_bytes()
    assert load(bom).bom and not load(plain).bom


def test_windows_1252_file_is_named_with_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.sv.vtt"
    path.write_bytes(SWEDISH.encode("cp1252"))
    with pytest.raises(EncodingError) as caught:
        load(path)
    error = caught.value
    assert isinstance(error, CaptionFileError)
    assert error.line == 4 and error.guess == "cp1252" and error.path == path
    assert str(error) == (
        "line 4: byte 0xE4 is not UTF-8 — the file looks like Windows-1252 (å ä ö Å). "
        "Open it with encoding='cp1252'"
    )


def test_opening_with_the_suggested_encoding_works_and_saves_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.sv.vtt"
    original = SWEDISH.encode("cp1252")
    path.write_bytes(original)
    doc = load(path, encoding="cp1252")
    assert doc.cues[0].text == "Välkommen till vår\nföreläsning på Åland"
    assert doc.modified
    assert any(p.rule == "VTT-ENC-01" and p.severity is Severity.INFO for p in doc.problems)
    doc.save()
    assert path.read_bytes() == SWEDISH.encode("utf-8")
    assert (tmp_path / "latin.sv.orig.vtt").read_bytes() == original
    assert not doc.modified


def test_latin1_only_bytes_guess_latin1(tmp_path: Path) -> None:
    path = tmp_path / "x.vtt"
    path.write_bytes(b"WEBVTT\n\n00:01.000 --> 00:02.000\n\x81\xe5\n")
    with pytest.raises(EncodingError) as caught:
        load(path)
    assert caught.value.guess == "latin-1"
    assert "encoding='latin-1'" in str(caught.value)


def test_wrong_explicit_encoding_and_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.vtt"
    path.write_bytes(SWEDISH.encode("cp1252"))
    with pytest.raises(EncodingError, match="cannot be read as ascii"):
        load(path, encoding="ascii")
    with pytest.raises(CaptionFileError, match="not an encoding"):
        load(path, encoding="klingon")


def test_utf16_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.vtt"
    path.write_bytes(SWEDISH.encode("utf-16"))
    doc = load(path)
    assert doc.cues[0].text.startswith("Välkommen") and doc.modified


def test_unreadable_files_say_why(tmp_path: Path) -> None:
    with pytest.raises(CaptionFileError, match="does not exist"):
        load(tmp_path / "missing.vtt")
    with pytest.raises(CaptionFileError, match="is a folder"):
        load(tmp_path)
    empty = tmp_path / "empty.vtt"
    empty.write_bytes(b"")
    with pytest.raises(CaptionFileError, match="is empty"):
        load(empty)


def test_double_encoded_text_is_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "twice.vtt"
    path.write_text(SWEDISH.replace("vår", "vÃ¥r"), encoding="utf-8")
    doc = load(path)
    (problem,) = doc.problems
    assert problem.rule == "VTT-ENC-01" and problem.line == 4
    assert problem.severity is Severity.WARN
    assert "'Ã¥' is probably 'å'" in problem.message
    clean = tmp_path / "clean.vtt"
    extra = "\n00:03.000 --> 00:04.000\nÅngström, Ã la carte, â€ ok? Ärlig\n"
    clean.write_text(SWEDISH + extra, encoding="utf-8")
    assert [p.rule for p in load(clean).problems] == []


def test_binary_junk_is_not_offered_as_an_encoding(tmp_path: Path) -> None:
    rng = random.Random(7)
    for name, data in (
        ("junk.vtt", rng.randbytes(6000)),
        ("picture.vtt", b"\x89PNG\r\n\x1a\n" + bytes(300) + rng.randbytes(3000)),
        ("zeros.srt", bytes(5000)),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(CaptionFileError) as caught:
            load(path)
        assert not isinstance(caught.value, EncodingError), name
        assert str(caught.value) == f"{name} is not a text file (it looks like binary data)"


def test_a_few_nul_characters_are_still_text(tmp_path: Path) -> None:
    path = tmp_path / "nul.vtt"
    path.write_bytes(b"WEBVTT\n\n00:01.000 --> 00:02.000\nhe\0j\n")
    doc = load(path)
    assert doc.cues[0].text == "he\ufffdj"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.vtt"
    path.write_bytes(SWEDISH.encode(codec))
    doc = load(path)
    assert doc.cues[0].text == "Välkommen till vår\nföreläsning på Åland"
    assert doc.modified
    (problem,) = [p for p in doc.problems if p.rule == "VTT-ENC-01"]
    assert "UTF-16" in problem.message and problem.severity is Severity.INFO


def test_only_regular_files_of_sane_size_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.vtt"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def read_fifo() -> None:
        try:
            load(fifo)
        except CaptionFileError as error:
            outcome.append(error)
        else:
            outcome.append(None)

    worker = threading.Thread(target=read_fifo, daemon=True)
    worker.start()
    worker.join(10)
    assert outcome and outcome[0] is not None, "reading a FIFO hung"
    assert str(outcome[0]) == "pipe.vtt is not a regular file: open a caption file"
    if Path("/dev/zero").exists():
        with pytest.raises(CaptionFileError, match="zero is not a regular file"):
            load("/dev/zero")
    big = tmp_path / "huge.vtt"
    with big.open("wb") as handle:
        handle.truncate(201 * 1024 * 1024)  # sparse: no real disk space used
    with pytest.raises(CaptionFileError, match=r"huge\.vtt is 201 MB"):
        load(big)


def test_a_utf8_file_with_one_stray_byte_is_named_utf8_not_latin1(repro: Path) -> None:
    path = repro / "mixed_utf8_one_latin1_byte.vtt"
    with pytest.raises(EncodingError) as caught:
        load(path)
    error = caught.value
    assert error.guess == "utf-8-replace" and error.line == 7
    assert str(error).startswith("line 7: the file is UTF-8 except for 1 byte that is not.")
    doc = load(path, encoding=error.guess)
    assert doc.cues[0].text == "Välkommen till Tillväxtverket – åäö ÅÄÖ"
    assert doc.cues[1].text.startswith("Pris p\ufffd: 5 €")
    (problem,) = doc.problems
    assert (problem.line, problem.rule, problem.severity) == (7, "VTT-ENC-01", Severity.WARN)
    assert "1 byte that was not UTF-8 is shown as \ufffd" in problem.message
    assert doc.modified


def test_a_utf8_file_cut_off_inside_its_last_character_says_so(repro: Path) -> None:
    with pytest.raises(EncodingError) as caught:
        load(repro / "utf8_truncated_last_char.vtt")
    assert caught.value.guess == "utf-8-replace" and caught.value.line == 8
    assert "ends in the middle of a character (it was cut off)" in str(caught.value)
    doc = load(repro / "utf8_truncated_last_char.vtt", encoding="utf-8-replace")
    assert doc.cues[0].text == "Välkommen till Tillväxtverket – åäö ÅÄÖ"
    assert doc.cues[-1].text.endswith("\ufffd")


def test_several_stray_bytes_are_listed_by_line(tmp_path: Path) -> None:
    path = tmp_path / "stray.vtt"
    body = "".join(f"00:{n:02d}.000 --> 00:{n:02d}.500\nå{n}\n\n" for n in range(30))
    data = ("WEBVTT\n\n" + body).encode().replace(b"\xc3\xa5", b"\xe5", 3)
    path.write_bytes(data)
    with pytest.raises(EncodingError) as caught:
        load(path)
    assert caught.value.guess == "utf-8-replace"
    assert "except for 3 bytes that are not (lines 4, 7, 10)" in str(caught.value)
    doc = load(path, encoding="utf-8-replace")
    assert [c.text for c in doc.cues[:4]] == ["\ufffd0", "\ufffd1", "\ufffd2", "å3"]
    assert "3 bytes that were not UTF-8 are shown as \ufffd (lines 4, 7, 10)" in (
        doc.problems[0].message
    )


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_named_utf32_and_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide32.vtt"
    path.write_bytes(SWEDISH.encode(codec))
    doc = load(path)
    assert doc.cues[0].text == "Välkommen till vår\nföreläsning på Åland"
    (problem,) = doc.problems
    assert "the file is UTF-32" in problem.message and problem.severity is Severity.INFO
    assert doc.modified
    doc.save()
    assert path.read_bytes() == SWEDISH.encode("utf-8")


def test_the_utf32_reproducer_is_read(repro: Path) -> None:
    doc = load(repro / "utf32le_bom_called_binary.vtt")
    assert doc.cues[0].text == "Välkommen till Tillväxtverket – åäö ÅÄÖ"


@pytest.mark.parametrize(("codec", "cut"), [("utf-16", 1), ("utf-32", 2)])
def test_a_wide_file_cut_off_mid_character_is_a_clear_error(
    tmp_path: Path, codec: str, cut: int
) -> None:
    path = tmp_path / "cut.vtt"
    path.write_bytes(SWEDISH.encode(codec)[:-cut])
    with pytest.raises(EncodingError) as caught:
        load(path)
    name = codec.upper()
    assert f"the file is {name} (it starts with a {name} byte-order mark) but ends in the " in (
        str(caught.value)
    )
    assert caught.value.guess == f"{codec}-replace"
    doc = load(path, encoding=caught.value.guess)
    assert doc.cues[0].text.startswith("Välkommen till vår\nföreläsning på Åland")
    assert any(p.severity is Severity.WARN and "\ufffd" in p.message for p in doc.problems)


def test_the_utf16_odd_length_reproducer_is_a_clear_error(repro: Path) -> None:
    with pytest.raises(EncodingError, match="ends in the middle of a character"):
        load(repro / "crash_utf16_bom_odd_length.vtt")


def test_a_file_with_nuls_edited_and_saved_opens_again(repro: Path, tmp_path: Path) -> None:
    path = tmp_path / "nul.vtt"
    path.write_bytes((repro / "saved_file_cannot_be_reopened_nul.vtt").read_bytes())
    doc = load(path)
    assert [p.rule for p in doc.problems] == ["VTT-NUL-01"]
    doc.set_text(0, "Kort.")
    doc.save()
    again = load(path)
    assert again.text() == doc.text()
    assert [c.text for c in again.cues] == [c.text for c in doc.cues]


CONTROL_TEXT = st.lists(
    st.sampled_from(["\0", "\x01", "\x1b", "\x7f", "\x85", "a", "å", "\n", " -->", "0"]),
    max_size=300,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(CONTROL_TEXT, st.booleans())
def test_whatever_the_app_writes_it_reads(tmp_path_factory, body: str, edit: bool) -> None:
    folder = tmp_path_factory.mktemp("written")
    doc = Document.from_text("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n\n" + body)
    if edit:
        doc.set_text(0, "")
    written = doc.save(folder / "out.vtt")
    assert load(written).text() == doc.text()
