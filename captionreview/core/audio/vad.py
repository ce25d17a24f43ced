"""Voice-activity detection on 16 kHz mono audio, fed in chunks as ffmpeg decodes it.

Two maintained detectors sit behind one small interface so they can be measured against each
other (tests/bench/bench_audio.py): Silero VAD, run from the ONNX model its PyPI wheel ships
(with onnxruntime, never torch), and Google's WebRTC VAD (``webrtcvad-wheels``). Each turns
frames into speech probabilities; one shared hysteresis turns those into segments in ms.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from captionreview.core.errors import CaptionReviewError
from captionreview.core.i18n import _

if TYPE_CHECKING:
    from numpy.typing import NDArray

SAMPLE_RATE = 16_000


class DetectorUnavailable(CaptionReviewError, RuntimeError):
    """The detector's package is not installed; the message says which one."""


@dataclass(frozen=True, slots=True)
class Hysteresis:
    """How frame probabilities become segments: two thresholds, minimum lengths, padding."""

    on: float  # a frame at or above this starts speech
    off: float  # speech ends after min_silence_ms of frames below this
    min_speech_ms: int
    min_silence_ms: int
    pad_start_ms: int  # widen onsets: detectors call a frame speech a little after it starts
    pad_end_ms: int


class SpeechDetector(Protocol):
    """Feeds on int16 samples in any chunk size; gives speech segments at the end."""

    name: str

    def feed(self, samples: NDArray[np.int16]) -> None:
        """Take the next chunk of samples."""

    def finish(self) -> list[tuple[int, int]]:
        """Flush what is left and return the speech segments in ms, sorted and apart."""


class _FramedDetector:
    """Cuts the stream into fixed frames and keeps one probability per frame."""

    name = "framed"
    frame_samples = 512
    hysteresis = Hysteresis(0.5, 0.35, 200, 150, 0, 0)

    def __init__(self) -> None:
        self._pending: NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self._probabilities: list[NDArray[np.float32]] = []
        self._samples = 0

    def feed(self, samples: NDArray[np.int16]) -> None:
        """Classify every whole frame now; keep the remainder for the next chunk."""
        self._samples += len(samples)
        data = np.concatenate((self._pending, samples)) if len(self._pending) else samples
        whole = len(data) - len(data) % self.frame_samples
        if whole:
            frames = data[:whole].reshape(-1, self.frame_samples)
            self._probabilities.append(self._classify(frames))
        self._pending = data[whole:].copy()

    def finish(self) -> list[tuple[int, int]]:
        """Classify the last, zero-padded frame and turn probabilities into segments."""
        if len(self._pending):
            last = np.zeros(self.frame_samples, dtype=np.int16)
            last[: len(self._pending)] = self._pending
            self._probabilities.append(self._classify(last.reshape(1, -1)))
            self._pending = np.zeros(0, dtype=np.int16)
        probabilities = (
            np.concatenate(self._probabilities)
            if self._probabilities
            else np.zeros(0, dtype=np.float32)
        )
        duration_ms = self._samples * 1000 // SAMPLE_RATE
        return segments_from_probabilities(
            probabilities,
            self.frame_samples * 1000 / SAMPLE_RATE,
            self.hysteresis,
            duration_ms,
        )

    def _classify(self, frames: NDArray[np.int16]) -> NDArray[np.float32]:
        """One speech probability (0..1) per row of frames."""
        raise NotImplementedError


def segments_from_probabilities(
    probabilities: NDArray[np.float32],
    frame_ms: float,
    rule: Hysteresis,
    duration_ms: int,
) -> list[tuple[int, int]]:
    """Turn per-frame probabilities into (start_ms, end_ms) speech segments, in one pass."""
    raw: list[tuple[int, int]] = []
    start: int | None = None
    silent_since: int | None = None
    min_silence_frames = max(1, round(rule.min_silence_ms / frame_ms))
    for i, p in enumerate(probabilities.tolist()):
        if start is None:
            if p >= rule.on:
                start = i
                silent_since = None
        elif p < rule.off:
            if silent_since is None:
                silent_since = i
            if i - silent_since + 1 >= min_silence_frames:
                raw.append((start, silent_since))
                start = silent_since = None
        else:
            silent_since = None
    if start is not None:
        raw.append((start, silent_since if silent_since is not None else len(probabilities)))
    out: list[tuple[int, int]] = []
    for first, stop in raw:
        begin = max(0, round(first * frame_ms) - rule.pad_start_ms)
        end = min(duration_ms, round(stop * frame_ms) + rule.pad_end_ms)
        if end - begin < rule.min_speech_ms:
            continue
        if out and begin <= out[-1][1]:
            # Padding may make neighbours touch: they are one stretch of speech.
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((begin, end))
    return out


