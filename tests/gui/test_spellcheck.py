"""Spell check in the real window: background check, underlines, menu, F7, spread, glossary."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu

from captionreview.core.model import Cue, Finding
from captionreview.core.words.glossary import Glossary
from captionreview.core.words.spread import Correction
from captionreview.qt.spellcheck import SpellCheck
from captionreview.qt.spread_dialog import HTML_ROLE, SpreadDialog
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]

CUE_TILLVAXT = 4  # "… fördelar till växt verket pengar …"
CUE_GRON_VALL = 5  # "professor grön vall har visat …"
CUE_TILLVAXT_AGAIN = 11  # "enligt anna söder gren på till växt verket …"


@pytest.fixture
def captions(tmp_path: Path, demo_dir: Path) -> Path:
    """The demo auto-captions and glossary in a folder of their own (glossary beside them)."""
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("lecture.sv.vtt", "glossary.txt"):
        shutil.copy(demo_dir / name, folder / name)
    return folder / "lecture.sv.vtt"


def open_checked(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    """Open captions in a new window and wait for the whole-file check."""
    window = make_window()
    spell = window.findChild(SpellCheck)
    assert spell is not None, window.feature_errors
    with qtbot.waitSignal(spell.checked, timeout=20000):
        assert window.open_paths([path])
    return window, spell


def underlined(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts underlined in the cue editor right now (read from the text layout)."""
    edit = window.editor.text_edit
    found = []
    block = edit.document().begin()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline:
                found.append(block.text()[fmt.start : fmt.start + fmt.length])
        block = block.next()
    return found


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` as key presses (QTest's keyClicks only knows ASCII, not å ä ö ü)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def action_named(menu: QMenu, prefix: str):  # type: ignore[no-untyped-def]
    for action in menu.actions():
        if action.text().startswith(prefix):
            return action
    raise AssertionError(f"no {prefix!r} in {menu_texts(menu)}")


def position_of(window, text: str) -> int:  # type: ignore[no-untyped-def]
    position = window.editor.text_edit.toPlainText().find(text)
    assert position >= 0
    return position + 1


def test_whole_file_is_checked_in_the_background_and_flagged_cues_are_signalled(
    qtbot, make_window, captions
) -> None:
    window = make_window()
    spell = window.findChild(SpellCheck)
    marks: list[set[int]] = []
    spell.flags_changed.connect(marks.append)
    with qtbot.waitSignal(spell.checked, timeout=20000) as done:
        window.open_paths([captions])
    assert spell.language == "sv"
    assert spell.glossary is not None and spell.glossary.path == captions.parent / "glossary.txt"
    assert done.args[0] == len(spell.findings()) >= 12
    flagged = spell.flagged_cues()
    assert {3, CUE_TILLVAXT, CUE_GRON_VALL, 6, 7, 8, 9, 10, CUE_TILLVAXT_AGAIN} <= flagged
    assert 0 not in flagged and 13 not in flagged
    qtbot.waitUntil(lambda: bool(marks) and marks[-1] == flagged)
    rules = {f.rule for f in spell.findings()}
    assert {"ASR-09", "ASR-10", "ASR-12", "ASR-18"} <= rules


def test_the_window_keeps_running_while_a_long_file_is_checked(
    qtbot, make_window, tmp_path
) -> None:
    # 3,000 cues of made-up words that no other test uses, so no cache makes the check quick.
    rng = random.Random(20261127)
    syllables = ["kal", "vet", "run", "dor", "sil", "mek", "tra", "bo", "ne", "ska", "lju", "pör"]
    lines = ["WEBVTT", "Language: sv", ""]
    for i in range(3000):
        words = ["".join(rng.choice(syllables) for _ in range(3)) for _ in range(8)]
        start = i * 2000
        lines += [f"{ms(start)} --> {ms(start + 1800)}", " ".join(words) + " och och", ""]
    path = tmp_path / "long.sv.vtt"
    path.write_text("\n".join(lines), encoding="utf-8")
    window = make_window()
    spell = window.findChild(SpellCheck)
    ticks_while_checking = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks_while_checking.append(spell.is_checking()))
    with qtbot.waitSignal(spell.checked, timeout=90000):
        window.open_paths([path])
        assert spell.is_checking()
        timer.start()
    timer.stop()
    assert ticks_while_checking.count(True) >= 3  # the event loop ran during the check
    assert len(spell.flagged_cues()) == 3000


def ms(value: int) -> str:
    hours, minutes, seconds = value // 3600000, value // 60000 % 60, value // 1000 % 60
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{value % 1000:03d}"


def test_flags_are_underlined_in_the_editor_and_follow_typing(qtbot, make_window, captions) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    window.select_cue(CUE_GRON_VALL)
    assert "grön vall" in underlined(window)
    assert "men" in underlined(window)
    spell.underline_action.trigger()  # Check ▸ Underline suspicious words: off
    assert underlined(window) == []
    spell.underline_action.trigger()
    assert "grön vall" in underlined(window)
    window.select_cue(0)
    assert underlined(window) == []
    edit = window.editor.text_edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " sjukskötersk")
    qtbot.waitUntil(lambda: "sjukskötersk" in underlined(window))
    assert 0 in spell.flagged_cues()
    for _ in range(len(" sjukskötersk")):
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: underlined(window) == [])
    assert 0 not in spell.flagged_cues()


def press_f7(qtbot, window, times: int) -> list[tuple[int, str]]:
    """Press F7 in the editor ``times`` times; return (cue, selected text) after each press."""
    window.editor.text_edit.setFocus()
    key = QKeySequence("F7")[0]
    seen = []
    for _ in range(times):
        qtbot.keyClick(window.editor.text_edit, key.key(), key.keyboardModifiers())
        selected = window.editor.text_edit.textCursor().selectedText().replace("\u2029", "\n")
        seen.append((window.current_index(), selected))
    return seen


def test_f7_walks_through_every_flag_in_order_and_wraps(qtbot, make_window, captions) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    expected = [
        (f.cue_index, window.document.cues[f.cue_index].text[f.span[0] : f.span[1]])
        for f in spell.findings()
    ]
    seen = press_f7(qtbot, window, len(expected) + 1)
    assert seen[: len(expected)] == expected
    assert seen[-1] == expected[0]  # wrapped around


def test_f7_can_visit_the_most_certain_flags_first(qtbot, make_window, captions) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    action = window.findChild(QAction, "suspiciousByConfidence")
    assert action is not None and action in window.menu("Check").actions()
    action.setChecked(True)
    found = [f for f in spell.findings() if f.cue_index is not None and f.span is not None]
    ranked = sorted(found, key=lambda f: (-(f.confidence or 0.0), f.cue_index, f.span[0]))
    expected = [
        (f.cue_index, window.document.cues[f.cue_index].text[f.span[0] : f.span[1]]) for f in ranked
    ]
    seen = press_f7(qtbot, window, len(expected) + 1)
    assert seen[: len(expected)] == expected
    assert seen[-1] == expected[0]  # wrapped around to the surest
    assert ranked[0].confidence is not None and ranked[0].confidence > (ranked[-1].confidence or 0)


def test_f7_starts_with_the_flags_of_the_chosen_cue_before_the_cursor(
    qtbot, make_window, captions
) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    flags = [f for f in spell.findings() if f.cue_index == CUE_GRON_VALL]
    assert flags
    window.select_cue(CUE_GRON_VALL)
    edit = window.editor.text_edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)  # the cursor after every flag
    key = QKeySequence("F7")[0]
    qtbot.keyClick(edit, key.key(), key.keyboardModifiers())
    first = flags[0]
    assert window.current_index() == CUE_GRON_VALL
    text = window.document.cues[CUE_GRON_VALL].text
    assert edit.textCursor().selectedText() == text[first.span[0] : first.span[1]]


def test_context_menu_fixes_a_word_in_one_undo_step(qtbot, make_window, captions) -> None:
    window, _spell = open_checked(qtbot, make_window, captions)
    doc = window.document
    window.select_cue(CUE_GRON_VALL)
    edit = window.editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(position_of(window, "grön vall"))
    point = edit.cursorRect(cursor).center()
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        chosen.extend(menu_texts(menu))
        action = action_named(menu, "Replace with “Grünewald”")
        menu.close()
        action.trigger()

    QTimer.singleShot(50, choose)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, edit.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(edit.viewport(), event)
    qtbot.waitUntil(lambda: "Grünewald" in doc.cues[CUE_GRON_VALL].text)
    assert any("glossary term “Grünewald”" in text for text in chosen)
    assert "Remember “grön vall => Grünewald” in glossary" in chosen
    assert "professor Grünewald har visat" in doc.cues[CUE_GRON_VALL].text
    assert doc.undo_description == "Edit text"
    doc.undo()
    assert "grön vall" in doc.cues[CUE_GRON_VALL].text


def test_suggestions_add_to_dictionary_and_ignore(qtbot, make_window, captions) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    doc = window.document
    doc.set_text(0, "välkomna sjukskötersk och Mälarsjöberg och Tvärbäckström")
    window.select_cue(0)
    menu = spell.build_menu(position_of(window, "sjukskötersk"), standard=False)
    action_named(menu, "Replace with “sjuksköterska”").trigger()
    assert doc.cues[0].text == "välkomna sjuksköterska och Mälarsjöberg och Tvärbäckström"
    menu = spell.build_menu(position_of(window, "Mälarsjöberg"), standard=False)
    with qtbot.waitSignal(spell.checked, timeout=20000):
        action_named(menu, "Add “Mälarsjöberg” to dictionary").trigger()
    personal = spell._checker.speller.personal_path
    assert "Mälarsjöberg" in personal.read_text(encoding="utf-8").splitlines()
    menu = spell.build_menu(position_of(window, "Tvärbäckström"), standard=False)
    action_named(menu, "Ignore “Tvärbäckström”").trigger()
    assert underlined(window) == []
    assert 0 not in spell.flagged_cues()


def test_ctrl_period_pops_up_the_suggestions(qtbot, make_window, captions) -> None:
    window, _spell = open_checked(qtbot, make_window, captions)
    window.select_cue(3)  # "… arbetslösheten på 11.8%"
    edit = window.editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(position_of(window, "11.8%"))
    edit.setTextCursor(cursor)
    popups: list[list[str]] = []

    def read_popup() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            popups.append(menu_texts(menu))
            menu.close()

    QTimer.singleShot(100, read_popup)
    key = QKeySequence("Ctrl+.")[0]
    qtbot.keyClick(edit, key.key(), key.keyboardModifiers())
    qtbot.waitUntil(lambda: bool(popups))
    assert "Replace with “11,8 procent”" in popups[0]


def test_ctrl_period_then_enter_takes_the_first_suggestion(qtbot, make_window, captions) -> None:
    # The keyboard lands on the first fix, not on the explanation above it (a label that has
    # no highlight and does nothing); the explanation is the menu's name for a screen reader.
    window, _spell = open_checked(qtbot, make_window, captions)
    doc = window.document
    window.select_cue(3)  # "… arbetslösheten på 11.8%"
    edit = window.editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(position_of(window, "11.8%"))
    edit.setTextCursor(cursor)
    seen: list[tuple[str, str]] = []

    def press_enter() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            active = menu.activeAction()
            seen.append((active.text() if active else "", menu.accessibleName()))
            qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(100, press_enter)
    key = QKeySequence("Ctrl+.")[0]
    qtbot.keyClick(edit, key.key(), key.keyboardModifiers())
    qtbot.waitUntil(lambda: "11,8 procent" in doc.cues[3].text)
    assert seen[0][0] == "Replace with “11,8 procent”"
    assert "11.8%" in seen[0][1] and "Number written oddly" in seen[0][1]
    assert doc.undo_description == "Edit text"
    doc.undo()
    assert "11.8%" in doc.cues[3].text


def test_the_menu_key_also_lands_on_the_first_fix(qtbot, make_window, captions) -> None:
    # The Menu key (a keyboard context menu) adds the word's fixes to the editor's own menu;
    # the keyboard starts on the first fix there too, not on the explanation or on Undo.
    window, _spell = open_checked(qtbot, make_window, captions)
    window.select_cue(CUE_GRON_VALL)
    edit = window.editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(position_of(window, "grön vall"))
    edit.setTextCursor(cursor)
    active: list[str] = []

    def read_active() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            chosen = menu.activeAction()
            active.append(chosen.text() if chosen else "")
            menu.close()

    QTimer.singleShot(150, read_active)
    point = edit.cursorRect().center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, point, edit.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(edit, event)
    qtbot.waitUntil(lambda: bool(active))
    assert active == ["Replace with “Grünewald”"]


def test_spelling_language_can_be_switched(qtbot, make_window, captions) -> None:
    _window, spell = open_checked(qtbot, make_window, captions)
    swedish = len(spell.findings())
    english = spell.language_actions["en"]
    with qtbot.waitSignal(spell.checked, timeout=20000):
        english.trigger()
    assert spell.language == "en"
    assert english.isChecked()
    spelling = [f for f in spell.findings() if f.rule == "SPELL-01"]
    assert len(spelling) > 30  # Swedish words are not English
    with qtbot.waitSignal(spell.checked, timeout=20000):
        spell.language_actions[None].trigger()
    assert spell.language == "sv"
    assert len(spell.findings()) == swedish


def test_the_offer_goes_away_once_the_other_place_is_fixed_by_hand(
    qtbot, make_window, captions
) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    doc = window.document
    edit = window.editor.text_edit

    def replace_in(index: int, old: str, new: str) -> None:
        window.select_cue(index)
        start = edit.toPlainText().find(old)
        cursor = edit.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + len(old), cursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.setFocus()
        type_text(edit, new)

    with qtbot.waitSignal(spell.spread_offered, timeout=5000):
        replace_in(CUE_TILLVAXT, "till växt verket", "Tillväxtverket")
    assert spell.offer.isVisible()
    replace_in(CUE_TILLVAXT_AGAIN, "till växt verket", "Tillväxtverket")
    assert "till växt verket" not in doc.cues[CUE_TILLVAXT_AGAIN].text
    qtbot.waitUntil(lambda: not spell.offer.isVisible(), timeout=3000)


def test_a_replaced_word_is_offered_for_its_other_occurrences(qtbot, make_window, captions) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    doc = window.document
    window.select_cue(CUE_TILLVAXT)
    edit = window.editor.text_edit
    start = edit.toPlainText().find("till växt verket")
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("till växt verket"), cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.setFocus()
    with qtbot.waitSignal(spell.spread_offered, timeout=5000) as offered:
        type_text(edit, "Tillväxtverket")
        assert "Tillväxtverket" in doc.cues[CUE_TILLVAXT].text
    assert offered.args[0].old == "till växt verket"
    assert spell.offer.isVisible()
    assert "another cue" in spell.offer.message.text()
    spell.offer.review_action.trigger()
    dialog = window.findChild(SpreadDialog)
    assert dialog is not None and dialog.isVisible()
    assert [o.cue_index for o in dialog.occurrences] == [CUE_TILLVAXT_AGAIN]
    assert "<b>till växt verket</b>" in dialog.table.item(0, 1).data(HTML_ROLE)
    assert not dialog.table.viewport().grab().isNull()  # the delegate paints the row
    assert dialog.save_to_glossary.isChecked()
    play = dialog.table.visualItemRect(dialog.table.item(0, 2)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=play)
    assert window.current_index() == CUE_TILLVAXT_AGAIN
    assert edit.textCursor().selectedText() == "till växt verket"
    typed_steps = doc.undo_description
    dialog.accept()
    assert "på Tillväxtverket måste" in doc.cues[CUE_TILLVAXT_AGAIN].text
    assert doc.undo_description == "Apply correction everywhere"
    saved = Glossary.load(captions.parent / "glossary.txt")
    assert saved.corrections["till växt verket"] == "Tillväxtverket"
    doc.undo()
    assert "till växt verket" in doc.cues[CUE_TILLVAXT_AGAIN].text
    assert "Tillväxtverket" in doc.cues[CUE_TILLVAXT].text
    assert doc.undo_description == typed_steps


def test_unticked_occurrences_are_left_alone(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "names.sv.vtt"
    path.write_text(
        "WEBVTT\n\n00:01.000 --> 00:02.000\nprofessor grön vall\n\n"
        "00:03.000 --> 00:04.000\ngrön vall igen\n\n00:05.000 --> 00:06.000\nen grön vall\n",
        encoding="utf-8",
    )
    window, spell = open_checked(qtbot, make_window, path)
    doc = window.document
    doc.set_text(0, "professor Grünewald")
    with qtbot.waitSignal(spell.spread_offered, timeout=5000) as offered:
        spell.offer_spread(0, Correction("grön vall", "Grünewald"))
    assert [o.cue_index for o in offered.args[1]] == [1, 2]
    dialog = spell.review_spread()
    assert isinstance(dialog, SpreadDialog)
    dialog.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.save_to_glossary.setChecked(False)
    dialog.accept()
    assert [c.text for c in doc.cues] == ["professor Grünewald", "Grünewald igen", "en grön vall"]


def test_glossary_editor_saves_and_the_check_uses_it(qtbot, make_window, captions) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    doc = window.document
    doc.set_text(0, "välkomna till Fjällbackaby")
    qtbot.waitUntil(lambda: 0 in spell.flagged_cues())
    editor = spell.edit_glossary()
    editor.text.setPlainText(editor.text.toPlainText() + "Fjällbackaby\nbroken =>\n")
    with qtbot.waitSignal(spell.checked, timeout=20000):
        editor.save()
    assert "line" in editor.status.text()  # the bad line is reported
    text = (captions.parent / "glossary.txt").read_text(encoding="utf-8")
    assert text.endswith("Fjällbackaby\nbroken =>\n")
    assert "Fjällbackaby" in spell.glossary.terms
    assert 0 not in spell.flagged_cues()


def test_check_menu_has_the_actions_without_shortcut_conflicts(
    qtbot, make_window, captions
) -> None:
    window, _spell = open_checked(qtbot, make_window, captions)
    names = [a.objectName() for a, menu in window.registered_actions() if menu == "Check"]
    for name in ("nextSuspicious", "suggestCorrections", "applyCorrectionEverywhere"):
        assert name in names
    assert window.shortcut_conflicts() == []


def test_a_mishearing_can_be_remembered_in_the_glossary(qtbot, make_window, captions) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    window.select_cue(CUE_GRON_VALL)
    menu = spell.build_menu(position_of(window, "grön vall"), standard=False)
    with qtbot.waitSignal(spell.checked, timeout=20000):
        action_named(menu, "Remember “grön vall => Grünewald”").trigger()
    saved = Glossary.load(captions.parent / "glossary.txt")
    assert saved.corrections == {"grön vall": "Grünewald"}
    messages = [f.message for f in spell.findings_for(CUE_GRON_VALL)]
    assert any("a known correction" in m for m in messages)


def test_personal_glossary_when_there_is_none_beside_the_captions(
    qtbot, make_window, captions, tmp_path, monkeypatch
) -> None:
    from captionreview.core.words import glossary as glossary_files

    personal = tmp_path / "data" / "glossary.txt"
    monkeypatch.setattr(glossary_files, "personal_glossary_path", lambda: personal)
    loose = tmp_path / "loose" / "talk.sv.vtt"
    loose.parent.mkdir()
    loose.write_text("WEBVTT\n\n00:01.000 --> 00:03.000\nbesök Fjällbackaby i dag\n", "utf-8")
    window, spell = open_checked(qtbot, make_window, loose)
    assert spell.glossary is None
    assert 0 in spell.flagged_cues()
    with qtbot.waitSignal(spell.checked, timeout=20000):
        spell.add_to_glossary("Fjällbackaby")
    assert personal.read_text(encoding="utf-8") == "Fjällbackaby\n"
    assert 0 not in spell.flagged_cues()
    with qtbot.waitSignal(spell.checked, timeout=20000):
        window.open_paths([captions])
    assert spell.glossary is not None
    assert spell.glossary.path == captions.parent / "glossary.txt"


def test_an_english_file_without_a_header_is_checked_in_english(
    qtbot, make_window, tmp_path
) -> None:
    path = tmp_path / "talk.vtt"  # no Language header, no language in the name
    sentences = [
        "Welcome to the seminar about public health and the care we give.",
        "This is what we have found in the survey of the region.",
        "The staff said that they do not have the time they need.",
        "We think this is a problme for all of us.",
    ]
    lines = ["WEBVTT", ""]
    for i, sentence in enumerate(sentences):
        lines += [f"{ms(i * 3000)} --> {ms(i * 3000 + 2500)}", sentence, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    window, spell = open_checked(qtbot, make_window, path)
    assert spell.language == "en"
    assert spell.followed_language() == ("en", "guessed from the text")
    follow = spell.language_actions[None]
    assert follow.text() == "Follow the file (English, guessed from the text)"
    assert follow.isChecked()
    misspelled = [
        window.document.cues[f.cue_index].text[f.span[0] : f.span[1]]
        for f in spell.findings()
        if f.rule == "SPELL-01"
    ]
    assert misspelled == ["problme"]


def test_the_language_menu_says_when_the_header_chose_the_language(
    qtbot, make_window, captions
) -> None:
    _window, spell = open_checked(qtbot, make_window, captions)
    assert spell.followed_language() == ("sv", "from the file's header")
    assert (
        spell.language_actions[None].text() == "Follow the file (Swedish, from the file's header)"
    )


def test_an_edit_calls_off_the_search_for_other_occurrences(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "names.sv.vtt"
    path.write_text(
        "WEBVTT\n\n00:01.000 --> 00:02.000\nprofessor grön vall\n\n"
        "00:03.000 --> 00:04.000\ngrön vall igen\n",
        encoding="utf-8",
    )
    window, spell = open_checked(qtbot, make_window, path)
    doc = window.document
    with qtbot.assertNotEmitted(spell.spread_offered, wait=500):
        spell.offer_spread(0, Correction("grön vall", "Grünewald"))
        doc.set_text(1, "grön vall igen och igen")  # the search read the cues before this
    assert not spell.offer.isVisible()
    with qtbot.waitSignal(spell.spread_offered, timeout=5000) as offered:
        spell.offer_spread(0, Correction("grön vall", "Grünewald"))
    assert [o.context for o in offered.args[1]] == ["grön vall igen och igen"]


def test_closing_the_window_during_the_check_stops_the_worker_cleanly(
    qtbot, tmp_path, capfd, qtlog
) -> None:
    from PySide6.QtCore import QCoreApplication

    from captionreview.core.journal import Journal
    from captionreview.qt.app import open_window

    rng = random.Random(1127)
    syllables = ["fal", "ret", "mun", "gor", "vil", "tek", "pra", "lo", "ki", "sna", "bju", "dör"]
    lines = ["WEBVTT", "Language: sv", ""]
    for i in range(3000):
        words = ["".join(rng.choice(syllables) for _ in range(3)) for _ in range(8)]
        lines += [f"{ms(i * 2000)} --> {ms(i * 2000 + 1800)}", " ".join(words), ""]
    path = tmp_path / "long.sv.vtt"
    path.write_text("\n".join(lines), encoding="utf-8")
    window = open_window(journal=Journal(tmp_path / "journal"))
    window.show()
    spell = window.findChild(SpellCheck)
    assert window.open_paths([path])
    assert spell.is_checking()
    checker = spell._checker
    calls: list[int] = []
    by_cue = checker.by_cue

    def counted(cues: list[Cue]) -> Iterator[list[Finding]]:
        for index, found in enumerate(by_cue(cues)):
            calls.append(index)
            yield found

    checker.by_cue = counted
    qtbot.waitUntil(lambda: len(calls) >= 10, timeout=10000)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    stopped_at = len(calls)
    qtbot.wait(300)
    assert len(calls) == stopped_at < 3000  # the worker stopped with the window
    out, err = capfd.readouterr()
    assert "Traceback" not in err + out
    assert "Qt Concurrent" not in err + out
    assert [r.message for r in qtlog.records if "exception" in r.message.lower()] == []
