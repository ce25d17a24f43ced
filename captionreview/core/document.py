"""The caption document: cues plus the file's exact layout, edits with undo, events, saving.

A :class:`Document` is what the GUI, the CLI and users' scripts work on::

    doc = captionreview.load("lecture.sv.vtt")
    doc.set_text(0, "Välkommen till Tillväxtverket.")
    doc.undo()
    doc.save()

Cues are immutable values; every edit goes through a command in the history, so every edit is
undoable and observers hear about it through :class:`DocEvent` callbacks. The file's blocks
that are not cues (header, NOTE, STYLE, REGION, unparsed text) are kept verbatim in a layout
list with one *slot* per cue, which is what makes saving lossless (see ``vttwriter``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from captionreview.core import saving
from captionreview.core.errors import CaptionFileError, SaveError
from captionreview.core.events import DocEvent, EventKind, Listener, Unsubscribe
from captionreview.core.history import Change, Command, History
from captionreview.core.i18n import _, ngettext
from captionreview.core.model import Cue, Problem, new_uid
from captionreview.core.timecode import format_vtt_timestamp
from captionreview.core.vtt.cuetext import plain_text, tag_spans
from captionreview.core.vtt.reader import (
    LayoutItem,
    ParsedVtt,
    RawBlock,
    Region,
    first_note,
    header_field,
    header_metadata,
    layout_metadata,
    note_language,
    read_vtt,
)
from captionreview.core.vtt.writer import rewrite_cue_text, sanitize_cue_text, serialize


class _CueList(Sequence[Cue]):
    """A read-only view of the document's cues (O(1) indexing, no copy)."""

    __slots__ = ("_doc",)

    def __init__(self, doc: Document) -> None:
        self._doc = doc

    def __len__(self) -> int:
        return len(self._doc._cues)

    @overload
    def __getitem__(self, index: int) -> Cue: ...

    @overload
    def __getitem__(self, index: slice) -> list[Cue]: ...

    def __getitem__(self, index: int | slice) -> Cue | list[Cue]:
        return self._doc._cues[index]

    def __iter__(self) -> Iterator[Cue]:
        return iter(self._doc._cues)

    def __repr__(self) -> str:
        return f"<{len(self)} cues>"


# ---------------------------------------------------------------- primitive changes


@dataclass(slots=True)
class _SetCue:
    doc: Document
    index: int
    old: Cue
    new: Cue

    def apply(self) -> None:
        self.doc._put(self.index, self.new)

    def revert(self) -> None:
        self.doc._put(self.index, self.old)

    def absorb(self, later: Change) -> bool:
        if isinstance(later, _SetCue) and later.index == self.index:
            self.new = later.new
            return True
        return False


@dataclass(slots=True)
class _SetCues:
    """Several cues replaced at once: one "changed" event for the whole span."""

    doc: Document
    indices: list[int]
    old: list[Cue]
    new: list[Cue]

    def apply(self) -> None:
        self.doc._put_many(self.indices, self.new)

    def revert(self) -> None:
        self.doc._put_many(self.indices, self.old)

    def absorb(self, later: Change) -> bool:
        return False


@dataclass(slots=True)
class _InsertCue:
    doc: Document
    index: int
    cue: Cue
    slot_at: int
    slot: LayoutItem

    def apply(self) -> None:
        self.doc._insert(self.index, self.cue, self.slot_at, self.slot)

    def revert(self) -> None:
        self.doc._remove(self.index, self.slot_at)

    def absorb(self, later: Change) -> bool:
        return False


@dataclass(slots=True)
class _RemoveCue:
    doc: Document
    index: int
    cue: Cue
    slot_at: int
    slot: LayoutItem
    replaced_sep: tuple[str | None] | None = None

    def apply(self) -> None:
        self.replaced_sep = self.doc._remove(self.index, self.slot_at, keep_file_end=True)

    def revert(self) -> None:
        self.doc._insert(self.index, self.cue, self.slot_at, self.slot, self.replaced_sep)

    def absorb(self, later: Change) -> bool:
        return False


@dataclass(slots=True)
class _Reset:
    doc: Document
    old_cues: list[Cue]
    old_layout: list[LayoutItem]
    new_cues: list[Cue]
    new_layout: list[LayoutItem]

    def apply(self) -> None:
        self.doc._reset(self.new_cues, self.new_layout)

    def revert(self) -> None:
        self.doc._reset(self.old_cues, self.old_layout)

    def absorb(self, later: Change) -> bool:
        return False


