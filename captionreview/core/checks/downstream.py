"""The downstream view: the file as webvtt-py reads it, compared with what players show.

Many publishing scripts read captions with webvtt-py. Its parser is close to the WebVTT spec
but not the same (it accepts ``0:0:13.540``, stops at a timestamp it cannot convert, keeps
NUL characters), so a file can reach viewers with a cue missing, added or changed. This check
reads the text that saving writes with webvtt-py and reports every cue that webvtt-py does
not read as CaptionReview (and a browser) does: rule PUB-01, before the file is published.

Handing webvtt-py the whole file costs about 30 µs a cue, most of the time of ``check``. Most
blocks of a file are plain cues (see ``_by_blocks``) that webvtt-py provably reads one way: one
regular expression finds them and reads their times, identifier and text as webvtt-py would,
and webvtt-py itself reads the header and every other block that could hold a cue. The cues are
the same (``thorough=True`` hands webvtt-py the whole file and walks the cues one by one,
for the tests that show it).

The comparison is linear in the number of cues: both cue lists are walked in order, and where
they part, a look-up of each side's next cue in the other says which cues one side lacks.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Sequence
from itertools import chain, compress, product
from operator import add, attrgetter
from typing import TYPE_CHECKING, NamedTuple

from captionreview.core.checks.base import file_line
from captionreview.core.i18n import _
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.timecode import format_vtt_timestamp

if TYPE_CHECKING:
    from captionreview.core.document import Document

RULE = "PUB-01"
_SHOWN = 60


class Seen(NamedTuple):
    """A cue as one reader sees it: times, text (lines joined by ``\\n``) and identifier."""

    start_ms: int
    end_ms: int
    text: str
    identifier: str


class Columns(NamedTuple):
    """Cues as one reader sees them, field by field (no tuple a cue: cheap by the ten thousand)."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    identifiers: list[str]

    @classmethod
    def of(cls, cues: Sequence[Seen] | Sequence[Cue]) -> Columns:
        """Return the columns of ``cues`` (Seen tuples or our Cue objects)."""
        if cues and isinstance(cues[0], tuple):
            return cls(*(list(column) for column in zip(*cues, strict=True)))
        fields = ("start_ms", "end_ms", "text", "identifier")
        return cls(*(list(map(attrgetter(field), cues)) for field in fields))

    def seen(self, index: int) -> Seen:
        """Return the cue at ``index``."""
        return Seen(
            self.starts[index], self.ends[index], self.texts[index], self.identifiers[index]
        )

    def extend(self, other: Columns, start: int = 0, stop: int | None = None) -> None:
        """Append ``other``'s cues from ``start`` to ``stop``."""
        self.starts.extend(other.starts[start:stop])
        self.ends.extend(other.ends[start:stop])
        self.texts.extend(other.texts[start:stop])
        self.identifiers.extend(other.identifiers[start:stop])


def read_by_webvtt_py(text: str, *, thorough: bool = False) -> list[Seen]:
    """Return the cues webvtt-py reads from ``text`` (its default, forgiving mode).

    ``thorough`` hands webvtt-py the whole text; otherwise it reads only the blocks that are not
    plain cues, with the same result. Raises ValueError with webvtt-py's reason when it refuses
    the whole file.
    """
    columns = _whole_by_webvtt_py(text) if thorough else _by_blocks(text)
    return [Seen(*cue) for cue in zip(*columns, strict=True)]


def _whole_by_webvtt_py(text: str) -> Columns:
    """Return the cues webvtt-py reads from ``text``, all of it handed to webvtt-py."""
    # Lazy: a file of plain cues never needs webvtt-py, whose import is 13 ms of check's start.
    import webvtt

    try:
        captions = webvtt.from_string(text).captions
    # Any exception: this is a third-party parser on whatever the file holds, and what it
    # cannot read is exactly what this check exists to report, never a crash.
    except Exception as error:
        raise ValueError(f"{type(error).__name__}: {error}") from None
    return Columns(
        [c.start_time.in_milliseconds() for c in captions],
        [c.end_time.in_milliseconds() for c in captions],
        # Players read NUL as U+FFFD (and so does CaptionReview); VTT-NUL-01 says so.
        [c.raw_text.replace("\0", "\ufffd") for c in captions],
        [(c.identifier or "").replace("\0", "\ufffd") for c in captions],
    )


