"""QUALITY_RULES §5 text checks: sentence case, dashes, sound tags, Swedish conventions."""

from __future__ import annotations

from captionreview.core.profiles import builtin_profile
from tests.core.checks_util import cue, of, run, spaced, spanned


def test_sentence_starting_lower_case() -> None:
    cues = spaced("Det var allt.", "nu börjar vi.", "Här. men sen")
    found = of(run(cues), "TXT-01")
    assert [(f.cue_index, f.suggestion) for f in found] == [(1, "N"), (2, "M")]
    assert spanned(cues[1], found[0]) == "n"
    ok = spaced("Vi pratar om", "budgeten i dag.", "Det gäller t.ex. skatter.")
    assert of(run(ok), "TXT-01") == []


def test_no_sentence_end_for_three_cues() -> None:
    cues = spaced("Vi pratar om", "budgeten som", "regionen har", "i år.")
    found = [f for f in of(run(cues), "TXT-01") if "three cues" in f.message]
    assert [f.cue_index for f in found] == [2]


def test_continuation_dash_pairs() -> None:
    cues = spaced("Vi fortsätter därför–", "–i ett annat block.")
    assert of(run(cues), "TXT-02") == []
    missing_start = spaced("Vi fortsätter därför–", "i ett annat block.")
    assert of(run(missing_start), "TXT-02")
    missing_end = spaced("Vi fortsätter därför", "–i ett annat block.")
    (found,) = of(run(missing_end), "TXT-02")
    assert found.suggestion == "–" and found.span == (20, 20)
    ellipsis = spaced("Vi fortsätter därför...", "i ett annat block.")
    (dots,) = of(run(ellipsis), "TXT-02")
    assert spanned(ellipsis[0], dots) == "..."
    unmarked = spaced("Vi fortsätter därför", "i ett annat block.")
    assert of(run(unmarked), "TXT-02")
    assert of(run(unmarked, builtin_profile("netflix-sv")), "TXT-02") == []


def test_dialogue_dashes() -> None:
    assert of(run([cue(0, 3, "–Hur mår du?\n–Bra.")]), "TXT-03") == []
    one_sided = cue(0, 3, "Hur mår du?\n–Bra.")
    assert of(run([one_sided]), "TXT-03")
    hyphen = cue(0, 3, "-Hur mår du?\n-Bra.")
    found = of(run([hyphen]), "TXT-03")
    assert len(found) == 2 and {f.suggestion for f in found} == {"–"}
    assert of(run([hyphen], builtin_profile("netflix-sv")), "TXT-03") == []


def test_sound_tags_house_style() -> None:
    c = cue(0, 3, "[dörren smäller]")
    (found,) = of(run([c]), "TXT-05")
    assert found.suggestion == "(Dörren smäller)"
    assert of(run([cue(0, 3, "(Dörren smäller)")]), "TXT-05") == []
    brackets = builtin_profile("se-public").with_overrides(sound_tag_style="brackets")
    assert of(run([cue(0, 3, "(Dörren smäller)")], brackets), "TXT-05")


def test_abbreviations() -> None:
    c = cue(0, 4, "Det kostar ca 50 kronor, bl.a. för t.ex. mat.")
    found = of(run([c]), "TXT-06")
    assert [f.suggestion for f in found] == ["cirka", "bland annat", "till exempel"]
    assert [spanned(c, f) for f in found] == ["ca", "bl.a.", "t.ex."]
    assert of(run([cue(0, 4, "Cancer och cirka och blad.")]), "TXT-06") == []
    bracketed = cue(0, 4, "Vissa (t.ex. barn) och ”ca” tio, inkl.: vuxna osv.")
    found = of(run([bracketed]), "TXT-06")
    assert [spanned(bracketed, f) for f in found] == ["t.ex.", "ca", "inkl.", "osv."]
    assert of(run([c], metadata={"Language": "en"}), "TXT-06") == []


def test_symbols_and_units() -> None:
    c = cue(0, 4, "Det ökade 36 % på 3 h och kostar 150 €.")
    assert [f.suggestion for f in of(run([c]), "TXT-08")] == [" procent", " euro"]
    assert [f.suggestion for f in of(run([cue(0, 3, "Det kostar $5.")]), "TXT-08")] == ["5 dollar"]
    assert [f.suggestion for f in of(run([c]), "TXT-07")] == [" tim"]
    assert of(run([cue(0, 4, "Det ökade 36 procent.")]), "TXT-08") == []


def test_numbers() -> None:
    c = cue(0, 4, "Det var 1,000 personer, 11.8 procent och 34175456 kronor.")
    found = of(run([c]), "TXT-09")
    assert [f.suggestion for f in found] == ["1 000", "11,8", "34 175 456"]
    small = of(run([cue(0, 4, "Vi har 3 exempel.")]), "TXT-09")
    assert [f.suggestion for f in small] == ["tre"]
    assert of(run([cue(0, 4, "Klockan 14.30 kom 34 175 personer, 2020.")]), "TXT-09") == []


def test_quotation_marks() -> None:
    c = cue(0, 4, 'Hon sa "hej" till mig.')
    assert [spanned(c, f) for f in of(run([c]), "TXT-13")] == ['"', '"']
    assert of(run([cue(0, 4, "Hon sa ”hej” till mig.")]), "TXT-13") == []


def test_whitespace() -> None:
    c = cue(0, 4, " Två  mellanslag \nOch&nbsp;")
    found = of(run([c]), "TXT-15")
    assert sorted(spanned(c, f) for f in found) == [" ", " ", "  ", "&nbsp;"]
    assert of(run([cue(0, 4, "Ett mellanslag.\nRent.")]), "TXT-15") == []
