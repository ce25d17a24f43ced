"""Never losing work: autosave to the recovery journal, restore after a crash, and notice
when another program changes the open caption file.

The journal (``captionreview.core.journal``) is written every few seconds while the document
has changes nobody saved; a clean save or close discards it. What is left on the next start
was left by a crash or a kill, and the window offers to restore it.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QFileSystemWatcher,
    QLockFile,
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QMessageBox

from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.journal import Journal, JournalEntry, changed_cues
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.host import Host
from captionreview.qt.plaintext import plain_box

AUTOSAVE_IDLE_MS = 1500
AUTOSAVE_MAX_MS = 5000
# Editors and sync tools write a file in several steps; look once it has settled.
SETTLE_MS = 250


def file_digest(path: Path) -> bytes | None:
    """Return a digest of the file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return None


class Autosaver(QObject):
    """Writes the document to the journal a moment after edits, at most a few seconds late.

    Writing a big file's text takes tens of milliseconds, so it waits for a pause in typing
    (``idle_ms``) but never leaves changes unprotected longer than ``max_ms``.
    Signals: ``written(Document)`` after each journal write, ``failed(str)`` with a plain
    message when the journal cannot be written.
    """

    written = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        journal: Journal,
        parent: QObject | None = None,
        idle_ms: int = AUTOSAVE_IDLE_MS,
        max_ms: int = AUTOSAVE_MAX_MS,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self._doc: Document | None = None
        self._events = DocumentEvents(self)
        for signal in (self._events.changed, self._events.inserted, self._events.removed):
            signal.connect(self._mark_dirty)
        self._events.reset.connect(self._mark_dirty)
        self._events.modified.connect(self._mark_dirty)
        self._dirty = False
        self._idle_timer = self._single_shot(idle_ms)
        self._max_timer = self._single_shot(max_ms)
        self._lock: QLockFile | None = None
        self.last_error: str | None = None

    def _single_shot(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.write_now)
        return timer

    def track(self, doc: Document | None) -> None:
        """Follow ``doc`` from now on (None stops autosaving)."""
        self._events.set_document(doc)
        self._doc = doc
        self._dirty = False
        self._idle_timer.stop()
        self._max_timer.stop()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        if doc is not None:
            self._lock = _claim(self.journal, doc.session_id)
            if doc.modified:
                self._mark_dirty()

    def _mark_dirty(self, *_span: int) -> None:
        self._dirty = True
        self._idle_timer.start()
        if not self._max_timer.isActive():
            self._max_timer.start()

    def write_now(self) -> None:
        """Write the document to the journal if it changed since the last write."""
        self._idle_timer.stop()
        self._max_timer.stop()
        doc = self._doc
        if doc is None or not self._dirty:
            return
        self._dirty = False
        if not doc.modified:
            # Undone back to the saved state: nothing to recover.
            self.discard()
            return
        try:
            self.journal.write(doc)
        except CaptionFileError as exc:
            # The journal is a safety net; failing to write it must not interrupt the editor,
            # but the status bar says so.
            self.last_error = self.tr("Unsaved changes are not protected: {exc}").format(exc=exc)
            self._mark_dirty()
            self.failed.emit(self.last_error)
            return
        self.last_error = None
        self.written.emit(doc)

    def discard(self) -> None:
        """Forget the journal entry of the tracked document (after a save or a clean close)."""
        if self._doc is not None:
            with contextlib.suppress(OSError):
                self.journal.discard(self._doc)


def _claim(journal: Journal, key: str) -> QLockFile | None:
    """Lock the journal entry ``key`` for this process (None if another live process has it).

    A second window or instance must not offer to "restore" work that is still open
    elsewhere; the lock of a crashed or killed process is stale and is taken over.
    """
    with contextlib.suppress(OSError):
        journal.folder.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(journal.folder / f"{key}.lock"))
    return lock if lock.tryLock(0) else None


def left_over(journal: Journal) -> list[JournalEntry]:
    """Journal entries nobody has open: work left by a crash or a kill, newest first."""
    entries = []
    for entry in journal.pending():
        lock = _claim(journal, entry.key)
        if lock is not None:
            lock.unlock()
            entries.append(entry)
    return sorted(entries, key=lambda e: e.saved_at, reverse=True)


def offer_restore(window: Host, journal: Journal) -> Document | None:
    """Ask whether to restore work left by a crash; return the restored document or None.

    Work on the file that is open in the window (e.g. given on the command line) is offered
    first, as its restore; work on another file is offered as opening it *instead of* the open
    one, which then only happens when the user says so. Entries the user discards are deleted;
    "Not now" keeps them for the next start.
    """
    current = window.document
    open_path = current.path if current is not None else None
    entries = left_over(journal)
    # The entry of the file the user just opened first: it is the one they came for.
    entries.sort(key=lambda e: e.path is None or open_path is None or e.path != open_path)
    for entry in entries:
        replacing = None
        if current is not None and (open_path is None or entry.path != open_path):
            replacing = (
                open_path.name
                if open_path is not None
                else QCoreApplication.translate("recovery", "the open captions")
            )
        # Read first, so that the question can show what restoring would bring back.
        try:
            doc = journal.restore(entry)
        except CaptionFileError as exc:
            window.status_message(
                QCoreApplication.translate(
                    "recovery", "Could not restore the unsaved work: {exc}"
                ).format(exc=exc)
            )
            continue
        choice = _ask_restore(window, entry, replacing, changed_cues(doc))
        if choice == "later":
            continue
        if choice == "restore":
            return doc
        journal.discard(doc)
    return None


