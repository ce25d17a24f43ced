"""Pairing captions and videos by name, on real files."""

from __future__ import annotations

from pathlib import Path

from captionreview.core.pairing import captions_beside, is_caption_file, video_beside


def _touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_text("", encoding="utf-8")


def test_a_video_finds_its_captions_webvtt_first_then_the_shortest_name(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "lecture.mp4",
        "lecture.srt",
        "lecture.sv.vtt",
        "lecture.vtt",
        "lecture2.vtt",
        "other.vtt",
    )
    found = captions_beside(tmp_path / "lecture.mp4")
    assert [p.name for p in found] == ["lecture.vtt", "lecture.sv.vtt", "lecture.srt"]


def test_a_caption_file_finds_the_video_with_its_base_name(tmp_path: Path) -> None:
    _touch(tmp_path, "lecture.sv.vtt", "lecture.MP4.txt", "lecture.webm")
    assert video_beside(tmp_path / "lecture.sv.vtt") == tmp_path / "lecture.webm"
    assert video_beside(tmp_path / "alone.vtt") is None


def test_a_missing_folder_finds_no_captions(tmp_path: Path) -> None:
    assert captions_beside(tmp_path / "gone" / "lecture.mp4") == []


def test_caption_files_are_known_by_suffix_in_any_case() -> None:
    assert is_caption_file(Path("a.VTT")) and is_caption_file(Path("b.sbv"))
    assert not is_caption_file(Path("c.mp4"))
