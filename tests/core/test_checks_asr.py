"""QUALITY_RULES §6 checks for the form of auto-captions (ASR-01/02/03/04/05/08/14/17)."""

from __future__ import annotations

from captionreview.core.checks.asr import strip_karaoke
from tests.core.checks_util import cue, of, run, spaced, spanned

ROLLING = [
    cue(0, 5.269, " \nokay<00:00:01.310><c> welcome</c><00:00:02.310><c> to</c> this session"),
    cue(5.269, 5.279, "okay welcome to this session\n "),
    cue(5.279, 7.76, "okay welcome to this session\ncalled<00:00:05.879><c> the</c> bunny"),
]


def test_rolling_duplicate_line() -> None:
    found = of(run(ROLLING), "ASR-01")
    assert [f.cue_index for f in found] == [2]
    assert spanned(ROLLING[2], found[0]) == "okay welcome to this session\n"
    assert found[0].suggestion == ""
    assert of(run(spaced("Ja, det var det.", "Nej, det var det inte.")), "ASR-01") == []
    # A short line said twice ("No." / "No.") is not a rolling caption.
    assert of(run(spaced("Nej.", "Nej.")), "ASR-01") == []


def test_bridge_cue() -> None:
    found = of(run(ROLLING), "ASR-02")
    assert [f.cue_index for f in found] == [1]
    # The bridge is not also reported as too short or too fast.
    assert [f for f in run(ROLLING) if f.cue_index == 1 and f.rule.startswith("TIM")] == []
    short_new_text = [cue(0, 2, "Hej."), cue(2.1, 2.13, "Nytt.")]
    assert of(run(short_new_text), "ASR-02") == []


def test_karaoke_tags() -> None:
    assert [f.cue_index for f in of(run(ROLLING), "ASR-03")] == [0, 2]
    assert of(run([cue(0, 3, "<c.ljud>(Musik)</c>")]), "ASR-03") == []


def test_strip_karaoke_keeps_semantic_markup() -> None:
    text = "<c.ljud>(Musik)</c> okay<00:00:01.310><c> welcome</c> <i>to</i><c.colorE5E5E5> x</c>"
    assert strip_karaoke(text) == "<c.ljud>(Musik)</c> okay welcome <i>to</i> x"


def test_youtube_settings_are_flagged_and_kind_and_language_lines_are_legal() -> None:
    cues = [cue(i * 3, i * 3 + 2, "hej", settings="align:start position:0%") for i in range(4)]
    found = of(run(cues, metadata={"Kind": "captions", "Language": "sv"}), "ASR-04")
    assert [f.cue_index for f in found] == [0]
    assert "align:start position:0%" in found[0].message
    header_only = run(spaced("Hej.", "Hå."), metadata={"Kind": "captions", "Language": "sv"})
    assert [f for f in header_only if f.cue_index is None] == []


def test_other_header_lines() -> None:
    found = of(
        run(spaced("Hej."), metadata={"Style": "x", "X-TIMESTAMP-MAP": "MPEGTS=0"}), "VTT-HDR-02"
    )
    assert [f.severity.value for f in found] == ["warn", "info"]


def test_whitespace_only_lines() -> None:
    c = cue(0, 3, " \nokay welcome")
    (found,) = of(run([c]), "ASR-05")
    assert spanned(c, found) == " \n"
    last = cue(0, 3, "okay welcome\n ")
    assert spanned(last, of(run([last]), "ASR-05")[0]) == "\n "
    assert of(run([cue(0, 3, "Två\nrader")]), "ASR-05") == []


def test_no_punctuation_anywhere() -> None:
    flat = spaced(*["okay welcome to this session"] * 6)
    (found,) = of(run(flat), "ASR-08")
    assert found.cue_index == 0
    assert of(run(spaced(*["Okay, welcome to this session."] * 6)), "ASR-08") == []


def test_asr_sound_tags_and_masked_words() -> None:
    c = cue(0, 3, "[Musik] och [Applause]")
    found = of(run([c]), "ASR-14")
    assert [f.suggestion for f in found] == ["(Musik)", "(Applåder)"]
    assert of(run([c]), "TXT-05") == []
    masked = cue(0, 3, "Shut the [&nbsp;__&nbsp;] up")
    (m,) = of(run([masked]), "ASR-17")
    assert spanned(masked, m) == "[&nbsp;__&nbsp;]"
