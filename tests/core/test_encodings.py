"""Encodings: UTF-8 with or without BOM; other encodings are named, never mojibake."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import pytest

from captionreview.core.document import load
from captionreview.core.errors import CaptionFileError, EncodingError
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
