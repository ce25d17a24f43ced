"""The captions' own word list in the real window: the flagged-word menu adds a word to
``lecture.sv.words.txt`` and removes it again, and the window flags as ``captionreview check``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from captionreview.core.words import flags
from captionreview.qt.issues_panel import IssuesPanel
from captionreview.qt.spellcheck import SpellCheck
from tests.gui.test_spellcheck import open_checked
from tests.gui.windowtools import answer_fixture, make_window_fixture

__all__ = ["answer_fixture", "make_window_fixture"]

pytestmark = [pytest.mark.gui]

WORD = "eu-budgeten"  # cue 4 of the demo: "… pengar från eu-budgeten till regionerna"
CUE = 4
WORD_RULES = {
    flags.RULE_GLOSSARY,
    flags.RULE_NUMBERS,
    flags.RULE_SPLIT,
    flags.RULE_HOMOPHONE,
    flags.RULE_FILLER,
    flags.RULE_SPELLING,
    flags.RULE_PROPER,
}


@pytest.fixture
def captions(tmp_path: Path, demo_dir: Path) -> Path:
    """The demo auto-captions alone in a folder (no glossary beside them)."""
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(demo_dir / "lecture.sv.vtt", folder / "lecture.sv.vtt")
    return folder / "lecture.sv.vtt"


def flags_of(spell: SpellCheck, window) -> set[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    doc = window.document
    return {
        (f.rule, f.cue_index, doc.cues[f.cue_index].text[f.span[0] : f.span[1]])
        for f in spell.findings()
        if f.cue_index is not None and f.span is not None
    }


def shown_flags(window) -> set[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    """The word flags the Issues panel shows (merged with the other checks as ``check`` does)."""
    panel = window.findChild(IssuesPanel)
    doc = window.document
    return {
        (f.rule, f.cue_index, doc.cues[f.cue_index].text[f.span[0] : f.span[1]])
        for f in panel.checked_findings
        if f.rule in WORD_RULES and f.cue_index is not None and f.span is not None
    }


def agrees_with_check(qtbot, window, spell: SpellCheck) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window shows the word flags that ``captionreview check`` gives."""
    expected = check_flags(window.document.path, spell)
    qtbot.waitUntil(lambda: shown_flags(window) == expected, timeout=10000)


def check_flags(path: Path, spell: SpellCheck) -> set[tuple[str, int, str]]:
    """The word flags ``captionreview check`` gives the file, with the window's glossary."""
    command = [sys.executable, "-m", "captionreview", "check", str(path), "--format", "json"]
    if spell.glossary is not None and spell.glossary.path is not None:
        command += ["--glossary", str(spell.glossary.path)]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode in (0, 1), run.stderr
    report = json.loads(run.stdout)[0]
    texts = [cue["text"] for cue in report["cues"]]
    return {
        (f["rule"], f["cue"], texts[f["cue"]][f["span"][0] : f["span"][1]])
        for f in report["findings"]
        if f["rule"] in WORD_RULES and f["span"] is not None
    }


