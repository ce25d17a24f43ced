"""``Finding.line`` means the same in the quality checks and the word flags: the 1-based file
line that holds the span, or the cue's timing line when there is no span."""

from __future__ import annotations

from pathlib import Path

import pytest

import captionreview
from captionreview.core.checks import check_document
from captionreview.core.model import Finding
from captionreview.core.profiles import builtin_profile
from captionreview.core.words.flags import find_flags
from captionreview.core.words.spelling import Speller

SOURCE = (
    "WEBVTT\n"
    "\n"
    "intro\n"
    "00:00:01.000 --> 00:00:04.000\n"
    "Välkommen till dagens föreläsning\n"
    "om arbetslösheten på 11.8%\n"
    "och  sjuk sköterska i regionen\n"
    "\n"
    "00:00:05.000 --> 00:00:05.100\n"
    "kort\n"
)


@pytest.fixture()
def doc(tmp_path: Path) -> captionreview.Document:
    path = tmp_path / "lines.vtt"
    path.write_text(SOURCE, encoding="utf-8")
    return captionreview.load(path)


def file_lines() -> list[str]:
    return SOURCE.split("\n")


def assert_line_holds_span(doc: captionreview.Document, finding: Finding) -> None:
    assert finding.cue_index is not None
    cue = doc.cues[finding.cue_index]
    lines = file_lines()
    if finding.span is None:
        assert finding.line is not None and "-->" in lines[finding.line - 1]
        return
    start, end = finding.span
    text_line = cue.text.split("\n")[cue.text.count("\n", 0, start)]
    assert finding.line is not None
    assert lines[finding.line - 1] == text_line, finding
    assert cue.text[start:end].split("\n")[0] in text_line


def test_word_flags_point_at_the_line_holding_the_word(doc: captionreview.Document) -> None:
    speller = Speller("sv")
    flags = [
        f
        for f in find_flags(list(doc.cues), language="sv", glossary=None, speller=speller)
        if f.span
    ]
    rules = {f.rule for f in flags}
    assert {"ASR-10", "ASR-11"} <= rules, flags
    for finding in flags:
        assert_line_holds_span(doc, finding)
    number = next(f for f in flags if f.rule == "ASR-10")
    assert number.line == 6
    compound = next(f for f in flags if f.rule == "ASR-11")
    assert compound.line == 7


def test_check_findings_use_the_same_lines(doc: captionreview.Document) -> None:
    findings = [f for f in check_document(doc, builtin_profile("se-public")) if f.cue_index]
    findings += [f for f in check_document(doc, builtin_profile("se-public")) if f.cue_index == 0]
    spanned = [f for f in findings if f.span is not None]
    assert spanned, findings
    for finding in findings:
        assert_line_holds_span(doc, finding)
    # the double space sits on the third text line
    assert any(f.line == 7 for f in spanned)
    # a finding without a span names the timing line, not the identifier line
    assert any(f.span is None and f.cue_index == 0 and f.line == 4 for f in findings)
