"""The comparison of the auto track with the corrected one, against counts made by hand."""

from __future__ import annotations

from pathlib import Path

import jiwer
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.compare import ChangeKind, compare, diff_text, normalise
from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.model import Cue, ErrorSeverity
from captionreview.core.words.glossary import Glossary


def cues(*texts: str) -> list[Cue]:
    """Return one cue a second holding each text."""
    body = "".join(
        f"00:00:{i:02d}.000 --> 00:00:{i + 1:02d}.000\n{text}\n\n" for i, text in enumerate(texts)
    )
    return list(Document.from_text("WEBVTT\n\n" + body).cues)


def test_one_wrong_word_and_a_capital_are_counted_apart() -> None:
    # reference: det var en gång en hund (6 words, "Det" and "hund." as written)
    # auto:      det var en gång en katt
    # hund/katt: 1 substitution. "det"/"Det": a match, but 1 case error.
    # "hund." ends with punctuation, but it is a substitution, not a punctuation error.
    result = compare(cues("det var en gång en katt"), cues("Det var en gång en hund."))
    assert (result.reference_words, result.substitutions) == (6, 1)
    assert (result.deletions, result.insertions) == (0, 0)
    assert (result.case_errors, result.punctuation_errors) == (1, 0)
    assert result.wer == pytest.approx(1 / 6)
    # strict: the case error counts too, 2 of 6
    assert result.strict_wer == pytest.approx(2 / 6)


def test_names_compounds_numbers_and_fillers_are_counted_by_kind() -> None:
    auto = cues(
        "eh professor grön vall",
        "talar om till växt verket",
        "år två tusen tjugo fyra och och sedan",
    )
    corrected = cues("Professor Grünewald", "talar om Tillväxtverket", "år 2024 och sedan.")
    # Reference words: Professor Grünewald talar om Tillväxtverket år 2024 och sedan = 9.
    # eh                     -> nothing          1 insertion          filler
    # professor / Professor  match, 1 case error
    # grön vall -> Grünewald 1 substitution + 1 insertion          name (capital mid-sentence)
    # talar om               matches
    # till växt verket -> Tillväxtverket  1 substitution + 2 insertions  split compound
    # år                     match
    # två tusen tjugo fyra -> 2024        1 substitution + 3 insertions  number
    # och och -> och         1 insertion                           filler (repeated word)
    # sedan / sedan.         match, 1 punctuation error
    # Substitutions 3, deletions 0, insertions 1+1+2+3+1 = 8, errors 11, WER 11/9.
    result = compare(auto, corrected)
    assert result.reference_words == 9
    assert (result.substitutions, result.deletions, result.insertions) == (3, 0, 8)
    assert result.wer == pytest.approx(11 / 9)
    assert (result.case_errors, result.punctuation_errors) == (1, 1)
    assert [(c.label(), c.kind) for c in result.changes] == [
        ("eh → ∅", ChangeKind.FILLER),
        ("grön vall → Grünewald", ChangeKind.NAME),
        ("till växt verket → Tillväxtverket", ChangeKind.COMPOUND),
        ("två tusen tjugo fyra → 2024", ChangeKind.NUMBER),
        ("och → ∅", ChangeKind.FILLER),
    ]
    assert [c.cue for c in result.changes] == [0, 0, 1, 2, 2]
    assert result.changed_cues() == [0, 1, 2]


def test_a_deleted_word_and_a_recurring_confusion() -> None:
    # reference: Grünewald sa nej. / Grünewald sa ja tack. / Grünewald kom hem. (10 words)
    # auto:      grön vall sa nej  / grön vall sa tack     / grön vall kom hem
    # three times grön vall -> Grünewald: 3 substitutions + 3 insertions;
    # "ja" missing from the auto track: 1 deletion ("tack" matches). Errors 7, WER 7/10.
    # (Substituting ja/tack, tack/grön, Grünewald/vall costs 3 too; the tie goes to the
    # alignment that keeps "tack" as a match.)
    # Case: none of the matching words differs in case.
    # Punctuation: "nej"/"nej.", "tack"/"tack." and "hem"/"hem." differ (3).
    auto = cues("grön vall sa nej", "grön vall sa tack", "grön vall kom hem")
    corrected = cues("Grünewald sa nej.", "Grünewald sa ja tack.", "Grünewald kom hem.")
    result = compare(auto, corrected)
    assert (result.substitutions, result.deletions, result.insertions) == (3, 1, 3)
    assert result.wer == pytest.approx(7 / 10)
    assert (result.case_errors, result.punctuation_errors) == (0, 3)
    top = result.confusions()[0]
    assert (top.auto, top.corrected, top.count) == ("grön vall", "Grünewald", 3)
    assert [c.label() for c in result.changes].count("∅ → ja") == 1


