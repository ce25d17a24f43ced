"""Checks against the speech the audio analysis hears: TIM-08, TIM-10, ASR-06, ASR-15.

They read an :class:`~captionreview.core.audio.AudioAnalysis` like any other input; without
one (no video, no audio track) they say nothing. One pass over the cues and the speech
segments, plus a vectorised search for a whole-file offset: linear in the file.
The fixes here (shift every cue, snap edges to speech, split at a pause) compute changed cues
for a preview and never touch the document themselves.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from captionreview.core.checks.base import cue_finding
from captionreview.core.checks.findings import finding_range
from captionreview.core.checks.fixes import Fix
from captionreview.core.i18n import N_, _
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.timecode import format_ms

if TYPE_CHECKING:
    import numpy as np

    from captionreview.core.audio import AudioAnalysis
    from captionreview.core.profiles import Profile

AUDIO_RULES = ("TIM-08", "TIM-10", "ASR-06", "ASR-15")
# The whole-file offset is looked for within this range, in steps of this size.
OFFSET_SEARCH_MS = 5000
OFFSET_STEP_MS = 20
# A cue's start counts as matched to a speech onset within this distance (after the offset).
ONSET_MATCH_MS = 400
# Shorter cues are bridges or flashes that other rules judge; speech under them means little.
MIN_CUE_FOR_SHARE_MS = 300
SLIVER_MS = 200

Changes = dict[int, Cue]


@dataclass(frozen=True, slots=True)
class Offset:
    """A consistent offset between the cues and the speech: add ``shift_ms`` to every cue."""

    shift_ms: int
    matched: int  # cues whose start matched a speech onset after the shift
    uncaptioned_before_ms: int  # speech with no cue over it, as the cues stand
    uncaptioned_after_ms: int  # ... and once shifted


def check_audio(
    cues: Sequence[Cue], analysis: AudioAnalysis | None, profile: Profile
) -> list[Finding]:
    """Every audio finding for the cues: file-wide offset first, then by time; [] without audio."""
    if analysis is None or not cues:
        return []
    disabled = profile.disabled_rules
    out: list[Finding] = []
    offset = find_offset(cues, analysis, profile)
    shift = 0
    if offset is not None and "TIM-08" not in disabled:
        shift = offset.shift_ms
        out.append(_offset_finding(offset))
    shifted = [(c.start_ms + shift, c.end_ms + shift) for c in cues]
    for index, cue in enumerate(cues):
        start, end = shifted[index]
        if end - start <= 0:
            continue
        previous_end = shifted[index - 1][1] if index else None
        if "TIM-08" not in disabled:
            out += _sync_findings(index, cue, start, end, previous_end, analysis, profile)
        if "ASR-06" not in disabled:
            out += _pause_findings(index, cue, start, end, analysis, profile)
        if "ASR-15" not in disabled:
            out += _silence_findings(index, cue, start, end, analysis, profile)
    if "TIM-10" not in disabled:
        out += uncaptioned_speech(shifted, analysis, profile)
    head = out[:1] if offset is not None and shift else []
    rest = out[len(head) :]
    rest.sort(key=finding_start_key(cues))
    return head + rest


def finding_start_key(cues: Sequence[Cue]) -> _StartKey:
    """A sort key putting findings in time order (a finding's range, else its cue's)."""
    return _StartKey(cues)


class _StartKey:
    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = cues

    def __call__(self, finding: Finding) -> int:
        return finding_range(finding, self.cues)[0]


def _seconds(ms: int) -> str:
    return f"{ms / 1000:.1f}"


def _sync_findings(
    index: int,
    cue: Cue,
    start: int,
    end: int,
    previous_end: int | None,
    analysis: AudioAnalysis,
    profile: Profile,
) -> list[Finding]:
    """TIM-08 for one cue: late or early start, or hanging on after the speech."""
    segments = analysis.speech_segments_between(start, end)
    if not segments:
        return []  # no speech at all under the cue: ASR-15 says so
    out: list[Finding] = []
    onset = segments[0][0]
    if onset < start:
        # Speech that began before the cue is this cue's only where the previous cue is over.
        uncaptioned_from = max(onset, previous_end) if previous_end is not None else onset
        late = start - uncaptioned_from
        if late > profile.sync_late_start_ms:
            out.append(
                cue_finding(
                    "TIM-08",
                    Severity.WARN,
                    _(
                        "Starts {late} s after the speech begins ({onset}); captions should "
                        "appear with the speech, at most {limit} s later."
                    ).format(
                        late=_seconds(late),
                        onset=format_ms(uncaptioned_from),
                        limit=f"{profile.sync_late_start_ms / 1000:g}",
                    ),
                    index,
                    cue,
                )
            )
    elif onset - start > profile.sync_early_start_ms:
        out.append(
            cue_finding(
                "TIM-08",
                Severity.WARN,
                _(
                    "Appears {early} s before the speech begins ({onset}); do not anticipate "
                    "speech by more than {limit} s."
                ).format(
                    early=_seconds(onset - start),
                    onset=format_ms(onset),
                    limit=f"{profile.sync_early_start_ms / 1000:g}",
                ),
                index,
                cue,
            )
        )
    offset = segments[-1][1]
    if end - offset > profile.sync_late_end_ms:
        out.append(
            cue_finding(
                "TIM-08",
                Severity.WARN,
                _(
                    "Stays {hang} s after the speech ends ({offset}); end the cue within "
                    "{limit} s of the speech."
                ).format(
                    hang=_seconds(end - offset),
                    offset=format_ms(offset),
                    limit=f"{profile.sync_late_end_ms / 1000:g}",
                ),
                index,
                cue,
            )
        )
    return out


def longest_pause(start: int, end: int, analysis: AudioAnalysis) -> tuple[int, int] | None:
    """The longest silence between two stretches of speech inside [start, end), if any."""
    segments = analysis.speech_segments_between(start, end)
    best: tuple[int, int] | None = None
    for (_s, previous_end), (next_start, _e) in pairwise(segments):
        if best is None or next_start - previous_end > best[1] - best[0]:
            best = (previous_end, next_start)
    return best


def _pause_findings(
    index: int, cue: Cue, start: int, end: int, analysis: AudioAnalysis, profile: Profile
) -> list[Finding]:
    """ASR-06: the cue runs across a pause of pause_split_ms or more."""
    pause = longest_pause(start, end, analysis)
    if pause is None or pause[1] - pause[0] < profile.pause_split_ms:
        return []
    return [
        cue_finding(
            "ASR-06",
            Severity.WARN,
            _(
                "Runs across {pause} s of silence ({start} to {end}); split the cue at the "
                "pause or end it where the speech stops."
            ).format(
                pause=_seconds(pause[1] - pause[0]),
                start=format_ms(pause[0]),
                end=format_ms(pause[1]),
            ),
            index,
            cue,
        )
    ]


def _silence_findings(
    index: int, cue: Cue, start: int, end: int, analysis: AudioAnalysis, profile: Profile
) -> list[Finding]:
    """ASR-15: under min_speech_share of the cue has speech beneath it."""
    duration = end - start
    if duration < MIN_CUE_FOR_SHARE_MS or not cue.text.strip():
        return []
    speech = analysis.speech_ms_between(start, end)
    if speech >= profile.min_speech_share * duration:
        return []
    if speech == 0:
        message = _(
            "No speech is heard under this cue: text over silence, perhaps invented by the "
            "speech recogniser or placed at the wrong time."
        )
    else:
        message = _(
            "Only {share} % of this cue has speech under it: text over silence, perhaps "
            "invented by the speech recogniser or placed at the wrong time."
        ).format(share=round(100 * speech / duration))
    return [cue_finding("ASR-15", Severity.WARN, message, index, cue)]


def uncaptioned_speech(
    shifted: Sequence[tuple[int, int]], analysis: AudioAnalysis, profile: Profile
) -> list[Finding]:
    """TIM-10: stretches between cues holding uncaptioned_speech_ms or more of speech."""
    covered: list[tuple[int, int]] = []
    for start, end in sorted(shifted):
        if end <= start:
            continue
        if covered and start <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(covered[-1][1], end))
        else:
            covered.append((start, end))
    gaps = []
    previous = 0
    for start, end in covered:
        if start > previous:
            gaps.append((previous, start))
        previous = max(previous, end)
    gaps.append((previous, max(previous, analysis.duration_ms) + 1))
    out: list[Finding] = []
    for gap_start, gap_end in gaps:
        # The detector's edges may reach a few frames past a cue: slivers are not speech left
        # out. Speech a long pause apart is reported as separate passages.
        run: list[tuple[int, int]] = []
        for s, e in analysis.speech_segments_between(gap_start, gap_end):
            piece = (max(s, gap_start), min(e, gap_end))
            if piece[1] - piece[0] < SLIVER_MS:
                continue
            if run and piece[0] - run[-1][1] >= profile.pause_split_ms:
                out += _uncaptioned_finding(run, profile)
                run = []
            run.append(piece)
        out += _uncaptioned_finding(run, profile)
    return out


def _uncaptioned_finding(run: list[tuple[int, int]], profile: Profile) -> list[Finding]:
    """TIM-10 for one passage of speech without a caption, if it is long enough."""
    speech = sum(e - s for s, e in run)
    if not run or speech < profile.uncaptioned_speech_ms:
        return []
    first, last = run[0][0], run[-1][1]
    return [
        cue_finding(
            "TIM-10",
            Severity.WARN,
            _(
                "{speech} s of speech from {start} to {end} has no caption; captions "
                "should cover all of the speech."
            ).format(speech=_seconds(speech), start=format_ms(first), end=format_ms(last)),
            None,
            None,
            start_ms=first,
            end_ms=last,
        )
    ]


def find_offset(cues: Sequence[Cue], analysis: AudioAnalysis, profile: Profile) -> Offset | None:
    """A consistent offset between cues and speech of at least sync_offset_ms, or None.

    The shift that leaves the least speech uncaptioned is searched in 20 ms steps (nearest to
    zero among equals, so a file that fits already stays put); the reported shift is then the
    median distance from each cue's start to the speech onset it meets after that shift.
    """
    timed = sorted((c.start_ms, c.end_ms) for c in cues if c.end_ms > c.start_ms)
    if len(timed) < 3 or not analysis.speech:
        return None
    # Imported here: the command line loads this module for every check, with or without audio.
    import numpy as np

    step = OFFSET_STEP_MS
    bins = analysis.duration_ms // step + 1
    speech = np.zeros(bins + 1, dtype=np.int64)
    for s, e in analysis.speech:
        speech[min(bins, s // step)] += 1
        speech[min(bins, e // step)] -= 1
    # Speech per bin (0/1), then its running total: speech in [a, b) is total[b] - total[a].
    total = np.concatenate(([0], np.cumsum(np.cumsum(speech)[:bins] > 0)))
    starts = np.array([s for s, _e in timed], dtype=np.int64) // step
    ends = np.array([e for _s, e in timed], dtype=np.int64) // step
    shifts = np.arange(-OFFSET_SEARCH_MS // step, OFFSET_SEARCH_MS // step + 1)
    covered = np.empty(len(shifts), dtype=np.int64)
    for k, delta in enumerate(shifts):
        a = np.clip(starts + delta, 0, bins)
        b = np.clip(ends + delta, 0, bins)
        covered[k] = _covered_bins(a, b, total)
    all_speech = int(total[-1])
    best = int(covered.max())
    gain = best - int(covered[len(shifts) // 2])
    # A fit only a little better than the cues as they stand is no consistent offset.
    if gain * step < max(profile.uncaptioned_speech_ms, 0.05 * all_speech * step):
        return None
    ties = np.flatnonzero(covered >= best - max(1, best // 200))
    coarse = int(shifts[ties[np.argmin(np.abs(shifts[ties]))]]) * step
    differences: list[int] = []
    for start, _end in timed:
        onset = analysis.nearest_speech_edge(start + coarse, ONSET_MATCH_MS, kind="start")
        if onset is not None:
            differences.append(onset - start)
    shift = round(float(np.median(differences))) if len(differences) >= 3 else coarse
    if abs(shift) < profile.sync_offset_ms:
        return None
    return Offset(
        shift,
        len(differences),
        (all_speech - int(covered[len(shifts) // 2])) * step,
        (all_speech - best) * step,
    )


def _covered_bins(a: np.ndarray, b: np.ndarray, total: np.ndarray) -> int:
    """Speech bins under the union of the ranges [a, b) (which are in start order)."""
    import numpy as np

    # Overlapping cues must not count their shared speech twice: clip each start to the
    # furthest end before it.
    furthest = np.maximum.accumulate(b)
    clipped = np.maximum(a, np.concatenate(([0], furthest[:-1])))
    return int(np.sum(np.where(b > clipped, total[b] - total[np.minimum(clipped, b)], 0)))


def _offset_finding(offset: Offset) -> Finding:
    """TIM-08 for the whole file: every cue is off by the same amount."""
    if offset.shift_ms < 0:
        message = _(
            "The captions come {seconds} s late throughout: {matched} cues start that much "
            "after their speech. Move every cue {seconds} s earlier."
        )
    else:
        message = _(
            "The captions come {seconds} s early throughout: {matched} cues start that much "
            "before their speech. Move every cue {seconds} s later."
        )
    return cue_finding(
        "TIM-08",
        Severity.WARN,
        message.format(seconds=f"{abs(offset.shift_ms) / 1000:.2f}", matched=offset.matched),
        None,
        None,
        suggestion=str(offset.shift_ms),
    )


def shift_cues(cues: Sequence[Cue], shift_ms: int) -> Changes:
    """Every cue moved by shift_ms (the whole-file TIM-08 fix), none before 0."""
    earliest = min((min(c.start_ms, c.end_ms) for c in cues), default=0)
    shift = max(shift_ms, -earliest)
    if shift == 0:
        return {}
    return {
        i: c.with_changes(start_ms=c.start_ms + shift, end_ms=c.end_ms + shift)
        for i, c in enumerate(cues)
    }


def snap_to_speech(
    cues: Sequence[Cue],
    analysis: AudioAnalysis,
    profile: Profile,
    indices: Collection[int] | None = None,
) -> Changes:
    """Cue starts moved to the nearest speech onset and ends to the nearest offset within
    snap_within_ms, keeping the minimum gap to the neighbours and every cue at least as long
    as the profile's error minimum."""
    targets = range(len(cues)) if indices is None else sorted(set(indices))
    within = profile.snap_within_ms
    gap = profile.min_gap_ms
    changes: Changes = {}
    for i in targets:
        if not 0 <= i < len(cues):
            continue
        cue = cues[i]
        if cue.end_ms <= cue.start_ms:
            continue
        previous = changes.get(i - 1, cues[i - 1]) if i > 0 else None
        following = cues[i + 1] if i + 1 < len(cues) else None
        start = analysis.nearest_speech_edge(cue.start_ms, within, kind="start")
        end = analysis.nearest_speech_edge(cue.end_ms, within, kind="end")
        new_start = cue.start_ms if start is None else start
        new_end = cue.end_ms if end is None else end
        if previous is not None and new_start < previous.end_ms + gap <= cue.start_ms:
            new_start = cue.start_ms
        if following is not None:
            next_start = following.start_ms
            if following.end_ms > following.start_ms:
                snapped = analysis.nearest_speech_edge(next_start, within, kind="start")
                next_start = max(next_start, snapped) if snapped is not None else next_start
            if new_end > next_start - gap >= cue.end_ms:
                new_end = cue.end_ms
        if new_end - new_start < min(profile.min_duration_error_ms, cue.duration_ms):
            continue
        if (new_start, new_end) != (cue.start_ms, cue.end_ms):
            changes[i] = cue.with_changes(start_ms=new_start, end_ms=new_end)
    return changes


