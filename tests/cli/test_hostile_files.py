"""Hostile files on the command line: no traceback, JSON stays JSON, terminal escapes escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from captionreview.cli import main
from captionreview.clitools.output import printable
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from tests.cli.test_check_cli import run, write

DIGITS = "7" * 4301
HOSTILE_NUMBERS = {
    "text": f"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSumman är {DIGITS} kronor.\n",
    "hours": f"WEBVTT\n\n{DIGITS}:00:01.000 --> {DIGITS}:00:02.000\nHej.\n",
    "inline": f"WEBVTT\n\n00:01.000 --> 00:04.000\nHej <{DIGITS}:00:02.000>du.\n",
    "region": f"WEBVTT\n\nREGION\nid:a\nlines:{DIGITS}\n\n00:01.000 --> 00:04.000 region:a\nHej.\n",
    "small": f"WEBVTT\n\n00:01.000 --> 00:04.000\nDet var {DIGITS} personer.\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_NUMBERS))
def test_numbers_of_4301_digits_are_checked_and_reported(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, f"{name}.vtt", HOSTILE_NUMBERS[name])
    assert main(["check", str(path)]) in (0, 1)
    assert main(["check", "--format", "json", str(path)]) in (0, 1)
    out = capsys.readouterr().out
    # The text run went first; its lines end in a time range "[… --> …]", the JSON starts "[\n".
    assert json.loads(out[out.index("[\n") :])[0]["file"] == str(path)
    assert main(["report", str(path), "-o", str(tmp_path / "r.html")]) == 0


def test_a_long_number_is_grouped_in_threes_without_int(tmp_path: Path) -> None:
    from captionreview.core.checks import check_document
    from captionreview.core.profiles import DEFAULT_PROFILE

    doc = load(write(tmp_path, "n.vtt", HOSTILE_NUMBERS["text"]))
    grouped = [f.suggestion for f in check_document(doc, DEFAULT_PROFILE) if f.rule == "TXT-09"]
    assert grouped == ["77 " + " ".join(["777"] * 1433)]


def test_srt_hours_of_4301_digits_are_no_timestamp(tmp_path: Path) -> None:
    path = write(tmp_path, "x.srt", f"1\n{DIGITS}:00:01,000 --> {DIGITS}:00:02,000\nHej\n")
    with pytest.raises(CaptionFileError, match="no cue with a timing line"):
        load(path)


def test_the_reproducer_runs_as_a_subprocess_without_a_traceback(repro: Path) -> None:
    source = repro / "crash_4301_digit_number.vtt"
    text = run("check", source)
    assert text.returncode in (0, 1) and "Traceback" not in text.stderr
    as_json = run("check", "--format", "json", source)
    assert as_json.returncode in (0, 1) and json.loads(as_json.stdout)[0]["findings"]


def test_terminal_escapes_from_the_file_are_printed_escaped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ansi.vtt",
        "WEBVTT\n\n00:01.000 --> 00:02.000 align:\x1b[31mred\nHej \x1b]0;PWNED\x07du\u202e.\n",
    )
    result = run("check", path)
    assert "Traceback" not in result.stderr
    for stream in (result.stdout, result.stderr):
        assert not any(c in stream for c in "\x1b\x07\u202e")
    assert "\\x1b[31mred" in result.stdout


def test_printable_escapes_controls_and_keeps_swedish_text() -> None:
    assert printable("å\x1b[2J\tö\u202e") == "å\\x1b[2J\\tö\\u202e"


def test_a_file_check_cannot_read_exits_2_with_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "folder.vtt"
    folder.mkdir()
    result = run("check", folder)
    assert result.returncode == 2
    assert "cannot read" in result.stderr and "Traceback" not in result.stderr
    as_json = run("check", "--format", "json", folder)
    assert as_json.returncode == 2 and json.loads(as_json.stdout)[0]["error"]


def repro_captions() -> list[str]:
    from tests.conftest import REPRO

    return sorted(p.name for p in REPRO.glob("*.vtt")) if REPRO.is_dir() else []


@pytest.mark.parametrize("name", repro_captions())
def test_every_reproducer_is_checked_with_word_flags_and_reported(
    name: str, repro: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The hang_* files once took minutes (a quadratic pass); pytest-timeout fails a hang here.
    path = repro / name
    status = main(["check", "--format", "json", str(path)])
    result = json.loads(capsys.readouterr().out)[0]
    assert result["file"] == str(path)
    assert (status == 2) == ("error" in result)
    if status != 2:
        assert main(["report", str(path), "-o", str(tmp_path / "r.html")]) == 0
        assert (tmp_path / "r.html").stat().st_size > 0
