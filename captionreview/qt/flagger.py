"""The word flags of one document: the whole-file check in a worker thread, the quick
re-check of edited cues, and the flags kept in step as cues are inserted and removed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from captionreview.core.document import Document
from captionreview.core.model import Cue, Finding
from captionreview.core.words.flags import RULE_NO_SPELLER, FlagChecker
from captionreview.qt.background import BackgroundWork, Progress

# Edits touching more cues than this are re-checked in the background, not at once.
SYNC_LIMIT = 40
# The whole-file check starts this long after a file opens: the window paints it first. That
# paint calls into Python thousands of times and would wait for the interpreter lock each time.
START_DELAY_MS = 300
CheckResult = dict[int, list[Finding]]


def _check_all(cues: Sequence[Cue], checker: FlagChecker, progress: Progress) -> CheckResult:
    """Check every cue of a snapshot (in the worker); report every 200 cues."""
    findings: dict[int, list[Finding]] = {}
    total = len(cues)
    # One run over the file: each distinct cue text (karaoke and rolling captions repeat
    # theirs) is checked once, and what is found about a word is reused.
    by_cue = checker.by_cue(cues)
    for index in range(total):
        if progress.step(index):
            break
        found = next(by_cue)
        if found:
            findings[index] = found
        if index % 200 == 199:
            progress.report(index + 1, total)
    return findings


class Flagger(QObject):
    """Keeps the flags of a document; calls ``changed`` when they change."""

    checked = Signal(int)  # a whole-file check finished: number of findings

    def __init__(self, work: BackgroundWork, changed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._checks = work
        self._changed = changed
        self._doc: Document | None = None
        self._checker: FlagChecker | None = None
        self._findings: dict[int, list[Finding]] = {}
        self._ignored: set[tuple[str, str]] = set()
        self._running = False
        self._dirty: set[int] = set()

    def set_document(self, doc: Document | None) -> None:
        """Forget the flags and the ignored words; the next check is of ``doc``."""
        self._doc = doc
        self._ignored.clear()
        self._findings = {}

    def set_checker(self, checker: FlagChecker | None) -> None:
        """Check with ``checker`` from now on, starting with the whole file."""
        self._checker = checker
        self.recheck_all()

    def recheck_all(self) -> None:
        """Check the whole file again in the background (the flags stay until it finishes)."""
        self._checks.cancel()
        self._dirty.clear()
        doc, checker = self._doc, self._checker
        if doc is None or checker is None:
            self._running = False
            self._findings = {}
            self._changed()
            return
        self._running = True
        cues = list(doc.cues)
        self._checks.start(
            lambda progress: _check_all(cues, checker, progress),
            self._on_done,
            delay_ms=START_DELAY_MS,
        )

    def is_checking(self) -> bool:
        """Return True while a whole-file check runs."""
        return self._running

    def _on_done(self, findings: CheckResult) -> None:
        self._running = False
        self._findings = self._visible_all(findings)
        # Cues edited while the worker ran were checked in their old state.
        dirty, self._dirty = self._dirty, set()
        self._recheck(sorted(dirty))
        self._changed()
        self.checked.emit(sum(len(f) for f in self._findings.values()))

    def ignore(self, rule: str, found: str) -> None:
        """Stop flagging ``found`` under ``rule`` for the rest of the session."""
        self._ignored.add((rule, found.lower()))
        self._findings = self._visible_all(self._findings)
        self._changed()

    def _visible_all(self, findings: dict[int, list[Finding]]) -> dict[int, list[Finding]]:
        if not self._ignored:
            # The common case, and the quick one for a long file: check_cue() never gives the
            # file-wide note about a missing dictionary, so there is nothing to leave out.
            return {i: found for i, found in findings.items() if found}
        return {i: kept for i, found in findings.items() if (kept := self._visible(found))}

    def _visible(self, findings: list[Finding]) -> list[Finding]:
        return [
            f
            for f in findings
            if f.rule != RULE_NO_SPELLER
            and (f.rule, self._found_text(f).lower()) not in self._ignored
        ]

    def _found_text(self, finding: Finding) -> str:
        if self._doc is None or finding.cue_index is None or finding.span is None:
            return ""
        if finding.cue_index >= len(self._doc):
            return ""
        return self._doc.cues[finding.cue_index].text[finding.span[0] : finding.span[1]]

    def _recheck(self, indices: Sequence[int]) -> bool:
        """Check the cues at ``indices`` again; return True when a cue's flags changed (the
        caller then calls ``changed``)."""
        doc, checker = self._doc, self._checker
        if doc is None or checker is None:
            return False
        cues = doc.cues
        changed = False
        for index in indices:
            if not 0 <= index < len(cues):
                continue
            found = self._visible(checker.check_cue(cues, index))
            changed = changed or found != self._findings.get(index, [])
            if found:
                self._findings[index] = found
            else:
                self._findings.pop(index, None)
        return changed

    def flagged_cues(self) -> set[int]:
        """Return the indices of cues with at least one flag."""
        return set(self._findings)

    def findings(self) -> list[Finding]:
        """Return every current flag, in cue and text order."""
        return [f for index in sorted(self._findings) for f in self._findings[index]]

    def findings_for(self, index: int) -> list[Finding]:
        """Return the flags of one cue."""
        return list(self._findings.get(index, ()))

    def cues_changed(self, start: int, stop: int) -> None:
        """Re-check the edited cues ``start..stop`` (and the next: flags span cue ends)."""
        if self._running:
            self._dirty.update(range(start, stop + 1))
        if stop - start <= SYNC_LIMIT:
            # Typing inside a word mostly leaves the flags as they were: then the
            # underlines and the issues panel have nothing to redraw.
            if self._recheck(range(start, stop + 1)):
                self._changed()
        else:
            self.recheck_all()

    def cues_inserted(self, start: int, stop: int) -> None:
        """Move the flags after ``start`` along and check the new cues."""
        self._shift(start, stop - start)
        self._after_structure(start, stop)

    def cues_removed(self, start: int, stop: int) -> None:
        """Drop the flags of the removed cues and move the later ones back."""
        for index in range(start, stop):
            self._findings.pop(index, None)
        self._shift(stop, start - stop)
        self._after_structure(start, start)

    def cues_reset(self) -> None:
        """Check the whole file again: the cues were replaced."""
        self._after_structure(0, 0, whole=True)

    def _after_structure(self, start: int, stop: int, *, whole: bool = False) -> None:
        if whole or self._running or stop - start > SYNC_LIMIT:
            self.recheck_all()
        else:
            self._recheck(range(max(start - 1, 0), stop + 1))
            self._changed()  # the flags moved with the cues

    def _shift(self, first: int, delta: int) -> None:
        moved: dict[int, list[Finding]] = {}
        for index, found in self._findings.items():
            if index >= first:
                moved[index + delta] = [
                    dataclasses.replace(f, cue_index=index + delta) for f in found
                ]
            else:
                moved[index] = found
        self._findings = moved
