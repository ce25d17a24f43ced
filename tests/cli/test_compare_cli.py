"""``captionreview compare``, ``check``'s review counts and ``report --original``, run as real
subprocesses on the demo lecture: the three give the same numbers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from captionreview.core.formats import load
from captionreview.core.review import open_review
from tests.cli.test_check_cli import run


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
