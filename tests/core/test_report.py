"""The HTML report: verdict, charts drawn as SVG, findings listed, everything escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from captionreview.core.checks import check_cues
from captionreview.core.model import Cue, Finding, Problem, Severity
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.report import (
    MAX_LISTED,
    ReportInput,
    render_report,
    rule_chart,
    speed_histogram,
    timeline_strip,
    verdict,
    write_report,
)
from tests.core.checks_util import cue, spaced


class _Tags(HTMLParser):
    """Collects start tags, and fails on script tags (there must be none)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def _report(cues: list[Cue], problems: Sequence[Problem] = ()) -> tuple[ReportInput, str]:
    findings = check_cues(cues, DEFAULT_PROFILE)
    data = ReportInput("lecture.sv.vtt", cues, problems, findings, DEFAULT_PROFILE)
    return data, render_report(data)


def test_clean_file_passes() -> None:
    cues = [
        cue(0, 3, "Välkommen hit.", settings="align:start"),
        cue(3.5, 7, "Nu börjar vi.", settings="align:start"),
    ]
    data, page = _report(cues)
    assert verdict(data) == (True, "Passes the se-public profile.")
    assert 'class="verdict pass"' in page
    assert "42 characters a line, 2 lines, 84 a cue; reading speed warn &gt; 15" in page


def test_errors_fail_and_are_listed_with_times_and_marked_text() -> None:
    cues = [cue(0, 3, "Svensson & Son."), cue(2, 5, "Överlapp.")]
    data, page = _report(cues, (Problem(9, Severity.ERROR, "timing", "bad timing <x>"),))
    passed, sentence = verdict(data)
    assert not passed and sentence.startswith(
        "Fails the se-public profile: 3 errors and 0 warnings"
    )
    assert 'class="verdict fail"' in page
    assert "00:00:02.000 – 00:00:05.000" in page
    assert "Svensson <mark>&amp;</mark> Son." in page
    assert "bad timing &lt;x&gt;" in page
    assert "Suggested: &amp;amp;" in page


def test_everything_is_escaped() -> None:
    cues = [cue(0, 3, '<script>alert(1)</script> & "x"')]
    data = ReportInput(
        '<img src=x onerror="y">.vtt', cues, (), check_cues(cues, DEFAULT_PROFILE), DEFAULT_PROFILE
    )
    page = render_report(data)
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "&lt;script&gt;" in page


def test_histogram_bins_follow_reading_speed() -> None:
    # 10, 10, 16 and 20 characters per second.
    cues = [cue(0, 2, "x" * 20), cue(3, 5, "y" * 20), cue(6, 7, "z" * 16), cue(8, 9, "w" * 20)]
    svg = speed_histogram(cues, DEFAULT_PROFILE)
    titles = re.findall(r"<title>([^<]*)</title>", svg)
    assert titles == [
        "10–11 characters/s: 2 cues",
        "16–17 characters/s: 1 cue",
        "20–21 characters/s: 1 cue",
    ]
    assert 'aria-label="Reading speed of 4 cues: 2 above 15 and 1 above 17' in svg


def test_timeline_marks_findings_at_their_cues() -> None:
    cues = spaced("Ett.", "Två & tre.", "Fyra  fem.", duration=2.0, gap=1.0)
    findings = check_cues(cues, DEFAULT_PROFILE)
    svg = timeline_strip(cues, findings)
    ticks = set(re.findall(r'<rect x="(\d+)" y="(6|14|22)" width="2"', svg))
    rows = {"error": "6", "warn": "14", "info": "22"}
    end = cues[-1].end_ms
    expected = {
        (str(10 + int(cues[f.cue_index].start_ms * 960 / end)), rows[f.severity.value])
        for f in findings
        if f.cue_index is not None
    }
    assert ticks == expected and len(ticks) >= 3
    assert "00:00:03.000 VTT-ESC-01" in svg
    assert timeline_strip([], []).startswith("<p")


def test_long_files_stay_small() -> None:
    cues = [cue(n * 0.5, n * 0.5 + 0.4, "x" * 30) for n in range(20_000)]
    findings = check_cues(cues, DEFAULT_PROFILE)
    assert len(findings) > MAX_LISTED
    svg = timeline_strip(cues, findings)
    assert svg.count("<rect") < 3 * 960
    page = render_report(ReportInput("long.vtt", cues, (), findings, DEFAULT_PROFILE))
    assert page.count('<tr class="') == MAX_LISTED
    assert f"{len(findings) - MAX_LISTED} more are counted above" in page


def test_write_report_is_complete_file(tmp_path: Path) -> None:
    _, page = _report(spaced("Hej.", "Hå."))
    target = tmp_path / "r.html"
    write_report(target, page)
    assert target.read_text(encoding="utf-8") == page
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_every_rule_has_a_title_and_bars_are_stacked_by_severity() -> None:
    found = [
        Finding("TIM-04", Severity.ERROR, "fast", 0),
        Finding("TIM-04", Severity.WARN, "fastish", 1),
        Finding("ASR-09", Severity.WARN, "term", 0, 0, (0, 3)),
        Finding("SPELL-01", Severity.INFO, "word", 0, 0, (0, 3)),
    ]
    chart = rule_chart(found)
    assert "ASR-09 ASR-09" not in chart and "SPELL-01 SPELL-01" not in chart
    assert "ASR-09 Glossary term misrecognised" in chart
    assert "SPELL-01 Misspelled word" in chart
    bars = re.findall(r'<rect [^>]*fill="([^"]+)"><title>TIM-04: ([^<]+)</title>', chart)
    assert bars == [("#c62828", "1 error"), ("#8a5100", "1 warning")]
    assert "TIM-04: 1 error, 1 warning" in chart


def test_counts_are_written_in_the_singular_when_one() -> None:
    data, page = _report([cue(0, 1, "Ja & nej.")])
    assert "1 cue," in page and "1 cues" not in page
    assert "1 error" in page and "1 errors" not in page
    assert verdict(data)[1].startswith("Fails the se-public profile: 1 error and")
