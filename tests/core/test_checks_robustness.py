"""Any cue content, however broken, is reported on, never a crash; spans stay inside the text;
fixes never produce cues that break the rules they fix."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from captionreview.core.checks import check_cues
from captionreview.core.checks.asr import _may_have_blank_line
from captionreview.core.checks.base import CueView
from captionreview.core.checks.fixes import FIXES
from captionreview.core.checks.registry import (
    CueKey,
    FileStats,
    _has_punctuation,
    cue_key,
    in_cue_order,
)
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.profiles import BUILTIN_PROFILES
from captionreview.core.vtt.cuetext import plain_text

PIECES = st.sampled_from(
    [
        "a",
        "Å",
        " ",
        "  ",
        "\n",
        "\n\n",
        ".",
        "...",
        "–",
        "-",
        "&",
        "&amp;",
        "&nbsp;",
        "&#",
        "<",
        ">",
        "<i>",
        "</i>",
        "<b>",
        "<v Anna>",
        "<v>",
        "<c.colorE5E5E5>",
        "</c>",
        "<00:00:01.000>",
        "<00:0",
        "[Musik]",
        "[ __ ]",
        "(Skratt)",
        "%",
        "€",
        "1,000",
        "3.5",
        "12",
        "34175",
        "t.ex.",
        "\x00",
        "\ufffd",
        "-->",
        '"',
        "och",
        "\xa0",
    ]
)
TEXT = st.lists(PIECES, max_size=12).map("".join)
SETTINGS = st.lists(
    st.sampled_from(
        [
            "align:middle",
            "align:start",
            "position:0%",
            "position:50%,middle",
            "line:-1",
            "size:120%",
            "region:x",
            "foo",
            "vertical:rl",
            ":",
            "line:",
        ]
    ),
    max_size=4,
).map(" ".join)
CUE = st.builds(
    Cue,
    start_ms=st.integers(-1000, 20_000),
    end_ms=st.integers(-1000, 20_000),
    text=TEXT,
    identifier=st.sampled_from(["", "", "1", "1", "a-->b"]),
    settings=SETTINGS,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(CUE, max_size=8), st.sampled_from(sorted(BUILTIN_PROFILES)))
def test_any_cues_are_checked_without_crashing(cues: list[Cue], name: str) -> None:
    profile = BUILTIN_PROFILES[name]
    findings = check_cues(cues, profile, metadata={"Kind": "captions"}, regions=set())
    for finding in findings:
        if finding.cue_index is None:
            continue
        text = cues[finding.cue_index].text
        if finding.span is not None:
            start, end = finding.span
            assert 0 <= start <= end <= len(text), (finding, text)
    for fix in FIXES:
        changes = fix.compute(cues, profile, None)
        for index, cue in changes.items():
            assert cue.uid == cues[index].uid
            assert cue.end_ms > cue.start_ms or cue.duration_ms == cues[index].duration_ms


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_visible_positions_map_back_to_their_markup(text: str) -> None:
    # A tag inside a character reference ("&#<i>1") makes a reference only once the tag is
    # gone; no span of the source can show that character, so such text is left out.
    assume(re.search(r"&[#\w]*<", text) is None)
    view = CueView(Cue(0, 1000, text), 0)
    for position, char in enumerate(view.plain):
        start, end = view.raw_span(position, position + 1)
        piece = text[start:end]
        assert char in plain_text(piece), (text, position, piece)


@given(st.text(alphabet=" \t\xa0\na.…?", max_size=30))
def test_the_substring_screens_pass_every_text_the_patterns_would_find_something_in(
    text: str,
) -> None:
    if len(text.split("\n")) >= 2 and re.search(r"^[ \t\xa0]*$", text, re.M):
        assert _may_have_blank_line(text)
    assert _has_punctuation(text) is (re.search(r"[.?!,;:]", text) is not None)


_KEYS = st.builds(
    CueKey,
    st.sampled_from(["", "1", "2", "a"]),
    st.sampled_from(["start", "center", "end"]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


@given(st.lists(_KEYS, max_size=12))
def test_the_file_counters_of_a_full_check_are_those_of_adding_each_cue(keys: list[CueKey]) -> None:
    added = FileStats()
    for key in keys:
        added.add(key)
    at_once = FileStats.of(keys)
    assert (at_once.ids, at_once.alignments) == (added.ids, added.alignments)
    assert (at_once.youtube, at_once.lettered, at_once.flat) == (
        added.youtube,
        added.lettered,
        added.flat,
    )


_PLACED = st.builds(
    Finding, st.sampled_from(["A", "B"]), st.just(Severity.INFO), st.just("m"), st.integers(0, 5)
)


@given(
    st.lists(_PLACED, max_size=20),
    st.lists(
        st.one_of(_PLACED, st.builds(Finding, st.just("F"), st.just(Severity.WARN), st.just("w"))),
        max_size=80,
    ),
)
def test_file_wide_findings_go_in_as_a_stable_sort_would_put_them(
    local: list[Finding], wide: list[Finding]
) -> None:
    local.sort(key=lambda f: f.cue_index)
    placed = [f for f in wide if f.cue_index is not None]
    expected = [f for f in wide if f.cue_index is None] + sorted(
        local + placed, key=lambda f: f.cue_index
    )
    merged = in_cue_order(local, wide)
    assert [id(f) for f in merged] == [id(f) for f in expected]


def test_a_cue_key_is_the_named_tuple_its_constructor_makes() -> None:
    cue = Cue(0, 1000, "hej du", "7", "align:start")
    key = cue_key(cue, CueView(cue, 0))
    assert type(key) is CueKey
    assert key == CueKey("7", "start", False, True, True)
    assert (key.identifier, key.alignment, key.flat) == ("7", "start", True)
