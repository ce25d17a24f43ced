"""Word flags an editor can trust on mixed Swedish–English text (issue 13): no false alarms on
written English, names, abbreviations and clause-final pronouns, with the real Hunspell
dictionaries and the real wordfreq lists."""

from __future__ import annotations

from captionreview.core.model import Cue, Finding
from captionreview.core.words.flags import find_flags


def cues_of(*texts: str) -> list[Cue]:
    return [Cue(i * 2000, i * 2000 + 1800, text) for i, text in enumerate(texts)]


def flags_of(*texts: str) -> list[Finding]:
    return find_flags(cues_of(*texts), language="sv", glossary=None, suggestions=False)


def flagged_words(*texts: str, rule: str = "SPELL-01") -> list[str]:
    """The words ``rule`` flags in the cues, in order."""
    cues = cues_of(*texts)
    return [
        cues[f.cue_index].text[f.span[0] : f.span[1]]
        for f in find_flags(cues, language="sv", glossary=None, suggestions=False)
        if f.rule == rule and f.cue_index is not None and f.span is not None
    ]


def test_english_words_hunspell_lacks_but_english_text_uses_are_not_flagged_in_english() -> None:
    # Neither dictionary has "submenu", "menubar" or "grayscale"; wordfreq's English list does.
    english = (
        "You can access this submenu from the image menubar.",
        "It turns the image into a grayscale representation.",
    )
    assert flagged_words(*english) == []


def test_common_english_misspellings_are_still_flagged_though_wordfreq_counts_them() -> None:
    # wordfreq has "recieve" and "seperate" (Zipf ~2.8): "receive" is 100 times commoner.
    found = flagged_words("You will recieve the files.", "Keep them in a seperate folder.")
    assert found == ["recieve", "seperate"]


def test_an_english_word_hunspell_lacks_is_not_taken_as_english_in_a_swedish_sentence() -> None:
    # Only an English sentence makes a word English that no dictionary has.
    assert flagged_words("Vi öppnar sedan en submenu här.") == ["submenu"]


def test_de_after_a_preposition_is_flagged_at_a_clause_end_not_at_a_cue_end() -> None:
    # A caption line breaks mid-phrase: "bryggor mellan de | två kulturerna".
    assert flagged_words("Det finns bryggor mellan de", "två kulturerna.", rule="ASR-12") == []
    assert flagged_words("Vi pratade länge med de.", rule="ASR-12") == ["de"]


def test_names_real_text_uses_are_not_flagged_inside_a_sentence() -> None:
    # Hunspell-sv lacks them; wordfreq has "rosenbaum" and "fidonet" (Zipf ~2 and ~1.6).
    assert flagged_words("En journalist som hette Ron Rosenbaum skrev", "om nätet Fidonet.") == []


def test_misspelt_names_are_flagged_though_wordfreq_counts_the_misspelling() -> None:
    # wordfreq has "stockolm" and "sverge" (Zipf 1.5, 2.1); "Stockholm" and "Sverige" one
    # letter away are hundreds of times commoner.
    assert flagged_words("Vi åkte till Stockolm och", "sedan genom Sverge.") == [
        "Stockolm",
        "Sverge",
    ]


def test_a_capital_at_a_sentence_start_is_no_evidence_of_a_name() -> None:
    # "branchen" for "branschen" is common enough for wordfreq (Zipf 3).
    assert flagged_words("Det är så. Branchen kallar det kapital.") == ["Branchen"]


def test_a_short_name_the_english_dictionary_has_is_not_flagged() -> None:
    assert flagged_words("Joe var blind, men Joe kunde vissla.") == []


def test_abbreviations_written_as_swedish_allows_are_not_flagged() -> None:
    # Periods, spaces for them (Svenska skrivregler), or a one-part one without its period.
    assert flagged_words("Man utgav bl a tidningen, AT&T m fl använde", "dvs komradio osv.") == []


def test_an_abbreviation_run_together_gets_its_periods_as_the_fix() -> None:
    cues = cues_of("Det var den sk konferensen", "med tex kaffe")
    found = [
        (f.rule, f.suggestion)
        for f in find_flags(cues, language="sv", glossary=None, suggestions=True)
    ]
    assert found == [("SPELL-01", "s.k."), ("SPELL-01", "t.ex.")]


def test_the_english_tail_of_a_sentence_in_its_own_cue_is_english() -> None:
    # The cue holds no Swedish word: "the" is English there ("image" is in both dictionaries).
    assert flagged_words("This filter changes the colors of", "the image.") == []
    # Among Swedish words a lone "the" is still no Swedish.
    assert flagged_words("Sedan ser vi på the bilden.") == ["the"]


def test_english_words_with_swedish_endings_are_not_flagged() -> None:
    # Swedish speech inflects loans; Hunspell-sv lacks these forms, the stems are English.
    assert flagged_words("Det var många phreakare och", "routrar och switchar i frameworket.") == []


def test_a_swedish_misspelling_that_looks_like_an_english_stem_with_an_ending_is_flagged() -> None:
    # "branch" is English, but "branschen" is one letter away: a misspelling of it.
    assert flagged_words("I branchen kallar vi det kapital.") == ["branchen"]


def test_a_typo_that_is_a_one_word_abbreviation_without_its_period_is_still_flagged() -> None:
    # "ill." (illustration) is in the dictionary; "ill" here is "till" missing its t.
    assert flagged_words("för att hänvisa ill denna post.") == ["ill"]


def test_a_number_before_a_misspelt_word_does_not_make_it_an_abbreviation() -> None:
    # "2.anegr." is no abbreviation: a run of parts is of words, not digits.
    assert flagged_words("Raden 2 COUR anegr vid vilken domstol") == ["anegr"]


def test_a_typo_of_a_name_is_flagged_though_the_frequency_lists_floor_holds_it() -> None:
    # wordfreq has "crtl" (Zipf ~1.1) one swap from "Ctrl", which Hunspell-sv has;
    # "skaha" is at the list's floor, where typos and fragments are.
    assert flagged_words("Håll ner Crtl och sedan", "åker vi till Skaha igen.") == [
        "Crtl",
        "Skaha",
    ]
