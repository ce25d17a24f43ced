"""Lossless WebVTT reading: the file split into blocks that keep their exact text.

The block rules follow the parser of the WebVTT spec (what browsers show), so a cue a browser
shows is a cue here, with the same id, times, settings and text. Unlike a browser, nothing is
thrown away: a block the parser would drop (a bad timing line, stray text, a STYLE block after
the first cue) is kept verbatim as an *unparsed* block and reported as a :class:`Problem` with
its 1-based line number.

One pass over the text: a single compiled pattern cuts it into runs of non-empty lines
("chunks") and the blank lines after them, and reads a chunk that is one cue (its timing line
first, or second under an identifier) in the same match, timestamps split into groups. Only
unusual chunks (a ``-->`` further down, NOTE/STYLE/REGION, stray text) go through the
line-by-line algorithm of the spec; a test checks that both ways read every file alike.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

from captionreview.core.collector import paused_collector
from captionreview.core.i18n import _
from captionreview.core.model import Cue, Problem, Severity, new_uid
from captionreview.core.timecode import MAX_HOUR_DIGITS, explain_timestamp

# A chunk: one or more non-empty lines, then the run of empty lines after it.
_CHUNK_RE = re.compile(r"((?:[^\r\n]+(?:\r\n|\r|\n|\Z))+)((?:\r\n|\r|\n)*)")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_EOL_RE = re.compile(r"\r\n|\r|\n")
# ASCII whitespace in the spec's sense: tab, LF, FF, CR, space (not vertical tab).
_WS = "\t\n\f\r "
_TS = r"([0-9]+):([0-9]{2})(?![0-9])(?::([0-9]{2})(?![0-9]))?\.([0-9]{3})(?![0-9])"
_TIMING_RE = re.compile(rf"[\t\n\f\r ]*{_TS}[\t\n\f\r ]*-->[\t\n\f\r ]*{_TS}(.*)", re.DOTALL)
# Two timestamps with something other than "-->" between them: a timing line whose arrow is
# wrong ("->", "- ->", "—>"), which the spec's parser sees as stray text.
_ARROWLESS_RE = re.compile(r"[\t ]*[0-9]+:[0-9:.,]+[\t ]+\S{1,4}[\t ]+[0-9]+:[0-9:.,]+")
_SETTINGS_SPLIT_RE = re.compile(r"[\t\n\f\r ]+")


def block_pattern(eol: str, char: str, *, cues: bool = True) -> re.Pattern[str]:
    """Return the one pattern of the main loop for line endings ``eol`` (a regex).

    It matches a chunk whose first or second line is a timing line (the common cue, with or
    without an identifier line, its timestamps already split into groups), or any other
    chunk; then the blank lines after it. The identifier is tried second (lazy ``??``) so a
    chunk that starts with its timing line is never read as identifier + timing line.
    ``char`` is the class of characters that are not line endings. With ``cues=False`` every
    chunk goes the spec's line-by-line way (what the tests compare the fast way with).
    """
    lines = rf"(?:{char}+(?:{eol}|\Z))"
    never = "" if cues else "(?!)"
    return re.compile(
        rf"(?:{never}(?:({char}+)(?:{eol}))??"
        rf"[\t\f ]*{_TS}[\t\f ]*-->[\t\f ]*{_TS}({char}*)(?:{eol}|\Z)({lines}*)"
        rf"|({lines}+))"
        rf"((?:{eol})*)"
    )


# Any mix of line endings, and the same pattern for a file with only one kind (nearly all
# files), where one line ending instead of three alternatives makes the pattern faster.
_BLOCK_RE = block_pattern(r"\r\n|\r|\n", r"[^\r\n]")
_BLOCK_RE_BY_EOL = {
    "\n": block_pattern(r"\n", r"[^\n]"),
    "\r\n": block_pattern(r"\r\n", r"[^\r\n]"),
    "\r": block_pattern(r"\r", r"[^\r]"),
}
_SEP_GROUP = 13
# The parts of HH:MM:SS.mmm in milliseconds, by their digits.
_HOURS_MS = {f"{n:02d}": n * 3_600_000 for n in range(100)}
_MINUTES_MS = {f"{n:02d}": n * 60_000 for n in range(60)}
_SECONDS_MS = {f"{n:02d}": n * 1000 for n in range(60)}
_MILLIS = {f"{n:03d}": n for n in range(1000)}


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A non-cue block kept exactly as read: ``kind`` is header, note, style, region or unparsed.

    ``text`` holds the block's lines with their own line endings (not the blank lines after it).
    """

    kind: str
    text: str
    line: int = 0


