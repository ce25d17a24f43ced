"""The demo lecture's true speech edges, rebuilt from its caption files and make_demo.py."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import numpy as np
from numpy.typing import NDArray

from captionreview.core.audio.vad import SpeechDetector
from captionreview.core.formats import load

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo"


@cache
def make_demo() -> ModuleType:
    """The demo's build script as a module (it has no side effects on import)."""
    spec = importlib.util.spec_from_file_location("make_demo", DEMO / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is made.
    sys.modules.setdefault("make_demo", module)
    spec.loader.exec_module(module)
    return module


@cache
def demo_speech() -> tuple[tuple[int, int], ...]:
    """Every synthesised unit's exact (start_ms, end_ms) in the demo's audio.

    Reference cues start where their unit's speech starts; auto cues end where their last
    unit's speech ends; a unit that an auto cue continues ends the script's pause before the
    next unit begins.
    """
    demo = make_demo()
    units = [unit for _heading, paragraph in demo.PARAGRAPHS for unit in paragraph]
    starts = [c.start_ms for c in load(DEMO / "reference" / "lecture.sv.vtt").cues]
    auto_ends = iter(c.end_ms for c in load(DEMO / "lecture.sv.vtt").cues)
    assert len(starts) == len(units)
    ends: list[int] = []
    for i, unit in enumerate(units):
        following = units[i + 1] if i + 1 < len(units) else None
        if following is not None and following.join_prev:
            pause = unit.pause_after if unit.pause_after is not None else demo.PAUSE_MS
            ends.append(starts[i + 1] - pause)
        else:
            ends.append(next(auto_ends))
    return tuple(zip(starts, ends, strict=True))


def demo_samples() -> NDArray[np.int16]:
    """The demo's audio track as ffmpeg decodes it for the analysis (16 kHz mono int16)."""
    out = subprocess.run(
        [
            "ffmpeg", "-nostdin", "-v", "error", "-i", str(DEMO / "lecture.mp4"),
            "-map", "0:a:0", "-ac", "1", "-ar", "16000", "-f", "s16le", "pipe:1",
        ],
        capture_output=True,
        check=True,
    )  # fmt: skip
    return np.frombuffer(out.stdout, dtype="<i2").astype(np.int16)


def noisy_demo(
    samples: NDArray[np.int16], truth: Sequence[tuple[int, int]], seed: int = 9
) -> tuple[NDArray[np.int16], tuple[tuple[int, int], ...]]:
    """A hard version of the demo: 2.5 s more pause at each paragraph break, reverb (RT60 about
    0.5 s), 50 Hz mains hum with harmonics, and room noise (pink-ish) at 10 dB SNR to the speech.

    Returns the samples and the true speech edges moved by the inserted pauses.
    """
    rate = 16_000
    rng = np.random.default_rng(seed)
    signal = samples.astype(np.float64) / 32768.0
    # Long pauses: the paragraph breaks are the pauses of 1.1 s; make them 3.6 s.
    pieces = []
    moved = []
    extra = 0
    cursor = 0
    insert = int(2.5 * rate)
    for i, (start, end) in enumerate(truth):
        if i and start - truth[i - 1][1] >= 1000:
            middle = (truth[i - 1][1] + start) // 2 * rate // 1000
            pieces += [signal[cursor:middle], np.zeros(insert)]
            cursor = middle
            extra += 2500
        moved.append((start + extra, end + extra))
    pieces.append(signal[cursor:])
    dry = np.concatenate(pieces)
    # Reverb: exponentially decaying noise as the room's impulse response (RT60 ~ 0.5 s).
    length = int(0.5 * rate)
    t = np.arange(length) / rate
    impulse = rng.standard_normal(length) * np.exp(-6.9 * t / 0.5)
    impulse[0] = 1.0
    impulse /= np.sqrt(np.sum(impulse**2))
    wet = np.convolve(dry, impulse)[: len(dry)]
    wet = 0.6 * dry + 0.4 * wet / (np.max(np.abs(wet)) or 1.0) * np.max(np.abs(dry))
    # Hum: 50 Hz and its odd harmonics, at about -35 dBFS.
    time_axis = np.arange(len(wet)) / rate
    hum = sum(np.sin(2 * np.pi * 50 * k * time_axis) / k for k in (1, 3, 5)) * 0.015
    # Room noise: white noise through a gentle low-pass (pink-ish), scaled to 10 dB below the
    # speech's power.
    noise = np.convolve(rng.standard_normal(len(wet)), np.ones(8) / 8, mode="same")
    speech_power = np.mean(
        np.concatenate([wet[s * rate // 1000 : e * rate // 1000] for s, e in moved]) ** 2
    )
    noise *= np.sqrt(speech_power / 10 / np.mean(noise**2))
    mixed = np.clip(wet + hum + noise, -1.0, 1.0)
    return (mixed * 32767).astype(np.int16), tuple(moved)


@dataclass(frozen=True)
class EdgeError:
    """How far the detected speech edges are from the true ones, in ms."""

    onset_median: float
    onset_p90: float
    offset_median: float
    offset_p90: float
    missed: int  # true segments with no detected edge within 500 ms
    extra: int  # detected segments that overlap no true segment

    @property
    def median(self) -> float:
        """The median over onsets and offsets together."""
        return self._all[0]

    @property
    def p90(self) -> float:
        """The 90th percentile over onsets and offsets together."""
        return self._all[1]

    _all: tuple[float, float] = (0.0, 0.0)


def edge_error(found: Sequence[tuple[int, int]], truth: Sequence[tuple[int, int]]) -> EdgeError:
    """Match every true onset (offset) to the nearest detected onset (offset)."""
    starts = np.array([s for s, _e in found] or [10**9])
    ends = np.array([e for _s, e in found] or [10**9])
    onsets = np.array([np.min(np.abs(starts - s)) for s, _e in truth], dtype=float)
    offsets = np.array([np.min(np.abs(ends - e)) for _s, e in truth], dtype=float)
    both = np.concatenate((onsets, offsets))
    missed = sum(1 for a, b in zip(onsets, offsets, strict=True) if min(a, b) > 500)
    extra = sum(1 for s, e in found if not any(s < te and ts < e for ts, te in truth))
    return EdgeError(
        float(np.median(onsets)),
        float(np.percentile(onsets, 90)),
        float(np.median(offsets)),
        float(np.percentile(offsets, 90)),
        missed,
        extra,
        (float(np.median(both)), float(np.percentile(both, 90))),
    )


def detect(detector: SpeechDetector, samples: NDArray[np.int16]) -> list[tuple[int, int]]:
    """Run a detector over samples fed in one-second chunks, as the decoder does."""
    for i in range(0, len(samples), 16_000):
        detector.feed(samples[i : i + 16_000])
    return detector.finish()
