"""The caption document: cues plus the file's exact layout, edits with undo, events, saving.

A :class:`Document` is what the GUI, the CLI and users' scripts work on::

    doc = captionreview.load("lecture.sv.vtt")
    doc.set_text(0, "Välkommen till Tillväxtverket.")
    doc.undo()
    doc.save()

Cues are immutable values; every edit goes through a command in the history, so every edit is
undoable and observers hear about it through :class:`DocEvent` callbacks. The file's blocks
that are not cues (header, NOTE, STYLE, REGION, unparsed text) are kept verbatim in a layout
list with one *slot* per cue, which is what makes saving lossless (see ``vtt.writer``). The
changes and the work behind each edit are in ``edits``, writing files in ``saving``; reading
files is ``formats.load``, which builds documents, so this module never imports it.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import overload

from captionreview.core import saving

# ``edits`` is imported by the methods that edit: ``captionreview check`` and the other
# commands that only read a file never need it (3 ms of their start).
from captionreview.core.errors import CaptionFileError
from captionreview.core.events import DocEvent, EventKind, Listener, Unsubscribe
from captionreview.core.history import Change, Command, History
from captionreview.core.i18n import _, ngettext
from captionreview.core.model import Cue, Problem, new_uid
from captionreview.core.timecode import format_vtt_timestamp
from captionreview.core.vtt.reader import (
    LayoutItem,
    ParsedVtt,
    RawBlock,
    Region,
    header_metadata,
    layout_metadata,
    read_vtt,
)
from captionreview.core.vtt.writer import sanitize_cue_text, serialize


class _CueList(Sequence[Cue]):
    """A read-only view of the document's cues (O(1) indexing, no copy).

    It holds the document's list, not the document (which gives it a new list on a reset): a
    view pointing back at its document would make every document a reference cycle, freed
    only by the cyclic collector, which ``captionreview check`` pauses for its whole run.
    """

    __slots__ = ("_cues",)

    def __init__(self, cues: list[Cue]) -> None:
        self._cues = cues

    def __len__(self) -> int:
        return len(self._cues)

    @overload
    def __getitem__(self, index: int) -> Cue: ...

    @overload
    def __getitem__(self, index: slice) -> list[Cue]: ...

    def __getitem__(self, index: int | slice) -> Cue | list[Cue]:
        return self._cues[index]

    def __iter__(self) -> Iterator[Cue]:
        return iter(self._cues)

    def __repr__(self) -> str:
        return f"<{len(self)} cues>"


class Document:
    """A caption document: cues, problems found on load, history, events, and its file."""

    def __init__(
        self,
        parsed: ParsedVtt,
        path: Path | None = None,
        *,
        source_format: str = "vtt",
        text: str | None = None,
    ) -> None:
        """Make the document of ``parsed``; ``text`` is the WebVTT text it was read from, if
        any (see :meth:`text_as_read`)."""
        self._path: Path | None = None
        self.path = path
        self.source_format = source_format
        self.encoding = "utf-8"
        self.bom = parsed.bom
        self.eol = parsed.eol
        self.problems: list[Problem] = parsed.problems
        self.metadata: dict[str, str] = parsed.metadata
        self.regions: list[Region] = parsed.regions
        self.session_id = os.urandom(16).hex()
        self._cues: list[Cue] = parsed.cues
        self._layout: list[LayoutItem] = parsed.layout
        self._history = History()
        self._listeners: list[Listener] = []
        self._group: Command | None = None
        self._time_index: tuple[list[int], list[int], list[int]] | None = None
        self._original_kept = False
        self._cues_view = _CueList(self._cues)
        # What text() gives back while nothing has changed (reading keeps every character of
        # a file with its WEBVTT line; without it, saving adds one). Any event forgets it.
        self._read: tuple[str, bool, str] | None = (
            (text, self.bom, self.eol) if text is not None and parsed.has_signature else None
        )

    # ------------------------------------------------------------ construction

    @classmethod
    def from_text(cls, text: str, path: Path | None = None) -> Document:
        """Return the document for WebVTT ``text`` (never raises; see ``problems``)."""
        return cls(read_vtt(text), path, text=text)

    @classmethod
    def new(cls) -> Document:
        """Return an empty WebVTT document (just the ``WEBVTT`` line)."""
        return cls.from_text("WEBVTT\n")

    @classmethod
    def from_cues(
        cls,
        cues: Sequence[Cue],
        path: Path | None = None,
        *,
        problems: Sequence[Problem] = (),
        raw_blocks: Sequence[tuple[int, RawBlock]] = (),
        source_format: str = "vtt",
    ) -> Document:
        """Return a new WebVTT document holding ``cues`` (written canonically on save).

        ``raw_blocks`` are ``(cue_index, block)`` pairs of text to keep verbatim before the
        cue of that index (what an SRT or SBV reader could not parse).
        """
        from captionreview.core import edits

        parsed = read_vtt("WEBVTT\n")
        before: dict[int, list[RawBlock]] = {}
        for index, block in raw_blocks:
            before.setdefault(index, []).append(block)
        for index, cue in enumerate([*cues, None]):
            for block in before.get(index, []):
                parsed.layout.append(LayoutItem(block, None))
            if cue is not None:
                text = sanitize_cue_text(cue.text)
                parsed.cues.append(dataclasses.replace(cue, text=text, source=None))
                parsed.layout.append(edits.FRESH_SLOT)
        parsed.layout[0] = LayoutItem(
            parsed.layout[0].block, "\n" if len(parsed.layout) > 1 else ""
        )
        parsed.problems.extend(problems)
        doc = cls(parsed, path, source_format=source_format)
        if source_format != "vtt":
            doc.mark_unsaved()
        return doc

    # ------------------------------------------------------------ reading

    @property
    def path(self) -> Path | None:
        """Return the file the document belongs to, always absolute (None when untitled)."""
        return self._path

    @path.setter
    def path(self, value: Path | str | None) -> None:
        # Absolute, so a crash journal or a later save never depends on the working folder;
        # not resolve(): a symlink's own name is what the user opened.
        self._path = saving.absolute_path(value) if value is not None else None

    @property
    def cues(self) -> Sequence[Cue]:
        """Return the cues (a read-only sequence; edit through the methods)."""
        return self._cues_view

    def __len__(self) -> int:
        return len(self._cues)

    def __repr__(self) -> str:
        name = self.path.name if self.path else "untitled"
        return f"<Document {name}: {len(self._cues)} cues>"

    @property
    def language(self) -> str | None:
        """Return the ``Language:`` header value, or that of a ``NOTE Language: xx`` block
        before the first cue; None when the file names no language."""
        return self.metadata.get("Language") or None

    @property
    def header_metadata(self) -> dict[str, str]:
        """Return only the ``key: value`` lines of the header block (``metadata`` without a
        language that comes from a NOTE)."""
        first = self._layout[0].block if self._layout else None
        if first is None or first.kind != "header":
            return {}
        return header_metadata(first.text)

    def index_of(self, uid: int) -> int | None:
        """Return the index of the cue with this ``uid`` (O(n)), or None when it is gone."""
        for index, cue in enumerate(self._cues):
            if cue.uid == uid:
                return index
        return None

    @property
    def layout(self) -> Sequence[LayoutItem]:
        """Return the file's layout (raw blocks and cue slots), read-only."""
        return tuple(self._layout)

    def text(self) -> str:
        """Return the file text; untouched blocks come out exactly as they were read."""
        return serialize(self.bom, self.eol, self._layout, self._cues)

    def text_as_read(self) -> str | None:
        """Return the WebVTT text the document was read from while nothing has changed since,
        which is what :meth:`text` then returns without writing 30,000 cues anew; else None."""
        if self._read is None or self._read[1:] != (self.bom, self.eol):
            return None
        return self._read[0]

    # ------------------------------------------------------------ events

    def subscribe(self, callback: Listener) -> Unsubscribe:
        """Call ``callback(event)`` on every change; return a function that unsubscribes."""
        self._listeners.append(callback)

        def unsubscribe() -> None:
            if callback in self._listeners:
                self._listeners.remove(callback)

        return unsubscribe

    def _emit(self, kind: EventKind, start: int = 0, stop: int = 0) -> None:
        self._read = None  # every change of the cues or the layout goes through here
        event = DocEvent(kind, start, stop)
        for listener in list(self._listeners):
            listener(event)

    # ------------------------------------------------------------ primitive mutations

    def _put(self, index: int, cue: Cue) -> None:
        old = self._cues[index]
        self._cues[index] = cue
        if old.start_ms != cue.start_ms or old.end_ms != cue.end_ms:
            self._time_index = None
        self._emit(EventKind.CHANGED, index, index + 1)

    def _put_many(self, indices: list[int], cues: list[Cue]) -> None:
        store = self._cues
        for index, cue in zip(indices, cues, strict=True):
            old = store[index]
            if old.start_ms != cue.start_ms or old.end_ms != cue.end_ms:
                self._time_index = None
            store[index] = cue
        self._emit(EventKind.CHANGED, indices[0], indices[-1] + 1)

    def _insert(
        self,
        index: int,
        cue: Cue,
        slot_at: int,
        slot: LayoutItem,
        previous_sep: tuple[str | None] | None = None,
    ) -> None:
        self._emit(EventKind.INSERTING, index, index + 1)
        self._cues.insert(index, cue)
        self._layout.insert(slot_at, slot)
        if previous_sep is not None:
            before = self._layout[slot_at - 1]
            self._layout[slot_at - 1] = LayoutItem(before.block, previous_sep[0])
        self._time_index = None
        self._emit(EventKind.INSERTED, index, index + 1)

    def _remove(
        self, index: int, slot_at: int, *, keep_file_end: bool = False
    ) -> tuple[str | None] | None:
        """Remove a cue and its slot; return ``(separator,)`` replaced to keep the file's end.

        When the file's last block goes, the block before it takes over the way the file
        ended (with or without a final blank line), so deleting the last cue does not leave
        a stray blank line behind.
        """
        self._emit(EventKind.REMOVING, index, index + 1)
        del self._cues[index]
        removed = self._layout.pop(slot_at)
        replaced: tuple[str | None] | None = None
        if keep_file_end and slot_at == len(self._layout) and slot_at and removed.sep is not None:
            before = self._layout[-1]
            replaced = (before.sep,)
            self._layout[-1] = LayoutItem(before.block, removed.sep)
        self._time_index = None
        self._emit(EventKind.REMOVED, index, index + 1)
        return replaced

    def _reset(self, cues: list[Cue], layout: list[LayoutItem]) -> None:
        self._emit(EventKind.RESETTING)
        self._cues = self._cues_view._cues = list(cues)
        self._layout = list(layout)
        self._time_index = None
        # The header and its NOTEs may have changed; the dict is updated in place because
        # callers may hold on to it.
        fresh = layout_metadata(self._layout)
        if fresh != self.metadata:
            self.metadata.clear()
            self.metadata.update(fresh)
        self._emit(EventKind.RESET)

    def _slot_positions(self) -> list[int]:
        return [i for i, item in enumerate(self._layout) if item.block is None]

    def _slot_for_insert(self, index: int) -> int:
        """Return the layout position for a new slot that will hold cue ``index``.

        The new slot goes right after the previous cue's slot, so a NOTE in front of the
        next cue stays with that cue.
        """
        slots = self._slot_positions()
        if not slots:
            return len(self._layout)
        if index == 0:
            return slots[0]
        return slots[index - 1] + 1

    # ------------------------------------------------------------ commands

    @contextmanager
    def group(self, description: str) -> Iterator[None]:
        """Make every edit inside the ``with`` block one undo step called ``description``.

        If the block raises, its edits are undone and the exception goes on.
        """
        outer = self._group is None
        if outer:
            self._group = Command(description)
        command = self._group
        assert command is not None
        mark = len(command.changes)
        was_modified = self.modified
        try:
            yield
        except BaseException:
            for change in reversed(command.changes[mark:]):
                change.revert()
            del command.changes[mark:]
            if outer:
                self._group = None
            raise
        if outer:
            self._group = None
            if command.changes:
                self._history.push(command)
            if self.modified != was_modified:
                self._emit(EventKind.MODIFIED)
            if command.changes:
                self._emit(EventKind.HISTORY)

    def _do(self, change: Change) -> None:
        change.apply()
        assert self._group is not None
        self._group.changes.append(change)

    def _check_index(self, index: int) -> int:
        if not isinstance(index, int) or isinstance(index, bool):
            raise TypeError(f"a cue index must be an int, not {type(index).__name__}")
        if not 0 <= index < len(self._cues):
            raise IndexError(f"there is no cue {index} (the document has {len(self._cues)})")
        return index

    def set_text(self, index: int, text: str, *, typing: bool = False) -> None:
        """Replace a cue's text (one undo step; ``typing=True`` merges with the last keys).

        Text the user typed is made valid cue payload: ``& < >`` are escaped unless they are
        valid cue markup. Raises IndexError for a bad index.
        """
        from captionreview.core import edits

        old = self._cues[self._check_index(index)]
        new = edits.adopt(old, old.with_changes(text=text))
        if new.text == old.text:
            return
        with self.group(_("Edit text")):
            self._do(edits.SetCue(self, index, old, new))
            if typing:
                assert self._group is not None
                self._group.merge_key = ("typing", old.uid)

    def set_times(self, index: int, start_ms: int, end_ms: int) -> None:
        """Set a cue's start and end (ms).

        Raises ValueError for negative times or an end that is not after the start.
        """
        from captionreview.core import edits

        old = self._cues[self._check_index(index)]
        if start_ms < 0 or end_ms < 0:
            raise ValueError(_("times cannot be negative"))
        if end_ms <= start_ms:
            raise ValueError(
                _(
                    "cue {index} must end after it starts ({format_vtt_timestamp} "
                    "--> {format_vtt_timestamp2})"
                ).format(
                    index=index + 1,
                    format_vtt_timestamp=format_vtt_timestamp(start_ms),
                    format_vtt_timestamp2=format_vtt_timestamp(end_ms),
                )
            )
        if (old.start_ms, old.end_ms) == (start_ms, end_ms):
            return
        new = edits.adopt(old, old.with_changes(start_ms=start_ms, end_ms=end_ms))
        with self.group(_("Change times")):
            self._do(edits.SetCue(self, index, old, new))

    def shift_times(
        self,
        delta_ms: int,
        indices: Iterable[int] | None = None,
        *,
        from_ms: int | None = None,
    ) -> None:
        """Move cues by ``delta_ms`` (all, the given indices, or those starting at/after
        ``from_ms``), keeping every duration.

        Raises ValueError, naming the first cue concerned, when a cue would start before 0
        (clamping at 0 would squash cues together silently; the message says how far the
        cues can go).
        """
        targets = range(len(self._cues)) if indices is None else sorted(set(indices))
        changes: dict[int, Cue] = {}
        for i in targets:
            cue = self._cues[self._check_index(i)]
            if from_ms is not None and cue.start_ms < from_ms:
                continue
            changes[i] = cue.with_changes(
                start_ms=cue.start_ms + delta_ms, end_ms=cue.end_ms + delta_ms
            )
        if delta_ms < 0 and changes:
            earliest = min(min(c.start_ms, c.end_ms) - delta_ms for c in changes.values())
            if earliest + delta_ms < 0:
                first = next(i for i, c in changes.items() if min(c.start_ms, c.end_ms) < 0)
                raise ValueError(
                    _(
                        "cannot move the cues {value:.3f} s earlier: cue {first} "
                        "({format_vtt_timestamp}) would start before 0; move them at "
                        "most {earliest:.3f} s earlier"
                    ).format(
                        value=-delta_ms / 1000,
                        first=first + 1,
                        format_vtt_timestamp=format_vtt_timestamp(self._cues[first].start_ms),
                        earliest=earliest / 1000,
                    )
                )
        self.replace_cues(changes, _("Shift times"))

    def retime(self, old_a: int, new_a: int, old_b: int, new_b: int) -> None:
        """Re-time every cue linearly so that time ``old_a`` goes to ``new_a`` and ``old_b``
        to ``new_b`` (synchronise by two points). Raises ValueError if ``old_a == old_b``."""
        if old_a == old_b:
            raise ValueError(_("the two sync points must be at different times"))
        scale = (new_b - new_a) / (old_b - old_a)

        def move(ms: int) -> int:
            return max(0, round(new_a + (ms - old_a) * scale))

        self.replace_cues(
            {
                i: c.with_changes(start_ms=move(c.start_ms), end_ms=move(c.end_ms))
                for i, c in enumerate(self._cues)
            },
            _("Synchronise times"),
        )

    def change_framerate(self, from_fps: float, to_fps: float) -> None:
        """Re-time every cue for a video converted from ``from_fps`` to ``to_fps``.

        Raises ValueError for a non-positive frame rate.
        """
        if from_fps <= 0 or to_fps <= 0:
            raise ValueError(_("frame rates must be positive"))
        ratio = from_fps / to_fps
        self.replace_cues(
            {
                i: c.with_changes(
                    start_ms=round(c.start_ms * ratio), end_ms=round(c.end_ms * ratio)
                )
                for i, c in enumerate(self._cues)
            },
            _("Change frame rate"),
        )

    def split(
        self, index: int, char_pos: int, at_ms: int | None = None, *, gap_ms: int = 0
    ) -> None:
        """Split a cue in two at a character position of its text.

        The time split is at ``at_ms`` when given, else in proportion to the visible text; the
        second cue starts there and the first ends ``gap_ms`` earlier (a profile's minimum gap).
        Markup open at the split point is closed in the first cue and reopened in the second.
        Raises ValueError when ``char_pos`` or ``at_ms`` is outside the cue, or when the gap
        leaves the first cue no time.
        """
        from captionreview.core import edits

        old = self._cues[self._check_index(index)]
        first, second = edits.split_cue(old, char_pos, at_ms, gap_ms)
        with self.group(_("Split cue")):
            self._do(edits.SetCue(self, index, old, first))
            slot_at = self._slot_for_insert(index + 1)
            self._do(edits.InsertCue(self, index + 1, second, slot_at, edits.FRESH_SLOT))

    def merge(self, index: int, count: int = 2) -> None:
        """Merge cue ``index`` with the ``count - 1`` cues after it into one cue.

        The merged cue runs from the earliest start to the latest end; texts are joined with
        line breaks. Raises ValueError when there are not enough cues.
        """
        from captionreview.core import edits

        self._check_index(index)
        if count < 2 or index + count > len(self._cues):
            raise ValueError(
                _("cannot merge {count} cues from cue {index}").format(count=count, index=index)
            )
        group = self._cues[index : index + count]
        merged = group[0].with_changes(
            start_ms=min(c.start_ms for c in group),
            end_ms=max(c.end_ms for c in group),
            text="\n".join(c.text for c in group if c.text),
        )
        with self.group(_("Merge cues")):
            self._do(edits.SetCue(self, index, group[0], edits.adopt(None, merged)))
            self._delete_sorted(list(range(index + 1, index + count)))

    def _delete_sorted(self, indices: list[int]) -> None:
        from captionreview.core import edits

        slots = self._slot_positions()
        for i in reversed(indices):
            self._do(edits.RemoveCue(self, i, self._cues[i], slots[i], self._layout[slots[i]]))

    def insert(self, index: int, cue: Cue) -> None:
        """Insert ``cue`` so that it becomes cue ``index`` (``len(doc)`` appends).

        A cue whose ``uid`` is already in the document is inserted as a copy with a new uid.
        Raises IndexError when ``index`` is beyond the end.
        """
        from captionreview.core import edits

        if not 0 <= index <= len(self._cues):
            raise IndexError(f"cannot insert at {index} (the document has {len(self._cues)})")
        new = edits.adopt(None, dataclasses.replace(cue, source=None))
        if any(c.uid == new.uid for c in self._cues):
            # uids identify cues across edits; a second copy of a cue is a new cue.
            new = dataclasses.replace(new, uid=new_uid())
        with self.group(_("Insert cue")):
            self._do(
                edits.InsertCue(self, index, new, self._slot_for_insert(index), edits.FRESH_SLOT)
            )

    def delete(self, indices: Iterable[int]) -> None:
        """Delete the cues at ``indices`` (one undo step). Raises IndexError for a bad index."""
        chosen = sorted({self._check_index(i) for i in indices})
        if not chosen:
            return
        with self.group(ngettext("Delete cue", "Delete cues", len(chosen))):
            self._delete_sorted(chosen)

    def sort(self) -> None:
        """Order the cues by start time (then end time).

        Unparsed blocks right after a cue (most often the rest of a cue cut in two by a blank
        line) move with that cue; NOTE, STYLE and REGION blocks and whatever comes before the
        first cue stay where they are.
        """
        from captionreview.core import edits

        order = sorted(
            range(len(self._cues)), key=lambda i: (self._cues[i].start_ms, self._cues[i].end_ms)
        )
        if order == list(range(len(self._cues))):
            return
        ordered = [self._cues[i] for i in order]
        with self.group(_("Sort cues")):
            layout = edits.sorted_layout(self._layout, order)
            self._do(edits.Reset(self, list(self._cues), list(self._layout), ordered, layout))

    def replace_cues(self, changes: Mapping[int, Cue], description: str) -> None:
        """Replace several cues (index -> new cue) as one undo step.

        Raises IndexError for a bad index.
        """
        from captionreview.core import edits

        indices: list[int] = []
        olds: list[Cue] = []
        news: list[Cue] = []
        for i, cue in sorted(changes.items()):
            old = self._cues[self._check_index(i)]
            new = edits.adopt(old, cue)
            if new is not old and (new != old or new.source != old.source):
                indices.append(i)
                olds.append(old)
                news.append(new)
        if not indices:
            return
        with self.group(description):
            if len(indices) == 1:
                self._do(edits.SetCue(self, indices[0], olds[0], news[0]))
            else:
                self._do(edits.SetCues(self, indices, olds, news))

    def replace_all(self, cues: Sequence[Cue], description: str) -> None:
        """Replace the whole cue list as one undo step (clean-up, auto-fix).

        Cues are matched to the old ones by ``uid``: kept cues keep their block (and their
        exact text when unchanged), and comments stay next to the cues they were next to.
        """
        from captionreview.core import edits

        new_cues, layout = edits.replaced_layout(self._cues, self._layout, cues)
        with self.group(description):
            self._do(edits.Reset(self, list(self._cues), list(self._layout), new_cues, layout))

    def set_header_metadata(
        self,
        metadata: Mapping[str, str] | None,
        *,
        language_note: bool = True,
        language: str | None = None,
        description: str | None = None,
    ) -> None:
        """Make the header's ``key: value`` lines exactly ``metadata`` (None: none), one step.

        The ``WEBVTT`` line and header text that is not metadata stay; a line whose key and
        value stay is kept as written (``X-TIMESTAMP-MAP=…`` too), a changed value is written
        ``key: value`` in its place, a new key is added at the end; the lines of an old
        draft's ``Style:`` block (up to ``##``) go or stay with it. With ``language_note``
        and no ``Language`` in ``metadata``, the language (``language``, else the document's)
        is kept in a ``NOTE Language: xx`` block right after the header, or in the NOTE of
        that form that is already the first one (QUALITY_RULES VTT-HDR-02), so
        :attr:`language` stays. Views hear "resetting"/"reset"; undo restores the exact text.
        Raises ValueError for a key or value that cannot be a header line.
        """
        from captionreview.core import edits

        wanted = dict(metadata or {})
        edits.check_header_lines(wanted)
        head = self._layout[0]
        # The reader always makes a header, also for a file that lacks the WEBVTT line.
        assert head.block is not None and head.block.kind == "header"
        keep_language = language or self.language
        layout = list(self._layout)
        header = edits.rewrite_header(head.block.text, wanted, self.eol)
        layout[0] = LayoutItem(dataclasses.replace(head.block, text=header), head.sep)
        if language_note and keep_language and "Language" not in wanted:
            edits.put_language_note(layout, keep_language, self.eol)
        if layout == self._layout:
            return
        with self.group(description or _("Change header")):
            cues = list(self._cues)
            self._do(edits.Reset(self, cues, list(self._layout), cues, layout))

    # ------------------------------------------------------------ undo / redo

    @property
    def can_undo(self) -> bool:
        """Return True when there is an edit to undo."""
        return self._history.can_undo

    @property
    def can_redo(self) -> bool:
        """Return True when there is an undone edit to redo."""
        return self._history.can_redo

    @property
    def undo_description(self) -> str | None:
        """Return what Undo would undo ("Edit text", "Merge cues", ...), or None."""
        return self._history.undo_description

    @property
    def redo_description(self) -> str | None:
        """Return what Redo would redo, or None."""
        return self._history.redo_description

    @property
    def modified(self) -> bool:
        """Return True when the document differs from the file it was last saved to."""
        return self._history.modified

    def mark_unsaved(self) -> None:
        """Make the document count as modified until it is saved (a conversion, a recovery)."""
        was_modified = self.modified
        self._history.mark_never_saved()
        if not was_modified:
            self._emit(EventKind.MODIFIED)

    def undo(self) -> None:
        """Undo the last edit (nothing happens when there is none)."""
        self._step(self._history.undo)

    def redo(self) -> None:
        """Redo the last undone edit (nothing happens when there is none)."""
        self._step(self._history.redo)

    def _step(self, action: Callable[[], Command | None]) -> None:
        if self._group is not None:
            raise RuntimeError("cannot undo or redo inside an edit group")
        was_modified = self.modified
        command = action()
        if self.modified != was_modified:
            self._emit(EventKind.MODIFIED)
        if command is not None:
            self._emit(EventKind.HISTORY)

    # ------------------------------------------------------------ time look-ups

    def _index(self) -> tuple[list[int], list[int], list[int]]:
        """Return (order by start, starts in that order, running max of ends)."""
        if self._time_index is None:
            cues = self._cues
            order = sorted(range(len(cues)), key=lambda i: cues[i].start_ms)
            starts = [cues[i].start_ms for i in order]
            running: list[int] = []
            top = -1
            for i in order:
                top = max(top, cues[i].end_ms)
                running.append(top)
            self._time_index = (order, starts, running)
        return self._time_index

    def active_indices(self, ms: int) -> list[int]:
        """Return the indices of the cues showing at ``ms`` (start <= ms < end), ascending."""
        order, starts, running = self._index()
        k = bisect.bisect_right(starts, ms) - 1
        found = []
        while k >= 0 and running[k] > ms:
            i = order[k]
            if self._cues[i].end_ms > ms:
                found.append(i)
            k -= 1
        found.sort()
        return found

    def index_at_or_after(self, ms: int) -> int | None:
        """Return the first cue showing at ``ms``, else the next one to start; None if none."""
        active = self.active_indices(ms)
        if active:
            return active[0]
        order, starts, _ = self._index()
        k = bisect.bisect_right(starts, ms)
        return order[k] if k < len(order) else None

    # ------------------------------------------------------------ saving

    def save(self, path: Path | str | None = None, *, keep_original: bool = True) -> Path:
        """Write the document atomically and return the path written.

        Without ``path`` it goes back to the file it came from (an SRT or SBV file is saved
        as WebVTT beside it, ``name.vtt``, but never over an existing ``name.vtt``: that
        raises SaveError; ``save(path)`` names the target explicitly). The first save over
        the file it was read from keeps that original as ``name.orig.vtt`` unless
        ``keep_original`` is False.
        Raises SaveError with a plain message; the file on disk is then unchanged.
        """
        target = saving.save_target(path, self.path, self.source_format)
        data = self.text().encode(self.encoding)
        if (
            keep_original
            and not self._original_kept
            and self.path is not None
            and self.source_format == "vtt"
            and target == self.path
        ):
            saving.keep_original(target)
        saving.atomic_write(target, data)
        self._original_kept = True
        was_modified = self.modified
        self.path = target
        self.source_format = "vtt"
        self._history.mark_saved()
        if was_modified:
            self._emit(EventKind.MODIFIED)
        return target


__all__ = ["CaptionFileError", "DocEvent", "Document", "EventKind"]
