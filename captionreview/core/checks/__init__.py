"""Quality checks (QUALITY_RULES.md §1, §3–§6) over any sequence of cues, full or incremental.

``check_cues(cues, profile)`` checks everything once; ``IncrementalChecker(doc, profile)``
follows a document's edit events and re-checks only the touched cues and their neighbours;
``FullCheck`` makes its first full check in a worker thread.
"""

from __future__ import annotations

from captionreview.core.checks.catalogue import ALL_RULE_TITLES, RULE_TITLES, rule_title
from captionreview.core.checks.incremental import FullCheck, IncrementalChecker
from captionreview.core.checks.registry import check_cues, check_document

__all__ = [
    "ALL_RULE_TITLES",
    "RULE_TITLES",
    "FullCheck",
    "IncrementalChecker",
    "check_cues",
    "check_document",
    "rule_title",
]