_SENTENCE_END = re.compile(r"[.!?…:;,]\s+")


def pause_split(cue: Cue, analysis: AudioAnalysis, min_pause_ms: int) -> tuple[int, int] | None:
    """Where to split a cue that runs across a pause: (character position, time in ms).

    The time is where the speech resumes; the text is cut between words at the share of the
    cue's speech heard before the pause, preferring a punctuation mark within a few words.
    None when the cue holds no pause of min_pause_ms or has one word.
    """
    pause = longest_pause(cue.start_ms, cue.end_ms, analysis)
    if pause is None or pause[1] - pause[0] < min_pause_ms:
        return None
    before = analysis.speech_ms_between(cue.start_ms, pause[0])
    after = analysis.speech_ms_between(pause[1], cue.end_ms)
    if before + after == 0:
        return None
    text = cue.text
    target = round(len(text) * before / (before + after))
    spaces = [m.start() for m in re.finditer(r"\s+", text)]
    if not spaces:
        return None
    punctuated = [m.start() + 1 for m in _SENTENCE_END.finditer(text)]
    near = [p for p in punctuated if abs(p - target) <= max(8, len(text) // 6)]
    position = (
        min(near, key=lambda p: abs(p - target))
        if near
        else min(spaces, key=lambda p: abs(p - target))
    )
    return position, pause[1]


def audio_fixes(analysis: AudioAnalysis) -> tuple[Fix, ...]:
    """The audio fixes as :class:`Fix` records bound to one analysis, for the same preview
    and one-step apply as the other fixes (``apply_fix``)."""

    def snap(cues: Sequence[Cue], profile: Profile, indices: Collection[int] | None) -> Changes:
        return snap_to_speech(cues, analysis, profile, indices)

    def shift(cues: Sequence[Cue], profile: Profile, _indices: Collection[int] | None) -> Changes:
        offset = find_offset(cues, analysis, profile)
        return shift_cues(cues, offset.shift_ms) if offset is not None else {}

    return (
        Fix("snap-to-speech", N_("Snap cues to speech"), ("TIM-08",), snap),
        Fix("shift-to-speech", N_("Shift all cues to the speech"), ("TIM-08",), shift),
    )
