"""ASR word flags (QUALITY_RULES.md §5 TXT-09..11, §6 ASR-09..18) on real Hunspell dictionaries."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import captionreview
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.words.flags import FlagChecker, find_flags, next_suspicious
from captionreview.core.words.glossary import Glossary
from captionreview.core.words.spelling import Speller


@pytest.fixture(scope="module")
def speller(tmp_path_factory: pytest.TempPathFactory) -> Speller:
    return Speller("sv", personal_path=tmp_path_factory.mktemp("words") / "personal-sv.txt")


def cues_of(*texts: str) -> list[Cue]:
    return [Cue(i * 2000, i * 2000 + 1800, text) for i, text in enumerate(texts)]


def flagged(
    texts: list[str] | tuple[str, ...],
    speller: Speller,
    glossary: Glossary | None = None,
    rule: str | None = None,
) -> list[tuple[int, str, str, str | None]]:
    """(cue, rule, flagged text, suggestion) for every finding; spans checked against the cue."""
    cues = cues_of(*texts)
    result = []
    for f in find_flags(cues, language="sv", glossary=glossary, speller=speller):
        assert f.cue_index is not None and f.span is not None
        assert f.cue_uid == cues[f.cue_index].uid
        if rule is None or f.rule == rule:
            text = cues[f.cue_index].text[f.span[0] : f.span[1]]
            result.append((f.cue_index, f.rule, text, f.suggestion))
    return result


def apply(text: str, finding: Finding) -> str:
    assert finding.span is not None and finding.suggestion is not None
    return text[: finding.span[0]] + finding.suggestion + text[finding.span[1] :]


def test_split_compounds_are_flagged_with_the_joined_word(speller: Speller) -> None:
    found = flagged(
        ["region styrelsen har beslutat", "en sjuk sköterska", "vår kompetens försörjning"],
        speller,
        rule="ASR-11",
    )
    assert found == [
        (0, "ASR-11", "region styrelsen", "regionstyrelsen"),
        (1, "ASR-11", "sjuk sköterska", "sjuksköterska"),
        (2, "ASR-11", "kompetens försörjning", "kompetensförsörjning"),
    ]


def test_normal_phrases_are_not_split_compounds(speller: Speller) -> None:
    texts = [
        "Hon har en stor bil och ett litet hus vid sjön.",
        "I Helsingborg arbetar kommunen med tillitsbaserad styrning.",
        "Det gäller framför allt äldre personer som bor på landsbygden.",
        "En viktig del handlar om att ge medarbetarna mer inflytande.",
        "Personer med utländsk bakgrund upplever oftare problem.",
        "Det är en ökning jämfört med förra gången.",
        "God morgon! Vi åker tåg till Stockholm på måndag morgon.",
        "Vi har fått in svar från nästan fyra tusen personer.",
        "Anna Lindqvist och Karin Svensson kommer i dag.",
    ]
    assert flagged(texts, speller, rule="ASR-11") == []


def test_glossary_near_misses_get_the_term_as_fix(speller: Speller) -> None:
    glossary = Glossary.from_lines(["Grünewald", "Tillväxtverket", "Anna Södergren"])
    texts = [
        "professor grön vall har visat",
        "enligt anna söder gren på till växt verket",
        "Grünewald på Tillväxtverket",
    ]
    found = flagged(texts, speller, glossary)
    assert found == [
        (0, "ASR-09", "grön vall", "Grünewald"),
        (1, "ASR-09", "anna söder gren", "Anna Södergren"),
        (1, "ASR-09", "till växt verket", "Tillväxtverket"),
    ]


def test_glossary_fix_keeps_the_capital_of_a_sentence_start(speller: Speller) -> None:
    glossary = Glossary.from_lines(["regionstyrelsen"])
    found = flagged(["Region styrelsen har beslutat", "och region styrelsen"], speller, glossary)
    assert found == [
        (0, "ASR-09", "Region styrelsen", "Regionstyrelsen"),
        (1, "ASR-09", "region styrelsen", "regionstyrelsen"),
    ]


def test_a_lower_case_glossary_term_gets_a_capital_at_a_sentence_start(speller: Speller) -> None:
    glossary = Glossary.from_lines(["regionstyrelsen"])
    texts = [
        "region styrelsen har beslutat",
        "Mötet är slut. region styrelsen har beslutat",
        "och region styrelsen",
    ]
    assert flagged(texts, speller, glossary) == [
        (0, "ASR-09", "region styrelsen", "Regionstyrelsen"),
        (1, "ASR-09", "region styrelsen", "Regionstyrelsen"),
        (2, "ASR-09", "region styrelsen", "regionstyrelsen"),
    ]


def test_misspelled_words_get_hunspell_suggestions(speller: Speller) -> None:
    found = flagged(["Vår <i>sjukskötersk</i> kom"], speller)
    assert found == [(0, "SPELL-01", "sjukskötersk", "sjuksköterska")]


def test_words_of_glossary_and_personal_list_are_not_misspelled(tmp_path: Path) -> None:
    own = Speller("sv", personal_path=tmp_path / "p.txt")
    glossary = Glossary.from_lines(["Lindqvistska huset"])
    texts = ["Lindqvistska och Mälarsjöberg"]
    assert [f[2] for f in flagged(texts, own, glossary)] == ["Mälarsjöberg"]
    own.add_personal("Mälarsjöberg")
    assert flagged(texts, own, glossary) == []
    assert [f[:3] for f in flagged(texts, own, None)] == [(0, "SPELL-01", "Lindqvistska")]


def test_fillers_and_repeats_are_removed_by_their_fix(speller: Speller) -> None:
    cues = cues_of(
        "Det är, eh, viktigt och och bra",
        "Vi mäter 10 mm, öh.",
        "bra att vi ses",
        "ses igen i morgon",
        "Det det handlar om är hur vi vet.",
    )
    findings = [
        f
        for f in find_flags(cues, language="sv", glossary=None, speller=speller)
        if f.rule == "ASR-18"
    ]
    assert [(f.cue_index, f.severity) for f in findings] == [
        (0, Severity.INFO),
        (0, Severity.INFO),
        (1, Severity.INFO),
        (3, Severity.INFO),
    ]
    first = apply(cues[0].text, findings[1])
    assert apply(first, findings[0]) == "Det är, viktigt och bra"
    assert apply(cues[1].text, findings[2]) == "Vi mäter 10 mm."
    assert apply(cues[3].text, findings[3]) == "igen i morgon"


def test_soft_fillers_only_between_commas(speller: Speller) -> None:
    texts = ["Det var, liksom, svårt", "kommuner liksom regioner"]
    assert flagged(texts, speller, rule="ASR-18") == [(0, "ASR-18", "liksom, ", "")]


def test_numbers_written_english_style(speller: Speller) -> None:
    texts = [
        "arbetslösheten på 11.8%",
        "över 1,000 personer och 34,175,456 kronor",
        "klockan 10.30 och 12,5 procent",
        "under två tusen tjugo fyra",
        "vi har 3 mål och 25 deltagare i studio 2 på kl 9",
    ]
    found = flagged(texts, speller, rule="ASR-10")
    assert found == [
        (0, "ASR-10", "11.8%", "11,8 procent"),
        (1, "ASR-10", "1,000", "1\u00a0000"),
        (1, "ASR-10", "34,175,456", "34\u00a0175\u00a0456"),
        (3, "ASR-10", "två tusen tjugo fyra", "2024"),
        (4, "ASR-10", "3", "tre"),
    ]


def test_small_numbers_in_references_lists_and_headings_keep_their_digits(
    speller: Speller,
) -> None:
    texts = [
        "gå till nivå 2 och läs kapitel 3 enligt § 4",
        "posten. 2 Redigera källpost i databasen",
        "en rad 2 DATE och en 2 PLAC",
        "som du ställt in i Jack. 2.1.",
        "GNU GENERAL PUBLIC LICENSE 7.3.",
        "från version 3.0 och avsnitt 7.1 framåt",
        "vi såg 4 filmer och det ökade med 2.5.",
    ]
    assert flagged(texts, speller, rule="ASR-10") == [
        (6, "ASR-10", "4", "fyra"),
        (6, "ASR-10", "2.5", "2,5"),
    ]


def test_codes_suspended_parts_and_hyphenated_names_are_not_misspelled(speller: Speller) -> None:
    texts = [
        "variablerna LLDATABASES och I25 i TANDEMLÄGE",
        "alla person-, familje-, käll- och händelseposter",
        "med PageUp- och PageDown-tangenterna eller Skift-PageUp",
    ]
    assert flagged(texts, speller, rule="SPELL-01") == []


def test_compounds_hunspell_lacks_pass_but_misspellings_inside_them_do_not(
    speller: Speller,
) -> None:
    correct = ["i tvåpersonsfönstret", "en korsreferensnyckel", "använd brusborttagning"]
    assert flagged(correct, speller, rule="SPELL-01") == []
    wrong = ["i textredigerarea", "om kommunfullmäktge", "för lärarutbildnigen"]
    assert [found for _, _, found, _ in flagged(wrong, speller, rule="SPELL-01")] == [
        "textredigerarea",
        "kommunfullmäktge",
        "lärarutbildnigen",
    ]


def test_homophones_are_info_with_the_alternative_as_fix(speller: Speller) -> None:
    texts = [
        "kvinnor och men på landsbygden",
        "det var den ända chansen",
        "vart finns kaffet",
        "dom kommer snart",
        "vi ses men inte i dag",
    ]
    cues = cues_of(*texts)
    findings = [
        f
        for f in find_flags(cues, language="sv", glossary=None, speller=speller)
        if f.rule == "ASR-12"
    ]
    assert [f.cue_index for f in findings] == [0, 1, 2, 3]
    assert all(f.severity is Severity.INFO for f in findings)
    # "dom" may be "de" or "dem": only the reader can tell, so no single fix is offered.
    assert [f.suggestion for f in findings] == ["män", "enda", "var", None]


def test_a_homophone_fix_keeps_the_capital(speller: Speller) -> None:
    findings = find_flags(
        cues_of("Män vi ses i dag"), language="sv", glossary=None, speller=speller
    )
    assert [f.suggestion for f in findings if f.rule == "ASR-12"] == ["Men"]


def test_words_marked_with_lang_are_checked_in_their_language(speller: Speller) -> None:
    texts = [
        "Vi kallar det <lang en>continuous improvment</lang> på kliniken",
        "Hon sa <lang de>Guten Tag</lang> och gick",
    ]
    assert flagged(texts, speller, rule="SPELL-01") == [
        (0, "SPELL-01", "improvment", "improvement"),
    ]


def test_english_text_gets_english_rules(tmp_path: Path) -> None:
    en = Speller("en", personal_path=tmp_path / "p.txt")
    cues = cues_of("So, um, the the colour of teh house is 11.8%, very, very nice")
    rules = [
        (f.rule, cues[0].text[f.span[0] : f.span[1]])
        for f in find_flags(cues, language="en", glossary=None, speller=en)
        if f.span
    ]
    assert ("ASR-18", "um, ") in rules
    assert ("ASR-18", " the") in rules
    assert ("SPELL-01", "teh") in rules
    assert not any(text.strip(" ,") == "very" for _rule, text in rules)
    assert not any(rule in ("ASR-10", "ASR-11", "ASR-12") for rule, _ in rules)


def test_missing_dictionary_is_one_finding_not_a_crash() -> None:
    findings = find_flags(cues_of("och och"), language="de", glossary=None)
    assert findings[0].rule == "SPELL-00"
    assert "No spelling dictionary" in findings[0].message
    assert [f.rule for f in findings[1:]] == ["ASR-18"]


def test_one_cue_can_be_rechecked_alone(speller: Speller) -> None:
    cues = cues_of("bra att vi ses", "ses igen")
    checker = FlagChecker(language="sv", speller=speller)
    assert [f.rule for f in checker.check_cue(cues, 1)] == ["ASR-18"]
    assert checker.check_cue(cues, 0) == []


def test_next_suspicious_walks_in_order_and_wraps() -> None:
    def at(cue: int, start: int) -> Finding:
        return Finding("X", Severity.INFO, "m", cue, None, (start, start + 1))

    findings = [at(3, 0), at(1, 5), at(1, 2), Finding("Y", Severity.INFO, "file-wide")]
    assert next_suspicious(findings) == at(1, 2)
    assert next_suspicious(findings, after=(1, 2)) == at(1, 5)
    assert next_suspicious(findings, after=(1, 5)) == at(3, 0)
    assert next_suspicious(findings, after=(3, 0)) == at(1, 2)
    assert next_suspicious([], after=(0, 0)) is None


def _planted_found(cues: Sequence[Cue], planted: list[dict[str, Any]], flags: list[Finding]) -> int:
    found = 0
    for error in planted:
        text = cues[error["cue"]].text
        start = text.find(error["wrong"])
        assert start >= 0, error
        end = start + len(error["wrong"])
        found += any(
            f.cue_index == error["cue"] and f.span and f.span[0] < end and start < f.span[1]
            for f in flags
        )
    return found


def test_demo_lecture_planted_errors_are_found_with_few_false_alarms(demo_dir: Path) -> None:
    """Measure the flags on the demo: planted errors found, false alarms on the reference."""
    glossary = Glossary.load(demo_dir / "glossary.txt")
    auto = captionreview.load(demo_dir / "lecture.sv.vtt")
    reference = captionreview.load(demo_dir / "reference" / "lecture.sv.vtt")
    planted = [
        e
        for e in json.loads((demo_dir / "planted_errors.json").read_text("utf-8"))
        if e["kind"] != "timing"
    ]
    assert auto.language == "sv"
    with_glossary = find_flags(auto.cues, language=auto.language, glossary=glossary)
    without_glossary = find_flags(auto.cues, language=auto.language, glossary=None)
    found = _planted_found(auto.cues, planted, with_glossary)
    found_alone = _planted_found(auto.cues, planted, without_glossary)
    false_alarms = find_flags(reference.cues, language="sv", glossary=glossary)
    print(
        f"\ndemo lecture: {found} of {len(planted)} planted errors flagged with the glossary, "
        f"{found_alone} of {len(planted)} without it; {len(false_alarms)} false alarms on the "
        f"{len(reference.cues)}-cue reference "
        f"({'; '.join(f.message for f in false_alarms) or 'none'})"
    )
    assert len(planted) >= 10
    assert found >= 0.8 * len(planted)
    assert found_alone >= 0.6 * len(planted)
    assert len(false_alarms) <= max(2, len(reference.cues) // 10)


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=40),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40),
)
def test_covered_spans_answer_like_a_plain_scan(
    added: list[tuple[int, int]], asked: list[tuple[int, int]]
) -> None:
    from captionreview.core.words.flags import _Covered

    covered = _Covered()
    spans: list[tuple[int, int]] = []
    for start, length in added:
        covered.add((start, start + length))
        spans.append((start, start + length))
        for q_start, q_length in asked:
            query = (q_start, q_start + q_length)
            expected = any(a < query[1] and query[0] < b for a, b in spans)
            assert covered.overlaps(query) == expected


def suggestions_of(text: str, rule: str, glossary: Glossary | None = None) -> list[str | None]:
    """The suggestions of ``rule`` for one cue, with the shared dictionaries."""
    found = find_flags(cues_of(text), language="sv", glossary=glossary, suggestions=False)
    return [f.suggestion for f in found if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("under corona pandemin blev det svårt", "coronapandemin"),
        ("en hjärt transplantation tar tid", "hjärttransplantation"),
        ("han fick blod proppar i benen", "blodproppar"),
        ("sedan kom ukraina kriget", "Ukrainakriget"),
        ("vi gör en nu läges analys", "nulägesanalys"),
        ("de bor i ett lager hus", "lagerhus"),  # "lager" is a noun, though "laga" is a verb
        # "format" is a noun (formatet) as well as the participle of "forma".
        ("använd de etiketter och värde format som", "värdeformat"),
        # A first part with its linking -s, before a word: Hunspell lacks the joined word.
        ("detta kommando tar dig till tvåfamiljs fönstret", "tvåfamiljsfönstret"),
        # "lager" is no present tense: "laga" has "lagar" (lagade), so it is a bare noun.
        ("han var lager inventerare på firman", "lagerinventerare"),
    ],
)
def test_split_compounds_the_dictionary_lacks_are_flagged_with_the_joined_word(
    text: str, joined: str
) -> None:
    assert suggestions_of(text, "ASR-11") == [joined]


@pytest.mark.parametrize(
    "text",
    [
        "hur ekonomi påverkas av kriget",  # noun + passive verb
        "ställer in rätt volym på inspelningen",  # adjective + noun
        "Så första delen är att göra en profil",  # ordinal + noun
        "I Helsingborg arbetar kommunen med det",  # verb + noun
        "det var fler personer där",  # quantifier + noun
        # Adjectives in their base form, known by how they inflect or compare.
        "det finns små skillnader mellan dem",
        "de vann efter en hård match",
        "det är en allmän regel här",
        "hon har en egen bil nu",
        # A compound Hunspell lacks, then a word: no linking -s, so the compound ends there.
        "kör brusborttagning igen",
    ],
)
def test_phrases_whose_joined_form_hunspell_builds_are_not_flagged(text: str) -> None:
    assert suggestions_of(text, "ASR-11") == []


def test_an_english_sentence_of_words_hunspell_sv_builds_is_not_checked_as_swedish() -> None:
    # Hunspell-sv builds "images" from parts; wordfreq knows it is English.
    assert suggestions_of("Export images as PNG files.", "ASR-11") == []
    assert suggestions_of("Export images in the PNG format.", "SPELL-01") == []


def test_a_lower_case_name_before_a_verb_gets_its_capital_not_a_joined_word() -> None:
    assert suggestions_of("i norge uppstod en konflikt", "ASR-11") == []
    assert suggestions_of("i norge uppstod en konflikt", "SPELL-02") == ["Norge"]


def test_a_lower_case_name_before_a_noun_or_verb_gets_its_capital_not_a_joined_word() -> None:
    # "vilja" is a noun and a verb: a name is a whole noun phrase, no compound's first part.
    assert suggestions_of("och inte lär telia vilja", "ASR-11") == []
    assert suggestions_of("och inte lär telia vilja", "SPELL-02") == ["Telia"]
    # "käll" is a surname to Hunspell but here the compound form of "källa".
    assert suggestions_of("bläddra i käll poster", "ASR-11") == ["källposter"]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("att använda intern telefonsystemet", "interntelefonsystemet"),
        ("öppna verktygsalternativ dialogen", "verktygsalternativdialogen"),
        # A genitive takes an indefinite noun ("forskningens front").
        ("det här är forsknings fronten", "forskningsfronten"),
    ],
)
def test_an_indefinite_word_before_a_definite_noun_is_no_phrase_but_a_split_compound(
    text: str, joined: str
) -> None:
    assert suggestions_of(text, "ASR-11") == [joined]


@pytest.mark.parametrize(
    "text",
    [
        "hon använde interna telefonsystemet",  # the weak form before a definite noun
        "det finns ett internt telefonsystem",
        "den var stor skillnaden",  # an adjective only: speech puts it there
        "vi läser forskningens front",
    ],
)
def test_an_adjective_that_agrees_or_an_adjective_alone_before_a_definite_noun_is_no_compound(
    text: str,
) -> None:
    assert suggestions_of(text, "ASR-11") == []


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("ett meny baserat användargränssnitt", "menybaserat"),
        ("här visas en nummer sorterad lista", "nummersorterad"),
        ("ett flertal teknologi inriktade subkulturer", "teknologiinriktade"),
    ],
)
def test_a_bare_noun_and_an_adjective_before_a_noun_are_one_word(text: str, joined: str) -> None:
    assert suggestions_of(text, "ASR-11") == [joined]


def test_a_bare_noun_and_an_adjective_are_judged_by_what_follows_each_time() -> None:
    # The two words seen first without a noun after them ("ett meny baserat" ending a cue, or
    # before a comma) must not decide the same words before a noun later in the file.
    texts = [
        "ett meny baserat",
        "ett meny baserat, användargränssnitt",
        "ett meny baserat användargränssnitt",
    ]
    cues = [Cue(start_ms=i * 3000, end_ms=i * 3000 + 2800, text=t) for i, t in enumerate(texts)]
    found = find_flags(cues, language="sv", glossary=None, suggestions=False)
    assert [(f.cue_index, f.suggestion) for f in found if f.rule == "ASR-11"] == [
        (2, "menybaserat")
    ]


@pytest.mark.parametrize(
    "text", ["det finns filer sparade i mappen", "han fick pris utdelat i dag", "ett par blå skor"]
)
def test_a_noun_and_a_participle_not_before_a_noun_are_no_compound(text: str) -> None:
    assert suggestions_of(text, "ASR-11") == []


def test_a_bare_noun_before_a_noun_counts_with_the_joined_word_s_frequency() -> None:
    # wordfreq has "datalärare" about as often as the two words side by side by chance; a bare
    # noun before a noun is no usual phrase, so the joined word is the likelier.
    assert suggestions_of("det fanns ingen data lärare heller", "ASR-11") == ["datalärare"]


@pytest.mark.parametrize("text", ["vi ses någon gång", "det var någon annanstans"])
def test_a_pronoun_before_a_noun_is_no_split_compound(text: str) -> None:
    assert suggestions_of(text, "ASR-11") == []


def test_a_unit_noun_after_no_count_is_a_noun_like_others() -> None:
    assert suggestions_of("och byggde själv de ton generatorer som", "ASR-11") == ["tongeneratorer"]


@pytest.mark.parametrize(
    "text", ["han köpte tre ton sand", "ge mig ett glas vatten", "ett stort glas mjölk"]
)
def test_a_unit_noun_after_a_count_measures_the_next_noun(text: str) -> None:
    assert suggestions_of(text, "ASR-11") == []


def test_swedish_words_among_english_names_are_checked_for_särskrivning() -> None:
    # More English names than Swedish words, but the split words are Swedish.
    text = "användar gruppen i silicon valley san francisco"
    assert suggestions_of(text, "ASR-11") == ["användargruppen"]
    assert suggestions_of("Export images as PNG files.", "ASR-11") == []


@pytest.mark.parametrize("text", ["det kostade 3 miljoner kronor", "det kostar miljoner kronor"])
def test_millions_after_digits_or_alone_are_not_numbers_to_rewrite(text: str) -> None:
    assert suggestions_of(text, "ASR-10") == []


def test_a_split_compound_flag_says_how_sure_it_is_and_frequent_words_rank_higher() -> None:
    found = find_flags(
        cues_of("en sjuk sköterska kom", "sedan kom ukraina kriget"),
        language="sv",
        glossary=None,
        suggestions=False,
    )
    split = [f for f in found if f.rule == "ASR-11"]
    assert [f.suggestion for f in split] == ["sjuksköterska", "Ukrainakriget"]
    assert all(f.confidence is not None and 0.5 <= f.confidence <= 1 for f in split)
    assert split[0].confidence is not None and split[1].confidence is not None
    assert split[0].confidence > split[1].confidence
    assert "% sure" in split[0].message


def test_lower_case_names_get_their_capital_as_their_own_kind_of_flag() -> None:
    found = find_flags(cues_of("vi bor i sverige", "europas länder"), language="sv", glossary=None)
    names = [(f.rule, f.suggestion) for f in found if f.rule.startswith("SPELL")]
    assert names == [("SPELL-02", "Sverige"), ("SPELL-02", "Europas")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("det gäller region örebro läns budget", "Region Örebro läns"),
        ("tillväxtverkets rapport", "Tillväxtverkets"),
        ("till växt verkets rapport", "Tillväxtverkets"),
        ("i helsingborgs stad", "Helsingborgs"),
    ],
)
def test_glossary_terms_keep_the_swedish_ending_they_were_said_with(
    text: str, expected: str
) -> None:
    glossary = Glossary.from_lines(["Region Örebro län", "Tillväxtverket", "Helsingborg"])
    assert suggestions_of(text, "ASR-09", glossary) == [expected]
    assert suggestions_of("Tillväxtverkets rapport", "ASR-09", glossary) == []


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("det kostade två hundra kronor", "200"),
        ("år tjugo tjugofyra kom", "2024"),
        ("nitton hundra åttiofyra", "1984"),
        ("femton procent av alla", "15"),
        ("två miljoner människor", "2 miljoner"),
    ],
)
def test_spelled_numbers_above_twelve_years_and_percentages_are_offered_as_digits(
    text: str, digits: str
) -> None:
    assert suggestions_of(text, "ASR-10") == [digits]


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("på sextio sjuttio åttio och nittiotalen", ["60", "70", "80"]),
        ("som ännu inte fyllt tjugo men ändå", ["20"]),
        ("de arbetade på sina femtio datorer", ["50"]),
        ("hon var arton", ["18"]),
    ],
)
def test_a_single_number_word_above_twelve_is_offered_as_digits_a_list_of_them_one_by_one(
    text: str, digits: list[str]
) -> None:
    assert suggestions_of(text, "ASR-10") == digits


@pytest.mark.parametrize(
    ("text", "digits"),
    [("det kom hundra personer", "100"), ("det var tusen studenter där", "1000")],
)
def test_hundra_or_tusen_before_a_plural_noun_is_offered_as_digits(text: str, digits: str) -> None:
    assert suggestions_of(text, "ASR-10") == [digits]


@pytest.mark.parametrize(
    "text",
    [
        "tusen tack för i dag",
        "några hundra personer kom",
        "ett par hundra personer",
        "jag har sagt det tusen gånger",
        "det kostar miljoner kronor",
        "sjutton också, det regnar",  # a mild oath, no number
        "vad för sjutton gör du",
    ],
)
def test_rough_counts_idioms_and_millions_alone_are_left_as_words(text: str) -> None:
    assert suggestions_of(text, "ASR-10") == []


def test_a_long_run_of_number_words_is_read_in_linear_time() -> None:
    # 20,000 number words in one cue: each number is read from at most a dozen words (reading
    # from each word to the end of the run took minutes).
    assert suggestions_of("sextio sjuttio " * 10_000, "ASR-10") == ["60", "70"] * 10_000


def test_the_number_reader_reads_every_number_num2words_writes_up_to_9999() -> None:
    num2words = pytest.importorskip("num2words").num2words
    from captionreview.core.words.flags import _spoken_morphemes, _spoken_value

    wrong = []
    for number in range(2, 10_000):
        words = num2words(number, lang="sv").replace(" ", "")
        morphemes = _spoken_morphemes(words)
        if morphemes is None or _spoken_value(list(morphemes)) != number:
            wrong.append((number, words))
    assert wrong == []


def test_english_in_a_swedish_file_is_checked_against_the_english_dictionary() -> None:
    found = find_flags(
        cues_of(
            "You can export it as WAV, just choose export in the file menu.",
            "Vi laddar ner en plugin och en ny software.",
            "Sedan öppnar du LifeLines igen.",
            "You can chooose the file.",
        ),
        language="sv",
        glossary=None,
        suggestions=False,
    )
    assert [(f.cue_index, f.rule) for f in found] == [(3, "SPELL-01")]


def test_next_suspicious_can_visit_the_most_certain_flags_first() -> None:
    def at(cue: int, start: int, confidence: float | None) -> Finding:
        return Finding(
            "ASR-11",
            Severity.WARN,
            "m",
            cue,
            cue,
            (start, start + 1),
            None,
            None,
            confidence=confidence,
        )

    low, high, none, middle = at(0, 0, 0.55), at(1, 0, 0.99), at(2, 0, None), at(3, 0, 0.7)
    findings = [low, high, none, middle]
    assert next_suspicious(findings, by_confidence=True) == high
    assert next_suspicious(findings, (1, 0), by_confidence=True) == middle
    assert next_suspicious(findings, (3, 0), by_confidence=True) == low
    assert next_suspicious(findings, (0, 0), by_confidence=True) == none
    assert next_suspicious(findings, (2, 0), by_confidence=True) == high
    # A cursor on no flag starts again from the most certain one.
    assert next_suspicious(findings, (0, 7), by_confidence=True) == high


def test_every_word_flag_carries_a_confidence() -> None:
    glossary = Glossary.from_lines(["Tillväxtverket"])
    found = find_flags(
        cues_of("eh vi såg 8.5% i sverige", "en sjuk sköterska och och dom", "tillväxt verket"),
        language="sv",
        glossary=glossary,
        suggestions=False,
    )
    assert {f.rule for f in found} >= {"ASR-09", "ASR-10", "ASR-11", "ASR-12", "ASR-18"}
    assert all(f.confidence is not None and 0 < f.confidence <= 1 for f in found)


def test_a_files_own_word_list_accepts_its_names(tmp_path: Path) -> None:
    from captionreview.core.words.wordlist import file_word_list_path, read_word_list

    captions = tmp_path / "lecture.sv.vtt"
    listing = file_word_list_path(captions)
    assert listing == tmp_path / "lecture.sv.words.txt"
    listing.write_text("# names of this lecture\nGrünewaldska\nzlatanerade\n", encoding="utf-8")
    words = read_word_list(listing)
    assert words == ["Grünewaldska", "zlatanerade"]
    text = cues_of("Grünewaldska och zlatanerade")
    assert [f.rule for f in find_flags(text, language="sv", glossary=None)] == [
        "SPELL-01",
        "SPELL-01",
    ]
    assert find_flags(text, language="sv", glossary=None, file_words=words) == []
    assert read_word_list(tmp_path / "missing.words.txt") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("beslutet togs av region örebro län i går", "Region Örebro län"),
        ("Region örebro län har beslutat", "Region Örebro län"),
        ("forskare vid karolinska institutet menar", "Karolinska Institutet"),
        ("hon arbetar i västra götalandsregionen", "Västra Götalandsregionen"),
        ("det gäller region örebro läns budget", "Region Örebro läns"),
        ("enligt karolinska institutets forskare", "Karolinska Institutets"),
    ],
)
def test_a_glossary_term_of_several_words_in_lower_case_is_offered_whole(
    text: str, expected: str
) -> None:
    glossary = Glossary.from_lines(
        ["Region Örebro län", "Karolinska Institutet", "Västra Götalandsregionen"]
    )
    found = find_flags(cues_of(text), language="sv", glossary=glossary, suggestions=False)
    # One flag for the whole term, not a capital for "örebro" alone.
    assert [(f.rule, f.suggestion) for f in found if f.rule != "ASR-11"] == [("ASR-09", expected)]


def test_a_glossary_term_written_as_the_glossary_writes_it_is_not_flagged() -> None:
    glossary = Glossary.from_lines(["Region Örebro län", "Karolinska Institutet"])
    texts = [
        "Region Örebro län har beslutat.",
        "REGION ÖREBRO LÄN",
        "forskare vid Karolinska Institutet menar",
        "det gäller Region Örebro läns verksamhet",
    ]
    found = find_flags(cues_of(*texts), language="sv", glossary=glossary, suggestions=False)
    assert [(f.rule, f.message) for f in found] == []


@pytest.mark.parametrize(
    "text",
    [
        "Risken för hjärt- och kärlsjukdomar ökar med åldern.",
        "Ärendet går till barn- och utbildningsnämnden.",
        "Det finns både för- och nackdelar med förslaget.",
        "Koderna delas in i käll-, händelse- och resultatkoder.",
        "Hälso- och sjukvården i regionen har ansvaret.",
        "Både små- och medelstora företag får stöd, i in- och utland.",
        "Forsknings- och utvecklingsarbete pågår, liksom miljö- och hälsoskyddsnämndens tillsyn.",
        "Risken för hjärt-\noch kärlsjukdomar ökar.",
        "Risken för hjärt– och kärlsjukdomar och hjärt–kärlsjukdomar ökar.",
        "Det gäller <i>hjärt-</i> och kärlsjukdomar.",
        "Sjukhusvård och -omsorg samt EU- och Natofrågor.",
    ],
)
def test_suspended_compound_parts_are_neither_misspelled_nor_split_compounds(text: str) -> None:
    found = find_flags(cues_of(text), language="sv", glossary=None, suggestions=False)
    assert [(f.rule, f.message) for f in found] == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("risken för hjärt och kärlsjukdomar ökar", "hjärt-"),
        ("det gäller hälso och sjukvården", "hälso-"),
        ("koderna är käll och händelsekoder", "käll-"),
        ("koderna är käll händelse och resultatkoder", "käll-"),
    ],
)
def test_a_suspended_part_without_its_hyphen_is_offered_the_hyphen(text: str, part: str) -> None:
    found = find_flags(cues_of(text), language="sv", glossary=None, suggestions=False)
    assert [(f.rule, f.suggestion) for f in found] == [("SPELL-01", part)]
    assert "hyphen" in found[0].message


def test_a_part_without_a_compound_after_it_is_still_a_misspelling() -> None:
    found = find_flags(cues_of("det hjärt är stort"), language="sv", glossary=None)
    assert [(f.rule, f.suggestion) for f in found] == [("SPELL-01", "hjärta")]


def test_a_missing_english_dictionary_is_looked_for_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # English is asked of every word no dictionary has; without en_US installed the load was
    # tried, and failed, each time (901 times for these 50 cues).
    from captionreview.core.words import flags, spelling

    monkeypatch.setattr(flags, "_missing_spellers", set())
    shared = flags.default_speller
    tried: list[str] = []

    def without_english(language: str | None) -> spelling.Speller:
        tried.append(spelling.language_code(language))
        if tried[-1] == "en":
            raise spelling.SpellerUnavailable("no en_US here")
        return shared(language)

    monkeypatch.setattr(flags, "default_speller", without_english)
    cues = cues_of(*(f"You can access this submenu {i} from the menubar now" for i in range(50)))
    find_flags(cues, language="sv", glossary=None, suggestions=False)
    assert tried.count("en") == 1
