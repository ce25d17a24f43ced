"""Lossless reading: every corpus file saves back byte-identical; bad blocks are kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from captionreview.core.checks import check_document
from captionreview.core.checks.catalogue import known_rules
from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.model import Severity
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.vtt.reader import read_vtt
from tests.conftest import shared_file


def _webvtt_files(corpus: Path) -> list[Path]:
    files = []
    for file in sorted(corpus.rglob("*")):
        if file.suffix in (".vtt", ".srt") and file.read_bytes().lstrip(b"\xef\xbb\xbf")[:6] == (
            b"WEBVTT"
        ):
            files.append(file)
    return files


@pytest.mark.corpus
def test_every_webvtt_file_in_the_corpus_saves_byte_identical(corpus: Path) -> None:
    files = _webvtt_files(corpus)
    assert len(files) > 90
    for file in files:
        data = file.read_bytes()
        doc = load(file)
        assert doc.text().encode("utf-8") == data, file.name
        assert not doc.modified


@pytest.mark.corpus
def test_unedited_save_writes_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    for name in ("webvtt-py/captions_with_bom.vtt", "youtube-auto/wrolpi__example1.en.vtt"):
        source = corpus / "real" / name
        doc = load(source)
        out = doc.save(tmp_path / source.name)
        assert out.read_bytes() == source.read_bytes()


def test_line_endings_and_bom_are_kept() -> None:
    for eol in ("\n", "\r\n", "\r"):
        text = f"\ufeffWEBVTT{eol}{eol}00:01.000 --> 00:02.000{eol}a{eol}b{eol}{eol}"
        doc = Document.from_text(text)
        assert doc.bom and doc.eol == eol
        assert doc.cues[0].text == "a\nb"
        assert doc.text() == text
        doc.set_times(0, 0, 500)
        assert (
            doc.text()
            == f"\ufeffWEBVTT{eol}{eol}00:00:00.000 --> 00:00:00.500{eol}a{eol}b{eol}{eol}"
        )


def test_short_timestamps_and_spacing_are_read_and_kept() -> None:
    text = "WEBVTT\n\n01:02.345   -->\t1:00:00.000  align:end \ntext\n"
    doc = Document.from_text(text)
    cue = doc.cues[0]
    assert (cue.start_ms, cue.end_ms, cue.settings) == (62_345, 3_600_000, "align:end")
    assert doc.text() == text


def test_blocks_and_their_kinds() -> None:
    text = (
        "WEBVTT - title\nKind: captions\n\nSTYLE\n::cue { color: red }\n\n"
        "REGION\nid:r1 lines:2\n\nNOTE a comment\nover two lines\n\n"
        "id\n00:00.000 --> 00:01.000 region:r1\nhej\n\nstray text\n\n"
        "00:02.000 --> 00:03.000\nsist\n"
    )
    parsed = read_vtt(text)
    kinds = [item.block.kind if item.block else "cue" for item in parsed.layout]
    assert kinds == ["header", "style", "region", "note", "cue", "unparsed", "cue"]
    assert parsed.regions[0].identifier == "r1" and parsed.regions[0].lines == 2
    assert [(p.line, p.rule, p.severity) for p in parsed.problems] == [
        (17, "VTT-TXT-02", Severity.ERROR)
    ]


def test_bad_timing_is_kept_verbatim_with_a_plain_message() -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nett\n\n00:00:6.000 --> 00:00:07.000\ntvå\n"
    doc = Document.from_text(text)
    assert [c.text for c in doc.cues] == ["ett"]
    (problem,) = doc.problems
    assert problem.line == 6 and problem.severity is Severity.ERROR
    assert "00:00:6.000 has 1 digit(s) for the seconds" in problem.message
    assert doc.text() == text
    doc.set_text(0, "ETT")
    assert "00:00:6.000 --> 00:00:07.000\ntvå\n" in doc.text()


@pytest.mark.parametrize(
    ("stamp", "words"),
    [
        ("00:00:01,000", "comma"),
        ("00:01:60.000", "the most is 59"),
        ("00:00:01.0000", "4 digit(s) for the milliseconds"),
        ("00:00:01", "no milliseconds"),
        ("00:0a:01.000", "other than digits"),
    ],
)
def test_timestamp_explanations(stamp: str, words: str) -> None:
    doc = Document.from_text(f"WEBVTT\n\n{stamp} --> 00:00:09.000\nx\n")
    assert len(doc) == 0
    assert words in doc.problems[0].message


def test_blank_line_inside_a_cue_is_reported_and_kept() -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nrad ett\n\nrad två\n"
    doc = Document.from_text(text)
    assert doc.cues[0].text == "rad ett"
    assert doc.problems[0].line == 6 and "blank line inside a cue" in doc.problems[0].message
    assert doc.text() == text


def test_spaces_only_line_and_late_style_are_reported() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n   \n\nSTYLE\n::cue {}\n"
    doc = Document.from_text(text)
    rules = [(p.line, p.rule, p.severity) for p in doc.problems]
    assert rules == [(6, "VTT-TXT-02", Severity.WARN), (8, "VTT-STY-01", Severity.WARN)]
    assert doc.text() == text


def test_missing_signature_reads_the_cues_and_saving_adds_it(tmp_path: Path) -> None:
    text = "\n00:00:01.000 --> 00:00:02.000\nhej\n\nNOTE x\n\n00:03.000 --> 00:04,000\nfel\n"
    path = tmp_path / "headless.vtt"
    path.write_bytes(text.encode("utf-8"))
    doc = load(path)
    assert [c.text for c in doc.cues] == ["hej"] and doc.cues[0].line == 2
    (signature, timing) = doc.problems
    assert (signature.line, signature.rule, signature.severity) == (1, "VTT-SIG-01", Severity.ERROR)
    assert "the first line must be WEBVTT" in signature.message
    assert "adds it when you save" in signature.message
    assert timing.line == 7  # lines of the file as it was read
    assert doc.modified
    doc.save()
    assert path.read_bytes() == ("WEBVTT\n\n" + text).encode("utf-8")
    again = load(path)
    assert all(p.rule != "VTT-SIG-01" for p in again.problems)
    assert [c.text for c in again.cues] == ["hej"] and not again.modified


def test_missing_signature_in_the_corpus_file(corpus: Path) -> None:
    source = corpus / "real" / "webvtt-py" / "invalid.vtt"
    doc = load(source)
    assert len(doc) >= 4
    assert [c.text for c in doc.cues[:4]] == [f"Caption text #{n}" for n in range(1, 5)]
    assert [p.rule for p in doc.problems] == ["VTT-SIG-01"]
    original = source.read_bytes()
    assert doc.text().encode("utf-8") == b"WEBVTT\n\n" + original


def test_negative_duration_is_kept_and_reported_once(tmp_path: Path) -> None:
    for name, text in (
        ("bak.vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nbak\n"),
        ("bak.srt", "1\n00:00:05,000 --> 00:00:04,000\nbak\n"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        doc = load(path)
        assert doc.cues[0].duration_ms == -1000
        # One report in all: the quality check's (live: it goes when the cue is fixed).
        findings = [f for f in check_document(doc, DEFAULT_PROFILE) if f.rule == "VTT-TS-03"]
        assert len(findings) == 1 and findings[0].severity is Severity.ERROR, name
        assert not [p for p in doc.problems if p.rule != "VTT-ENC-01"], name


def test_load_problem_rules_are_quality_rule_ids() -> None:
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\nh\0j\n\n00:03.000 -> 00:04.000\nx\n\n"
        "00:05.000 --> 00:06,000\ny\n\nREGION\nid:r\n"
    )
    doc = Document.from_text(text)
    assert [(p.line, p.rule, p.severity) for p in doc.problems] == [
        (4, "VTT-NUL-01", Severity.WARN),
        (6, "VTT-TS-02", Severity.ERROR),
        (9, "VTT-TS-01", Severity.ERROR),
        (12, "VTT-REG-01", Severity.WARN),
    ]
    assert "1 NUL character " in doc.problems[0].message
    assert known_rules() >= {p.rule for p in doc.problems}


def test_the_catalogued_webvtt_rules_are_quality_rule_ids() -> None:
    rules = shared_file("design", "QUALITY_RULES.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([A-Z0-9]+-[A-Z0-9-]+) \|", rules, re.M))
    assert {rule for rule in known_rules() if rule.startswith("VTT-")} <= documented


def test_youtube_header_and_word_timings(corpus: Path) -> None:
    doc = load(corpus / "real" / "youtube-auto" / "wrolpi__example1.en.vtt")
    assert doc.metadata.get("Kind") == "captions" and doc.language == "en"
    assert any("<c>" in c.text and "<00:" in c.text for c in doc.cues)
    assert not [p for p in doc.problems if p.severity is Severity.ERROR]


def test_netflix_file_keeps_the_lost_identifier_visible(corpus: Path) -> None:
    doc = load(corpus / "real" / "webvtt-py" / "netflix_chicas_del_cable.vtt")
    assert len(doc) == 865
    lines = [p.line for p in doc.problems]
    assert lines == [16, 18]
    assert doc.problems[1].severity is Severity.ERROR


def test_srt_named_file_with_webvtt_inside(corpus: Path) -> None:
    doc = load(corpus / "real" / "svtplay-dl" / "wsrt-pretext.srt")
    assert doc.source_format == "vtt"
    assert doc.metadata["X-TIMESTAMP-MAP"] == "MPEGTS:1000000,LOCAL:00:00:00.000"
    assert doc.cues[1].text == "-Var fan har du varit?\n-Vad?"


def test_line_numbers_with_bom_and_every_line_ending() -> None:
    for eol in ("\n", "\r\n", "\r"):
        for bom in ("", "\ufeff"):
            text = eol.join(
                [f"{bom}WEBVTT", "", "id", "00:01.000 --> 00:02.000", "a", "", "stray", ""]
            )
            doc = Document.from_text(text)
            assert doc.cues[0].line == 3
            assert [p.line for p in doc.problems] == [7]
    mixed = "WEBVTT\r\n\n00:01.000 --> 00:02.000\ra\r\n\rstray\n"
    assert [p.line for p in Document.from_text(mixed).problems] == [6]


def test_a_timestamp_with_a_superscript_digit_is_explained_not_a_crash() -> None:
    # "²" passes str.isdigit() but int() refuses it (found by the corpus fuzz test).
    doc = Document.from_text("WEBVTT\n\n00:5²:00.000 --> 00:06:00.000\ntext\n")
    (problem,) = doc.problems
    assert problem.rule == "VTT-TS-01" and "other than digits" in problem.message
