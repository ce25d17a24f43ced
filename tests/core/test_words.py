"""Word timings: karaoke timestamps parsed exactly, un-timed text timed by its length."""

from __future__ import annotations

from itertools import pairwise

from captionreview.core.cleanup.wordtimes import (
    Token,
    Word,
    assign_times,
    cue_tokens,
    cue_words,
    has_word_timings,
    words_of_cues,
)
from captionreview.core.model import Cue

YOUTUBE_CUE = Cue(
    0,
    5269,
    " \nokay<00:00:01.310><c> welcome</c><00:00:02.310><c> to</c><00:00:02.429><c> this</c>",
)


def test_karaoke_words_get_their_timestamps() -> None:
    words = cue_words(YOUTUBE_CUE)
    assert [w.text for w in words] == ["okay", "welcome", "to", "this"]
    assert [w.start_ms for w in words] == [0, 1310, 2310, 2429]
    assert [w.end_ms for w in words] == [1310, 2310, 2429, 5269]
    assert all(w.timed for w in words)


def test_hours_and_minutes_in_timestamps() -> None:
    cue = Cue(3_600_000, 3_700_000, "a<01:00:01.500><c> b</c><01:00:02.250> c")
    assert [w.start_ms for w in cue_words(cue)] == [3_600_000, 3_601_500, 3_602_250]
    short_form = Cue(60_000, 70_000, "a<01:02.250> b")
    assert [w.start_ms for w in cue_words(short_form)] == [60_000, 62_250]


def test_timestamps_never_run_backwards() -> None:
    # "c" is stamped before "b": it is clamped to b's time rather than moving back in time.
    cue = Cue(1000, 4000, "a<00:00:02.000> b<00:00:01.500> c")
    starts = [w.start_ms for w in cue_words(cue)]
    assert starts == [1000, 2000, 2000]


def test_untimed_cue_shares_its_time_by_length() -> None:
    words = cue_words(Cue(1000, 3000, "hi everybody\nout there"))
    assert [w.text for w in words] == ["hi", "everybody", "out", "there"]
    assert words[0].start_ms == 1000 and words[-1].end_ms == 3000
    assert not any(w.timed for w in words)
    durations = [w.end_ms - w.start_ms for w in words]
    # longer words take longer; consecutive words touch
    assert durations[1] > durations[3] > durations[0]
    assert all(a.end_ms == b.start_ms for a, b in pairwise(words))


def test_words_in_one_timed_segment_are_interpolated() -> None:
    # Old YouTube format: one timestamp for a run of several words.
    (tokens,) = cue_tokens("this<00:00:02.000><c> is</c><c.colorCCCCCC> my long</c> text", 1000)
    assert [(t.text, t.start_ms) for t in tokens] == [
        ("this", 1000),
        ("is", 2000),
        ("my", None),
        ("long", None),
        ("text", None),
    ]
    words = assign_times(tokens, 1000, 4000)
    assert words[1].start_ms == 2000
    assert 2000 < words[2].start_ms < words[3].start_ms < words[4].start_ms < 4000


def test_markup_and_references_are_not_words() -> None:
    words = cue_words(Cue(0, 1000, "<v Anna><i>fish &amp; chips</i></v>"))
    assert [w.text for w in words] == ["fish", "&", "chips"]


def test_has_word_timings() -> None:
    assert has_word_timings(YOUTUBE_CUE.text)
    assert not has_word_timings("plain <i>text</i> 00:00:01.000")


def test_empty_and_blank_cues_have_no_words() -> None:
    assert cue_words(Cue(0, 1000, " \n ")) == []
    assert assign_times([], 0, 10) == []


def test_leading_untimed_words_before_first_timestamp_fill_the_gap() -> None:
    words = assign_times([Token("a", None), Token("bb", None), Token("c", 3000)], 1000, 4000)
    assert words == [
        Word("a", 1000, 1800, False),
        Word("bb", 1800, 3000, False),
        Word("c", 3000, 4000, True),
    ]


def test_words_of_cues_keeps_order() -> None:
    cues = [Cue(0, 1000, "one two"), Cue(1000, 2000, "three")]
    assert [w.text for w in words_of_cues(cues)] == ["one", "two", "three"]


def test_voice_spans_give_each_word_its_speaker() -> None:
    cue = Cue(0, 3000, "<v Anna Berg>hej och<00:00:01.000> välkomna\nalla</v> <v.loud Bo>tack")
    words = cue_words(cue)
    assert [(w.text, w.speaker) for w in words] == [
        ("hej", "Anna Berg"),
        ("och", "Anna Berg"),
        ("välkomna", "Anna Berg"),
        ("alla", "Anna Berg"),
        ("tack", "Bo"),
    ]
    assert words[2].start_ms == 1000 and words[2].timed
    assert cue_words(Cue(0, 1000, "utan röst"))[0].speaker is None
