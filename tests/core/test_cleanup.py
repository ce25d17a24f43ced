"""Auto-caption clean-up: every spoken word exactly once, clean cues, honest counts."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import captionreview
from captionreview.core.cleanup.rolling import (
    ROLL_GAP_MS,
    CleanResult,
    Removed,
    auto_caption_signs,
    clean_auto_captions,
    looks_like_auto_captions,
    readability,
    removed_summary,
)
from captionreview.core.cleanup.wordtimes import has_word_timings
from captionreview.core.model import Cue
from captionreview.core.profiles import DEFAULT_PROFILE, builtin_profile
from captionreview.core.vtt.cuetext import plain_lines, tag_spans

AUTO_FILES = [
    "real/youtube-auto/teamdman-vtt__test.en.vtt",
    "real/youtube-auto/webvtt-py__youtube_dl.vtt",
    "real/youtube-auto/wrolpi__example1.en.vtt",
    "real/youtube-auto/wrolpi__example3.en.srt",
]
NOT_AUTO_FILES = [
    "real/human-made/lattifai__7nv1snJRCEI.en.vtt",
    "real/human-made/lattifai___xYSQe9oq6c.en.vtt",
    "real/human-made/wrolpi__example2.en.vtt",
    "real/svtplay-dl/textfile-service.sv.srt",
    "real/svtplay-dl/wsrt-style-hash.srt",
    "real/svtplay-dl/wrst-correct.srt",
]


def ws(text: str) -> list[str]:
    """The words of a text (split on white space)."""
    return text.split()


def distinct_lines(cues: list[Cue]) -> list[str]:
    """The test's own oracle (QUALITY_RULES ASR-01): each shown line once, repeats dropped."""
    lines: list[str] = []
    for cue in sorted(cues, key=lambda c: c.start_ms):
        for line in plain_lines(cue.text):
            line = " ".join(line.split())
            if line and (not lines or lines[-1] != line):
                lines.append(line)
    return lines


def output_words(cues: list[Cue]) -> list[str]:
    return [word for cue in cues for line in plain_lines(cue.text) for word in line.split()]


def assert_clean(result: CleanResult, profile=DEFAULT_PROFILE) -> None:
    """No overlaps, no tags, no blank or padded lines, within the profile's line limits."""
    cues = result.cues
    for a, b in pairwise(cues):
        assert a.end_ms <= b.start_ms, f"overlap: {a} / {b}"
    for cue in cues:
        assert cue.start_ms < cue.end_ms
        assert not list(tag_spans(cue.text)), cue.text
        assert cue.settings == ""
        lines = cue.text.split("\n")
        assert len(lines) <= profile.max_lines
        for line in plain_lines(cue.text):
            assert line.strip() and line == line.strip(), repr(cue.text)
            assert len(line) <= profile.max_chars_per_line or " " not in line
    assert result.after.overlaps == 0


def figures(name: str, result: CleanResult) -> str:
    rows = [f"{name}: removed {result.removed.as_dict()}"]
    for label, stats in (("before", result.before), ("after", result.after)):
        rows.append(f"  {label:6} {stats.as_dict()}")
    return "\n".join(rows)


@pytest.mark.corpus
@pytest.mark.parametrize("relative", AUTO_FILES)
def test_corpus_auto_captions_keep_every_word_once(corpus: Path, relative: str) -> None:
    doc = captionreview.load(corpus / relative)
    cues = list(doc.cues)
    assert looks_like_auto_captions(cues, doc.metadata)
    result = clean_auto_captions(cues, metadata=doc.metadata)
    expected = " ".join(distinct_lines(cues)).split()
    assert output_words(result.cues) == expected
    assert [w.text for w in result.words] == expected
    assert result.lines == distinct_lines(cues)
    assert_clean(result)
    assert result.after.cues < result.before.cues
    print(figures(relative, result))


@pytest.mark.corpus
def test_demo_youtube_lecture(demo_dir: Path) -> None:
    path = demo_dir / "youtube" / "lecture.sv.vtt"
    if not path.exists():
        pytest.skip("the demo's YouTube-form captions are not in assets/demo yet")
    doc = captionreview.load(path)
    cues = list(doc.cues)
    assert looks_like_auto_captions(cues, doc.metadata)
    result = clean_auto_captions(cues, metadata=doc.metadata)
    assert output_words(result.cues) == " ".join(distinct_lines(cues)).split()
    assert_clean(result)
    # Swedish line breaks: no line ends on an article or a conjunction when there are two.
    for cue in result.cues:
        lines = cue.text.split("\n")
        if len(lines) == 2:
            assert lines[0].split()[-1] not in {"och", "att", "en", "ett", "den", "det", "de"}
    assert result.after.cues_over_cps <= result.before.cues_over_cps
    print(figures("demo youtube/lecture.sv.vtt", result))


