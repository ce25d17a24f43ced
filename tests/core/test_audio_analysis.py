"""The audio analysis: its lookups, ffmpeg decoding of the demo, plain errors, and the cache."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from captionreview.core.audio import (
    AnalysisCancelled,
    AudioAnalysis,
    AudioError,
    analyse,
    cached_analysis,
)
from captionreview.core.audio.analysis import load_analysis, save_analysis
from captionreview.core.audio.vad import DEFAULT_DETECTOR, make_detector
from tests.core.audio_util import (
    DEMO,
    demo_samples,
    demo_speech,
    detect,
    edge_error,
    noisy_demo,
)

needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed")


def made(speech: tuple[tuple[int, int], ...], shots: tuple[int, ...] = ()) -> AudioAnalysis:
    """An analysis of ten silent seconds with the given speech."""
    return AudioAnalysis(10_000, 10, bytes(1000), speech, shots)


def test_speech_between_counts_only_the_overlap() -> None:
    a = made(((1000, 2000), (3000, 4000), (5000, 6000)))
    assert a.speech_ms_between(0, 10_000) == 3000
    assert a.speech_ms_between(1500, 3500) == 1000
    assert a.speech_ms_between(2000, 3000) == 0
    assert a.speech_ms_between(5999, 7000) == 1


def test_segments_between_are_those_that_overlap_the_range() -> None:
    a = made(((1000, 2000), (3000, 4000), (5000, 6000)))
    assert list(a.speech_segments_between(1999, 3001)) == [(1000, 2000), (3000, 4000)]
    assert list(a.speech_segments_between(2000, 3000)) == []
    assert list(a.speech_segments_between(0, 100_000)) == list(a.speech)


def test_nearest_edge_respects_the_distance_and_the_kind() -> None:
    a = made(((1000, 2000), (3000, 4000)))
    assert a.nearest_speech_edge(2100, 500) == 2000
    assert a.nearest_speech_edge(2600, 500) == 3000
    assert a.nearest_speech_edge(2500, 400) is None
    assert a.nearest_speech_edge(2100, 500, kind="start") is None
    assert a.nearest_speech_edge(2400, 700, kind="start") == 3000
    assert a.nearest_speech_edge(2600, 700, kind="end") == 2000


def test_nearest_shot_and_empty_analysis() -> None:
    a = made((), (4000, 9000))
    assert a.nearest_shot(4200, 300) == 4000
    assert a.nearest_shot(6000, 300) is None
    assert a.nearest_speech_edge(0, 10_000) is None
    assert a.speech_ms_between(0, 10_000) == 0


def test_overlapping_speech_segments_are_refused() -> None:
    with pytest.raises(ValueError):
        made(((1000, 2000), (1500, 2500)))


@needs_ffmpeg
def test_the_demo_speech_is_found_within_a_few_frames() -> None:
    analysis = analyse(DEMO / "lecture.mp4")
    assert abs(analysis.duration_ms - 73_856) < 100
    assert len(analysis.envelope) == -(-analysis.duration_ms // 10)
    truth = demo_speech()
    starts = [s for s, _e in analysis.speech]
    for start, end in truth:
        assert min(abs(start - s) for s in starts) <= 100
        # (a unit may hold real pauses at its commas, so not all of it is speech)
        assert analysis.speech_ms_between(start, end) >= 0.8 * (end - start)
    # The demo's slides change at its three paragraph breaks.
    assert len(analysis.shots) == 3
    for shot, (_start, end) in zip(analysis.shots, (truth[3], truth[7], truth[11]), strict=True):
        assert end < shot < end + 1200
    # Envelope: loud in speech, silent in the lead-in.
    assert max(analysis.envelope[:70]) < 5 < max(analysis.envelope[100:200])


@needs_ffmpeg
def test_a_video_without_audio_gets_a_plain_message(tmp_path: Path) -> None:
    silent = tmp_path / "silent.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(DEMO / "lecture.mp4"), "-t", "2", "-an", str(silent)],
        check=True,
    )
    with pytest.raises(AudioError, match="no audio track"):
        analyse(silent)


@needs_ffmpeg
def test_a_broken_or_missing_file_gets_a_plain_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all" * 100)
    with pytest.raises(AudioError, match=r"broken\.mp4 cannot be read"):
        analyse(broken)
    with pytest.raises(AudioError, match="does not exist"):
        analyse(tmp_path / "absent.mp4")


@needs_ffmpeg
def test_a_truncated_video_still_gives_what_it_has_or_a_message(tmp_path: Path) -> None:
    cut = tmp_path / "cut.mp4"
    data = (DEMO / "lecture.mp4").read_bytes()
    cut.write_bytes(data[: len(data) // 3])
    try:
        analysis = analyse(cut)
    except AudioError as error:
        assert "cut.mp4" in str(error)
    else:
        assert analysis.duration_ms > 0


@needs_ffmpeg
def test_cancelling_stops_the_analysis(tmp_path: Path) -> None:
    seen: list[float] = []

    def stop_early(fraction: float) -> bool:
        seen.append(fraction)
        return fraction < 0.2

    with pytest.raises(AnalysisCancelled):
        cached_analysis(DEMO / "lecture.mp4", cache_dir=tmp_path, progress=stop_early)
    assert seen and seen[-1] >= 0.2 and seen == sorted(seen)
    assert list(tmp_path.iterdir()) == []


@needs_ffmpeg
def test_the_cache_makes_reopening_instant_and_follows_the_file(tmp_path: Path) -> None:
    video = tmp_path / "lecture.mp4"
    shutil.copyfile(DEMO / "lecture.mp4", video)
    cache = tmp_path / "cache"
    first = cached_analysis(video, cache_dir=cache)
    assert len(list(cache.iterdir())) == 1
    again = cached_analysis(video, cache_dir=cache, progress=lambda f: f == 1.0)
    assert again == first
    video.write_bytes(video.read_bytes()[:-1000])  # changed: size and mtime differ
    changed = cached_analysis(video, cache_dir=cache)
    assert len(list(cache.iterdir())) == 2
    assert changed.speech


def test_a_damaged_cache_entry_is_ignored(tmp_path: Path) -> None:
    entry = tmp_path / "x.bin"
    a = made(((1000, 2000),), (5000,))
    save_analysis(a, entry)
    assert load_analysis(entry) == a
    entry.write_bytes(entry.read_bytes()[:-10])
    assert load_analysis(entry) is None
    entry.write_bytes(b"garbage")
    assert load_analysis(entry) is None


@needs_ffmpeg
def test_the_chosen_detector_finds_the_demo_edges_clean_and_noisy() -> None:
    # tests/bench/bench_audio.py prints these figures for every candidate detector.
    assert DEFAULT_DETECTOR == "silero"
    clean = demo_samples()
    truth = demo_speech()
    error = edge_error(detect(make_detector(), clean), truth)
    assert (error.missed, error.extra) == (0, 0)
    assert error.median <= 60 and error.p90 <= 120, error
    noisy, noisy_truth = noisy_demo(clean, truth)
    error = edge_error(detect(make_detector(), noisy), noisy_truth)
    assert (error.missed, error.extra) == (0, 0)
    assert error.median <= 100 and error.p90 <= 250, error


def test_webrtc_is_there_to_compare_with() -> None:
    samples = np.zeros(16_000, dtype=np.int16)
    assert detect(make_detector("webrtc"), samples) == []
    assert detect(make_detector("silero"), samples) == []


@needs_ffmpeg
def test_the_speech_is_handed_over_before_the_shot_changes() -> None:
    early: list[AudioAnalysis] = []
    final = analyse(DEMO / "lecture.mp4", speech_ready=early.append)
    assert len(early) == 1
    assert early[0].shots == () and final.shots
    assert early[0].speech == final.speech and early[0].envelope == final.envelope
