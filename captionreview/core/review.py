"""Per-cue review state, comments and where the reviewer was, kept in a sidecar file.

Every cue is *unreviewed*, *corrected* (its text or times changed) or *approved* (the
reviewer said so for the text and times it has now). The state is never written into the
captions: it lives beside them in ``NAME.review.json`` (``lecture.sv.vtt`` ->
``lecture.sv.review.json``), human-readable JSON saved atomically.

A :class:`Review` follows its document through the document's events. What it remembers
per cue (by the cue's ``uid``, which edits keep) is the content the cue had when the review
began and the content the reviewer approved, so the state is a function of the cue as it is
now: an edit makes a cue *corrected*, undoing it brings back the state it had, redo takes it
away again, and a cue made by a split, an insert or a clean-up is *corrected*. Comments and
approvals are the reviewer's acts, not edits of the captions, so Undo leaves them alone.

When the captions were changed by another program since the sidecar was written, its cues
are matched again by times and text; cues changed outside lose their approval (they are
*corrected*), and what could not be matched is listed in :attr:`Review.unmatched`.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from captionreview.core.document import DocEvent, Document, EventKind
from captionreview.core.errors import CaptionReviewError
from captionreview.core.i18n import _, ngettext
from captionreview.core.model import Cue, ErrorSeverity
from captionreview.core.saving import atomic_write
from captionreview.core.timecode import format_vtt_timestamp, parse_sbv_timestamp

FORMAT = "captionreview-review"
VERSION = 1
SUFFIX = ".review.json"

Content = tuple[int, int, str]


class CueState(StrEnum):
    """Where a cue is in the review (the JSON values; never translated)."""

    UNREVIEWED = "unreviewed"
    CORRECTED = "corrected"
    APPROVED = "approved"


def state_label(state: CueState) -> str:
    """Return the words for a state, in the current language."""
    labels = {
        CueState.UNREVIEWED: _("unreviewed"),
        CueState.CORRECTED: _("corrected"),
        CueState.APPROVED: _("approved"),
    }
    return labels[state]


class ReviewFileError(CaptionReviewError):
    """The sidecar exists but cannot be read; the message says what and what to do."""


def sidecar_path(captions: Path) -> Path:
    """Return where the review of ``captions`` is kept: ``x.sv.vtt`` -> ``x.sv.review.json``."""
    return captions.with_name(captions.stem + SUFFIX)


def content(cue: Cue) -> Content:
    """Return what the review state is about: a cue's times and text."""
    return (cue.start_ms, cue.end_ms, cue.text)


@dataclass(slots=True)
class _Record:
    """What the review remembers of one cue: its content when the review began (None: it
    was corrected before, or is new), the content approved (None: not approved), a comment."""

    baseline: Content | None
    approved: Content | None = None
    comment: str = ""

    def state(self, now: Content) -> CueState:
        if self.approved is not None and self.approved == now:
            return CueState.APPROVED
        if self.baseline is None or self.baseline != now:
            return CueState.CORRECTED
        return CueState.UNREVIEWED


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """How many cues are in each state."""

    unreviewed: int
    corrected: int
    approved: int

    @property
    def total(self) -> int:
        """Return the number of cues."""
        return self.unreviewed + self.corrected + self.approved

    def as_json(self) -> dict[str, int]:
        """Return the counts with the JSON keys of ``check --format json``."""
        return {
            "unreviewed": self.unreviewed,
            "corrected": self.corrected,
            "approved": self.approved,
        }

    def progress(self) -> str:
        """Return "312 of 812 approved (38 %)" in the current language."""
        percent = 100 * self.approved // self.total if self.total else 0
        return ngettext(
            "{approved} of {total} approved ({percent} %)",
            "{approved} of {total} approved ({percent} %)",
            self.total,
        ).format(approved=self.approved, total=self.total, percent=percent)


StateListener = Callable[[int, int], None]


