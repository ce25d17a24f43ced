"""Document edits: each is one undoable command, rewrites only its block, emits events."""

from __future__ import annotations

from pathlib import Path

import pytest

import captionreview
from captionreview.core.document import DocEvent, Document, EventKind
from captionreview.core.model import Cue

SOURCE = (
    "WEBVTT\n"
    "Kind: captions\n"
    "Language: sv\n"
    "\n"
    "NOTE inledning\n"
    "\n"
    "1\n"
    "00:01.000 --> 00:02.000 align:start\n"
    "Hej <i>där</i>\n"
    "\n"
    "00:00:03.000 --> 00:00:04.000\n"
    "Två\n"
    "\n"
    "NOTE före tre\n"
    "\n"
    "00:00:05.000 --> 00:00:06.500\n"
    "Tre\n"
)


@pytest.fixture
def doc() -> Document:
    return Document.from_text(SOURCE)


def test_reads_cues_metadata_and_keeps_bytes(doc: Document) -> None:
    assert [c.text for c in doc.cues] == ["Hej <i>där</i>", "Två", "Tre"]
    assert doc.cues[0].identifier == "1"
    assert doc.cues[0].settings == "align:start"
    assert (doc.cues[0].start_ms, doc.cues[2].end_ms) == (1000, 6500)
    assert doc.metadata == {"Kind": "captions", "Language": "sv"}
    assert doc.language == "sv"
    assert len(doc) == len(doc.cues) == 3
    assert doc.text() == SOURCE
    assert not doc.modified and not doc.can_undo


def test_cues_view_is_read_only(doc: Document) -> None:
    with pytest.raises(TypeError):
        doc.cues[0] = Cue(0, 1, "x")  # type: ignore[index]


def test_text_edit_rewrites_only_the_text_lines(doc: Document) -> None:
    doc.set_text(0, "Hej på er")
    assert doc.text() == SOURCE.replace("Hej <i>där</i>", "Hej på er")
    assert doc.modified and doc.undo_description == "Edit text"
    doc.undo()
    assert doc.text() == SOURCE and not doc.modified
    assert doc.redo_description == "Edit text"
    doc.redo()
    assert doc.cues[0].text == "Hej på er"


def test_typed_text_is_escaped_unless_valid_markup(doc: Document) -> None:
    doc.set_text(1, "R&D <b>fet</b> 3 < 4 > 2 &amp; <x> &bogus;")
    assert doc.cues[1].text == "R&amp;D <b>fet</b> 3 &lt; 4 &gt; 2 &amp; &lt;x&gt; &amp;bogus;"
    again = Document.from_text(doc.text())
    assert again.cues[1].text == doc.cues[1].text


def test_text_that_would_break_the_file_is_made_safe(doc: Document) -> None:
    doc.set_text(1, "rad ett\n\n00:00:09.000 --> 00:00:10.000\nrad tre")
    again = Document.from_text(doc.text())
    assert len(again) == 3 and not again.problems
    assert again.cues[1].text == "rad ett\n00:00:09.000 --&gt; 00:00:10.000\nrad tre"


def test_typing_merges_into_one_undo_step(doc: Document) -> None:
    for text in ("T", "Tv", "Två!", "Två!!"):
        doc.set_text(1, text, typing=True)
    doc.set_text(2, "x", typing=True)
    doc.undo()
    assert doc.cues[2].text == "Tre" and doc.cues[1].text == "Två!!"
    doc.undo()
    assert doc.text() == SOURCE
    assert not doc.can_undo


def test_typing_does_not_merge_across_a_save(doc: Document, tmp_path: Path) -> None:
    doc.set_text(1, "a", typing=True)
    doc.save(tmp_path / "x.vtt")
    doc.set_text(1, "ab", typing=True)
    assert doc.modified
    doc.undo()
    assert doc.cues[1].text == "a" and not doc.modified


