"""The shared value types of the core: cues, load problems and quality findings.

Everything here is immutable and pure Python. Times are ``int`` milliseconds everywhere;
strings of the form ``00:01:02.345`` exist only at the file boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import count
from typing import Any

_uids = count(1)


def new_uid() -> int:
    """Return a process-unique id for a cue (kept across edits, new for inserted cues)."""
    return next(_uids)


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption cue.

    ``text`` is the WebVTT cue payload as written in the file: markup (``<i>``, ``<v Name>``,
    ``<c.cls>``, karaoke timestamps) and character references (``&amp;``) are kept, lines are
    joined with ``\\n``. Use :func:`captionreview.core.vtt.cuetext.plain_text` for what a viewer
    reads. ``settings`` is the raw cue-settings string (``"align:start position:0%"``).

    ``source`` is the cue's block exactly as it was read from the file (with its original line
    endings, without the blank lines after it) or ``None`` for a new or edited cue; the writer
    emits ``source`` verbatim when it is set, which is what makes saving lossless.
    ``uid`` identifies the cue across edits (``with_changes`` keeps it).
    """

    start_ms: int
    end_ms: int
    text: str
    identifier: str = ""
    settings: str = ""
    source: str | None = field(default=None, compare=False, repr=False)
    line: int = field(default=0, compare=False)
    uid: int = field(default_factory=new_uid, compare=False, repr=False)

    @property
    def duration_ms(self) -> int:
        """Return the cue's duration in milliseconds (negative when end is before start)."""
        return self.end_ms - self.start_ms

    def with_changes(self, **changes: object) -> Cue:
        """Return a copy with the given fields changed; the copy has no ``source``."""
        return replace(self, source=None, **changes)  # type: ignore[arg-type]


class Severity(StrEnum):
    """How serious a problem or finding is (QUALITY_RULES.md, 'How to read this file')."""

    ERROR = "error"
    WARN = "warn"
    INFO = "info"


class ErrorSeverity(StrEnum):
    """How much a change counts in the NER model (JSON values; never translated)."""

    MINOR = "minor"
    STANDARD = "standard"
    SERIOUS = "serious"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the reader met in the file: ``line`` is 1-based in the file."""

    line: int
    severity: Severity
    rule: str
    message: str
    snippet: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A quality-check or ASR finding about one cue.

    ``cue_index`` is the cue's index in the document at check time, ``cue_uid`` its stable id.
    ``span`` is ``(start, end)`` character offsets into ``Cue.text`` when the finding is about
    particular text. ``suggestion`` is a replacement for that span (or for the whole text when
    ``span`` is ``None``) when the rule can propose one. ``start_ms``/``end_ms`` give the
    time range a finding is about when that is not its cue's (speech with no cue over it).
    ``confidence`` (0–1), set by the word flags, says how sure the rule is that the text is
    wrong; None when the rule cannot tell.
    """

    rule: str
    severity: Severity
    message: str
    cue_index: int | None = None
    cue_uid: int | None = None
    span: tuple[int, int] | None = None
    suggestion: str | None = None
    line: int | None = None
    start_ms: int | None = None
    end_ms: int | None = None
    confidence: float | None = None


class _FindingSlots:
    """The slots of :class:`Finding`, settable: :func:`new_finding` fills them and then makes
    the object a ``Finding`` (the two layouts are the same, so Python allows the switch)."""

    __slots__ = Finding.__slots__


def new_finding(
    rule: str,
    severity: Severity,
    message: str,
    cue_index: int | None = None,
    cue_uid: int | None = None,
    span: tuple[int, int] | None = None,
    suggestion: str | None = None,
    line: int | None = None,
    start_ms: int | None = None,
    end_ms: int | None = None,
    confidence: float | None = None,
) -> Finding:
    """Return ``Finding(rule, severity, …)`` at a third of the constructor's cost.

    A frozen dataclass sets each field through ``object.__setattr__``; the checks make 230,000
    findings for 30,000 karaoke cues. Plain slot stores, then one change of class, make the
    same object.
    """
    finding: Any = _new(_FindingSlots)
    finding.rule = rule
    finding.severity = severity
    finding.message = message
    finding.cue_index = cue_index
    finding.cue_uid = cue_uid
    finding.span = span
    finding.suggestion = suggestion
    finding.line = line
    finding.start_ms = start_ms
    finding.end_ms = end_ms
    finding.confidence = confidence
    finding.__class__ = Finding
    result: Finding = finding
    return result


_new = object.__new__


def _new_finding_is_the_constructor() -> bool:
    """Whether :func:`new_finding` sets every field of ``Finding`` in its order."""
    values = range(len(Finding.__slots__))
    try:
        return new_finding(*values) == Finding(*values)
    except (AttributeError, TypeError):  # a field it leaves unset, or one too many
        return False


if not _new_finding_is_the_constructor():
    # Finding has gained or reordered fields: the constructor until new_finding() follows.
    new_finding = Finding