class LayoutItem(NamedTuple):
    """One entry of a file's layout: a raw block, or a cue slot (``block is None``).

    ``sep`` is the run of blank lines that followed the item in the file, or ``None`` for a
    slot made by an edit (the writer then puts one blank line, none at the end of the file).
    The k-th cue slot writes the document's k-th cue, so comments keep their place when cues
    are inserted, deleted or sorted.
    """

    block: RawBlock | None
    sep: str | None


@dataclass(slots=True)
class Region:
    """A WebVTT region definition (REGION block), with the spec's defaults."""

    identifier: str = ""
    width: float = 100.0
    lines: float = 3
    region_anchor: tuple[float, float] = (0.0, 100.0)
    viewport_anchor: tuple[float, float] = (0.0, 100.0)
    scroll: str = ""


@dataclass(slots=True)
class ParsedVtt:
    """What the reader found: the layout, the cues, the problems and the header metadata."""

    bom: bool = False
    eol: str = "\n"
    layout: list[LayoutItem] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    regions: list[Region] = field(default_factory=list)
    has_signature: bool = True


CueMaker = Callable[[int, int, str, str, str, str, int], Cue]
_CUE_FIELDS = ("start_ms", "end_ms", "text", "identifier", "settings", "source", "line", "uid")


class _CueSlots:
    """The slots of :class:`Cue`, settable: the reader fills them and then makes the object a
    ``Cue`` (the layouts are the same, so Python allows the switch)."""

    __slots__ = Cue.__slots__


def _cue_maker() -> CueMaker:
    """Return ``make(start, end, text, identifier, settings, source, line)`` -> a new Cue.

    A frozen dataclass sets each field through ``object.__setattr__`` in its ``__init__``,
    which is a third of the time a cue takes to read; the reader stores the slots of a twin
    class and changes the class instead. When Cue has other fields than these, this is the
    plain constructor.
    """
    if tuple(f.name for f in fields(Cue)) != _CUE_FIELDS:
        return Cue
    new = object.__new__

    def make(
        start: int, end: int, text: str, identifier: str, settings: str, source: str, line: int
    ) -> Cue:
        cue: Any = new(_CueSlots)
        cue.start_ms = start
        cue.end_ms = end
        cue.text = text
        cue.identifier = identifier
        cue.settings = settings
        cue.source = source
        cue.line = line
        cue.uid = new_uid()
        cue.__class__ = Cue
        made: Cue = cue
        return made

    return make


def _to_ms(h: str | None, m: str, s: str | None, ms: str) -> int | None:
    """Apply the spec's timestamp rules to regex groups; None when the spec rejects it (or the
    hours have more digits than any real time)."""
    if len(h or "") > MAX_HOUR_DIGITS:
        return None
    if s is None:
        if len(h or "") != 2 or int(h or "0") > 59:
            return None
        hours, minutes, seconds = 0, int(h or "0"), int(m)
    else:
        hours, minutes, seconds = int(h or "0"), int(m), int(s)
    if minutes > 59 or seconds > 59:
        return None
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(ms)


def parse_timing_line(line: str) -> tuple[int, int, str] | None:
    """Return ``(start_ms, end_ms, settings)`` for a cue timing line, None when invalid."""
    m = _TIMING_RE.match(line)
    if m is None:
        return None
    g = m.groups()
    start = _to_ms(g[0], g[1], g[2], g[3])
    end = _to_ms(g[4], g[5], g[6], g[7])
    if start is None or end is None:
        return None
    return start, end, g[8].strip(_WS)


