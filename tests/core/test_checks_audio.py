"""Audio-aware checks (TIM-08, TIM-10, ASR-06, ASR-15) and their fixes, on the demo and on
hand-made analyses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from captionreview.core.audio import AudioAnalysis, cached_analysis
from captionreview.core.checks import check_document
from captionreview.core.checks.audio import (
    audio_fixes,
    check_audio,
    find_offset,
    pause_split,
    shift_cues,
    snap_to_speech,
)
from captionreview.core.checks.fixes import apply_fix
from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.model import Cue, Finding
from captionreview.core.profiles import DEFAULT_PROFILE as PROFILE
from tests.core.audio_util import DEMO

AUDIO_RULES = {"TIM-08", "TIM-10", "ASR-06", "ASR-15"}


@pytest.fixture(scope="module")
def demo_audio(tmp_path_factory: pytest.TempPathFactory) -> AudioAnalysis:
    """The demo lecture's analysis (decoded once for the module)."""
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg not installed")
    return cached_analysis(DEMO / "lecture.mp4", cache_dir=tmp_path_factory.mktemp("cache"))


def reference() -> list[Cue]:
    """The demo's correct transcript."""
    return list(load(DEMO / "reference" / "lecture.sv.vtt").cues)


def audio_only(findings: list[Finding]) -> list[tuple[str, int | None]]:
    """The audio findings as (rule, cue)."""
    return [(f.rule, f.cue_index) for f in findings if f.rule in AUDIO_RULES]


