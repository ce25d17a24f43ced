"""Undo history: descriptions, redo, grouping, the saved-state marker."""

from __future__ import annotations

from pathlib import Path

from captionreview.core.document import DocEvent, Document, EventKind
from captionreview.core.model import Cue

TEXT = "WEBVTT\n\n00:01.000 --> 00:02.000\nett\n\n00:03.000 --> 00:04.000\ntvå\n"


def test_descriptions_follow_the_stacks() -> None:
    doc = Document.from_text(TEXT)
    assert (doc.undo_description, doc.redo_description) == (None, None)
    doc.set_text(0, "a")
    doc.merge(0)
    assert doc.undo_description == "Merge cues"
    doc.undo()
    assert (doc.undo_description, doc.redo_description) == ("Edit text", "Merge cues")
    doc.undo()
    assert not doc.can_undo and doc.can_redo
    doc.redo()
    doc.redo()
    assert doc.cues[0].text == "a\ntvå" and not doc.can_redo


def test_a_new_edit_clears_redo() -> None:
    doc = Document.from_text(TEXT)
    doc.set_text(0, "a")
    doc.undo()
    doc.set_text(1, "b")
    assert not doc.can_redo


def test_undo_and_redo_on_empty_stacks_do_nothing() -> None:
    doc = Document.from_text(TEXT)
    doc.undo()
    doc.redo()
    assert doc.text() == TEXT


def test_modified_marker_follows_save_undo_and_redo(tmp_path: Path) -> None:
    doc = Document.from_text(TEXT)
    kinds: list[EventKind] = []
    doc.subscribe(lambda e: kinds.append(e.kind) if e.kind is EventKind.MODIFIED else None)
    doc.set_text(0, "a")
    doc.save(tmp_path / "x.vtt")
    assert not doc.modified
    doc.undo()
    assert doc.modified
    doc.redo()
    assert not doc.modified
    assert kinds == [EventKind.MODIFIED] * 4


def test_nested_groups_make_one_step() -> None:
    doc = Document.from_text(TEXT)
    with doc.group("Clean up"):
        doc.set_text(0, "a")
        with doc.group("inner"):
            doc.insert(2, Cue(5000, 6000, "tre"))
            doc.delete([1])
    assert doc.undo_description == "Clean up"
    doc.undo()
    assert doc.text() == TEXT and not doc.can_undo


def test_no_op_edits_make_no_step() -> None:
    doc = Document.from_text(TEXT)
    doc.set_text(0, "ett")
    doc.set_times(0, 1000, 2000)
    doc.sort()
    doc.replace_cues({0: doc.cues[0]}, "Nothing")
    with doc.group("Empty"):
        pass
    assert not doc.can_undo and not doc.modified


def test_undo_of_typing_emits_one_change_per_step() -> None:
    doc = Document.from_text(TEXT)
    for text in ("e", "et", "ett!"):
        doc.set_text(0, text, typing=True)
    events: list[DocEvent] = []
    doc.subscribe(events.append)
    doc.undo()
    assert [(e.kind, e.start) for e in events] == [
        (EventKind.CHANGED, 0),
        (EventKind.MODIFIED, 0),
        (EventKind.HISTORY, 0),
    ]


def test_a_listener_reads_the_history_as_it_is_after_the_step() -> None:
    doc = Document.from_text(TEXT)
    doc.set_text(0, "ett!")
    doc.set_text(1, "två!")
    seen: list[tuple[EventKind, bool, bool]] = []
    doc.subscribe(lambda e: seen.append((e.kind, doc.can_undo, doc.can_redo)))
    doc.undo()
    assert seen == [(EventKind.CHANGED, True, True), (EventKind.HISTORY, True, True)]
    seen.clear()
    doc.redo()
    assert seen == [(EventKind.CHANGED, True, False), (EventKind.HISTORY, True, False)]


def test_every_new_step_is_announced_after_it_is_in_the_history() -> None:
    doc = Document.from_text(TEXT)
    doc.set_text(0, "ett!")
    labels: list[str | None] = []
    doc.subscribe(
        lambda e: labels.append(doc.undo_description) if e.kind is EventKind.HISTORY else None
    )
    doc.delete([1])
    assert labels == [doc.undo_description] and labels != ["Edit text"]
