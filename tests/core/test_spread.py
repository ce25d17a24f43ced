"""Corrections spread: detect the replaced phrase, list other occurrences, apply in one step."""

from __future__ import annotations

from pathlib import Path

import pytest

from captionreview.core.document import Document
from captionreview.core.model import Cue
from captionreview.core.words.glossary import Glossary
from captionreview.core.words.spread import (
    Correction,
    TextIndex,
    build_changes,
    candidate_indices,
    detect_correction,
    find_occurrences,
    index_text,
)


def test_detects_the_replaced_word_or_phrase() -> None:
    assert detect_correction("Vi träffade grön vall igår.", "Vi träffade Grünewald igår.") == (
        Correction("grön vall", "Grünewald")
    )
    assert detect_correction("malmö är fint", "Malmö är fint") == Correction("malmö", "Malmö")
    assert detect_correction("<i>till växt verket</i> ger", "<i>Tillväxtverket</i> ger") == (
        Correction("till växt verket", "Tillväxtverket")
    )


def test_no_correction_for_punctuation_insertions_or_rewrites() -> None:
    assert detect_correction("Hej på dig.", "Hej på dig!") is None
    assert detect_correction("Hej dig", "Hej på dig") is None  # a word added, none replaced
    assert detect_correction("eh bra", "bra") is None  # a word deleted
    assert detect_correction("ett två tre fyra fem sex", "sju åtta nio tio elva tolv") is None
    assert detect_correction("Det är bra. Vi ses", "Det är dåligt, tyvärr. Vi ses") is None


def test_finds_whole_words_in_any_case_and_keeps_sentence_capitals() -> None:
    cues = [
        Cue(0, 1, "Vi träffade grön vall igår."),
        Cue(1, 2, "Grön vall sa att\ngrön   vall är bra, grön <i>vall</i>"),
        Cue(2, 3, "Grünewald och grönvall och grön vallmo"),
    ]
    occurrences = find_occurrences(cues, Correction("grön vall", "Grünewald"), exclude=[0])
    assert [(o.cue_index, o.found, o.replacement) for o in occurrences] == [
        (1, "Grön vall", "Grünewald"),
        (1, "grön   vall", "Grünewald"),
    ]
    context = occurrences[1].context
    a, b = occurrences[1].context_span
    assert context == "Grön vall sa att grön   vall är bra, grön vall"
    assert context[a:b] == "grön   vall"
    lower = find_occurrences(
        [Cue(0, 1, "Sjuk sköterska och sjuk sköterska")],
        Correction("sjuk sköterska", "sjuksköterska"),
    )
    assert [o.replacement for o in lower] == ["Sjuksköterska", "sjuksköterska"]


def test_already_correct_text_is_not_listed() -> None:
    cues = [Cue(0, 1, "Malmö och malmö")]
    occurrences = find_occurrences(cues, Correction("malmö", "Malmö"))
    assert [o.span for o in occurrences] == [(10, 15)]


def test_ticked_occurrences_apply_as_one_undo_step() -> None:
    doc = Document.from_text(
        "WEBVTT\n\n00:00.000 --> 00:02.000\nProfessor grön vall\n\n"
        "00:02.000 --> 00:04.000\nenligt grön vall och grön vall\n\n"
        "00:04.000 --> 00:06.000\ngrön vall igen\n"
    )
    old = doc.cues[0].text
    doc.set_text(0, "Professor Grünewald")
    correction = detect_correction(old, doc.cues[0].text)
    assert correction == Correction("grön vall", "Grünewald")
    occurrences = find_occurrences(doc.cues, correction, exclude=[0])
    assert len(occurrences) == 3
    ticked = occurrences[:2]  # the editor unticks the last one
    changes = build_changes(doc.cues, ticked)
    doc.replace_cues(changes, "Apply correction everywhere")
    assert [c.text for c in doc.cues] == [
        "Professor Grünewald",
        "enligt Grünewald och Grünewald",
        "grön vall igen",
    ]
    assert doc.undo_description == "Apply correction everywhere"
    doc.undo()
    assert doc.cues[1].text == "enligt grön vall och grön vall"
    assert doc.cues[0].text == "Professor Grünewald"


def test_stale_occurrences_are_refused() -> None:
    cues = [Cue(0, 1, "grön vall")]
    occurrences = find_occurrences(cues, Correction("grön vall", "Grünewald"))
    edited = [cues[0].with_changes(text="grönvall")]
    with pytest.raises(ValueError, match="changed since"):
        build_changes(edited, occurrences)


def test_accepted_corrections_can_be_saved_to_the_glossary(tmp_path: Path) -> None:
    path = tmp_path / "glossary.txt"
    path.write_text("Grünewald\n", encoding="utf-8")
    glossary = Glossary.load(path)
    assert glossary.add_correction("grön vall", "Grünewald")
    glossary.save()
    assert Glossary.load(path).corrections == {"grön vall": "Grünewald"}
    assert Glossary.load(path).near_misses("Grön vall sa")[0].kind == "correction"


def test_text_index_follows_every_kind_of_edit() -> None:
    doc = Document.from_text(
        "WEBVTT\n\n00:00.000 --> 00:02.000\nProfessor <i>Grön</i> vall\n\n"
        "00:02.000 --> 00:04.000\nsmör &amp; bröd\n\n00:04.000 --> 00:06.000\nTre\n"
    )
    index = TextIndex(doc.cues)
    doc.subscribe(lambda event: index.update(event.kind, event.start, event.stop, doc.cues))

    def expected() -> list[str]:
        return [index_text(cue.text) for cue in doc.cues]

    assert index.snapshot() == ["professor grön vall", "smör & bröd", "tre"]
    doc.set_text(2, "FYRA", typing=True)
    assert index.snapshot() == expected() and index.snapshot()[2] == "fyra"
    doc.insert(1, Cue(1000, 1500, "Ny <b>Rad</b>"))
    assert index.snapshot() == expected() and index.snapshot()[1] == "ny rad"
    doc.delete([0, 2])
    assert index.snapshot() == expected() == ["ny rad", "fyra"]
    doc.replace_all([Cue(0, 1000, "Allt Nytt")], "Clean up")
    assert index.snapshot() == ["allt nytt"]
    doc.undo()
    assert index.snapshot() == expected() == ["ny rad", "fyra"]


def test_pre_filter_keeps_every_cue_where_the_phrase_is_found() -> None:
    cues = [
        Cue(0, 1, "Grön vall"),
        Cue(1, 2, "en vall som är grön"),  # both words, not as the phrase: a candidate only
        Cue(2, 3, "bara grönt"),
        Cue(3, 4, "gr&ouml;n <i>x</i> vall"),
        Cue(4, 5, "gr&ouml;n vall"),  # a character reference is the letter it stands for
    ]
    texts = [index_text(c.text) for c in cues]
    correction = Correction("grön vall", "Grünewald")
    assert candidate_indices(texts, correction) == [0, 1, 3, 4]
    assert candidate_indices(texts, correction, exclude=[0]) == [1, 3, 4]
    found = find_occurrences(cues, correction, texts=texts)
    assert [(o.cue_index, o.found, o.replacement) for o in found] == [
        (0, "Grön vall", "Grünewald"),
        (4, "gr&ouml;n vall", "Grünewald"),
    ]
    assert find_occurrences(cues, correction) == found  # the texts are made when not given
