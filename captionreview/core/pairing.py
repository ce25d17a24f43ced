"""Which caption files belong to a video, and which video to a caption file, by their names.

``lecture.mp4`` goes with ``lecture.vtt``, ``lecture.sv.vtt``, ``lecture.en.srt``…; the other
way round, ``lecture.sv.vtt`` finds ``lecture.mp4`` (or any other video suffix).
"""

from __future__ import annotations

from pathlib import Path

CAPTION_SUFFIXES = (".vtt", ".srt", ".sbv")
VIDEO_SUFFIXES = (
    ".mp4",
    ".m4v",
    ".mkv",
    ".webm",
    ".mov",
    ".avi",
    ".mpg",
    ".mpeg",
    ".ogv",
    ".ts",
    ".wmv",
    ".flv",
    ".mp3",
    ".m4a",
    ".wav",
    ".ogg",
    ".oga",
    ".flac",
    ".opus",
)


def is_caption_file(path: Path) -> bool:
    """Return True when ``path`` has a caption suffix (.vtt, .srt, .sbv, any case)."""
    return path.suffix.lower() in CAPTION_SUFFIXES


def captions_beside(video: Path) -> list[Path]:
    """Caption files beside ``video`` that belong to it: lecture.vtt, lecture.sv.vtt, .srt…"""
    stem = video.name[: -len(video.suffix)] if video.suffix else video.name
    found = []
    try:
        siblings = sorted(video.parent.iterdir())
    except OSError:
        return []
    for path in siblings:
        if not is_caption_file(path) or not path.is_file():
            continue
        base = path.name[: -len(path.suffix)]
        if base == stem or base.startswith(stem + "."):
            found.append(path)
    # lecture.vtt before lecture.sv.vtt before lecture.srt: WebVTT first, then shortest name.
    found.sort(key=lambda p: (p.suffix.lower() != ".vtt", len(p.name), p.name))
    return found


def video_beside(captions: Path) -> Path | None:
    """The video next to ``captions`` with the same base name (lecture.sv.vtt → lecture.mp4)."""
    name = captions.name
    stems = []
    while "." in name:
        name = name.rsplit(".", 1)[0]
        stems.append(name)
    for stem in stems:
        for suffix in VIDEO_SUFFIXES:
            candidate = captions.with_name(stem + suffix)
            if candidate.is_file():
                return candidate
    return None
