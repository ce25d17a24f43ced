"""Benchmark: speech detection accuracy (Silero VAD vs WebRTC VAD) and analysis speed.

Run on its own: ``.venv/bin/python tests/bench/bench_audio.py [--skip-hour]``. Needs ffmpeg.

1. Edge error: the demo lecture's true speech edges come from make_demo.py (every unit is
   placed to the sample). Each detector runs on the demo's audio as ffmpeg decodes it, and on
   a hard version (longer pauses, reverb, mains hum, room noise at 10 dB SNR; built by
   tests/core/audio_util.noisy_demo). Printed per detector: onset and offset error (median,
   90th percentile, ms: every true edge to the nearest detected edge of its kind), detected
   segments that overlap no speech, and frame-level missed / false speech.
2. Speed: the demo looped with ffmpeg into a one-hour file; the ffmpeg decode floor (the same
   decode into a pipe, read and dropped) against the full analysis with each detector, with
   and without shot detection, and a cached reopen.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from captionreview.core.audio import AudioAnalysis, cached_analysis
from captionreview.core.audio.decode import decode
from captionreview.core.audio.vad import DETECTORS, SileroDetector, WebRtcDetector
from captionreview.core.checks.audio import check_audio, snap_to_speech
from captionreview.core.model import Cue
from captionreview.core.profiles import DEFAULT_PROFILE
from tests.core.audio_util import DEMO, demo_samples, demo_speech, detect, edge_error, noisy_demo


def speech_frames(
    segments: list[tuple[int, int]] | tuple[tuple[int, int], ...], n: int
) -> np.ndarray:
    """A 10 ms speech mask."""
    mask = np.zeros(n, dtype=bool)
    for start, end in segments:
        mask[start // 10 : end // 10] = True
    return mask


def accuracy() -> None:
    """Print the edge error of each detector on the clean and the noisy demo."""
    clean = demo_samples()
    truth = demo_speech()
    noisy, noisy_truth = noisy_demo(clean, truth)
    detectors = {
        "silero (chosen)": SileroDetector,
        "webrtc mode 3": lambda: WebRtcDetector(3),
        "webrtc mode 2": lambda: WebRtcDetector(2),
        "webrtc mode 1": lambda: WebRtcDetector(1),
    }
    print("edge error in ms (median / p90), against", len(truth), "true speech segments")
    print(
        f"{'detector':16} {'audio':6} {'onset':>13} {'offset':>13} {'all':>13} "
        f"{'segs':>5} {'extra':>5} {'missed ms':>9} {'false ms':>9} {'time':>6}"
    )
    for name, make in detectors.items():
        for label, samples, true in (("clean", clean, truth), ("noisy", noisy, noisy_truth)):
            began = time.perf_counter()
            found = detect(make(), samples)
            took = time.perf_counter() - began
            error = edge_error(found, true)
            n = len(samples) // 160 + 1
            detected, real = speech_frames(found, n), speech_frames(true, n)
            print(
                f"{name:16} {label:6} "
                f"{error.onset_median:6.0f}/{error.onset_p90:6.0f} "
                f"{error.offset_median:6.0f}/{error.offset_p90:6.0f} "
                f"{error.median:6.0f}/{error.p90:6.0f} "
                f"{len(found):5d} {error.extra:5d} "
                f"{int(np.sum(real & ~detected)) * 10:9d} {int(np.sum(detected & ~real)) * 10:9d} "
                f"{took:5.2f}s"
            )
    print(
        "(missed ms on clean audio includes the real pauses at commas inside a unit, which "
        "the truth counts as speech)"
    )


def hour_file(folder: Path) -> Path:
    """The demo looped into a file of about one hour (stream copy: no re-encoding)."""
    out = folder / "hour.mp4"
    loops = 3_600_000 // 73_856  # the demo lasts 73.856 s
    subprocess.run(
        [
            "ffmpeg", "-nostdin", "-v", "error", "-stream_loop", str(loops),
            "-i", str(DEMO / "lecture.mp4"), "-c", "copy", str(out),
        ],
        check=True,
    )  # fmt: skip
    return out


def decode_floor(video: Path) -> float:
    """Seconds for ffmpeg to decode the audio to 16 kHz mono into a pipe that is only read."""
    began = time.perf_counter()
    with subprocess.Popen(
        [
            "ffmpeg", "-nostdin", "-v", "error", "-i", str(video), "-map", "0:a:0",
            "-vn", "-ac", "1", "-ar", "16000", "-f", "s16le", "pipe:1",
        ],
        stdout=subprocess.PIPE,
    ) as process:  # fmt: skip
        assert process.stdout is not None
        while process.stdout.read(1 << 16):
            pass
    return time.perf_counter() - began


def speed() -> None:
    """Print the one-hour timings."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        video = hour_file(folder)
        floor = decode_floor(video)
        print(
            f"one hour ({video.stat().st_size / 1e6:.0f} MB mp4): ffmpeg decode floor {floor:.1f} s"
        )
        for detector in DETECTORS:
            began = time.perf_counter()
            analysis = decode(video, detector=detector, shots=False)
            took = time.perf_counter() - began
            print(
                f"  decode + envelope + {detector} VAD: {took:.1f} s "
                f"({took / floor:.1f}x the floor), "
                f"{len(analysis.speech)} speech segments, envelope {len(analysis.envelope)} bytes"
            )
        began = time.perf_counter()
        ready: list[float] = []
        analysis = cached_analysis(
            video,
            cache_dir=folder / "cache",
            speech_ready=lambda _early: ready.append(time.perf_counter() - began),
        )
        took = time.perf_counter() - began
        print(
            f"  full analysis (silero + shot detection), first open: {took:.1f} s, "
            f"{len(analysis.shots)} shot changes; envelope and speech ready after "
            f"{ready[0]:.1f} s"
        )
        began = time.perf_counter()
        cached_analysis(video, cache_dir=folder / "cache")
        print(f"  reopen from the cache: {(time.perf_counter() - began) * 1000:.1f} ms")
        checks(analysis)


def checks(analysis: AudioAnalysis) -> None:
    """Time the audio checks and the snap fix with a cue over every stretch of the hour's speech,
    as they stand and all 1.5 s late."""
    cues = [Cue(start, end, "ord") for start, end in analysis.speech]
    late = [c.with_changes(start_ms=c.start_ms + 1500, end_ms=c.end_ms + 1500) for c in cues]
    check_audio(cues[:10], analysis, DEFAULT_PROFILE)  # numpy imported outside the timing
    for label, track in (("fitting", cues), ("1.5 s late", late)):
        began = time.perf_counter()
        found = check_audio(track, analysis, DEFAULT_PROFILE)
        took = (time.perf_counter() - began) * 1000
        print(f"  audio checks, {len(track)} cues {label}: {took:.0f} ms, {len(found)} findings")
    began = time.perf_counter()
    snapped = snap_to_speech(late, analysis, DEFAULT_PROFILE)
    took = (time.perf_counter() - began) * 1000
    print(f"  snap all to speech, {len(late)} cues: {took:.0f} ms ({len(snapped)} moved)")


def main() -> int:
    """Run both parts."""
    if shutil.which("ffmpeg") is None:
        print("bench_audio: ffmpeg is not installed")
        return 1
    accuracy()
    if "--skip-hour" not in sys.argv:
        speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
