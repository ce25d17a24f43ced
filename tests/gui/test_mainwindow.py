"""The review window with real widgets, the real libvlc playing the demo lecture, real files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from captionreview.core.journal import Journal
from captionreview.qt.app import NO_DISPLAY_MESSAGE
from captionreview.qt.cue_model import COL_START, COL_TEXT
from captionreview.qt.issues_panel import FINDING_ROLE, IssuesPanel
from tests.gui.windowtools import answer_fixture, lecture_fixture, make_window_fixture, type_text

__all__ = ["answer_fixture", "lecture_fixture", "make_window_fixture"]

pytestmark = [pytest.mark.gui]
ROOT = Path(__file__).resolve().parents[2]
CUE0_START, CUE0_END, CUE1_START = 800, 4945, 5345


def open_lecture(qtbot, window, video: Path) -> None:
    """Open the video (its captions are found beside it) and wait for the first picture."""
    assert window.open_paths([video])
    if not window.player.available:
        pytest.skip(window.player.status_message)
    qtbot.waitUntil(
        lambda: window.player.duration() > 0 and window.player.current_frame() is not None,
        timeout=8000,
    )


def type_in(_qtbot, widget, text: str) -> None:
    type_text(widget, text)


def press(qtbot, widget, sequence: str) -> None:
    """Press a key sequence on ``widget`` as a user would (shortcuts resolve from there)."""
    key = QKeySequence(sequence)[0]
    widget.setFocus()
    qtbot.keyClick(widget, key.key(), key.keyboardModifiers())


# -- opening


@pytest.mark.vlc
def test_opening_a_video_finds_its_captions_and_shows_the_title(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    assert window.document is not None
    assert window.document.path == lecture.with_name("lecture.sv.vtt")
    assert len(window.document) == 15
    assert window.windowTitle() == "lecture.sv.vtt[*] — CaptionReview"
    assert not window.isWindowModified()
    assert window.cue_model.rowCount() == 15
    assert window.current_index() == 0
    assert window.editor.text_edit.toPlainText().startswith("välkomna till")


def test_captions_alone_open_without_a_video_and_stay_editable(qtbot, make_window, tmp_path):
    path = tmp_path / "alone.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    window = make_window()
    assert window.open_paths([path])
    assert len(window.document) == 1
    type_in(qtbot, window.editor.text_edit, " då")
    assert window.document.cues[0].text == "hej då"
    assert window.player.path() is None  # no video beside it: the picture area says so


def test_several_caption_files_beside_a_video_ask_which(qtbot, make_window, lecture, monkeypatch):
    lecture.with_name("lecture.en.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nwelcome\n", encoding="utf-8"
    )
    from PySide6.QtWidgets import QInputDialog

    offered = []

    def choose(_parent, _title, _label, items, _current, _editable):
        offered.extend(items)
        return "lecture.en.vtt", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    window = make_window()
    assert window.open_paths([lecture])
    assert offered == ["lecture.en.vtt", "lecture.sv.vtt"]
    assert window.document.cues[0].text == "welcome"


def problem_rows(panel: IssuesPanel) -> list:
    """The issues panel's rows of the reader's problems (findings about a line, no cue)."""
    rows = []
    for top in range(panel.model.rowCount()):
        severity = panel.model.item(top)
        for r in range(severity.rowCount()):
            rule = severity.child(r)
            panel.view.expand(rule.index())
            for c in range(rule.rowCount()):
                finding = rule.child(c).data(FINDING_ROLE)
                if finding is not None and finding.cue_index is None and finding.line:
                    rows.append(rule.child(c))
    return sorted(rows, key=lambda item: item.data(FINDING_ROLE).line)


def test_a_malformed_file_opens_with_its_problems_listed(qtbot, make_window, tmp_path):
    path = tmp_path / "broken.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n\n"
        "00:00:03.000 --> 00:00:4.000\nbad timestamp\n\n"
        "00:00:05.000 --> 00:00:06.000\nalso fine\n",
        encoding="utf-8",
    )
    window = make_window()
    assert window.open_paths([path])
    doc = window.document
    assert [c.text for c in doc.cues] == ["fine", "also fine"]
    panel = window.findChild(IssuesPanel)
    rows = problem_rows(panel)
    assert len(rows) == len(doc.problems) >= 1
    assert rows[0].text().startswith("Line 6  ")
    assert "“00:00:03.000 --> 00:00:4.000" in rows[0].text()  # the text concerned, quoted
    assert panel.isVisible() and panel.view.isExpanded(rows[0].parent().index())
    assert "problem in the file: see the Issues panel" in window.statusBar().currentMessage()
    # Nothing was dropped: saving writes the bad block back as it was.
    assert "00:00:4.000\nbad timestamp" in doc.text()


def test_a_windows_1252_file_is_offered_another_encoding(qtbot, make_window, tmp_path, answer):
    path = tmp_path / "latin.vtt"
    path.write_bytes(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nVälkomna till Göteborg\n".encode("cp1252")
    )
    window = make_window()
    answerer = answer("encodingDialog", "Open as Windows-1252")
    assert window.open_paths([path])
    assert answerer.answered
    assert "latin.vtt is not UTF-8 (line 4)" in answerer.texts[0]
    assert (
        "It looks like Windows-1252 (Swedish å ä ö). Open it as Windows-1252?"
        in (answerer.texts[0])
    )
    assert "encoding=" not in answerer.texts[0]
    assert window.document.cues[0].text == "Välkomna till Göteborg"


def test_a_utf8_file_with_one_bad_byte_is_offered_utf8_not_latin1(
    qtbot, make_window, tmp_path, answer
):
    path = tmp_path / "stray.vtt"
    path.write_bytes(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nVälkomna till Göteborg\n\n"
        "00:00:03.000 --> 00:00:04.000\nPris p".encode()
        + b"\xe5: 5 kr\n"
    )
    window = make_window()
    answerer = answer("encodingDialog", "Open as UTF-8, bad bytes as \ufffd")
    assert window.open_paths([path])
    assert answerer.answered
    assert "stray.vtt is UTF-8, but some of its bytes are not (line 7)." in answerer.texts[0]
    assert "encoding=" not in answerer.texts[0]
    doc = window.document
    assert [c.text for c in doc.cues] == ["Välkomna till Göteborg", "Pris p\ufffd: 5 kr"]
    assert doc.modified
    assert [(p.line, p.rule) for p in doc.problems] == [(7, "VTT-ENC-01")]


@pytest.mark.vlc
def test_a_video_that_cannot_play_leaves_the_captions_editable(qtbot, make_window, lecture):
    broken = lecture.with_name("lecture.mp4")
    broken.write_bytes(b"this is not a video" * 100)
    window = make_window()
    assert window.open_paths([broken])
    if not window.player.available:
        pytest.skip(window.player.status_message)
    qtbot.waitUntil(lambda: window.video_widget.message() is not None, timeout=8000)
    assert len(window.document) == 15
    type_in(qtbot, window.editor.text_edit, "!")
    assert window.document.cues[0].text.endswith("!")


def test_dropping_a_caption_file_opens_it(qtbot, make_window, tmp_path):
    path = tmp_path / "dropped.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ndropped\n", encoding="utf-8")
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document is not None and window.document.path == path)
    assert window.document.cues[0].text == "dropped"


# -- playing and following


@pytest.mark.vlc
def test_time_advances_while_playing(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    start = window.player.position()
    press(qtbot, window.editor.text_edit, "Ctrl+Space")
    qtbot.waitUntil(lambda: window.player.position() > start + 600, timeout=5000)
    assert window.player.is_playing()
    assert window._status.time_label.text().split(" / ")[0] != "00:00.0"
    press(qtbot, window.editor.text_edit, "Ctrl+Space")
    qtbot.waitUntil(lambda: not window.player.is_playing(), timeout=2000)


@pytest.mark.vlc
def test_the_highlighted_cue_follows_playback_across_a_boundary(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    window.cue_view.setFocus()
    window.player.seek(CUE0_END - 400)
    window.player.play()
    qtbot.waitUntil(lambda: window.cue_model.active_rows == (0,), timeout=3000)
    qtbot.waitUntil(lambda: window.cue_model.active_rows == (1,), timeout=4000)
    assert window.player.position() >= CUE1_START
    font = window.cue_model.index(1, COL_TEXT).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold()
    # The selection stays where the user put it (timing keys act on it); F4 takes the editor
    # to the cue being spoken.
    assert window.current_index() == 0
    press(qtbot, window.cue_view, "F4")
    assert window.current_index() == 1
    assert window.editor.text_edit.hasFocus()
    assert window.editor.text_edit.toPlainText().startswith("svensk ekonomi")
    window.player.pause()


@pytest.mark.vlc
def test_clicking_a_cue_seeks_the_player_there(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    view = window.cue_view
    rect = view.visualRect(window.cue_model.index(5, COL_START))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    target = window.document.cues[5].start_ms
    qtbot.waitUntil(lambda: abs(window.player.position() - target) < 100, timeout=3000)
    assert window.current_index() == 5
    assert window.cue_model.active_rows == (5,)


@pytest.mark.vlc
def test_a_typed_correction_shows_on_the_picture_at_once(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    window.player.seek(2000)
    video = window.video_widget
    qtbot.waitUntil(lambda: video.displayed_cues() == [0], timeout=3000)
    before = video.grab().toImage()
    edit = window.editor.text_edit
    edit.selectAll()
    type_in(qtbot, edit, "Välkomna till den här föreläsningen om regional utveckling.")
    assert (
        window.document.cues[0].text
        == "Välkomna till den här föreläsningen om regional utveckling."
    )
    boxes = video.caption_boxes()
    assert [b.document.toPlainText() for b in boxes] == [window.document.cues[0].text]
    after = video.grab().toImage()
    assert after != before
    assert window.isWindowModified()
    assert window.windowTitle().replace("[*]", "*") == "lecture.sv.vtt* — CaptionReview"


@pytest.mark.vlc
def test_undo_and_redo_from_the_keyboard_with_the_description_in_the_menu(
    qtbot, make_window, lecture
):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    edit = window.editor.text_edit
    original = window.document.cues[0].text
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_in(qtbot, edit, " nu")
    assert window.document.cues[0].text == original + " nu"
    undo = window.action("undo")
    assert undo.text().replace("&", "") == "Undo Edit text"
    press(qtbot, edit, "Ctrl+Z")
    assert window.document.cues[0].text == original
    assert edit.toPlainText() == original
    assert window.action("redo").text().replace("&", "") == "Redo Edit text"
    press(qtbot, edit, "Ctrl+Shift+Z")
    assert window.document.cues[0].text == original + " nu"
    press(qtbot, edit, "Ctrl+Z")
    press(qtbot, edit, "Ctrl+Y")
    assert edit.toPlainText() == original + " nu"


@pytest.mark.vlc
def test_save_writes_the_file(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    captions = lecture.with_name("lecture.sv.vtt")
    before = captions.read_text(encoding="utf-8")
    edit = window.editor.text_edit
    edit.selectAll()
    type_in(qtbot, edit, "Välkomna!")
    press(qtbot, edit, "Ctrl+S")
    after = captions.read_text(encoding="utf-8")
    assert "Välkomna!" in after
    assert (
        after.replace("Välkomna!", "välkomna till den här föreläsningen om regional utveckling")
        == before
    )
    assert not window.isWindowModified()
    assert window._status.modified_label.text() == "Saved"


def test_replace_all_is_one_undo_step_and_says_how_many(qtbot, make_window, tmp_path):
    path = tmp_path / "words.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ntill växt verket\n\n"
        "00:00:03.000 --> 00:00:04.000\ningenting här\n\n"
        "00:00:05.000 --> 00:00:06.000\nTill Växt Verket och till växt verket\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_paths([path])
    press(qtbot, window.editor.text_edit, "Ctrl+H")
    dialog = window.find_dialog()
    qtbot.waitUntil(dialog.isVisible)
    dialog.find_edit.setText("till växt verket")
    dialog.replace_edit.setText("Tillväxtverket")
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    texts = [c.text for c in window.document.cues]
    assert texts == ["Tillväxtverket", "ingenting här", "Tillväxtverket och Tillväxtverket"]
    assert "3 occurrences in 2 cues" in dialog.result_label.text()
    assert window.action("undo").text().startswith("&Undo Replace all")
    window.action("undo").trigger()
    assert window.document.cues[0].text == "till växt verket"
    assert window.document.cues[2].text == "Till Växt Verket och till växt verket"
    assert not window.document.can_undo
    dialog.regex_box.setChecked(True)
    dialog.case_box.setChecked(True)
    dialog.find_edit.setText(r"(\w+) växt (\w+)")
    dialog.replace_edit.setText(r"\1växt\2")
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    assert window.document.cues[2].text == "Till Växt Verket och tillväxtverket"
    dialog.close()


def test_find_next_selects_the_match_in_the_editor(qtbot, make_window, tmp_path):
    path = tmp_path / "find.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nett två\n\n"
        "00:00:03.000 --> 00:00:04.000\ntre två fyra\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_paths([path])
    dialog = window.find_dialog()
    dialog.open_for(replace=False)
    dialog.find_edit.setText("två")
    dialog.word_box.setChecked(True)
    window.editor.select_span((0, 0))
    assert dialog.search() is not None
    assert window.current_index() == 0
    assert window.editor.text_edit.textCursor().selectedText() == "två"
    dialog.search()
    assert window.current_index() == 1
    assert window.editor.selection_span() == (4, 7)
    dialog.replace_edit.setText("2")
    dialog.replace_one()
    assert window.document.cues[1].text == "tre 2 fyra"
    dialog.close()


# -- editing commands


@pytest.mark.vlc
def test_set_start_and_end_from_the_playhead_and_nudge(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    edit = window.editor.text_edit
    window.select_cue(2)
    # Inside the cue before: the selected cue is still the one that changes.
    window.player.seek(8000)
    qtbot.waitUntil(lambda: abs(window.player.position() - 8000) < 50, timeout=3000)
    press(qtbot, edit, "F11")
    assert window.current_index() == 2
    assert window.document.cues[2].start_ms == window.player.position()
    assert window.document.cues[1].start_ms == 5345
    # The cue before gives way, keeping the profile's minimum gap.
    gap = window.profile.min_gap_ms
    assert window.document.cues[1].end_ms == window.player.position() - gap
    window.player.seek(12300)
    qtbot.waitUntil(lambda: abs(window.player.position() - 12300) < 50, timeout=3000)
    press(qtbot, edit, "F12")
    assert window.document.cues[2].end_ms == window.player.position()
    start = window.document.cues[2].start_ms
    press(qtbot, edit, "Shift+F11")
    assert window.document.cues[2].start_ms == start
    assert "cannot start or end earlier" in window.statusBar().currentMessage()
    press(qtbot, edit, "Ctrl+F11")
    assert window.document.cues[2].start_ms == start + 100
    press(qtbot, edit, "Ctrl+F12")
    assert window.document.cues[2].end_ms == window.player.position() + 100
    press(qtbot, edit, "Ctrl+Z")
    assert window.document.cues[2].end_ms == window.player.position()


def test_split_merge_insert_and_delete_from_the_keyboard(qtbot, make_window, tmp_path):
    path = tmp_path / "edit.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nförsta delen andra delen\n\n"
        "00:00:06.000 --> 00:00:08.000\nsista\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_paths([path])
    edit = window.editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(len("första delen "))
    edit.setTextCursor(cursor)
    press(qtbot, edit, "Ctrl+Return")
    doc = window.document
    assert len(doc) == 3
    assert doc.cues[0].text.strip() == "första delen"
    assert doc.cues[1].text.strip() == "andra delen"
    assert window.current_index() == 1
    press(qtbot, edit, "Ctrl+M")
    assert len(doc) == 2
    assert doc.cues[1].text.replace("\n", " ") == "andra delen sista"
    press(qtbot, edit, "Alt+Insert")
    assert len(doc) == 3
    assert window.current_index() == 2
    assert doc.cues[2].start_ms > doc.cues[1].end_ms
    type_in(qtbot, edit, "ny")
    assert doc.cues[2].text == "ny"
    press(qtbot, edit, "Ctrl+Shift+Delete")
    assert len(doc) == 2
    assert [c.text.replace("\n", " ").strip() for c in doc.cues] == [
        "första delen",
        "andra delen sista",
    ]
    press(qtbot, edit, "Alt+Up")
    assert window.current_index() == 0


def test_a_refused_split_or_nudge_is_said_in_the_status_bar(qtbot, make_window, tmp_path):
    path = tmp_path / "short.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:01.001\nab\n\n00:00:02.000 --> 00:00:02.050\ncd\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_paths([path])
    doc = window.document
    edit = window.editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(1)
    edit.setTextCursor(cursor)
    press(qtbot, edit, "Ctrl+Return")
    assert len(doc) == 2 and not doc.modified
    assert "not split" in window.statusBar().currentMessage()
    window.select_cue(1)
    window.action("start_later").trigger()
    assert doc.cues[1].start_ms == 2000 and not doc.modified
    assert "cannot start or end later" in window.statusBar().currentMessage()


def test_playback_and_editing_keys_are_not_swallowed_by_the_text_box(make_window):
    window = make_window()
    edit = window.editor.text_edit
    edit.setFocus()
    names = (
        "play_pause",
        "jump_back",
        "jump_forward",
        "slower",
        "faster",
        "replay_cue",
        "play_cue",
        "set_start",
        "set_end",
        "start_earlier",
        "end_later",
        "split",
        "merge",
        "insert_after",
        "delete",
        "undo",
        "redo",
        "previous_cue",
        "next_cue",
    )
    for name in names:
        for sequence in window.action(name).shortcuts():
            combo = sequence[0]
            event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
            event.ignore()
            QApplication.sendEvent(edit, event)
            assert not event.isAccepted(), f"{name}: {sequence.toString()} is taken by the text box"
    assert window.shortcut_conflicts() == []


def test_quit_is_last_in_the_file_menu_and_the_report_follows_export_srt(make_window):
    window = make_window()
    names = [a.objectName() for a in window.menu("File").actions() if not a.isSeparator()]
    texts = [a.text() for a in window.menu("File").actions() if not a.isSeparator()]
    assert names[-1] == "quit"
    report = next(i for i, t in enumerate(texts) if t.startswith("Export &report"))
    assert names[report - 1] == "export_srt"


def test_every_action_is_listed_in_keyboard_shortcuts(qtbot, make_window):
    window = make_window()
    dialog = window.show_shortcuts()
    listed = dialog.visible_commands()
    for action, _menu in window.registered_actions():
        assert action.text().replace("&", "").rstrip("…") in listed
    assert len(listed) >= 35
    dialog.filter_edit.setText("ctrl+space")
    assert dialog.visible_commands() == ["Play / pause"]
    dialog.close()


# -- never losing work


def test_closing_with_unsaved_changes_asks(qtbot, make_window, tmp_path, answer):
    path = tmp_path / "ask.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    window = make_window()
    window.open_paths([path])
    type_in(qtbot, window.editor.text_edit, "!")
    cancel = answer("saveChangesDialog", "Cancel")
    assert not window.close()
    assert cancel.answered and "ask.vtt" in cancel.texts[0]
    assert window.isVisible()
    save = answer("saveChangesDialog", "Save")
    assert window.close()
    assert save.answered
    assert "hej!" in path.read_text(encoding="utf-8")


def test_a_file_changed_by_another_program_is_noticed(qtbot, make_window, tmp_path, answer):
    path = tmp_path / "watched.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    window = make_window()
    window.open_paths([path])
    reload_answer = answer("changedOnDiskDialog", "Load from disk")
    time.sleep(0.05)
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nändrad utifrån\n", encoding="utf-8")
    qtbot.waitUntil(lambda: reload_answer.answered, timeout=5000)
    qtbot.waitUntil(lambda: window.document.cues[0].text == "ändrad utifrån", timeout=2000)
    # Our own save is not mistaken for another program's.
    type_in(qtbot, window.editor.text_edit, "!")
    assert window.save()
    qtbot.wait(600)
    assert window.document.cues[0].text == "ändrad utifrån!"


CRASHING_APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from captionreview.core.journal import Journal
    from captionreview.qt.app import open_window

    app = QApplication([])
    window = open_window(journal=Journal(Path(sys.argv[2])))
    window.show()
    window.open_paths([sys.argv[1]])
    window.autosaver.written.connect(lambda doc: print("journaled", flush=True))
    window.editor.text_edit.setPlainText("Välkomna till föreläsningen.")
    app.exec()
    """
)


