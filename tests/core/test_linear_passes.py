"""Passes over cue text stay linear: the tag scanner, the report's rows, the finding lines."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError, replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captionreview.core.checks.base import CueView, breaks_before
from captionreview.core.model import Cue, Finding, Severity, new_finding
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.report import CONTEXT_CHARS, ReportInput, render_report
from captionreview.core.vtt.cuetext import plain_text, split_at_tags, strip_tags, tag_spans
from captionreview.core.words.spelling import plain_with_offsets, visible_text

# The pattern the tag scanner replaces: same tags, but quadratic on a line of '<' without '>'.
OLD_TAG_RE = re.compile(r"<[^>\n]*>")


@given(st.text(alphabet="<>\na b/.", max_size=60))
def test_the_tag_scanner_finds_what_the_old_pattern_found(text: str) -> None:
    assert list(tag_spans(text)) == [m.span() for m in OLD_TAG_RE.finditer(text)]
    assert strip_tags(text) == OLD_TAG_RE.sub("", text)


@given(st.text(alphabet="a\n", max_size=40), st.integers(0, 45))
def test_breaks_before_counts_the_line_breaks(text: str, pos: int) -> None:
    assert breaks_before(text, pos) == text.count("\n", 0, pos)


def test_a_report_row_shows_a_window_of_the_cue_around_its_finding() -> None:
    text = " ".join(f"ord{k}" for k in range(5000))
    cue = Cue(0, 4000, text)
    at = text.index("ord2500")
    findings = [
        Finding("SPELL-01", Severity.WARN, "x", 0, cue.uid, (at + 8 * k, at + 8 * k + 7))
        for k in range(200)
    ]
    page = render_report(ReportInput("x.vtt", [cue], [], findings, DEFAULT_PROFILE))
    assert "<mark>ord2500</mark>" in page
    # 200 rows of a 34 KB cue: each row holds the window, not the cue.
    assert len(page) < 200 * (2 * CONTEXT_CHARS + 400) + 20_000
    assert "ord0 " not in page


@given(st.text(alphabet="<>\n&;#x1amp b", max_size=60))
def test_visible_text_skips_markup_as_the_old_pattern_did(text: str) -> None:
    old = re.compile(OLD_TAG_RE.pattern + r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
    expected = old.sub(lambda m: "" if m.group(0)[0] == "<" else plain_text(m.group(0)), text)
    assert visible_text(text) == expected == plain_with_offsets(text).text


@given(st.text(alphabet="<>\n&;amp b", max_size=60))
def test_visible_spans_map_back_as_with_the_old_pattern(text: str) -> None:
    pieces = split_at_tags(text)
    assert "".join(pieces) == text
    assert "".join(pieces[0::2]) == OLD_TAG_RE.sub("", text)
    assert [tag for run in pieces[1::2] for tag in OLD_TAG_RE.findall(run)] == OLD_TAG_RE.findall(
        text
    )
    assert all(OLD_TAG_RE.sub("", run) == "" for run in pieces[1::2])
    view = CueView(Cue(0, 1000, text), 0)
    for k in range(len(view.plain)):
        start, end = view.raw_span(k, k + 1)
        assert 0 <= start < end <= len(text)


@given(st.text(alphabet="<>\nab/", max_size=60))
def test_each_visible_character_of_tagged_text_maps_to_itself(text: str) -> None:
    view = CueView(Cue(0, 1000, text), 0)
    assert view.plain == strip_tags(text)
    for k in range(len(view.plain)):
        start, end = view.raw_span(k, k + 1)
        assert text[start:end] == view.plain[k]


@given(st.text(alphabet="<>\nab/", max_size=60), st.integers(0, 65), st.integers(0, 65))
def test_a_span_before_the_first_tag_maps_back_as_through_the_run_table(
    text: str, start: int, end: int
) -> None:
    view = CueView(Cue(0, 1000, text), 0)
    if not view.has_markup:
        expected = (start, end)
    elif start >= len(view.plain):
        expected = (len(text), len(text))
    else:
        first = view._raw_index(start)
        last = view._raw_index(min(end, len(view.plain)) - 1) + 1 if end > start else first
        expected = (first, last)
    assert view.raw_span(start, end) == expected


@given(st.text(alphabet="a<>\n", max_size=40), st.integers(0, 45))
def test_a_cue_view_counts_the_line_breaks_before_an_offset(text: str, pos: int) -> None:
    view = CueView(Cue(0, 1000, text), 0)
    assert view.breaks_before(pos) == text.count("\n", 0, pos)


def test_the_quick_finding_maker_makes_the_same_finding_as_the_constructor() -> None:
    for values in (
        ("LAY-01", Severity.WARN, "m", 3, 7, (1, 2), "s", 12),
        ("ASR-18", Severity.INFO, "m", 3, 7, (1, 2), "", 12, 100, 200, 0.8),
        ("VTT-HDR-02", Severity.ERROR, "m"),
    ):
        made = new_finding(*values)  # type: ignore[arg-type]
        built = Finding(*values)  # type: ignore[arg-type]
        assert type(made) is Finding
        assert made == built
        assert hash(made) == hash(built)
        assert repr(made) == repr(built)
        assert replace(made, line=1) == replace(built, line=1)
        with pytest.raises(FrozenInstanceError):
            made.line = 1  # type: ignore[misc]
