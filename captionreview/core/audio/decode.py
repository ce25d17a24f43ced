"""Run ffmpeg once over a video: audio to 16 kHz mono samples, scene changes from the picture.

The samples stream through in one-second chunks, so an hour of lecture never sits in memory:
each chunk goes into the peak envelope and the speech detector and is dropped.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from captionreview.core.audio.analysis import AnalysisCancelled, AudioAnalysis, AudioError
from captionreview.core.audio.vad import (
    DEFAULT_DETECTOR,
    SAMPLE_RATE,
    DetectorUnavailable,
    make_detector,
)
from captionreview.core.i18n import _

STEP_MS = 10
STEP_SAMPLES = SAMPLE_RATE * STEP_MS // 1000
CHUNK_BYTES = SAMPLE_RATE * 2  # one second of s16le
SCENE_THRESHOLD = 0.02
# A slide change scores only 0.026-0.029 on the demo (a film cut scores > 0.3), so the
# threshold is low; scenes are scored on a 320-pixel copy, which keeps those scores.
SCENE_FILTER = f"scale=320:-2,select='gt(scene,{SCENE_THRESHOLD})',showinfo"
_PTS_TIME = re.compile(r"pts_time:\s*([0-9.]+)")


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What ffprobe says about a file: its streams and length."""

    has_audio: bool
    has_video: bool
    duration_ms: int | None


def _tool(name: str) -> str:
    """The path of ffmpeg or ffprobe, or AudioError saying how to install it."""
    path = shutil.which(name)
    if path is None:
        raise AudioError(
            _(
                "{tool} is not installed, so the audio cannot be analysed; install ffmpeg "
                "(Debian: apt-get install ffmpeg)."
            ).format(tool=name)
        )
    return path


def _last_lines(text: str, count: int = 2) -> str:
    """The last lines ffmpeg wrote, which name the problem."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines[-count:])


def probe(video: Path) -> MediaInfo:
    """Ask ffprobe which streams the video has; raises AudioError when it is unreadable."""
    if not video.is_file():
        raise AudioError(_("The video {path} does not exist.").format(path=video), path=video)
    result = subprocess.run(
        [
            _tool("ffprobe"),
            "-v",
            "error",
            "-show_entries",
            "stream=codec_type:format=duration",
            "-of",
            "json",
            str(video),
        ],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )
    if result.returncode != 0:
        raise AudioError(
            _("{path} cannot be read as a video ({reason}).").format(
                path=video.name, reason=_last_lines(result.stderr) or result.returncode
            ),
            path=video,
        )
    try:
        data = json.loads(result.stdout or "{}")
    except ValueError:
        data = {}
    kinds = {stream.get("codec_type") for stream in data.get("streams", [])}
    try:
        duration_ms: int | None = round(float(data["format"]["duration"]) * 1000)
    except (KeyError, TypeError, ValueError):
        duration_ms = None
    return MediaInfo("audio" in kinds, "video" in kinds, duration_ms)


def decode(
    video: Path,
    *,
    progress: Callable[[float], bool] | None = None,
    detector: str = DEFAULT_DETECTOR,
    shots: bool = True,
) -> AudioAnalysis:
    """Decode the audio once into envelope and speech, and find shot changes; AudioError."""
    info = probe(video)
    if not info.has_audio:
        raise AudioError(
            _(
                "{path} has no audio track, so there is no speech to check the captions against."
            ).format(path=video.name),
            path=video,
        )
    try:
        vad = make_detector(detector)
    except DetectorUnavailable as error:
        raise AudioError(str(error), path=video) from error
    command = [
        _tool("ffmpeg"),
        "-nostdin",
        "-hide_banner",
        "-nostats",
        "-loglevel",
        "info",
        "-i",
        str(video),
        "-map",
        "0:a:0",
        "-vn",
        "-ac",
        "1",
        "-ar",
        str(SAMPLE_RATE),
        "-f",
        "s16le",
        "pipe:1",
    ]
    if shots and info.has_video:
        command += ["-map", "0:v:0", "-an", "-vf", SCENE_FILTER, "-f", "null", "-"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    messages: list[str] = []
    reader = threading.Thread(target=_collect, args=(process.stderr, messages), daemon=True)
    reader.start()
    expected = (info.duration_ms or 0) * SAMPLE_RATE // 1000
    envelope = bytearray()
    samples_read = 0
    pending = b""
    last_reported = -1.0
    try:
        while chunk := process.stdout.read(CHUNK_BYTES):
            data = pending + chunk
            pending = data[len(data) - len(data) % 2 :]
            samples = np.frombuffer(data[: len(data) - len(pending)], dtype="<i2")
            samples_read += len(samples)
            envelope += _peaks(samples)
            vad.feed(samples)
            if progress is not None and expected:
                fraction = min(0.99, samples_read / expected)
                if fraction - last_reported >= 0.01:
                    last_reported = fraction
                    if not progress(fraction):
                        raise AnalysisCancelled(_("Audio analysis cancelled."), path=video)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        reader.join()
    if process.returncode != 0 or samples_read == 0:
        errors = [line for line in messages if "Parsed_showinfo" not in line]
        raise AudioError(
            _("The audio of {path} cannot be decoded ({reason}).").format(
                path=video.name, reason=_last_lines("\n".join(errors)) or process.returncode
            ),
            path=video,
        )
    speech = vad.finish()
    if progress is not None:
        progress(1.0)
    return AudioAnalysis(
        duration_ms=samples_read * 1000 // SAMPLE_RATE,
        step_ms=STEP_MS,
        envelope=bytes(envelope),
        speech=tuple(speech),
        shots=_shot_times(messages),
    )


def _collect(stream: IO[bytes], into: list[str]) -> None:
    """Read ffmpeg's messages in the background so its stderr pipe never fills and blocks it."""
    for raw in stream:
        into.append(raw.decode("utf-8", "replace"))
    stream.close()


def _peaks(samples: np.ndarray) -> bytes:
    """The peak of each 10 ms step, scaled to 0..255 (a last part step counts as one)."""
    steps = -(-len(samples) // STEP_SAMPLES)
    padded = np.zeros(steps * STEP_SAMPLES, dtype=np.int32)
    padded[: len(samples)] = np.abs(samples.astype(np.int32))
    peaks = padded.reshape(steps, STEP_SAMPLES).max(axis=1)
    return bytes(np.minimum(255, peaks * 255 // 32767).astype(np.uint8).tobytes())


def _shot_times(messages: list[str]) -> tuple[int, ...]:
    """Shot-change times in ms from ffmpeg's showinfo lines."""
    times: set[int] = set()
    for line in messages:
        if "Parsed_showinfo" in line and (match := _PTS_TIME.search(line)):
            times.add(round(float(match.group(1)) * 1000))
    return tuple(sorted(times))
