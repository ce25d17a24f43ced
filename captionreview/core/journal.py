"""Crash recovery: the unsaved state of open documents, written often to the state folder.

The window calls :meth:`Journal.write` after edits (it is cheap: one small atomic file
rename, no fsync, since it guards against the app crashing rather than the machine) and
:meth:`Journal.discard` after a successful save or a clean close. After a crash,
:meth:`Journal.pending` lists what was left and :meth:`Journal.restore` gives it back.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from captionreview.core.i18n import _
from captionreview.core.model import Cue
from captionreview.core.timecode import format_ms

_FORMAT = "captionreview-journal-1"


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One document's unsaved state: its original path (None if untitled) and when.

    ``unknown_location`` holds the path an old entry recorded relative to a working folder
    that is no longer known; ``path`` is then None, so the UI asks where to save.
    """

    path: Path | None
    saved_at: float
    key: str
    unknown_location: str = ""


def default_journal_dir() -> Path:
    """Return the per-user journal folder (platformdirs' user state folder)."""
    return Path(platformdirs.user_state_dir("captionreview")) / "journal"


class Journal:
    """A folder of recovery entries, one JSON file per open document."""

    def __init__(self, state_dir: Path | None = None) -> None:
        self.folder = Path(state_dir) if state_dir is not None else default_journal_dir()

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def write(self, doc: Document) -> None:
        """Record ``doc``'s current text; raises CaptionFileError when the folder is unusable."""
        record = {
            "format": _FORMAT,
            "path": str(doc.path) if doc.path is not None else None,
            "source_format": doc.source_format,
            "saved_at": time.time(),
            "text": doc.text(),
        }
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        tmp: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, self._file(doc.session_id))
            tmp = None
        except OSError as error:
            raise CaptionFileError(
                _("cannot write the recovery journal in {folder}: {error}").format(
                    folder=self.folder, error=error.strerror or error
                )
            ) from error
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def discard(self, doc: Document) -> None:
        """Forget ``doc``'s entry (after it was saved or closed cleanly)."""
        with contextlib.suppress(FileNotFoundError):
            self._file(doc.session_id).unlink()

    def _read(self, file: Path) -> dict[str, object] | None:
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("format") != _FORMAT:
            return None
        return record

    def pending(self) -> list[JournalEntry]:
        """Return the entries left behind (oldest first); unreadable files are skipped."""
        if not self.folder.is_dir():
            return []
        entries = []
        for file in self.folder.glob("*.json"):
            record = self._read(file)
            if record is None:
                continue
            path = record.get("path")
            saved_at = record.get("saved_at")
            known = isinstance(path, str) and Path(path).is_absolute()
            entries.append(
                JournalEntry(
                    Path(path) if known and isinstance(path, str) else None,
                    float(saved_at) if isinstance(saved_at, int | float) else 0.0,
                    file.stem,
                    path if isinstance(path, str) and not known else "",
                )
            )
        return sorted(entries, key=lambda e: e.saved_at)

    def restore(self, entry: JournalEntry) -> Document:
        """Return the recovered document (modified, with its original path).

        Raises CaptionFileError when the entry can no longer be read. The entry stays until
        :meth:`discard` is called on the restored document or on a save.
        """
        record = self._read(self._file(entry.key))
        text = record.get("text") if record is not None else None
        if not isinstance(text, str):
            raise CaptionFileError(
                _("the recovery entry {key} cannot be read any more").format(key=entry.key)
            )
        # A relative path would be resolved against today's working folder, which may not
        # be the folder the file was in: such an entry comes back untitled (entry.path None).
        path = entry.path if entry.path is not None and entry.path.is_absolute() else None
        doc = Document.from_text(text, path)
        source_format = record.get("source_format") if record is not None else None
        if source_format in ("srt", "sbv"):
            # An SRT or SBV original is never overwritten with WebVTT: save goes beside it.
            doc.source_format = str(source_format)
        doc.session_id = entry.key
        doc.mark_unsaved()
        return doc


def changed_cues(restored: Document, most: int = 12) -> list[str]:
    """Return one line per cue the restored work changes against the file on disk (at most
    ``most``, then how many more), so the restore question can show what it would bring
    back; every cue counts as new when the file is gone or was never saved."""
    old: list[Cue] = []
    if restored.path is not None:
        with contextlib.suppress(CaptionFileError, OSError, LookupError, ValueError):
            old = list(load(restored.path).cues)
    new = list(restored.cues)

    def key(cue: Cue) -> tuple[int, int, str]:
        return (cue.start_ms, cue.end_ms, cue.text)

    def shown(cue: Cue) -> str:
        return " ".join(cue.text.split())[:80]

    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, [key(c) for c in old], [key(c) for c in new], False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(a1 - a0, b1 - b0)):
            before = old[a0 + k] if a0 + k < a1 else None
            after = new[b0 + k] if b0 + k < b1 else None
            if after is not None and before is not None:
                lines.append(
                    _("Cue {n} at {time}: “{old}” → “{new}”").format(
                        n=b0 + k + 1,
                        time=format_ms(after.start_ms),
                        old=shown(before),
                        new=shown(after),
                    )
                )
            elif after is not None:
                lines.append(
                    _("Cue {n} at {time} added: “{new}”").format(
                        n=b0 + k + 1, time=format_ms(after.start_ms), new=shown(after)
                    )
                )
            elif before is not None:
                lines.append(
                    _("Cue at {time} deleted: “{old}”").format(
                        time=format_ms(before.start_ms), old=shown(before)
                    )
                )
    if len(lines) > most:
        rest = len(lines) - most
        lines = [*lines[:most], _("… and {n} more").format(n=rest)]
    return lines