def explain_timing_line(line: str) -> str:
    """Return a plain sentence saying why a timing line cannot be read."""
    if "-->" not in line:
        return _("the line has no '-->' between the start and end times")
    left, _arrow, right = line.partition("-->")
    start = left.strip(_WS)
    end = right.strip(_WS).split(" ")[0].split("\t")[0] if right.strip(_WS) else ""
    for stamp in (start, end):
        if not re.fullmatch(_TS, stamp) or _TIMING_RE.match(f"{stamp} --> {stamp}") is None:
            return explain_timestamp(stamp)
        if parse_timing_line(f"{stamp} --> {stamp}") is None:
            return explain_timestamp(stamp)
    return _("the timing line is not of the form 00:00:01.000 --> 00:00:02.000")


def timing_rule(line: str) -> str:
    """Return the QUALITY_RULES id for an unreadable timing line: VTT-TS-02 for the arrow,
    VTT-TS-01 for a timestamp."""
    return "VTT-TS-01" if "-->" in line else "VTT-TS-02"


def _is_keyword_block(first: str, keyword: str) -> bool:
    """Return True when ``first`` is ``keyword`` followed by nothing but whitespace."""
    return first.startswith(keyword) and not first[len(keyword) :].strip(_WS)


def _is_note(first: str) -> bool:
    return first.startswith("NOTE") and (len(first) == 4 or first[4] in " \t")


