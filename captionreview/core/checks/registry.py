"""The rule catalogue and the full check: every per-cue rule plus the file-wide ones.

Per-cue rules look at most two cues back and one cue ahead (``LOOK_BACK``/``LOOK_AHEAD``), so
an edit to cue *j* can change only the findings of cues *j − 1* … *j + 2*; the incremental
checker relies on that. File-wide rules (duplicate identifiers, mixed alignment, YouTube
settings on every cue, a file without punctuation) work from small per-cue keys kept in
counters, so they too are updated in O(1) per edited cue.
"""

from __future__ import annotations

import itertools
from bisect import insort_right
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import lru_cache, partial
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple, Protocol

from captionreview.core.checks import asr, layout, text, timing, vtt
from captionreview.core.checks.base import (
    CueView,
    Rule,
    Scan,
    VisibleTextRule,
    cue_finding,
    rules_language,
)
from captionreview.core.collector import paused_collector
from captionreview.core.i18n import _
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.profiles import Profile
from captionreview.core.words.language import document_language

if TYPE_CHECKING:
    from captionreview.core.audio import AudioAnalysis

LOOK_BACK = 2
LOOK_AHEAD = 1

CUE_RULES: tuple[Rule, ...] = (*vtt.RULES, *timing.RULES, *layout.RULES, *text.RULES, *asr.RULES)

# Rules that can only say something about a cue with an identifier, with settings, with
# markup or references, or with a bracket: a full check leaves them out for the other cues
# (most cues of a lecture have none of these), which saves a quarter of the rule calls.
_NEEDS: dict[Rule, int] = {
    vtt.check_identifier: 0,
    vtt.check_settings: 1,
    vtt.check_markup: 2,
    asr.check_karaoke: 2,
    asr.check_sound_tags: 3,
}
_RULES_FOR: dict[tuple[bool, ...], tuple[Rule, ...]] = {
    has: tuple(rule for rule in CUE_RULES if rule not in _NEEDS or has[_NEEDS[rule]])
    for has in itertools.product((False, True), repeat=4)
}


_YOUTUBE_SETTINGS = "align:start position:0%"
_LEGAL_HEADER = frozenset(("kind", "language"))
FLAT_SHARE = 0.8
FLAT_MIN_CUES = 5


class CueKey(NamedTuple):
    """What the file-wide rules need to remember about one cue."""

    identifier: str
    alignment: str
    youtube_settings: bool
    has_letters: bool
    flat: bool


def cue_key(cue: Cue, view: CueView) -> CueKey:
    """Return the file-wide-rule key of a cue whose view is ``view``."""
    first = view.first_letter
    letters = first is not None
    # Raw speech recognition: no punctuation and no capital at the start (English "I" aside).
    flat = first is not None and first.group(0).islower() and not _has_punctuation(view.plain)
    alignment, youtube = _settings_keys(cue.settings)
    return _new_key((cue.identifier, alignment, youtube, letters, flat))


# CueKey(...) runs a Python __new__; the tuple's own, in C, makes the same key (one a cue).
_new_key = partial(tuple.__new__, CueKey)


def _has_punctuation(plain: str) -> bool:
    """Return True when ``plain`` has any of ``.?!,;:`` (substring tests: five times faster
    than a character class searched a character at a time)."""
    return (
        "." in plain or "," in plain or "?" in plain or "!" in plain or ";" in plain or ":" in plain
    )


@lru_cache(maxsize=256)
def _settings_keys(settings: str) -> tuple[str, bool]:
    """Return the alignment a settings string gives and whether it is YouTube's (files repeat
    one settings string on every cue)."""
    return layout.alignment_of(settings), settings.strip() == _YOUTUBE_SETTINGS