@pytest.mark.corpus
def test_wrolpi_example1_distinct_lines_match_the_cleaning_pair(corpus: Path) -> None:
    pair = json.loads((corpus / "cleaning-pairs/wrolpi__example1.expected.json").read_text())
    doc = captionreview.load(corpus / "real/youtube-auto/wrolpi__example1.en.vtt")
    result = clean_auto_captions(list(doc.cues), metadata=doc.metadata)
    assert result.lines[: len(pair["unique_lines"])] == pair["unique_lines"]
    assert output_words(result.cues) == " ".join(pair["unique_lines"]).split()


@pytest.mark.corpus
def test_wrolpi_example1_counts(corpus: Path) -> None:
    doc = captionreview.load(corpus / "real/youtube-auto/wrolpi__example1.en.vtt")
    result = clean_auto_captions(list(doc.cues), metadata=doc.metadata)
    removed = result.removed
    text = (corpus / "real/youtube-auto/wrolpi__example1.en.vtt").read_text()
    assert removed.header_lines == 1  # Kind: (Language: stays)
    assert removed.tags == len(list(tag_spans(text)))
    assert removed.blank_lines == sum(1 for line in text.split("\n") if line == " ")
    short = [c for c in doc.cues if c.duration_ms <= 50]
    assert removed.bridge_cues == len(short) > 0
    # every cue after the first repeats the previous line
    assert removed.rolling_lines == len(doc.cues) - 1


@pytest.mark.corpus
@pytest.mark.parametrize("relative", NOT_AUTO_FILES)
def test_human_made_tracks_are_not_taken_for_auto_captions(corpus: Path, relative: str) -> None:
    doc = captionreview.load(corpus / relative)
    assert not looks_like_auto_captions(list(doc.cues), doc.metadata), auto_caption_signs(
        list(doc.cues), doc.metadata
    )


def test_generic_two_line_roll_up_without_karaoke() -> None:
    lines = [f"line number {k} says something new" for k in range(12)]
    cues = []
    for k, line in enumerate(lines):
        shown = line if k == 0 else f"{lines[k - 1]}\n{line}"
        # each cue repeats the previous line, at a different time, no bridges, no tags
        cues.append(Cue(k * 2000 + 120, k * 2000 + 1900, shown))
    assert looks_like_auto_captions(cues, {})
    result = clean_auto_captions(cues, builtin_profile("netflix-en"), language="en")
    assert result.lines == lines
    assert output_words(result.cues) == " ".join(lines).split()
    assert result.removed.rolling_lines == 11
    assert_clean(result, builtin_profile("netflix-en"))


def test_three_line_roll_up_and_growing_paint_on() -> None:
    rows = [f"row {k} alpha beta" for k in range(8)]
    three = [
        Cue(k * 1500, k * 1500 + 1400, "\n".join(rows[max(0, k - 2) : k + 1])) for k in range(8)
    ]
    result = clean_auto_captions(three)
    assert result.lines == rows
    assert result.removed.rolling_lines == 1 + 2 * 6
    words = ws("so this is how a paint on caption grows word by word")
    growing = [Cue(k * 300, k * 300 + 300, " ".join(words[: k + 1])) for k in range(len(words))]
    assert looks_like_auto_captions(growing, {})
    assert output_words(clean_auto_captions(growing).cues) == words


def test_a_repeated_sentence_with_word_timings_is_kept_twice() -> None:
    # The speaker really says "thank you" twice: karaoke marks the second one as new speech.
    cues = [
        Cue(0, 990, " \nthank<00:00:00.400><c> you</c>"),
        Cue(990, 1000, "thank you\n "),
        Cue(1000, 1990, "thank you\nthank<00:00:01.400><c> you</c>"),
        Cue(1990, 2000, "thank you\n "),
        Cue(2000, 2990, "thank you\nall<00:00:02.400><c> of</c><00:00:02.600><c> you</c>"),
    ]
    result = clean_auto_captions(cues)
    assert output_words(result.cues) == ws("thank you thank you all of you")
    assert result.removed.bridge_cues == 2