def test_set_times_writes_the_cue_canonically(doc: Document) -> None:
    doc.set_times(0, 1500, 2500)
    assert "1\n00:00:01.500 --> 00:00:02.500 align:start\nHej <i>där</i>\n" in doc.text()
    assert doc.undo_description == "Change times"
    doc.undo()
    assert doc.text() == SOURCE
    with pytest.raises(ValueError):
        doc.set_times(0, -1, 5)


def test_shift_times_all_selection_and_from_point(doc: Document) -> None:
    doc.shift_times(1000)
    assert [c.start_ms for c in doc.cues] == [2000, 4000, 6000]
    doc.shift_times(-500, [0])
    assert [c.start_ms for c in doc.cues] == [1500, 4000, 6000]
    doc.shift_times(100, from_ms=5000)
    assert [c.start_ms for c in doc.cues] == [1500, 4000, 6100]
    for _ in range(3):
        doc.undo()
    assert doc.text() == SOURCE


def test_shift_before_zero_is_refused_and_changes_nothing(doc: Document) -> None:
    with pytest.raises(ValueError, match=r"cue 1 .*00:00:01\.000.*at most 1\.000 s"):
        doc.shift_times(-5000)
    assert doc.text() == SOURCE and not doc.can_undo
    with pytest.raises(ValueError, match="cue 2"):
        doc.shift_times(-3500, [1, 2])
    doc.shift_times(-1000)
    assert (doc.cues[0].start_ms, doc.cues[0].end_ms) == (0, 1000)
    assert all(c.end_ms > c.start_ms for c in doc.cues)


def test_set_times_refuses_an_end_before_the_start(doc: Document) -> None:
    for start, end in ((5000, 1000), (2000, 2000)):
        with pytest.raises(ValueError, match="must end after it starts"):
            doc.set_times(0, start, end)
    assert doc.text() == SOURCE


def test_retime_by_two_points_and_framerate(doc: Document) -> None:
    doc.retime(1000, 2000, 5000, 10000)
    assert [c.start_ms for c in doc.cues] == [2000, 6000, 10000]
    doc.undo()
    doc.change_framerate(25, 23.976)
    assert doc.cues[2].start_ms == round(5000 * 25 / 23.976)
    doc.undo()
    assert doc.text() == SOURCE


def test_split_by_proportion_and_at_time(doc: Document) -> None:
    doc.split(0, 4)
    assert [c.text for c in doc.cues[:2]] == ["Hej", "<i>där</i>"]
    assert doc.cues[0].end_ms == doc.cues[1].start_ms
    assert doc.cues[0].start_ms == 1000 and doc.cues[1].end_ms == 2000
    assert doc.cues[0].identifier == "1" and doc.cues[1].identifier == ""
    doc.undo()
    doc.split(0, 8, at_ms=1800)
    assert [c.text for c in doc.cues[:2]] == ["Hej <i>d</i>", "<i>är</i>"]
    assert doc.cues[0].end_ms == 1800
    doc.undo()
    assert doc.text() == SOURCE
    with pytest.raises(ValueError):
        doc.split(0, 3, at_ms=9000)


def test_merge_and_delete_keep_notes_in_place(doc: Document) -> None:
    doc.merge(0, 2)
    assert doc.cues[0].text == "Hej <i>där</i>\nTvå"
    assert (doc.cues[0].start_ms, doc.cues[0].end_ms) == (1000, 4000)
    assert "NOTE före tre\n\n00:00:05.000" in doc.text()
    assert doc.undo_description == "Merge cues"
    doc.undo()
    doc.delete([2])
    text = doc.text()
    assert text.endswith("Två\n\nNOTE före tre\n"), text
    doc.undo()
    assert doc.text() == SOURCE


def test_delete_last_cue_keeps_the_file_ending(doc: Document) -> None:
    doc.delete([2, 1])
    assert doc.text().endswith("\nNOTE före tre\n")
    assert doc.undo_description == "Delete cues"
    doc.undo()
    assert doc.text() == SOURCE


