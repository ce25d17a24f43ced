"""QUALITY_RULES §1 checks on crafted cues: each rule fires, and stays silent on valid input."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from captionreview.core.checks.base import CueView
from captionreview.core.checks.vtt import _clean_karaoke
from captionreview.core.model import Cue, Severity
from captionreview.core.timecode import format_vtt_timestamp
from tests.core.checks_util import cue, of, run, spaced, spanned


def test_end_before_or_at_start_is_an_error() -> None:
    findings = run([cue(5, 4, "Bakvänd."), cue(6, 6, "Noll."), cue(7, 9, "Rätt.")])
    bad = of(findings, "VTT-TS-03")
    assert [f.cue_index for f in bad] == [0, 1]
    assert all(f.severity is Severity.ERROR for f in bad)


def test_cues_out_of_order_are_an_error() -> None:
    findings = run([cue(10, 12, "Först."), cue(4, 6, "Sen."), cue(13, 15, "Sist.")])
    assert [f.cue_index for f in of(findings, "VTT-TS-04")] == [1]
    assert of(run(spaced("A b c.", "D e f.")), "VTT-TS-04") == []


def test_duplicate_identifier_is_an_error_on_the_later_cue() -> None:
    cues = [
        cue(0, 2, "A.", identifier="x"),
        cue(3, 5, "B.", identifier="y"),
        cue(6, 8, "C.", identifier="x"),
    ]
    dup = of(run(cues), "VTT-ID-01")
    assert [(f.cue_index, f.severity) for f in dup] == [(2, Severity.ERROR)]
    unique = [cue(0, 2, "A.", identifier="1"), cue(3, 5, "B.", identifier="2")]
    assert of(run(unique), "VTT-ID-01") == []


def test_identifier_with_arrow() -> None:
    assert of(run([cue(0, 2, "A.", identifier="a-->b")]), "VTT-ID-01")


def test_unknown_and_repeated_settings_warn() -> None:
    findings = run([cue(0, 2, "A.", settings="colour:red align:start align:end")])
    messages = [f.message for f in of(findings, "VTT-SET-01")]
    assert len(messages) == 2
    assert "colour" in messages[0] and "twice" in messages[1]


def test_valid_settings_pass() -> None:
    settings = (
        "vertical:rl line:-1 position:10%,line-left size:35% align:left",
        "line:50%,end position:100% align:end",
        "line:0 align:center size:0%",
    )
    findings = run([cue(i * 3, i * 3 + 2, "Hej.", settings=s) for i, s in enumerate(settings)])
    assert [f for f in findings if f.rule.startswith("VTT-SET")] == []


def test_bad_setting_values_warn() -> None:
    for settings in ("align:top", "position:120%", "size:50", "line:abc", "vertical:up"):
        found = of(run([cue(0, 2, "A.", settings=settings)]), "VTT-SET-02")
        assert len(found) == 1, settings
        assert found[0].suggestion is None


def test_obsolete_middle_keyword_gets_a_suggestion() -> None:
    c = cue(0, 2, "A.", settings="position:50.00%,middle align:middle line:84%")
    (found,) = of(run([c]), "VTT-SET-02")
    assert found.suggestion == "position:50.00%,center align:center line:84%"


def test_region_reference_needs_a_definition() -> None:
    c = cue(0, 2, "A.", settings="region:fred")
    assert of(run([c], regions={"bill"}), "VTT-SET-03")
    assert of(run([c], regions={"fred"}), "VTT-SET-03") == []
    ignored = cue(0, 2, "A.", settings="region:fred line:2")
    assert "ignored" in of(run([ignored], regions={"fred"}), "VTT-SET-03")[0].message


def test_arrow_in_text_is_an_error_with_span() -> None:
    c = cue(0, 3, "Se pilen --> här.")
    (found,) = of(run([c]), "VTT-TXT-01")
    assert spanned(c, found) == "-->"
    assert found.severity is Severity.ERROR


def test_empty_line_inside_cue_is_an_error() -> None:
    assert of(run([cue(0, 3, "Rad ett.\n\nRad tre.")]), "VTT-TXT-02")
    assert of(run([cue(0, 3, "Rad ett.\nRad två.")]), "VTT-TXT-02") == []


def test_empty_cue_warns() -> None:
    assert of(run([cue(0, 3, "  "), cue(4, 6, "<i></i>")]), "VTT-TXT-03")
    assert len(of(run([cue(0, 3, "  "), cue(4, 6, "<i></i>")]), "VTT-TXT-03")) == 2
    assert of(run([cue(0, 3, "Text.")]), "VTT-TXT-03") == []


def test_nul_and_replacement_characters() -> None:
    assert of(run([cue(0, 3, "Tr\x00asig.")]), "VTT-NUL-01")
    found = of(run([cue(0, 3, "Tr\ufffdasig.")]), "VTT-ENC-01")
    assert found and found[0].severity is Severity.ERROR


def test_unescaped_ampersand_and_less_than() -> None:
    c = cue(0, 3, "Svensson & Son")
    (amp,) = of(run([c]), "VTT-ESC-01")
    assert spanned(c, amp) == "&" and amp.suggestion == "&amp;"
    lt = cue(0, 3, "3 < 4")
    (found,) = of(run([lt]), "VTT-ESC-01")
    assert spanned(lt, found) == "<" and found.suggestion == "&lt;"
    ok = [cue(0, 3, "Svensson &amp; Son &lt;3 &nbsp;x &#228; &#xE4;")]
    assert of(run(ok), "VTT-ESC-01") == []
    assert of(run([cue(0, 3, "Fel &nosuchentity; här")]), "VTT-ESC-01")


def test_markup_rules() -> None:
    valid = (
        "<v Anna>Hej</v> <i>där</i>",
        "<c.ljud>(Musik)</c>",
        "<v.loud Esme>Hej!",
        "<ruby>漢 <rt>kan</rt></ruby>",
        "<lang en>playground</lang>",
        "<v A>Hej\n<v B>Hallå",
        "<b.x.y>Fet</b>",
    )
    for text in valid:
        assert of(run([cue(0, 3, text)]), "VTT-TAG-01") == [], text
    invalid = (
        "<font>Hej</font>",
        "<v>Hej</v>",
        "<lang>Hej</lang>",
        "<i>Hej",
        "<i><b>Hej</i></b>",
        "Hej</i>",
        "<rt>x</rt>",
    )
    for text in invalid:
        assert of(run([cue(0, 3, text)]), "VTT-TAG-01"), text


def test_inline_timestamps() -> None:
    ok = cue(1, 3, "<00:00:01.000>Ett <00:00:02.000>två <00:00:03.000>")
    assert of(run([ok]), "VTT-TS-05") == []
    outside = cue(1, 3, "Ett <00:00:04.000>två")
    assert "outside" in of(run([outside]), "VTT-TS-05")[0].message
    backwards = cue(1, 3, "<00:00:02.500>Ett <00:00:02.000>två")
    assert "earlier" in of(run([backwards]), "VTT-TS-05")[0].message
    malformed = cue(1, 3, "Ett <00:00:2.000>två")
    assert of(run([malformed]), "VTT-TS-05")


def test_youtube_word_timings_are_checked_like_any_timestamps() -> None:
    # The YouTube form (<hh:mm:ss.mmm><c> word</c>) has a quick path; it must judge the same.
    def ts05(start: float, end: float, text: str) -> list[str]:
        return [f.message for f in of(run([cue(start, end, text)]), "VTT-TS-05")]

    assert ts05(1, 3, "Ett<00:00:01.000><c> två</c><00:00:03.000><c> tre</c>") == []
    assert "outside" in ts05(1, 3, "Ett<00:00:00.999><c> två</c>")[0]
    assert "outside" in ts05(1, 3, "Ett<00:00:03.001><c> två</c>")[0]
    assert "earlier" in ts05(1, 3, "<00:00:02.500><c>Ett</c><00:00:02.000><c> två</c>")[0]
    # hours of three digits do not sort as text: checked the long way, still in order
    assert ts05(360_000, 360_003, "Ett<100:00:01.000><c> två</c>") == []
    assert ts05(359_999, 360_003, "Ett<99:59:59.500><c> två</c><100:00:01.000><c> tre</c>") == []
    assert of(run([cue(1, 3, "Ett<00:00:02.000><c> två")]), "VTT-TAG-01")
    assert of(run([cue(1, 3, "Ett<00:00:02.000></c> två")]), "VTT-TAG-01")
    # a digit that is not ASCII ("٢") sorts apart from "2": the long way, which reads it
    assert "earlier" in ts05(1, 3, "<00:00:02.500><c> a</c><00:00:0\u0662.000><c> b</c>")[0]


_UNDER_100_HOURS = st.integers(0, 100 * 3_600_000 - 1)


@given(_UNDER_100_HOURS, _UNDER_100_HOURS, _UNDER_100_HOURS, _UNDER_100_HOURS)
def test_the_youtube_quick_path_compares_word_times_with_the_cue_times_as_times(
    start: int, end: int, first: int, last: int
) -> None:
    text = f"Ett<{format_vtt_timestamp(first)}><c> två</c><{format_vtt_timestamp(last)}><c> tre</c>"
    clean = start <= end and start <= first <= last <= end
    assert _clean_karaoke(start, end, CueView(Cue(start, end, text), 0)) is clean


# What the quick path accepts, as one pattern over the text: text without '<', <c>…</c> spans
# and word times of the fixed form, the times in order.
_STAMP = r"[0-9]{2}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3}"
_KARAOKE_TEXT = re.compile(rf"(?:[^<]++|<c>[^<]*+</c>|<{_STAMP}>)*+")
_PIECES = st.sampled_from(
    [
        *("a", " ", "\n", "&amp;", "<", ">", "<c>", "</c>", "<i>", "</i>", "<c.x>", "<<c>", "<c"),
        *("<00:00:01.000>", "<00:00:02.500>", "<00:00:10.001>", "<00:60:00.000>", "<0:00:01.000>"),
        "<00:00:0\u0662.000>",
    ]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_youtube_quick_path_accepts_what_the_karaoke_pattern_accepts(text: str) -> None:
    stamps = re.findall(rf"<({_STAMP})>", text)
    expected = _KARAOKE_TEXT.fullmatch(text) is not None and stamps == sorted(stamps)
    if stamps:
        expected = expected and stamps[-1] <= "00:00:10.000"
    assert _clean_karaoke(0, 10_000, CueView(Cue(0, 10_000, text), 0)) is expected


def test_findings_carry_file_lines() -> None:
    c = cue(0, 3, "Rad ett.\nTvå & tre.", identifier="id1")
    c = c.with_changes(line=10)
    (found,) = of(run([c]), "VTT-ESC-01")
    assert found.line == 13  # 10 id, 11 timing, 12 first text line, 13 second
    assert found.cue_uid == c.uid
