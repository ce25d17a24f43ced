"""Per-cue review state in a sidecar: follows edits, undo and redo, survives outside changes."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.model import Cue
from captionreview.core.review import (
    CueState,
    ReviewFileError,
    open_review,
    review_counts,
    sidecar_path,
)

TEXT = "WEBVTT\n\n" + "".join(
    f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\nord {i} och mera\n\n" for i in range(6)
)


def saved_doc(folder: Path, text: str = TEXT) -> Document:
    path = folder / "talk.sv.vtt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def states(review: object) -> list[CueState]:
    return [review.state(i) for i in range(len(review.doc.cues))]  # type: ignore[attr-defined]


def test_the_sidecar_sits_beside_the_captions_with_their_name() -> None:
    assert sidecar_path(Path("/x/talk.sv.vtt")) == Path("/x/talk.sv.review.json")


def test_without_a_sidecar_every_cue_is_unreviewed(tmp_path: Path) -> None:
    doc = saved_doc(tmp_path)
    counts = review_counts(doc)
    assert (counts.unreviewed, counts.corrected, counts.approved) == (6, 0, 0)


def test_the_counts_from_a_sidecar_are_those_of_the_review_that_saved_it(tmp_path: Path) -> None:
    doc = saved_doc(tmp_path)
    review = open_review(doc)
    review.approve(0)
    review.approve(2)
    doc.set_text(1, "Ord 1 rättat.")
    review.save()
    doc.save()
    review.close()
    counts = review_counts(load(doc.path))  # type: ignore[arg-type]
    assert (counts.unreviewed, counts.corrected, counts.approved) == (3, 1, 2)


def test_an_edit_corrects_a_cue_and_undo_brings_its_state_back(tmp_path: Path) -> None:
    doc = saved_doc(tmp_path)
    review = open_review(doc)
    review.approve(0)
    doc.set_text(0, "Ord 0 och mera.")
    doc.set_times(1, 2100, 3500)
    assert states(review)[:3] == [CueState.CORRECTED, CueState.CORRECTED, CueState.UNREVIEWED]
    doc.undo()
    doc.undo()
    assert states(review)[:2] == [CueState.APPROVED, CueState.UNREVIEWED]
    doc.redo()
    assert review.state(0) is CueState.CORRECTED
    assert review.counts().progress() == "0 of 6 approved (0 %)"


def test_split_insert_and_merge_make_corrected_cues(tmp_path: Path) -> None:
    doc = saved_doc(tmp_path)
    review = open_review(doc)
    doc.split(2, 4)
    assert states(review)[2:4] == [CueState.CORRECTED, CueState.CORRECTED]
    doc.insert(0, Cue(0, 500, "ny"))
    assert review.state(0) is CueState.CORRECTED
    doc.merge(4)
    assert len(doc.cues) == 7
    assert review.counts().corrected == 3
    for _ in range(3):
        doc.undo()
    assert set(states(review)) == {CueState.UNREVIEWED}


def test_state_comments_and_place_survive_saving_and_reopening(tmp_path: Path) -> None:
    doc = saved_doc(tmp_path)
    review = open_review(doc)
    review.approve(1)
    review.set_comment(2, "Kolla namnet med föreläsaren")
    doc.set_text(3, "Ord 3 och mera.")
    review.last_cue, review.playhead_ms = 3, 7250
    doc.save()
    written = review.save()
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["counts"] == {"unreviewed": 4, "corrected": 1, "approved": 1}
    assert data["cues"][2]["comment"] == "Kolla namnet med föreläsaren"
    again = open_review(load(doc.path))  # type: ignore[arg-type]
    assert states(again) == states(review)
    assert again.comment(2) == "Kolla namnet med föreläsaren"
    assert (again.last_cue, again.playhead_ms) == (3, 7250)
    assert again.unmatched == []


def test_cues_changed_by_another_program_lose_approval_and_lost_ones_are_named(
    tmp_path: Path,
) -> None:
    doc = saved_doc(tmp_path)
    review = open_review(doc)
    for i in range(6):
        review.approve(i)
    review.set_comment(5, "Bra")
    review.save()
    # Another program retimes cue 1, rewrites cue 2 and drops cue 5.
    text = TEXT.replace("00:00:02.000 --> 00:00:03.500", "00:00:02.200 --> 00:00:03.500")
    text = text.replace("ord 2 och mera", "ord två och mera")
    text = text.replace("00:00:10.000 --> 00:00:11.500\nord 5 och mera\n\n", "")
    doc.path.write_text(text, encoding="utf-8")  # type: ignore[union-attr]
    again = open_review(load(doc.path))  # type: ignore[arg-type]
    assert states(again) == [
        CueState.APPROVED,
        CueState.CORRECTED,
        CueState.CORRECTED,
        CueState.APPROVED,
        CueState.APPROVED,
    ]
    assert "2 cues differ from when the review was saved" in again.unmatched[0]
    assert "00:00:10.000" in again.unmatched[1] and "Bra" in again.unmatched[1]


def test_a_damaged_sidecar_is_reported_not_a_traceback(tmp_path: Path) -> None:
    doc = saved_doc(tmp_path)
    sidecar_path(doc.path).write_text("{not json", encoding="utf-8")  # type: ignore[arg-type]
    with pytest.raises(ReviewFileError, match="damaged"):
        open_review(doc)
    sidecar_path(doc.path).write_text('{"format": "x"}', encoding="utf-8")  # type: ignore[arg-type]
    with pytest.raises(ReviewFileError, match="not a CaptionReview review file"):
        open_review(doc)


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "text",
                "times",
                "split",
                "merge",
                "insert",
                "delete",
                "undo",
                "redo",
                "approve",
                "comment",
                "withdraw",
            ]
        ),
        st.integers(0, 20),
        st.sampled_from(["ja", "Nej.", "ord 1 och mera", "två ord"]),
    ),
    max_size=25,
)


def _apply(doc: Document, review: object, edit: tuple[str, int, str]) -> None:
    kind, n, word = edit
    count = len(doc.cues)
    if kind == "undo":
        doc.undo()
        return
    if kind == "redo":
        doc.redo()
        return
    if kind == "insert":
        doc.insert(n % (count + 1), Cue(30_000 + n, 30_500 + n, word))
        return
    if count == 0:
        return
    i = n % count
    cue = doc.cues[i]
    if kind == "text":
        doc.set_text(i, word)
    elif kind == "times":
        doc.set_times(i, cue.start_ms + 10, cue.end_ms + 10)
    elif kind == "split" and " " in cue.text:
        doc.split(i, cue.text.index(" "))
    elif kind == "merge" and i + 1 < count:
        doc.merge(i)
    elif kind == "delete":
        doc.delete([i])
    elif kind == "approve":
        review.approve(i)  # type: ignore[attr-defined]
    elif kind == "withdraw":
        review.withdraw(i)  # type: ignore[attr-defined]
    elif kind == "comment":
        review.set_comment(i, word)  # type: ignore[attr-defined]


@given(_EDITS)
@settings(max_examples=60, deadline=None)
def test_the_sidecar_round_trips_through_every_kind_of_edit_undo_and_redo(
    edits: list[tuple[str, int, str]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        doc = saved_doc(Path(folder))
        review = open_review(doc)
        review.approve(0)
        for edit in edits:
            _apply(doc, review, edit)
            # The counts kept up from events equal a count from scratch.
            assert (
                Counter(states(review))
                == Counter(
                    {
                        CueState.UNREVIEWED: review.counts().unreviewed,
                        CueState.CORRECTED: review.counts().corrected,
                        CueState.APPROVED: review.counts().approved,
                    }
                )
                - Counter()
            )
        before = states(review)
        comments = [review.comment(i) for i in range(len(doc.cues))]
        doc.save()
        review.save()
        again = open_review(load(doc.path))  # type: ignore[arg-type]
        assert states(again) == before
        assert [again.comment(i) for i in range(len(again.doc.cues))] == comments
        assert again.unmatched == []


@given(_EDITS.map(lambda edits: [e for e in edits if e[0] not in ("approve", "withdraw")]))
@settings(max_examples=60, deadline=None)
def test_undoing_every_edit_gives_back_every_state(edits: list[tuple[str, int, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        doc = saved_doc(Path(folder))
        review = open_review(doc)
        review.approve(1)
        review.approve(4)
        start = states(review)
        for edit in edits:
            _apply(doc, review, edit)
        while doc.can_undo:
            doc.undo()
        assert states(review) == start