class _Reader:
    """The one-pass reader; use :func:`read_vtt`."""

    def __init__(self, text: str) -> None:
        self.out = ParsedVtt()
        if text.startswith("\ufeff"):
            self.out.bom = True
            text = text[1:]
        self.nul = "\0" in text
        self.seen_cue = False
        self.text = text
        kind = _eol_kind(text)
        self.count_lines = _line_counter(text, kind)
        self.block_re = _BLOCK_RE if kind is None else _BLOCK_RE_BY_EOL[kind]

    def problem(self, line: int, severity: Severity, rule: str, message: str, snip: str) -> None:
        self.out.problems.append(Problem(line, severity, rule, message, snip[:80]))

    def clean(self, s: str) -> str:
        """Replace NUL as the spec's preprocessing does (the raw text keeps it)."""
        return s.replace("\0", "\ufffd") if self.nul else s

    def add(self, block: RawBlock | None, sep: str) -> None:
        self.out.layout.append(LayoutItem(block, sep))

    def add_cue(self, cue: Cue, sep: str) -> None:
        # A cue that ends before it starts is read as browsers read it; the quality check
        # VTT-TS-03 reports it (and stops when it is fixed), so it is not a load problem too.
        self.seen_cue = True
        self.out.cues.append(cue)
        self.add(None, sep)

    def run(self) -> ParsedVtt:
        text = self.text
        eol = _EOL_RE.search(text)
        if eol is not None:
            self.out.eol = eol.group(0)
        first_end = eol.start() if eol is not None else len(text)
        signature = text[:first_end]
        if not (signature.startswith("WEBVTT") and (len(signature) == 6 or signature[6] in " \t")):
            self.missing_signature(text, signature)
            return self.out
        first = _CHUNK_RE.match(text)
        assert first is not None  # the signature line is not empty
        rest = self.header(first.group(1), first.group(2))
        if rest:
            start = first.start(1) + len(first.group(1)) - len(rest)
            self.slow_chunk(rest, first.group(2), 1 + self.count_lines(0, start))
        self.blocks(text, first.end(), 1 + self.count_lines(0, first.end()))
        self.out.metadata = layout_metadata(self.out.layout)
        self.report_nul()
        return self.out

    def report_nul(self) -> None:
        """Report NUL characters once, at the first (VTT-NUL-01: usually a damaged file)."""
        if not self.nul:
            return
        first = self.text.index("\0")
        line = 1 + self.count_lines(0, first)
        count = self.text.count("\0")
        self.problem(
            line,
            Severity.WARN,
            "VTT-NUL-01",
            _(
                "the file holds {count} NUL character{value} (players show "
                "them as �), which usually means the file is damaged; check "
                "the text there"
            ).format(count=count, value="s" if count > 1 else ""),
            self.clean(_LINE_RE.findall(self.text, self.text.rfind("\n", 0, first) + 1)[0]),
        )
        self.out.problems.sort(key=lambda p: p.line)

    def missing_signature(self, text: str, first_line: str) -> None:
        """Read a file without the WEBVTT line: its blocks as usual, under a made-up header.

        Browsers refuse such a file, so it is an error; but its cues are read (they can be
        edited and saved), and the header ``WEBVTT`` + blank line is what saving adds in
        front of the file's text, which otherwise stays byte for byte as it was.
        """
        self.out.has_signature = False
        self.problem(
            1,
            Severity.ERROR,
            "VTT-SIG-01",
            _(
                "the first line must be WEBVTT, or players will not load the file; "
                "CaptionReview adds it when you save"
            ),
            first_line,
        )
        leading = re.match(r"(?:\r\n|\r|\n)*", text)
        assert leading is not None  # the pattern matches the empty string
        start = leading.end()
        eol = self.out.eol
        # The blank lines the file starts with stay, after the added header's own blank line.
        self.add(
            RawBlock("header", "WEBVTT" + eol, 0), (eol if start < len(text) else "") + text[:start]
        )
        self.blocks(text, start, 1 + self.count_lines(0, start))

    def blocks(self, text: str, pos: int, line_no: int) -> None:
        """Read every block after the header (the hot loop: keep it lean)."""
        cues = self.out.cues
        layout = self.out.layout
        count_lines = self.count_lines
        make_cue = _cue_maker()
        hours, minutes, seconds, millis = _HOURS_MS, _MINUTES_MS, _SECONDS_MS, _MILLIS
        nul = self.nul
        slots: dict[str, LayoutItem] = {}
        last = pos
        for m in self.block_re.finditer(text, pos):
            begin = m.start()
            line_no += count_lines(last, begin)
            last = begin
            ident, h1, m1, s1, f1, h2, m2, s2, f2, settings, body, other, sep = m.groups()
            # A timing line first (or second, under an identifier) and no other arrow: the
            # spec's block is this cue. Anything else goes the spec's line-by-line way.
            if other is None and "-->" not in body and (ident is None or "-->" not in ident):
                # HH:MM:SS.mmm with two-digit hours, nearly every timestamp, is read by table
                # look-ups (which also apply the spec's "at most 59"); the rest by the rules.
                hh, mm, ss = hours.get(h1), minutes.get(m1), seconds.get(s1)
                if hh is not None and mm is not None and ss is not None:
                    start: int | None = hh + mm + ss + millis[f1]
                else:
                    start = _to_ms(h1, m1, s1, f1)
                hh, mm, ss = hours.get(h2), minutes.get(m2), seconds.get(s2)
                if hh is not None and mm is not None and ss is not None:
                    end: int | None = hh + mm + ss + millis[f2]
                else:
                    end = _to_ms(h2, m2, s2, f2)
                if start is not None and end is not None:
                    stop = m.start(_SEP_GROUP)
                    cue_text = body.rstrip("\r\n")
                    if "\r" in cue_text:
                        cue_text = _EOL_RE.sub("\n", cue_text)
                    if settings:
                        settings = settings.strip(_WS)
                    if nul:
                        cue_text = cue_text.replace("\0", "\ufffd")
                        settings = settings.replace("\0", "\ufffd")
                        ident = ident.replace("\0", "\ufffd") if ident else ident
                    cues.append(
                        make_cue(
                            start, end, cue_text, ident or "", settings, text[begin:stop], line_no
                        )
                    )
                    slot = slots.get(sep)
                    if slot is None:
                        slot = slots[sep] = LayoutItem(None, sep)
                    layout.append(slot)
                    self.seen_cue = True
                    continue
            self.slow_chunk(text[begin : m.start(_SEP_GROUP)], sep, line_no)

    def header(self, chunk: str, sep: str) -> str:
        """Take the header off the first chunk; return what is left of the chunk."""
        lines = _LINE_RE.findall(chunk)
        n = 1
        while n < len(lines) and "-->" not in lines[n]:
            n += 1
        header = "".join(lines[:n])
        rest = "".join(lines[n:])
        self.add(RawBlock("header", header, 1), "" if rest else sep)
        if rest:
            timing_line = lines[n].rstrip("\r\n")
            self.problem(
                n + 1,
                Severity.WARN,
                "VTT-HDR-03",
                _(
                    "a cue timing line inside the header (no blank line after it): it starts a "
                    "cue here, but put a blank line before it for other players"
                ),
                timing_line,
            )
        return rest

    def slow_chunk(self, chunk: str, sep: str, line_no: int) -> None:
        """The spec's 'collect a WebVTT block' loop over a chunk, keeping every line."""
        raws: list[str] = _LINE_RE.findall(chunk)
        lines = [self.clean(r.rstrip("\r\n")) for r in raws]
        pos = 0
        while pos < len(lines):
            pos = self.block(raws, lines, pos, line_no + pos)
        # Blocks inside one chunk touch each other; only the last has the blank lines after it.
        self.out.layout[-1] = LayoutItem(self.out.layout[-1].block, sep)

    def block(self, raws: list[str], lines: list[str], start: int, line_no: int) -> int:
        """Collect one block from ``start``; add it to the layout; return where the next starts."""
        count = 0
        seen_arrow = False
        buffer: list[str] = []
        cue: tuple[str, int, int, str, int] | None = None
        bad_timing: int | None = None
        kind = ""
        j = start
        while j < len(lines):
            line = lines[j]
            count += 1
            if "-->" in line:
                if count == 1 or (count == 2 and not seen_arrow):
                    seen_arrow = True
                    ident = buffer[0] if buffer else ""
                    timing = parse_timing_line(line)
                    if timing is None:
                        cue = None
                        bad_timing = j
                    else:
                        cue = (ident, *timing, j)
                        buffer = []
                        kind = "cue"
                    j += 1
                    continue
                break
            if count == 2 and not self.seen_cue and not kind and buffer:
                if _is_keyword_block(buffer[0], "STYLE"):
                    kind = "style"
                elif _is_keyword_block(buffer[0], "REGION"):
                    kind = "region"
            buffer.append(line)
            j += 1
        raw = "".join(raws[start:j])
        if cue is not None:
            ident, begin, finish, settings, _rest = cue
            self.add_cue(Cue(begin, finish, "\n".join(buffer), ident, settings, raw, line_no), "")
        elif kind == "style":
            self.add(RawBlock("style", raw, line_no), "")
        elif kind == "region":
            self.out.regions.append(parse_region(buffer[1:]))
            self.add(RawBlock("region", raw, line_no), "")
        elif bad_timing is not None and bad_timing == start and _is_note(lines[start]):
            self.problem(
                line_no,
                Severity.WARN,
                "VTT-NOTE-01",
                _(
                    "a NOTE may not contain '-->': players take the block for a broken cue "
                    "and skip it; write the arrow another way"
                ),
                lines[start],
            )
            self.add(RawBlock("unparsed", raw, line_no), "")
        elif bad_timing is not None:
            timing_line = lines[bad_timing]
            self.problem(
                line_no + bad_timing - start,
                Severity.ERROR,
                timing_rule(timing_line),
                _(
                    "the timing line cannot be read: {explain_timing_line}; "
                    "players skip this cue (the block is kept as it is)"
                ).format(explain_timing_line=explain_timing_line(timing_line)),
                timing_line,
            )
            self.add(RawBlock("unparsed", raw, line_no), "")
        elif buffer and _is_note(buffer[0]):
            self.add(RawBlock("note", raw, line_no), "")
        else:
            self.stray(raw, buffer, line_no)
        return j

    def stray(self, raw: str, buffer: list[str], line_no: int) -> None:
        first = buffer[0] if buffer else ""
        if self.seen_cue and (
            _is_keyword_block(first, "STYLE") or _is_keyword_block(first, "REGION")
        ):
            what = first.strip(_WS)
            message = _(
                "a {what} block after the first cue is ignored by players; "
                "move it above the first cue"
            ).format(what=what)
            rule = "VTT-STY-01" if first.startswith("STYLE") else "VTT-REG-01"
        elif _ARROWLESS_RE.match(first):
            message = _(
                "the timing line cannot be read: {explain_timing_line}; "
                "players skip this cue (the block is kept as it is)"
            ).format(explain_timing_line=explain_timing_line(first))
            rule = "VTT-TS-02"
        elif not first.strip(_WS):
            message = _(
                "this line holds only spaces, which WebVTT does not count as a blank line, so "
                "the lines after it are not read as they should be; delete the spaces"
            )
            rule = "VTT-TXT-02"
        else:
            message = _(
                "text without a timing line is ignored by players (a blank line inside a cue "
                "splits it in two: remove the blank line, or add a timing line)"
            )
            rule = "VTT-TXT-02"
        severity = Severity.ERROR if any(line.strip(_WS) for line in buffer) else Severity.WARN
        if rule in ("VTT-STY-01", "VTT-REG-01"):
            severity = Severity.WARN  # QUALITY_RULES: the block is ignored, no cue is lost
        self.problem(line_no, severity, rule, message, first)
        self.add(RawBlock("unparsed", raw, line_no), "")


