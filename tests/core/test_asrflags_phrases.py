"""Särskrivning (ASR-11) leaves correct Swedish phrases alone (issue 13): modal verbs, words
that do not inflect as nouns, a measure after an indefinite article, fixed phrases Hunspell-sv
does not join, present participles; with the real Hunspell-sv dictionary and wordfreq lists."""

from __future__ import annotations

import pytest

from captionreview.core.model import Cue
from captionreview.core.words.flags import find_flags


def joined_words(text: str) -> list[str | None]:
    """The joined words ASR-11 offers for one cue."""
    cue = Cue(0, 1800, text)
    found = find_flags([cue], language="sv", glossary=None, suggestions=False)
    return [f.suggestion for f in found if f.rule == "ASR-11"]


@pytest.mark.parametrize("text", ["du bör lära dig kortkommandot", "man bör lära sig språket"])
def test_a_modal_verb_before_an_infinitive_is_no_split_compound(text: str) -> None:
    # Hunspell-sv reads "bör" only with an affix flag plural nouns share: "börslära" was offered.
    assert joined_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "det finns en katalog per version",  # a preposition (wordfreq has "perversion")
        "vi kunde ringa gratis telefonsamtal",  # an indeclinable adjective
        "de åt gratis lunch hela veckan",
        "de slog ihjäl tid på stationen",  # an adverb
    ],
)
def test_a_word_that_does_not_inflect_as_a_noun_makes_a_phrase_before_a_noun(text: str) -> None:
    assert joined_words(text) == []


@pytest.mark.parametrize(
    ("text", "joined"),
    [("han har ett extra jobb på helgen", "extrajobb"), ("vi spelade inne bandy", "innebandy")],
)
def test_such_a_word_is_still_joined_when_wordfreq_knows_the_compound(
    text: str, joined: str
) -> None:
    assert joined_words(text) == [joined]


@pytest.mark.parametrize(
    "text",
    [
        "hon köpte en liten uppsättning verktyg",  # "en" takes no plural compound
        "det var en grupp studenter där",
        "han skrev en lång serie böcker",  # "böcker": a plural the dictionary lists apart
        "vi tog en serie prov",  # "en" takes no neuter compound ("provet")
    ],
)
def test_a_measure_after_an_indefinite_article_is_no_split_compound(text: str) -> None:
    assert joined_words(text) == []


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("han köpte ett data program", "dataprogram"),  # "ett" and a neuter singular
        ("hon köpte en ny data skärm", "dataskärm"),  # "en" and a common singular
        ("det fanns ingen data lärare heller", "datalärare"),
        # A genitive takes the article of its noun; "lärare" is "lära" with the flag of -are.
        ("det var en data lärares lön", "datalärares"),
    ],
)
def test_a_split_compound_that_agrees_with_its_article_is_still_flagged(
    text: str, joined: str
) -> None:
    assert joined_words(text) == [joined]


def test_a_fixed_phrase_hunspell_does_not_join_is_not_offered_as_its_misspelling() -> None:
    # wordfreq counts "tackvare" (Zipf 2.4), but Hunspell-sv lets no compound end in "vare".
    assert joined_words("tack vare hjälpen klarade vi det") == []


def test_a_present_participle_after_a_noun_is_no_split_compound() -> None:
    # "motsvarande" heads its own phrase: "examensmotsvarande" was offered.
    assert joined_words("hon har en examen motsvarande tre terminer") == []


@pytest.mark.parametrize(
    "text", ["skriv namnet här", "tryck knappen två gånger", "bra data styr besluten"]
)
def test_a_verb_stem_before_a_definite_noun_is_a_verb_and_its_object(text: str) -> None:
    # Hunspell-sv reads "skriv", "tryck", "styr" as the stems of "skriva", "trycka", "styra"
    # (the J flag): an imperative, or the present of a verb in -ra, not an indefinite noun.
    assert joined_words(text) == []


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("använd en sök motor", "sökmotor"),  # wordfreq knows the compound
        ("han satt vid skriv bordet", "skrivbordet"),
        ("vi köpte en skriv are", "skrivare"),  # "are" is no word: any form may follow "en"
    ],
)
def test_a_verb_stem_still_begins_compounds_wordfreq_knows(text: str, joined: str) -> None:
    assert joined_words(text) == [joined]
