"""The cue list model: Qt's model tester, and document events mapped to fine-grained signals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

import captionreview
from captionreview.core.document import Document
from captionreview.core.model import Cue
from captionreview.core.profiles import builtin_profile
from captionreview.core.timecode import parse_list_time
from captionreview.qt.cue_model import (
    COL_CPS,
    COL_END,
    COL_START,
    COL_TEXT,
    ERROR_BRUSH,
    WARN_BRUSH,
    CueTableModel,
)

pytestmark = pytest.mark.gui

VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
hello world

2
00:00:05.000 --> 00:00:06.000
a much too long line of text for one second

00:00:07.000 --> 00:00:09.500
two
lines
"""


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    path = tmp_path / "small.vtt"
    path.write_text(VTT, encoding="utf-8")
    return captionreview.load(path)


@pytest.fixture
def model(qtbot, doc: Document) -> CueTableModel:  # qtbot: the QApplication
    m = CueTableModel()
    m.set_document(doc)
    return m


class Recorder:
    """Collects the model's structural and data signals."""

    def __init__(self, model: CueTableModel) -> None:
        self.events: list[tuple] = []
        model.dataChanged.connect(
            lambda a, b, roles=(): self.events.append(
                ("data", a.row(), b.row(), a.column(), b.column())
            )
        )
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.modelReset.connect(lambda: self.events.append(("reset",)))

    def kinds(self) -> list[str]:
        return [e[0] for e in self.events]


def test_qt_model_tester_passes_through_edits(qtmodeltester, model, doc):
    qtmodeltester.check(model, force_py=True)
    doc.set_text(0, "changed", typing=True)
    doc.insert(1, Cue(4100, 4900, "inserted"))
    doc.delete([0])
    doc.undo()
    qtmodeltester.check(model, force_py=True)


def test_shows_times_duration_cps_and_text(model):
    assert model.rowCount() == 3
    assert model.columnCount() == 6
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert model.index(0, COL_START).data() == "00:01.000"
    assert model.index(2, COL_END).data() == "00:09.500"
    assert model.index(0, 2).data() == "3.00"
    # 11 characters over 3 seconds
    assert model.index(0, COL_CPS).data() == "3.7"
    assert model.index(2, COL_TEXT).data() == "two ⏎ lines"
    assert model.index(2, COL_TEXT).data(Qt.ItemDataRole.EditRole) == "two\nlines"
    assert model.headerData(COL_CPS, Qt.Orientation.Horizontal) == "CPS"


def test_cps_is_coloured_by_the_profile(model):
    fast = model.index(1, COL_CPS)
    assert model.data(fast, Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert model.index(0, COL_CPS).data(Qt.ItemDataRole.BackgroundRole) is None
    # 43 characters per second is over every profile; 3.7 is under every one.
    model.set_profile(builtin_profile("netflix-sv"))
    assert model.data(fast, Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert WARN_BRUSH != ERROR_BRUSH


def test_typing_changes_one_row_only(model, doc):
    rec = Recorder(model)
    doc.set_text(1, "short", typing=True)
    assert rec.events == [("data", 1, 1, 0, 5)]
    assert model.index(1, COL_TEXT).data() == "short"


def test_insert_and_delete_are_row_signals_not_resets(model, doc):
    rec = Recorder(model)
    doc.insert(1, Cue(4100, 4900, "new"))
    assert rec.events[0] == ("inserted", 1, 1)
    assert "reset" not in rec.kinds()
    assert model.rowCount() == 4
    assert model.index(1, COL_TEXT).data() == "new"
    # The rows after the new one are renumbered.
    assert model.headerData(3, Qt.Orientation.Vertical) == "4"
    rec.events.clear()
    doc.delete([0, 1])
    assert rec.kinds().count("removed") >= 1
    assert "reset" not in rec.kinds()
    assert model.rowCount() == 2
    assert model.index(0, COL_TEXT).data() == "a much too long line of text for one second"


def test_edits_through_the_model_are_undoable_commands(model, doc):
    assert model.setData(model.index(0, COL_TEXT), "first\nsecond")
    assert doc.cues[0].text == "first\nsecond"
    assert model.setData(model.index(0, COL_START), "0:00.500")
    assert doc.cues[0].start_ms == 500
    assert not model.setData(model.index(0, COL_END), "nonsense")
    assert doc.cues[0].end_ms == 4000
    doc.undo()
    assert doc.cues[0].start_ms == 1000
    doc.undo()
    assert doc.cues[0].text == "hello world"
    assert not model.flags(model.index(0, COL_CPS)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, COL_TEXT)) & Qt.ItemFlag.ItemIsEditable


def test_active_rows_repaint_only_what_changed(model):
    rec = Recorder(model)
    model.set_active_rows((0,))
    assert rec.events == [("data", 0, 0, 0, 5)]
    assert model.index(0, COL_TEXT).data(Qt.ItemDataRole.FontRole).bold()
    rec.events.clear()
    model.set_active_rows((0,))
    assert rec.events == []
    model.set_active_rows((1,))
    assert sorted(e[1] for e in rec.events) == [0, 1]


def test_switching_documents_resets_and_unsubscribes(model, doc):
    rec = Recorder(model)
    other = Document.new()
    model.set_document(other)
    assert rec.kinds() == ["reset"]
    assert model.rowCount() == 0
    rec.events.clear()
    doc.set_text(0, "no longer shown")
    assert rec.events == []
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_a_start_typed_after_the_end_is_refused_with_a_message(model, doc):
    said: list[str] = []
    model.message.connect(said.append)
    before = doc.cues[0]
    assert model.setData(model.index(0, COL_START), parse_list_time("0:05")) is False
    assert doc.cues[0] == before and not doc.modified
    assert said and "end after it starts" in said[0]


def test_a_huge_cps_is_shown_short_with_the_number_in_the_tooltip(qtbot) -> None:
    m = CueTableModel()
    m.set_document(
        Document.from_text("WEBVTT\n\n00:00:01.000 --> 00:00:01.100\n" + "x" * 37 + "\n")
    )
    index = m.index(0, COL_CPS)
    assert index.data() == ">99"
    assert "370.0 characters per second" in index.data(Qt.ItemDataRole.ToolTipRole)