_FRESH_SLOT = LayoutItem(None, None)
_OPEN_TAG_RE = re.compile(r"<(/?)([a-z]+)")
_TAG_AT_RE = re.compile(r"<[^<>\n]*>?")


_CHAR_REF_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _safe_split_position(text: str, pos: int) -> int:
    """Return ``pos`` moved out of a tag (``<…>``) or character reference (``&…;``) it is in.

    An opening tag goes with the text it opens (before it), anything else is kept whole on
    the left (after it).
    """
    tag = _TAG_AT_RE.search(text, max(0, text.rfind("<", 0, pos)))
    if tag is not None and tag.start() < pos < tag.end():
        # "<i" or "<v": an opening tag; "</i>" and a timestamp "<00:01.000>" stay left.
        return tag.start() if tag.group(0)[1:2].isalpha() else tag.end()
    amp = text.rfind("&", 0, pos)
    if amp != -1:
        ref = _CHAR_REF_RE.match(text, amp)
        if ref is not None and ref.start() < pos < ref.end():
            return ref.end()
    return pos


def _split_markup(left: str, right: str) -> tuple[str, str]:
    """Return the two halves of a split cue text, each with balanced markup.

    Tags still open at the split point are closed at the end of the first half and opened
    again at the start of the second, so both cues stay valid and keep their styling.
    """
    opened: list[tuple[str, str]] = []
    for start, end in tag_spans(left):
        m = _OPEN_TAG_RE.match(left, start, end)
        if m is None:
            continue
        name = m.group(2)
        if not m.group(1):
            opened.append((left[start:end], name))
        elif any(n == name for _, n in opened):
            while opened and opened.pop()[1] != name:
                pass
    closing = "".join(f"</{name}>" for _, name in reversed(opened))
    reopening = "".join(tag for tag, _ in opened)
    return left.rstrip(" \n") + closing, reopening + right.lstrip(" \n")