def header_field(line: str) -> tuple[str, str] | None:
    """Return ``(key, value)`` of a header line such as ``Kind: captions`` or
    ``X-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000``; None for a line that is not one."""
    content = line.rstrip("\r\n").replace("\0", "\ufffd")
    key, colon, value = content.partition(":")
    if not colon or "=" in key:
        key, colon, value = content.partition("=")
    key = key.strip()
    if colon and key and " " not in key:
        return key, value.strip()
    return None


def header_metadata(header: str) -> dict[str, str]:
    """Return the ``key: value`` lines of a header block's text (the WEBVTT line excluded)."""
    found: dict[str, str] = {}
    for line in _LINE_RE.findall(header)[1:]:
        field = header_field(line)
        if field is not None:
            found[field[0]] = field[1]
    return found


_LANGUAGE_NOTE_RE = re.compile(r"NOTE[ \t]+Language:[ \t]*([^\s]+)[ \t]*(?:\r\n|\r|\n)?\Z")


def note_language(note: str) -> str | None:
    """Return ``xx`` for a one-line ``NOTE Language: xx`` block's text, else None."""
    m = _LANGUAGE_NOTE_RE.match(note)
    return m.group(1) if m else None


def first_note(layout: Sequence[LayoutItem]) -> int | None:
    """Return the layout position of the first NOTE block before the first cue, or None."""
    for position, (block, _sep) in enumerate(layout):
        if block is None:
            return None
        if block.kind == "note":
            return position
    return None