# How webvtt-py reads a file (webvtt/vtt.py, ``parse_items``), and so why a plain block needs
# no webvtt-py: it splits the text into lines at CR LF, CR and LF, and the lines into blocks at
# empty lines and at a "-->" line that cannot be the timing line of the block it follows. What
# a block holds never changes how another block's cues are read: only the first block is the
# header, regions count only before the first cue, NOTE blocks become comments, and a block
# without "-->" is never a cue. A block after an empty line is plain when it is
#   an optional identifier line (not starting NOTE, STYLE or REGION),
#   a timing line "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm" (ASCII digits, minutes and seconds under
#     60, spaces or tabs around the arrow), and after the end time a space or tab and anything,
#   one or more text lines,
# with no line all white space, no "-->" but the timing line's, and none of the characters that
# some webvtt-py releases break lines at (``str.splitlines``: VT, FF, FS, GS, RS, NEL, U+2028,
# U+2029), no NUL and no byte order mark. webvtt-py reads it as one cue with those times, that
# identifier (or none) and the text lines joined by LF.
_ODD = "\0\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ufeff"
_ODD_CLASS = r"\x00\x0b\x0c\x1c-\x1e\x85\u2028\u2029\ufeff"
# Minutes and seconds in one group: one look-up fewer a time than with a group each.
_TIME = r"(?:([0-9]{2}):|)([0-5][0-9]:[0-5][0-9])\.([0-9]{3})"


def _plain_pattern(free: str, line: str) -> re.Pattern[str]:
    """Return the pattern of a block after an empty line: a plain cue, or (last group) another.

    ``free`` matches what may follow the end time, ``line`` one identifier or text line. Every
    repeat is possessive and a block is tried at most three times (without an identifier, with
    one, as another block), so a search is linear in the text. Optional parts are written as
    alternatives with an empty one (``(?:|x)``): the engine takes them about a quarter quicker
    than ``(?:x)?``.
    """
    return re.compile(
        rf"\n\n(?:(?:|(?!NOTE|STYLE|REGION)({line})\n)"
        rf"{_TIME}[ \t]++-->[ \t]++{_TIME}(?:[ \t]{free}|)"
        rf"\n({line}(?:\n{line})*+)(?=\n\n|\Z)"
        r"|([^\n]++(?:\n[^\n]++)*+))"
    )


# Any line: for a text with none of the odd characters and no all-white line after its header,
# where the count of "-->" then shows that each plain block holds only its timing line's.
_PLAIN_QUICK = _plain_pattern(r"[^\n]*+", r"[^\n]++")
_FREE = rf"[^\n\-{_ODD_CLASS}]*+(?:-(?!->)[^\n\-{_ODD_CLASS}]*+)*+"


@functools.cache
def _plain_strict() -> re.Pattern[str]:
    """Return the same blocks' pattern for any text, each condition spelled out character by
    character (compiled when first needed: its classes take milliseconds to compile)."""
    return _plain_pattern(_FREE, rf"[^\S\n{_ODD_CLASS}]*+(?:[^\s\-{_ODD_CLASS}]|-(?!->)){_FREE}")


