"""The bundled demo lecture: video format, the three caption tracks, planted errors, true timing."""

from __future__ import annotations

import array
import importlib.util
import itertools
import json
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import webvtt

from captionreview.core.vtt.cuetext import plain_lines, plain_text

AUDIO_RATE = 8000  # the audio is decoded at this rate for the loudness checks
KINDS = {"name", "split-compound", "number", "repeat", "filler", "homophone", "timing"}
TIMESTAMP_RE = re.compile(r"<(\d\d):(\d\d):(\d\d)\.(\d\d\d)>")


def _tool(name: str) -> str:
    """Path of a system tool; skip the test where it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (Debian: apt-get install ffmpeg)")
    return path


def _ms(stamp: str) -> int:
    """Milliseconds of a webvtt-py timestamp string (its *_in_seconds values are whole seconds)."""
    h, m, rest = stamp.split(":")
    s, ms = rest.split(".")
    return int(h) * 3_600_000 + int(m) * 60_000 + int(s) * 1000 + int(ms)


def _words(text: str) -> list[str]:
    """The words of a cue text, markup stripped."""
    return plain_text(text).split()


@pytest.fixture(scope="module")
def auto(demo_dir: Path) -> list[webvtt.Caption]:
    """The auto-caption track."""
    return list(webvtt.read(str(demo_dir / "lecture.sv.vtt")))


@pytest.fixture(scope="module")
def reference(demo_dir: Path) -> list[webvtt.Caption]:
    """The correct transcript."""
    return list(webvtt.read(str(demo_dir / "reference" / "lecture.sv.vtt")))


@pytest.fixture(scope="module")
def youtube(demo_dir: Path) -> list[webvtt.Caption]:
    """The auto-captions in YouTube's rolling form."""
    return list(webvtt.read(str(demo_dir / "youtube" / "lecture.sv.vtt")))


