"""The document's edit commands: the undoable primitive changes and the pure helpers that
work out what an edit does to cues and to the file's layout.

:class:`~captionreview.core.document.Document` builds these and runs them through its
history; the changes call back into the document only through :class:`EditTarget`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from captionreview.core.history import Change
from captionreview.core.i18n import _
from captionreview.core.model import Cue
from captionreview.core.vtt.cuetext import plain_text, tag_spans
from captionreview.core.vtt.reader import (
    LayoutItem,
    RawBlock,
    first_note,
    header_field,
    note_language,
)
from captionreview.core.vtt.writer import rewrite_cue_text, sanitize_cue_text


class EditTarget(Protocol):
    """What a change needs of the document: its primitive, event-sending mutations."""

    def _put(self, index: int, cue: Cue) -> None: ...

    def _put_many(self, indices: list[int], cues: list[Cue]) -> None: ...

    def _insert(
        self,
        index: int,
        cue: Cue,
        slot_at: int,
        slot: LayoutItem,
        previous_sep: tuple[str | None] | None = None,
    ) -> None: ...

    def _remove(
        self, index: int, slot_at: int, *, keep_file_end: bool = False
    ) -> tuple[str | None] | None: ...

    def _reset(self, cues: list[Cue], layout: list[LayoutItem]) -> None: ...


@dataclass(slots=True)
class SetCue:
    """One cue replaced (consecutive text edits of the same cue merge)."""

    doc: EditTarget
    index: int
    old: Cue
    new: Cue

    def apply(self) -> None:
        self.doc._put(self.index, self.new)

    def revert(self) -> None:
        self.doc._put(self.index, self.old)

    def absorb(self, later: Change) -> bool:
        if isinstance(later, SetCue) and later.index == self.index:
            self.new = later.new
            return True
        return False


@dataclass(slots=True)
class SetCues:
    """Several cues replaced at once: one "changed" event for the whole span."""

    doc: EditTarget
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
class InsertCue:
    """One cue and its layout slot inserted."""

    doc: EditTarget
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
class RemoveCue:
    """One cue and its layout slot removed (the file keeps its ending)."""

    doc: EditTarget
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
class Reset:
    """The whole cue list and layout replaced (sort, header change, clean-up)."""

    doc: EditTarget
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


FRESH_SLOT = LayoutItem(None, None)
_OPEN_TAG_RE = re.compile(r"<(/?)([a-z]+)")
_TAG_AT_RE = re.compile(r"<[^<>\n]*>?")


_CHAR_REF_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def safe_split_position(text: str, pos: int) -> int:
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


def split_markup(left: str, right: str) -> tuple[str, str]:
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


def adopt(old: Cue | None, new: Cue) -> Cue:
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


def split_cue(old: Cue, char_pos: int, at_ms: int | None, gap_ms: int) -> tuple[Cue, Cue]:
    """Return the two cues ``old`` splits into at ``char_pos`` (see ``Document.split``).

    Raises ValueError when ``char_pos`` or ``at_ms`` is outside the cue, or when the gap
    leaves the first cue no time.
    """
    text = old.text
    if not 0 <= char_pos <= len(text):
        raise ValueError(
            _("position {char_pos} is outside the cue's text").format(char_pos=char_pos)
        )
    char_pos = safe_split_position(text, char_pos)
    left, right = split_markup(text[:char_pos], text[char_pos:])
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
            _(
                "the cue is too short to split here with a {gap_ms} ms gap between the halves"
            ).format(gap_ms=gap_ms)
        )
    first = adopt(None, old.with_changes(end_ms=at_ms - gap_ms, text=left))
    second = adopt(None, Cue(at_ms, old.end_ms, right, settings=old.settings))
    return first, second


def replaced_layout(
    old_cues: Sequence[Cue], old_layout: Sequence[LayoutItem], cues: Sequence[Cue]
) -> tuple[list[Cue], list[LayoutItem]]:
    """Return the cues and layout for ``cues`` replacing ``old_cues`` (see
    ``Document.replace_all``): cues are matched by ``uid``, kept ones keep their slot."""
    old_by_uid = {c.uid: c for c in old_cues}
    seen: set[int] = set()
    new_cues: list[Cue] = []
    fresh: list[bool] = []
    for cue in cues:
        old = old_by_uid.get(cue.uid) if cue.uid not in seen else None
        seen.add(cue.uid)
        new_cues.append(adopt(old, cue))
        fresh.append(old is None)
    keep = {c.uid for c, f in zip(new_cues, fresh, strict=True) if not f}
    layout: list[LayoutItem] = []
    k = 0
    j = 0

    def add_fresh() -> None:
        nonlocal j
        while j < len(new_cues) and fresh[j]:
            layout.append(FRESH_SLOT)
            j += 1

    for item in old_layout:
        if item.block is not None:
            layout.append(item)
            continue
        cue = old_cues[k]
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
    layout.extend([FRESH_SLOT] * (len(new_cues) - slots))
    while slots > len(new_cues):
        last = max(i for i, item in enumerate(layout) if item.block is None)
        del layout[last]
        slots -= 1
    old_end = old_layout[-1] if old_layout else None
    if layout and old_end is not None and old_end.sep is not None and layout[-1] is not old_end:
        layout[-1] = LayoutItem(layout[-1].block, old_end.sep)
    return new_cues, layout


def check_header_lines(metadata: Mapping[str, str]) -> None:
    """Raise ValueError naming the first ``key: value`` pair that cannot be a header line."""
    for key, value in metadata.items():
        if header_field(f"{key}: {value}") != (key, value) or any(c in key + value for c in "\r\n"):
            raise ValueError(
                _("{key!r}: {value!r} cannot be a header line").format(key=key, value=value)
            )
        if "-->" in key + value:
            raise ValueError(
                _("a header line cannot contain '-->' ({key}: {value})").format(
                    key=key, value=value
                )
            )


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def sorted_layout(layout: Sequence[LayoutItem], order: Sequence[int]) -> list[LayoutItem]:
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


def rewrite_header(text: str, wanted: Mapping[str, str], eol: str) -> str:
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


def put_language_note(layout: list[LayoutItem], language: str, eol: str) -> None:
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