def test_work_of_a_killed_process_is_restored_on_the_next_start(
    qtbot, make_window, tmp_path, answer
):
    captions = tmp_path / "crash.vtt"
    captions.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nvälkomna till före läsningen\n",
        encoding="utf-8",
    )
    journal_dir = tmp_path / "crash-journal"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-c", CRASHING_APP, str(captions), str(journal_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.strip() == "journaled"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    assert "före läsningen" in captions.read_text(encoding="utf-8")

    window = make_window(journal_dir)
    restore = answer("restoreDialog", "Restore")
    assert window.offer_restore()
    assert restore.answered and "crash.vtt" in restore.texts[0]
    doc = window.document
    assert doc.path == captions
    assert doc.cues[0].text == "Välkomna till föreläsningen."
    assert doc.modified
    assert window.editor.text_edit.toPlainText() == "Välkomna till föreläsningen."
    window.save()
    assert "Välkomna till föreläsningen." in captions.read_text(encoding="utf-8")
    assert Journal(journal_dir).pending() == []


def test_without_a_display_it_says_so_in_one_line():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "captionreview"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    output = (result.stdout + result.stderr).strip().splitlines()
    assert output == [NO_DISPLAY_MESSAGE]


# -- the extension interface


def test_extension_interface(qtbot, make_window, tmp_path):
    path = tmp_path / "ext.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nett\n\n00:00:03.000 --> 00:00:04.000\ntvå tre\n",
        encoding="utf-8",
    )
    window = make_window()
    seen = []
    window.document_changed.connect(seen.append)
    window.open_paths([path])
    assert seen == [window.document]
    for name in ("File", "Edit", "View", "Playback", "Captions", "Check", "Help"):
        assert window.menu(name).title().replace("&", "") == name
    with pytest.raises(KeyError):
        window.menu("Nope")
    window.select_cue(1, (4, 7))
    assert window.current_index() == 1
    assert window.editor.text_edit.textCursor().selectedText() == "tre"
    from PySide6.QtGui import QAction

    action = QAction("Extra check", window)
    action.setShortcut("Ctrl+Alt+K")
    window.register_action(action, "Check")
    assert action in window.menu("Check").actions()
    assert (action, "Check") in window.registered_actions()
    profiles = []
    window.profile_changed.connect(profiles.append)
    from captionreview.core.profiles import builtin_profile

    window.set_profile(builtin_profile("bbc"))
    assert profiles == [builtin_profile("bbc")]
    assert window.profile.name == "bbc"
    window.status_message("hello")
    assert window.statusBar().currentMessage() == "hello"
    assert window.feature_errors == []