class FileStats:
    """Counters over the cue keys, updated as cues are added and removed."""

    def __init__(self) -> None:
        self.ids: Counter[str] = Counter()
        self.alignments: Counter[str] = Counter()
        self.youtube = 0
        self.lettered = 0
        self.flat = 0

    @classmethod
    def of(cls, keys: Sequence[CueKey]) -> FileStats:
        """Return the counters of ``keys``, as adding each would make them (column by column,
        in C: a full check of 30,000 cues adds 30,000 keys)."""
        stats = cls()
        if keys:
            identifiers, alignments, youtube, letters, flat = zip(*keys, strict=True)
            stats.ids.update(filter(None, identifiers))
            stats.alignments.update(alignments)
            stats.youtube = sum(youtube)
            stats.lettered = sum(letters)
            stats.flat = sum(flat)
        return stats

    def add(self, key: CueKey, sign: int = 1) -> None:
        """Count ``key`` in (``sign`` 1) or out (``sign`` -1)."""
        if key.identifier:
            self.ids[key.identifier] += sign
        self.alignments[key.alignment] += sign
        self.youtube += sign * key.youtube_settings
        self.lettered += sign * key.has_letters
        self.flat += sign * key.flat

    def findings(
        self,
        keys: Sequence[CueKey],
        cues: Sequence[Cue],
        profile: Profile,
        metadata: Mapping[str, str] | None,
    ) -> list[Finding]:
        """Return the findings of the file-wide rules."""
        add = _Collector(cues, profile.disabled_rules)
        self._header(add, metadata)
        if not keys:
            return add.out
        dup = {ident for ident, n in self.ids.items() if n > 1}
        if dup:
            seen: set[str] = set()
            for index, key in enumerate(keys):
                if key.identifier in dup:
                    if key.identifier in seen:
                        add(
                            "VTT-ID-01",
                            Severity.ERROR,
                            index,
                            _(
                                "The identifier {identifier!r} is used by an earlier cue too; "
                                "identifiers must be unique."
                            ).format(identifier=key.identifier),
                        )
                    seen.add(key.identifier)
        self._alignment(add, keys, profile)
        if self.youtube and self.youtube * 2 >= len(keys):
            first = next(n for n, key in enumerate(keys) if key.youtube_settings)
            add(
                "ASR-04",
                Severity.WARN,
                first,
                _(
                    "{youtube} cues carry YouTube's '{YOUTUBE_SETTINGS}'; remove "
                    "these settings before publishing."
                ).format(youtube=self.youtube, YOUTUBE_SETTINGS=_YOUTUBE_SETTINGS),
                suggestion="",
            )
        if self.lettered >= FLAT_MIN_CUES and self.flat >= FLAT_SHARE * self.lettered:
            first = next(n for n, key in enumerate(keys) if key.flat)
            add(
                "ASR-08",
                Severity.WARN,
                first,
                _(
                    "{flat} of {lettered} cues start in lower case and have no "
                    "punctuation: raw speech recognition. Punctuate and capitalise "
                    "the text."
                ).format(flat=self.flat, lettered=self.lettered),
            )
        return add.out

    @staticmethod
    def _header(add: _Collector, metadata: Mapping[str, str] | None) -> None:
        if not metadata:
            return
        # "Kind:" and "Language:" are legal header text (and the language is read from it):
        # ASR-04 is about YouTube's cue settings only.
        for name, value in metadata.items():
            if name.lower() in _LEGAL_HEADER:
                continue
            if name.upper().startswith("X-TIMESTAMP-MAP"):
                add(
                    "VTT-HDR-02",
                    Severity.INFO,
                    None,
                    _(
                        "X-TIMESTAMP-MAP in the header: fine in HLS segments, not needed in a "
                        "standalone file."
                    ),
                )
            else:
                add(
                    "VTT-HDR-02",
                    Severity.WARN,
                    None,
                    _(
                        "Header line '{name}: {value}' is not part of WebVTT; players "
                        "skip it. Remove it or move it into a NOTE."
                    ).format(name=name, value=value),
                )

    def _alignment(self, add: _Collector, keys: Sequence[CueKey], profile: Profile) -> None:
        used = [(n, a) for a, n in self.alignments.items() if n > 0]
        if not used:
            return
        majority = max(used)[1]
        house = layout.alignment_of(f"align:{profile.alignment}")
        if majority != house:
            add(
                "LAY-08",
                Severity.INFO,
                0,
                _("The captions are aligned '{majority}', the house style is '{house}'.").format(
                    majority=majority, house=house
                ),
            )
        if len(used) > 1:
            for index, key in enumerate(keys):
                if key.alignment != majority:
                    add(
                        "LAY-08",
                        Severity.INFO,
                        index,
                        _("This cue is aligned '{alignment}' while most are '{majority}'.").format(
                            alignment=key.alignment, majority=majority
                        ),
                    )


