"""Corrections spread: a word fixed in one cue, offered for its other occurrences.

After an edit of one cue, :func:`detect_correction` finds the word or phrase that was replaced
("grön vall" → "Grünewald"); :func:`find_occurrences` lists the other places it occurs (whole
words, any capitalisation, with the capital kept at a sentence start); :func:`build_changes`
turns the ones the editor ticked into the ``{index: Cue}`` mapping that
``Document.replace_cues`` applies as one undo step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from captionreview.core.model import Cue
from captionreview.core.spelling import Token, plain_with_offsets, tokenize

# A correction longer than this is a rewrite, not a word fix: nothing to spread.
MAX_PHRASE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Correction:
    """A replaced phrase: ``old`` as it was written, ``new`` as the editor wrote it."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One other place of ``Correction.old``.

    ``span`` indexes ``Cue.text`` and holds ``found``; ``replacement`` is what goes there.
    ``context`` is the cue's visible text on one line, ``context_span`` the match within it.
    """

    cue_index: int
    span: tuple[int, int]
    found: str
    replacement: str
    context: str
    context_span: tuple[int, int]


def _words(tokens: Sequence[Token]) -> list[str]:
    return [t.text for t in tokens]


def detect_correction(old_text: str, new_text: str) -> Correction | None:
    """Return the word or phrase an edit replaced, or None (no word changed, or a rewrite)."""
    old_tokens, new_tokens = tokenize(old_text), tokenize(new_text)
    old_words, new_words = _words(old_tokens), _words(new_tokens)
    if old_words == new_words:
        return None
    prefix = 0
    while prefix < min(len(old_words), len(new_words)) and old_words[prefix] == new_words[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(old_words), len(new_words)) - prefix
        and old_words[-1 - suffix] == new_words[-1 - suffix]
    ):
        suffix += 1
    old_mid = old_tokens[prefix : len(old_tokens) - suffix]
    new_mid = new_tokens[prefix : len(new_tokens) - suffix]
    if not old_mid or not new_mid:
        return None
    if len(old_mid) > MAX_PHRASE_WORDS or len(new_mid) > MAX_PHRASE_WORDS:
        return None
    old_plain = plain_with_offsets(old_text).text
    new_plain = plain_with_offsets(new_text).text
    old = old_plain[old_mid[0].pstart : old_mid[-1].pend]
    new = new_plain[new_mid[0].pstart : new_mid[-1].pend]
    if any(ch in old for ch in ".,;:!?") or any(ch in new for ch in ".,;:!?"):
        # Punctuation inside the change: a sentence was edited, not a word.
        return None
    return Correction(old, new)


def _match_case(found: str, replacement: str) -> str:
    """Carry a capital at the start of ``found`` over to ``replacement`` ("Grön vall")."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    if found.isupper() and len(found) > 1 and not replacement.isupper():
        return replacement.upper()
    return replacement


def find_occurrences(
    cues: Sequence[Cue], correction: Correction, *, exclude: Iterable[int] = ()
) -> list[Occurrence]:
    """Return the occurrences of ``correction.old`` in the cues (whole words, any case)."""
    target = [w.lower() for w in _words(tokenize(correction.old))]
    if not target:
        return []
    skip = set(exclude)
    first = target[0]
    result = []
    for index, cue in enumerate(cues):
        if index in skip or first not in cue.text.lower():
            continue
        tokens = tokenize(cue.text)
        words = [t.text.lower() for t in tokens]
        plain = plain_with_offsets(cue.text)
        context = plain.text.replace("\n", " ")
        n = len(target)
        free = 0
        for i in range(len(tokens) - n + 1):
            if i < free or words[i : i + n] != target:
                continue
            window = tokens[i : i + n]
            # Only plain spaces between the words: never replace across markup.
            if any(
                not re.fullmatch(r"\s+", cue.text[a.end : b.start]) for a, b in pairwise(window)
            ):
                continue
            span = (window[0].start, window[-1].end)
            found = cue.text[span[0] : span[1]]
            replacement = _match_case(found, correction.new)
            if found == replacement:
                continue
            free = i + n
            result.append(
                Occurrence(
                    index,
                    span,
                    found,
                    replacement,
                    context,
                    (window[0].pstart, window[-1].pend),
                )
            )
    return result


def build_changes(cues: Sequence[Cue], occurrences: Iterable[Occurrence]) -> dict[int, Cue]:
    """Return ``{cue_index: edited cue}`` for the chosen occurrences.

    Raises ValueError when an occurrence no longer matches its cue (the cue was edited since).
    """
    by_cue: dict[int, list[Occurrence]] = {}
    for occ in occurrences:
        by_cue.setdefault(occ.cue_index, []).append(occ)
    changes: dict[int, Cue] = {}
    for index, items in by_cue.items():
        cue = cues[index]
        text = cue.text
        for occ in sorted(items, key=lambda o: o.span[0], reverse=True):
            start, end = occ.span
            if text[start:end] != occ.found:
                raise ValueError(
                    f"Cue {index + 1} changed since the occurrences were listed; list them again."
                )
            text = text[:start] + occ.replacement + text[end:]
        changes[index] = cue.with_changes(text=text)
    return changes
