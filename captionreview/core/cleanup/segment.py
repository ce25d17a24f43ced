"""Re-segmentation: timed words into readable cues within a profile's limits.

Cue ends are chosen by dynamic programming over the word boundaries, so the whole track is
cut where it reads best: at sentence ends, clause punctuation and pauses in speech, before a
conjunction, never after an article or a preposition (QUALITY_RULES LAY-05), and never across
a long pause, and never inside a compound or name the glossary knows (written apart by the
speech recogniser: "region styrelsen", "anna söder gren"). Given the video's audio analysis,
the pauses are the ones heard in the speech, not guessed from word times, and a cue before a
pause ends where the speech stops. Each cue fits the profile's characters per line and lines,
and is scored on its reading speed and duration. Line breaks follow the same rules, and in
Swedish the top line is kept shorter than the bottom one (LAY-06).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from captionreview.core.cleanup.wordtimes import Word, estimate_speech_ms
from captionreview.core.model import Cue
from captionreview.core.profiles import DEFAULT_PROFILE, Profile

if TYPE_CHECKING:
    from captionreview.core.audio import AudioAnalysis
    from captionreview.core.words.glossary import Glossary


def _word_set(words: str) -> frozenset[str]:
    """Return the set of space-separated words (keeps the word lists below readable)."""
    return frozenset(words.split())


# Words a line or a cue should not end on (LAY-05): articles, prepositions, conjunctions.
WEAK_ENDINGS: dict[str, frozenset[str]] = {
    "sv": _word_set(
        "och men eller att som om en ett den det de i på till för med av från hos vid mot "
        "under över ur utan efter inför åt"
    ),
    "en": _word_set(
        "a an the and but or nor that which who of to in on at for with from by as if so "
        "because than into onto my your our their his her its"
    ),
}
# Conjunctions a break may go *before* (LAY-05 "break before conjunctions").
BREAK_BEFORE: dict[str, frozenset[str]] = {
    "sv": _word_set("och men eller att som om eftersom därför när så fast medan"),
    "en": _word_set("and but or because so that which when if while although"),
}
SENTENCE_END = (".", "?", "!", "…")
CLAUSE_END = (",", ";", ":", "–", "—")

# A pause this long inside a cue is never allowed: the cue ends where speech stops (ASR-06).
LONG_PAUSE_MS = 1000
# A pause this long is a good place to end a cue; shorter ones count in proportion above
# SHORT_PAUSE_MS (a speech detector hears a 400 ms sentence pause as 320-450 ms), so among
# the places where a cue may end, the longest pauses win.
PAUSE_MS = 400
SHORT_PAUSE_MS = 150
# The most words a glossary term may be split into by the recogniser ("till växt verket").
GLOSSARY_SPAN = 4

# Costs: relative weights of what makes a cut worse (only their order and ratio matter).
COST_PER_CUE = 8.0
COST_WEAK_ENDING = 30.0
COST_PLAIN_BOUNDARY = 16.0
COST_KEEP_TOGETHER = 20.0
COST_BEFORE_CONJUNCTION = 8.0
COST_CLAUSE = 4.0
COST_SHORT_PAUSE = 4.0
COST_INNER_PAUSE = 8.0
# A pause heard in the audio is a fact, not a guess from word times: keeping it inside a cue
# costs more.
COST_INNER_HEARD_PAUSE = 20.0
COST_INNER_SENTENCE = 10.0
COST_SPEED = 30.0
COST_SHORT = 10.0
# Cutting a glossary term apart: never, unless nothing else fits the limits.
COST_GLOSSARY = 1000.0


def _language_key(language: str | None) -> str:
    """Return "sv" or "en": the rule set for a BCP 47 tag (other languages use English's)."""
    return "sv" if (language or "").lower().startswith(("sv", "swe")) else "en"


def _bare(word: str) -> str:
    """Return a word lower-cased without surrounding punctuation."""
    return word.strip(".,;:!?…–—\"'”“()[]").lower()


@dataclass(frozen=True, slots=True)
class _Rules:
    """The profile's limits and the language's word lists, resolved once."""

    max_chars: int
    max_lines: int
    cps: float
    min_ms: int
    max_ms: int
    gap_ms: int
    weak: frozenset[str]
    before: frozenset[str]
    swedish: bool


def _rules(profile: Profile, language: str | None) -> _Rules:
    key = _language_key(language)
    return _Rules(
        max_chars=profile.max_chars_per_line,
        max_lines=max(1, profile.max_lines),
        cps=profile.cps_warn,
        min_ms=profile.min_duration_warn_ms,
        max_ms=profile.max_duration_ms,
        gap_ms=profile.min_gap_ms,
        weak=WEAK_ENDINGS[key],
        before=BREAK_BEFORE[key],
        swedish=key == "sv",
    )


def _break_cost(
    texts: Sequence[str], split: int, rules: _Rules, glued: Sequence[bool] = ()
) -> float:
    """Return how bad it is to end a line (or cue) after ``texts[split - 1]``; ``glued[k]``
    says the words ``k`` and ``k + 1`` belong to one glossary term."""
    last = texts[split - 1]
    cost = COST_WEAK_ENDING if _bare(last) in rules.weak else 0.0
    if split - 1 < len(glued) and glued[split - 1]:
        cost += COST_GLOSSARY
    if last.endswith(SENTENCE_END):
        return cost
    if last.endswith(CLAUSE_END):
        return cost + COST_CLAUSE
    following = texts[split] if split < len(texts) else ""
    if _bare(following) in rules.before:
        return cost + COST_BEFORE_CONJUNCTION
    if last[:1].isupper() and following[:1].isupper():
        cost += COST_KEEP_TOGETHER  # a first name and a surname, "Västra Götaland"
    elif last[-1:].isdigit() and following[:1].isalpha():
        cost += COST_KEEP_TOGETHER  # a number and its unit: "36 procent", "50 km"
    return cost + COST_PLAIN_BOUNDARY


def _best_line_split(
    texts: Sequence[str], rules: _Rules, glued: Sequence[bool] = ()
) -> tuple[float, int] | None:
    """Return (cost, split) of the best two-line break, or None when no break fits."""
    total = sum(len(t) for t in texts) + len(texts) - 1
    best: tuple[float, int] | None = None
    top = -1
    for split in range(1, len(texts)):
        top += len(texts[split - 1]) + 1
        bottom = total - top - 1
        if top > rules.max_chars:
            break
        if bottom > rules.max_chars:
            continue
        cost = _break_cost(texts, split, rules, glued) / 2
        if rules.swedish:
            # Radfall: the upper line shorter than the lower one, when grammar allows.
            cost += 0.1 * (top - bottom) + 1 if top > bottom else 0.05 * (bottom - top)
        else:
            cost += 0.2 * abs(top - bottom)
        if best is None or cost < best[0]:
            best = (cost, split)
    return best


def break_lines(texts: Sequence[str], profile: Profile, language: str | None = None) -> list[str]:
    """Return the words laid out on lines: one line if it fits, else the best two-line break.

    A text that fits no allowed break comes back on one (too long) line.
    """
    rules = _rules(profile, language)
    return _layout(texts, rules)


def _layout(texts: Sequence[str], rules: _Rules, glued: Sequence[bool] = ()) -> list[str]:
    one_line = " ".join(texts)
    if len(one_line) <= rules.max_chars or rules.max_lines < 2:
        return [one_line]
    best = _best_line_split(texts, rules, glued)
    if best is None:
        return [one_line]
    split = best[1]
    return [" ".join(texts[:split]), " ".join(texts[split:])]


def _speech_end(word: Word) -> int:
    """Return when a word's sound likely ends: karaoke gives starts only, so cap by its length."""
    if not word.timed:
        return word.end_ms
    return min(word.end_ms, word.start_ms + estimate_speech_ms(word.text))


def segment_words(
    words: Sequence[Word],
    profile: Profile = DEFAULT_PROFILE,
    *,
    language: str | None = None,
    speech: AudioAnalysis | None = None,
    glossary: Glossary | None = None,
) -> list[Cue]:
    """Return new cues holding exactly ``words`` in order, cut and timed for reading.

    Cues never overlap; a gap of ``profile.min_gap_ms`` is kept where the words leave room.
    With ``speech`` (the video's audio analysis) cues are cut at the pauses heard in the
    speech; with ``glossary`` no cue or line ends inside a term it knows.
    """
    if not words:
        return []
    rules = _rules(profile, language)
    texts = [w.text for w in words]
    ends = [_speech_end(w) for w in words]
    if speech is None:
        pauses = [words[k + 1].start_ms - ends[k] for k in range(len(words) - 1)]
    else:
        pauses = _heard_pauses(words, ends, speech)
    glued = glossary_glue(texts, glossary) if glossary is not None else [False] * len(words)
    boundary = [0.0] * (len(words) + 1)
    for j in range(1, len(words)):
        if words[j].speaker != words[j - 1].speaker:
            continue  # a change of speaker is the best place to cut (cost 0)
        boundary[j] = _boundary_cost(texts, j, pauses[j - 1], rules, glued)
    inner = COST_INNER_PAUSE if speech is None else COST_INNER_HEARD_PAUSE
    cuts = _best_cuts(words, texts, ends, pauses, boundary, rules, glued, inner)
    return _timed_cues(words, texts, ends, cuts, rules, glued)


def _heard_pauses(words: Sequence[Word], ends: list[int], speech: AudioAnalysis) -> list[int]:
    """The silence heard after each word (0 where the speech runs on), in one pass.

    A pause between two stretches of speech belongs to the last word that started before
    it; that word's end moves to where the speech stopped (``ends`` is updated).
    """
    pauses = [0] * (len(words) - 1)
    segments = speech.speech_segments_between(words[0].start_ms, words[-1].end_ms + 1)
    k = 0
    for (_start, stop), (resume, _end) in pairwise(segments):
        while k + 1 < len(words) and words[k + 1].start_ms <= stop:
            k += 1
        if k + 1 >= len(words):
            break
        if resume - stop > pauses[k]:
            pauses[k] = resume - stop
            ends[k] = max(words[k].start_ms + 1, stop)
    return pauses


def glossary_glue(texts: Sequence[str], glossary: Glossary) -> list[bool]:
    """``glued[k]`` is True when words ``k`` and ``k + 1`` are parts of one glossary term,
    written apart ("region styrelsen", "till växt verket") or as its words ("Anna Södergren").

    Tries at most GLOSSARY_SPAN words from each position: linear in the number of words.
    """
    glued = [False] * len(texts)
    bare = [_bare(t) for t in texts]
    for i in range(len(texts)):
        joined = bare[i]
        for m in range(2, GLOSSARY_SPAN + 1):
            if i + m > len(texts):
                break
            joined += " " + bare[i + m - 1]
            compound = joined.replace(" ", "")
            # A whole term ("anna söder gren"), or one word of a longer term written apart
            # ("tillits baserad" of "tillitsbaserad styrning").
            if joined in glossary or glossary.knows_word(compound):
                for k in range(i, i + m - 1):
                    glued[k] = True
    return glued


def _pause_weight(pause: int) -> float:
    """How much of a pause this is: 0 below SHORT_PAUSE_MS, 1 from PAUSE_MS."""
    if pause <= SHORT_PAUSE_MS:
        return 0.0
    return min(1.0, (pause - SHORT_PAUSE_MS) / (PAUSE_MS - SHORT_PAUSE_MS))


def _boundary_cost(
    texts: Sequence[str], j: int, pause: int, rules: _Rules, glued: Sequence[bool] = ()
) -> float:
    """Return the cost of ending a cue between word ``j - 1`` and word ``j``."""
    cost = _break_cost(texts, j, rules, glued)
    if glued and glued[j - 1]:
        return cost
    if pause >= 2 * PAUSE_MS:
        return 0.0  # the speaker stopped: a good cut even after a weak word
    if pause >= PAUSE_MS:
        return min(cost, COST_SHORT_PAUSE)
    # Shorter pauses lower the cost in proportion, so the longest pause is the best cut.
    return cost - (cost - min(cost, COST_SHORT_PAUSE)) * _pause_weight(pause)


def _best_cuts(
    words: Sequence[Word],
    texts: Sequence[str],
    ends: Sequence[int],
    pauses: Sequence[int],
    boundary: Sequence[float],
    rules: _Rules,
    glued: Sequence[bool] = (),
    inner_pause_cost: float = COST_INNER_PAUSE,
) -> list[int]:
    """Return the cue end indices (exclusive) that minimise the total cost."""
    n = len(words)
    inf = float("inf")
    best = [inf] * (n + 1)
    back = [0] * (n + 1)
    best[0] = 0.0
    max_total = rules.max_chars * rules.max_lines
    for i in range(n):
        if best[i] == inf:
            continue
        chars = -1
        inner_cost = 0.0
        for j in range(i + 1, n + 1):
            chars += len(texts[j - 1]) + 1
            if j - 1 > i:
                if words[j - 1].speaker != words[j - 2].speaker:
                    break  # one speaker per cue (TXT-03/TXT-04)
                if texts[j - 2].endswith(SENTENCE_END):
                    inner_cost += COST_INNER_SENTENCE
                pause = pauses[j - 2]
                if pause >= LONG_PAUSE_MS:
                    break
                inner_cost += inner_pause_cost * _pause_weight(pause)
            single = j == i + 1
            if not single and (chars > max_total or ends[j - 1] - words[i].start_ms > rules.max_ms):
                break
            if chars <= rules.max_chars or single:
                layout_cost = 0.0
            elif rules.max_lines >= 2:
                split = _best_line_split(texts[i:j], rules, glued[i:j])
                if split is None:
                    continue
                layout_cost = split[0]
            else:
                continue
            cost = (
                best[i]
                + COST_PER_CUE
                + layout_cost
                + inner_cost
                + boundary[j]
                + _reading_cost(words, i, j, chars, rules)
            )
            if cost < best[j]:
                best[j] = cost
                back[j] = i
    cuts: list[int] = []
    j = n
    while j > 0:
        cuts.append(j)
        j = back[j]
    cuts.reverse()
    return cuts


def _reading_cost(words: Sequence[Word], i: int, j: int, chars: int, rules: _Rules) -> float:
    """Return the cost of a cue's reading speed and duration, given the time it can stay up."""
    start = words[i].start_ms
    room = (words[j].start_ms - rules.gap_ms if j < len(words) else words[j - 1].end_ms) - start
    shown = max(1, min(max(room, words[j - 1].end_ms - start), rules.max_ms))
    cost = 0.0
    needed = chars * 1000 / rules.cps
    if shown < needed:
        cost += COST_SPEED * (needed / shown - 1)
    if shown < rules.min_ms:
        cost += COST_SHORT * (1 - shown / rules.min_ms)
    return cost


def _voice_name(name: str) -> str:
    """Return a speaker name safe inside a ``<v …>`` tag (no markup characters)."""
    return html.escape(name.replace(">", " "), quote=False)


def _timed_cues(
    words: Sequence[Word],
    texts: Sequence[str],
    ends: Sequence[int],
    cuts: Sequence[int],
    rules: _Rules,
    glued: Sequence[bool] = (),
) -> list[Cue]:
    """Build the cues: start at the first word, stay long enough to read, keep the gap."""
    cues: list[Cue] = []
    begin = 0
    previous_end: int | None = None
    for index, stop in enumerate(cuts):
        start = words[begin].start_ms
        if previous_end is not None:
            start = max(start, previous_end + rules.gap_ms)
        lines = _layout(texts[begin:stop], rules, glued[begin:stop])
        chars = sum(len(line) for line in lines)
        wanted = max(ends[stop - 1], start + rules.min_ms, start + round(chars * 1000 / rules.cps))
        wanted = min(wanted, start + rules.max_ms)
        if index + 1 < len(cuts):
            next_start = words[stop].start_ms
            end = min(wanted, next_start - rules.gap_ms)
            if end <= start:
                end = min(wanted, next_start)
        else:
            end = wanted
        end = max(end, start + 1)
        text = "\n".join(html.escape(line, quote=False) for line in lines)
        speaker = words[begin].speaker
        if speaker:
            text = f"<v {_voice_name(speaker)}>{text}"
        cues.append(Cue(start, end, text))
        previous_end = end
        begin = stop
    return cues