class Document:
    """A caption document: cues, problems found on load, history, events, and its file."""

    def __init__(
        self, parsed: ParsedVtt, path: Path | None = None, *, source_format: str = "vtt"
    ) -> None:
        self._path: Path | None = None
        self.path = path
        self.source_format = source_format
        self.encoding = "utf-8"
        self.bom = parsed.bom
        self.eol = parsed.eol
        self.problems: list[Problem] = parsed.problems
        self.metadata: dict[str, str] = parsed.metadata
        self.regions: list[Region] = parsed.regions
        self.session_id = uuid.uuid4().hex
        self._cues: list[Cue] = parsed.cues
        self._layout: list[LayoutItem] = parsed.layout
        self._history = History()
        self._listeners: list[Listener] = []
        self._group: Command | None = None
        self._time_index: tuple[list[int], list[int], list[int]] | None = None
        self._original_kept = False
        self._cues_view = _CueList(self)

    # ------------------------------------------------------------ construction

    @classmethod
    def from_text(cls, text: str, path: Path | None = None) -> Document:
        """Return the document for WebVTT ``text`` (never raises; see ``problems``)."""
        return cls(read_vtt(text), path)

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
                parsed.layout.append(_FRESH_SLOT)
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
        self._path = absolute_path(value) if value is not None else None

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

    # ------------------------------------------------------------ events

    def subscribe(self, callback: Listener) -> Unsubscribe:
        """Call ``callback(event)`` on every change; return a function that unsubscribes."""
        self._listeners.append(callback)

        def unsubscribe() -> None:
            if callback in self._listeners:
                self._listeners.remove(callback)

        return unsubscribe

    def _emit(self, kind: EventKind, start: int = 0, stop: int = 0) -> None:
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
        self._cues = list(cues)
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

    def _adopt(self, old: Cue | None, new: Cue) -> Cue:
        """Return ``new`` ready to store: valid text, and a source only when it is true.

        A cue keeps its ``source`` only when it is unchanged from the cue it replaces; when
        just its text changed, the id and timing lines are kept as read (a minimal diff).
        """
        if old is not None and new is old:
            return new
        if new.source is not None and old is not None and new == old and new.source == old.source:
            return new
        text = sanitize_cue_text(new.text)
        if (
            old is not None
            and old.source is not None
            and (new.start_ms, new.end_ms, new.identifier, new.settings)
            == (old.start_ms, old.end_ms, old.identifier, old.settings)
        ):
            return dataclasses.replace(new, text=text, source=rewrite_cue_text(old.source, text))
        if new.source is None and text == new.text:
            return new
        return dataclasses.replace(new, text=text, source=None)

    def set_text(self, index: int, text: str, *, typing: bool = False) -> None:
        """Replace a cue's text (one undo step; ``typing=True`` merges with the last keys).

        Text the user typed is made valid cue payload: ``& < >`` are escaped unless they are
        valid cue markup. Raises IndexError for a bad index.
        """
        old = self._cues[self._check_index(index)]
        new = self._adopt(old, old.with_changes(text=text))
        if new.text == old.text:
            return
        with self.group(_("Edit text")):
            self._do(_SetCue(self, index, old, new))
            if typing:
                assert self._group is not None
                self._group.merge_key = ("typing", old.uid)

    def set_times(self, index: int, start_ms: int, end_ms: int) -> None:
        """Set a cue's start and end (ms).

        Raises ValueError for negative times or an end that is not after the start.
        """
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
        new = self._adopt(old, old.with_changes(start_ms=start_ms, end_ms=end_ms))
        with self.group(_("Change times")):
            self._do(_SetCue(self, index, old, new))

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
        old = self._cues[self._check_index(index)]
        text = old.text
        if not 0 <= char_pos <= len(text):
            raise ValueError(
                _("position {char_pos} is outside the cue's text").format(char_pos=char_pos)
            )
        char_pos = _safe_split_position(text, char_pos)
        left, right = _split_markup(text[:char_pos], text[char_pos:])
        if not plain_text(left).strip() or not plain_text(right).strip():
            raise ValueError(
                _(
                    "cannot split here: one of the two cues would have no text "
                    "(put the cursor between words)"
                )
            )
        if old.end_ms - old.start_ms < 2:
            raise ValueError(_("the cue is too short to split (it must last at least 2 ms)"))
        if at_ms is None:
            n_left, n_right = len(plain_text(left)), len(plain_text(right))
            share = n_left / (n_left + n_right)
            at_ms = old.start_ms + round((old.end_ms - old.start_ms) * share)
            # Both halves keep at least 1 ms: a zero-length cue is never shown.
            at_ms = min(max(at_ms, old.start_ms + 1 + gap_ms), old.end_ms - 1)
        elif not old.start_ms < at_ms < old.end_ms:
            raise ValueError(
                _("the split time must be inside the cue (after its start and before its end)")
            )
        if at_ms - gap_ms <= old.start_ms:
            raise ValueError(
                f"the cue is too short to split here with a {gap_ms} ms gap between the halves"
            )
        first = self._adopt(None, old.with_changes(end_ms=at_ms - gap_ms, text=left))
        second = self._adopt(None, Cue(at_ms, old.end_ms, right, settings=old.settings))
        with self.group(_("Split cue")):
            self._do(_SetCue(self, index, old, first))
            slot_at = self._slot_for_insert(index + 1)
            self._do(_InsertCue(self, index + 1, second, slot_at, _FRESH_SLOT))

    def merge(self, index: int, count: int = 2) -> None:
        """Merge cue ``index`` with the ``count - 1`` cues after it into one cue.

        The merged cue runs from the earliest start to the latest end; texts are joined with
        line breaks. Raises ValueError when there are not enough cues.
        """
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
            self._do(_SetCue(self, index, group[0], self._adopt(None, merged)))
            self._delete_sorted(list(range(index + 1, index + count)))

    def _delete_sorted(self, indices: list[int]) -> None:
        slots = self._slot_positions()
        for i in reversed(indices):
            self._do(_RemoveCue(self, i, self._cues[i], slots[i], self._layout[slots[i]]))

    def insert(self, index: int, cue: Cue) -> None:
        """Insert ``cue`` so that it becomes cue ``index`` (``len(doc)`` appends).

        A cue whose ``uid`` is already in the document is inserted as a copy with a new uid.
        Raises IndexError when ``index`` is beyond the end.
        """
        if not 0 <= index <= len(self._cues):
            raise IndexError(f"cannot insert at {index} (the document has {len(self._cues)})")
        new = self._adopt(None, dataclasses.replace(cue, source=None))
        if any(c.uid == new.uid for c in self._cues):
            # uids identify cues across edits; a second copy of a cue is a new cue.
            new = dataclasses.replace(new, uid=new_uid())
        with self.group(_("Insert cue")):
            self._do(_InsertCue(self, index, new, self._slot_for_insert(index), _FRESH_SLOT))

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
        order = sorted(
            range(len(self._cues)), key=lambda i: (self._cues[i].start_ms, self._cues[i].end_ms)
        )
        if order == list(range(len(self._cues))):
            return
        ordered = [self._cues[i] for i in order]
        with self.group(_("Sort cues")):
            layout = _sorted_layout(self._layout, order)
            self._do(_Reset(self, list(self._cues), list(self._layout), ordered, layout))

    def replace_cues(self, changes: Mapping[int, Cue], description: str) -> None:
        """Replace several cues (index -> new cue) as one undo step.

        Raises IndexError for a bad index.
        """
        indices: list[int] = []
        olds: list[Cue] = []
        news: list[Cue] = []
        for i, cue in sorted(changes.items()):
            old = self._cues[self._check_index(i)]
            new = self._adopt(old, cue)
            if new is not old and (new != old or new.source != old.source):
                indices.append(i)
                olds.append(old)
                news.append(new)
        if not indices:
            return
        with self.group(description):
            if len(indices) == 1:
                self._do(_SetCue(self, indices[0], olds[0], news[0]))
            else:
                self._do(_SetCues(self, indices, olds, news))

    def replace_all(self, cues: Sequence[Cue], description: str) -> None:
        """Replace the whole cue list as one undo step (clean-up, auto-fix).

        Cues are matched to the old ones by ``uid``: kept cues keep their block (and their
        exact text when unchanged), and comments stay next to the cues they were next to.
        """
        old_by_uid = {c.uid: c for c in self._cues}
        seen: set[int] = set()
        new_cues: list[Cue] = []
        fresh: list[bool] = []
        for cue in cues:
            old = old_by_uid.get(cue.uid) if cue.uid not in seen else None
            seen.add(cue.uid)
            new_cues.append(self._adopt(old, cue))
            fresh.append(old is None)
        keep = {c.uid for c, f in zip(new_cues, fresh, strict=True) if not f}
        layout: list[LayoutItem] = []
        k = 0
        j = 0

        def add_fresh() -> None:
            nonlocal j
            while j < len(new_cues) and fresh[j]:
                layout.append(_FRESH_SLOT)
                j += 1

        for item in self._layout:
            if item.block is not None:
                layout.append(item)
                continue
            cue = self._cues[k]
            k += 1
            if cue.uid not in keep:
                continue
            keep.discard(cue.uid)
            if j == 0:
                add_fresh()
            layout.append(item)
            j += 1
            add_fresh()
        slots = sum(1 for item in layout if item.block is None)
        layout.extend([_FRESH_SLOT] * (len(new_cues) - slots))
        while slots > len(new_cues):
            last = max(i for i, item in enumerate(layout) if item.block is None)
            del layout[last]
            slots -= 1
        old_end = self._layout[-1] if self._layout else None
        if layout and old_end is not None and old_end.sep is not None and layout[-1] is not old_end:
            layout[-1] = LayoutItem(layout[-1].block, old_end.sep)
        with self.group(description):
            self._do(_Reset(self, list(self._cues), list(self._layout), new_cues, layout))

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
        wanted = dict(metadata or {})
        for key, value in wanted.items():
            if header_field(f"{key}: {value}") != (key, value) or any(
                c in key + value for c in "\r\n"
            ):
                raise ValueError(
                    _("{key!r}: {value!r} cannot be a header line").format(key=key, value=value)
                )
            if "-->" in key + value:
                raise ValueError(
                    _("a header line cannot contain '-->' ({key}: {value})").format(
                        key=key, value=value
                    )
                )
        head = self._layout[0]
        # The reader always makes a header, also for a file that lacks the WEBVTT line.
        assert head.block is not None and head.block.kind == "header"
        keep_language = language or self.language
        layout = list(self._layout)
        header = _rewrite_header(head.block.text, wanted, self.eol)
        layout[0] = LayoutItem(dataclasses.replace(head.block, text=header), head.sep)
        if language_note and keep_language and "Language" not in wanted:
            _put_language_note(layout, keep_language, self.eol)
        if layout == self._layout:
            return
        with self.group(description or _("Change header")):
            cues = list(self._cues)
            self._do(_Reset(self, cues, list(self._layout), cues, layout))

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
        target = self._target(path)
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

    def _target(self, path: Path | str | None) -> Path:
        if path is not None:
            return absolute_path(path)
        if self.path is None:
            raise SaveError(_("the document has no file name yet: choose where to save it"))
        if self.source_format != "vtt":
            beside = self.path.with_suffix(".vtt")
            if beside.exists() or beside.is_symlink():
                # Not the file the user opened: overwriting it silently could destroy
                # someone else's work. An explicit save(path) is the user's choice.
                raise SaveError(
                    _(
                        "{name} already exists and is not the file you opened; choose "
                        "another name or save to it explicitly"
                    ).format(name=beside.name),
                    path=beside,
                )
            return beside
        return self.path

    def export_srt(self, path: Path | str) -> Path:
        """Write the cues as SubRip (.srt) atomically; raises SaveError on failure.

        Cues without text are left out and times are written as they are;
        ``formats.srt_export_notes(doc.cues)`` says what was left out or looks wrong.
        """
        from captionreview.core.formats import write_srt

        target = absolute_path(path)
        saving.atomic_write(target, write_srt(self._cues).encode("utf-8"))
        return target


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _sorted_layout(layout: Sequence[LayoutItem], order: Sequence[int]) -> list[LayoutItem]:
    """Return ``layout`` for cues put in ``order`` (new position -> old cue index).

    Each cue slot takes the unparsed blocks right after it along; everything else keeps its
    place. The file keeps its own ending (with or without a final blank line).
    """
    # Work with layout positions: slot items may be shared objects, so identity says nothing.
    units: list[list[int]] = []
    skeleton: list[int | None] = []  # None marks where a cue (and its blocks) goes
    for position, item in enumerate(layout):
        if item.block is None:
            units.append([position])
            skeleton.append(None)
        elif item.block.kind == "unparsed" and units and skeleton[-1] is None:
            units[-1].append(position)
        else:
            skeleton.append(position)
    positions: list[int] = []
    k = 0
    for entry in skeleton:
        if entry is None:
            positions.extend(units[order[k]])
            k += 1
        else:
            positions.append(entry)
    result = [layout[p] for p in positions]
    last = len(layout) - 1
    if positions[-1] != last:
        # The block that ended the file now sits in the middle: one blank line after it;
        # the new last block ends the file as the file ended.
        moved = positions.index(last)
        result[moved] = LayoutItem(result[moved].block, None)
        result[-1] = LayoutItem(result[-1].block, layout[last].sep)
    return result