def made(speech: tuple[tuple[int, int], ...], duration: int = 60_000) -> AudioAnalysis:
    """A hand-made analysis with the given speech."""
    return AudioAnalysis(duration, 10, bytes(duration // 10), speech, ())


@pytest.mark.parametrize("track", ["lecture.sv.vtt", "reference/lecture.sv.vtt"])
def test_the_correct_demo_tracks_get_no_audio_findings(
    demo_audio: AudioAnalysis, track: str
) -> None:
    doc = load(DEMO / track)
    assert audio_only(check_document(doc, PROFILE, demo_audio)) == []


def test_a_deleted_cue_leaves_its_speech_uncaptioned(demo_audio: AudioAnalysis) -> None:
    cues = reference()
    gone = cues.pop(5)
    findings = check_audio(cues, demo_audio, PROFILE)
    assert audio_only(findings) == [("TIM-10", None)]
    (finding,) = findings
    assert finding.start_ms is not None and finding.end_ms is not None
    assert abs(finding.start_ms - gone.start_ms) <= 100
    assert abs(finding.end_ms - 26_719) <= 150  # where that speech ends


def test_a_cue_moved_into_a_pause_is_text_over_silence(demo_audio: AudioAnalysis) -> None:
    cues = reference()
    moved = cues[3]
    cues[3] = moved.with_changes(start_ms=16_800, end_ms=17_650)  # the paragraph pause
    found = audio_only(check_audio(cues, demo_audio, PROFILE))
    assert ("ASR-15", 3) in found
    assert ("TIM-10", None) in found  # and its speech is left without a caption
    assert len(found) == 2


@pytest.mark.parametrize("shift", [1500, -1500])
def test_a_whole_file_offset_is_reported_once_with_its_shift(
    demo_audio: AudioAnalysis, shift: int
) -> None:
    cues = [
        c.with_changes(start_ms=c.start_ms + shift, end_ms=c.end_ms + shift) for c in reference()
    ]
    findings = check_audio(cues, demo_audio, PROFILE)
    assert audio_only(findings) == [("TIM-08", None)]
    suggested = int(findings[0].suggestion or "0")
    assert abs(suggested + shift) <= 100
    # The one-step fix puts the cues back where the speech is.
    fixed = shift_cues(cues, suggested)
    assert len(fixed) == len(cues)
    assert audio_only(check_audio(list(fixed.values()), demo_audio, PROFILE)) == []


def test_the_offset_search_leaves_a_fitting_file_alone(demo_audio: AudioAnalysis) -> None:
    assert find_offset(reference(), demo_audio, PROFILE) is None


def test_without_audio_there_are_no_audio_findings() -> None:
    doc = load(DEMO / "lecture.sv.vtt")
    assert audio_only(check_document(doc, PROFILE)) == []
    assert check_audio(list(doc.cues), None, PROFILE) == []


def test_per_cue_sync_late_early_and_hanging() -> None:
    audio = made(((1000, 3000), (10_000, 12_000), (20_000, 22_000)))
    cues = [
        Cue(1800, 3000, "late start"),  # 0.8 s after the speech begins
        Cue(8000, 12_000, "early start"),  # 2 s before it
        Cue(20_000, 24_000, "hangs on"),  # 2 s after it ends
    ]
    messages = [(f.rule, f.cue_index) for f in check_audio(cues, audio, PROFILE)]
    assert messages == [("TIM-08", 0), ("TIM-08", 1), ("TIM-08", 2)]
    # Within the limits: nothing.
    fine = [Cue(1400, 3000, "a"), Cue(9000, 12_000, "b"), Cue(20_000, 23_000, "c")]
    assert check_audio(fine, audio, PROFILE) == []


def test_speech_the_previous_cue_covers_is_not_a_late_start() -> None:
    audio = made(((1000, 9000),))
    cues = [Cue(1000, 5000, "first half"), Cue(5080, 9000, "second half")]
    assert check_audio(cues, audio, PROFILE) == []


def test_a_long_pause_inside_a_cue_is_reported_and_split_there() -> None:
    audio = made(((1000, 3000), (5500, 7000)))
    cue = Cue(1000, 7000, "Det var allt. Nu går vi vidare")
    findings = check_audio([cue], audio, PROFILE)
    assert [(f.rule, f.cue_index) for f in findings] == [("ASR-06", 0)]
    position, at_ms = pause_split(cue, audio, PROFILE.pause_split_ms) or (0, 0)
    assert cue.text[:position] == "Det var allt."
    assert at_ms == 5500
    doc = Document.from_cues([cue])
    doc.split(0, position, at_ms, gap_ms=PROFILE.min_gap_ms)
    assert [c.text for c in doc.cues] == ["Det var allt.", "Nu går vi vidare"]
    # A short pause is no reason to split.
    assert pause_split(Cue(1000, 7000, "a b"), made(((1000, 3000), (4000, 7000))), 2000) is None


def test_the_thresholds_come_from_the_profile() -> None:
    audio = made(((1000, 3000), (5500, 7000)))
    cue = Cue(1000, 7000, "Det var allt. Nu går vi vidare")
    lenient = PROFILE.with_overrides(pause_split_ms=3000)
    assert check_audio([cue], audio, lenient) == []
    off = PROFILE.with_overrides(disabled_rules=frozenset({"ASR-06"}))
    assert check_audio([cue], audio, off) == []


def test_uncaptioned_speech_has_a_range_and_short_bits_do_not_count() -> None:
    audio = made(((1000, 3000), (5000, 5800), (30_000, 31_500)))
    cues = [Cue(1000, 3000, "a")]
    findings = check_audio(cues, audio, PROFILE)
    assert [(f.rule, f.start_ms, f.end_ms) for f in findings] == [("TIM-10", 30_000, 31_500)]


def test_snapping_moves_edges_to_nearby_speech_only() -> None:
    audio = made(((1000, 3000), (5000, 8000)))
    cues = [Cue(1300, 2700, "a"), Cue(4000, 8400, "b")]
    changes = snap_to_speech(cues, audio, PROFILE)
    assert changes[0].start_ms == 1000 and changes[0].end_ms == 3000
    # 4000 is a second from the onset at 5000: out of reach; 8400 snaps to 8000.
    assert changes[1].start_ms == 4000 and changes[1].end_ms == 8000
    doc = Document.from_cues(cues)
    doc.replace_cues(changes, "Snap to speech")
    doc.undo()
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(1300, 2700), (4000, 8400)]


def test_snapping_keeps_the_minimum_gap_to_the_next_cue() -> None:
    audio = made(((1000, 3000), (3020, 6000)))
    cues = [Cue(1000, 2900, "a"), Cue(3020, 6000, "b")]
    changes = snap_to_speech(cues, audio, PROFILE)
    # Snapping the end to 3000 would leave 20 ms before the next cue: it stays.
    assert 0 not in changes


def test_shifting_never_moves_a_cue_before_zero() -> None:
    cues = [Cue(300, 2000, "a"), Cue(2500, 4000, "b")]
    changes = shift_cues(cues, -1000)
    assert changes[0].start_ms == 0 and changes[1].start_ms == 2200


def test_the_audio_checks_are_linear(tmp_path: Path) -> None:
    # 3,000 cues over an hour of speech: one pass (a smoke test; timings live in the bench).
    speech = tuple((i * 1200, i * 1200 + 1000) for i in range(3000))
    audio = made(speech, 3_700_000)
    cues = [Cue(s, e, "x") for s, e in speech]
    assert check_audio(cues, audio, PROFILE) == []


def test_the_audio_fixes_preview_and_apply_as_one_undo_step(demo_audio: AudioAnalysis) -> None:
    late = [c.with_changes(start_ms=c.start_ms + 1500, end_ms=c.end_ms + 1500) for c in reference()]
    doc = Document.from_cues(late)
    snap, shift = audio_fixes(demo_audio)
    assert (snap.name, shift.name) == ("snap-to-speech", "shift-to-speech")
    preview = shift.compute(doc.cues, PROFILE, None)
    assert len(preview) == len(late)
    assert apply_fix(doc, shift, PROFILE) == len(late)
    assert audio_only(check_audio(list(doc.cues), demo_audio, PROFILE)) == []
    doc.undo()
    assert [c.start_ms for c in doc.cues] == [c.start_ms for c in late]
    # Snapping cues that are already on the speech moves each edge by a few frames at most.
    moved = snap.compute(reference(), PROFILE, None)
    for i, cue in moved.items():
        assert abs(cue.start_ms - reference()[i].start_ms) <= PROFILE.snap_within_ms
