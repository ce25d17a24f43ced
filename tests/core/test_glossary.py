"""The names glossary: file format, near misses by spelling, by sound and in split form."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.words.glossary import (
    Glossary,
    GlossaryError,
    edit_distance,
    sound_distance,
    sound_key,
)
from captionreview.core.words.spelling import Speller

TERMS = [
    "# People",
    "Grünewald",
    "Anna Södergren",
    "Södergren",
    "# Organisations",
    "Tillväxtverket",
    "Västra Götalandsregionen",
    "Sahlgrenska",
    "Malmö",
    "fel ord => Rätt Ord",
]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.from_lines(TERMS)


@pytest.fixture(scope="module")
def is_word() -> Speller:
    return Speller("sv", personal_path=Path("/nonexistent/personal.txt"))


def misses(glossary: Glossary, text: str, speller: Speller | None = None) -> list[tuple[str, str]]:
    found = glossary.near_misses(text, is_word=speller.check if speller else None)
    for miss in found:
        assert text[miss.span[0] : miss.span[1]] == miss.found
    return [(m.found, m.term) for m in found]


def test_file_format_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text("\ufeff# Names\nGrünewald   # professor\n\ngrön vall => Grünewald\n", "utf-8")
    glossary = Glossary.load(path)
    assert glossary.terms == ["Grünewald"]
    assert glossary.corrections == {"grön vall": "Grünewald"}
    assert glossary.add_correction("söder gren", "Södergren")
    assert not glossary.add_correction("söder gren", "Södergren")
    assert glossary.add_term("Tillväxtverket")
    assert not glossary.add_term("tillväxtverket")
    glossary.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Names\nGrünewald   # professor\n\ngrön vall => Grünewald\n")
    assert text.endswith("söder gren => Södergren\nTillväxtverket\n")
    again = Glossary.load(path)
    assert again.terms == ["Grünewald", "Södergren", "Tillväxtverket"]
    assert again.corrections["söder gren"] == "Södergren"


def test_bad_lines_are_reported_not_fatal() -> None:
    glossary = Glossary.from_lines(["Grünewald", "=> Nothing", "wrong =>"])
    assert glossary.terms == ["Grünewald"]
    assert [p.line for p in glossary.problems] == [2, 3]


def test_unreadable_files_give_a_plain_message(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="not found"):
        Glossary.load(tmp_path / "missing.txt")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Malmö\nGötaland\n".encode("cp1252"))
    with pytest.raises(GlossaryError, match=r"line 1: the glossary is not UTF-8"):
        Glossary.load(latin1)
    with pytest.raises(GlossaryError, match="no file yet"):
        Glossary.from_lines(["x"]).save()


def test_split_forms_are_found(glossary: Glossary) -> None:
    assert misses(glossary, "fördelar till växt verket pengar") == [
        ("till växt verket", "Tillväxtverket")
    ]
    assert misses(glossary, "enligt anna söder gren på") == [("anna söder gren", "Anna Södergren")]
    assert misses(glossary, "doktor söder gren") == [("söder gren", "Södergren")]
    acronyms = Glossary.from_lines(["VGR"])
    assert misses(acronyms, "hos v g r i dag") == [("v g r", "VGR")]
    assert misses(acronyms, "hos VGR och vgr i dag, v g") == []
    assert misses(glossary, "i västra götalands regionen") == [
        ("västra götalands regionen", "Västra Götalandsregionen")
    ]


def test_sound_alike_names_are_found(glossary: Glossary, is_word: Speller) -> None:
    assert misses(glossary, "professor grön vall har visat", is_word) == [
        ("grön vall", "Grünewald")
    ]
    assert misses(glossary, "professor Grynewald", is_word) == [("Grynewald", "Grünewald")]
    assert misses(glossary, "på Salgrenska", is_word) == [("Salgrenska", "Sahlgrenska")]


def test_spelling_near_misses_are_found(glossary: Glossary) -> None:
    assert misses(glossary, "Grunewald och Södergrén") == [
        ("Grunewald", "Grünewald"),
        ("Södergrén", "Södergren"),
    ]


def test_known_corrections_are_found(glossary: Glossary) -> None:
    assert misses(glossary, "Det blev Fel ord här") == [("Fel ord", "Rätt Ord")]


def test_correct_terms_are_never_flagged(glossary: Glossary, is_word: Speller) -> None:
    text = (
        "Grünewald och grünewald, Anna Södergren på Tillväxtverket i Västra Götalandsregionen; "
        "i Södergren, TILLVÄXTVERKET, Sahlgrenska och Malmö"
    )
    assert misses(glossary, text, is_word) == []


def test_ordinary_words_near_short_terms_are_not_flagged(
    glossary: Glossary, is_word: Speller
) -> None:
    assert misses(glossary, "malm och malt, grön gräsmatta, vall och söder", is_word) == []


def test_sound_key_merges_swedish_spellings() -> None:
    pairs = [
        ("Philip", "Filip"),
        ("Wallin", "Vallin"),
        ("Lundqvist", "Lundkvist"),
        ("Eriksson", "Erikson"),
        ("Kjell", "Tjell"),
        ("Schön", "Sjön"),
        ("Gerd", "Jerd"),
        ("Nyström", "Nüström"),
    ]
    for a, b in pairs:
        assert sound_key(a) == sound_key(b), (a, b)
    assert sound_key("Kalle") != sound_key("Kjell")


def test_distances() -> None:
    assert edit_distance("södergren", "södregren", 2) == 1  # transposition
    assert edit_distance("abc", "xyz", 1) == 2  # capped above the limit
    assert sound_distance(sound_key("grön vall"), sound_key("Grünewald"), 2.0) <= 1.0
    assert sound_distance(sound_key("kalle"), sound_key("pelle"), 1.0) > 1.0


def test_spell_check_knows_the_words_of_terms(glossary: Glossary) -> None:
    assert glossary.knows_word("södergren")
    assert glossary.knows_word("Götalandsregionen")
    assert not glossary.knows_word("Göteborg")
    assert "tillväxtverket" in glossary
    assert len(glossary) == 8


def _plain_sound_distance(a: str, b: str) -> float:
    """The weighted edit distance without bands or early exits, to check the fast one."""
    from captionreview.core.words.glossary import _indel_cost, _sub_cost

    prev = [0.0]
    for ch in b:
        prev.append(prev[-1] + _indel_cost(ch))
    for x in a:
        cur = [prev[0] + _indel_cost(x)]
        for j, y in enumerate(b):
            cur.append(
                min(
                    prev[j + 1] + _indel_cost(x), cur[j] + _indel_cost(y), prev[j] + _sub_cost(x, y)
                )
            )
        prev = cur
    return prev[-1]


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="abdefgiklmnorstuvyäö#ç", max_size=10),
    st.text(alphabet="abdefgiklmnorstuvyäö#ç", max_size=10),
    st.sampled_from([0.0, 0.5, 1.0, 2.0]),
)
def test_fast_sound_distance_agrees_within_its_limit(a: str, b: str, limit: float) -> None:
    exact = _plain_sound_distance(a, b)
    fast = sound_distance(a, b, limit)
    if exact <= limit:
        assert fast == pytest.approx(exact)
    else:
        assert fast > limit