@pytest.fixture(scope="module")
def planted(demo_dir: Path) -> list[dict[str, object]]:
    """The list of planted errors."""
    data: list[dict[str, object]] = json.loads(
        (demo_dir / "planted_errors.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="module")
def pcm(demo_dir: Path) -> array.array[int]:
    """The video's audio track decoded to 16-bit mono samples."""
    out = subprocess.run(
        [_tool("ffmpeg"), "-v", "error", "-i", str(demo_dir / "lecture.mp4"), "-vn",
         "-ac", "1", "-ar", str(AUDIO_RATE), "-f", "s16le", "-"],
        check=True, capture_output=True, timeout=60,
    ).stdout  # fmt: skip
    samples = array.array("h", out)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _rms_dbfs(samples: array.array[int], start_ms: int, end_ms: int) -> float:
    """RMS level in dBFS of the samples between two times."""
    chunk = samples[start_ms * AUDIO_RATE // 1000 : end_ms * AUDIO_RATE // 1000]
    assert len(chunk) > 0, f"range {start_ms}-{end_ms} ms is outside the audio"
    power = sum(s * s for s in chunk) / len(chunk)
    return 20 * math.log10(math.sqrt(power) / 32768) if power > 0 else -120.0


def test_video_format(demo_dir: Path) -> None:
    """The video is H.264/AAC, 640x360 at 25 fps, 45-80 s, under 2 MB, faststart."""
    video = demo_dir / "lecture.mp4"
    probe = subprocess.run(
        [_tool("ffprobe"), "-v", "error", "-show_streams", "-show_format", "-of", "json",
         str(video)],
        check=True, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    info = json.loads(probe.stdout)
    streams = {s["codec_type"]: s for s in info["streams"]}
    assert streams["video"]["codec_name"] == "h264"
    assert streams["video"]["pix_fmt"] == "yuv420p"
    assert (streams["video"]["width"], streams["video"]["height"]) == (640, 360)
    assert streams["video"]["r_frame_rate"] == "25/1"
    assert streams["audio"]["codec_name"] == "aac"
    assert 45 <= float(info["format"]["duration"]) <= 80
    assert video.stat().st_size < 2 * 1024 * 1024
    # +faststart: the moov atom comes before the media data, so playback starts at once
    head = video.read_bytes()[:4096]
    assert 0 <= head.find(b"moov") < head.find(b"mdat") or b"mdat" not in head


def test_auto_track_looks_like_speech_recognition(demo_dir: Path, auto: list) -> None:
    """The auto track has YouTube's header, lower case and no punctuation."""
    header = (demo_dir / "lecture.sv.vtt").read_text(encoding="utf-8").split("\n\n")[0]
    assert header.splitlines() == ["WEBVTT", "Kind: captions", "Language: sv"]
    assert 12 <= len(auto) <= 25
    for cue in auto:
        assert cue.text == cue.text.lower()
        assert not re.search(r"[,.!?;:]( |$)", cue.text), cue.text
    starts = [_ms(cue.start) for cue in auto]
    assert starts == sorted(starts)


def test_reference_follows_se_public_rules(reference: list) -> None:
    """Reference cues keep to 2 lines of 42, 1.5-7 s, 15 CPS, and sentence case."""
    assert 12 <= len(reference) <= 30
    previous_end = 0
    for cue in reference:
        lines = plain_lines(cue.text)
        assert len(lines) <= 2 and all(len(line) <= 42 for line in lines), lines
        start, end = _ms(cue.start), _ms(cue.end)
        assert 1500 <= end - start <= 7000, cue.text
        assert sum(map(len, lines)) / ((end - start) / 1000) <= 15.0, cue.text
        assert start >= previous_end
        previous_end = end
    # sentences start with a capital; the track ends a sentence
    sentence_ends = [True] + [c.text.rstrip()[-1] in ".!?" for c in reference]
    for cue, new_sentence in zip(reference, sentence_ends, strict=False):
        assert cue.text[0].isupper() == new_sentence, cue.text
    assert sentence_ends[-1]


def test_planted_errors_are_where_the_list_says(
    auto: list, reference: list, planted: list[dict[str, object]]
) -> None:
    """Each planted error is in its auto cue, its fix is in the reference."""
    assert {entry["kind"] for entry in planted} == KINDS
    reference_words = " " + " ".join(_words(" ".join(c.text for c in reference))).lower() + " "
    reference_words = re.sub(r"[,.!?]", "", reference_words)
    for entry in planted:
        cue = auto[int(entry["cue"])]
        ref_text = " ".join(plain_lines(reference[int(entry["ref_cue"])].text))
        wrong, right = str(entry["wrong"]), str(entry["right"])
        if entry["kind"] == "timing":
            seconds = (_ms(cue.end) - _ms(cue.start)) / 1000
            chars = len(plain_text(cue.text))
            if entry["rule"] == "TIM-02":
                assert seconds > 7 or chars > 84, entry
            else:
                assert chars / seconds > 17, entry
            continue
        assert f" {wrong} " in f" {cue.text} ", entry
        assert right in ref_text, entry
        assert f" {wrong} " not in reference_words, f"{wrong!r} is not an error: {entry}"
    timing = [e for e in planted if e["kind"] == "timing"]
    assert {e["rule"] for e in timing} == {"TIM-02", "TIM-04"}


def test_youtube_rolling_form_carries_the_same_words(
    demo_dir: Path, auto: list, youtube: list
) -> None:
    """De-duplicated rolling cues give exactly the auto track's words."""
    text = (demo_dir / "youtube" / "lecture.sv.vtt").read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\nKind: captions\nLanguage: sv\n")
    assert text.count("-->") == text.count("align:start position:0%") == len(youtube)
    spoken: list[str] = []
    bridges = 0
    for cue in youtube:
        start, end = _ms(cue.start), _ms(cue.end)
        raw_lines = cue.raw_text.split("\n")
        if end - start <= 50:
            bridges += 1
            assert "<" not in cue.raw_text and raw_lines[-1] == " "
            continue
        assert len(raw_lines) == 2
        karaoke = raw_lines[-1]
        assert "<c> " in karaoke or len(karaoke.split()) == 1
        times = [
            int(h) * 3_600_000 + int(m) * 60_000 + int(s) * 1000 + int(ms)
            for h, m, s, ms in TIMESTAMP_RE.findall(karaoke)
        ]
        assert times == sorted(times) and all(start < t < end for t in times), cue.raw_text
        spoken += _words(karaoke)
    assert bridges == len(youtube) // 2
    # the first line of each rolling cue repeats the previous cue's second line
    full = [c for c in youtube if _ms(c.end) - _ms(c.start) > 50]
    for before, after in itertools.pairwise(full):
        assert plain_lines(after.text)[0] == plain_lines(before.text)[-1]
    assert spoken == [w for cue in auto for w in _words(cue.text)]


def test_speech_is_where_the_cues_are(auto: list, reference: list, pcm: array.array[int]) -> None:
    """The audio is loud inside every cue and silent in the pauses between them."""
    total_ms = len(pcm) * 1000 // AUDIO_RATE
    spans = [(_ms(c.start), _ms(c.end)) for c in auto]
    for start, end in spans:
        assert _rms_dbfs(pcm, start, end) > -35, f"cue {start}-{end} ms is silent"
        assert _rms_dbfs(pcm, start + 20, start + 220) > -45, f"no speech at cue start {start}"
        assert _rms_dbfs(pcm, end - 220, end - 20) > -45, f"no speech at cue end {end}"
    pauses = [(a[1], b[0]) for a, b in itertools.pairwise(spans)]
    pauses += [(0, spans[0][0]), (spans[-1][1], total_ms)]
    for start, end in pauses:
        if end - start >= 300:  # the long auto cue spans a 600 ms breath inside it
            assert _rms_dbfs(pcm, start + 80, end - 80) < -60, f"sound in pause {start}-{end}"
    for cue in reference:
        start = _ms(cue.start)
        assert _rms_dbfs(pcm, start + 20, start + 220) > -45, f"reference cue at {start} ms"
        assert _rms_dbfs(pcm, start - 200, start - 60) < -60, f"reference cue at {start} ms late"


def test_glossary_terms_are_in_the_reference(demo_dir: Path, reference: list) -> None:
    """Every glossary entry is used, spelled so, in the reference."""
    lines = (demo_dir / "glossary.txt").read_text(encoding="utf-8").splitlines()
    terms = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert {"Grünewald", "Södergren", "Tillväxtverket", "Västra Götalandsregionen"} <= {
        w for t in terms for w in (t, t.split()[-1])
    }
    text = " ".join(" ".join(plain_lines(c.text)) for c in reference)
    for term in terms:
        assert term.casefold() in text.casefold(), term


def test_outputs_match_the_script(demo_dir: Path, auto: list, reference: list) -> None:
    """The committed caption files are what make_demo.py describes."""
    spec = importlib.util.spec_from_file_location("make_demo", demo_dir / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules["make_demo"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["make_demo"]
    units = [u for _heading, group in module.PARAGRAPHS for u in group]
    assert [u.ref for u in units] == [" ".join(plain_lines(c.text)) for c in reference]
    assert " ".join(u.auto for u in units) == " ".join(c.text for c in auto)
