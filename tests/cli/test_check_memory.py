"""``captionreview check`` pauses the cyclic collector for its whole run, so what it makes for a
file must be freed by reference counting alone: a run over many files would keep them all."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from captionreview.cli import main

CLEAN = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nVälkommen till föreläsningen.\n"
BROKEN = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSvensson & Son\n\n00:00:03.000 --> x\nJa.\n"


@pytest.mark.parametrize("output", ["text", "json"])
def test_checking_files_leaves_nothing_for_the_cyclic_collector(
    tmp_path: Path, demo_dir: Path, output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lecture = tmp_path / "lecture.sv.vtt"
    shutil.copy(demo_dir / "lecture.sv.vtt", lecture)
    (tmp_path / "clean.sv.vtt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "broken.vtt").write_text(BROKEN, encoding="utf-8")
    # A review sidecar that cannot be used: the review opened for the counts is closed anyway.
    (tmp_path / "clean.sv.review.json").write_text("{not json", encoding="utf-8")
    files = [str(lecture), str(tmp_path / "clean.sv.vtt"), str(tmp_path / "broken.vtt")]
    files.append(str(tmp_path / "missing.vtt"))
    main(["check", "--format", output, *files])  # first use: module caches, Hunspell
    left = [_garbage_after(["check", "--format", output, *files * times]) for times in (1, 3)]
    # The command's own set-up (its argument parser) is garbage once a run; a file's nothing.
    assert left[0] == left[1]
    assert "clean.sv.vtt" in capsys.readouterr().out


def _garbage_after(args: list[str]) -> int:
    """Run the command line with the collector off; return what the collector then finds."""
    gc.collect()
    gc.disable()
    try:
        main(args)
    finally:
        gc.enable()
    return gc.collect()