class Review:
    """The review state of one document, following it through its events."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._records: dict[int, _Record] = {cue.uid: _Record(content(cue)) for cue in doc.cues}
        self._states: dict[int, CueState] = {}
        self._counts: Counter[CueState] = Counter()
        self.last_cue = 0
        self.playhead_ms = 0
        self.baseline_file: str | None = None
        self.severities: dict[str, ErrorSeverity] = {}
        self.unmatched: list[str] = []
        self._listeners: list[StateListener] = []
        self._recount()
        self._unsubscribe = doc.subscribe(self._on_event)

    # ------------------------------------------------------------ reading

    def state(self, index: int) -> CueState:
        """Return the state of cue ``index``."""
        return self._states[self.doc.cues[index].uid]

    def comment(self, index: int) -> str:
        """Return the comment on cue ``index`` ("" when none)."""
        record = self._records.get(self.doc.cues[index].uid)
        return record.comment if record is not None else ""

    def counts(self) -> ReviewCounts:
        """Return how many cues are unreviewed, corrected and approved (kept up to date)."""
        c = self._counts
        return ReviewCounts(c[CueState.UNREVIEWED], c[CueState.CORRECTED], c[CueState.APPROVED])

    def next_unreviewed(self, after: int) -> int | None:
        """Return the first cue after ``after`` that is not approved, wrapping round; None
        when every cue is approved."""
        cues = self.doc.cues
        n = len(cues)
        for step in range(1, n + 1):
            index = (after + step) % n
            if self._states[cues[index].uid] is not CueState.APPROVED:
                return index
        return None

    def commented(self) -> list[int]:
        """Return the indices of the cues with a comment."""
        return [i for i, cue in enumerate(self.doc.cues) if self._comment_of(cue)]

    def _comment_of(self, cue: Cue) -> str:
        record = self._records.get(cue.uid)
        return record.comment if record is not None else ""

    # ------------------------------------------------------------ the reviewer's acts

    def approve(self, index: int) -> None:
        """Approve cue ``index`` as it is now."""
        cue = self.doc.cues[index]
        self._record(cue).approved = content(cue)
        self._update(index, index + 1)

    def withdraw(self, index: int) -> None:
        """Take back the approval of cue ``index`` (it is corrected or unreviewed again)."""
        cue = self.doc.cues[index]
        record = self._records.get(cue.uid)
        if record is not None and record.approved is not None:
            record.approved = None
            self._update(index, index + 1)

    def set_comment(self, index: int, text: str) -> None:
        """Set the comment on cue ``index`` ("" removes it)."""
        cue = self.doc.cues[index]
        text = text.strip()
        if self._comment_of(cue) == text:
            return
        self._record(cue).comment = text
        self._notify(index, index + 1)

    def set_severity(self, key: str, severity: ErrorSeverity) -> None:
        """Classify the change ``key`` (see ``compare.Change.key``) for the NER estimate."""
        if severity is ErrorSeverity.STANDARD:
            self.severities.pop(key, None)
        else:
            self.severities[key] = severity

    def _record(self, cue: Cue) -> _Record:
        record = self._records.get(cue.uid)
        if record is None:
            record = self._records[cue.uid] = _Record(None)
        return record

    # ------------------------------------------------------------ events

    def subscribe(self, callback: StateListener) -> Callable[[], None]:
        """Call ``callback(start, stop)`` when the state or comment of cues in [start, stop)
        changed; return a function that unsubscribes."""
        self._listeners.append(callback)

        def unsubscribe() -> None:
            if callback in self._listeners:
                self._listeners.remove(callback)

        return unsubscribe

    def close(self) -> None:
        """Stop following the document."""
        self._unsubscribe()
        # The unsubscriber holds this review's own method: dropped, the review (and the
        # document it points to) is freed when the last reference goes, without waiting for
        # the cyclic collector, which ``captionreview check`` pauses.
        self._unsubscribe = _followed_no_more

    def _notify(self, start: int, stop: int) -> None:
        for listener in list(self._listeners):
            listener(start, stop)

    def _on_event(self, event: DocEvent) -> None:
        kind = event.kind
        if kind is EventKind.REMOVING:
            for cue in self.doc.cues[event.start : event.stop]:
                self._counts[self._states.pop(cue.uid)] -= 1
        elif kind is EventKind.CHANGED or kind is EventKind.INSERTED:
            self._update(event.start, event.stop)
        elif kind is EventKind.RESET:
            self._recount()
            self._notify(0, len(self.doc.cues))

    def _update(self, start: int, stop: int) -> None:
        changed = False
        for cue in self.doc.cues[start:stop]:
            old = self._states.get(cue.uid)
            new = self._state_of(cue)
            if old is not new:
                if old is not None:
                    self._counts[old] -= 1
                self._counts[new] += 1
                self._states[cue.uid] = new
                changed = True
        if changed:
            self._notify(start, stop)

    def _state_of(self, cue: Cue) -> CueState:
        record = self._records.get(cue.uid)
        return record.state(content(cue)) if record is not None else CueState.CORRECTED

    def _recount(self) -> None:
        self._states = {cue.uid: self._state_of(cue) for cue in self.doc.cues}
        self._counts = Counter(self._states.values())

    # ------------------------------------------------------------ the sidecar

    def to_json(self) -> dict[str, Any]:
        """Return the sidecar's content (the JSON keys and state values never change with
        the language)."""
        cues = []
        for index, cue in enumerate(self.doc.cues):
            entry: dict[str, Any] = {
                "start": format_vtt_timestamp(cue.start_ms),
                "end": format_vtt_timestamp(cue.end_ms),
                "state": self.state(index).value,
                "text": cue.text,
            }
            comment = self._comment_of(cue)
            if comment:
                entry["comment"] = comment
            cues.append(entry)
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "captions": self.doc.path.name if self.doc.path else None,
            "saved": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            "resume": {"cue": self.last_cue, "playhead_ms": self.playhead_ms},
            "counts": self.counts().as_json(),
            "cues": cues,
        }
        if self.baseline_file:
            data["baseline"] = self.baseline_file
        if self.severities:
            data["severities"] = {key: s.value for key, s in sorted(self.severities.items())}
        return data

    def save(self, path: Path | None = None) -> Path:
        """Write the sidecar atomically (beside the captions unless ``path`` is given) and
        return its path. Raises SaveError with a plain message; the old file is then kept."""
        if path is None:
            if self.doc.path is None:
                raise ValueError(_("the captions have no file name yet: save them first"))
            path = sidecar_path(self.doc.path)
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n"
        atomic_write(path, text.encode("utf-8"))
        return path

    def restore(self, data: Mapping[str, Any]) -> None:
        """Take the state, comments and place from a sidecar's content, matching its cues to
        the document's by times and text; what cannot be matched goes to :attr:`unmatched`.
        Raises ReviewFileError when ``data`` is not a review sidecar."""
        entries = _entries(data)
        cues = list(self.doc.cues)
        matched = _match(entries, cues)
        changed_outside = 0
        for cue_index, entry_index in matched.items():
            cue = cues[cue_index]
            entry = entries[entry_index]
            record = self._records[cue.uid] = _Record(content(cue))
            record.comment = entry.comment
            same = entry.content == content(cue)
            if not same:
                changed_outside += 1
            if entry.state is CueState.APPROVED and same:
                record.approved = content(cue)
            elif entry.state is not CueState.UNREVIEWED or not same:
                record.baseline = None
        found = set(matched.values())
        self.unmatched = [
            _lost_message(entry)
            for k, entry in enumerate(entries)
            if k not in found and (entry.comment or entry.state is not CueState.UNREVIEWED)
        ]
        if changed_outside:
            self.unmatched.insert(
                0,
                ngettext(
                    "{n} cue differs from when the review was saved (changed by another "
                    "program, or an edit that was not saved): it counts as corrected and needs "
                    "approving again.",
                    "{n} cues differ from when the review was saved (changed by another "
                    "program, or edits that were not saved): they count as corrected and need "
                    "approving again.",
                    changed_outside,
                ).format(n=changed_outside),
            )
        resume = data.get("resume")
        if isinstance(resume, dict):
            cue_at = resume.get("cue")
            playhead = resume.get("playhead_ms")
            if isinstance(cue_at, int) and 0 <= cue_at < len(cues):
                self.last_cue = cue_at
            if isinstance(playhead, int) and playhead >= 0:
                self.playhead_ms = playhead
        baseline = data.get("baseline")
        self.baseline_file = baseline if isinstance(baseline, str) else None
        severities = data.get("severities")
        if isinstance(severities, dict):
            known = {s.value for s in ErrorSeverity}
            self.severities = {
                str(k): ErrorSeverity(v) for k, v in severities.items() if v in known
            }
        self._recount()
        self._notify(0, len(cues))


@dataclass(frozen=True, slots=True)
class _Entry:
    content: Content
    state: CueState
    comment: str


def _entries(data: Mapping[str, Any]) -> list[_Entry]:
    """Return the cue entries of sidecar ``data``; raises ReviewFileError when it is not one."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ReviewFileError(_("this is not a CaptionReview review file"))
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ReviewFileError(
            _("the review file was written by a newer CaptionReview: update the program")
        )
    raw = data.get("cues")
    if not isinstance(raw, list):
        raise ReviewFileError(_("the review file has no list of cues"))
    entries: list[_Entry] = []
    states = {s.value: s for s in CueState}
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            raise ReviewFileError(_("cue {n} of the review file is not an object").format(n=number))
        start = parse_sbv_timestamp(str(item.get("start", "")))
        end = parse_sbv_timestamp(str(item.get("end", "")))
        state = states.get(str(item.get("state")))
        text = item.get("text")
        if start is None or end is None or state is None or not isinstance(text, str):
            raise ReviewFileError(
                _("cue {n} of the review file lacks a valid start, end, state or text").format(
                    n=number
                )
            )
        comment = item.get("comment", "")
        entries.append(
            _Entry((start, end, text), state, comment if isinstance(comment, str) else "")
        )
    return entries


