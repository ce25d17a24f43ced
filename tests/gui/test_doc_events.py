"""The Qt adapter of document events: one typed signal per kind, one way to stop following."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from captionreview.core.document import Document
from captionreview.core.model import Cue
from captionreview.qt.doc_events import DocumentEvents

pytestmark = pytest.mark.gui

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nett\n\n00:00:03.000 --> 00:00:04.000\ntvå\n"


def _record(events: DocumentEvents) -> list[tuple[object, ...]]:
    heard: list[tuple[object, ...]] = []
    for name in ("inserting", "inserted", "removing", "removed", "changed"):
        getattr(events, name).connect(lambda a, b, n=name: heard.append((n, a, b)))
    for name in ("resetting", "reset", "modified", "history"):
        getattr(events, name).connect(lambda n=name: heard.append((n,)))
    events.any_event.connect(lambda: heard.append(("any",)))
    return heard


def test_each_document_event_arrives_as_its_own_typed_signal(qtbot) -> None:
    doc = Document.from_text(VTT)
    events = DocumentEvents()
    heard = _record(events)
    events.set_document(doc)
    doc.set_text(1, "tre")
    doc.insert(0, Cue(0, 500, "noll"))
    doc.delete([0])
    doc.sort()
    named = [h for h in heard if h[0] != "any"]
    assert named[:3] == [("changed", 1, 2), ("modified",), ("history",)]
    assert ("inserting", 0, 1) in named and ("inserted", 0, 1) in named
    assert ("removing", 0, 1) in named and ("removed", 0, 1) in named
    assert heard.count(("any",)) == len(named)


def test_pointing_the_adapter_elsewhere_stops_the_old_document(qtbot) -> None:
    old, new = Document.from_text(VTT), Document.from_text(VTT)
    events = DocumentEvents()
    heard = _record(events)
    events.set_document(old)
    events.set_document(new)
    old.set_text(0, "gammal")
    assert heard == []
    new.set_text(0, "ny")
    assert ("changed", 0, 1) in heard
    events.set_document(None)
    heard.clear()
    new.set_text(0, "igen")
    assert heard == [] and events.document is None


def test_a_destroyed_adapter_leaves_the_document_working(qtbot) -> None:
    doc = Document.from_text(VTT)
    owner = QObject()
    events = DocumentEvents(owner)
    events.set_document(doc)
    with qtbot.waitSignal(owner.destroyed, timeout=2000):
        owner.deleteLater()
    doc.set_text(0, "efter")  # would raise if it still called the deleted adapter
    assert doc.cues[0].text == "efter"
