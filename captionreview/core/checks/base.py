"""Shared machinery of the quality checks: a cached view of each cue and the scan state.

Rules are plain functions ``rule(scan, index, out)`` that append :class:`Finding` objects to
``out``. A :class:`Scan` caches what several rules need about a cue (its visible text, its
lines, its character count) so that each cue's text is stripped of markup only once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any, Protocol

from captionreview.core.model import Cue, Finding, Severity, new_finding
from captionreview.core.profiles import Profile
from captionreview.core.vtt.cuetext import markup_spans, plain_text, split_between_tags

_REF_AT = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")

SENTENCE_END = frozenset(".?!…")
LETTER = re.compile(r"[^\W\d_]")
DASHES = frozenset("-–—")
# How far from its own cue a rule looks: two cues back (TXT-01), one ahead (TXT-02).
NEIGHBOURS = 2


class CueView:
    """What the rules need to know about one cue, computed once and cached."""

    __slots__ = (
        "_line_ends",
        "_map",
        "_sizes",
        "chars",
        "cue",
        "first_letter",
        "has_markup",
        "index",
        "no_sentence_end",
        "plain",
        "plain_lines",
        "raw_lines",
        "tags",
    )

    def __init__(self, cue: Cue, index: int) -> None:
        self.cue = cue
        self.index = index
        text = cue.text
        self.raw_lines = text.split("\n")
        # Auto-captions carry dozens of tags a cue: split at them once, and keep the lengths of
        # the runs and tags for raw_span(), which most such cues need, and the tags one after
        # another for the markup check (None when a '<' of the text is not in a tag).
        self._sizes: list[int] | None = None
        self.tags: str | None = ""
        self.plain = text
        if "<" in text:
            pieces, between = split_between_tags(text)
            self.tags = None if "<" in between else "".join(pieces[1::2])
            if len(pieces) > 1 and "&" not in text:
                self._sizes = list(map(len, pieces))
                self.plain = between
        if "&" in text:
            self.plain = plain_text(text)
        self.has_markup = self.plain != text
        self.plain_lines = self.plain.split("\n")
        self.chars = len(self.plain) - len(self.plain_lines) + 1
        # The first letter of the visible text: where a sentence starts (TXT-01), whether the
        # cue has words at all (TXT-01, ASR-08), raw speech recognition's lower-case start.
        self.first_letter = LETTER.search(self.plain)
        self._map: tuple[list[int], list[int], list[bool] | None] | None = None
        self._line_ends: list[int] | None = None
        # Filled in by the sentence rule (TXT-01), which asks it of three cues in turn.
        self.no_sentence_end: bool | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the visible text to the matching span of ``Cue.text``."""
        if not self.has_markup:
            return (start, end)
        sizes = self._sizes
        if sizes is not None and start < sizes[0] and end <= sizes[0]:
            # Before the first tag, where an auto-caption's earlier line is: one to one.
            return (start, end if end > start else start)
        text = self.cue.text
        if start >= len(self.plain):
            return (len(text), len(text))
        raw_start = self._raw_index(start)
        if end <= start:
            return (raw_start, raw_start)
        last = self._raw_index(min(end, len(self.plain)) - 1)
        # The last visible character may come from a character reference: cover all of it.
        ref = _REF_AT.match(text, last) if text[last] == "&" else None
        return (raw_start, ref.end() if ref else last + 1)

    def _raw_index(self, position: int) -> int:
        """Raw offset of the visible character at ``position``."""
        if self._map is None:
            self._map = self._segments()
        starts, raws, one_to_one = self._map
        k = bisect_right(starts, position) - 1
        if one_to_one is None or one_to_one[k]:
            return raws[k] + position - starts[k]
        return raws[k]

    def _segments(self) -> tuple[list[int], list[int], list[bool] | None]:
        """Where each run of visible text starts (visible and raw offsets), and whether it maps
        one to one (plain text) or to one place (a character reference); ``None`` when every
        run maps one to one."""
        sizes = self._sizes
        if sizes is not None:
            # Tags only: sizes alternate run, tag, run, …, run. A run starts, in the raw text,
            # after the runs and the tags before it (every other sum of the sizes before it).
            # Empty runs between adjacent tags are harmless: a position maps through the last
            # run starting at or before it, which is the run that holds it.
            run_starts = list(accumulate(sizes[0:-1:2], initial=0))
            raw_starts = list(accumulate(sizes, initial=0))[0::2]
            return run_starts, raw_starts, None
        text = self.cue.text
        starts: list[int] = []
        raws: list[int] = []
        one_to_one: list[bool] = []
        pos = plain = 0
        for at, end, is_tag in markup_spans(text, _REFERENCE):
            if at > pos:
                starts.append(plain)
                raws.append(pos)
                one_to_one.append(True)
                plain += at - pos
            if not is_tag:
                piece = text[at:end]
                decoded = plain_text(piece)
                starts.append(plain)
                raws.append(at)
                one_to_one.append(decoded == piece)
                plain += len(decoded)
            pos = end
        starts.append(plain)
        raws.append(pos)
        one_to_one.append(True)
        return starts, raws, one_to_one

    def breaks_before(self, pos: int) -> int:
        """Return how many line breaks ``Cue.text`` has before offset ``pos``."""
        lines = self.raw_lines
        if len(lines) < 3:  # most cues: no table needed
            return 0 if len(lines) == 1 or pos <= len(lines[0]) else 1
        ends = self._line_ends
        if ends is None:
            # Where each line but the last ends, its line break included: a break lies before
            # ``pos`` when the line it ends ends at or before ``pos``.
            ends = self._line_ends = list(accumulate([len(line) + 1 for line in lines[:-1]]))
        return bisect_right(ends, pos)

    def line_start(self, line_index: int) -> int:
        """Return the offset in ``Cue.text`` where raw line ``line_index`` starts."""
        return sum(len(line) + 1 for line in self.raw_lines[:line_index])