def _match(entries: list[_Entry], cues: list[Cue]) -> dict[int, int]:
    """Return cue index -> entry index: first the same times and text, then the same text
    (retimed), then the same times (text changed), each taken in file order."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    keys: tuple[Callable[[Content], object], ...] = (
        lambda c: c,
        lambda c: c[2],
        lambda c: (c[0], c[1]),
    )
    for key in keys:
        waiting: dict[object, list[int]] = {}
        for k, entry in enumerate(entries):
            if k not in taken:
                waiting.setdefault(key(entry.content), []).append(k)
        for stack in waiting.values():
            stack.reverse()
        for i, cue in enumerate(cues):
            if i in matched:
                continue
            candidates = waiting.get(key(content(cue)))
            if candidates:
                k = candidates.pop()
                matched[i] = k
                taken.add(k)
    return matched


def _lost_message(entry: _Entry) -> str:
    start, _end, text = entry.content
    what = state_label(entry.state)
    if entry.comment:
        return _(
            "The {state} cue at {time} (“{text}”) with the comment “{comment}” is no longer "
            "in the captions."
        ).format(
            state=what, time=format_vtt_timestamp(start), text=_short(text), comment=entry.comment
        )
    return _("The {state} cue at {time} (“{text}”) is no longer in the captions.").format(
        state=what, time=format_vtt_timestamp(start), text=_short(text)
    )


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """Return the content of the sidecar at ``path``, or None when there is none.

    Raises ReviewFileError with a plain message when it exists but cannot be read.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ReviewFileError(
            _("cannot read {name}: {reason}").format(name=path.name, reason=error.strerror)
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReviewFileError(
            _("{name} is damaged ({reason}); move it away to start the review afresh").format(
                name=path.name, reason=error
            )
        ) from None
    if not isinstance(data, dict):
        raise ReviewFileError(_("this is not a CaptionReview review file"))
    return data


def open_review(doc: Document) -> Review:
    """Return the review of ``doc``, restored from its sidecar when there is one.

    Raises ReviewFileError when the sidecar exists but cannot be used (the captions are fine).
    """
    review = Review(doc)
    try:
        if doc.path is not None:
            data = read_sidecar(sidecar_path(doc.path))
            if data is not None:
                review.restore(data)
    except BaseException:
        review.close()
        raise
    return review


def _followed_no_more() -> None:
    """What a closed review's unsubscriber does: nothing."""


def review_counts(doc: Document) -> ReviewCounts:
    """Return the review counts of ``doc`` from its sidecar (all unreviewed without one).

    Without a sidecar every cue is as the review began, unreviewed: counted without a
    :class:`Review`, which keeps a record of each cue (28 ms for 30,000 cues).
    """
    data = read_sidecar(sidecar_path(doc.path)) if doc.path is not None else None
    if data is None:
        return ReviewCounts(len(doc.cues), 0, 0)
    review = Review(doc)
    try:
        review.restore(data)
        return review.counts()
    finally:
        review.close()
