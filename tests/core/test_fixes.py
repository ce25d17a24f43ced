"""Safe fixes: each changes exactly what its rule asks, leaves other cues alone, and applies
to a real document as one undo step."""

from __future__ import annotations

from pathlib import Path

from captionreview.core.checks import check_cues
from captionreview.core.checks.fixes import (
    FIXES_BY_NAME,
    apply_fix,
    best_line_break,
    close_gaps,
    extend_short_durations,
    fix_whitespace,
    modernise_settings,
    rebalance_line_breaks,
    strip_auto_caption_markup,
    trim_overlaps,
)
from captionreview.core.document import Document
from captionreview.core.profiles import DEFAULT_PROFILE as P
from tests.core.checks_util import cue, of


def test_extend_short_durations_into_free_time_only() -> None:
    cues = [
        cue(0, 0.6, "Kort."),
        cue(1.0, 5, "Nästa."),
        cue(10, 10.5, "Gott om tid här."),
        cue(20, 23, "Lagom."),
    ]
    changes = extend_short_durations(cues, P)
    assert set(changes) == {0, 2}
    assert changes[0].end_ms == 1000 - P.min_gap_ms  # stops short of the next cue
    assert changes[2].end_ms == 10_000 + 1500  # the 1.5 s minimum, 16 chars need only 1.07 s
    assert changes[0].uid == cues[0].uid and changes[0].text == "Kort."


def test_extend_for_reading_speed() -> None:
    text = "Det här är en ganska lång text på två rader\nsom behöver tid att läsas."
    changes = extend_short_durations([cue(0, 2, text)], P)
    assert changes[0].duration_ms >= len(text.replace("\n", "")) * 1000 / P.cps_warn
    assert of(check_cues([changes[0]], P), "TIM-04") == []


def test_close_gaps_sets_the_minimum_gap() -> None:
    cues = [
        cue(0, 2, "A."),
        cue(2.03, 4, "B."),
        cue(4.3, 6, "C."),
        cue(6.08, 8, "D."),
        cue(9, 11, "E."),
    ]
    changes = close_gaps(cues, P)
    assert set(changes) == {0, 1}
    assert cues[1].start_ms - changes[0].end_ms == P.min_gap_ms  # shortened by 50 ms
    assert cues[2].start_ms - changes[1].end_ms == P.min_gap_ms  # lengthened by 220 ms
    fixed = [changes.get(i, c) for i, c in enumerate(cues)]
    findings = check_cues(fixed, P)
    assert of(findings, "TIM-06") == [] and of(findings, "TIM-07") == []
    assert set(close_gaps(cues, P, {3})) == set()  # only pairs touching cue 3: gaps fine


def test_trim_overlaps() -> None:
    cues = [
        cue(0, 3, "A."),
        cue(2.5, 5, "B."),
        cue(4.9, 7, "C.", settings="line:0"),
        cue(5.5, 8, "D."),
    ]
    changes = trim_overlaps(cues, P)
    assert set(changes) == {0}
    assert changes[0].end_ms == 2500 - P.min_gap_ms
    tight = [cue(0, 1, "A."), cue(0.5, 3, "B.")]
    assert trim_overlaps(tight, P)[0].end_ms == 500  # too short for a gap: ends where B starts


def test_best_line_break_rules() -> None:
    assert best_line_break("Kort\ntext.", P, "sv") == "Kort text."
    two = best_line_break(
        "Vi har pratat om budgeten och vad den betyder för hela regionen.", P, "sv"
    )
    assert two is not None
    top, bottom = two.split("\n")
    assert not top.endswith("och") and len(top) <= len(bottom) and len(bottom) <= 42
    assert best_line_break("–Hej.\n–Hej då.", P, "sv") is None
    assert best_line_break("<i>taggar</i> " * 10, P, "sv") is None
    assert best_line_break("ord " * 40, P, "sv") is None  # needs three lines


def test_rebalance_only_touches_cues_with_layout_findings() -> None:
    cues = [
        cue(0, 5, "Vi har pratat länge om regionens budget\noch om skatten."),
        cue(6, 10, "Vi har pratat länge\nom regionens budget och om skatten."),
    ]
    changes = rebalance_line_breaks(cues, P)
    assert set(changes) == {0}
    assert of(check_cues([changes[0]], P), "LAY-06") == []


def test_whitespace_fix() -> None:
    cues = [cue(0, 3, " Två  mellanslag \n<i> kursiv</i>&nbsp;"), cue(4, 6, "Rent.")]
    changes = fix_whitespace(cues, P)
    assert set(changes) == {0}
    assert changes[0].text == "Två mellanslag\n<i>kursiv</i>"
    assert of(check_cues([changes[0]], P), "TXT-15") == []


def test_strip_karaoke_and_blank_lines() -> None:
    cues = [
        cue(0, 3, " \nokay<00:00:01.310><c> welcome</c><00:00:02.310><c> to</c>"),
        cue(4, 6, "<c.ljud>(Musik)</c>"),
        cue(7, 8, " "),
    ]
    changes = strip_auto_caption_markup(cues, P)
    assert set(changes) == {0}
    assert changes[0].text == "okay welcome to"


def test_modernise_settings() -> None:
    cues = [
        cue(0, 3, "A.", settings="position:50.00%,middle  align:middle line:84%"),
        cue(4, 6, "B.", settings="align:start position:10%"),
    ]
    changes = modernise_settings(cues, P)
    assert set(changes) == {0}
    assert changes[0].settings == "position:50.00%,center align:center line:84%"


def test_apply_fix_is_one_undo_step_and_saves(tmp_path: Path) -> None:
    source = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000 align:middle\nEtt.\n\n"
        "00:00:03.000 --> 00:00:05.000 align:middle\nTvå.\n\n"
        "00:00:06.000 --> 00:00:08.000\nTre.\n"
    )
    path = tmp_path / "a.vtt"
    path.write_text(source, encoding="utf-8")
    doc = Document.from_text(source, path)
    assert apply_fix(doc, FIXES_BY_NAME["modernise-settings"], P) == 2
    assert [c.settings for c in doc.cues] == ["align:center", "align:center", ""]
    assert doc.undo_description == "Replace obsolete settings (align:middle)"
    doc.save()
    assert path.read_text(encoding="utf-8").count("align:center") == 2
    doc.undo()
    assert doc.text() == source
    assert apply_fix(doc, FIXES_BY_NAME["trim-overlaps"], P) == 0