def _rewrite_header(text: str, wanted: Mapping[str, str], eol: str) -> str:
    """Return header block ``text`` whose metadata lines are exactly ``wanted``."""
    lines = _LINE_RE.findall(text)
    ended = text.endswith(("\n", "\r"))
    out = [lines[0]]
    written: set[str] = set()
    style: bool | None = None  # inside an old draft's "Style:" ... "##" block: kept or not
    for line in lines[1:]:
        if style is not None:
            if style:
                out.append(line)
            if line.strip() == "##":
                style = None
            continue
        field = header_field(line)
        if field is None:
            out.append(line)
            continue
        key, value = field
        kept = key in wanted and key not in written
        if key == "Style" and not value:
            style = kept
        if not kept:
            continue
        written.add(key)
        out.append(line if wanted[key] == value else f"{key}: {wanted[key]}{eol}")
    out.extend(f"{key}: {value}{eol}" for key, value in wanted.items() if key not in written)
    # Every line but the file's very last one ends with a line break.
    out = [line if line.endswith(("\n", "\r")) else line + eol for line in out]
    joined = "".join(out)
    return joined if ended else joined[: -len(eol)]


def _put_language_note(layout: list[LayoutItem], language: str, eol: str) -> None:
    """Record ``language`` in the first NOTE before the first cue when that NOTE is a
    language note, else in a new ``NOTE Language:`` block right after the header."""
    text = f"NOTE Language: {language}{eol}"
    position = first_note(layout)
    if position is not None:
        item = layout[position]
        assert item.block is not None
        if note_language(item.block.text) is not None:
            if note_language(item.block.text) != language:
                layout[position] = LayoutItem(dataclasses.replace(item.block, text=text), item.sep)
            return
    head = layout[0]
    if head.block is not None and not head.block.text.endswith(("\n", "\r")):
        layout[0] = LayoutItem(dataclasses.replace(head.block, text=head.block.text + eol), eol)
    else:
        layout[0] = LayoutItem(head.block, eol)
    # The note takes over the blank lines that followed the header; where there were none
    # (a cue right under the header) the writer puts one, so the cue stays a cue.
    layout.insert(1, LayoutItem(RawBlock("note", text), head.sep or None))


def load(path: Path | str, encoding: str | None = None) -> Document:
    """Read a caption file (.vtt, .srt or .sbv) into a :class:`Document`.

    Raises CaptionFileError (EncodingError for undecodable bytes) only when the file cannot
    be read at all; malformed blocks are kept and listed in ``doc.problems``.
    """
    from captionreview.core.formats import read_caption_file

    return read_caption_file(absolute_path(path), encoding)


def absolute_path(path: Path | str) -> Path:
    """Return ``path`` absolute (``~`` expanded, symlinks kept as named)."""
    return Path(path).expanduser().absolute()


__all__ = ["CaptionFileError", "DocEvent", "Document", "EventKind", "load"]
