"""Re-segmentation: readable cues within the profile, cut at sentences, clauses and pauses."""

from __future__ import annotations

from itertools import pairwise

import pytest

import captionreview
from captionreview.core.cleanup.segment import WEAK_ENDINGS, break_lines, segment_words
from captionreview.core.cleanup.wordtimes import Word, words_of_cues
from captionreview.core.model import Cue
from captionreview.core.profiles import builtin_profile
from captionreview.core.vtt.cuetext import plain_lines


def ws(text: str) -> list[str]:
    """The words of a text (split on white space)."""
    return text.split()


SE = builtin_profile("se-public")
EN = builtin_profile("netflix-en")


def timed(text: str, start_ms: int = 0, ms_per_word: int = 300) -> list[Word]:
    """Words spoken back to back, ``ms_per_word`` each (karaoke-style: timed)."""
    return [
        Word(w, start_ms + k * ms_per_word, start_ms + (k + 1) * ms_per_word)
        for k, w in enumerate(text.split())
    ]


def spoken(cues: list[Cue]) -> list[str]:
    return " ".join(" ".join(plain_lines(c.text)) for c in cues).split()


def assert_well_formed(cues: list[Cue], profile=SE) -> None:
    for a, b in pairwise(cues):
        assert b.start_ms >= a.end_ms + profile.min_gap_ms, (a, b)
    for cue in cues:
        assert cue.end_ms > cue.start_ms
        assert cue.end_ms - cue.start_ms <= profile.max_duration_ms
        lines = plain_lines(cue.text)
        assert 1 <= len(lines) <= profile.max_lines
        for line in lines:
            assert line == line.strip() and line
            assert len(line) <= profile.max_chars_per_line or " " not in line


def test_short_text_stays_on_one_line() -> None:
    assert break_lines(ws("det här ryms"), SE, "sv") == ["det här ryms"]


def test_swedish_break_avoids_weak_words_and_puts_the_short_line_on_top() -> None:
    words = ws("vi har pratat med kommunerna om hur de ser på frågan och vad de vill göra")
    lines = break_lines(words, SE, "sv")
    assert len(lines) == 2
    assert all(len(line) <= SE.max_chars_per_line for line in lines)
    assert lines[0].split()[-1] not in WEAK_ENDINGS["sv"]
    assert len(lines[0]) <= len(lines[1])
    assert " ".join(lines).split() == words


def test_swedish_break_goes_before_the_conjunction() -> None:
    lines = break_lines(
        ws("regionen har antagit en ny strategi och den gäller från i år"), SE, "sv"
    )
    assert lines[1].startswith("och ")


def test_break_after_punctuation_wins() -> None:
    lines = break_lines(ws("Kommunen har bestämt sig, nu ska alla skolor få nya datorer"), SE, "sv")
    assert lines[0] == "Kommunen har bestämt sig,"


def test_english_lines_are_balanced() -> None:
    words = ws("the committee decided to publish the full report on the website next week")
    top, bottom = break_lines(words, EN, "en")
    assert abs(len(top) - len(bottom)) <= 12
    assert top.split()[-1] not in WEAK_ENDINGS["en"]


def test_all_words_kept_in_order_within_limits() -> None:
    text = " ".join(f"ord{k} och sedan något mer" for k in range(60))
    words = timed(text)
    cues = segment_words(words, SE, language="sv")
    assert spoken(cues) == text.split()
    assert_well_formed(cues)


def test_cues_end_at_sentence_ends() -> None:
    text = (
        "Vi börjar med ekonomin. Den har gått bra i år. "
        "Sedan talar vi om skolan och om vården i regionen."
    )
    cues = segment_words(timed(text, ms_per_word=400), SE, language="sv")
    texts = [" ".join(plain_lines(c.text)) for c in cues]
    for sentence_end in ("ekonomin.", "år."):
        assert any(t.endswith(sentence_end) for t in texts), texts


