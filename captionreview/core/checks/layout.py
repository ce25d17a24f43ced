"""QUALITY_RULES.md §4: characters per line and cue, lines per cue, line-break heuristics.

LAY-01 to LAY-07 look at one cue; LAY-08 (alignment) is a file-wide rule in ``registry``.
LAY-09 (placement over on-screen text) needs a person looking at the picture.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from captionreview.core.checks.base import DASHES, CueView, Say, Scan, by_visible_text
from captionreview.core.i18n import _, current_language
from captionreview.core.model import Severity

ERROR, WARN, INFO = Severity.ERROR, Severity.WARN, Severity.INFO

# Words a line should not end with (LAY-05): articles, conjunctions and prepositions belong with
# the words after them. Swedish from QUALITY_RULES LAY-05; English from the Netflix/DCMP rules.
WEAK_LINE_ENDS: dict[str, frozenset[str]] = {
    "sv": frozenset(
        [
            "en",
            "ett",
            "den",
            "det",
            "de",
            "och",
            "men",
            "eller",
            "att",
            "som",
            "om",
            "i",
            "på",
            "till",
            "av",
            "för",
            "med",
            "från",
            "hos",
            "mot",
            "under",
            "över",
            "utan",
            "vid",
            "inte",
            "aldrig",
            "jag",
            "du",
            "han",
            "hon",
            "vi",
            "ni",
        ]
    ),
    "en": frozenset(
        [
            "a",
            "an",
            "the",
            "and",
            "or",
            "but",
            "nor",
            "that",
            "which",
            "who",
            "of",
            "to",
            "in",
            "on",
            "at",
            "for",
            "with",
            "from",
            "by",
            "into",
            "onto",
            "my",
            "your",
            "his",
            "her",
            "its",
            "our",
            "their",
            "I",
        ]
    ),
}


# Conjunctions and prepositions: good places to start a new line (LAY-05, "break before").
BREAK_BEFORE: dict[str, frozenset[str]] = {
    "sv": frozenset(
        [
            "och",
            "men",
            "eller",
            "att",
            "som",
            "om",
            "eftersom",
            "när",
            "därför",
            "så",
            "för",
            "i",
            "på",
            "till",
            "av",
            "med",
            "från",
            "hos",
            "mot",
            "under",
            "över",
            "utan",
            "vid",
        ]
    ),
    "en": frozenset(
        [
            "and",
            "or",
            "but",
            "that",
            "which",
            "who",
            "because",
            "when",
            "of",
            "to",
            "in",
            "on",
            "at",
            "for",
            "with",
            "from",
            "by",
        ]
    ),
}


def is_dialogue(lines: list[str]) -> bool:
    """Return True when every line after the first starts with a dash (two speakers)."""
    if len(lines) == 2:
        return lines[1].lstrip()[:1] in DASHES
    return len(lines) > 1 and all(line.lstrip()[:1] in DASHES for line in lines[1:])


@by_visible_text
def check_lengths(scan: Scan, view: CueView, say: Say) -> None:
    """LAY-01 characters per line, LAY-02 lines per cue, LAY-03 characters per cue."""
    profile = scan.profile
    limit = profile.max_chars_per_line
    info_limit = profile.info_chars_per_line
    low = limit if info_limit is None else min(limit, info_limit)
    plain_lines = view.plain_lines
    offset = 0
    for number, line in enumerate(plain_lines, start=1):
        length = len(line)
        if length <= low:
            pass  # the common case: within both limits
        elif length > limit:
            say(
                "LAY-01",
                WARN,
                _line_over_limit(number, length, limit, current_language()),
                span=(offset + limit, offset + length),
            )
        elif info_limit is not None and length > info_limit:
            say(
                "LAY-01",
                INFO,
                _line_over_info_limit(number, length, info_limit, current_language()),
                span=(offset + info_limit, offset + length),
            )
        offset += length + 1
    if len(plain_lines) > profile.max_lines:
        lines = [line for line in plain_lines if line.strip()]
        if len(lines) > profile.max_lines:
            severity = ERROR if len(lines) >= profile.max_lines + 2 else WARN
            say(
                "LAY-02",
                severity,
                _(
                    "The cue has {lines_count} lines; at most {max_lines} fit on screen. "
                    "Split the cue."
                ).format(lines_count=len(lines), max_lines=profile.max_lines),
            )
    if view.chars > profile.max_chars_per_cue:
        say(
            "LAY-03",
            WARN,
            _cue_over_limit(view.chars, profile.max_chars_per_cue, current_language()),
        )


# The same few messages are made for thousands of cues: each is formatted once per language.
@lru_cache(maxsize=1024)
def _line_over_limit(number: int, length: int, limit: int, language: str) -> str:
    return _("Line {number} has {length} characters; the limit is {max_chars_per_line}.").format(
        number=number, length=length, max_chars_per_line=limit
    )


@lru_cache(maxsize=1024)
def _line_over_info_limit(number: int, length: int, info_limit: int, language: str) -> str:
    return _(
        "Line {number} has {length} characters, over {info_limit} (the "
        "limit for teletext and broadcast reuse)."
    ).format(number=number, length=length, info_limit=info_limit)


@lru_cache(maxsize=1024)
def _cue_over_limit(chars: int, limit: int, language: str) -> str:
    return _(
        "The cue has {chars} characters; the limit is {max_chars_per_cue}. Split or shorten it."
    ).format(chars=chars, max_chars_per_cue=limit)


@by_visible_text
def check_line_breaks(scan: Scan, view: CueView, say: Say) -> None:
    """LAY-04 one line if it fits, LAY-05 break points, LAY-06 shape, LAY-07 hyphenation."""
    lines = view.plain_lines
    if len(lines) < 2 or is_dialogue(lines):
        return
    stripped = [line.strip() for line in lines]
    if len(lines) == 2 and all(stripped):
        joined = len(stripped[0]) + 1 + len(stripped[1])
        if joined <= scan.profile.max_chars_per_line:
            say(
                "LAY-04",
                INFO,
                _("The text fits on one line ({joined} characters); keep it on one line.").format(
                    joined=joined
                ),
                suggestion=None if view.has_markup else f"{stripped[0]} {stripped[1]}",
            )
        elif scan.language == "sv" and len(stripped[0]) > len(stripped[1]):
            say(
                "LAY-06",
                INFO,
                _(
                    "The top line is longer than the bottom one; Swedish practice prefers a "
                    "shorter top line when the grammar allows."
                ),
            )
    weak = WEAK_LINE_ENDS.get(scan.language)
    offset = 0
    for line, nxt in itertools.pairwise(lines):
        text = line.rstrip()
        if weak and text and text[-1].isalnum():
            start = text.rfind(" ") + 1
            word = text[start:]
            if word.lower() in weak:
                say(
                    "LAY-05",
                    INFO,
                    _(
                        "The line ends with '{word}', which belongs with the words "
                        "after it; break the line before it."
                    ).format(word=word),
                    span=(offset + start, offset + len(text)),
                )
        if text.endswith("-") and text[-2:-1].isalnum() and nxt[:1].islower():
            say(
                "LAY-07",
                INFO,
                _("A word is hyphenated across the lines; move the whole word down."),
                span=(offset + len(text) - 1, offset + len(text)),
            )
        offset += len(line) + 1


def alignment_of(settings: str) -> str:
    """Return the cue's effective text alignment (WebVTT's default is ``center``)."""
    if "align:" not in settings:
        return "center"
    for token in settings.split():
        if token.startswith("align:"):
            value = token[6:]
            return {"left": "start", "right": "end", "middle": "center"}.get(value, value)
    return "center"


RULES = (check_lengths, check_line_breaks)