def test_insert_and_sort(doc: Document) -> None:
    doc.insert(3, Cue(500, 900, "Först"))
    assert doc.text().endswith("Tre\n\n00:00:00.500 --> 00:00:00.900\nFörst\n")
    doc.sort()
    assert [c.text for c in doc.cues] == ["Först", "Hej <i>där</i>", "Två", "Tre"]
    assert doc.undo_description == "Sort cues"
    doc.undo()
    doc.undo()
    assert doc.text() == SOURCE
    with pytest.raises(IndexError):
        doc.insert(9, Cue(0, 1, "x"))


def test_replace_cues_and_replace_all_are_one_step(doc: Document) -> None:
    doc.replace_cues({0: doc.cues[0].with_changes(text="A"), 2: doc.cues[2]}, "Fix")
    assert [c.text for c in doc.cues] == ["A", "Två", "Tre"]
    assert doc.undo_description == "Fix"
    doc.undo()
    cues = list(doc.cues)
    doc.replace_all([cues[0], cues[2], Cue(7000, 8000, "Ny")], "Clean up")
    assert [c.text for c in doc.cues] == ["Hej <i>där</i>", "Tre", "Ny"]
    assert doc.text().startswith(SOURCE[: SOURCE.index("00:00:03.000")])
    doc.undo()
    assert doc.text() == SOURCE


def test_group_is_one_step_and_rolls_back_on_error(doc: Document) -> None:
    with doc.group("Replace all"):
        doc.set_text(0, "a")
        doc.set_text(1, "b")
    assert doc.undo_description == "Replace all"
    doc.undo()
    assert doc.text() == SOURCE
    with pytest.raises(IndexError), doc.group("Broken"):
        doc.set_text(0, "a")
        doc.set_text(99, "b")
    assert doc.text() == SOURCE and not doc.can_undo


def test_events_follow_each_change(doc: Document) -> None:
    events: list[DocEvent] = []
    unsubscribe = doc.subscribe(events.append)
    doc.set_text(1, "x")
    doc.insert(0, Cue(0, 100, "y"))
    doc.delete([0])
    doc.sort()
    kinds = [(e.kind.value, e.start, e.stop) for e in events]
    assert kinds[:2] == [("changed", 1, 2), ("modified", 0, 0)]
    assert ("inserting", 0, 1) in kinds and ("inserted", 0, 1) in kinds
    assert ("removing", 0, 1) in kinds and ("removed", 0, 1) in kinds
    unsubscribe()
    doc.undo()
    assert len(events) == len(kinds)


def test_active_indices_and_index_at_or_after() -> None:
    doc = Document.new()
    doc.insert(0, Cue(0, 10_000, "lång"))
    doc.insert(1, Cue(1000, 2000, "a"))
    doc.insert(2, Cue(3000, 4000, "b"))
    doc.insert(3, Cue(12_000, 13_000, "c"))
    assert doc.active_indices(1500) == [0, 1]
    assert doc.active_indices(2000) == [0]
    assert doc.active_indices(11_000) == []
    assert doc.index_at_or_after(11_000) == 3
    assert doc.index_at_or_after(14_000) is None
    doc.set_times(0, 0, 500)
    assert doc.active_indices(1500) == [1]


def test_new_document_and_package_api(tmp_path: Path) -> None:
    doc = captionreview.Document.new()
    assert doc.text() == "WEBVTT\n" and len(doc) == 0
    doc.insert(0, captionreview.Cue(0, 1000, "Hej"))
    path = doc.save(tmp_path / "ny.vtt")
    assert path.read_text() == "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHej\n"
    assert captionreview.load(path).cues[0].text == "Hej"