def test_the_ner_estimate_weighs_each_change_by_its_severity() -> None:
    # 4 reference words, 2 changes (katt -> hund, grön vall -> Grünewald).
    # Both standard: (4 - 0.5 - 0.5) / 4 = 0.75. One made minor: (4 - 0.25 - 0.5) / 4.
    result = compare(cues("en katt och grön vall"), cues("en hund och Grünewald"))
    assert len(result.changes) == 2
    assert result.ner().accuracy == pytest.approx(0.75)
    minor = {result.changes[0].key: ErrorSeverity.MINOR}
    assert result.ner(minor).accuracy == pytest.approx((4 - 0.25 - 0.5) / 4)
    serious = {c.key: ErrorSeverity.SERIOUS for c in result.changes}
    assert result.ner(serious).accuracy == pytest.approx(0.5)
    assert not result.ner().passed


def test_normalising_folds_case_and_drops_punctuation_only_at_word_edges() -> None:
    assert normalise("(Ukraina).") == "ukraina"
    assert normalise("EU-budgeten,") == "eu-budgeten"
    assert normalise("11,8") == "11,8"
    assert normalise("–") == ""


def test_the_demo_auto_track_against_its_reference(demo_dir: Path) -> None:
    auto = load(demo_dir / "lecture.sv.vtt")
    reference = load(demo_dir / "reference" / "lecture.sv.vtt")
    glossary = Glossary.load(demo_dir / "glossary.txt")
    result = compare(auto.cues, reference.cues, glossary)
    # The counts agree with jiwer's on the same normalised words.
    expected = jiwer.process_words(
        " ".join(w.norm for w in result.corrected_words),
        " ".join(w.norm for w in result.auto_words),
    )
    assert result.errors == (expected.substitutions + expected.deletions + expected.insertions)
    assert result.wer == pytest.approx(expected.wer)
    assert result.reference_words == len(" ".join(_plain(reference)).split())
    labels = {c.label(): c.kind for c in result.changes}
    # Every planted word error shows up as a change of the planted kind.
    assert labels["grön vall → Grünewald"] is ChangeKind.NAME
    assert labels["till växt verket → Tillväxtverket"] is ChangeKind.COMPOUND
    assert labels["tillits baserad → tillitsbaserad"] is ChangeKind.COMPOUND
    assert labels["två tusen tjugo fyra → 2024"] is ChangeKind.NUMBER
    assert labels["och → ∅"] is ChangeKind.FILLER
    assert labels["men → män"] is ChangeKind.OTHER
    top = result.confusions()[0]
    assert (top.auto, top.corrected, top.count) == ("till växt verket", "Tillväxtverket", 2)
    # No punctuation at all in the auto track: every sentence end is a punctuation error.
    assert result.punctuation_errors >= 10
    assert result.ner().accuracy is not None and result.ner().accuracy < 0.98


def _plain(doc: Document) -> list[str]:
    from captionreview.core.compare import track_words

    return [w.text for w in track_words(doc.cues)]


_WORDS = st.sampled_from(["och", "Och", "det", "grön", "vall", "Grünewald", "2024", "eh", "ja."])
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=6)


@given(_TEXTS)
@settings(max_examples=60, deadline=None)
def test_comparing_a_file_with_itself_gives_zero(texts: list[str]) -> None:
    track = cues(*texts)
    result = compare(track, track)
    assert result.wer == 0 and result.strict_wer == 0 and result.cer == 0
    assert result.changes == [] and result.changed_cues() == []
    assert (result.case_errors, result.punctuation_errors) == (0, 0)
    assert result.ner().accuracy == 1


@given(_TEXTS, _TEXTS)
@settings(max_examples=60, deadline=None)
def test_word_errors_always_equal_jiwer_and_the_changes_add_up(
    auto_texts: list[str], corrected_texts: list[str]
) -> None:
    result = compare(cues(*auto_texts), cues(*corrected_texts))
    expected = jiwer.process_words(
        " ".join(w.norm for w in result.corrected_words),
        " ".join(w.norm for w in result.auto_words),
    )
    assert result.errors == expected.substitutions + expected.deletions + expected.insertions
    assert sum(c.errors for c in result.changes) == result.errors
    assert result.hits + result.substitutions + result.deletions == result.reference_words
    assert result.hits + result.substitutions + result.insertions == len(result.auto_words)


def test_the_word_diff_of_each_changed_cue_says_what_changed_in_words() -> None:
    result = compare(
        cues("eh professor grön vall", "talar om saken", "och och sedan"),
        cues("Professor Grünewald", "talar om saken", "och sedan."),
    )
    diffs = {cue: diff_text(pieces) for cue, pieces in result.word_diffs().items()}
    assert diffs == {
        0: "[-eh professor-] {+Professor+} [-grön vall-] {+Grünewald+}",
        2: "[-och-] och [-sedan-] {+sedan.+}",
    }
