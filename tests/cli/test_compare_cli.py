"""``captionreview compare``, ``check``'s review counts and ``report --original``, run as real
subprocesses on the demo lecture: the three give the same numbers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from captionreview.core.formats import load
from captionreview.core.review import open_review
from tests.cli.test_check_cli import run, run_env


def test_compare_prints_wer_cer_ner_kinds_and_confusions(demo_dir: Path) -> None:
    out = run(
        "compare",
        demo_dir / "lecture.sv.vtt",
        demo_dir / "reference" / "lecture.sv.vtt",
        "--glossary",
        demo_dir / "glossary.txt",
    )
    assert out.returncode == 0, out.stderr
    assert "Word error rate (WER): 21.1 %" in out.stdout
    assert "Character error rate (CER):" in out.stdout
    assert "NER estimate: 94.9 %, below the 98 % pass mark" in out.stdout
    assert "till växt verket → Tillväxtverket ×2" in out.stdout


def test_compare_json_and_report_give_the_same_numbers(demo_dir: Path, tmp_path: Path) -> None:
    corrected = tmp_path / "lecture.sv.vtt"
    shutil.copy(demo_dir / "reference" / "lecture.sv.vtt", corrected)
    review = open_review(load(corrected))
    review.approve(0)
    review.set_comment(1, "Komma eller punkt?")
    review.save()
    out = run("compare", demo_dir / "lecture.sv.vtt", corrected, "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["substitutions"], data["deletions"], data["insertions"]) == (11, 1, 15)
    assert data["reference_words"] == 128
    assert data["ner"]["standard"] == len(data["changes"])
    report = tmp_path / "report.html"
    made = run(
        "report", corrected, "--original", demo_dir / "lecture.sv.vtt", "-o", report, "--no-words"
    )
    assert made.returncode == 0, made.stderr
    page = report.read_text(encoding="utf-8")
    assert "Accuracy of the automatic captions" in page
    assert f"WER {100 * data['wer']:.1f} %" in page
    assert f"NER estimate {100 * data['ner']['accuracy']:.1f} %" in page
    assert "1 of 16 approved (6 %)" in page and "Komma eller punkt?" in page
    check = run("check", corrected, "--format", "json", "--no-words")
    assert json.loads(check.stdout)[0]["review"] == {
        "unreviewed": 15,
        "corrected": 0,
        "approved": 1,
    }


def test_compare_says_which_file_cannot_be_read(tmp_path: Path) -> None:
    out = run("compare", tmp_path / "auto.vtt", tmp_path / "fixed.vtt")
    assert out.returncode == 2
    assert "cannot read" in out.stderr and "auto.vtt" in out.stderr
    assert "Traceback" not in out.stderr


def _kinds_label(page: str) -> str:
    """Return the accessible summary of the report's errors-by-kind chart."""
    start = page.index('aria-label="Word errors by kind: ')
    return page[start : page.index('"', start + len('aria-label="'))]


def test_report_sorts_the_accuracy_changes_with_the_glossary_beside_the_file(
    tmp_path: Path,
) -> None:
    # As check and the window do: glossary.txt beside the corrected file counts without
    # --glossary, with or without the word flags; before, only --glossary did. A misheard name
    # at the start of a sentence is a name only to the glossary (capitals say nothing there).
    home = {"XDG_DATA_HOME": str(tmp_path / "data")}  # no personal glossary
    auto = tmp_path / "auto.sv.vtt"
    auto.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGrüne vald talar först idag\n",
        encoding="utf-8",
    )
    folder = tmp_path / "fixed"
    folder.mkdir()
    corrected = folder / "lecture.sv.vtt"
    corrected.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGrünewald talar först i dag.\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "terms.txt"
    glossary.write_text("Grünewald\n", encoding="utf-8")

    def kinds(*extra: str | Path) -> str:
        report = tmp_path / "report.html"
        made = run_env(home, "report", corrected, "--original", auto, "-o", report, *extra)
        assert made.returncode == 0, made.stderr
        return _kinds_label(report.read_text(encoding="utf-8"))

    without = kinds("--no-words")
    assert "glossary terms and names: 0" in without
    chosen = kinds("--no-words", "--glossary", glossary)
    assert "glossary terms and names: 2" in chosen
    shutil.copy(glossary, folder / "glossary.txt")
    assert kinds("--no-words") == chosen
    assert kinds() == chosen


def test_report_names_a_glossary_it_cannot_read_without_the_word_flags(
    demo_dir: Path, tmp_path: Path
) -> None:
    corrected = tmp_path / "lecture.sv.vtt"
    shutil.copy(demo_dir / "reference" / "lecture.sv.vtt", corrected)
    missing = tmp_path / "nowhere" / "glossary.txt"
    made = run(
        "report",
        corrected,
        "--original",
        demo_dir / "lecture.sv.vtt",
        "--no-words",
        "--glossary",
        missing,
        "-o",
        tmp_path / "report.html",
    )
    assert made.returncode == 2
    assert str(missing) in made.stderr and "Traceback" not in made.stderr
    assert not (tmp_path / "report.html").exists()


def test_compare_uses_the_glossary_beside_the_corrected_file(tmp_path: Path) -> None:
    home = {"XDG_DATA_HOME": str(tmp_path / "data")}  # no personal glossary
    auto = tmp_path / "auto.sv.vtt"
    auto.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGrüne vald talar först idag\n", encoding="utf-8"
    )
    folder = tmp_path / "fixed"
    folder.mkdir()
    corrected = folder / "lecture.sv.vtt"
    corrected.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGrünewald talar först i dag.\n", encoding="utf-8"
    )

    def name_errors() -> int:
        out = run_env(home, "compare", auto, corrected, "--format", "json")
        assert out.returncode == 0, out.stderr
        kinds = json.loads(out.stdout)["kinds"]
        return int(kinds["name"]["errors"]) if "name" in kinds else 0

    assert name_errors() == 0
    (folder / "glossary.txt").write_text("Grünewald\n", encoding="utf-8")
    assert name_errors() == 2
    # One that cannot be read is named, and the comparison still runs.
    (folder / "glossary.txt").write_bytes(b"Gr\xfcnewald\n")
    out = run_env(home, "compare", auto, corrected)
    assert out.returncode == 0
    assert "glossary.txt" in out.stderr and "Traceback" not in out.stderr