def put_cursor_on(window, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = window.editor.text_edit
    position = edit.toPlainText().find(text)
    assert position >= 0
    cursor = edit.textCursor()
    cursor.setPosition(position + 1)
    edit.setTextCursor(cursor)


def choose_by_keyboard(qtbot, window, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the word menu with Ctrl+. and trigger the item ``name``; return the items' texts."""
    texts: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        texts.extend(a.text() for a in menu.actions() if not a.isSeparator())
        action = next(a for a in menu.actions() if a.objectName() == name)
        menu.close()
        action.trigger()

    QTimer.singleShot(100, choose)
    key = QKeySequence("Ctrl+.")[0]
    qtbot.keyClick(window.editor.text_edit, key.key(), key.keyboardModifiers())
    qtbot.waitUntil(lambda: bool(texts))
    return texts


def test_a_word_added_to_the_files_word_list_is_no_longer_flagged_there_nor_by_check(
    qtbot, make_window, captions
) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    assert (flags.RULE_SPELLING, CUE, WORD) in flags_of(spell, window)
    agrees_with_check(qtbot, window, spell)
    window.select_cue(CUE)
    put_cursor_on(window, WORD)
    with qtbot.waitSignal(spell.checked, timeout=20000):
        texts = choose_by_keyboard(qtbot, window, "spellAddToFileWords")
    # Next to the personal one.
    add_personal = texts.index(f"Add “{WORD}” to dictionary")
    assert texts[add_personal + 1] == f"Add “{WORD}” to this file's word list"
    listing = captions.with_name("lecture.sv.words.txt")
    assert listing.read_text(encoding="utf-8") == f"{WORD}\n"
    assert (flags.RULE_SPELLING, CUE, WORD) not in flags_of(spell, window)
    assert not window.document.modified  # the captions themselves are untouched
    personal = spell.speller.personal_path if spell.speller is not None else None
    assert personal is None or not personal.exists() or WORD not in personal.read_text("utf-8")

    fresh, fresh_spell = open_checked(qtbot, make_window, captions)
    assert (flags.RULE_SPELLING, CUE, WORD) not in flags_of(fresh_spell, fresh)
    agrees_with_check(qtbot, fresh, fresh_spell)
    assert flags_of(fresh_spell, fresh) == flags_of(spell, window)

    # And back: the word of the list offers its removal, and is flagged again.
    fresh.select_cue(CUE)
    put_cursor_on(fresh, WORD)
    with qtbot.waitSignal(fresh_spell.checked, timeout=20000):
        texts = choose_by_keyboard(qtbot, fresh, "spellRemoveFromFileWords")
    assert texts == [f"Remove “{WORD}” from this file's word list"]
    assert listing.read_text(encoding="utf-8") == ""
    assert (flags.RULE_SPELLING, CUE, WORD) in flags_of(fresh_spell, fresh)
    agrees_with_check(qtbot, fresh, fresh_spell)


def test_a_word_list_that_cannot_be_saved_is_explained_and_nothing_changes(
    qtbot, make_window, captions, answer
) -> None:
    # The list's name leads into a folder that is not there: no user, root included, can save.
    listing = captions.with_name("lecture.sv.words.txt")
    listing.symlink_to(captions.parent / "gone" / "words.txt")
    window, spell = open_checked(qtbot, make_window, captions)
    window.select_cue(CUE)
    put_cursor_on(window, WORD)
    warned = answer("warningDialog", "OK")
    choose_by_keyboard(qtbot, window, "spellAddToFileWords")
    qtbot.waitUntil(lambda: warned.answered)
    assert "could not save words.txt" in warned.texts[0]
    assert "The word list is as it was" in warned.texts[0]
    assert listing.is_symlink() and not (captions.parent / "gone").exists()
    assert (flags.RULE_SPELLING, CUE, WORD) in flags_of(spell, window)
    assert not window.document.modified


def test_captions_not_saved_yet_have_no_word_list_to_add_to(qtbot, make_window) -> None:
    window = make_window()
    spell = window.findChild(SpellCheck)
    assert spell is not None
    assert spell.file_word_list() is None


def test_a_suspended_part_without_hyphen_is_offered_the_hyphen_first(
    qtbot, make_window, captions
) -> None:
    window, spell = open_checked(qtbot, make_window, captions)
    window.document.set_text(0, "risken för hjärt och kärlsjukdomar ökar")
    window.select_cue(0)
    edit = window.editor.text_edit
    menu = spell.build_menu(edit.toPlainText().find("hjärt") + 1, standard=False)
    replacements = [a.text() for a in menu.actions() if a.objectName() == "spellSuggestion"]
    assert replacements[0] == "Replace with “hjärt-”"
    next(a for a in menu.actions() if a.text() == "Replace with “hjärt-”").trigger()
    assert window.document.cues[0].text == "risken för hjärt- och kärlsjukdomar ökar"
    assert 0 not in spell.flagged_cues()


def test_a_capitalised_word_offers_the_removal_of_the_lower_case_entry_that_accepts_it(
    qtbot, make_window, captions
) -> None:
    listing = captions.with_name("lecture.sv.words.txt")
    listing.write_text(f"{WORD}\n", encoding="utf-8")
    window, spell = open_checked(qtbot, make_window, captions)
    capitalised = WORD.capitalize()
    with qtbot.waitSignal(spell.checked, timeout=20000):
        window.document.set_text(CUE, window.document.cues[CUE].text.replace(WORD, capitalised))
        spell.recheck_all()
    window.select_cue(CUE)
    put_cursor_on(window, capitalised)
    with qtbot.waitSignal(spell.checked, timeout=20000):
        texts = choose_by_keyboard(qtbot, window, "spellRemoveFromFileWords")
    assert f"Remove “{WORD}” from this file's word list" in texts
    assert listing.read_text(encoding="utf-8") == ""
    assert spell.file_word_list() is not None and spell.file_word_list().words == []
