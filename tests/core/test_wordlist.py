"""The word list beside a caption file: read, add and remove words, saved atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from captionreview.core.errors import SaveError
from captionreview.core.words.wordlist import FileWordList, file_word_list_path, read_word_list


def test_a_new_word_creates_the_list_beside_the_captions(tmp_path: Path) -> None:
    captions = tmp_path / "lecture.sv.vtt"
    words = FileWordList.for_captions(captions)
    assert words.words == []
    assert words.add("Grünewaldska")
    assert not words.add("Grünewaldska")
    listing = tmp_path / "lecture.sv.words.txt"
    assert words.path == listing == file_word_list_path(captions)
    assert listing.read_text(encoding="utf-8") == "Grünewaldska\n"
    assert read_word_list(listing) == ["Grünewaldska"]


def test_adding_and_removing_keep_the_comments_and_other_words(tmp_path: Path) -> None:
    listing = tmp_path / "lecture.sv.words.txt"
    listing.write_text("# names of this lecture\nSödergren\n\nTvärbäckström", encoding="utf-8")
    words = FileWordList.for_captions(tmp_path / "lecture.sv.vtt")
    assert words.add("Mälarsjöberg")
    assert words.remove("Södergren")
    assert not words.remove("Södergren")
    assert listing.read_text(encoding="utf-8") == (
        "# names of this lecture\n\nTvärbäckström\nMälarsjöberg\n"
    )
    assert FileWordList.for_captions(tmp_path / "lecture.sv.vtt").words == [
        "Tvärbäckström",
        "Mälarsjöberg",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a read-only folder")
def test_an_unwritable_folder_says_so_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    listing = folder / "lecture.sv.words.txt"
    listing.write_text("Södergren\n", encoding="utf-8")
    words = FileWordList.for_captions(folder / "lecture.sv.vtt")
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError, match=r"lecture\.sv\.words\.txt.*may not write"):
            words.add("Mälarsjöberg")
        with pytest.raises(SaveError):
            words.remove("Södergren")
    finally:
        folder.chmod(0o755)
    assert words.words == ["Södergren"]
    assert listing.read_text(encoding="utf-8") == "Södergren\n"
    assert sorted(p.name for p in folder.iterdir()) == ["lecture.sv.words.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_list_that_cannot_be_read_is_not_overwritten(tmp_path: Path) -> None:
    listing = tmp_path / "lecture.sv.words.txt"
    listing.write_text("Södergren\n", encoding="utf-8")
    listing.chmod(0o200)
    try:
        with pytest.raises(SaveError, match=r"cannot read the word list lecture\.sv\.words\.txt"):
            FileWordList.for_captions(tmp_path / "lecture.sv.vtt")
    finally:
        listing.chmod(0o644)
    assert listing.read_text(encoding="utf-8") == "Södergren\n"


def test_a_list_that_is_a_folder_is_named_and_left_alone(tmp_path: Path) -> None:
    # Root reads and writes whatever the permissions say; a folder in the list's place fails
    # for everyone.
    (tmp_path / "lecture.sv.words.txt").mkdir()
    with pytest.raises(SaveError, match=r"cannot read the word list lecture\.sv\.words\.txt"):
        FileWordList.for_captions(tmp_path / "lecture.sv.vtt")


def test_a_folder_that_is_gone_says_so_and_keeps_the_words(tmp_path: Path) -> None:
    folder = tmp_path / "lecture"
    folder.mkdir()
    words = FileWordList.for_captions(folder / "lecture.sv.vtt")
    folder.rmdir()
    with pytest.raises(SaveError, match="does not exist"):
        words.add("Mälarsjöberg")
    assert words.words == []


def test_a_list_that_is_not_utf8_is_read_but_never_saved_over(tmp_path: Path) -> None:
    listing = tmp_path / "lecture.sv.words.txt"
    latin1 = "Müller\nGrünewald\nVGR\n".encode("latin-1")
    listing.write_bytes(latin1)
    words = FileWordList.for_captions(tmp_path / "lecture.sv.vtt")
    assert "VGR" in words.words  # checked as check reads it: what is ASCII still counts
    with pytest.raises(SaveError, match=r"not UTF-8 text \(line 1\)"):
        words.add("Ny")
    with pytest.raises(SaveError, match="not UTF-8"):
        words.remove("VGR")
    assert listing.read_bytes() == latin1  # the names written in Latin-1 are not lost


def test_words_written_to_the_list_by_another_program_are_kept(tmp_path: Path) -> None:
    listing = tmp_path / "lecture.sv.words.txt"
    listing.write_text("Anna\n", encoding="utf-8")
    words = FileWordList.for_captions(tmp_path / "lecture.sv.vtt")
    with listing.open("a", encoding="utf-8") as editor:
        editor.write("Bertil\n")
    assert words.add("Cesar")
    assert listing.read_text(encoding="utf-8") == "Anna\nBertil\nCesar\n"
    assert words.words == ["Anna", "Bertil", "Cesar"]
    listing.write_text("Anna\n", encoding="utf-8")
    assert not words.remove("Bertil")  # removed in the editor already: nothing to do
    assert words.words == ["Anna"]


def test_a_byte_order_mark_is_not_part_of_the_first_word(tmp_path: Path) -> None:
    listing = tmp_path / "lecture.sv.words.txt"
    listing.write_bytes("\ufeffSödergren\nAnna\n".encode())
    assert read_word_list(listing) == ["Södergren", "Anna"]
    words = FileWordList.for_captions(tmp_path / "lecture.sv.vtt")
    assert "Södergren" in words
    assert not words.add("Södergren")
    assert words.add("Bertil")
    assert listing.read_text(encoding="utf-8") == "Södergren\nAnna\nBertil\n"


def test_the_entry_that_accepts_a_capitalised_word_is_its_lower_case_form(tmp_path: Path) -> None:
    listing = tmp_path / "lecture.sv.words.txt"
    listing.write_text("kommunchef\nVGR\n", encoding="utf-8")
    words = FileWordList.for_captions(tmp_path / "lecture.sv.vtt")
    # As the spell check reads the list: "kommunchef" accepts "Kommunchef" too.
    assert words.listed_as("Kommunchef") == "kommunchef"
    assert words.listed_as("kommunchef") == "kommunchef"
    assert words.listed_as("VGR") == "VGR"
    assert words.listed_as("vgr") is None
    assert words.listed_as("Kommun") is None