def layout_metadata(layout: Sequence[LayoutItem]) -> dict[str, str]:
    """Return a file's metadata: its header lines, plus ``Language`` from a ``NOTE Language:
    xx`` block when that is the first NOTE before the first cue and the header has none
    (how ``captionreview clean`` and ``Document.set_header_metadata`` keep the language)."""
    if not layout or layout[0].block is None or layout[0].block.kind != "header":
        return {}
    found = header_metadata(layout[0].block.text)
    if "Language" not in found:
        position = first_note(layout)
        if position is not None:
            block = layout[position].block
            assert block is not None
            language = note_language(block.text)
            if language is not None:
                found["Language"] = language
    return found


def _eol_kind(text: str) -> str | None:
    """Return the one kind of line ending ``text`` uses ("\\n" when none), None for a mix."""
    cr = text.count("\r")
    if not cr:
        return "\n"
    lf = text.count("\n")
    if not lf:
        return "\r"
    return "\r\n" if text.count("\r\n") == cr == lf else None


def _line_counter(text: str, kind: str | None) -> Callable[[int, int], int]:
    """Return a fast ``count(start, stop)`` of line breaks in ``text[start:stop]``."""
    if kind is not None:
        return functools.partial(text.count, "\r" if kind == "\r" else "\n")
    if text.count("\r\n") == text.count("\r"):
        return functools.partial(text.count, "\n")

    def count(start: int, stop: int) -> int:
        return len(_EOL_RE.findall(text, start, stop))

    return count


_PERCENT_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?%\Z")