_ALL_WHITE_LINE = re.compile(r"\n[^\S\n]++(?=\n|\Z)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The milliseconds of each field as the pattern captures it (None for no hours and for the
# fields of another block): a look-up is three times quicker than int().
_HOURS = {None: 0} | {f"{n:02d}": n * 3_600_000 for n in range(100)}
_MILLISECONDS = {None: 0} | {f"{n:03d}": n for n in range(1000)}
_NO_IDENTIFIER = {None: ""}
# What the pattern's groups are, in the flat list ``split`` returns: the text before each
# block (empty lines only, after the header), then its groups.
_GROUPS = 10
_IDENTIFIER, _START, _END, _TEXT, _OTHER = 1, 2, 5, 8, 9


def _by_blocks(text: str) -> Columns:
    """Return the cues webvtt-py reads from ``text``, as ``_whole_by_webvtt_py`` does.

    The plain blocks are read here; webvtt-py reads an unusual header and the other blocks that
    hold a "-->", consecutive ones together.
    """
    # webvtt-py splits lines at CR LF, CR and LF alike, and empty lines at the end end a block.
    body = (_LINE_BREAK.sub("\n", text) if "\r" in text else text).rstrip("\n")
    header_end = body.find("\n\n")
    if header_end < 0:
        return _whole_by_webvtt_py(body)
    header = body[:header_end]
    if header.startswith(("WEBVTT", "\ufeffWEBVTT")) and "-->" not in header:
        # webvtt-py takes the file as WebVTT (its first line, after a byte order mark, starts
        # with WEBVTT) and reads no cue from a block without "-->".
        seen = Columns([], [], [], [])
    else:
        seen = _whole_by_webvtt_py(header)
    # Split, not findall: one flat list of strings and no tuple a block.
    parts = _blocks(body, header_end)
    others = parts[_OTHER::_GROUPS]
    plain = Columns(
        _times(*(parts[_START + field :: _GROUPS] for field in range(3))),
        _times(*(parts[_END + field :: _GROUPS] for field in range(3))),
        parts[_TEXT::_GROUPS],
        # No identifier (None) is "", as webvtt-py's None is: get(x, x) is "" for None, else x.
        list(map(_NO_IDENTIFIER.get, *[parts[_IDENTIFIER::_GROUPS]] * 2)),
    )
    waiting: list[str] = []
    done = 0
    for index in chain(compress(range(len(others)), others), [len(others)]):
        if index > done:
            if waiting:
                seen.extend(_whole_by_webvtt_py("WEBVTT\n\n" + "\n\n".join(waiting)))
                waiting = []
            seen.extend(plain, done, index)
        if index < len(others) and "-->" in others[index]:
            waiting.append(others[index])
        done = index + 1
    if waiting:
        seen.extend(_whole_by_webvtt_py("WEBVTT\n\n" + "\n\n".join(waiting)))
    return seen


@functools.cache
def _minutes_seconds() -> dict[str | None, int]:
    """Return the milliseconds of each "MM:SS" (made when first needed, not at every start)."""
    two = [f"{n:02d}" for n in range(60)]
    # In the order of product(): MM:SS is the (60 * MM + SS)th second.
    seconds = zip(map(":".join, product(two, repeat=2)), range(0, 3_600_000, 1000), strict=True)
    return {None: 0} | dict(seconds)


def _times(hours: list[str], minutes_seconds: list[str], millis: list[str]) -> list[int]:
    """Return the times in milliseconds of the captured fields (0 where there are none)."""
    return list(
        map(
            add,
            map(_HOURS.__getitem__, hours),
            map(
                add,
                map(_minutes_seconds().__getitem__, minutes_seconds),
                map(_MILLISECONDS.__getitem__, millis),
            ),
        )
    )


def _blocks(body: str, header_end: int) -> list[str]:
    """Return ``body`` split at every block after the header, with the pattern's groups: a
    plain cue's, or ``other`` (the last) for any other block.

    The quick pattern serves when the text after the header has no odd character and no
    all-white line and the count of "-->" shows each plain block holds only its timing line's;
    otherwise the strict one.
    """
    if not any(body.find(odd, header_end) >= 0 for odd in _ODD) and (
        _ALL_WHITE_LINE.search(body, header_end) is None
    ):
        parts = _PLAIN_QUICK.split(body)
        others = list(filter(None, parts[_OTHER::_GROUPS]))
        plain = len(parts) // _GROUPS - len(others)
        if plain + sum(other.count("-->") for other in others) == body.count("-->", header_end):
            return parts
    return _plain_strict().split(body)


def document_downstream(doc: Document, disabled: Collection[str] = frozenset()) -> list[Finding]:
    """PUB-01 of a loaded document: what the file would look like to publishing scripts that
    read it with webvtt-py (its text as it was read, else as saving writes it)."""
    text = doc.text_as_read()
    return downstream_findings(doc.text() if text is None else text, doc.cues, disabled)


def downstream_findings(
    text: str,
    cues: Sequence[Cue],
    disabled: Collection[str] = frozenset(),
    *,
    thorough: bool = False,
) -> list[Finding]:
    """Return a PUB-01 finding for every cue webvtt-py reads differently from ``cues``.

    ``text`` is the file as saving writes it (``Document.text()``) and ``cues`` the cues
    CaptionReview reads from it. Nothing when the profile turns PUB-01 off. ``thorough``
    hands webvtt-py the whole text and compares cue by cue (the findings are the same).
    """
    if RULE in disabled:
        return []
    try:
        theirs = _whole_by_webvtt_py(text) if thorough else _by_blocks(text)
    except ValueError as error:
        return [
            Finding(
                RULE,
                Severity.ERROR,
                _(
                    "webvtt-py, which many publishing scripts use, cannot read this file at "
                    "all ({reason}); fix the problems the reader lists first."
                ).format(reason=str(error)[:200]),
            )
        ]
    return _Comparison(Columns.of(cues), theirs, cues, thorough=thorough).run()


Key = tuple[int, int, str]


class _Comparison:
    """Walks our cues and webvtt-py's side by side and reports where they differ."""

    def __init__(
        self, ours: Columns, theirs: Columns, cues: Sequence[Cue], *, thorough: bool = False
    ) -> None:
        self.ours = ours
        self.theirs = theirs
        self.cues = cues
        self.out: list[Finding] = []
        # ``thorough``: one pair of cues a step, and every place of every cue looked up alike.
        self.alike = _one_by_one if thorough else _alike
        self.our_places = _Places(ours, thorough=thorough)
        self.their_places = _Places(theirs, thorough=thorough)

    def run(self) -> list[Finding]:
        """Compare the two lists in one walk; return the findings in cue order."""
        ours, theirs = self.ours, self.theirs
        our_count, their_count = len(ours.starts), len(theirs.starts)
        i = j = 0
        while i < our_count and j < their_count:
            alike = self.alike(ours, i, theirs, j)
            i, j = i + alike, j + alike
            if i == our_count or j == their_count:
                break
            mine, other = ours.seen(i), theirs.seen(j)
            if mine[:3] == other[:3]:
                self.changed(i, other)  # only the identifiers differ
                i, j = i + 1, j + 1
                continue
            later_theirs = self.their_places.next(mine[:3], j)
            later_ours = self.our_places.next(other[:3], i)
            if later_theirs is None and later_ours is None:
                self.changed(i, other)
                i, j = i + 1, j + 1
            elif later_ours is None or (
                later_theirs is not None and later_theirs - j <= later_ours - i
            ):
                assert later_theirs is not None
                for extra in range(j, later_theirs):
                    self.extra(i - 1, theirs.seen(extra))
                j = later_theirs
            else:
                for missing in range(i, later_ours):
                    self.missing(missing)
                i = later_ours
        for missing in range(i, our_count):
            self.missing(missing)
        for extra in range(j, their_count):
            self.extra(our_count - 1, theirs.seen(extra))
        return self.out

    def add(self, index: int | None, severity: Severity, message: str) -> None:
        cue = self.cues[index] if index is not None else None
        self.out.append(
            Finding(
                RULE,
                severity,
                message,
                index,
                cue.uid if cue is not None else None,
                line=file_line(cue, None) if cue is not None else None,
            )
        )

    def missing(self, index: int) -> None:
        self.add(
            index,
            Severity.ERROR,
            _(
                "webvtt-py, which many publishing scripts use, does not read this cue: "
                "published that way, the video would lose it."
            ),
        )

    def extra(self, before: int, seen: Seen) -> None:
        if before >= 0:
            message = _(
                "After this cue, webvtt-py reads a cue that players skip ({start} --> {end} "
                "“{text}”): scripts that use it would publish it. Fix or delete that block."
            )
        else:
            message = _(
                "Before the first cue, webvtt-py reads a cue that players skip ({start} --> "
                "{end} “{text}”): scripts that use it would publish it. Fix or delete that block."
            )
        self.add(
            before if before >= 0 else None,
            Severity.WARN,
            message.format(
                start=format_vtt_timestamp(seen.start_ms),
                end=format_vtt_timestamp(seen.end_ms),
                text=_shown(seen.text),
            ),
        )

    def changed(self, index: int, seen: Seen) -> None:
        mine = self.ours.seen(index)
        parts = []
        if (mine.start_ms, mine.end_ms) != (seen.start_ms, seen.end_ms):
            parts.append(
                _("its times as {start} --> {end}").format(
                    start=format_vtt_timestamp(seen.start_ms),
                    end=format_vtt_timestamp(seen.end_ms),
                )
            )
        if mine.text != seen.text:
            parts.append(_("its text as “{text}”").format(text=_shown(seen.text)))
        if mine.identifier != seen.identifier:
            parts.append(_("its identifier as “{identifier}”").format(identifier=seen.identifier))
        self.add(
            index,
            Severity.WARN,
            _(
                "webvtt-py, which many publishing scripts use, reads {parts}, not as players "
                "show it."
            ).format(parts=_("; ").join(parts)),
        )


def _one_by_one(ours: Columns, i: int, theirs: Columns, j: int) -> int:
    """Return how many cues from ``ours`` at ``i`` and ``theirs`` at ``j`` on are equal, cue by
    cue."""
    limit = min(len(ours.starts) - i, len(theirs.starts) - j)
    alike = 0
    while alike < limit and ours.seen(i + alike) == theirs.seen(j + alike):
        alike += 1
    return alike


def _alike(ours: Columns, i: int, theirs: Columns, j: int) -> int:
    """Return how many cues from ``ours`` at ``i`` and ``theirs`` at ``j`` on are equal.

    Slices are compared whole (in C), in runs that double while they match and halve when they
    do not: a stretch of n equal cues costs O(n) work in O(log n) steps.
    """
    limit = min(len(ours.starts) - i, len(theirs.starts) - j)
    alike, size = 0, 1
    while alike < limit:
        size = min(size, limit - alike)
        mine, other = slice(i + alike, i + alike + size), slice(j + alike, j + alike + size)
        if (
            ours.starts[mine] == theirs.starts[other]
            and ours.ends[mine] == theirs.ends[other]
            and ours.texts[mine] == theirs.texts[other]
            and ours.identifiers[mine] == theirs.identifiers[other]
        ):
            alike += size
            size *= 2
        elif size == 1:
            break
        else:
            size //= 2
    return alike


class _Places:
    """Where each (start, end, text) occurs among cues, worked out at the first look-up."""

    def __init__(self, cues: Columns, *, thorough: bool = False) -> None:
        self.cues = cues
        self.first: dict[int, int] | None = None
        self.every: dict[Key, list[int]] | None = None
        self.thorough = thorough

    def next(self, key: Key, start: int) -> int | None:
        """Return the first place of ``key`` at or after ``start``, None when there is none."""
        cues = self.cues
        if self.thorough:
            return self._next_of_every(key, start)
        if self.first is None:
            # The first cue of each start time: whole numbers hash at once, long texts do not.
            count = len(cues.starts)
            self.first = dict(zip(reversed(cues.starts), range(count - 1, -1, -1), strict=True))
        first = self.first.get(key[0])
        if first is None:
            return None
        if first >= start and (cues.ends[first], cues.texts[first]) == key[1:]:
            return first
        if len(self.first) == len(cues.starts):
            return None  # no two cues start at once, so the key occurs nowhere else
        return self._next_of_every(key, start)

    def _next_of_every(self, key: Key, start: int) -> int | None:
        """Return the first place of ``key`` at or after ``start`` from every place of each."""
        cues = self.cues
        if self.every is None:
            self.every = {}
            keys = zip(cues.starts, cues.ends, cues.texts, strict=True)
            for index, each in enumerate(keys):
                self.every.setdefault(each, []).append(index)
        found = self.every.get(key, [])
        at = bisect.bisect_left(found, start)
        return found[at] if at < len(found) else None


def _shown(text: str) -> str:
    """Return cue text on one line, shortened for a message."""
    flat = text.replace("\n", " / ")
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"
