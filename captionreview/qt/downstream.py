"""The downstream view in the window: PUB-01, the document as webvtt-py reads it.

webvtt-py's reading of the text that saving writes is worked out in a pool thread (about a
tenth of a second for 30,000 cues) when a file is opened, after every save (the saved file is what
publishing scripts read) and on demand from Check ▸ Check as webvtt-py reads it. The Issues
panel shows the findings with the others; they name their cues by uid, so they stay on the
right cue while cues are inserted or deleted, and a finding whose cue is gone is dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from captionreview.core.checks.downstream import downstream_findings
from captionreview.core.document import Document
from captionreview.core.model import Finding
from captionreview.qt.background import BackgroundWork, Progress
from captionreview.qt.doc_events import DocumentEvents


class DownstreamView(QObject):
    """Keeps the PUB-01 findings of one document; ``findings_changed`` fires when they change."""

    findings_changed = Signal()

    def __init__(self, disabled_rules: Callable[[], frozenset[str]], parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("downstreamView")
        self._disabled_rules = disabled_rules
        self._doc: Document | None = None
        self._found: list[Finding] = []
        self._work = BackgroundWork(self)
        self._events = DocumentEvents(self)
        self._events.modified.connect(self._on_modified)

    def set_document(self, doc: Document | None) -> None:
        """Follow ``doc`` (None: none) and compare it at once."""
        self._doc = doc
        self._events.set_document(doc)
        self._found = []
        self.findings_changed.emit()
        self.run()

    def run(self) -> None:
        """Compare the document as it is now (in the pool thread); the result replaces the
        findings when it comes, unless another comparison was asked for meanwhile."""
        doc = self._doc
        if doc is None:
            self._work.cancel()
            return
        text, cues, disabled = doc.text(), list(doc.cues), self._disabled_rules()

        def compare(progress: Progress) -> list[Finding]:
            # The snapshot's cues are immutable values, safe to read in the worker thread.
            return downstream_findings(text, cues, disabled)

        self._work.start(compare, self._on_done)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for a running comparison (for tests and scripts); False when it did not end."""
        return self._work.wait(msecs)

    def findings(self) -> list[Finding]:
        """The findings of the last comparison, with the cues' current indices."""
        doc = self._doc
        if doc is None or not self._found:
            return []
        where = {cue.uid: index for index, cue in enumerate(doc.cues)}
        current = []
        for finding in self._found:
            if finding.cue_uid is None:
                current.append(finding)
            elif finding.cue_uid in where:
                current.append(dataclasses.replace(finding, cue_index=where[finding.cue_uid]))
        return current

    def _on_modified(self) -> None:
        doc = self._doc
        if doc is not None and not doc.modified:
            self.run()  # just saved: the file on disk is what publishing scripts will read

    def _on_done(self, found: list[Finding]) -> None:
        if found or self._found:
            self._found = found
            self.findings_changed.emit()
