"""Timing the way editors expect: edits of cue edges that never overlap a neighbour silently.

Pure functions over a sequence of cues (in document order, which is time order for a sorted
file) that return a :class:`TimingEdit` — the new ``(start, end)`` of every cue that changes and
a sentence for the status bar — or raise :class:`TimingRefused` with a plain message. The window,
the timeline's drags and the keyboard commands all go through here, so a cue set from the
playhead, nudged, dragged or snapped keeps at least the profile's minimum gap to its neighbours
(or moves the neighbour's edge and says so). :func:`apply_edit` makes an edit one undo step.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from captionreview.core.document import Document
from captionreview.core.errors import CaptionReviewError
from captionreview.core.i18n import _
from captionreview.core.model import Cue
from captionreview.core.timecode import format_vtt_timestamp

# A timing edit never squeezes a cue (the edited one or a neighbour) below this: shorter than a
# fifth of a second, nothing on screen can be read, and a 1 ms cue is a bug, not a caption.
SHORTEST_CUE_MS = 200

Part = Literal["start", "end", "move"]


class TimingRefused(CaptionReviewError, ValueError):
    """A timing edit that cannot be made without overlapping or crushing a cue; says why."""


@dataclass(frozen=True, slots=True)
class TimingEdit:
    """New ``(start_ms, end_ms)`` per cue index, and what to tell the user (may be empty)."""

    times: dict[int, tuple[int, int]] = field(default_factory=dict)
    note: str = ""

    def __bool__(self) -> bool:
        return bool(self.times)


def _clock(ms: int) -> str:
    return format_vtt_timestamp(ms)


def apply_edit(doc: Document, edit: TimingEdit, description: str = "Change times") -> None:
    """Make ``edit`` in ``doc`` as one undo step called ``description``.

    Cues are changed in an order that never makes a cue end before it starts; raises
    ValueError (from the document) only for an edit that was not made by this module.
    """
    if not edit:
        return
    with doc.group(description):
        for index, (start, end) in sorted(edit.times.items()):
            doc.set_times(index, start, end)


def _unchanged(
    cues: Sequence[Cue], times: dict[int, tuple[int, int]]
) -> dict[int, tuple[int, int]]:
    return {i: t for i, t in times.items() if (cues[i].start_ms, cues[i].end_ms) != (t[0], t[1])}


# ---------------------------------------------------------------- the cue under the playhead


def cue_under(doc: Document, ms: int) -> int | None:
    """Return the cue under the playhead at ``ms``: the showing cue that started last (a cue
    counts from its start instant, also where the previous one still overlaps it); between cues
    the last one before ``ms``; before the first cue the first one. None for an empty document.
    """
    if len(doc) == 0:
        return None
    cues = doc.cues
    active = doc.active_indices(ms)
    if active:
        return max(active, key=lambda i: (cues[i].start_ms, i))
    after = doc.index_at_or_after(ms)
    return max(0, (len(doc) if after is None else after) - 1)


# ------------------------------------------------------------------------ from the playhead


def set_start_at(cues: Sequence[Cue], index: int, ms: int, gap_ms: int) -> TimingEdit:
    """Cue ``index`` starts at ``ms``; the previous cue's end gives way by ``gap_ms``.

    When the playhead is past the cue's end, the end moves along (keeping the duration, at
    least one second) but stops ``gap_ms`` before the next cue. Raises TimingRefused when the
    previous cue would become shorter than :data:`SHORTEST_CUE_MS`.
    """
    cue = cues[index]
    ms = max(0, ms)
    end = cue.end_ms if cue.end_ms > ms else ms + max(cue.duration_ms, 1000)
    times = {index: (ms, end)}
    notes = []
    if index + 1 < len(cues) and end > cues[index + 1].start_ms - gap_ms and end != cue.end_ms:
        end = cues[index + 1].start_ms - gap_ms
        if end - ms < SHORTEST_CUE_MS:
            raise TimingRefused(
                _("Cue {n} not changed: starting at {at}, it would run into cue {m}.").format(
                    n=index + 1, at=_clock(ms), m=index + 2
                )
            )
        times[index] = (ms, end)
    if index > 0:
        prev = cues[index - 1]
        limit = ms - gap_ms
        if prev.end_ms > limit:
            if limit - prev.start_ms < SHORTEST_CUE_MS:
                raise TimingRefused(
                    _(
                        "Cue {n} not changed: starting at {at} would overlap cue {m}, "
                        "and cue {m} is too short to end earlier."
                    ).format(n=index + 1, at=_clock(ms), m=index)
                )
            times[index - 1] = (prev.start_ms, limit)
            notes.append(
                _("cue {m} now ends at {at}, {gap} ms before it").format(
                    m=index, at=_clock(limit), gap=gap_ms
                )
            )
    return _edit(cues, times, index, notes)


def set_end_at(cues: Sequence[Cue], index: int, ms: int, gap_ms: int) -> TimingEdit:
    """Cue ``index`` ends at ``ms``; the next cue's start gives way by ``gap_ms``.

    Raises TimingRefused when ``ms`` is not after the cue's start, or when the next cue would
    become shorter than :data:`SHORTEST_CUE_MS`.
    """
    cue = cues[index]
    if ms <= cue.start_ms:
        raise TimingRefused(
            _("The playhead is before the start of cue {n}: play on, then set the end.").format(
                n=index + 1
            )
        )
    times = {index: (cue.start_ms, ms)}
    notes = []
    if index + 1 < len(cues):
        following = cues[index + 1]
        limit = ms + gap_ms
        if following.start_ms < limit:
            if following.end_ms - limit < SHORTEST_CUE_MS:
                raise TimingRefused(
                    _(
                        "Cue {n} not changed: ending at {at} would overlap cue {m}, "
                        "and cue {m} is too short to start later."
                    ).format(n=index + 1, at=_clock(ms), m=index + 2)
                )
            times[index + 1] = (limit, following.end_ms)
            notes.append(
                _("cue {m} now starts at {at}, {gap} ms after it").format(
                    m=index + 2, at=_clock(limit), gap=gap_ms
                )
            )
    return _edit(cues, times, index, notes)


def chain_at(cues: Sequence[Cue], index: int, ms: int, gap_ms: int) -> TimingEdit:
    """Cue ``index`` ends at ``ms`` and the next cue starts ``gap_ms`` later (one-key chaining).

    The next cue keeps its end when that leaves it :data:`SHORTEST_CUE_MS`, else it keeps its
    duration. Raises TimingRefused when ``ms`` is not after the cue's start.
    """
    if index + 1 >= len(cues) or ms <= cues[index].start_ms:
        return set_end_at(cues, index, ms, gap_ms)
    cue, following = cues[index], cues[index + 1]
    start = ms + gap_ms
    end = following.end_ms
    if end - start < SHORTEST_CUE_MS:
        end = start + max(following.duration_ms, SHORTEST_CUE_MS)
    times = {index: (cue.start_ms, ms), index + 1: (start, end)}
    if index + 2 < len(cues) and end > cues[index + 2].start_ms - gap_ms:
        end = max(start + SHORTEST_CUE_MS, cues[index + 2].start_ms - gap_ms)
        times[index + 1] = (start, end)
    return _edit(cues, times, index, [])


def _edit(
    cues: Sequence[Cue], times: dict[int, tuple[int, int]], index: int, notes: list[str]
) -> TimingEdit:
    note = ""
    if notes:
        note = _("Cue {n}: {notes}.").format(n=index + 1, notes="; ".join(notes))
    return TimingEdit(_unchanged(cues, times), note)


# ------------------------------------------------------------------------ nudges and drags


def _bounds(cues: Sequence[Cue], index: int, gap_ms: int) -> tuple[int, int | None]:
    """Return the earliest start and latest end cue ``index`` may have beside its neighbours."""
    cue = cues[index]
    low = 0
    if index > 0:
        low = max(0, cues[index - 1].end_ms + gap_ms)
    high = cues[index + 1].start_ms - gap_ms if index + 1 < len(cues) else None
    # A file that already overlaps is not made worse, but not forced apart either.
    low = min(low, cue.start_ms)
    if high is not None:
        high = max(high, cue.end_ms)
    return low, high


def nudge(
    cues: Sequence[Cue], index: int, start_delta: int, end_delta: int, gap_ms: int
) -> TimingEdit:
    """Move cue ``index``'s start and/or end by the deltas, stopping ``gap_ms`` from a
    neighbour and :data:`SHORTEST_CUE_MS` from its own other edge; the note says where it
    stopped. Raises TimingRefused when the edge cannot move at all that way."""
    cue = cues[index]
    low, high = _bounds(cues, index, gap_ms)
    start, end = cue.start_ms + start_delta, cue.end_ms + end_delta
    note = ""
    # An edge only ever moves the way it was asked to (a cue already shorter than the shortest
    # cue, or already over its neighbour, stays put rather than jumping back).
    if start_delta:
        wanted = start
        start = min(max(start, low), end - SHORTEST_CUE_MS)
        start = min(start, cue.start_ms) if start_delta < 0 else max(start, cue.start_ms)
        if start != wanted:
            note = _stopped(index, start_delta < 0, start, cue.start_ms)
    if end_delta:
        wanted = end
        end = max(end, start + SHORTEST_CUE_MS)
        if high is not None:
            end = min(end, high)
        end = min(end, cue.end_ms) if end_delta < 0 else max(end, cue.end_ms)
        if end != wanted:
            note = _stopped(index, end_delta < 0, end, cue.end_ms)
    if (start, end) == (cue.start_ms, cue.end_ms):
        raise TimingRefused(note or _("Cue {n} not changed.").format(n=index + 1))
    return TimingEdit(_unchanged(cues, {index: (start, end)}), note)


def _stopped(index: int, earlier: bool, got: int, was: int) -> str:
    if got == was:
        if earlier:
            return _(
                "Cue {n} cannot start or end earlier: a neighbour or its length is in the way."
            ).format(n=index + 1)
        return _(
            "Cue {n} cannot start or end later: a neighbour or its length is in the way."
        ).format(n=index + 1)
    return _("Cue {n} stopped at {at} (its neighbour or its own length is in the way).").format(
        n=index + 1, at=_clock(got)
    )


def nearest(points: Sequence[int], ms: int, within_ms: int) -> int | None:
    """Return the point of sorted ``points`` nearest to ``ms`` if within ``within_ms``."""
    k = bisect.bisect_left(points, ms)
    best: int | None = None
    for candidate in points[max(0, k - 1) : k + 1]:
        if abs(candidate - ms) <= within_ms and (
            best is None or abs(candidate - ms) < abs(best - ms)
        ):
            best = candidate
    return best


def snap_points(
    cues: Sequence[Cue], index: int, gap_ms: int, extra: Iterable[int] = ()
) -> list[int]:
    """Return the sorted times cue ``index``'s edges snap to: ``extra`` (speech edges, shot
    changes) and the places ``gap_ms`` from each neighbour."""
    points = set(extra)
    if index > 0:
        points.add(cues[index - 1].end_ms + gap_ms)
    if index + 1 < len(cues):
        points.add(cues[index + 1].start_ms - gap_ms)
    return sorted(points)


def drag(
    cues: Sequence[Cue],
    index: int,
    part: Part,
    delta_ms: int,
    gap_ms: int,
    *,
    snaps: Sequence[int] = (),
    snap_ms: int = 0,
    push: bool = False,
) -> TimingEdit:
    """Return cue ``index`` with its start, end or whole (``part``) moved by ``delta_ms``.

    Edges snap to the nearest of sorted ``snaps`` within ``snap_ms`` (0: no snapping); the cue
    stops ``gap_ms`` from its neighbours, or with ``push`` moves the neighbour's facing edge
    (never making the neighbour shorter than :data:`SHORTEST_CUE_MS`); it never starts before 0
    nor gets shorter than :data:`SHORTEST_CUE_MS` itself. An empty edit means no change.
    """
    cue = cues[index]
    start, end = cue.start_ms, cue.end_ms
    if part == "start":
        start = _snapped(start + delta_ms, snaps, snap_ms)
    elif part == "end":
        end = _snapped(end + delta_ms, snaps, snap_ms)
    else:
        start, end = start + delta_ms, end + delta_ms
        if snap_ms:
            shift = _best_shift((start, end), snaps, snap_ms)
            start, end = start + shift, end + shift
    times: dict[int, tuple[int, int]] = {}
    has_prev, has_next = index > 0, index + 1 < len(cues)
    prev = cues[index - 1] if has_prev else None
    following = cues[index + 1] if has_next else None
    low, high = _bounds(cues, index, gap_ms)
    if push:
        low = prev.start_ms + SHORTEST_CUE_MS + gap_ms if prev is not None else 0
        low = min(low, cue.start_ms)
        high = following.end_ms - SHORTEST_CUE_MS - gap_ms if following is not None else None
        if high is not None:
            high = max(high, cue.end_ms)
    if part == "move":
        length = end - start
        start = max(start, low)
        if high is not None:
            start = min(start, high - length)
        end = start + length
    elif part == "start":
        start = min(max(start, low), end - SHORTEST_CUE_MS)
    else:
        end = max(end, start + SHORTEST_CUE_MS)
        if high is not None:
            end = min(end, high)
    times[index] = (start, end)
    if push and prev is not None and prev.end_ms > start - gap_ms >= prev.start_ms:
        times[index - 1] = (prev.start_ms, start - gap_ms)
    if push and following is not None and following.start_ms < end + gap_ms <= following.end_ms:
        times[index + 1] = (end + gap_ms, following.end_ms)
    return TimingEdit(_unchanged(cues, times))


def _snapped(ms: int, snaps: Sequence[int], snap_ms: int) -> int:
    if not snap_ms:
        return ms
    point = nearest(snaps, ms, snap_ms)
    return ms if point is None else point


def _best_shift(edges: tuple[int, int], snaps: Sequence[int], snap_ms: int) -> int:
    """Return the smallest shift that puts either edge on a snap point (0 when none is near)."""
    best: int | None = None
    for edge in edges:
        point = nearest(snaps, edge, snap_ms)
        if point is not None and (best is None or abs(point - edge) < abs(best)):
            best = point - edge
    return best or 0
