"""Safe fixes for quality findings: each computes the changed cues, for a preview, without
touching the document; apply them with ``doc.replace_cues(changes, _(fix.title))`` (one undo step).

A fix is *safe* when it cannot lose words or move speech: durations only grow into free time,
gaps and overlaps are adjusted at the earlier cue's end, line breaks move between words, and
only markup that carries no meaning (karaoke timestamps, YouTube ``<c>`` spans, padding) goes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from captionreview.core.checks.asr import strip_karaoke
from captionreview.core.checks.base import Scan
from captionreview.core.checks.layout import (
    BREAK_BEFORE,
    WEAK_LINE_ENDS,
    check_lengths,
    check_line_breaks,
)
from captionreview.core.checks.layout import is_dialogue as _is_dialogue
from captionreview.core.checks.timing import is_bridge
from captionreview.core.checks.vtt import obsolete_replacement
from captionreview.core.i18n import N_, _
from captionreview.core.model import Cue, Finding
from captionreview.core.profiles import Profile
from captionreview.core.vtt.cuetext import plain_text

Changes = dict[int, Cue]
FixFunction = Callable[[Sequence[Cue], Profile, Collection[int] | None], Changes]


@dataclass(frozen=True, slots=True)
class Fix:
    """A named safe fix: ``compute(cues, profile, indices)`` returns the cues it would change."""

    name: str
    title: str
    rules: tuple[str, ...]
    compute: FixFunction


def _targets(cues: Sequence[Cue], indices: Collection[int] | None) -> Collection[int]:
    return range(len(cues)) if indices is None else sorted(i for i in indices if 0 <= i < len(cues))


def _scan(cues: Sequence[Cue], profile: Profile) -> Scan:
    return Scan(cues, profile, profile.language)


def extend_short_durations(
    cues: Sequence[Cue], profile: Profile, indices: Collection[int] | None = None
) -> Changes:
    """TIM-01/TIM-04: lengthen cues shown too briefly for their text, into the free time after
    them (never closer than the minimum gap to the next cue, never past the maximum duration)."""
    changes: Changes = {}
    scan = _scan(cues, profile)
    for i in _targets(cues, indices):
        cue = cues[i]
        if cue.duration_ms <= 0 or is_bridge(scan, i):
            continue
        chars = scan.view(i).chars
        needed = max(profile.min_duration_warn_ms, math.ceil(chars * 1000 / profile.cps_warn))
        needed = min(needed, profile.max_duration_ms)
        if cue.duration_ms >= needed:
            continue
        end = cue.start_ms + needed
        if i + 1 < len(cues) and cues[i + 1].start_ms >= cue.start_ms:
            end = min(end, cues[i + 1].start_ms - profile.min_gap_ms)
        if end > cue.end_ms:
            changes[i] = cue.with_changes(end_ms=end)
    return changes


def _pairs(cues: Sequence[Cue], indices: Collection[int] | None) -> list[int]:
    """Return the indices ``i`` of the pairs ``(i, i + 1)`` that touch the target cues."""
    if indices is None:
        return list(range(len(cues) - 1))
    wanted = {j for i in indices for j in (i - 1, i)}
    return sorted(j for j in wanted if 0 <= j < len(cues) - 1)


def close_gaps(
    cues: Sequence[Cue], profile: Profile, indices: Collection[int] | None = None
) -> Changes:
    """TIM-06/TIM-07: set gaps shorter than ``close_gap_below_ms`` to exactly the minimum gap,
    by moving the earlier cue's end (it never gets shorter than the error minimum)."""
    changes: Changes = {}
    for i in _pairs(cues, indices):
        cue, nxt = changes.get(i, cues[i]), cues[i + 1]
        gap = nxt.start_ms - cue.end_ms
        if gap <= 0 or gap == profile.min_gap_ms or gap >= profile.close_gap_below_ms:
            continue
        end = nxt.start_ms - profile.min_gap_ms
        duration = end - cue.start_ms
        if duration < profile.min_duration_error_ms or duration > profile.max_duration_ms:
            continue
        changes[i] = cue.with_changes(end_ms=end)
    return changes