def parse_percentage(value: str) -> float | None:
    """Return a WebVTT percentage (``"50%"``) as a number from 0 to 100, None when invalid."""
    if not _PERCENT_RE.match(value):
        return None
    number = float(value[:-1])
    return number if 0 <= number <= 100 else None


def _parse_anchor(value: str) -> tuple[float, float] | None:
    x, comma, y = value.partition(",")
    if not comma:
        return None
    px, py = parse_percentage(x), parse_percentage(y)
    if px is None or py is None:
        return None
    return px, py


def parse_region(lines: list[str]) -> Region:
    """Return the region a REGION block's setting lines define (spec: region settings)."""
    region = Region()
    for setting in _SETTINGS_SPLIT_RE.split(" ".join(lines)):
        name, colon, value = setting.partition(":")
        if not colon or not name or not value:
            continue
        if name == "id" and "-->" not in value:
            region.identifier = value
        elif name == "width":
            width = parse_percentage(value)
            if width is not None:
                region.width = width
        # WPT keeps counts as large as 1e34; only a run longer than int() accepts (4,300
        # digits by default) is ignored instead of raising.
        elif name == "lines" and value.isascii() and value.isdigit() and len(value) <= 4300:
            region.lines = int(value)
        elif name in ("regionanchor", "viewportanchor"):
            anchor = _parse_anchor(value)
            if anchor is not None and name == "regionanchor":
                region.region_anchor = anchor
            elif anchor is not None:
                region.viewport_anchor = anchor
        elif name == "scroll" and value == "up":
            region.scroll = "up"
    return region


def read_vtt(text: str) -> ParsedVtt:
    """Split WebVTT ``text`` into blocks and cues; never raises, never drops text."""
    with paused_collector():
        return _Reader(text).run()


@dataclass(slots=True)
class CueSettings:
    """A cue's settings as the spec's parser reads them (what a browser applies).

    ``line`` and ``position`` are None for "auto"; ``region`` is the region the cue is in.
    """

    vertical: str = ""
    line: float | None = None
    snap_to_lines: bool = True
    line_align: str = "start"
    position: float | None = None
    position_align: str = "auto"
    size: float = 100.0
    align: str = "center"
    region: Region | None = None


_LINE_NUMBER_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")


def _parse_line_setting(value: str, settings: CueSettings) -> None:
    position, comma, align = value.partition(",")
    if not any(ch in "0123456789" for ch in position):
        return
    if position.endswith("%"):
        number = parse_percentage(position)
        if number is None:
            return
        snap = False
    else:
        if not _LINE_NUMBER_RE.match(position):
            return
        number = float(position)
        if not math.isfinite(number):
            return
        snap = True
    if comma and align not in ("start", "center", "end"):
        return
    if comma:
        settings.line_align = align
    settings.line = number
    settings.snap_to_lines = snap


def _parse_position_setting(value: str, settings: CueSettings) -> None:
    position, comma, align = value.partition(",")
    number = parse_percentage(position)
    if number is None:
        return
    if comma and align not in ("line-left", "center", "line-right"):
        return
    if comma:
        settings.position_align = align
    settings.position = number


def parse_cue_settings(text: str, regions: list[Region] | None = None) -> CueSettings:
    """Return the settings a browser applies for a cue's settings string.

    ``regions`` are the document's REGION definitions (for ``region:id``). Unknown or
    invalid settings are ignored, as the spec's parser does.
    """
    settings = CueSettings()
    for setting in _SETTINGS_SPLIT_RE.split(text):
        name, colon, value = setting.partition(":")
        if not colon or not name or not value:
            continue
        if name == "region":
            found = [r for r in regions or () if r.identifier == value]
            settings.region = found[-1] if found else None
        elif name == "vertical" and value in ("rl", "lr"):
            settings.vertical = value
        elif name == "line":
            _parse_line_setting(value, settings)
        elif name == "position":
            _parse_position_setting(value, settings)
        elif name == "size":
            size = parse_percentage(value)
            if size is not None:
                settings.size = size
        elif name == "align" and value in ("start", "center", "end", "left", "right"):
            settings.align = value
    return settings