def _package_dir(package: str) -> Path | None:
    """The folder of an installed package, found without importing it (silero pulls torch)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


class SileroDetector(_FramedDetector):
    """Silero VAD v5/v6 from the ONNX model inside the ``silero-vad`` wheel, on onnxruntime."""

    name = "silero"
    frame_samples = 512  # 32 ms, what the 16 kHz model is trained on
    context_samples = 64
    hysteresis = Hysteresis(0.5, 0.35, 200, 150, 0, 0)

    def __init__(self) -> None:
        super().__init__()
        folder = _package_dir("silero_vad")
        model = folder / "data" / "silero_vad_16k_sequence.onnx" if folder else None
        if model is None or not model.is_file():
            raise DetectorUnavailable(
                _(
                    "Speech detection needs the silero-vad package "
                    "(pip install --no-deps silero-vad)."
                )
            )
        try:
            import onnxruntime  # type: ignore[import-untyped]
        except ImportError as error:
            raise DetectorUnavailable(
                _("Speech detection needs onnxruntime (pip install onnxruntime).")
            ) from error
        options = onnxruntime.SessionOptions()
        # One thread: the analysis runs beside the player and the UI, and the model is tiny.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session: Any = onnxruntime.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(self.context_samples, dtype=np.float32)

    def _classify(self, frames: NDArray[np.int16]) -> NDArray[np.float32]:
        """Run the sequence model over the frames, carrying its LSTM state and 64-sample context."""
        audio = frames.astype(np.float32) / 32768.0
        contexts = np.empty((len(audio), self.context_samples), dtype=np.float32)
        contexts[0] = self._context
        contexts[1:] = audio[:-1, -self.context_samples :]
        self._context = audio[-1, -self.context_samples :].copy()
        probabilities, self._h, self._c = self._session.run(
            ["speech_probs", "hn", "cn"],
            {"input": np.concatenate((contexts, audio), axis=1), "h": self._h, "c": self._c},
        )
        return np.asarray(probabilities, dtype=np.float32).reshape(-1)


class WebRtcDetector(_FramedDetector):
    """Google's WebRTC VAD (``webrtcvad-wheels``) on 10 ms frames; a yes/no per frame."""

    name = "webrtc"
    frame_samples = 160  # 10 ms: the finest frame WebRTC takes, for the sharpest edges
    hysteresis = Hysteresis(0.5, 0.5, 200, 150, 0, 0)

    def __init__(self, aggressiveness: int = 3) -> None:
        super().__init__()
        try:
            import webrtcvad  # type: ignore[import-untyped]
        except ImportError as error:
            raise DetectorUnavailable(
                _("Speech detection needs webrtcvad-wheels (pip install webrtcvad-wheels).")
            ) from error
        self._vad: Any = webrtcvad.Vad(aggressiveness)

    def _classify(self, frames: NDArray[np.int16]) -> NDArray[np.float32]:
        """Ask WebRTC about each 10 ms frame."""
        data = frames.astype("<i2").tobytes()
        size = self.frame_samples * 2
        is_speech = self._vad.is_speech
        return np.fromiter(
            (is_speech(data[i : i + size], SAMPLE_RATE) for i in range(0, len(data), size)),
            dtype=np.float32,
            count=len(frames),
        )


DETECTORS: dict[str, type[_FramedDetector]] = {
    SileroDetector.name: SileroDetector,
    WebRtcDetector.name: WebRtcDetector,
}
DEFAULT_DETECTOR = SileroDetector.name


def make_detector(name: str = DEFAULT_DETECTOR) -> SpeechDetector:
    """A fresh detector by name ('silero' or 'webrtc'); raises DetectorUnavailable."""
    return DETECTORS[name]()
