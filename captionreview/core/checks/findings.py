"""Putting the findings of a file together the same way everywhere (window, check, report):
the quality findings plus the word flags, without the same number reported twice, and without
what the profile turns off.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from itertools import accumulate

from captionreview.core.model import Cue, Finding, Problem


def finding_range(finding: Finding, cues: Sequence[Cue]) -> tuple[int, int]:
    """The time range a finding is about: its own, its cue's, or the whole track's."""
    if finding.start_ms is not None and finding.end_ms is not None:
        return finding.start_ms, finding.end_ms
    if finding.cue_index is not None and 0 <= finding.cue_index < len(cues):
        cue = cues[finding.cue_index]
        return cue.start_ms, cue.end_ms
    return track_range(cues)


def track_range(cues: Sequence[Cue]) -> tuple[int, int]:
    """The time range of the whole track: from 0 to the latest cue end."""
    return 0, max((c.end_ms for c in cues), default=0)


# The style rules for numbers, symbols and units (TXT-07/08/09) and the word flags' ASR-10 look
# at the same text; where both point at it, the style rule's finding is kept.
NUMBER_STYLE_RULES = frozenset(("TXT-07", "TXT-08", "TXT-09"))
NUMBER_FLAG = "ASR-10"


def merge_findings(
    quality: Sequence[Finding],
    words: Iterable[Finding],
    disabled: Collection[str] = frozenset(),
) -> list[Finding]:
    """Return the quality findings and the word flags in cue and text order.

    An ASR-10 number flag whose span overlaps a TXT-07/08/09 finding of the same cue is left
    out (the style rule says it already), and so is any finding of a rule in ``disabled``.
    """
    flags = [flag for flag in words if flag.rule not in disabled]
    # Each pass below runs over 200,000 findings for 30,000 karaoke cues: the number-style
    # spans only when there is a number flag, the filter only when a rule is off.
    if any(flag.rule == NUMBER_FLAG for flag in flags):
        spans = _number_style_spans(quality)
        flags = [flag for flag in flags if flag.rule != NUMBER_FLAG or not _repeats(flag, spans)]
    kept = [f for f in quality if f.rule not in disabled] if disabled else list(quality)
    kept += flags
    return sorted(kept, key=finding_order)


def _number_style_spans(quality: Iterable[Finding]) -> dict[int, _SpanIndex]:
    """Return the spans of the number-style findings (TXT-07/08/09), cue by cue."""
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in quality:
        if f.rule in NUMBER_STYLE_RULES and f.cue_index is not None and f.span is not None:
            taken.setdefault(f.cue_index, []).append(f.span)
    return {index: _SpanIndex(found) for index, found in taken.items()}


class _SpanIndex:
    """The spans of one cue, sorted, answering "does any overlap [start, end)?" by bisection
    (a cue with thousands of numbers made the plain scan quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Return True when a span begins before ``end`` and ends after ``start``."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


def _repeats(flag: Finding, spans: dict[int, _SpanIndex]) -> bool:
    if flag.cue_index is None or flag.span is None:
        return False
    found = spans.get(flag.cue_index)
    return found is not None and found.overlaps(*flag.span)


def finding_order(finding: Finding) -> int:
    """Return the sort key of a finding: its cue, then where its span starts (whole-file and
    whole-cue findings first), as one number (cue + 1, start + 1 in two 32-bit halves): a
    30,000-cue file has 230,000 findings, and numbers compare faster than tuples."""
    index = finding.cue_index
    span = finding.span
    return ((0 if index is None else index + 1) << 32) + (span[0] + 1 if span else 0)


def kept_problems(problems: Iterable[Problem], disabled: Collection[str]) -> list[Problem]:
    """Return the problems found on reading whose rule the profile does not turn off."""
    return [p for p in problems if p.rule not in disabled]


def cue_near_line(cues: Sequence[Cue], line: int) -> int | None:
    """Return the index of the last cue read from at or before file ``line`` (the first cue
    when none was; None without cues): where a reader's problem about that line is looked at.

    Cues made in the window have no line (0) and are passed over.
    """
    best = None
    for index, cue in enumerate(cues):
        if 0 < cue.line <= line:
            best = index
        elif cue.line > line:
            break
    if best is None and cues:
        return 0
    return best
