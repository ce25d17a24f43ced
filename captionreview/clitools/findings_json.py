"""A file's findings for ``captionreview check``: JSON text written directly, rows for text.

A 30,000-cue YouTube karaoke file has about 230,000 findings. Building a dict per finding and
handing the list to ``json.dumps`` cost about as much as the checks themselves; here each
distinct string (rules, severities and the messages, which repeat) is encoded once and every
finding is one format of those pieces. The text is exactly what
``json.dumps([finding_json(f, cues) for f in findings], ensure_ascii=False)`` writes
(tests/cli/test_findings_json.py holds it to that on the corpus and on generated findings).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from captionreview.core.checks.audio import finding_range, track_range
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


@dataclass(frozen=True)
class FindingRows:
    """The findings of one file and the cues they point into."""

    findings: Sequence[Finding]
    cues: Sequence[Cue]

    def severities(self) -> Iterator[Severity]:
        """Yield each finding's severity, in order."""
        return (f.severity for f in self.findings)

    def rows(self) -> list[dict[str, Any]]:
        """Return the findings as JSON-ready dicts."""
        return [finding_json(f, self.cues) for f in self.findings]

    def json(self) -> str:
        """Return the JSON text of :meth:`rows`, as ``json.dumps(..., ensure_ascii=False)``."""
        return "".join(self.json_pieces())

    def json_pieces(self, size: int = 5000) -> Iterator[str]:
        """Yield :meth:`json` in pieces of ``size`` findings: a large file's text (70 MB for
        30,000 karaoke cues) is written piece by piece instead of copied whole again.

        This loop runs once per finding (230,000 times for 30,000 karaoke cues), so the usual
        cases are written inline: a known string is one look-up, an int is formatted as is.
        """
        strings: dict[str | None, str] = {None: "null"}
        severities = {s: json.dumps(s.value) for s in Severity}

        def text(value: str | None) -> str:
            known = strings[value] = json.dumps(value, ensure_ascii=False)
            return known

        cues = list(self.cues)  # a plain list: len() and indexing in C
        whole = track_range(cues)
        parts: list[str] = []
        opening = "["
        for f in self.findings:
            rule, message, suggestion = f.rule, f.message, f.suggestion
            index, line, span, confidence = f.cue_index, f.line, f.span, f.confidence
            start_ms, end_ms = finding_range(f, cues, whole)
            parts.append(
                f'{{"rule": {strings.get(rule) or text(rule)}, '
                f'"severity": {severities[f.severity]}, '
                f'"cue": {index if index.__class__ is int else _number(index)}, '
                f'"line": {line if line.__class__ is int else _number(line)}, '
                f'"span": {f"[{_number(span[0])}, {_number(span[1])}]" if span else "null"}, '
                f'"message": {strings.get(message) or text(message)}, '
                f'"suggestion": {strings.get(suggestion) or text(suggestion)}, '
                f'"start_ms": {start_ms if start_ms.__class__ is int else _number(start_ms)}, '
                f'"end_ms": {end_ms if end_ms.__class__ is int else _number(end_ms)}, '
                f'"confidence": {"null" if confidence is None else _number(confidence)}}}'
            )
            if len(parts) == size:
                yield opening + ", ".join(parts)
                opening, parts = ", ", []
        if parts:
            yield opening + ", ".join(parts) + "]"
        else:  # no findings at all, or the last piece was full
            yield "[]" if opening == "[" else "]"


def _number(value: object) -> str:
    """Return a number (or None) as JSON: a plain int as is, anything else as json writes it
    (bool is an int to Python but true/false to JSON)."""
    if value is None:
        return "null"
    return str(value) if type(value) is int else json.dumps(value)