def test_a_new_line_first_shown_in_a_bridge_is_timed_before_it() -> None:
    # SRT conversions drop the karaoke line, so new text first appears in a 10 ms cue.
    cues = [
        Cue(0, 5269, ""),
        Cue(5269, 5279, "okay welcome to this session this is"),
        Cue(5279, 7760, "okay welcome to this session this is\ncalled the kinetic bunny"),
        Cue(7760, 7770, "called the kinetic bunny"),
    ]
    result = clean_auto_captions(cues, language="en")
    assert output_words(result.cues) == ws(
        "okay welcome to this session this is called the kinetic bunny"
    )
    assert result.words[0].start_ms < 5269 - 1000
    assert result.removed.empty_cues == 1
    assert_clean(result)


def test_overlapping_input_cues_give_non_overlapping_output() -> None:
    cues = [Cue(k * 1000, k * 1000 + 2500, f"sentence {k} is here") for k in range(10)]
    result = clean_auto_captions(cues, language="en")
    assert output_words(result.cues) == " ".join(c.text for c in cues).split()
    assert result.before.overlaps == 9
    assert_clean(result)


def test_readability_figures_are_counted_as_the_rules_say() -> None:
    cues = [
        Cue(0, 2000, "<c>tjugo tecken här nu!</c>\nkort"),  # 20 + 4 chars over 2 s: 12 cps
        Cue(1500, 1510, "tio tecken"),  # 10 ms bridge, overlaps the first cue
        Cue(3000, 3000, " "),  # blank: not shown, not counted
    ]
    stats = readability(cues, DEFAULT_PROFILE)
    assert stats.cues == 2
    assert stats.lines == 3
    assert stats.max_chars_per_line == 20
    assert stats.mean_chars_per_line == round((20 + 4 + 10) / 3, 1)
    assert stats.median_cps == (12.0 + 1000.0) / 2
    assert stats.cues_over_cps == 1
    assert stats.cues_too_short == 1
    assert stats.overlaps == 1
    assert stats.mean_duration_ms == 1005.0


def test_nothing_to_clean() -> None:
    result = clean_auto_captions([])
    assert result.cues == [] and result.lines == []
    assert not looks_like_auto_captions([], {})


def _ms(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _escape(word: str) -> str:
    return word.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def youtube_rolling(
    words: list[str], starts: list[int], sizes: list[int], bridges: bool
) -> list[Cue]:
    """Render a word stream as YouTube writes auto-captions (rolling lines, karaoke, bridges)."""
    lines: list[list[int]] = []
    k = 0
    while k < len(words):
        size = sizes[len(lines) % len(sizes)]
        lines.append(list(range(k, min(k + size, len(words)))))
        k += size
    cues: list[Cue] = []
    previous = " "
    for n, line in enumerate(lines):
        start = starts[line[0]]
        end = starts[lines[n + 1][0]] if n + 1 < len(lines) else starts[line[-1]] + 1000
        karaoke = _escape(words[line[0]]) + "".join(
            f"<{_ms(starts[i])}><c> {_escape(words[i])}</c>" for i in line[1:]
        )
        plain = " ".join(_escape(words[i]) for i in line)
        if bridges:
            cues.append(
                Cue(start, end - 10, f"{previous}\n{karaoke}", settings="align:start position:0%")
            )
            cues.append(Cue(end - 10, end, f"{plain}\n "))
        else:
            cues.append(Cue(start, end, f"{previous}\n{karaoke}"))
        previous = plain
    return cues


WORD = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöÅÄÖ", min_size=1, max_size=12),
    st.sampled_from(["och", "att", "en", "the", "a", "&", "<3", "11,8", "slut.", "så,"]),
)


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(WORD, min_size=1, max_size=120),
    steps=st.lists(st.integers(min_value=100, max_value=2500), min_size=1, max_size=20),
    sizes=st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=6),
    bridges=st.booleans(),
)
def test_property_youtube_rolling_form_gives_back_the_exact_word_stream(
    words: list[str], steps: list[int], sizes: list[int], bridges: bool
) -> None:
    starts = [0]
    for k in range(1, len(words)):
        starts.append(starts[-1] + 20 + steps[k % len(steps)])
    cues = youtube_rolling(words, starts, sizes, bridges)
    # A track whose every line is one word has no timestamps at all: not YouTube's form.
    assume(any(has_word_timings(cue.text) for cue in cues))
    result = clean_auto_captions(cues)
    assert [w.text for w in result.words] == words
    assert [w.start_ms for w in result.words] == starts
    assert output_words(result.cues) == words
    assert_clean(result)
    # each new cue starts when its first word is spoken
    k = 0
    for cue in result.cues:
        assert cue.start_ms == starts[k]
        k += len(output_words([cue]))


