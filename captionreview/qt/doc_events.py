"""The document's events as typed Qt signals: the one bridge from core callbacks to Qt.

Every Qt object that follows a document owns a :class:`DocumentEvents`, connects the signals
it cares about, and points it at a document with :meth:`DocumentEvents.set_document`. That is
the only way Qt code subscribes to a document, and the only way it unsubscribes: pointing the
adapter at another document (or None), or destroying it with its parent. (napari's
``_base_item_model`` adapts its evented list the same way.)
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, Signal

from captionreview.core.document import Document
from captionreview.core.events import DocEvent, EventKind, Unsubscribe


class DocumentEvents(QObject):
    """Re-emits one document's events, synchronously, as one signal per :class:`EventKind`.

    ``inserting``/``inserted``/``removing``/``removed``/``changed`` carry ``(start, stop)``,
    the cue indices concerned; ``resetting``/``reset``/``modified``/``history`` carry nothing.
    ``any_event`` follows every event, for views that redraw whatever happened.
    """

    inserting = Signal(int, int)
    inserted = Signal(int, int)
    removing = Signal(int, int)
    removed = Signal(int, int)
    changed = Signal(int, int)
    resetting = Signal()
    reset = Signal()
    modified = Signal()
    history = Signal()
    any_event = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: Document | None = None
        # A list the destroyed-handler can empty without touching the dying QObject: the
        # document may outlive the adapter and must not call into a deleted object.
        self._subscription: list[Unsubscribe] = []
        self.destroyed.connect(functools.partial(_end, self._subscription))

    @property
    def document(self) -> Document | None:
        """The document followed, or None."""
        return self._doc

    def set_document(self, doc: Document | None) -> None:
        """Follow ``doc`` from now on (None: no document); stops following the previous one."""
        _end(self._subscription)
        self._doc = doc
        if doc is not None:
            self._subscription.append(doc.subscribe(self._relay))

    def _relay(self, event: DocEvent) -> None:
        kind = event.kind
        if kind is EventKind.INSERTING:
            self.inserting.emit(event.start, event.stop)
        elif kind is EventKind.INSERTED:
            self.inserted.emit(event.start, event.stop)
        elif kind is EventKind.REMOVING:
            self.removing.emit(event.start, event.stop)
        elif kind is EventKind.REMOVED:
            self.removed.emit(event.start, event.stop)
        elif kind is EventKind.CHANGED:
            self.changed.emit(event.start, event.stop)
        elif kind is EventKind.RESETTING:
            self.resetting.emit()
        elif kind is EventKind.RESET:
            self.reset.emit()
        elif kind is EventKind.MODIFIED:
            self.modified.emit()
        elif kind is EventKind.HISTORY:
            self.history.emit()
        self.any_event.emit()


def _end(subscription: list[Unsubscribe]) -> None:
    while subscription:
        subscription.pop()()
