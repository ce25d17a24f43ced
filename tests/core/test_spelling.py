"""Spell checking against the real Debian Hunspell dictionaries (hunspell-sv, hunspell-en-us)."""

from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.words import spelling
from captionreview.core.words.spelling import (
    Speller,
    SpellerUnavailable,
    language_code,
    plain_with_offsets,
    tokenize,
    tokenize_plain,
)


@pytest.fixture
def sv(tmp_path: Path) -> Speller:
    return Speller("sv", personal_path=tmp_path / "personal-sv.txt")


def test_swedish_words_and_compounds_are_accepted(sv: Speller) -> None:
    for word in ("Tillväxtverket", "regionstyrelsen", "sjuksköterska", "öppenvårdsmottagning"):
        assert sv.check(word), word


def test_swedish_misspellings_are_rejected_with_the_right_suggestion(sv: Speller) -> None:
    assert not sv.check("sjukskötersk")
    assert "sjuksköterska" in sv.suggest("sjukskötersk")
    assert not sv.check("regionstyrelssen")
    assert "regionstyrelsen" in sv.suggest("regionstyrelssen")


def test_numbers_acronyms_and_joined_forms_are_not_mistakes(sv: Speller) -> None:
    for word in ("2024", "3D", "80s", "2:a", "VGR", "SVT:s", "hälso-", "e-post", "t.ex."):
        assert sv.check(word), word
    assert not sv.check("VGRXYZWQ")  # too long for an acronym


def test_english_dictionary(tmp_path: Path) -> None:
    en = Speller("en-GB", personal_path=tmp_path / "p.txt")
    assert en.language == "en"
    assert en.check("captions")
    assert not en.check("teh")
    assert "the" in en.suggest("teh")


def test_personal_words_are_kept_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "words" / "personal-sv.txt"
    first = Speller("sv", personal_path=path)
    assert not first.check("Lindqvistska")
    first.add_personal("Lindqvistska")
    assert first.check("Lindqvistska")
    assert path.read_text(encoding="utf-8") == "Lindqvistska\n"
    second = Speller("sv", personal_path=path)
    assert second.check("Lindqvistska")
    assert second.check("LINDQVISTSKA")
    assert "Lindqvistska" in second.personal_words


def test_default_personal_list_lives_in_user_data(tmp_path: Path) -> None:
    path = spelling.default_personal_path("sv-SE")
    assert path.name == "personal-sv.txt"
    assert "captionreview" in path.parts


def test_ignore_lasts_only_for_the_session(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    speller = Speller("sv", personal_path=path)
    assert not speller.check("Grunnevald")
    speller.ignore("Grunnevald")
    assert speller.check("Grunnevald")
    assert not Speller("sv", personal_path=path).check("Grunnevald")
    assert not path.exists()


def test_missing_dictionary_names_the_debian_package(tmp_path: Path) -> None:
    with pytest.raises(SpellerUnavailable, match="hunspell-sv"):
        Speller("sv", dictionary_dirs=[tmp_path])
    with pytest.raises(SpellerUnavailable, match="No spelling dictionary is known for language"):
        Speller("xx")


def test_missing_library_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_library(name: str) -> None:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(spelling, "_library", None)
    monkeypatch.setattr(spelling, "_handles", {})
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(ctypes, "CDLL", no_library)
    with pytest.raises(SpellerUnavailable, match=r"libhunspell-1\.7-0"):
        Speller("sv")


def test_language_codes() -> None:
    assert language_code("sv-SE") == "sv"
    assert language_code("sv_FI") == "sv"
    assert language_code("EN") == "en"
    assert language_code(None) == "sv"


def test_tokens_skip_markup_and_point_into_the_raw_text() -> None:
    raw = "<v Anna>Vi på <i>Tillväxtverket</i> &amp; VGR:s\nhälso- och sjukvård, t.ex. 11,8"
    tokens = tokenize(raw)
    assert [t.text for t in tokens] == [
        "Vi", "på", "Tillväxtverket", "VGR:s", "hälso-", "och", "sjukvård", "t.ex.", "11", "8",
    ]  # fmt: skip
    for tok in tokens:
        assert raw[tok.start : tok.end] == tok.text
    assert "Anna" not in [t.text for t in tokens]


def test_character_references_map_to_their_whole_source() -> None:
    raw = "Smörgås&nbsp;bord &lt;b&gt; café"
    plain = plain_with_offsets(raw)
    assert plain.text == "Smörgås\u00a0bord <b> café"
    assert plain.raw_span(7, 8) == (7, 13)
    words = tokenize(raw)
    assert [w.text for w in words] == ["Smörgås", "bord", "b", "café"]
    b = words[2]
    assert raw[b.start : b.end] == "b"


def test_misspelled_spans_are_in_the_raw_text(sv: Speller) -> None:
    raw = "<i>En sjukskötersk</i> på <b>regionstyrelssen</b>"
    bad = sv.misspelled(raw)
    assert [raw[t.start : t.end] for t in bad] == ["sjukskötersk", "regionstyrelssen"]


_PIECES = [*"ab åä.-'’:%12 \n<>/i&;#x", "<i>", "</i>", "&amp;", "&lt;", "&#233;", "<00:00:01.000>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_tokens_of_a_cue_of_one_run_of_text_match_the_general_mapping(raw: str) -> None:
    # PlainText.raw_span() shifts the offsets of a cue without markup instead of searching
    # its runs; the tokens must be those the run search (_start, _end) gives.
    plain = plain_with_offsets(raw)
    expected = [
        (
            m.group(0),
            plain._start(m.start()),
            plain._end(m.end() - 1),
            *m.span(),
            not any(c.isalpha() for c in m[0]),
        )
        for m in spelling._TOKEN_RE.finditer(plain.text)
    ]
    got = [(t.text, t.start, t.end, t.pstart, t.pend, t.is_number) for t in tokenize_plain(plain)]
    assert got == expected