def test_a_line_shown_again_after_a_pause_is_spoken_again() -> None:
    # Roll-up repeats follow at once; the same sound tag 15 s later is a new event.
    cues = [
        Cue(0, 1000, "(MAKES NOISE)"),
        Cue(1000, 2000, "(MAKES NOISE)\nwhat was that"),
        Cue(17000, 18000, "what was that"),
        Cue(30000, 31000, "(MAKES NOISE)"),
    ]
    result = clean_auto_captions(cues, language="en")
    assert result.lines == ["(MAKES NOISE)", "what was that", "what was that", "(MAKES NOISE)"]


def test_speaker_tagged_asr_export_keeps_speakers_apart() -> None:
    # A diarised, word-timed ASR export: one cue per segment, <v> names the speaker.
    cues = [
        Cue(0, 2000, "<v SPEAKER_00>hello<00:00:00.500> and<00:00:00.900> welcome everyone"),
        Cue(2000, 3000, "<v SPEAKER_01>thank<00:00:02.400> you"),
        Cue(3000, 6000, "<v SPEAKER_00>today<00:00:03.500> we<00:00:03.800> talk about budgets"),
        Cue(6000, 6800, "<v SPEAKER_00>and<00:00:06.300> trains"),
    ]
    assert looks_like_auto_captions(cues, {})
    result = clean_auto_captions(cues, language="en")
    spoken = "hello and welcome everyone thank you today we talk about budgets and trains"
    assert output_words(result.cues) == ws(spoken)
    assert result.removed.tags == 6  # the karaoke timestamps; the voices stay
    speakers = []
    for cue in result.cues:
        assert cue.text.startswith("<v SPEAKER_0")
        assert list(tag_spans(cue.text)) == [(0, 14)]  # only the voice tag
        speakers.append(cue.text[3:13])
    # one speaker per cue: the turn "thank you" is a cue of its own
    assert "thank you" in [" ".join(plain_lines(c.text)) for c in result.cues]
    assert speakers[0] == "SPEAKER_00" and "SPEAKER_01" in speakers


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(
        st.text(alphabet="abcdefghij", min_size=1, max_size=8), min_size=1, max_size=80, unique=True
    ),
    sizes=st.lists(st.integers(min_value=1, max_value=7), min_size=1, max_size=5),
    rows=st.integers(min_value=2, max_value=3),
    gap=st.integers(min_value=0, max_value=ROLL_GAP_MS),
    growing=st.booleans(),
)
def test_property_untimed_roll_up_gives_back_the_word_stream(
    words: list[str], sizes: list[int], rows: int, gap: int, growing: bool
) -> None:
    lines: list[str] = []
    k = 0
    while k < len(words):
        size = sizes[len(lines) % len(sizes)]
        lines.append(" ".join(words[k : k + size]))
        k += size
    cues: list[Cue] = []
    now = 0
    for n, line in enumerate(lines):
        shown = lines[max(0, n - rows + 1) : n]
        if growing:
            # paint-on: the new line grows word by word in its own cues
            line_words = line.split()
            for m in range(1, len(line_words) + 1):
                text = "\n".join([*shown, " ".join(line_words[:m])])
                cues.append(Cue(now, now + 400, text))
                now += 400 + gap
        else:
            cues.append(Cue(now, now + 1500, "\n".join([*shown, line])))
            now += 1500 + gap
    result = clean_auto_captions(cues)
    assert output_words(result.cues) == words
    assert_clean(result)


def test_removed_summary_names_what_was_removed() -> None:
    assert removed_summary(Removed()) == "Removed: nothing"
    text = removed_summary(Removed(rolling_lines=3, tags=12, header_lines=2))
    assert text == "Removed: 3 rolling duplicate lines, 12 tags, 2 header lines"


def test_a_word_said_twice_in_cues_apart_is_kept() -> None:
    cues = [
        Cue(1000, 2000, "ja"),
        Cue(2500, 3500, "ja"),
        Cue(3500, 4500, "ja"),  # shown on without a gap: the same line, not said again
        Cue(4500, 4510, "ja"),  # a bridge cue
    ]
    result = clean_auto_captions(cues, language="sv")
    assert [w.text for w in result.words] == ["ja", "ja"]
    assert result.removed.repeated_cues == 1 and result.removed.bridge_cues == 1
