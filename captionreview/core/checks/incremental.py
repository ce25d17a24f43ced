"""Keep a document's findings current while it is edited, re-checking only what an edit touched.

The checker subscribes to the document's events. A change to cues ``[a, b)`` re-runs the per-cue
rules on ``[a − LOOK_AHEAD, b + LOOK_BACK)`` (the cues whose findings can depend on the edited
ones) and updates the file-wide counters for the edited cues; nothing else is recomputed, so an
edit costs the same in a 30,000-cue file as in a 30-cue one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from typing import Protocol

from captionreview.core.checks.base import Scan
from captionreview.core.checks.registry import (
    LOOK_AHEAD,
    LOOK_BACK,
    CheckableDocument,
    CueKey,
    FileStats,
    cue_findings,
    cue_key,
    in_cue_order,
    range_findings,
)
from captionreview.core.events import DocEvent, EventKind, Listener, Unsubscribe
from captionreview.core.model import Cue, Finding
from captionreview.core.profiles import Profile
from captionreview.core.words.language import document_language


class CheckedDocument(CheckableDocument, Protocol):
    """The part of ``Document`` the checker uses: what the checks read, and its events."""

    def subscribe(self, callback: Listener) -> Unsubscribe:
        """Register an event callback; return the unsubscribe function."""


class FullCheck:
    """The per-cue findings of a snapshot of a document, computed once, in any thread.

    Make it on the thread that edits the document (it copies the cue list, whose cues are
    immutable, and the header data), :meth:`run` it anywhere (a worker thread keeps a window
    responsive on a long file), then give it to :class:`IncrementalChecker`, which adopts it
    and re-checks only the cues edited in the meantime.
    """

    def __init__(self, doc: CheckedDocument, profile: Profile) -> None:
        self.cues: list[Cue] = list(doc.cues)
        self.profile = profile
        self.header = dict(doc.header_metadata)
        # The header, a NOTE, the file name or the text say the language (not only the header).
        self.language = document_language(doc, profile.language)
        self.regions = frozenset(region.identifier for region in doc.regions)
        self.local: list[list[Finding]] | None = None
        self.keys: list[CueKey] = []

    def run(self, cancelled: Callable[[], bool] | None = None, *, step: int = 2000) -> bool:
        """Check every cue; return False, keeping nothing, once ``cancelled()`` says stop
        (asked every ``step`` cues)."""
        cues = self.cues
        scan = Scan(cues, self.profile, self.language, self.regions)
        views = scan.preload()
        local: list[list[Finding]] = [[] for _ in cues]
        for start in range(0, len(cues), step):
            if cancelled is not None and cancelled():
                return False
            for finding in range_findings(scan, start, min(start + step, len(cues))):
                assert finding.cue_index is not None  # per-cue rules name their cue
                local[finding.cue_index].append(finding)
        self.keys = list(map(cue_key, cues, views))
        self.local = local
        return True

    def fits(self, doc: CheckedDocument, profile: Profile) -> bool:
        """Return True when a checker of ``doc`` against ``profile`` can adopt this result:
        it has run, and the profile, header and number of cues are still the same."""
        return (
            self.local is not None
            and profile == self.profile
            and len(doc.cues) == len(self.cues)
            and doc.header_metadata == self.header
            and document_language(doc, profile.language) == self.language
            and {region.identifier for region in doc.regions} == self.regions
        )


class IncrementalChecker:
    """Findings of a document, kept current through its edit events.

    ``listen(callback)`` registers ``callback(start, stop)``, called after each re-check with
    the range of cue indices whose findings may have changed (``(0, len)`` after a full check).
    """

    def __init__(
        self, doc: CheckedDocument, profile: Profile, *, full: FullCheck | None = None
    ) -> None:
        """Follow ``doc``; its first full check is ``full`` when that still fits the document
        (see :meth:`FullCheck.fits`), else one made here and now."""
        self._doc = doc
        self._profile = profile
        self._local: list[list[Finding]] = []
        self._keys: list[CueKey] = []
        self._stats = FileStats()
        self._cache: list[Finding] | None = None
        self._listeners: list[Callable[[int, int], None]] = []
        self._regions: Collection[str] | None = None
        self._language = profile.language
        self._unsubscribe: Callable[[], None] | None = doc.subscribe(self._on_event)
        if full is not None and full.fits(doc, profile):
            self._adopt(full)
        else:
            self.recheck_all()

    def _adopt(self, full: FullCheck) -> None:
        """Take the findings of ``full``; re-check the cues edited since its snapshot."""
        assert full.local is not None
        self._language = full.language
        self._regions = set(full.regions)
        self._local = list(full.local)
        self._keys = list(full.keys)
        self._stats = FileStats()
        for key in self._keys:
            self._stats.add(key)
        cues = self._doc.cues
        for index, cue in enumerate(full.cues):
            if cues[index] is not cue:
                self._recheck(index, index + 1)
        self._changed(0, len(cues))

    @property
    def profile(self) -> Profile:
        """The profile the findings are checked against."""
        return self._profile

    def set_profile(self, profile: Profile) -> None:
        """Check everything again against ``profile``."""
        self._profile = profile
        self.recheck_all()

    def listen(self, callback: Callable[[int, int], None]) -> Callable[[], None]:
        """Call ``callback(start, stop)`` after every re-check; return a function to stop."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def close(self) -> None:
        """Stop following the document."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._listeners.clear()

    def findings(self) -> list[Finding]:
        """Return all current findings in cue order (cached until the next edit)."""
        if self._cache is None:
            result: list[Finding] = []
            for index, found in enumerate(self._local):
                for finding in found:
                    result.append(
                        finding if finding.cue_index == index else replace(finding, cue_index=index)
                    )
            wide = self._stats.findings(self._keys, self._doc.cues, self._profile, self._metadata())
            self._cache = in_cue_order(result, wide)
        return self._cache

    def cue_findings(self, index: int) -> list[Finding]:
        """Return the per-cue findings of cue ``index`` (file-wide rules not included)."""
        return [
            f if f.cue_index == index else replace(f, cue_index=index) for f in self._local[index]
        ]

    def recheck_all(self) -> None:
        """Check the whole document again (after a reset, or a profile change)."""
        full = FullCheck(self._doc, self._profile)
        full.run()
        self._adopt(full)

    def _metadata(self) -> Mapping[str, str]:
        return self._doc.header_metadata

    def _scan(self) -> Scan:
        return Scan(self._doc.cues, self._profile, self._language, self._regions)

    def _on_event(self, event: DocEvent) -> None:
        kind, start, stop = event.kind, event.start, event.stop
        if kind is EventKind.RESET:
            self.recheck_all()
        elif kind is EventKind.INSERTED:
            count = stop - start
            self._local[start:start] = [[] for _ in range(count)]
            self._keys[start:start] = [_EMPTY_KEY] * count
            self._stats.add(_EMPTY_KEY, count)
            self._recheck(start, stop, moved=True)
        elif kind is EventKind.REMOVED:
            for key in self._keys[start:stop]:
                self._stats.add(key, -1)
            del self._keys[start:stop]
            del self._local[start:stop]
            self._recheck(start, start, moved=True)
        elif kind is EventKind.CHANGED:
            self._recheck(start, stop)

    def _recheck(self, start: int, stop: int, *, moved: bool = False) -> None:
        """Re-check around ``[start, stop)``; tell the listeners only when a finding changed
        (typing inside a word often changes none, and the issues panel then has nothing to
        redraw). ``moved``: cues were inserted or removed, so indices changed anyway."""
        cues = self._doc.cues
        if len(cues) != len(self._local):
            # The document and our mirror disagree (an event we did not see): start over.
            self.recheck_all()
            return
        scan = self._scan()
        first = max(0, start - LOOK_AHEAD)
        last = min(len(cues), stop + LOOK_BACK)
        changed = moved
        for index, found in cue_findings(scan, range(first, last)).items():
            changed = changed or not _same(self._local[index], found)
            self._local[index] = found
        for index in range(start, stop):
            key = cue_key(cues[index], scan.view(index))
            if key != self._keys[index]:
                self._stats.add(self._keys[index], -1)
                self._keys[index] = key
                self._stats.add(key)
                changed = True
        if changed:
            self._changed(first, last)

    def _changed(self, start: int, stop: int) -> None:
        self._cache = None
        for callback in list(self._listeners):
            callback(start, stop)


def _same(old: list[Finding], new: list[Finding]) -> bool:
    """Return True when two lists of one cue's findings say the same (a stale cue index from
    before an insertion or removal does not count as a difference)."""
    return len(old) == len(new) and all(
        a.rule == b.rule
        and a.message == b.message
        and a.span == b.span
        and a.suggestion == b.suggestion
        and a.severity is b.severity
        and a.cue_uid == b.cue_uid
        and a.line == b.line
        for a, b in zip(old, new, strict=True)
    )


_EMPTY_KEY = CueKey("", "center", False, False, False)
