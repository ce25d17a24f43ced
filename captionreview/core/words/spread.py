"""Corrections spread: a word fixed in one cue, offered for its other occurrences.

After an edit of one cue, :func:`detect_correction` finds the word or phrase that was replaced
("grön vall" → "Grünewald"); :func:`find_occurrences` lists the other places it occurs (whole
words, any capitalisation, with the capital kept at a sentence start); :func:`build_changes`
turns the ones the editor ticked into the ``{index: Cue}`` mapping that
``Document.replace_cues`` applies as one undo step.

A long file makes the search worth a pre-filter: :class:`TextIndex` keeps every cue's visible
text in lower case, updated cue by cue from the document's events, and
:func:`candidate_indices` picks the cues that contain every word of the phrase (a cheap
substring test), so only those are split into words by :func:`occurrences_in`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from captionreview.core.events import EventKind
from captionreview.core.i18n import _
from captionreview.core.model import Cue
from captionreview.core.words.spelling import (
    Token,
    plain_with_offsets,
    tokenize,
    visible_text,
    word_matches,
)

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


def _fold(text: str) -> str:
    # Lower case for matching; the Greek final sigma is folded too, as str.lower() writes it
    # differently at a word's end.
    return text.lower().replace("ς", "σ")


def index_text(raw: str) -> str:
    """Return the lower-case visible text of a cue payload, as :class:`TextIndex` keeps it."""
    return _fold(visible_text(raw))


class TextIndex:
    """The folded visible text of every cue of a document, kept in step with its events.

    Feed it the document's events with :meth:`update`; :meth:`snapshot` is a copy a search
    in another thread may read while the document goes on changing.
    """

    def __init__(self, cues: Sequence[Cue] = ()) -> None:
        self._texts = [index_text(cue.text) for cue in cues]

    def __len__(self) -> int:
        return len(self._texts)

    def update(self, kind: EventKind, start: int, stop: int, cues: Sequence[Cue]) -> None:
        """Follow a document event (``DocEvent.kind``, ``start``, ``stop``) on ``cues``."""
        if kind is EventKind.CHANGED:
            stop = min(stop, len(cues))
            self._texts[start:stop] = [index_text(cues[i].text) for i in range(start, stop)]
        elif kind is EventKind.INSERTED:
            self._texts[start:start] = [index_text(cues[i].text) for i in range(start, stop)]
        elif kind is EventKind.REMOVED:
            del self._texts[start:stop]
        elif kind is EventKind.RESET:
            self._texts = [index_text(cue.text) for cue in cues]
        if len(self._texts) != len(cues):
            # Events missed (subscribed late): start again rather than search wrong texts.
            self._texts = [index_text(cue.text) for cue in cues]

    def snapshot(self) -> list[str]:
        """Return a copy of the texts, index for index with the cues."""
        return list(self._texts)


@functools.lru_cache(maxsize=32)
def _target(correction: Correction) -> tuple[str, ...]:
    # Cached: the search asks for it once per candidate cue.
    return tuple(_fold(t.text) for t in tokenize(correction.old))


def candidate_indices(
    texts: Sequence[str], correction: Correction, *, exclude: Iterable[int] = ()
) -> list[int]:
    """Return the indices of the texts (from :func:`index_text`) holding every word of the
    phrase: a superset of the cues where :func:`occurrences_in` can find it."""
    target = _target(correction)
    if not target:
        return []
    skip = set(exclude)
    # The longest word rules out most cues at the first test.
    words = sorted(set(target), key=len, reverse=True)
    first, rest = words[0], words[1:]
    return [
        index
        for index, text in enumerate(texts)
        if first in text and index not in skip and all(w in text for w in rest)
    ]


def occurrences_in(index: int, cue: Cue, correction: Correction) -> list[Occurrence]:
    """Return the occurrences of ``correction.old`` in one cue (whole words, any case)."""
    target = _target(correction)
    n = len(target)
    if not n:
        return []
    raw = cue.text
    # Without markup or references the visible text is the raw text: no offsets to map.
    plain = plain_with_offsets(raw) if "<" in raw or "&" in raw else None
    text = raw if plain is None else plain.text
    words = word_matches(text)
    # One lower() for the whole cue: "\0" never occurs in a word nor comes out of lower().
    folded = _fold("\0".join(w for _a, _b, w in words)).split("\0")
    first, rest = target[0], target[1:]
    result = []
    context: str | None = None
    i = 0
    while i <= len(words) - n:
        try:
            i = folded.index(first, i, len(words) - n + 1)
        except ValueError:
            break
        if rest and tuple(folded[i + 1 : i + n]) != rest:
            i += 1
            continue
        window = words[i : i + n]
        spans = [(a, b) if plain is None else plain.raw_span(a, b) for a, b, _w in window]
        # Only plain spaces between the words: never replace across markup.
        if any(not raw[left[1] : right[0]].isspace() for left, right in pairwise(spans)):
            i += 1
            continue
        span = (spans[0][0], spans[-1][1])
        found = raw[span[0] : span[1]]
        replacement = _match_case(found, correction.new)
        if found == replacement:
            i += 1
            continue
        if context is None:
            context = text.replace("\n", " ")
        result.append(
            Occurrence(index, span, found, replacement, context, (window[0][0], window[-1][1]))
        )
        i += n
    return result


def find_occurrences(
    cues: Sequence[Cue],
    correction: Correction,
    *,
    exclude: Iterable[int] = (),
    texts: Sequence[str] | None = None,
) -> list[Occurrence]:
    """Return the occurrences of ``correction.old`` in the cues (whole words, any case).

    ``texts`` are the cues' :func:`index_text` (a :meth:`TextIndex.snapshot`), made here
    when not given.
    """
    if texts is None:
        texts = [index_text(cue.text) for cue in cues]
    result = []
    for index in candidate_indices(texts, correction, exclude=exclude):
        result.extend(occurrences_in(index, cues[index], correction))
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
                    _(
                        "Cue {index} changed since the occurrences were listed; list them again."
                    ).format(index=index + 1)
                )
            text = text[:start] + occ.replacement + text[end:]
        changes[index] = cue.with_changes(text=text)
    return changes