def _placement(settings: str) -> tuple[str, ...]:
    keys = ("line:", "position:", "region:", "vertical:")
    return tuple(sorted(t for t in settings.split() if t.startswith(keys)))


def trim_overlaps(
    cues: Sequence[Cue], profile: Profile, indices: Collection[int] | None = None
) -> Changes:
    """TIM-05: end a cue before the next one starts (same screen position only), leaving the
    minimum gap when the cue stays long enough, else ending it where the next begins."""
    changes: Changes = {}
    for i in _pairs(cues, indices):
        cue, nxt = changes.get(i, cues[i]), cues[i + 1]
        if nxt.start_ms >= cue.end_ms or nxt.start_ms < cue.start_ms:
            continue
        if _placement(cue.settings) != _placement(nxt.settings):
            continue
        end = nxt.start_ms - profile.min_gap_ms
        if end - cue.start_ms < profile.min_duration_error_ms:
            end = nxt.start_ms
        if end > cue.start_ms:
            changes[i] = cue.with_changes(end_ms=end)
    return changes


_LAYOUT_RULES = frozenset(("LAY-01", "LAY-04", "LAY-05", "LAY-06"))
_BREAK_AFTER = frozenset(",.;:?!–")


def best_line_break(text: str, profile: Profile, language: str) -> str | None:
    """Return ``text`` laid out on one line or two balanced lines, or None when it needs more
    than two lines (or is dialogue, or has tags a line break could cut through)."""
    if "<" in text:
        return None
    lines = [line for line in text.split("\n") if line.strip()]
    if _is_dialogue(lines):
        return None
    words = text.split()
    if not words:
        return None
    lengths = [len(plain_text(w)) for w in words]
    total = sum(lengths) + len(words) - 1
    limit = profile.max_chars_per_line
    if total <= limit:
        return " ".join(words)
    weak = WEAK_LINE_ENDS.get(language, frozenset())
    before = BREAK_BEFORE.get(language, frozenset())
    best: tuple[float, int] | None = None
    top = -1
    for cut in range(1, len(words)):
        top += lengths[cut - 1] + 1
        first, second = top, total - top - 1
        if first > limit or second > limit:
            continue
        cost: float = abs(first - second)
        last = words[cut - 1]
        if last[-1] in _BREAK_AFTER:
            cost -= 12
        elif last.lower() in weak:
            cost += 20
        elif words[cut].lower() in before:
            cost -= 8
        if language == "sv" and first > second:
            cost += 4 + (first - second) / 2
        if best is None or cost < best[0]:
            best = (cost, cut)
    if best is None:
        return None
    cut = best[1]
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def rebalance_line_breaks(
    cues: Sequence[Cue], profile: Profile, indices: Collection[int] | None = None
) -> Changes:
    """LAY-01/04/05/06: re-break cues whose layout breaks a rule, following the line-break rules
    (after punctuation, not after an article or conjunction; Swedish: shorter top line)."""
    changes: Changes = {}
    scan = _scan(cues, profile)
    for i in _targets(cues, indices):
        found: list[Finding] = []
        check_lengths(scan, i, found)
        check_line_breaks(scan, i, found)
        if not any(f.rule in _LAYOUT_RULES for f in found):
            continue
        text = best_line_break(cues[i].text, profile, profile.language)
        if text is not None and text != cues[i].text:
            changes[i] = cues[i].with_changes(text=text)
    return changes


_SPACE = r"(?:[ \t\xa0]|&nbsp;)"
_LEADING = re.compile(rf"^((?:<[^>\n]*>)*){_SPACE}+", re.M)
_TRAILING = re.compile(rf"{_SPACE}+((?:<[^>\n]*>)*)$", re.M)
_RUNS = re.compile(r"(?<=\S) {2,}(?=\S)")


