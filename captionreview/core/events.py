"""What a document tells its observers: one :class:`DocEvent` per change, of an
:class:`EventKind`.

The core calls plain callbacks (``Document.subscribe``); the Qt side re-emits the same events
as typed signals through ``captionreview.qt.doc_events.DocumentEvents``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class EventKind(Enum):
    """The kinds of document event.

    A plain ``Enum``, not strings: a misspelt kind, or a comparison with a string, is an
    error mypy reports (``strict_equality``) instead of a branch that silently never runs.
    """

    INSERTING = "inserting"
    INSERTED = "inserted"
    REMOVING = "removing"
    REMOVED = "removed"
    CHANGED = "changed"
    RESETTING = "resetting"
    RESET = "reset"
    MODIFIED = "modified"
    HISTORY = "history"


@dataclass(frozen=True, slots=True)
class DocEvent:
    """Something changed in a document.

    ``[start, stop)`` are the cue indices concerned (for INSERTING/REMOVING the indices the
    cues will have or had; both 0 for RESETTING, RESET, MODIFIED and HISTORY). HISTORY comes
    after every step that changes what Undo and Redo would do, once the step is complete, so
    a listener reading ``can_undo``/``undo_description`` sees it all.
    """

    kind: EventKind
    start: int = 0
    stop: int = 0


Listener = Callable[[DocEvent], None]
"""A callback given to ``Document.subscribe``."""

Unsubscribe = Callable[[], None]
"""What ``Document.subscribe`` returns: call it once to stop hearing events."""
