"""Reviewing in the real window: Ctrl+Shift+A approves and moves on, Ctrl+Shift+N finds the
next cue not approved, the filter hides cues, the status bar counts, comments and the place
are kept in the sidecar and resumed, the Changes view lists what changed and the NER estimate
follows the reviewer's severities, and the exported report has the accuracy section."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from captionreview.core.model import ErrorSeverity
from captionreview.core.review import CueState, sidecar_path
from captionreview.qt.issues_panel import IssuesPanel
from captionreview.qt.review_panel import ReviewFeature
from tests.gui.windowtools import answer_fixture, make_window_fixture, open_captions, type_text

__all__ = ["answer_fixture", "make_window_fixture"]

pytestmark = [pytest.mark.gui]

APPROVE = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

CAPTIONS = """WEBVTT

00:00:01.000 --> 00:00:04.000
professor grön vall talar

00:00:04.500 --> 00:00:08.000
om till växt verket i dag

00:00:08.500 --> 00:00:11.000
och och sedan om regionen

00:00:11.500 --> 00:00:14.000
tack för i dag
"""


@pytest.fixture(name="window")
def window_fixture(qtbot, make_window, tmp_path: Path):
    """The real main window with four auto-captions open (no video)."""
    window = open_captions(make_window, tmp_path, "talk.sv.vtt", CAPTIONS)
    return window


def feature_of(window) -> ReviewFeature:
    feature = window.findChild(ReviewFeature)
    assert feature is not None
    return feature


def test_ctrl_shift_a_approves_and_moves_on_and_ctrl_shift_n_finds_the_next_unapproved(
    qtbot, window
) -> None:
    feature = feature_of(window)
    view = window.cue_view
    assert feature.status.text() == "0 of 4 approved (0 %)"
    window.select_cue(0)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_A, APPROVE)
    QTest.keyClick(view, Qt.Key.Key_A, APPROVE)
    assert window.current_index() == 2
    assert feature.status.text() == "2 of 4 approved (50 %)"
    assert feature.panel.state.text() == "○ unreviewed"
    window.select_cue(0)
    QTest.keyClick(
        view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.current_index() == 2
    # The state column of the list is text and a symbol, not colour alone.
    window.select_cue(1)
    assert feature.panel.state.text() == "✓ approved"


def test_the_filter_hides_approved_cues_and_shows_them_again(qtbot, window) -> None:
    feature = feature_of(window)
    window.select_cue(0)
    QTest.keyClick(window.cue_view, Qt.Key.Key_A, APPROVE)
    combo = feature.panel.filter
    combo.setFocus()
    # "Unreviewed" is the third entry: two presses of Down from "All cues".
    QTest.keyClick(combo, Qt.Key.Key_Down)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Unreviewed"
    view = window.cue_view
    assert [view.isRowHidden(r) for r in range(4)] == [True, False, False, False]
    window.document.set_text(2, "Och sedan om regionen.")
    # An edited cue is corrected, not unreviewed: it leaves the filtered list.
    qtbot.waitUntil(lambda: view.isRowHidden(2), timeout=2000)
    combo.setCurrentIndex(0)
    assert not any(view.isRowHidden(r) for r in range(4))


def test_an_edit_is_corrected_and_undo_makes_it_unreviewed_again(window) -> None:
    feature = feature_of(window)
    doc = window.document
    doc.set_text(3, "Tack för i dag!")
    assert feature.review.state(3) is CueState.CORRECTED
    assert "1 corrected" in feature.panel.progress.text()
    doc.undo()
    assert feature.review.state(3) is CueState.UNREVIEWED
    # Edits alone write no sidecar (none appears beside a file nobody reviews).
    feature.flush()
    assert not sidecar_path(doc.path).exists()
    # Saving the captions saves their review with them.
    doc.set_text(3, "Tack för i dag!")
    doc.save()
    saved = json.loads(sidecar_path(doc.path).read_text(encoding="utf-8"))
    assert saved["counts"] == {"unreviewed": 3, "corrected": 1, "approved": 0}


def test_comment_and_place_are_saved_beside_the_captions_and_resumed(
    qtbot, window, make_window, tmp_path: Path
) -> None:
    feature = feature_of(window)
    window.select_cue(2)
    QTest.keyClick(window.cue_view, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert feature.panel.comment.hasFocus()
    type_text(feature.panel.comment, "Upprepat och: fråga föreläsaren")
    window.select_cue(3)
    feature.flush()
    sidecar = sidecar_path(window.document.path)
    qtbot.waitUntil(sidecar.exists, timeout=3000)
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert data["cues"][2]["comment"] == "Upprepat och: fråga föreläsaren"
    assert data["resume"]["cue"] == 3
    path = window.document.path
    window.close()
    again = make_window(tmp_path / "journal2")
    assert again.open_paths([path])
    assert again.current_index() == 3
    assert feature_of(again).comment_of(2) == "Upprepat och: fråga föreläsaren"


def test_approving_a_cue_with_errors_asks_once(qtbot, make_window, tmp_path: Path, answer) -> None:
    window = open_captions(
        make_window,
        tmp_path,
        "overlap.sv.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nEtt\n\n"
        "00:00:03.000 --> 00:00:06.000\nTvå\n\n00:00:04.000 --> 00:00:07.000\nTre\n",
    )
    panel = window.findChild(IssuesPanel)
    panel.wait()
    panel.refresh()
    errors = [i for i in range(3) if panel.worst_severity(i) is not None]
    assert errors, "the overlapping cues should have findings"
    from captionreview.core.model import Severity

    first = next(i for i in range(3) if panel.worst_severity(i) is Severity.ERROR)
    window.select_cue(first)
    said_yes = answer("approveErrorsDialog", "Yes")
    QTest.keyClick(window.cue_view, Qt.Key.Key_A, APPROVE)
    qtbot.waitUntil(lambda: said_yes.answered, timeout=3000)
    feature = feature_of(window)
    assert feature.review.state(first) is CueState.APPROVED
    # The second cue with errors is approved without a question.
    others = [i for i in range(3) if i != first and panel.worst_severity(i) is Severity.ERROR]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    for index in others:
        window.select_cue(index)
        QTest.keyClick(window.cue_view, Qt.Key.Key_A, APPROVE)
        assert feature.review.state(index) is CueState.APPROVED


def test_the_changes_view_lists_changes_and_the_ner_estimate_follows_severity(
    qtbot, window
) -> None:
    feature = feature_of(window)
    doc = window.document
    doc.set_text(0, "Professor Grünewald talar")
    doc.set_text(1, "om Tillväxtverket i dag")
    QTest.keyClick(
        window.cue_view,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(feature.changes_panel.isVisible, timeout=2000)
    qtbot.waitUntil(lambda: feature.changes_panel.tree.topLevelItemCount() >= 2, timeout=3000)
    tree = feature.changes_panel.tree
    labels = [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
    assert "grön vall → Grünewald" in labels and "till växt verket → Tillväxtverket" in labels
    # The auto track here is the file as opened; 18 reference words, 2 changes of 0.5.
    summary = feature.changes_panel.summary.text()
    ner = feature.comparison.ner(feature.review.severities)
    assert f"NER estimate {100 * ner.accuracy:.1f} %" in summary
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(labels.index("grön vall → Grünewald")))
    combo = feature.changes_panel.severity
    combo.setCurrentIndex(combo.findData(ErrorSeverity.SERIOUS.value))
    combo.activated.emit(combo.currentIndex())
    serious = feature.comparison.ner(feature.review.severities)
    assert serious.accuracy < ner.accuracy
    assert f"NER estimate {100 * serious.accuracy:.1f} %" in feature.changes_panel.summary.text()
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.current_index() == 0


def test_the_exported_report_has_the_accuracy_section(window, tmp_path: Path) -> None:
    window.document.set_text(0, "Professor Grünewald talar")
    feature_of(window).refresh_comparison()
    panel = window.findChild(IssuesPanel)
    target = tmp_path / "report.html"
    assert panel.tools.write_report(target) == target
    page = target.read_text(encoding="utf-8")
    assert "Accuracy of the automatic captions" in page
    assert "grön vall" in page and "0 of 4 approved (0 %)" in page