def restore_prompt(entry: JournalEntry) -> tuple[str, str]:
    """Return the question's text and its details: the file's name and folder, and when."""
    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(entry.saved_at))
    if entry.path is not None:
        what = f"{entry.path.name} in {entry.path.parent}"
        where = str(entry.path)
    elif entry.unknown_location:
        name = Path(entry.unknown_location).name
        what = QCoreApplication.translate(
            "recovery", "{name} (location unknown; you choose where to save it)"
        ).format(name=name)
        where = QCoreApplication.translate(
            "recovery", "Recorded as {unknown_location}, relative to a folder no longer known."
        ).format(unknown_location=entry.unknown_location)
    else:
        what = QCoreApplication.translate("recovery", "new captions that were never saved")
        where = QCoreApplication.translate("recovery", "Never saved: you choose where to save it.")
    return (
        QCoreApplication.translate(
            "recovery",
            "CaptionReview did not close normally. Unsaved changes to {what} were kept at {when}.",
        ).format(what=what, when=when),
        where,
    )


def _ask_restore(
    window: Host, entry: JournalEntry, replacing: str | None, changes: list[str]
) -> str:
    text, where = restore_prompt(entry)
    if changes:
        text += "\n\n" + QCoreApplication.translate("Recovery", "What would come back:")
        text += "\n" + "\n".join(changes)
    box = QMessageBox(window.window())
    box.setObjectName("restoreDialog")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(
        QCoreApplication.translate("recovery", "Restore unsaved work? — CaptionReview")
    )
    box.setText(text)
    if replacing is None:
        box.setInformativeText(
            QCoreApplication.translate(
                "recovery", "Restore them? You can then review and save them."
            )
        )
        label = QCoreApplication.translate("Recovery", "&Restore")
    else:
        box.setInformativeText(
            QCoreApplication.translate(
                "recovery",
                "Open them instead of {replacing}? You can then review and "
                "save them; {replacing} is not changed.",
            ).format(replacing=replacing)
        )
        label = QCoreApplication.translate("Recovery", "&Open instead of {name}").format(
            name=replacing.replace("&", "&&")
        )
    box.setDetailedText(where)
    restore = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        QCoreApplication.translate("Recovery", "&Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    later = box.addButton(
        QCoreApplication.translate("Recovery", "&Not now"), QMessageBox.ButtonRole.RejectRole
    )
    # Replacing what the user asked to open is never the default.
    box.setDefaultButton(restore if replacing is None else later)
    plain_box(box)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return "restore"
    if clicked is discard:
        return "discard"
    return "later"


class DiskWatcher(QObject):
    """Notices when the open caption file is changed on disk by another program.

    ``expect(path)`` records the file's current bytes (after opening or saving it); a later
    change to other bytes emits ``changed_on_disk(Path)``. Atomic replacement (write a temp file,
    rename) drops a path from QFileSystemWatcher, so the path is added again after each change.
    """

    changed_on_disk = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._watcher.directoryChanged.connect(self._on_dir_changed)
        self._path: Path | None = None
        self._digest: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._check)

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None stops watching) and take its current bytes as known."""
        for p in self._watcher.files() + self._watcher.directories():
            self._watcher.removePath(p)
        self._path = path
        self._digest = None
        if path is None:
            return
        self.expect(path)

    def expect(self, path: Path) -> None:
        """Take the file's current bytes as ours (call after our own save)."""
        if self._path is None or path.resolve() != self._path.resolve():
            self._path = path
            for p in self._watcher.files() + self._watcher.directories():
                self._watcher.removePath(p)
        self._digest = file_digest(path)
        self._rewatch()

    def _rewatch(self) -> None:
        if self._path is None:
            return
        if self._path.exists() and str(self._path) not in self._watcher.files():
            self._watcher.addPath(str(self._path))
        parent = str(self._path.parent)
        if self._path.parent.is_dir() and parent not in self._watcher.directories():
            # The directory tells us when a file is replaced by a rename.
            self._watcher.addPath(parent)

    def _on_file_changed(self, _path: str) -> None:
        self._timer.start()

    def _on_dir_changed(self, _path: str) -> None:
        self._timer.start()

    def _check(self) -> None:
        if self._path is None:
            return
        self._rewatch()
        digest = file_digest(self._path)
        if digest is None or digest == self._digest:
            return
        self._digest = digest
        self.changed_on_disk.emit(self._path)
