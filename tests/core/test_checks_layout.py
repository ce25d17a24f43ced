"""QUALITY_RULES §4 layout checks: line length, lines, characters per cue, line breaks."""

from __future__ import annotations

from captionreview.core.model import Severity
from captionreview.core.profiles import builtin_profile
from tests.core.checks_util import cue, of, run, spanned


def test_line_length_warn_and_info_with_span_past_the_limit() -> None:
    long_line = "Det här är en rad som är längre än fyrtiotvå tecken"
    c = cue(0, 6, long_line)
    (found,) = of(run([c]), "LAY-01")
    assert found.severity is Severity.WARN
    assert spanned(c, found) == long_line[42:]
    teletext = cue(0, 6, "En rad på trettioåtta tecken, ungefär.")
    assert len("En rad på trettioåtta tecken, ungefär.") == 38
    assert of(run([teletext]), "LAY-01")[0].severity is Severity.INFO
    assert of(run([teletext], builtin_profile("netflix-sv")), "LAY-01") == []


def test_line_length_span_skips_markup() -> None:
    c = cue(0, 6, "<i>" + "a" * 40 + "</i>bcde")
    (found,) = of(run([c]), "LAY-01")
    assert spanned(c, found) == "de"


def test_lines_per_cue() -> None:
    three = cue(0, 6, "Ett.\nTvå.\nTre.")
    four = cue(7, 13, "Ett.\nTvå.\nTre.\nFyra.")
    found = {f.cue_index: f.severity for f in of(run([three, four]), "LAY-02")}
    assert found == {0: Severity.WARN, 1: Severity.ERROR}
    assert of(run([cue(0, 6, "Ett.\nTvå.")]), "LAY-02") == []


def test_characters_per_cue() -> None:
    text = (
        "Fyrtio tecken i den första raden här, ja\nOch fyrtiofem tecken i den andra raden, precis."
    )
    assert of(run([cue(0, 7, text)]), "LAY-03")
    assert of(run([cue(0, 7, "Kort.\nOckså kort.")]), "LAY-03") == []


def test_one_line_if_it_fits() -> None:
    (found,) = of(run([cue(0, 3, "Kort rad\noch en till.")]), "LAY-04")
    assert found.suggestion == "Kort rad och en till."
    dialogue = cue(0, 3, "–Hej.\n–Hej då.")
    assert of(run([dialogue]), "LAY-04") == []


def test_line_break_points_in_swedish() -> None:
    c = cue(0, 5, "Vi har pratat om budgeten och\nvad den betyder för regionen.")
    (found,) = of(run([c]), "LAY-05")
    assert spanned(c, found) == "och"
    good = cue(0, 5, "Vi har pratat om budgeten\noch vad den betyder för regionen.")
    assert of(run([good]), "LAY-05") == []


def test_shorter_top_line_is_preferred_in_swedish_only() -> None:
    c = cue(0, 5, "Vi har pratat länge om regionens budget\noch om skatten.")
    assert of(run([c]), "LAY-06")
    good = cue(0, 5, "Vi har pratat länge\nom regionens budget och om skatten.")
    assert of(run([good]), "LAY-06") == []
    assert of(run([c], metadata={"Language": "en"}), "LAY-06") == []


def test_hyphenation_across_lines() -> None:
    c = cue(0, 5, "en av forsknings-\nresornas mest eftertraktade mål")
    assert of(run([c]), "LAY-07")
    assert of(run([cue(0, 5, "en av forsknings- och\nutvecklingsresorna")]), "LAY-07") == []


def test_alignment_mixed_and_against_house_style() -> None:
    left = [cue(i * 3, i * 3 + 2, "Hej.", settings="align:left") for i in range(4)]
    mixed = [*left, cue(13, 15, "Hej.", settings="align:center")]
    found = of(run(mixed), "LAY-08")
    assert [f.cue_index for f in found] == [4]
    centred = [cue(i * 3, i * 3 + 2, "Hej.") for i in range(3)]
    assert "house style" in of(run(centred), "LAY-08")[0].message
    assert of(run(centred, builtin_profile("netflix-sv")), "LAY-08") == []


def test_cues_with_the_same_visible_text_get_spans_in_their_own_markup() -> None:
    # The visible-text rules judge each distinct visible text once per pass; the spans must
    # still be mapped through each cue's own markup (karaoke cues differ only in their tags).
    words = "Det här är en rad som är längre än fyrtiotvå tecken"
    plain = cue(0, 6, words)
    tagged = cue(7, 13, "<00:00:07.500><c>" + words[:30] + "</c><c>" + words[30:] + "</c>")
    late = cue(14, 20, words[:44] + "<i>" + words[44:] + "</i>")
    found = of(run([plain, tagged, late]), "LAY-01")
    assert [f.cue_index for f in found] == [0, 1, 2]
    assert {f.message for f in found} == {found[0].message}
    assert spanned(plain, found[0]) == words[42:]
    assert spanned(tagged, found[1]) == words[42:]
    assert spanned(late, found[2]) == words[42:44] + "<i>" + words[44:]
    alone = of(run([late]), "LAY-01")
    assert [(f.span, f.message) for f in alone] == [(found[2].span, found[2].message)]