class _Collector:
    """Collects file-wide findings, skipping rules the profile turns off."""

    def __init__(self, cues: Sequence[Cue], disabled: frozenset[str]) -> None:
        self.cues = cues
        self.disabled = disabled
        self.out: list[Finding] = []

    def __call__(
        self,
        rule: str,
        severity: Severity,
        index: int | None,
        message: str,
        suggestion: str | None = None,
    ) -> None:
        """Record a finding about cue ``index`` (``None``: about the file)."""
        if rule in self.disabled:
            return
        cue = self.cues[index] if index is not None else None
        self.out.append(cue_finding(rule, severity, message, index, cue, suggestion=suggestion))


def cue_findings(scan: Scan, indices: Iterable[int]) -> dict[int, list[Finding]]:
    """Run every per-cue rule on the cues ``indices`` of ``scan``."""
    result: dict[int, list[Finding]] = {}
    cues = scan.cues
    for index in indices:
        out: list[Finding] = []
        for rule in _rules_for(cues[index]):
            rule(scan, index, out)
        result[index] = out
    return result


def _rules_for(cue: Cue) -> tuple[Rule, ...]:
    """Return the per-cue rules that can say something about ``cue`` (see ``_NEEDS``)."""
    text = cue.text
    return _RULES_FOR[
        bool(cue.identifier), bool(cue.settings), "<" in text or "&" in text, "[" in text
    ]


def in_cue_order(local: list[Finding], wide: list[Finding]) -> list[Finding]:
    """Merge per-cue findings (already in cue order) with file-wide ones: file first, then
    by cue, each after the per-cue findings of its cue (as a stable sort of the two)."""
    about_file = [f for f in wide if f.cue_index is None]
    about_cues = [f for f in wide if f.cue_index is not None]
    merged = list(local)
    if len(about_cues) <= _FEW:
        # The usual few (ASR-04, ASR-08, LAY-08) go in by bisection: sorting 200,000
        # findings again for them asked each for its cue.
        for finding in about_cues:
            insort_right(merged, finding, key=_cue_index)
    else:
        merged += about_cues
        merged.sort(key=_cue_index)
    return about_file + merged


_FEW = 64


_cue_index = attrgetter("cue_index")


def check_cues(
    cues: Sequence[Cue],
    profile: Profile,
    *,
    metadata: Mapping[str, str] | None = None,
    regions: Collection[str] | None = None,
    language: str | None = None,
    audio: AudioAnalysis | None = None,
) -> list[Finding]:
    """Check ``cues`` against ``profile`` and return the findings, in cue order.

    ``metadata`` is the file's header lines (``Document.header_metadata``): YouTube or other
    header lines are reported. The language rules follow ``language`` (``Document.language``,
    which may come from a ``NOTE Language:`` block), else the header's ``Language``, else
    the profile's. ``regions`` are the REGION ids the file defines (``None``: unknown,
    references are then not checked). Never raises for bad cue content; that is what it
    reports. With ``audio`` (the video's analysis) the audio checks run too
    (:func:`captionreview.core.checks.audio.check_audio`).
    """
    with paused_collector():
        findings = _check_all(cues, profile, metadata, regions, language)
    if audio is None:
        return findings
    from captionreview.core.checks.audio import check_audio

    heard = check_audio(cues, audio, profile)
    about_file = [f for f in findings if f.cue_index is None]
    return in_cue_order(findings[len(about_file) :], about_file + heard)


def _check_all(
    cues: Sequence[Cue],
    profile: Profile,
    metadata: Mapping[str, str] | None,
    regions: Collection[str] | None,
    language: str | None,
) -> list[Finding]:
    findings, keys = cue_part(cues, profile, metadata, regions, language, 0, len(cues))
    return in_cue_order(findings, file_findings(keys, cues, profile, metadata))