@dataclass
class Scan:
    """The state of one checking pass: the cues, the profile and a cache of cue views."""

    cues: Sequence[Cue]
    profile: Profile
    language: str
    regions: Collection[str] | None = None

    def __post_init__(self) -> None:
        self._views: dict[int, CueView] = {}
        # What each visible-text rule said about each visible text that comes back in the pass
        # (see by_visible_text); preload() tells which texts come back.
        # Keyed by judge and whether the cue has markup, then by the visible text.
        self.judged: dict[tuple[object, bool], dict[str, Sequence[Verdict]]] = {}
        self.repeated: Collection[str] = ()
        self.disabled = self.profile.disabled_rules
        # Rules call this for every cue they look at: a full check swaps in a list lookup.
        self.view: Callable[[int], CueView] = self._cached_view

    def _cached_view(self, index: int) -> CueView:
        found = self._views.get(index)
        if found is None:
            found = self._views[index] = CueView(self.cues[index], index)
        return found

    def preload(self, start: int = 0, stop: int | None = None) -> list[CueView]:
        """Build the views of the cues ``[start, stop)`` (all by default) at once, for a pass
        of the rules over them, and return the views of all the cues.

        A rule looks at most ``NEIGHBOURS`` cues before or after its own: those views are
        built too. The other places of the list (a part of a file checked apart) hold None.
        """
        cues = self.cues
        stop = len(cues) if stop is None else stop
        first, last = max(0, start - NEIGHBOURS), min(len(cues), stop + NEIGHBOURS)
        built = [CueView(cues[index], index) for index in range(first, last)]
        views: list[CueView] = built
        if first or last < len(cues):
            outside: list[Any] = [None]
            views = outside * first + built + outside * (len(cues) - last)
        self.view = views.__getitem__
        # Only a text that comes back is worth remembering what the rules said about it: a
        # file of distinct texts would keep a verdict per text and rule for nothing.
        counts = Counter(view.plain for view in built)
        self.repeated = {plain for plain, count in counts.items() if count > 1}
        return views

    def emit(
        self,
        out: list[Finding],
        rule: str,
        severity: Severity,
        index: int,
        message: str,
        *,
        span: tuple[int, int] | None = None,
        suggestion: str | None = None,
    ) -> None:
        """Append a finding about cue ``index`` unless the profile disables ``rule``."""
        if rule in self.disabled:
            return
        cue = self.cues[index]
        # file_line() inlined: auto-captions give several findings per cue.
        at: int | None = None
        line = cue.line
        if line > 0:
            if cue.identifier:
                line += 1
            if span is not None:
                # The cue's view (which the rule has asked for already) keeps where its lines
                # end; a cache keyed by the text missed when rules run rule by rule.
                line += 1 + self.view(index).breaks_before(span[0])
            at = line
        out.append(new_finding(rule, severity, message, index, cue.uid, span, suggestion, at))


def file_line(cue: Cue, span: tuple[int, int] | None) -> int | None:
    """Return the 1-based file line of ``span`` in ``cue`` (its timing line when no span).

    ``Cue.line`` is the first line of the cue's block (the identifier when there is one);
    a new cue (line 0) has no file line.
    """
    if cue.line <= 0:
        return None
    timing = cue.line + (1 if cue.identifier else 0)
    if span is None:
        return timing
    return timing + 1 + breaks_before(cue.text, span[0])