def test_changing_many_cues_sends_one_event_for_the_span(doc: Document) -> None:
    events: list[DocEvent] = []
    doc.subscribe(events.append)
    doc.shift_times(250)
    assert [(e.kind, e.start, e.stop) for e in events] == [
        (EventKind.CHANGED, 0, 3),
        (EventKind.MODIFIED, 0, 0),
        (EventKind.HISTORY, 0, 0),
    ]
    events.clear()
    doc.undo()
    assert events[0] == DocEvent(EventKind.CHANGED, 0, 3)
    assert doc.text() == SOURCE


def test_inserting_a_copy_gives_it_its_own_uid(doc: Document) -> None:
    first = doc.cues[0]
    doc.insert(1, first)
    assert doc.cues[1].text == first.text and doc.cues[1].uid != first.uid
    doc.insert(0, Cue(0, 10, "ny"))
    fresh = doc.cues[0]
    doc.delete([0])
    doc.insert(0, fresh)
    assert doc.cues[0].uid == fresh.uid


def test_index_of_follows_a_cue_across_edits(doc: Document) -> None:
    uid = doc.cues[2].uid
    doc.insert(0, Cue(0, 10, "ny"))
    doc.set_text(3, "ändrad")
    assert doc.index_of(uid) == 3
    doc.delete([3])
    assert doc.index_of(uid) is None


def test_split_never_cuts_a_character_reference_or_a_tag() -> None:
    doc = Document.from_text("WEBVTT\n\n00:01.000 --> 00:03.000\nx\n")
    doc.set_text(0, "A < B & C > D")
    assert doc.cues[0].text == "A &lt; B &amp; C &gt; D"
    doc.split(0, 3)  # inside "&lt;"
    assert [c.text for c in doc.cues] == ["A &lt;", "B &amp; C &gt; D"]
    doc.undo()
    doc.set_text(0, "Hej <i>där borta</i>")
    doc.split(0, 6)  # inside "<i>"
    assert [c.text for c in doc.cues] == ["Hej", "<i>där borta</i>"]
    doc.undo()
    doc.set_text(0, "<i>Hej</i> där")
    doc.split(0, 7)  # inside "</i>"
    assert [c.text for c in doc.cues] == ["<i>Hej</i>", "där"]
    for cue in doc.cues:
        assert "&" not in cue.text.replace("&lt;", "").replace("&amp;", "").replace("&gt;", "")


def test_split_refuses_an_empty_side_or_a_zero_length_cue() -> None:
    doc = Document.from_text("WEBVTT\n\n00:01.000 --> 00:03.000\nHej där\n")
    before = doc.text()
    for pos in (0, 7):
        with pytest.raises(ValueError, match="no text"):
            doc.split(0, pos)
    for at in (1000, 3000):
        with pytest.raises(ValueError, match="inside the cue"):
            doc.split(0, 4, at_ms=at)
    assert doc.text() == before and not doc.can_undo
    short = Document.from_text("WEBVTT\n\n00:01.000 --> 00:01.001\nHej där\n")
    with pytest.raises(ValueError, match="too short"):
        short.split(0, 4)
    tiny = Document.from_text("WEBVTT\n\n00:01.000 --> 00:01.002\nHej där alla\n")
    tiny.split(0, 8)
    assert all(c.end_ms > c.start_ms for c in tiny.cues)


def test_sort_moves_unparsed_blocks_with_the_cue_before_them() -> None:
    text = (
        "WEBVTT\n\nNOTE top\n\n"
        "00:05.000 --> 00:06.000\nfem\n\nrest of fem\n\n"
        "NOTE between\n\n"
        "00:01.000 --> 00:02.000\nett\n\nrest of ett\n"
    )
    doc = Document.from_text(text)
    assert len(doc) == 2 and len(doc.problems) == 2
    doc.sort()
    assert doc.text() == (
        "WEBVTT\n\nNOTE top\n\n"
        "00:01.000 --> 00:02.000\nett\n\nrest of ett\n\n"
        "NOTE between\n\n"
        "00:05.000 --> 00:06.000\nfem\n\nrest of fem\n"
    )
    doc.undo()
    assert doc.text() == text