def cue_part(
    cues: Sequence[Cue],
    profile: Profile,
    metadata: Mapping[str, str] | None,
    regions: Collection[str] | None,
    language: str | None,
    start: int,
    stop: int,
) -> tuple[list[Finding], list[CueKey]]:
    """Return the per-cue findings of the cues ``[start, stop)`` (as :func:`range_findings`
    gives them) and their file-wide-rule keys (:func:`cue_key`).

    The findings of a whole file are :func:`in_cue_order` of the parts' findings, one part
    after another, and the :func:`file_findings` of their keys, one part's after another's:
    parts can be checked apart (``captionreview check`` checks the halves of a long file in
    two processes).
    """
    # Plain list indexing is several times faster than a custom Sequence's __getitem__.
    cues = cues if isinstance(cues, list | tuple) else list(cues)
    scan = Scan(cues, profile, rules_language(metadata, language, profile), regions)
    views = scan.preload(start, stop)
    findings = range_findings(scan, start, stop)
    return findings, list(map(cue_key, cues[start:stop], views[start:stop]))


def file_findings(
    keys: Sequence[CueKey],
    cues: Sequence[Cue],
    profile: Profile,
    metadata: Mapping[str, str] | None,
) -> list[Finding]:
    """Return the findings of the file-wide rules, from the keys of all the cues."""
    return FileStats.of(keys).findings(keys, cues, profile, metadata)


def range_findings(scan: Scan, start: int, stop: int) -> list[Finding]:
    """Run every per-cue rule on the cues ``[start, stop)`` of ``scan``; return the findings
    in cue order (in each cue, rule by rule, as :func:`cue_findings` gives them).

    The rules run one after the other over the whole range rather than cue by cue: the
    interpreter then keeps one rule's code hot at a time, which makes a full check about a
    quarter faster. A rule that can say nothing about a cue (see ``_NEEDS``) skips it.
    """
    cues = scan.cues
    having: list[list[int]] = [[], [], [], []]
    for index in range(start, stop):
        cue = cues[index]
        text = cue.text
        if cue.identifier:
            having[0].append(index)
        if cue.settings:
            having[1].append(index)
        if "<" in text or "&" in text:
            having[2].append(index)
        if "[" in text:
            having[3].append(index)
    everything = range(start, stop)
    out: list[Finding] = []
    for rule in CUE_RULES:
        need = _NEEDS.get(rule)
        indices = everything if need is None else having[need]
        if isinstance(rule, VisibleTextRule):
            rule.over(scan, indices, out)
        else:
            for index in indices:
                rule(scan, index, out)
    # Stable: each cue's findings keep the order of the rules.
    out.sort(key=_cue_index)
    return out


class CheckableDocument(Protocol):
    """The part of ``Document`` the checks read."""

    @property
    def cues(self) -> Sequence[Cue]:
        """The cues."""

    @property
    def header_metadata(self) -> dict[str, str]:
        """The header's metadata lines."""

    @property
    def language(self) -> str | None:
        """The track's language."""

    @property
    def metadata(self) -> dict[str, str]:
        """Header metadata plus a language from a NOTE block."""

    @property
    def regions(self) -> Sequence[_HasIdentifier]:
        """The REGION definitions."""


class _HasIdentifier(Protocol):
    @property
    def identifier(self) -> str:
        """The region id."""


def check_document(
    doc: CheckableDocument, profile: Profile, audio: AudioAnalysis | None = None
) -> list[Finding]:
    """Check a loaded document (its cues, header metadata and regions) against ``profile``,
    and against the video's audio analysis when ``audio`` is given.

    The language rules follow :func:`captionreview.core.words.language.document_language`: the
    header, a NOTE, the file name or the text, and only then the profile's language.
    """
    return check_cues(
        doc.cues,
        profile,
        metadata=doc.header_metadata,
        regions={region.identifier for region in doc.regions},
        language=document_language(doc, profile.language),
        audio=audio,
    )
