"""Clean-up cuts at the pauses heard in the speech and never inside a glossary term."""

from __future__ import annotations

import shutil
from itertools import pairwise

import pytest

from captionreview.core.audio import AudioAnalysis, cached_analysis
from captionreview.core.cleanup.rolling import clean_auto_captions
from captionreview.core.cleanup.segment import glossary_glue, segment_words
from captionreview.core.cleanup.wordtimes import Word
from captionreview.core.formats import load
from captionreview.core.model import Cue
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.vtt.cuetext import plain_text
from captionreview.core.words.glossary import Glossary
from tests.core.audio_util import DEMO

NUMBERS = "ett två tre fyra fem sex sju åtta nio tio elva tolv"


def sentence_breaks_inside(cues: list[Cue], words: list[Word], reference: list[Cue]) -> int:
    """How many cues hold the end of one reference sentence and the start of the next."""

    def sentence(ms: int) -> int:
        for k in range(len(reference) - 1, -1, -1):
            if ms >= reference[k].start_ms - 50:
                return k
        return 0

    count = 0
    at = 0
    for cue in cues:
        n = len(plain_text(cue.text).split())
        units = sorted({sentence(w.start_ms) for w in words[at : at + n]})
        at += n
        count += any(reference[u].text.rstrip().endswith((".", "?", "!")) for u in units[:-1])
    return count


def glossary_cuts(cues: list[Cue], glossary: Glossary) -> list[str]:
    """The places where a cue ends inside a glossary term."""
    texts = [plain_text(c.text).split() for c in cues]
    flat = [w for t in texts for w in t]
    glued = glossary_glue(flat, glossary)
    cuts = []
    at = 0
    for t in texts[:-1]:
        at += len(t)
        if glued[at - 1]:
            cuts.append(f"{flat[at - 1]} | {flat[at]}")
    return cuts


@pytest.fixture(scope="module")
def demo_audio(tmp_path_factory: pytest.TempPathFactory) -> AudioAnalysis:
    """The demo lecture's analysis."""
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg not installed")
    return cached_analysis(DEMO / "lecture.mp4", cache_dir=tmp_path_factory.mktemp("cache"))


def test_the_demo_clean_up_ends_cues_at_the_speakers_pauses(demo_audio: AudioAnalysis) -> None:
    doc = load(DEMO / "youtube" / "lecture.sv.vtt")
    reference = list(load(DEMO / "reference" / "lecture.sv.vtt").cues)
    glossary = Glossary.load(DEMO / "glossary.txt")
    result = clean_auto_captions(
        list(doc.cues), metadata=doc.header_metadata, audio=demo_audio, glossary=glossary
    )
    cues, words = list(result.cues), list(result.words)
    assert sentence_breaks_inside(cues, words, reference) == 0
    assert glossary_cuts(cues, glossary) == []
    # Every cue stays within the profile.
    profile = DEFAULT_PROFILE
    for cue in cues:
        lines = plain_text(cue.text).split("\n")
        assert len(lines) <= profile.max_lines
        assert all(len(line) <= profile.max_chars_per_line for line in lines)
        assert cue.duration_ms <= profile.max_duration_ms
    # A cue followed by a heard pause ends where the speech stops (within a few frames).
    for cue, following in pairwise(cues):
        if following.start_ms - cue.end_ms > 300:
            assert demo_audio.nearest_speech_edge(cue.end_ms, 100, kind="end") is not None, cue


def test_glossary_terms_written_apart_are_glued() -> None:
    glossary = Glossary.from_lines(
        ["regionstyrelsen", "Anna Södergren", "tillitsbaserad styrning", "Tillväxtverket"]
    )
    texts = "enligt anna söder gren på till växt verket har region styrelsen en tillits baserad"
    glued = glossary_glue(texts.split(), glossary)
    pairs = [
        f"{a} {b}" for a, b, g in zip(texts.split(), texts.split()[1:], glued, strict=False) if g
    ]
    assert pairs == [
        "anna söder",
        "söder gren",
        "till växt",
        "växt verket",
        "region styrelsen",
        "tillits baserad",
    ]


def test_a_heard_pause_beats_a_guessed_one() -> None:
    # Word times say the words run on; the speech has a long pause after "tre".
    words = [Word(w, 1000 + 400 * k, 1000 + 400 * (k + 1)) for k, w in enumerate(NUMBERS.split())]
    speech = AudioAnalysis(10_000, 10, bytes(1000), ((1000, 2150), (2900, 5800)), ())
    without = segment_words(words, DEFAULT_PROFILE)
    with_audio = segment_words(words, DEFAULT_PROFILE, speech=speech)
    assert [plain_text(c.text).replace("\n", " ") for c in without] == [
        "ett två tre fyra fem sex sju åtta nio tio elva tolv"
    ]
    assert plain_text(with_audio[0].text).replace("\n", " ") == "ett två tre"
    # ... and that cue ends where the speech stopped.
    assert with_audio[0].end_ms <= 2150 + DEFAULT_PROFILE.min_duration_warn_ms
