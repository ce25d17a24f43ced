"""Clean up auto-captions…: the preview dialog and the window's offer, with real widgets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

import captionreview
from captionreview.core.audio.analysis import AudioAnalysis
from captionreview.core.cleanup.rolling import UNDO_DESCRIPTION, clean_auto_captions
from captionreview.core.document import Document
from captionreview.core.profiles import builtin_profile
from captionreview.core.vtt.cuetext import plain_lines
from captionreview.core.words.glossary import Glossary
from captionreview.qt.cleanup_dialog import CleanupDialog
from captionreview.qt.timeline_feature import TimelineFeature
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]
SE = builtin_profile("se-public")


@pytest.fixture()
def auto_path(tmp_path: Path, demo_dir: Path) -> Path:
    """A copy of the demo lecture's captions in YouTube's auto-caption form."""
    source = demo_dir / "youtube" / "lecture.sv.vtt"
    if not source.exists():
        pytest.skip("the demo's YouTube-form captions are not in assets/demo")
    return Path(shutil.copy(source, tmp_path / "lecture.sv.vtt"))


def snapshot(doc: Document) -> list[tuple[int, int, str]]:
    return [(c.start_ms, c.end_ms, c.text) for c in doc.cues]


def distinct_words(snap: list[tuple[int, int, str]]) -> list[str]:
    lines: list[str] = []
    for _start, _end, text in snap:
        for line in plain_lines(text):
            line = " ".join(line.split())
            if line and (not lines or lines[-1] != line):
                lines.append(line)
    return " ".join(lines).split()


def words(doc: Document) -> list[str]:
    return [w for c in doc.cues for line in plain_lines(c.text) for w in line.split()]


def open_dialog(qtbot, doc: Document) -> CleanupDialog:
    dialog = CleanupDialog(doc, SE)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preview_then_apply_is_one_undo_step(qtbot, auto_path: Path) -> None:
    doc = captionreview.load(auto_path)
    original = snapshot(doc)
    dialog = open_dialog(qtbot, doc)
    # until the worker is done there is nothing to apply
    assert not dialog.apply_button.isEnabled()
    assert dialog.before.toPlainText().count(" → ") == len(original)
    qtbot.waitUntil(lambda: dialog.clean_result is not None, timeout=10_000)
    result = dialog.clean_result
    assert result is not None
    assert dialog.apply_button.isEnabled()
    assert dialog.after.toPlainText().count(" → ") == len(result.cues) < len(original)
    assert dialog.after_label.text().replace("&", "") == f"After: {len(result.cues)} cues"
    summary = dialog.summary.text()
    assert f"{result.removed.rolling_lines} rolling duplicate lines" in summary
    assert f"{result.removed.bridge_cues} bridge cues" in summary
    assert "looks like auto-captions" in summary
    assert "<c>" in dialog.before.toPlainText() and "<c>" not in dialog.after.toPlainText()
    # the figures table: one row per figure, the cue counts are the real ones
    table = dialog.figures
    rows = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }
    assert rows["cues"] == (str(len(original)), str(len(result.cues)))
    assert "cues over 15 cps" in rows

    # the two sides scroll together by time
    moment = original[30][0]
    dialog.before.verticalScrollBar().setValue(dialog.before.lines[30])
    shown = max(k for k, cue in enumerate(result.cues) if cue.start_ms <= moment)
    after_bar = dialog.after.verticalScrollBar()
    assert after_bar.maximum() > 0
    assert after_bar.value() == min(dialog.after.lines[shown], after_bar.maximum()) > 0
    after_bar.setValue(0)
    assert dialog.before.verticalScrollBar().value() == 0

    original_text = doc.text()
    assert original_text == auto_path.read_text(encoding="utf-8")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(doc) == len(result.cues)
    assert words(doc) == distinct_words(original)
    assert doc.modified
    assert doc.undo_description == UNDO_DESCRIPTION
    # YouTube's "Kind:" went with the same step; the legal "Language:" line stays
    assert doc.text().startswith("WEBVTT\nLanguage: sv\n\n")
    assert "Kind:" not in doc.text()
    assert doc.header_metadata == {"Language": "sv"} and doc.language == "sv"
    doc.undo()
    assert snapshot(doc) == original
    assert doc.text() == original_text
    assert doc.metadata == {"Kind": "captions", "Language": "sv"}
    assert not doc.can_undo
    doc.redo()
    assert doc.language == "sv" and "Kind:" not in doc.text()


def test_cancel_changes_nothing(qtbot, auto_path: Path) -> None:
    doc = captionreview.load(auto_path)
    original = snapshot(doc)
    dialog = open_dialog(qtbot, doc)
    qtbot.waitUntil(lambda: dialog.clean_result is not None, timeout=10_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert snapshot(doc) == original and not doc.modified and not doc.can_undo


def test_closing_while_the_preview_is_computed_is_safe(qtbot, auto_path: Path) -> None:
    doc = captionreview.load(auto_path)
    original = snapshot(doc)
    dialog = open_dialog(qtbot, doc)
    dialog.reject()
    qtbot.wait(50)
    assert snapshot(doc) == original and not doc.can_undo


def test_a_human_made_track_is_previewed_with_a_warning(qtbot) -> None:
    doc = Document.from_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nEn mening som står för sig själv.\n\n"
        "00:00:04.000 --> 00:00:06.000\nOch en till, helt olik den första.\n"
    )
    before = words(doc)
    dialog = open_dialog(qtbot, doc)
    qtbot.waitUntil(lambda: dialog.clean_result is not None, timeout=10_000)
    assert "does not look like auto-captions" in dialog.summary.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert words(doc) == before


def offer_bar(window) -> QToolBar:
    bar = window.findChild(QToolBar, "autoCaptionOfferBar")
    assert bar is not None
    return bar


def test_window_menu_offer_and_apply(qtbot, make_window, auto_path: Path, tmp_path: Path) -> None:
    window = make_window()
    action = window.findChild(QAction, "clean_up_auto_captions")
    assert action is not None
    assert (action, "Captions") in window.registered_actions()
    assert action in window.menu("Captions").actions()
    assert not action.isEnabled()  # no document yet
    assert not offer_bar(window).isVisible()

    human = tmp_path / "human.vtt"
    human.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHej och välkomna.\n\n"
        "00:00:04.000 --> 00:00:06.000\nI dag talar vi om regionen.\n",
        encoding="utf-8",
    )
    window.set_document(captionreview.load(human), ask=False)
    assert action.isEnabled()
    assert not offer_bar(window).isVisible()

    doc = captionreview.load(auto_path)
    original = snapshot(doc)
    window.set_document(doc, ask=False)
    bar = offer_bar(window)
    assert bar.isVisible()
    message = bar.findChild(type(bar.message), "autoCaptionOfferMessage")
    assert "auto-captions" in message.text()

    # "Clean up…" on the bar opens the preview; Apply changes the document in one step.
    feature = window.findChild(QObject, "cleanupFeature")
    button = bar.widgetForAction(bar.clean_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = feature.dialog
    assert isinstance(dialog, CleanupDialog) and dialog.parent() is window
    assert dialog.isVisible() and dialog.isModal()
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert window.document is doc
    assert words(doc) == distinct_words(original)
    assert doc.undo_description == UNDO_DESCRIPTION
    assert "Cleaned up" in window.statusBar().currentMessage()
    # the window's table follows the document
    assert window.cue_model.rowCount() == len(doc)

    # the menu action opens it too; "Not now" hides the bar without changing anything
    window.set_document(captionreview.load(auto_path), ask=False)
    assert offer_bar(window).isVisible()
    qtbot.mouseClick(bar.widgetForAction(bar.dismiss_action), Qt.MouseButton.LeftButton)
    assert not offer_bar(window).isVisible()
    action.trigger()
    second = feature.dialog
    assert isinstance(second, CleanupDialog) and second is not dialog and second.isVisible()
    qtbot.waitUntil(lambda: second.clean_result is not None, timeout=10_000)
    second.reject()
    assert not window.document.modified and not window.document.can_undo


def test_the_preview_counts_the_header_lines_it_removes(qtbot, auto_path: Path) -> None:
    doc = captionreview.load(auto_path)
    assert doc.header_metadata == {"Kind": "captions", "Language": "sv"}
    dialog = open_dialog(qtbot, doc)
    qtbot.waitUntil(lambda: dialog.clean_result is not None, timeout=10_000)
    assert "1 header line." in dialog.summary.text()  # Kind: goes, Language: stays


def cue_texts(cues) -> list[str]:
    return [" ".join(" ".join(plain_lines(c.text)).split()) for c in cues]


def test_the_windows_clean_up_uses_the_sound_analysis_and_keeps_glossary_terms_whole(
    qtbot, make_window, auto_path: Path, demo_dir: Path, demo_analysis: AudioAnalysis | None
) -> None:
    if demo_analysis is None:
        pytest.skip("the demo's sound could not be analysed (ffmpeg or the VAD missing)")
    shutil.copy(demo_dir / "glossary.txt", auto_path.with_name("glossary.txt"))
    window = make_window()
    window.open_paths([auto_path])
    doc = window.document
    feature = window.findChild(QObject, "cleanupFeature")
    timeline = window.findChild(TimelineFeature)
    assert feature is not None and timeline is not None, window.feature_errors

    # Before the sound is analysed: the clean-up works as before and says so.
    early = feature.open_dialog()
    assert "not used" in early.pauses.text()
    qtbot.waitUntil(lambda: early.clean_result is not None, timeout=10_000)
    without_sound = cue_texts(early.clean_result.cues)
    early.reject()

    timeline.analyser = lambda _video, _progress, _speech_ready: demo_analysis
    with qtbot.waitSignal(timeline.analysis_ready, timeout=10_000):
        timeline.analyse(demo_dir / "lecture.mp4")
    dialog = feature.open_dialog()
    assert dialog.pauses.text() == "Cues end at the pauses heard in the sound."
    qtbot.waitUntil(lambda: dialog.clean_result is not None, timeout=10_000)
    result = dialog.clean_result
    glossary = Glossary.load(demo_dir / "glossary.txt")
    expected = clean_auto_captions(
        list(doc.cues),
        SE,
        metadata=doc.header_metadata,
        language=doc.language,
        audio=demo_analysis,
        glossary=glossary,
    )
    assert cue_texts(result.cues) == cue_texts(expected.cues)
    assert [(c.start_ms, c.end_ms) for c in result.cues] == [
        (c.start_ms, c.end_ms) for c in expected.cues
    ]
    texts = cue_texts(result.cues)
    for term in ("region styrelsen", "till växt verket", "anna söder gren"):
        assert any(term in text for text in texts), f"{term!r} is cut across two cues"
    # The analysis changed where cues end: without it the same words are cut elsewhere.
    assert without_sound != texts
    dialog.reject()