def clean_whitespace(text: str) -> str:
    """Return ``text`` with single spaces between words and none at line starts or ends."""
    text = _RUNS.sub(" ", text)
    text = _LEADING.sub(r"\1", text)
    return _TRAILING.sub(r"\1", text)


def fix_whitespace(
    cues: Sequence[Cue], profile: Profile, indices: Collection[int] | None = None
) -> Changes:
    """TXT-15: remove double spaces, leading and trailing spaces and ``&nbsp;`` padding."""
    changes: Changes = {}
    for i in _targets(cues, indices):
        lines = cues[i].text.split("\n")
        cleaned = "\n".join(
            line if not plain_text(line).strip(" \t\xa0") else clean_whitespace(line)
            for line in lines
        )
        if cleaned != cues[i].text:
            changes[i] = cues[i].with_changes(text=cleaned)
    return changes


def strip_auto_caption_markup(
    cues: Sequence[Cue], profile: Profile, indices: Collection[int] | None = None
) -> Changes:
    """ASR-03/ASR-05: strip karaoke timestamps and YouTube ``<c>`` spans, and drop lines that
    hold only spaces (a cue with nothing else is left alone: deleting cues is not this fix)."""
    changes: Changes = {}
    for i in _targets(cues, indices):
        text = strip_karaoke(cues[i].text)
        kept = [line for line in text.split("\n") if plain_text(line).strip(" \t\xa0")]
        if not kept:
            continue
        new = "\n".join(clean_whitespace(line) for line in kept)
        if new != cues[i].text:
            changes[i] = cues[i].with_changes(text=new)
    return changes


def modernise_settings(
    cues: Sequence[Cue], profile: Profile, indices: Collection[int] | None = None
) -> Changes:
    """VTT-SET-02: map obsolete setting keywords (``align:middle``, ``position:…,middle``)."""
    changes: Changes = {}
    for i in _targets(cues, indices):
        settings = cues[i].settings
        if "middle" not in settings and "," not in settings:
            continue
        tokens = []
        for token in settings.split():
            name, _, value = token.partition(":")
            replacement = obsolete_replacement(name, value)
            tokens.append(token if replacement is None else f"{name}:{replacement}")
        new = " ".join(tokens)
        if new != " ".join(settings.split()):
            changes[i] = cues[i].with_changes(settings=new)
    return changes


FIXES: tuple[Fix, ...] = (
    Fix(
        "extend-durations",
        N_("Extend too-short cues"),
        ("TIM-01", "TIM-04"),
        extend_short_durations,
    ),
    Fix("close-gaps", N_("Close small gaps"), ("TIM-06", "TIM-07"), close_gaps),
    Fix("trim-overlaps", N_("Trim overlapping cues"), ("TIM-05",), trim_overlaps),
    Fix(
        "rebalance-lines",
        N_("Rebalance line breaks"),
        ("LAY-01", "LAY-04", "LAY-05", "LAY-06"),
        rebalance_line_breaks,
    ),
    Fix("whitespace", N_("Fix spaces"), ("TXT-15",), fix_whitespace),
    Fix(
        "strip-karaoke",
        N_("Strip karaoke tags and blank lines"),
        ("ASR-03", "ASR-05"),
        strip_auto_caption_markup,
    ),
    Fix(
        "modernise-settings",
        N_("Replace obsolete settings (align:middle)"),
        ("VTT-SET-02",),
        modernise_settings,
    ),
)
FIXES_BY_NAME: dict[str, Fix] = {fix.name: fix for fix in FIXES}


class _Editable(Protocol):
    @property
    def cues(self) -> Sequence[Cue]:
        """The cues."""

    def replace_cues(self, changes: Mapping[int, Cue], description: str) -> None:
        """Replace several cues as one undo step."""


def apply_fix(
    doc: _Editable, fix: Fix, profile: Profile, indices: Collection[int] | None = None
) -> int:
    """Apply ``fix`` to ``doc`` as one undo step; return how many cues it changed."""
    changes = fix.compute(doc.cues, profile, indices)
    if changes:
        doc.replace_cues(changes, _(fix.title))
    return len(changes)
