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
    SpeechDetector,
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
    speech_ready: Callable[[AudioAnalysis], None] | None = None,
) -> AudioAnalysis:
    """Decode the audio once into envelope and speech, and find shot changes; AudioError.

    The shot changes come from a second ffmpeg reading the picture at the same time (the
    picture takes longer to decode than the sound). ``speech_ready`` is called with the
    analysis without shots as soon as the sound is done, so a waveform can be drawn early.
    A picture that cannot be decoded only leaves ``shots`` empty.
    """
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
    scenes = _SceneDetector(video, info.duration_ms) if shots and info.has_video else None
    try:
        heard = _hear(video, vad, info, progress, scenes)
        if speech_ready is not None:
            speech_ready(heard)
        shot_times = scenes.finish(progress, video) if scenes is not None else ()
    finally:
        if scenes is not None:
            scenes.stop()
    if progress is not None:
        progress(1.0)
    return AudioAnalysis(
        duration_ms=heard.duration_ms,
        step_ms=heard.step_ms,
        envelope=heard.envelope,
        speech=heard.speech,
        shots=shot_times,
    )


def _hear(
    video: Path,
    vad: SpeechDetector,
    info: MediaInfo,
    progress: Callable[[float], bool] | None,
    scenes: _SceneDetector | None,
) -> AudioAnalysis:
    """Stream the audio through the envelope and the speech detector; no shots yet."""
    command = [
        _tool("ffmpeg"), "-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
        "-i", str(video), "-map", "0:a:0", "-vn", "-ac", "1", "-ar", str(SAMPLE_RATE),
        "-f", "s16le", "pipe:1",
    ]  # fmt: skip
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
                if scenes is not None:
                    fraction = min(fraction, scenes.fraction())
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
        raise AudioError(
            _("The audio of {path} cannot be decoded ({reason}).").format(
                path=video.name, reason=_last_lines("".join(messages)) or process.returncode
            ),
            path=video,
        )
    return AudioAnalysis(
        duration_ms=samples_read * 1000 // SAMPLE_RATE,
        step_ms=STEP_MS,
        envelope=bytes(envelope),
        speech=tuple(vad.finish()),
        shots=(),
    )


class _SceneDetector:
    """ffmpeg's scene detection over the picture, running beside the audio decoding."""

    def __init__(self, video: Path, duration_ms: int | None) -> None:
        self._duration_ms = duration_ms
        command = [
            _tool("ffmpeg"), "-nostdin", "-hide_banner", "-nostats", "-loglevel", "info",
            "-i", str(video), "-map", "0:v:0", "-an", "-vf", SCENE_FILTER,
            "-progress", "pipe:1", "-f", "null", "-",
        ]  # fmt: skip
        self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert self._process.stdout is not None and self._process.stderr is not None
        self._messages: list[str] = []
        self._done_ms = 0
        self._threads = [
            threading.Thread(target=_collect, args=(self._process.stderr, self._messages)),
            threading.Thread(target=self._follow, args=(self._process.stdout,)),
        ]
        for thread in self._threads:
            thread.daemon = True
            thread.start()

    def _follow(self, stream: IO[bytes]) -> None:
        """Keep the latest position from ffmpeg's -progress lines (out_time_us=…)."""
        for raw in stream:
            key, _sep, value = raw.decode("ascii", "replace").strip().partition("=")
            if key == "out_time_us" and value.isdigit():
                self._done_ms = int(value) // 1000
        stream.close()

    def fraction(self) -> float:
        """How much of the picture has been looked at (0.99 when the length is unknown)."""
        if not self._duration_ms:
            return 0.99
        return min(0.99, self._done_ms / self._duration_ms)

    def finish(self, progress: Callable[[float], bool] | None, video: Path) -> tuple[int, ...]:
        """Wait for the scene detection; the shot-change times, () if the picture failed."""
        while self._process.poll() is None:
            if progress is not None and not progress(self.fraction()):
                raise AnalysisCancelled(_("Audio analysis cancelled."), path=video)
            try:
                self._process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                continue
        for thread in self._threads:
            thread.join()
        if self._process.returncode != 0:
            return ()
        return _shot_times(self._messages)

    def stop(self) -> None:
        """End ffmpeg if it still runs (cancelled, or the audio failed)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        for thread in self._threads:
            thread.join()


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