def test_layout_speed_and_volume_are_remembered(qtbot, make_window):
    window = make_window()
    window.player.set_rate(1.25)
    window.player.set_volume(40)
    window.action("follow_playback").setChecked(False)
    window.close()
    again = make_window()
    assert again.player.rate() == pytest.approx(1.25)
    assert again.player.volume() == 40
    assert not again.action("follow_playback").isChecked()
    again.action("follow_playback").setChecked(True)
    again.player.set_rate(1.0)
    again.player.set_volume(100)
    again.close()


# -- transcription controls ---------------------------------------------------------------------


@pytest.mark.vlc
def test_transcription_keys_work_while_the_cursor_is_in_the_text(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    player = window.player
    edit = window.editor.text_edit
    player.seek(10_000)
    qtbot.waitUntil(lambda: abs(player.position() - 10_000) < 50, timeout=3000)
    press(qtbot, edit, "Alt+Left")
    qtbot.waitUntil(lambda: abs(player.position() - 8_000) < 50, timeout=3000)
    press(qtbot, edit, "Alt+Right")
    qtbot.waitUntil(lambda: abs(player.position() - 10_000) < 50, timeout=3000)
    press(qtbot, edit, "Ctrl+-")
    assert player.rate() == pytest.approx(0.9)
    press(qtbot, edit, "Ctrl+=")
    press(qtbot, edit, "Ctrl+=")
    assert player.rate() == pytest.approx(1.1)
    press(qtbot, edit, "Ctrl+0")
    assert player.rate() == pytest.approx(1.0)
    assert edit.toPlainText() == window.document.cues[0].text, "no key reached the text"
    # Ctrl+R replays the cue at the playhead (cue 3: 8.49-12.118 s) from its start.
    press(qtbot, edit, "Ctrl+R")
    qtbot.waitUntil(player.is_playing, timeout=3000)
    assert 8_490 <= player.position() < 9_600
    player.pause()


@pytest.mark.vlc
def test_play_this_cue_stops_at_its_end(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    window.select_cue(14)  # "tack för i dag", 1.2 s
    cue = window.document.cues[14]
    press(qtbot, window.editor.text_edit, "F5")
    qtbot.waitUntil(window.player.is_playing, timeout=3000)
    qtbot.waitUntil(lambda: not window.player.is_playing(), timeout=4000)
    assert abs(window.player.position() - cue.end_ms) < 100


@pytest.mark.vlc
def test_pause_while_typing_then_resume_a_little_earlier(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    window.action("pause_while_typing").setChecked(True)
    player = window.player
    player.seek(2_000)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 2_300, timeout=3000)
    type_in(qtbot, window.editor.text_edit, "x")
    assert not player.is_playing()
    paused_at = player.position()
    # 1.5 s after the last key it plays again from 1 s before.
    qtbot.waitUntil(player.is_playing, timeout=4000)
    assert player.position() < paused_at
    player.pause()
    window.action("pause_while_typing").setChecked(False)


# -- more of the window ---------------------------------------------------------------------------


def test_text_edited_in_the_list_with_a_line_break(qtbot, make_window, tmp_path):
    path = tmp_path / "list.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nett\n", encoding="utf-8")
    window = make_window()
    window.open_paths([path])
    view = window.cue_view
    rect = view.visualRect(window.cue_model.index(0, COL_TEXT))
    # A real double click: press, release, then the second press.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not window.editor.text_edit
    editor.selectAll()
    type_text(editor, "rad ett")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(editor, "rad två")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.cues[0].text == "rad ett\nrad två"
    assert window.cue_model.index(0, COL_TEXT).data() == "rad ett ⏎ rad två"
    assert window.editor.text_edit.toPlainText() == "rad ett\nrad två"


def test_delete_key_in_the_list_removes_the_selected_cues(qtbot, make_window, tmp_path):
    path = tmp_path / "del.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nett\n\n00:00:03.000 --> 00:00:04.000\ntvå\n\n"
        "00:00:05.000 --> 00:00:06.000\ntre\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_paths([path])
    view = window.cue_view
    view.selectRow(0)
    view.selectionModel().select(
        window.cue_model.index(1, 0),
        view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
    )
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [c.text for c in window.document.cues] == ["tre"]
    window.action("undo").trigger()
    assert len(window.document) == 3


def test_srt_is_saved_as_webvtt_and_exported_back(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    srt = tmp_path / "talk.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,500\nhej & välkommen\n", encoding="utf-8")
    window = make_window()
    window.open_paths([srt])
    asked = []

    def save_name(_parent, _caption, suggestion, _filter):
        asked.append(Path(suggestion).name)
        return suggestion, _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    assert window.save()
    assert asked == ["talk.vtt"]
    assert srt.read_text(encoding="utf-8").startswith("1\n")
    vtt = (tmp_path / "talk.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and "hej &amp; välkommen" in vtt
    assert window.document.path == tmp_path / "talk.vtt"
    assert window.windowTitle().startswith("talk.vtt")
    srt.unlink()
    assert window.files.export_srt()
    assert "00:00:01,000 --> 00:00:02,500" in srt.read_text(encoding="utf-8")
    assert window.files.recent.entries()[0][0] == str(tmp_path / "talk.vtt")


def test_keeping_my_version_when_the_file_changes_on_disk(qtbot, make_window, tmp_path, answer):
    path = tmp_path / "mine.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    window = make_window()
    window.open_paths([path])
    type_in(qtbot, window.editor.text_edit, " då")
    keep = answer("changedOnDiskDialog", "Keep my version")
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nnågon annan\n", encoding="utf-8")
    qtbot.waitUntil(lambda: keep.answered, timeout=5000)
    assert "unsaved changes here would be lost" in keep.texts[0]
    assert window.document.cues[0].text == "hej då"
    assert window.document.modified


def test_without_libvlc_the_captions_open_with_a_message_in_the_video_area(tmp_path):
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from captionreview.core.journal import Journal
        from captionreview.qt.app import open_window
        app = QApplication([])
        window = open_window(journal=Journal(Path(sys.argv[2])))
        window.show()
        window.open_paths([sys.argv[1]])
        window.editor.text_edit.setPlainText("rättad")
        print(window.player.available, len(window.document), window.document.cues[0].text)
        print(window.video_widget.message().replace("\\n", " "))
        window.set_document(None, ask=False)
        window.close()
        """
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_VLC_LIB_PATH=str(tmp_path / "no-libvlc.so"),
        PYTHON_VLC_MODULE_PATH=str(tmp_path),
    )
    video = ROOT / "assets" / "demo" / "lecture.mp4"
    result = subprocess.run(
        [sys.executable, "-c", script, str(video), str(tmp_path / "journal")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    first, second = result.stdout.strip().splitlines()[-2:]
    assert first == "False 15 rättad"
    assert "VLC" in second
    assert "Traceback" not in result.stderr


def many_cues(path: Path, count: int) -> Path:
    blocks = [
        f"00:{i * 2 // 60:02d}:{i * 2 % 60:02d}.000 --> 00:{i * 2 // 60:02d}:{i * 2 % 60:02d}.900"
        f"\nrad {i + 1}\n"
        for i in range(count)
    ]
    path.write_text("WEBVTT\n\n" + "\n".join(blocks), encoding="utf-8")
    return path


def test_the_list_keeps_the_spoken_cue_in_view_unless_follow_is_off(qtbot, make_window, tmp_path):
    window = make_window()
    window.open_paths([many_cues(tmp_path / "many.vtt", 200)])
    view = window.cue_view

    def row_in_view(row: int) -> bool:
        rect = view.visualRect(window.cue_model.index(row, 0))
        return view.viewport().rect().top() <= rect.top() < view.viewport().rect().bottom()

    assert not row_in_view(150)
    window.player.position_changed.emit(150 * 2000 + 100)
    assert window.cue_model.active_rows == (150,)
    assert row_in_view(150)
    assert window.current_index() == 0, "the selection does not move by itself"
    window.action("follow_playback").setChecked(False)
    window.player.position_changed.emit(10 * 2000 + 100)
    assert window.cue_model.active_rows == (10,)
    assert not row_in_view(10)
    window.action("follow_playback").setChecked(True)


def test_enter_in_the_list_edits_the_text_and_escape_goes_back(qtbot, make_window, tmp_path):
    window = make_window()
    window.open_paths([many_cues(tmp_path / "keys.vtt", 5)])
    view = window.cue_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.current_index() == 1
    qtbot.keyClick(view, Qt.Key.Key_Return)
    edit = window.editor.text_edit
    assert edit.hasFocus()
    type_text(edit, " ändrad")
    assert window.document.cues[1].text == "rad 2 ändrad"
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.current_index() == 2


def test_clicking_a_problem_selects_the_nearest_cue(qtbot, make_window, tmp_path):
    path = tmp_path / "problems.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nett\n\n"
        "00:00:03.000 --> 00:00:04.000\ntvå\n\n"
        "bara text utan tid\n\n"
        "00:00:05.000 --> 00:00:06.000\ntre\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_paths([path])
    window.select_cue(2)
    panel = window.findChild(IssuesPanel)
    rows = problem_rows(panel)
    assert rows[0].text().startswith("Line 9  ")
    panel.view.setCurrentIndex(rows[0].index())
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.current_index() == 1


def test_discarding_left_over_work_removes_it(qtbot, make_window, tmp_path, answer):
    from captionreview.core.document import Document

    journal = Journal(tmp_path / "left-over")
    doc = Document.from_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nkvar\n", tmp_path / "gone.vtt"
    )
    doc.set_text(0, "osparad")
    journal.write(doc)
    assert len(journal.pending()) == 1
    window = make_window(tmp_path / "left-over")
    later = answer("restoreDialog", "Not now")
    assert not window.offer_restore()
    assert later.answered and len(journal.pending()) == 1
    discard = answer("restoreDialog", "Discard")
    assert not window.offer_restore()
    assert discard.answered
    assert journal.pending() == []
    assert window.document is None


def test_times_typed_in_the_editor_are_checked(qtbot, make_window, tmp_path):
    window = make_window()
    window.open_paths([many_cues(tmp_path / "times.vtt", 3)])
    start_edit = window.editor.start_edit
    start_edit.setFocus()
    start_edit.selectAll()
    type_text(start_edit, "0:00.250")
    qtbot.keyClick(start_edit, Qt.Key.Key_Return)
    assert window.document.cues[0].start_ms == 250
    assert window.action("undo").text() == "&Undo Change times"
    start_edit.selectAll()
    type_text(start_edit, "0:05.000")
    qtbot.keyClick(start_edit, Qt.Key.Key_Return)
    assert window.document.cues[0].start_ms == 250
    assert "must be after the start" in window.statusBar().currentMessage()
    assert start_edit.text() == "00:00.250"
    start_edit.selectAll()
    type_text(start_edit, "nonsense")
    qtbot.keyClick(start_edit, Qt.Key.Key_Return)
    assert "not a time" in window.statusBar().currentMessage()
    assert window.document.cues[0].start_ms == 250


@pytest.mark.vlc
def test_a_missing_video_still_opens_the_captions(qtbot, make_window, lecture):
    captions = lecture.with_name("lecture.sv.vtt")
    missing = lecture.with_name("moved-away.mp4")
    window = make_window()
    assert window.open_paths([missing, captions])
    if not window.player.available:
        pytest.skip(window.player.status_message)
    assert len(window.document) == 15
    qtbot.waitUntil(lambda: window.video_widget.message() is not None, timeout=3000)
    assert "moved-away.mp4" in window.video_widget.message()


def test_work_open_in_another_window_is_not_offered_for_restore(
    qtbot, make_window, tmp_path, answer
):
    path = tmp_path / "open.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    journal_dir = tmp_path / "shared-journal"
    first = make_window(journal_dir)
    first.open_paths([path])
    type_text(first.editor.text_edit, "!")
    first.autosaver.write_now()
    assert len(Journal(journal_dir).pending()) == 1
    second = make_window(journal_dir)
    asked = answer("restoreDialog", "Not now")
    assert not second.offer_restore()
    assert asked.texts == [], "the first window still has it open: nothing to restore"
    first.set_document(None, ask=False)
    assert Journal(journal_dir).pending() == []


def test_menu_mnemonics_are_unique(make_window):
    import re

    from captionreview.qt.actions import SPECS, ActionSpec

    window = make_window()

    def letter(text: str) -> str | None:
        found = re.search(r"&(\w)", text)
        return found.group(1).lower() if found else None

    titles = [letter(action.text()) for action in window.menuBar().actions()]
    assert len(titles) == len(set(titles)) == 7
    by_menu: dict[str, list[str]] = {}
    for spec in SPECS:
        if isinstance(spec, ActionSpec) and letter(spec.text):
            by_menu.setdefault(spec.menu, []).append(letter(spec.text))
    for menu, letters in by_menu.items():
        assert len(letters) == len(set(letters)), f"{menu}: {sorted(letters)}"


@pytest.mark.vlc
def test_loop_this_cue_repeats_it_until_turned_off(qtbot, make_window, lecture):
    window = make_window()
    open_lecture(qtbot, window, lecture)
    window.select_cue(14)  # 71.141-72.356 s
    cue = window.document.cues[14]
    player = window.player
    press(qtbot, window.editor.text_edit, "Shift+F5")
    assert window.action("loop_cue").isChecked()
    qtbot.waitUntil(lambda: player.position() > cue.end_ms - 200, timeout=4000)
    qtbot.waitUntil(lambda: player.position() < cue.start_ms + 400, timeout=4000)
    assert player.is_playing()
    press(qtbot, window.editor.text_edit, "Shift+F5")
    assert not window.action("loop_cue").isChecked()
    player.pause()


def test_close_and_open_recent(qtbot, make_window, tmp_path):
    path = tmp_path / "recent.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    window = make_window()
    window.open_paths([path])
    press(qtbot, window.editor.text_edit, "Ctrl+W")
    assert window.document is None
    assert window.windowTitle() == "CaptionReview"
    assert not window.editor.text_edit.isEnabled()
    menu = window.files.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.text() == "recent.vtt"]
    assert len(entries) == 1
    entries[0].trigger()
    assert window.document is not None and window.document.path == path


def test_an_internal_error_saves_the_work_and_says_so(qtbot, make_window, tmp_path, capsys):
    from captionreview.qt.app import _keep_work_on_errors

    path = tmp_path / "bug.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    window = make_window(tmp_path / "bug-journal")
    window.open_paths([path])
    type_text(window.editor.text_edit, "!")
    hook = _keep_work_on_errors(window)
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert "a bug in a slot" in capsys.readouterr().err
    assert "recovery journal" in window.statusBar().currentMessage()
    assert len(Journal(tmp_path / "bug-journal").pending()) == 1


def test_a_user_quality_profile_is_offered_and_remembered(qtbot, make_window):
    from captionreview.core.profiles import user_profile_dir

    folder = user_profile_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kommunen.toml").write_text('base = "se-public"\ncps_error = 16.0\n', "utf-8")
    try:
        window = make_window()
        submenu = next(
            a.menu() for a in window.menu("Check").actions() if a.text() == "Quality &profile"
        )
        offered = {a.data(): a for a in submenu.actions()}
        assert {"se-public", "bbc", "kommunen"} <= set(offered)
        offered["kommunen"].trigger()
        assert window.profile.name == "kommunen"
        assert window.profile.cps_error == 16.0
        window.close()
        again = make_window()
        assert again.profile.name == "kommunen"
    finally:
        (folder / "kommunen.toml").unlink()
    third = make_window()
    assert third.profile.name == "se-public", "a deleted user profile falls back to the default"


def test_export_srt_says_what_the_copy_leaves_out(
    qtbot, make_window, tmp_path, answer, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "gaps.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n\n00:00:03.000 --> 00:00:04.000\n\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_paths([path])
    target = tmp_path / "gaps.srt"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(target), "SubRip"))
    )
    notes = answer("exportNotesDialog", "OK")
    assert window.files.export_srt()
    assert target.read_text(encoding="utf-8").count("-->") == 1
    assert notes.answered and "without text was left out (cue 2)" in notes.texts[0]
    assert "left out" in window.statusBar().currentMessage()


def test_a_failed_save_offers_save_as(qtbot, make_window, tmp_path, answer, monkeypatch):
    import shutil

    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "gone"
    folder.mkdir()
    path = folder / "talk.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    window = make_window()
    window.open_paths([path])
    type_text(window.editor.text_edit, "!")
    shutil.rmtree(folder)
    elsewhere = tmp_path / "elsewhere.vtt"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(elsewhere), "WebVTT"))
    )
    offer = answer("saveFailedDialog", "Save As…")
    assert window.save()
    assert offer.answered
    assert "hej!" in elsewhere.read_text(encoding="utf-8")
    assert window.document.path == elsewhere


def _left_over(journal_dir: Path, path: Path | None, text: str) -> Journal:
    from captionreview.core.document import Document

    journal = Journal(journal_dir)
    doc = Document.from_text(f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{text}\n", path)
    doc.set_text(0, text + " (osparad)")
    journal.write(doc)
    return journal


def test_restore_does_not_replace_the_file_asked_for_without_asking(
    qtbot, make_window, tmp_path, answer
):
    asked_for = tmp_path / "asked" / "asked.vtt"
    asked_for.parent.mkdir()
    asked_for.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nden här\n", encoding="utf-8")
    other = tmp_path / "other" / "other.vtt"
    journal_dir = tmp_path / "journal-two"
    _left_over(journal_dir, other, "annan")
    _left_over(journal_dir, asked_for, "den här")
    window = make_window(journal_dir)
    window.open_paths([asked_for])
    same = answer("restoreDialog", "Not now")
    then = answer("restoreDialog", "Not now")
    assert not window.offer_restore()
    assert then.answered and "Open them instead of asked.vtt?" in then.texts[0]
    # The file asked for is offered first, with its folder; nothing replaced it.
    assert "asked.vtt in " + str(asked_for.parent) in same.texts[0]
    assert window.document.path == asked_for and not window.document.modified


def test_restore_offers_work_on_another_file_as_opening_it_instead(
    qtbot, make_window, tmp_path, answer
):
    asked_for = tmp_path / "asked.vtt"
    asked_for.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nden här\n", encoding="utf-8")
    other = tmp_path / "other" / "other.vtt"
    journal_dir = tmp_path / "journal-other"
    _left_over(journal_dir, other, "annan")
    window = make_window(journal_dir)
    window.open_paths([asked_for])
    later = answer("restoreDialog", "Not now")
    assert not window.offer_restore()
    assert later.answered and "Open them instead of asked.vtt?" in later.texts[0]
    assert str(other.parent) in later.texts[0]
    assert window.document.path == asked_for
    instead = answer("restoreDialog", "Open instead of asked.vtt")
    assert window.offer_restore()
    assert instead.answered
    assert window.document.path == other and window.document.cues[0].text == "annan (osparad)"


def test_restore_of_the_file_asked_for_restores_it(qtbot, make_window, tmp_path, answer):
    asked_for = tmp_path / "asked.vtt"
    asked_for.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nden här\n", encoding="utf-8")
    journal_dir = tmp_path / "journal-same"
    _left_over(journal_dir, asked_for, "den här")
    window = make_window(journal_dir)
    window.open_paths([asked_for])
    restore = answer("restoreDialog", "Restore")
    assert window.offer_restore()
    assert restore.answered and "Open them instead" not in restore.texts[0]
    assert window.document.cues[0].text == "den här (osparad)" and window.document.modified


def test_work_whose_folder_is_unknown_asks_where_to_save(
    qtbot, make_window, tmp_path, answer, monkeypatch
):
    import json

    from PySide6.QtWidgets import QFileDialog

    journal_dir = tmp_path / "journal-relative"
    _left_over(journal_dir, tmp_path / "talk.vtt", "vilse")
    (record_file,) = journal_dir.glob("*.json")
    record = json.loads(record_file.read_text(encoding="utf-8"))
    record["path"] = "kurs/talk.vtt"  # written by an old version, relative to its folder
    record_file.write_text(json.dumps(record), encoding="utf-8")
    window = make_window(journal_dir)
    restore = answer("restoreDialog", "Restore")
    assert window.offer_restore()
    assert restore.answered and "talk.vtt (location unknown" in restore.texts[0]
    assert window.document.path is None
    chosen = tmp_path / "chosen.vtt"
    asked = []

    def save_name(*_args):
        asked.append(True)
        return str(chosen), "WebVTT"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    assert window.save()
    assert asked and "vilse (osparad)" in chosen.read_text(encoding="utf-8")


@pytest.mark.vlc
def test_the_demo_starts_playing_but_a_users_file_opens_paused(qtbot, make_window, lecture):
    from captionreview.qt.app import demo_files, open_startup_files

    if not demo_files():
        pytest.skip("the demo lecture is not installed")
    window = make_window()
    if not window.player.available:
        pytest.skip(window.player.status_message)
    assert open_startup_files(window, [], None, demo=True)
    assert window.document.path == demo_files()[1]
    qtbot.waitUntil(window.player.is_playing, timeout=8000)
    assert window.player.current_frame() is not None
    window.player.pause()

    other = make_window()
    assert not open_startup_files(other, [str(lecture)], None, demo=True)
    qtbot.waitUntil(lambda: other.player.current_frame() is not None, timeout=8000)
    qtbot.wait(300)
    assert not other.player.is_playing()
    assert other.player.position() < 300


def test_a_file_changed_on_opening_is_marked_modified_in_the_title(
    qtbot, qtlog, make_window, tmp_path
):
    path = tmp_path / "headless.vtt"
    path.write_text("00:00:01.000 --> 00:00:02.000\nhej\n", encoding="utf-8")
    window = make_window()
    window.open_paths([path])
    assert not [r.message for r in qtlog.records if "placeholder" in r.message]
    assert window.document.modified, "the WEBVTT line is added"
    assert window.isWindowModified()
    assert window.windowTitle().startswith("headless.vtt[*]")
