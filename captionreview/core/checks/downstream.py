"""The downstream view: the file as webvtt-py reads it, compared with what players show.

Many publishing scripts read captions with webvtt-py. Its parser is close to the WebVTT spec
but not the same (it accepts ``0:0:13.540``, stops at a timestamp it cannot convert, keeps
NUL characters), so a file can reach viewers with a cue missing, added or changed. This check
reads the text that saving writes with webvtt-py and reports every cue that webvtt-py does
not read as CaptionReview (and a browser) does: rule PUB-01, before the file is published.

The comparison is linear in the number of cues: both cue lists are walked in order, and where
they part, a look-up of each side's next cue in the other says which cues one side lacks.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from typing import NamedTuple

import webvtt

from captionreview.core.checks.base import file_line
from captionreview.core.i18n import _
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.timecode import format_vtt_timestamp

RULE = "PUB-01"
_SHOWN = 60


class Seen(NamedTuple):
    """A cue as one reader sees it: times, text (lines joined by ``\\n``) and identifier."""

    start_ms: int
    end_ms: int
    text: str
    identifier: str


def read_by_webvtt_py(text: str) -> list[Seen]:
    """Return the cues webvtt-py reads from ``text`` (its default, forgiving mode).

    Raises ValueError with webvtt-py's reason when it refuses the whole file.
    """
    try:
        captions = webvtt.from_string(text).captions
        return [
            Seen(
                c.start_time.in_milliseconds(),
                c.end_time.in_milliseconds(),
                # Players read NUL as U+FFFD (and so does CaptionReview); VTT-NUL-01 says so.
                c.raw_text.replace("\0", "\ufffd"),
                (c.identifier or "").replace("\0", "\ufffd"),
            )
            for c in captions
        ]
    # Any exception: this is a third-party parser on whatever the file holds, and what it
    # cannot read is exactly what this check exists to report, never a crash.
    except Exception as error:
        raise ValueError(f"{type(error).__name__}: {error}") from None


def downstream_findings(
    text: str, cues: Sequence[Cue], disabled: Collection[str] = frozenset()
) -> list[Finding]:
    """Return a PUB-01 finding for every cue webvtt-py reads differently from ``cues``.

    ``text`` is the file as saving writes it (``Document.text()``) and ``cues`` the cues
    CaptionReview reads from it. Nothing when the profile turns PUB-01 off.
    """
    if RULE in disabled:
        return []
    try:
        theirs = read_by_webvtt_py(text)
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
    ours = [Seen(c.start_ms, c.end_ms, c.text, c.identifier) for c in cues]
    return _Comparison(ours, theirs, cues).run()


class _Comparison:
    """Walks our cues and webvtt-py's side by side and reports where they differ."""

    def __init__(self, ours: list[Seen], theirs: list[Seen], cues: Sequence[Cue]) -> None:
        self.ours = ours
        self.theirs = theirs
        self.cues = cues
        self.out: list[Finding] = []
        self.our_places = _places(ours)
        self.their_places = _places(theirs)

    def run(self) -> list[Finding]:
        """Compare the two lists in one walk; return the findings in cue order."""
        ours, theirs = self.ours, self.theirs
        i = j = 0
        while i < len(ours) and j < len(theirs):
            mine, other = ours[i], theirs[j]
            if mine[:3] == other[:3]:
                if mine.identifier != other.identifier:
                    self.changed(i, other)
                i, j = i + 1, j + 1
                continue
            later_theirs = _next_place(self.their_places, mine[:3], j)
            later_ours = _next_place(self.our_places, other[:3], i)
            if later_theirs is None and later_ours is None:
                self.changed(i, other)
                i, j = i + 1, j + 1
            elif later_ours is None or (
                later_theirs is not None and later_theirs - j <= later_ours - i
            ):
                assert later_theirs is not None
                for extra in theirs[j:later_theirs]:
                    self.extra(i - 1, extra)
                j = later_theirs
            else:
                for missing in range(i, later_ours):
                    self.missing(missing)
                i = later_ours
        for missing in range(i, len(ours)):
            self.missing(missing)
        for extra in theirs[j:]:
            self.extra(len(ours) - 1, extra)
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
        mine = self.ours[index]
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


Key = tuple[int, int, str]


def _places(seen: list[Seen]) -> dict[Key, list[int]]:
    """Return where each (start, end, text) occurs in ``seen``, in ascending order."""
    places: dict[Key, list[int]] = {}
    for index, cue in enumerate(seen):
        places.setdefault((cue.start_ms, cue.end_ms, cue.text), []).append(index)
    return places


def _next_place(places: dict[Key, list[int]], key: Key, start: int) -> int | None:
    """Return the first place of ``key`` at or after ``start``, None when there is none."""
    found = places.get(key)
    if not found:
        return None
    at = bisect.bisect_left(found, start)
    return found[at] if at < len(found) else None


def _shown(text: str) -> str:
    """Return cue text on one line, shortened for a message."""
    flat = text.replace("\n", " / ")
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"
