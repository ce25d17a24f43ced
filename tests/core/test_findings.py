"""One merge of quality findings and word flags for the window, check and report."""

from __future__ import annotations

from captionreview.core.checks.findings import cue_near_line, kept_problems, merge_findings
from captionreview.core.model import Cue, Finding, Problem, Severity


def finding(rule: str, cue: int, span: tuple[int, int] | None) -> Finding:
    return Finding(rule, Severity.WARN, "m", cue, 0, span, None, None)


def test_a_number_flag_on_a_styled_number_is_dropped() -> None:
    quality = [finding("TXT-09", 0, (10, 14)), finding("TIM-04", 1, None)]
    words = [
        finding("ASR-10", 0, (12, 16)),  # same number as TXT-09
        finding("ASR-10", 0, (20, 24)),  # another number
        finding("ASR-10", 1, (12, 16)),  # same span, other cue
        finding("SPELL-01", 0, (0, 3)),
    ]
    merged = merge_findings(quality, words)
    assert [(f.rule, f.cue_index, f.span) for f in merged] == [
        ("SPELL-01", 0, (0, 3)),
        ("TXT-09", 0, (10, 14)),
        ("ASR-10", 0, (20, 24)),
        ("TIM-04", 1, None),
        ("ASR-10", 1, (12, 16)),
    ]


def test_disabled_rules_are_left_out() -> None:
    merged = merge_findings(
        [finding("TIM-04", 0, None)], [finding("SPELL-01", 0, (0, 3))], {"SPELL-01"}
    )
    assert [f.rule for f in merged] == ["TIM-04"]
    problems = [
        Problem(3, Severity.ERROR, "timing", "x", ""),
        Problem(1, Severity.WARN, "b", "", ""),
    ]
    assert [p.rule for p in kept_problems(problems, {"timing"})] == ["b"]


def test_a_problem_line_leads_to_the_cue_read_last_before_it() -> None:
    cues = [Cue(0, 1, "a", line=3), Cue(2, 3, "new"), Cue(4, 5, "b", line=10)]
    assert cue_near_line(cues, 9) == 0
    assert cue_near_line(cues, 10) == 2
    assert cue_near_line(cues, 1) == 0
    assert cue_near_line([], 5) is None
