"""Spell check, glossary near misses and ASR word flags in the window (issue 6).

``install(window)`` adds a :class:`SpellCheck` controller to a main window. It

* checks the whole file in a worker thread (the window stays responsive: the worker pauses
  while the editor types and sleeps a moment every 250 cues) and re-checks an edited cue at
  once, so the underlines follow the typing (``Flagger``, in ``flagger.py``);
* underlines the flagged words in the cue editor (``FlagHighlighter``, in
  ``flag_highlight.py``), with a context menu of suggestions, "Add to dictionary", "Add to this
  file's word list", "Ignore" and "Add to glossary", also on Ctrl+. (``FlagMenu``, in
  ``flag_menu.py``);
* accepts the words of the captions' own word list (``lecture.sv.words.txt``), as
  ``captionreview check`` does, and adds words to it and removes them from it;
* finds, loads and changes the glossary: beside the captions, chosen, or personal
  (``GlossaryActions``, in ``glossary_actions.py``);
* walks through every flag with Check ▸ Next suspicious word (F7), playing the cue and leaving
  the cursor on the word;
* follows the file's language (``Language:`` header, NOTE, file name, else a guess from the
  text, else the profile), switchable in Check ▸ Spelling language, which says how it was
  chosen;
* offers to spread a word the editor replaced to its other occurrences
  (:class:`~captionreview.qt.spread_dialog.CorrectionSpread`, fed from this feature's
  document events);
* emits ``flags_changed(set[int])`` with the indices of flagged cues, for marks in the list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from captionreview.core.document import Document
from captionreview.core.errors import SaveError
from captionreview.core.events import EventKind
from captionreview.core.model import Cue, Finding
from captionreview.core.vtt.editable import editable_offset, payload_offset
from captionreview.core.words.flags import (
    RULE_FILLER,
    RULE_SPELLING,
    FlagChecker,
    next_suspicious,
)
from captionreview.core.words.glossary import Glossary
from captionreview.core.words.language import UNDETERMINED, detect_language
from captionreview.core.words.spelling import Speller, language_code, supported_languages
from captionreview.core.words.spread import Correction
from captionreview.core.words.wordlist import FileWordList, file_word_list_path
from captionreview.qt.background import BackgroundWork
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.flag_highlight import FlagHighlighter
from captionreview.qt.flag_menu import FlagMenu
from captionreview.qt.flagger import Flagger
from captionreview.qt.glossary_actions import GlossaryActions
from captionreview.qt.i18n import QT_TRANSLATE_NOOP
from captionreview.qt.spread_dialog import CorrectionSpread

if TYPE_CHECKING:
    from captionreview.qt.host import Host

LANGUAGE_NAMES = {
    "sv": QT_TRANSLATE_NOOP("SpellCheck", "Swedish"),
    "en": QT_TRANSLATE_NOOP("SpellCheck", "English"),
}
HOW_CHOSEN = {
    "header": QT_TRANSLATE_NOOP("SpellCheck", "from the file's header"),
    "note": QT_TRANSLATE_NOOP("SpellCheck", "from a NOTE in the file"),
    "file name": QT_TRANSLATE_NOOP("SpellCheck", "from the file name"),
    "text": QT_TRANSLATE_NOOP("SpellCheck", "guessed from the text"),
}


def language_name(code: str | None) -> str:
    """The language's name in the user's language ("Swedish", "svenska")."""
    name = LANGUAGE_NAMES.get(code or "")
    return QCoreApplication.translate("SpellCheck", name) if name else str(code)


class SpellCheck(QObject):
    """The spell-check feature of one main window (see the module docstring)."""

    flags_changed = Signal(object)  # set[int]: indices of cues with at least one flag
    checked = Signal(int)  # a whole-file check finished: number of findings
    progress = Signal(int, int)  # cues checked, cues in all
    spread_offered = Signal(object, object)  # Correction, list[Occurrence]

    def __init__(self, window: Host) -> None:
        super().__init__(window.window())
        self.setObjectName("spellCheck")
        self.main_window = window
        # The check and the spread search share one pacer: both wait while the user types.
        self._checks = BackgroundWork(self)
        self._checks.progress.connect(self._on_progress)
        self._doc: Document | None = None
        self._events = DocumentEvents(self)
        self._events.changed.connect(self._on_changed)
        self._events.inserted.connect(self._on_inserted)
        self._events.removed.connect(self._on_removed)
        self._events.reset.connect(self._on_reset)
        # Not a bound method of self: it runs while the C++ object is being destroyed.
        self.destroyed.connect(self._checks.pacer.closed.set)
        self._detected: tuple[str, str] = (UNDETERMINED, "unknown")
        self._language_override: str | None = None
        self.glossaries = GlossaryActions(window, self._rebuild_checker, self)
        self._checker: FlagChecker | None = None
        self._file_words: FileWordList | None = None
        self._snapshot: list[Cue] = []
        self._warned: str | None = None
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(0)
        self._emit_timer.timeout.connect(self._emit_flags)

        self.editor = window.editor
        self.text_edit: QPlainTextEdit = window.editor.text_edit
        self.flagger = Flagger(self._checks, self._changed, self)
        self.flagger.checked.connect(self.checked)
        self.highlighter = FlagHighlighter(self.text_edit.document(), self._editor_spans)
        self.menu = FlagMenu(self, window, self.text_edit)

        self.spread = CorrectionSpread(window, self._checks.pacer, self.remember_correction, self)
        self.offer = self.spread.offer
        self.spread.spread_offered.connect(self.spread_offered)
        self._build_actions()
        window.document_changed.connect(self.set_document)
        window.profile_changed.connect(lambda _profile: self._language_may_have_changed())
        self.set_document(window.document)

    # -- actions ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self.main_window
        self.next_action = self._action(
            self.tr("&Next suspicious word"),
            "nextSuspicious",
            self.goto_next,
            shortcut="F7",
            tip=self.tr(
                "Jump to the next misspelled word, glossary near miss or ASR flag and play its cue"
            ),
        )
        self.suggest_action = self._action(
            self.tr("&Suggest corrections"),
            "suggestCorrections",
            self.suggest_at_cursor,
            shortcut="Ctrl+.",
            tip=self.tr("Show suggestions for the word at the text cursor"),
        )
        self.suggest_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.underline_action = QAction(self.tr("&Underline suspicious words"), window.window())
        self.underline_action.setObjectName("underlineSuspicious")
        self.underline_action.setCheckable(True)
        self.underline_action.setChecked(True)
        self.underline_action.toggled.connect(self._set_underline)
        # F7 in reading order by default; checked, it visits the surest flags first (each word
        # flag carries a confidence), so an editor short of time fixes what is surely wrong.
        self.by_confidence_action = QAction(
            self.tr("Next suspicious word: most &certain first"), window.window()
        )
        self.by_confidence_action.setObjectName("suspiciousByConfidence")
        self.by_confidence_action.setCheckable(True)
        self.by_confidence_action.setStatusTip(
            self.tr("F7 goes to the flags the check is surest about first, not in reading order")
        )
        self.spread_action = self._action(
            self.tr("Apply last correction &everywhere…"),
            "applyCorrectionEverywhere",
            self.review_spread,
            shortcut="Ctrl+Shift+H",
            tip=self.tr(
                "List the other occurrences of the word you just corrected and replace them"
            ),
        )
        self.glossary_action = self._action(
            self.tr("Edit &glossary…"),
            "editGlossary",
            self.edit_glossary,
            tip=self.tr("Edit the names and terms that the check looks for"),
        )
        self.choose_glossary_action = self._action(
            self.tr("Use glossary &file…"), "chooseGlossary", self.choose_glossary
        )
        self.recheck_action = self._action(
            self.tr("&Re-check words"), "recheckWords", self.recheck_all
        )
        for action in (
            self.next_action,
            self.suggest_action,
            self.spread_action,
            self.glossary_action,
            self.choose_glossary_action,
            self.recheck_action,
            self.underline_action,
            self.by_confidence_action,
        ):
            window.register_action(action, "Check")
        self.language_menu = window.menu("Check").addMenu(self.tr("Spelling &language"))
        self.language_menu.setObjectName("spellingLanguageMenu")
        group = QActionGroup(self)
        self.language_actions: dict[str | None, QAction] = {}
        for code in (None, *supported_languages()):
            text = self.tr("Follow the file") if code is None else language_name(code)
            action = QAction(text, self.language_menu)
            action.setCheckable(True)
            action.setObjectName(f"spellingLanguage_{code or 'auto'}")
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions[None].setChecked(True)

    def _action(
        self, text: str, name: str, slot: Callable[[], object], *, shortcut: str = "", tip: str = ""
    ) -> QAction:
        action = QAction(text, self.main_window.window())
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    # -- document and language ----------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        """The document being checked."""
        return self._doc

    @property
    def language(self) -> str:
        """The spelling language in use (two-letter code)."""
        return self._language_override or self.followed_language()[0]

    def followed_language(self) -> tuple[str, str]:
        """Return the file's language and how it was found, e.g. ("en", "guessed from the text").

        The document's language comes from ``language.detect_language`` (header, NOTE, file
        name, the text); when none is found, the profile's language is used.
        """
        language, how = self._detected
        if language == UNDETERMINED:
            return language_code(self.main_window.profile.language), self.tr(
                "from the quality profile"
            )
        return language_code(language), QCoreApplication.translate(
            "SpellCheck", HOW_CHOSEN.get(how, how)
        )

    @property
    def speller(self) -> Speller | None:
        """The speller of the spelling language, if it has a dictionary."""
        return self._checker.speller if self._checker is not None else None

    @property
    def glossary(self) -> Glossary | None:
        """The glossary in use, if any."""
        return self.glossaries.glossary

    def set_document(self, doc: Document | None) -> None:
        """Check ``doc`` (None: nothing); called when the window opens or closes a file."""
        self._events.set_document(doc)
        self._doc = doc
        self.flagger.set_document(doc)
        self._snapshot = list(doc.cues) if doc is not None else []
        self.spread.set_document(doc, self._snapshot)
        self._detected = detect_language(doc) if doc is not None else (UNDETERMINED, "unknown")
        self.glossaries.load(doc)
        self._load_file_words()
        self._rebuild_checker()

    def set_language(self, code: str | None) -> None:
        """Check in language ``code`` ("sv", "en"), or follow the file with None."""
        self._language_override = code
        self.language_actions[code].setChecked(True)
        self._rebuild_checker()
        self.main_window.status_message(
            self.tr("Spelling language: {get}").format(get=language_name(self.language))
        )

    def _language_may_have_changed(self) -> None:
        if self._checker is not None and self._checker.language != self.language:
            self._rebuild_checker()

    def _rebuild_checker(self) -> None:
        followed, how = self.followed_language()
        self.language_actions[None].setText(
            self.tr("Follow the file ({get}, {how})").format(get=language_name(followed), how=how)
        )
        self._checker = FlagChecker(
            language=self.language,
            glossary=self.glossaries.glossary,
            suggestions=False,
            file_words=self._file_words.words if self._file_words is not None else (),
        )
        message = self._checker.unavailable
        if message and message != self._warned:
            self.main_window.status_message(message)
        self._warned = message
        self.flagger.set_checker(self._checker)

    # -- checking -----------------------------------------------------------------------------

    def recheck_all(self) -> None:
        """Read the file's word list again and check the whole file again in the background
        (the flags stay until it finishes)."""
        self._load_file_words()
        self._rebuild_checker()

    def is_checking(self) -> bool:
        """Return True while a whole-file check runs."""
        return self.flagger.is_checking()

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the background check to finish (for scripts and tests)."""
        return self._checks.wait(msecs)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)
        self.main_window.status_message(
            self.tr("Checking words… {done} of {total} cues").format(done=done, total=total)
        )

    def _changed(self) -> None:
        self.highlighter.rehighlight()
        self._emit_timer.start()

    def _emit_flags(self) -> None:
        self.flags_changed.emit(self.flagged_cues())

    def flagged_cues(self) -> set[int]:
        """Return the indices of cues with at least one flag."""
        return self.flagger.flagged_cues()

    def findings(self) -> list[Finding]:
        """Return every current flag, in cue and text order."""
        return self.flagger.findings()

    def findings_for(self, index: int) -> list[Finding]:
        """Return the flags of one cue."""
        return self.flagger.findings_for(index)

    def _cues_moved(self, kind: EventKind, start: int, stop: int) -> None:
        """What every change to the cues does first: an open spread offer is out of date."""
        self.spread.cues_moved(kind, start, stop)

    def _on_changed(self, start: int, stop: int) -> None:
        self._cues_moved(EventKind.CHANGED, start, stop)
        self._checks.pacer.typing()
        self.spread.cues_changed(start, stop, self._snapshot)
        if self._doc is not None:
            self._snapshot[start:stop] = self._doc.cues[start:stop]
        self.flagger.cues_changed(start, stop)

    def _on_inserted(self, start: int, stop: int) -> None:
        self._cues_moved(EventKind.INSERTED, start, stop)
        self._after_structure()
        self.flagger.cues_inserted(start, stop)

    def _on_removed(self, start: int, stop: int) -> None:
        self._cues_moved(EventKind.REMOVED, start, stop)
        self._after_structure()
        self.flagger.cues_removed(start, stop)

    def _on_reset(self) -> None:
        self._cues_moved(EventKind.RESET, 0, 0)
        self._after_structure()
        self.flagger.cues_reset()

    def _after_structure(self) -> None:
        self.spread.structure_changed()
        self._snapshot = list(self._doc.cues) if self._doc is not None else []

    # -- the editor ---------------------------------------------------------------------------

    def current_cue(self) -> tuple[int, str] | None:
        """Return the index and raw text of the cue in the editor, if any."""
        index = self.editor.index
        if self._doc is None or index is None or index >= len(self._doc):
            return None
        return index, self._doc.cues[index].text

    def _editor_spans(self) -> list[tuple[int, int, Finding]]:
        current = self.current_cue()
        if current is None:
            return []
        index, raw = current
        spans = []
        for finding in self.flagger.findings_for(index):
            if finding.span is None:
                continue
            start = editable_offset(raw, finding.span[0])
            end = editable_offset(raw, finding.span[1])
            spans.append((start, max(end, start + 1), finding))
        return spans

    def _set_underline(self, on: bool) -> None:
        self.highlighter.enabled = on
        self.highlighter.rehighlight()

    def findings_at(self, editor_position: int) -> list[Finding]:
        """Return the flags of the current cue that cover an editor text position."""
        return [f for start, end, f in self._editor_spans() if start <= editor_position <= end]

    def suggest_at_cursor(self) -> QMenu | None:
        """Pop up the suggestions for the word at the text cursor (Ctrl+.)."""
        return self.menu.suggest_at_cursor()

    def build_menu(self, editor_position: int, *, standard: bool) -> QMenu:
        """Build the menu for a position in the editor: suggestions first, then the rest."""
        return self.menu.build_menu(editor_position, standard=standard)

    def apply_suggestion(self, index: int, finding: Finding, replacement: str) -> None:
        """Replace a flagged span by ``replacement`` (one undo step) and offer to spread it."""
        doc = self._doc
        if doc is None or finding.span is None or index >= len(doc):
            return
        raw = doc.cues[index].text
        start, end = finding.span
        old = raw[start:end]
        doc.set_text(index, raw[:start] + replacement + raw[end:])
        self.main_window.select_cue(index, (start, start + len(replacement)))
        if replacement and finding.rule != RULE_FILLER:
            self.offer_spread(index, Correction(old, replacement))

    def add_to_dictionary(self, word: str) -> None:
        """Add a word to the personal word list of the spelling language."""
        if self._checker is None or self._checker.speller is None:
            return
        try:
            self._checker.speller.add_personal(word)
        except OSError as exc:
            self.main_window.status_message(
                self.tr("Could not save the personal word list: {strerror}").format(
                    strerror=exc.strerror
                )
            )
            return
        self.main_window.status_message(
            self.tr("Added “{word}” to your {get} words").format(
                word=word, get=language_name(self.language)
            )
        )
        self.recheck_all()

    # -- the file's word list -------------------------------------------------------------------

    def _load_file_words(self) -> None:
        """Read the word list beside the captions (none for captions not saved yet)."""
        self._file_words = None
        path = self._doc.path if self._doc is not None else None
        if path is None:
            return
        try:
            self._file_words = FileWordList.for_captions(path)
        except SaveError as exc:
            # Checked without it, as ``check`` does; changing it is refused until it reads.
            self.main_window.status_message(str(exc))

    def file_word_list(self) -> FileWordList | None:
        """Return the word list of the open captions, or None for captions without a file."""
        path = self._doc.path if self._doc is not None else None
        if path is None:
            return None
        if self._file_words is None or self._file_words.path != file_word_list_path(path):
            self._load_file_words()  # saved under another name since it was read
        return self._file_words

    def add_to_file_words(self, word: str) -> None:
        """Add a word to the captions' own word list (saved beside them) and check again."""
        self._change_file_words(word, add=True)

    def remove_from_file_words(self, word: str) -> None:
        """Remove a word from the captions' own word list and check again."""
        self._change_file_words(word, add=False)

    def _change_file_words(self, word: str, *, add: bool) -> None:
        words = self.file_word_list()
        if words is None:
            return
        try:
            changed = words.add(word) if add else words.remove(word)
        except SaveError as exc:
            # The list on disk and in memory are as they were, and so are the flags.
            self.main_window.warn(
                self.tr("Word list not saved"),
                self.tr(
                    "{error}\n\nThe word list is as it was. To accept a word in every file, "
                    "add it to your dictionary instead."
                ).format(error=exc),
            )
            return
        if not changed:
            return
        message = (
            self.tr("Added “{word}” to this file's word list, {name}")
            if add
            else self.tr("Removed “{word}” from this file's word list, {name}")
        )
        self.main_window.status_message(message.format(word=word, name=words.path.name))
        self._rebuild_checker()

    def ignore(self, finding: Finding, found: str) -> None:
        """Stop flagging this word (this rule) for the rest of the session."""
        if finding.rule == RULE_SPELLING and self._checker and self._checker.speller:
            self._checker.speller.ignore(found)
        self.flagger.ignore(finding.rule, found)

    def glossary_path(self) -> Path:
        """Return the glossary file in use, or where a new one would be created."""
        return self.glossaries.glossary_path()

    def add_to_glossary(self, term: str) -> None:
        """Add a term to the glossary file (created when needed) and check again."""
        self.glossaries.add_to_glossary(term)

    def use_glossary(self, path: Path | None) -> None:
        """Use another glossary file (None: back to the one beside the captions)."""
        self.glossaries.use_glossary(path)

    def choose_glossary(self) -> None:
        """Ask for a glossary file and use it."""
        self.glossaries.choose_glossary()

    def edit_glossary(self) -> QWidget:
        """Open the glossary editor for the glossary in use (it is created on save)."""
        return self.glossaries.edit_glossary()

    # -- next suspicious ----------------------------------------------------------------------

    def goto_next(self) -> Finding | None:
        """Select, play and put the cursor on the next flag (F7): the current cue's first one
        when the cursor has no selection, else the one after the selected flag."""
        findings = self.findings()
        if not findings:
            message = (
                self.tr("Still checking…")
                if self.flagger.is_checking()
                else self.tr("No suspicious words")
            )
            self.main_window.status_message(message)
            return None
        current = self.current_cue()
        after = None
        if current is not None:
            index, raw = current
            cursor = self.text_edit.textCursor()
            # A selection is the flag F7 went to last: go on after it. A plain cursor (the cue
            # just chosen, or typed in) starts with this cue's first flag, also one before it.
            after = (index, payload_offset(raw, cursor.selectionStart()))
            if not cursor.hasSelection():
                after = (index, -1)
        by_confidence = self.by_confidence_action.isChecked()
        finding = next_suspicious(findings, after, by_confidence=by_confidence)
        if finding is None or finding.cue_index is None:
            return None
        self.main_window.select_cue(finding.cue_index, finding.span, play=True)
        self.main_window.status_message(finding.message)
        return finding

    # -- corrections spread ---------------------------------------------------------------

    def offer_spread(self, index: int, correction: Correction) -> None:
        """Look for the corrected phrase in the other cues, in the background."""
        self.spread.offer_spread(index, correction)

    def review_spread(self) -> QWidget | None:
        """Open the list of other occurrences of the last correction (Ctrl+Shift+H)."""
        return self.spread.review_spread()

    def remember_correction(self, correction: Correction) -> bool:
        """Save ``wrong => Right`` to the glossary (created when needed); True when saved."""
        return self.glossaries.remember_correction(correction)


def install(window: Host) -> SpellCheck:
    """Add spell checking, the glossary and the ASR word flags to ``window``."""
    return SpellCheck(window)
