"""A file's findings and cues for ``captionreview check``: JSON text written directly, rows
for text.

A 30,000-cue YouTube karaoke file has about 230,000 findings. Building a dict per finding and
handing the list to ``json.dumps`` cost about as much as the checks themselves; here each
distinct string (rules, severities and the messages, which repeat) is encoded once and every
finding is one format of those pieces. The text is exactly what
``json.dumps([finding_json(f, cues) for f in findings], ensure_ascii=False)`` writes, and
likewise for the cues (tests/cli/test_findings_json.py holds them to that on the corpus and on
generated findings and cues).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring  # the C encoder's own, with ensure_ascii=False
from operator import attrgetter
from typing import Any, Protocol, TextIO

# Not from checks.audio, which only the audio checks need: 3 ms of every start.
from captionreview.core.checks.findings import finding_range, track_range
from captionreview.core.model import Cue, Finding, Severity


def finding_json(finding: Finding, cues: Sequence[Cue]) -> dict[str, Any]:
    """Return a finding as a JSON-ready dict, with the time range it is about."""
    start_ms, end_ms = finding_range(finding, cues)
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "cue": finding.cue_index,
        "line": finding.line,
        "span": list(finding.span) if finding.span else None,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "start_ms": start_ms,
        "end_ms": end_ms,
        "confidence": finding.confidence,
    }


def cue_json(index: int, cue: Cue) -> dict[str, Any]:
    """Return a cue as a JSON-ready dict."""
    return {
        "index": index,
        "identifier": cue.identifier,
        "start_ms": cue.start_ms,
        "end_ms": cue.end_ms,
        "text": cue.text,
        "settings": cue.settings,
        "line": cue.line,
    }


@dataclass(frozen=True)
class CueRows:
    """The cues of one file, as ``check --format json`` lists them."""

    cues: Sequence[Cue]

    def rows(self) -> list[dict[str, Any]]:
        """Return the cues as JSON-ready dicts."""
        return [cue_json(index, cue) for index, cue in enumerate(self.cues)]

    def json(self) -> str:
        """Return the JSON text of :meth:`rows`, as ``json.dumps(..., ensure_ascii=False)``."""
        return "".join(self.json_pieces())

    def json_pieces(self, size: int = 5000) -> Iterator[str]:
        """Yield :meth:`json` in pieces of ``size`` cues, each cue one format of its strings
        (encoded by the C encoder's function) and its ints; anything else as json writes it."""
        cues = list(self.cues)
        yield "["
        for begin in range(0, len(cues), size):
            parts: list[str] = []
            for index, cue in enumerate(cues[begin : begin + size], begin):
                identifier, text, settings = cue.identifier, cue.text, cue.settings
                start_ms, end_ms, line = cue.start_ms, cue.end_ms, cue.line
                if (
                    identifier.__class__ is str
                    and text.__class__ is str
                    and settings.__class__ is str
                    and start_ms.__class__ is int
                    and end_ms.__class__ is int
                    and line.__class__ is int
                ):
                    parts.append(
                        f'{{"index": {index}, "identifier": {encode_basestring(identifier)}, '
                        f'"start_ms": {start_ms}, "end_ms": {end_ms}, '
                        f'"text": {encode_basestring(text)}, '
                        f'"settings": {encode_basestring(settings)}, "line": {line}}}'
                    )
                else:
                    parts.append(json.dumps(cue_json(index, cue), ensure_ascii=False))
            if begin:
                yield ", "  # apart: prefixed, each piece (1.5 MB) would be copied once more
            yield ", ".join(parts)
        yield "]"


class FindingsTail(Protocol):
    """The findings that come after those of a :class:`FindingRows` (the second half of a
    long file, checked in another process: :mod:`captionreview.clitools.halves`)."""

    def findings(self) -> list[Finding]:
        """Return the findings."""

    def severity_counts(self) -> dict[Severity, int]:
        """Return how many findings there are of each severity (those there are)."""

    def item_text(self) -> str | bytes:
        """Return the JSON text of the findings without the brackets around them (bytes: the
        text in UTF-8). Made or fetched once: later calls return the same."""


@dataclass(frozen=True)
class FindingRows:
    """The findings of one file and the cues they point into; with a ``tail``, its findings
    come after ``findings``."""

    findings: Sequence[Finding]
    cues: Sequence[Cue]
    tail: FindingsTail | None = None

    def all_findings(self) -> list[Finding]:
        """Return ``findings`` and the tail's after them."""
        found = list(self.findings)
        if self.tail is not None:
            found += self.tail.findings()
        return found

    def settle(self) -> None:
        """Fetch the tail's JSON text now (the other process that made it then ends)."""
        if self.tail is not None:
            self.tail.item_text()

    def severity_counts(self) -> dict[Severity, int]:
        """Return how many findings there are of each severity (those there are).

        Counted with ``list.count``, which compares the members by identity in C: a Counter
        hashes each of 230,000 findings' severity through ``Enum.__hash__``, in Python. Counted
        once: the command asks twice.
        """
        counted: dict[Severity, int] | None = self.__dict__.get("_counted")
        if counted is None:
            severities = list(map(_severity, self.findings))
            counted = {s: n for s in Severity if (n := severities.count(s))}
            if self.tail is not None:
                for severity, n in self.tail.severity_counts().items():
                    counted[severity] = counted.get(severity, 0) + n
            object.__setattr__(self, "_counted", counted)  # frozen: not a field
        return dict(counted)

    def rows(self) -> list[dict[str, Any]]:
        """Return the findings as JSON-ready dicts."""
        return [finding_json(f, self.cues) for f in self.all_findings()]

    def json(self) -> str:
        """Return the JSON text of :meth:`rows`, as ``json.dumps(..., ensure_ascii=False)``."""
        return "".join(self.json_pieces())

    def json_pieces(self, size: int = 5000) -> Iterator[str]:
        """Yield :meth:`json` in pieces of ``size`` findings: a large file's text (70 MB for
        30,000 karaoke cues) is written piece by piece instead of copied whole again."""
        for piece in self._pieces(size):
            yield piece.decode("utf-8") if isinstance(piece, bytes) else piece

    def write(self, out: TextIO) -> None:
        """Write :meth:`json` to ``out``; the tail's UTF-8 text goes to the bytes under
        ``out`` as it is when ``out`` writes UTF-8 (it is 35 MB for a long file's half)."""
        for piece in self._pieces():
            _write_text(out, piece)

    def _pieces(self, size: int = 5000) -> Iterator[str | bytes]:
        """Yield :meth:`json` in pieces, the tail's text as it came (bytes: UTF-8)."""
        yield "["
        written = False
        for piece in self.item_pieces(size):
            written = True
            yield piece
        if self.tail is not None:
            text = self.tail.item_text()
            if text:
                if written:
                    yield ", "
                yield text
        yield "]"

    def item_pieces(self, size: int = 5000) -> Iterator[str]:
        """Yield the JSON text of ``findings`` (not the tail's) without the brackets around
        it, in pieces of ``size`` findings (nothing for no findings).

        This loop runs once per finding (230,000 times for 30,000 karaoke cues), so what
        repeats is encoded once: the text around the numbers for each kind of finding (rule,
        severity, message, suggestion, confidence) and the time range of each cue (its
        findings come one after another). A plain int is written as is, anything else as
        :func:`_number` writes it.
        """
        kinds: dict[tuple[object, ...], tuple[str, str, str]] = {}
        cues = list(self.cues)  # a plain list: len() and indexing in C
        count = len(cues)
        whole = track_range(cues)
        last: object = _NOTHING
        times = ""
        findings = list(self.findings)
        for begin in range(0, len(findings), size):
            parts: list[str] = []
            for f in findings[begin : begin + size]:
                # The severity's value: an enum member's own hash runs in Python. Attributes,
                # not calls (type(), id()): this runs 230,000 times.
                confidence = f.confidence
                key = (
                    f.rule,
                    f.severity._value_,
                    f.message,
                    f.suggestion,
                    confidence,
                    confidence.__class__,
                )
                head, middle, tail = kinds.get(key) or _kind(kinds, key, f)
                index, line, span, start_ms, end_ms = (
                    f.cue_index,
                    f.line,
                    f.span,
                    f.start_ms,
                    f.end_ms,
                )
                if start_ms is not None and end_ms is not None:
                    when = f'{_number(start_ms)}, "end_ms": {_number(end_ms)}'
                elif index.__class__ is int and index == last:
                    when = times
                else:
                    # The cue's time range, as finding_range() gives it.
                    if index is not None and 0 <= index < count:
                        cue = cues[index]
                        times = f'{_number(cue.start_ms)}, "end_ms": {_number(cue.end_ms)}'
                    else:
                        times = f'{_number(whole[0])}, "end_ms": {_number(whole[1])}'
                    when = times
                    last = index if index.__class__ is int else _NOTHING
                if span:
                    first, after = span
                    if (
                        first.__class__ is int
                        and after.__class__ is int
                        and index.__class__ is int
                        and line.__class__ is int
                    ):
                        # Most findings: one format, no piece made on the way.
                        parts.append(
                            f'{head}{index}, "line": {line}, "span": [{first}, {after}]'
                            f"{middle}{when}{tail}"
                        )
                        continue
                    at = f"[{_number(first)}, {_number(after)}]"
                else:
                    at = "null"
                parts.append(
                    f"{head}{index if index.__class__ is int else _number(index)}, "
                    f'"line": {line if line.__class__ is int else _number(line)}, '
                    f'"span": {at}{middle}{when}{tail}'
                )
            if begin:
                yield ", "  # apart: prefixed, each piece (1.5 MB) would be copied once more
            yield ", ".join(parts)


def _write_text(out: TextIO, text: str | bytes) -> None:
    """Write ``text`` (bytes: UTF-8) to ``out``, bytes straight to its buffer when it has one
    and writes UTF-8."""
    if isinstance(text, str):
        out.write(text)
        return
    buffer = getattr(out, "buffer", None)
    try:
        utf8 = codecs.lookup(getattr(out, "encoding", None) or "ascii").name == "utf-8"
    except LookupError:
        utf8 = False
    if buffer is None or not utf8:
        out.write(text.decode("utf-8"))
        return
    out.flush()
    buffer.write(text)


_NOTHING = object()  # no cue's time range known yet
_severity = attrgetter("severity")


def _kind(
    kinds: dict[tuple[object, ...], tuple[str, str, str]], key: tuple[object, ...], f: Finding
) -> tuple[str, str, str]:
    """Remember under ``key`` and return the JSON text around the numbers of ``f``: up to its
    cue, from its message to its start time, and from its confidence to the end."""
    confidence = "null" if f.confidence is None else _number(f.confidence)
    found = (
        f'{{"rule": {json.dumps(f.rule, ensure_ascii=False)}, '
        f'"severity": {json.dumps(f.severity.value)}, "cue": ',
        f', "message": {json.dumps(f.message, ensure_ascii=False)}, '
        f'"suggestion": {json.dumps(f.suggestion, ensure_ascii=False)}, "start_ms": ',
        f', "confidence": {confidence}}}',
    )
    if f.confidence != 0:  # 0.0 and -0.0 are equal keys but written differently
        kinds[key] = found
    return found


def _number(value: object) -> str:
    """Return a number (or None) as JSON: a plain int as is, anything else as json writes it
    (bool is an int to Python but true/false to JSON)."""
    if value is None:
        return "null"
    return str(value) if type(value) is int else json.dumps(value)