def cue_finding(
    rule: str,
    severity: Severity,
    message: str,
    index: int | None,
    cue: Cue | None,
    *,
    suggestion: str | None = None,
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> Finding:
    """Return a finding about ``cue`` (``None``: about the file), placed at its timing line."""
    return new_finding(
        rule,
        severity,
        message,
        index,
        cue.uid if cue else None,
        None,
        suggestion,
        file_line(cue, None) if cue else None,
        start_ms,
        end_ms,
    )


@lru_cache(maxsize=32)
def _break_offsets(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in re.finditer("\n", text))


def breaks_before(text: str, pos: int) -> int:
    """Return how many line breaks ``text`` has before ``pos``.

    The offsets are found once per text (a string's hash is cached), so thousands of findings
    in one long cue cost a binary search each, not a count over the text each.
    """
    return bisect_left(_break_offsets(text), pos)


Rule = Callable[[Scan, int, list[Finding]], None]

# What a visible-text rule says: rule id, severity, message, span of the visible text, suggestion.
Verdict = tuple[str, Severity, str, tuple[int, int] | None, str | None]


class Say(Protocol):
    """How a visible-text rule reports: rule id, severity, message, span of the visible text."""

    def __call__(
        self,
        rule: str,
        severity: Severity,
        message: str,
        *,
        span: tuple[int, int] | None = None,
        suggestion: str | None = None,
    ) -> None:
        """Report one finding about the visible text."""


TextRule = Callable[[Scan, CueView, Say], None]


class VisibleTextRule:
    """A rule that reports what its judge says about a cue's visible text (see
    :func:`by_visible_text`); :meth:`over` runs it on many cues in one call."""

    def __init__(self, judge: TextRule) -> None:
        self.judge = judge
        self.__name__ = judge.__name__
        self.__doc__ = judge.__doc__

    def __repr__(self) -> str:
        return f"<visible-text rule {self.__name__}>"

    def __call__(self, scan: Scan, i: int, out: list[Finding]) -> None:
        """Run the rule on cue ``i`` of ``scan``."""
        self.over(scan, (i,), out)

    def over(self, scan: Scan, indices: Iterable[int], out: list[Finding]) -> None:
        """Run the rule on the cues ``indices`` of ``scan`` (a full check's loop, without a
        call per cue)."""
        judge = self.judge
        # One table for plain cues and one for cues with markup: looked up by the text alone.
        judged = (
            scan.judged.setdefault((judge, False), {}),
            scan.judged.setdefault((judge, True), {}),
        )
        repeated = scan.repeated
        view_of = scan.view
        cues = scan.cues
        disabled = scan.disabled
        append = out.append
        for i in indices:
            view = view_of(i)
            verdicts: Sequence[Verdict]
            plain = view.plain
            if plain in repeated:
                table = judged[view.has_markup]
                found = table.get(plain)
                if found is None:
                    # Most texts give nothing: share one empty tuple rather than keep a list.
                    found = table[plain] = self.verdicts(scan, view) or ()
                verdicts = found
            else:
                verdicts = self.verdicts(scan, view)
            if not verdicts:
                continue
            # Scan.emit() for each verdict, with what is the same for the cue's findings (its
            # timing line) worked out once: auto-captions give tens of thousands of findings.
            cue = cues[i]
            timing = file_line(cue, None)
            for rule_id, severity, message, span, suggestion in verdicts:
                if rule_id in disabled:
                    continue
                line = timing
                if span is not None:
                    span = view.raw_span(*span)
                    if timing is not None:
                        line = timing + 1 + view.breaks_before(span[0])
                append(new_finding(rule_id, severity, message, i, cue.uid, span, suggestion, line))

    def verdicts(self, scan: Scan, view: CueView) -> list[Verdict]:
        """Return what the judge says about ``view``'s visible text."""
        said: list[Verdict] = []

        def say(
            rule: str,
            severity: Severity,
            message: str,
            *,
            span: tuple[int, int] | None = None,
            suggestion: str | None = None,
        ) -> None:
            said.append((rule, severity, message, span, suggestion))

        self.judge(scan, view, say)
        return said


def by_visible_text(judge: TextRule) -> VisibleTextRule:
    """Return the rule that reports what ``judge`` says about a cue's visible text.

    ``judge`` looks at nothing but the visible text (its lines, whether the cue has markup) and
    the pass's profile and language, and gives spans in the visible text; they are mapped to
    ``Cue.text`` per cue. So a visible text that comes back is judged once per full check:
    karaoke cues differ only in their word times, and short texts ("(Applåder)", "Ja.") come
    back often.
    """
    return VisibleTextRule(judge)


def metadata_language(metadata: Mapping[str, str] | None, profile: Profile) -> str:
    """Return the language for the text rules: the ``Language:`` header, else the profile's."""
    if metadata:
        for key, value in metadata.items():
            if key.lower() == "language" and value.strip():
                return value.strip().split("-")[0].lower()
    return profile.language


def rules_language(
    metadata: Mapping[str, str] | None, language: str | None, profile: Profile
) -> str:
    """Return the language for the text rules: ``language``, else the header's, else the
    profile's."""
    return metadata_language({"Language": language} if language else metadata, profile)
