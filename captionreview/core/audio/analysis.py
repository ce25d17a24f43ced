"""The audio analysis of one video: peak envelope, speech segments and shot changes, in ms.

:func:`analyse` runs ffmpeg once; :func:`cached_analysis` keeps the result in the user's cache
directory keyed by the file's identity, so reopening a video is instant.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from captionreview.core.errors import CaptionFileError
from captionreview.core.i18n import _

Progress = Callable[[float], bool]
"""Called with the fraction done (0..1); returning False cancels the analysis."""

# Bump when the analysis would come out differently, so old cache entries are not used.
ANALYSIS_VERSION = 1
_CACHE_MAGIC = b"CRAUDIO\n"


class AudioError(CaptionFileError):
    """The video's audio cannot be analysed: no audio track, a broken file, or no ffmpeg."""


class AnalysisCancelled(AudioError):
    """The progress callback asked to stop; nothing was cached."""


@dataclass(frozen=True, slots=True)
class AudioAnalysis:
    """What the app hears in one video; every time is an int of milliseconds."""

    duration_ms: int
    step_ms: int  # envelope resolution
    envelope: bytes  # one peak per step, 0..255 (linear in amplitude), for drawing
    speech: tuple[tuple[int, int], ...]  # sorted, non-overlapping (start_ms, end_ms)
    shots: tuple[int, ...]  # shot-change times, sorted
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _ends: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _edges: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Check the segments are sorted and apart, and index their edges for bisection."""
        previous_end = -1
        for start, end in self.speech:
            if start < previous_end or end <= start:
                raise ValueError("speech segments must be sorted, non-empty and apart")
            previous_end = end
        object.__setattr__(self, "_starts", tuple(start for start, _end in self.speech))
        object.__setattr__(self, "_ends", tuple(end for _start, end in self.speech))
        # Starts and ends interleave in order because the segments are sorted and apart.
        object.__setattr__(self, "_edges", tuple(t for segment in self.speech for t in segment))

    def speech_ms_between(self, start_ms: int, end_ms: int) -> int:
        """Milliseconds of speech inside [start_ms, end_ms)."""
        total = 0
        for start, end in self.speech_segments_between(start_ms, end_ms):
            total += min(end, end_ms) - max(start, start_ms)
        return total

    def speech_segments_between(self, start_ms: int, end_ms: int) -> Sequence[tuple[int, int]]:
        """The speech segments that overlap [start_ms, end_ms), whole (not clipped)."""
        first = bisect_right(self._ends, start_ms)
        last = first
        while last < len(self.speech) and self.speech[last][0] < end_ms:
            last += 1
        return self.speech[first:last]

    def nearest_speech_edge(
        self,
        ms: int,
        within_ms: int,
        *,
        kind: Literal["any", "start", "end"] = "any",
    ) -> int | None:
        """The speech onset or offset (or only starts / ends) nearest to ms, if within_ms."""
        edges = {"start": self._starts, "end": self._ends}.get(kind, self._edges)
        return _nearest(edges, ms, within_ms)

    def nearest_shot(self, ms: int, within_ms: int) -> int | None:
        """The shot change nearest to ms, if it lies within within_ms."""
        return _nearest(self.shots, ms, within_ms)

    def envelope_at(self, ms: int) -> int:
        """The envelope's peak (0..255) at time ms; 0 outside the audio."""
        index = ms // self.step_ms
        return self.envelope[index] if 0 <= index < len(self.envelope) else 0


def _nearest(edges: Sequence[int], ms: int, within_ms: int) -> int | None:
    """The value of the sorted edges nearest to ms, or None when none is within within_ms."""
    i = bisect_left(edges, ms)
    best: int | None = None
    for j in (i - 1, i):
        if 0 <= j < len(edges) and (best is None or abs(edges[j] - ms) < abs(best - ms)):
            best = edges[j]
    if best is None or abs(best - ms) > within_ms:
        return None
    return best


def analyse(
    video: Path,
    *,
    progress: Progress | None = None,
    speech_ready: Callable[[AudioAnalysis], None] | None = None,
) -> AudioAnalysis:
    """Decode the video's audio once and find speech and shot changes; raises AudioError.

    ``speech_ready`` gets the analysis without shot changes as soon as the sound is done (the
    picture takes longer), so a waveform can be shown early. Runs for seconds to a minute:
    call it from a worker thread.
    """
    from captionreview.core.audio.decode import decode

    return decode(video, progress=progress, speech_ready=speech_ready)


def default_cache_dir() -> Path:
    """Where analyses are kept: the user's cache directory for CaptionReview."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("captionreview")) / "audio"


def cache_key(video: Path) -> str:
    """A key for the video's identity: resolved path, size and modification time."""
    stat = video.stat()
    identity = f"{ANALYSIS_VERSION}\0{video.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    return hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def cached_analysis(
    video: Path,
    *,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    speech_ready: Callable[[AudioAnalysis], None] | None = None,
) -> AudioAnalysis:
    """The analysis from the cache when the video is unchanged, else analysed (see
    :func:`analyse`) and stored; raises AudioError (AnalysisCancelled when cancelled)."""
    try:
        key = cache_key(video)
    except OSError as error:
        raise AudioError(
            _("Cannot read the video {path}: {reason}").format(
                path=video, reason=error.strerror or error
            ),
            path=video,
        ) from error
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    entry = folder / f"{key}.bin"
    cached = load_analysis(entry)
    if cached is not None:
        if progress is not None:
            progress(1.0)
        return cached
    result = analyse(video, progress=progress, speech_ready=speech_ready)
    # A cache that cannot be written costs only time on the next open, never the result.
    with contextlib.suppress(OSError):
        save_analysis(result, entry)
    return result


def save_analysis(analysis: AudioAnalysis, path: Path) -> None:
    """Write the analysis to path atomically (a header line of JSON, then the envelope)."""
    header = {
        "version": ANALYSIS_VERSION,
        "duration_ms": analysis.duration_ms,
        "step_ms": analysis.step_ms,
        "speech": analysis.speech,
        "shots": analysis.shots,
        "envelope_bytes": len(analysis.envelope),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as out:
        out.write(_CACHE_MAGIC)
        out.write(json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n")
        out.write(analysis.envelope)
    os.replace(temporary, path)


def load_analysis(path: Path) -> AudioAnalysis | None:
    """Read an analysis written by save_analysis; None when absent, stale or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_CACHE_MAGIC):
        return None
    newline = data.find(b"\n", len(_CACHE_MAGIC))
    try:
        header = json.loads(data[len(_CACHE_MAGIC) : newline])
        envelope = data[newline + 1 :]
        if header["version"] != ANALYSIS_VERSION or len(envelope) != header["envelope_bytes"]:
            return None
        return AudioAnalysis(
            duration_ms=int(header["duration_ms"]),
            step_ms=int(header["step_ms"]),
            envelope=bytes(envelope),
            speech=tuple((int(s), int(e)) for s, e in header["speech"]),
            shots=tuple(int(t) for t in header["shots"]),
        )
    except (ValueError, KeyError, TypeError):
        return None
