"""Find and replace across a document's cues: plain text or regular expression, case and
whole-word options, all cues or a selection, forwards or backwards with wrapping; "replace
all" as one undo step. Pure Python over the document, used by the window's dialog."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from captionreview.core.document import Document
from captionreview.core.i18n import _
from captionreview.core.model import Cue


@dataclass(frozen=True, slots=True)
class SearchOptions:
    """What to look for and how."""

    text: str
    regex: bool = False
    match_case: bool = False
    whole_word: bool = False

    def compile(self) -> re.Pattern[str]:
        """Return the compiled pattern; raises ValueError with a plain message for a bad regex."""
        if not self.text:
            raise ValueError(_("Type something to find"))
        source = self.text if self.regex else re.escape(self.text)
        if self.whole_word:
            source = rf"(?<!\w)(?:{source})(?!\w)"
        flags = 0 if self.match_case else re.IGNORECASE
        try:
            return re.compile(source, flags)
        except re.error as exc:
            raise ValueError(_("Not a valid regular expression: {exc}").format(exc=exc)) from None


@dataclass(frozen=True, slots=True)
class Match:
    """One match: cue index and character span in ``Cue.text``."""

    index: int
    start: int
    end: int


def find_next(
    doc: Document,
    pattern: re.Pattern[str],
    index: int,
    position: int,
    *,
    backwards: bool = False,
    indices: Iterable[int] | None = None,
) -> Match | None:
    """Return the next (or previous) match from cue ``index``, character ``position``, wrapping.

    With ``indices`` only those cues are searched. Empty matches are skipped.
    """
    count = len(doc)
    if count == 0:
        return None
    scope = None if indices is None else sorted({i for i in indices if 0 <= i < count})
    if scope == []:
        return None
    index = min(max(index, 0), count - 1)
    # Order: the current cue from the cursor on, the other cues (wrapping), then the part of
    # the current cue before the cursor.
    if scope is None:
        step = -1 if backwards else 1
        others = [(index + step * k) % count for k in range(1, count)]
    elif backwards:
        others = [i for i in reversed(scope) if i < index] + [
            i for i in reversed(scope) if i > index
        ]
    else:
        others = [i for i in scope if i > index] + [i for i in scope if i < index]
    in_scope = scope is None or index in scope
    if in_scope:
        hit = _match_in(doc.cues[index].text, pattern, position, backwards)
        if hit is not None:
            return Match(index, *hit)
    for i in [*others, index] if in_scope else others:
        text = doc.cues[i].text
        hit = _match_in(text, pattern, len(text) if backwards else 0, backwards)
        if hit is not None:
            return Match(i, *hit)
    return None


def _match_in(
    text: str, pattern: re.Pattern[str], position: int, backwards: bool
) -> tuple[int, int] | None:
    if backwards:
        best = None
        for m in pattern.finditer(text):
            if m.end() > position:
                break
            if m.end() > m.start():
                best = (m.start(), m.end())
        return best
    for m in pattern.finditer(text, position):
        if m.end() > m.start():
            return m.start(), m.end()
    return None


def replacement_text(match: re.Match[str], replacement: str, regex: bool) -> str:
    """Return what replaces ``match``: ``\\1``/``\\g<name>`` expand in regex mode."""
    return match.expand(replacement) if regex else replacement


def replace_all(
    doc: Document,
    options: SearchOptions,
    replacement: str,
    indices: Iterable[int] | None = None,
) -> tuple[int, int]:
    """Replace every match as one undo step; return (occurrences, cues changed).

    Raises ValueError for a bad pattern or replacement (e.g. ``\\2`` with one group).
    """
    pattern = options.compile()
    targets = range(len(doc)) if indices is None else sorted(set(indices))
    changes: dict[int, Cue] = {}
    occurrences = 0
    for i in targets:
        cue = doc.cues[i]
        counter = 0

        def substitute(m: re.Match[str]) -> str:
            nonlocal counter
            if m.end() == m.start():
                return m.group(0)
            counter += 1
            return replacement_text(m, replacement, options.regex)

        try:
            new_text = pattern.sub(substitute, cue.text)
        except (re.error, IndexError) as exc:
            raise ValueError(
                _(
                    "The replacement {replacement!r} does not fit the pattern: {exc}",
                ).format(replacement=replacement, exc=exc)
            ) from None
        if counter and new_text != cue.text:
            changes[i] = cue.with_changes(text=new_text)
            occurrences += counter
    if changes:
        doc.replace_cues(
            changes,
            _("Replace all “{text}”").format(text=options.text),
        )
    return occurrences, len(changes)