def test_a_long_pause_ends_the_cue_and_the_cue_ends_with_the_speech() -> None:
    first = timed("hej och välkomna", 0, 300)
    second = timed("nu börjar vi", 5000, 300)
    cues = segment_words(first + second, SE, language="sv")
    assert [c.text for c in cues] == ["hej och välkomna", "nu börjar vi"]
    # shown long enough to read, but not across the four seconds of silence
    assert SE.min_duration_warn_ms <= cues[0].duration_ms <= 2500
    assert cues[1].start_ms == 5000


def test_karaoke_pause_is_found_from_the_start_times_alone() -> None:
    # Karaoke gives starts only: "välkomna" lasts until the next word, 3 s later.
    words = [
        Word("hej", 0, 400),
        Word("välkomna", 400, 3400),
        Word("alla", 3400, 3800),
        Word("här", 3800, 4200),
    ]
    cues = segment_words(words, SE, language="sv")
    assert [c.text for c in cues] == ["hej välkomna", "alla här"]


def test_no_cue_ends_on_an_article_when_it_can_be_avoided() -> None:
    text = " ".join(["det var en gång en kommun som ville ha en ny skola"] * 8)
    cues = segment_words(timed(text, ms_per_word=350), SE, language="sv")
    for cue in cues[:-1]:
        assert plain_lines(cue.text)[-1].split()[-1] not in {"en", "ett", "den", "det", "de"}


def test_fast_speech_gets_more_cues_not_faster_ones() -> None:
    text = " ".join(["regionstyrelsen beslutade"] * 20)
    slow = segment_words(timed(text, ms_per_word=600), SE, language="sv")
    fast = segment_words(timed(text, ms_per_word=250), SE, language="sv")
    assert spoken(slow) == spoken(fast) == text.split()
    assert_well_formed(slow)
    assert_well_formed(fast)


def test_zero_length_words_still_give_valid_cues() -> None:
    words = [Word(f"w{k}", 1000, 1000, False) for k in range(40)]
    cues = segment_words(words, SE, language="sv")
    assert spoken(cues) == [w.text for w in words]
    for a, b in pairwise(cues):
        assert a.start_ms < a.end_ms <= b.start_ms


def test_text_is_escaped_for_webvtt() -> None:
    cues = segment_words(timed("fish & chips <3"), SE, language="en")
    assert cues[0].text == "fish &amp; chips &lt;3"


def test_a_word_too_long_for_a_line_gets_its_own_cue() -> None:
    words = timed("kort " + "x" * 60 + " kort")
    cues = segment_words(words, SE, language="sv")
    assert spoken(cues) == [w.text for w in words]
    assert "x" * 60 in [c.text for c in cues]


def test_no_words_no_cues() -> None:
    assert segment_words([], SE) == []


def test_names_and_numbers_with_units_stay_on_one_line() -> None:
    name = break_lines(
        ws("därför träffade vi forskaren Anna Söderberg på universitetet i Göteborg"), SE, "sv"
    )
    assert name[1].startswith("Anna Söderberg")
    number = break_lines(
        ws("det kostade oss ungefär 1500 kronor per invånare förra året"), SE, "sv"
    )
    assert number[1].startswith("1500 kronor")


def test_punctuated_demo_transcript_is_cut_at_sentences(demo_dir) -> None:
    path = demo_dir / "reference" / "lecture.sv.vtt"
    if not path.exists():
        pytest.skip("the demo's reference captions are not in assets/demo")
    reference = list(captionreview.load(path).cues)
    words = words_of_cues(reference)
    cues = segment_words(words, SE, language="sv")
    assert spoken(cues) == [w.text for w in words]
    assert_well_formed(cues)
    reference_ends = {plain_lines(c.text)[-1].split()[-1] for c in reference}
    for cue in cues:
        lines = plain_lines(cue.text)
        last = lines[-1].split()[-1]
        assert last.endswith((".", ",", "!", "?")) or last in reference_ends, cue.text
        for line in lines:
            assert line.split()[-1] not in WEAK_ENDINGS["sv"], cue.text
