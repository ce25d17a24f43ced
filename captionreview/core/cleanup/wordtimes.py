"""Word-level timing of cues: karaoke timestamps in auto-captions, or an estimate by length.

YouTube's auto-captions time every word: ``okay<00:00:01.310><c> welcome</c>`` means "okay"
is spoken from the cue's start and "welcome" from 1.310 s (QUALITY_RULES ASR-03). Other cues
have no word timings; their words share the cue's time in proportion to their length, which
is what a viewer's reading follows and a good enough guess for where to split.

Speaker-tagged ASR exports mark who speaks with ``<v Name>``; each word keeps its speaker so
that re-segmentation never puts two speakers' words in one cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from captionreview.core.model import Cue
from captionreview.core.timecode import MAX_HOUR_DIGITS
from captionreview.core.vtt.cuetext import plain_text

# WebVTT cue timestamps: hh:mm:ss.ttt with an optional hour field (hours may exceed 99).
TIMESTAMP_TAG_RE = re.compile(rf"<(?:(\d{{2,{MAX_HOUR_DIGITS}}}):)?([0-5]\d):([0-5]\d)\.(\d{{3}})>")
# A voice span: <v Name> or <v.class Name> opens it (group 1 is the name), </v> closes it.
VOICE_TAG_RE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>\n]*)>|</v>")
_MARK_RE = re.compile(f"{TIMESTAMP_TAG_RE.pattern}|{VOICE_TAG_RE.pattern}")


@dataclass(frozen=True, slots=True)
class Word:
    """One spoken word: its visible text and its time in milliseconds.

    ``timed`` is True when ``start_ms`` came from a karaoke timestamp (or the cue start that
    the first timed word shares), False when it was estimated from the text length.
    ``speaker`` is the name of a ``<v Name>`` span the word was in.
    """

    text: str
    start_ms: int
    end_ms: int
    timed: bool = True
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Token:
    """A word whose start is known (``start_ms``) or still to be estimated (``None``)."""

    text: str
    start_ms: int | None
    speaker: str | None = None


def timestamp_ms(match: re.Match[str]) -> int:
    """Return the milliseconds of a :data:`TIMESTAMP_TAG_RE` match."""
    hours, minutes, seconds, millis = match.group(1, 2, 3, 4)
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def has_word_timings(text: str) -> bool:
    """Return True when the cue text carries karaoke word timestamps."""
    return TIMESTAMP_TAG_RE.search(text) is not None


def cue_tokens(text: str, cue_start_ms: int) -> list[list[Token]]:
    """Split each line of a cue's text into words, with the start a timestamp gives a word.

    In a line that has timestamps, the text before the first one is spoken from the cue's
    start (that is how YouTube writes it); in a line without, no word has a known start.
    Words inside one timed segment after its first word get no start (estimated later).
    A voice span (``<v Name>``) may cross lines.
    """
    speaker: str | None = None
    lines: list[list[Token]] = []
    for raw_line in text.split("\n"):
        tokens, speaker = _line_tokens(raw_line, cue_start_ms, speaker)
        lines.append(tokens)
    return lines


def _line_tokens(
    raw_line: str, cue_start_ms: int, speaker: str | None
) -> tuple[list[Token], str | None]:
    """Return the line's tokens and the voice in effect at its end."""
    tokens: list[Token] = []

    def add(segment: str, segment_start: int | None) -> int | None:
        """Add the segment's words; return the start still unused by a word."""
        for word in plain_text(segment).split():
            tokens.append(Token(word, segment_start, speaker))
            segment_start = None
        return segment_start

    position = 0
    segment_start: int | None = cue_start_ms if has_word_timings(raw_line) else None
    for match in _MARK_RE.finditer(raw_line):
        segment_start = add(raw_line[position : match.start()], segment_start)
        position = match.end()
        if match.group(2) is not None:
            segment_start = timestamp_ms(match)
        elif match.group(0) == "</v>":
            speaker = None
        else:
            speaker = " ".join(match.group(5).split()) or None
    add(raw_line[position:], segment_start)
    return tokens, speaker


def estimate_speech_ms(text: str) -> int:
    """Return a rough time to say ``text``: about 15 characters a second (typical lectures)."""
    return 70 * len(text) + 100


def assign_times(tokens: Sequence[Token], start_ms: int, end_ms: int) -> list[Word]:
    """Give every token a time inside ``[start_ms, end_ms]``.

    Known starts are kept (clamped so that time never runs backwards); the words between two
    known starts share that interval in proportion to their length. Each word ends where the
    next begins; the last one ends at ``end_ms``.
    """
    if not tokens:
        return []
    end_ms = max(end_ms, start_ms)
    anchors: list[int | None] = []
    floor = start_ms
    for token in tokens:
        if token.start_ms is None:
            anchors.append(None)
        else:
            floor = min(max(token.start_ms, floor), end_ms)
            anchors.append(floor)
    starts = _interpolate(tokens, anchors, start_ms, end_ms)
    words: list[Word] = []
    for index, token in enumerate(tokens):
        stop = starts[index + 1] if index + 1 < len(tokens) else end_ms
        words.append(
            Word(
                token.text,
                starts[index],
                max(stop, starts[index]),
                anchors[index] is not None,
                token.speaker,
            )
        )
    return words


def _interpolate(
    tokens: Sequence[Token], anchors: Sequence[int | None], start_ms: int, end_ms: int
) -> list[int]:
    """Fill the unknown starts between known ones by the length of the words before them."""
    starts: list[int] = [0] * len(tokens)
    index = 0
    left = start_ms
    while index < len(tokens):
        anchor = anchors[index]
        if anchor is not None:
            starts[index] = anchor
            left = anchor
            index += 1
            continue
        run_end = index
        while run_end < len(tokens) and anchors[run_end] is None:
            run_end += 1
        right_anchor = anchors[run_end] if run_end < len(tokens) else None
        right = end_ms if right_anchor is None else right_anchor
        # The word before the run (if it is timed) owns part of the interval too.
        first = index - 1 if index > 0 else index
        weights = [len(tokens[k].text) + 1 for k in range(first, run_end)]
        total = sum(weights)
        span_left = starts[first] if first < index else left
        acc = 0
        for k in range(first, run_end):
            if k >= index:
                starts[k] = span_left + (right - span_left) * acc // total
            acc += weights[k - first]
        index = run_end
    return starts


def cue_words(cue: Cue) -> list[Word]:
    """Return the words of a cue with their times (karaoke timestamps, else by length)."""
    tokens = [token for line in cue_tokens(cue.text, cue.start_ms) for token in line]
    return assign_times(tokens, cue.start_ms, cue.end_ms)


def words_of_cues(cues: Sequence[Cue]) -> list[Word]:
    """Return the words of all cues in order (no de-duplication)."""
    return [word for cue in cues for word in cue_words(cue)]
