"""Find and replace over a document, without widgets: matching options, wrapping, scope."""

from __future__ import annotations

import pytest

from captionreview.core.document import Document
from captionreview.core.search import Match, SearchOptions, find_next, replace_all

TEXT = """WEBVTT

00:00:01.000 --> 00:00:02.000
Tillväxt och tillväxtverket

00:00:03.000 --> 00:00:04.000
inget här

00:00:05.000 --> 00:00:06.000
TILLVÄXT igen, tillväxt
"""


@pytest.fixture
def doc() -> Document:
    return Document.from_text(TEXT)


def test_plain_search_ignores_case_and_wraps_around(doc):
    pattern = SearchOptions("tillväxt").compile()
    assert find_next(doc, pattern, 0, 0) == Match(0, 0, 8)
    assert find_next(doc, pattern, 0, 8) == Match(0, 13, 21)
    assert find_next(doc, pattern, 0, 20) == Match(2, 0, 8)
    assert find_next(doc, pattern, 2, 23) == Match(0, 0, 8)
    assert find_next(doc, pattern, 0, 0, backwards=True) == Match(2, 15, 23)


def test_match_case_and_whole_word_with_swedish_letters(doc):
    word = SearchOptions("tillväxt", whole_word=True).compile()
    hits = {find_next(doc, word, 0, 0), find_next(doc, word, 0, 8), find_next(doc, word, 2, 8)}
    assert Match(0, 13, 21) not in hits  # "tillväxtverket" is another word
    cased = SearchOptions("TILLVÄXT", match_case=True).compile()
    assert find_next(doc, cased, 0, 0) == Match(2, 0, 8)


def test_search_in_selected_cues_only(doc):
    pattern = SearchOptions("tillväxt").compile()
    assert find_next(doc, pattern, 0, 0, indices=[2]) == Match(2, 0, 8)
    assert find_next(doc, pattern, 0, 0, indices=[1]) is None
    assert find_next(doc, pattern, 0, 0, indices=[]) is None


def test_replace_all_counts_and_is_one_undo_step(doc):
    occurrences, cues = replace_all(doc, SearchOptions("tillväxt", whole_word=True), "växande")
    assert (occurrences, cues) == (3, 2)
    assert doc.cues[0].text == "växande och tillväxtverket"
    assert doc.cues[2].text == "växande igen, växande"
    assert doc.undo_description == "Replace all “tillväxt”"
    doc.undo()
    assert doc.text() == TEXT


def test_regex_groups_and_bad_patterns(doc):
    options = SearchOptions(r"(\w+)växt(\w*)", regex=True, match_case=True)
    assert replace_all(doc, options, r"\1-växt\2", indices=[0]) == (2, 1)
    assert doc.cues[0].text == "Till-växt och till-växtverket"
    with pytest.raises(ValueError, match="regular expression"):
        SearchOptions("(", regex=True).compile()
    with pytest.raises(ValueError, match="does not fit"):
        replace_all(doc, SearchOptions("(inget)", regex=True), r"\2")
    with pytest.raises(ValueError, match="Type something"):
        SearchOptions("").compile()


def test_replacement_text_is_escaped_like_typing(doc):
    replace_all(doc, SearchOptions("och"), "& <")
    assert doc.cues[0].text == "Tillväxt &amp; &lt; tillväxtverket"
