"""The right-click menu on a flagged word in the cue editor, also on Ctrl+.: the flag's
explanation, suggestions, "Add to dictionary", "Add to this file's word list", "Ignore" and the
glossary items; on a word of the file's word list, "Remove from this file's word list"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QWidgetAction

from captionreview.core.checks import rule_title
from captionreview.core.model import Finding
from captionreview.core.vtt.editable import payload_offset
from captionreview.core.words.flags import RULE_GLOSSARY, RULE_SPELLING
from captionreview.core.words.spelling import Speller, tokenize
from captionreview.core.words.spread import Correction
from captionreview.core.words.wordlist import FileWordList

if TYPE_CHECKING:
    from captionreview.qt.host import Host

MAX_SUGGESTIONS = 6


class FlagOwner(Protocol):
    """What the menu needs from the feature that owns the flags."""

    @property
    def speller(self) -> Speller | None:
        """The speller of the spelling language, if any."""

    def current_cue(self) -> tuple[int, str] | None:
        """The index and raw text of the cue in the editor."""

    def findings_at(self, editor_position: int) -> list[Finding]:
        """The flags of the current cue that cover an editor text position."""

    def apply_suggestion(self, index: int, finding: Finding, replacement: str) -> None:
        """Replace a flagged span."""

    def add_to_dictionary(self, word: str) -> None:
        """Add a word to the personal word list."""

    def file_word_list(self) -> FileWordList | None:
        """The word list of the open captions, or None for captions without a file."""

    def add_to_file_words(self, word: str) -> None:
        """Add a word to the captions' own word list."""

    def remove_from_file_words(self, word: str) -> None:
        """Remove a word from the captions' own word list."""

    def ignore(self, finding: Finding, found: str) -> None:
        """Stop flagging a word for the session."""

    def add_to_glossary(self, term: str) -> None:
        """Add a term to the glossary."""

    def remember_correction(self, correction: Correction) -> bool:
        """Save a known correction to the glossary."""


class FlagMenu(QObject):
    """Builds and shows the menu for the word under the mouse or the text cursor.

    Its strings keep the translation context "SpellCheck", where they were first written.
    """

    def __init__(self, owner: FlagOwner, window: Host, text_edit: QPlainTextEdit) -> None:
        super().__init__(text_edit)
        self.owner = owner
        self.main_window = window
        self.text_edit = text_edit
        # Mouse context menus arrive at the viewport, keyboard ones at the text box itself.
        self._viewport = text_edit.viewport()
        text_edit.installEventFilter(self)
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Show the suggestions menu on right-click in the cue text."""
        if (
            event.type() == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and (watched is self.text_edit or watched is self._viewport)
        ):
            if event.reason() == QContextMenuEvent.Reason.Mouse:
                position = self.text_edit.cursorForPosition(event.pos()).position()
            else:
                position = self.text_edit.textCursor().position()
            menu = self.build_menu(position, standard=True)
            if event.reason() != QContextMenuEvent.Reason.Mouse:
                # From the keyboard (the Menu key): on the first fix at once, as for Ctrl+.
                QTimer.singleShot(0, partial(_activate_first_fix, menu))
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return super().eventFilter(watched, event)

    def suggest_at_cursor(self) -> QMenu | None:
        """Pop up the suggestions for the word at the text cursor (Ctrl+.)."""
        if self.owner.current_cue() is None:
            self.main_window.status_message(
                QCoreApplication.translate("SpellCheck", "Select a cue first")
            )
            return None
        position = self.text_edit.textCursor().selectionStart()
        menu = self.build_menu(position, standard=False)
        if menu.isEmpty():
            self.main_window.status_message(
                QCoreApplication.translate("SpellCheck", "Nothing to suggest here")
            )
            menu.deleteLater()
            return None
        rect = self.text_edit.cursorRect()
        menu.popup(self.text_edit.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom())))
        # Enter takes the first fix straight away, and a screen reader reads it as the focused
        # item (the explanation is the menu's name); before, the first Down reached the
        # explanation, which has no highlight and does nothing.
        _activate_first_fix(menu)
        return menu

    def build_menu(self, editor_position: int, *, standard: bool) -> QMenu:
        """Build the menu for a position in the editor: suggestions first, then the rest."""
        menu = self.text_edit.createStandardContextMenu() if standard else QMenu(self.text_edit)
        menu.setObjectName("spellMenu")
        first = menu.actions()[0] if menu.actions() else None
        items: list[QAction] = []
        current = self.owner.current_cue()
        for finding in self.owner.findings_at(editor_position):
            if current is None or finding.span is None:
                continue
            items.extend(self._finding_actions(menu, current[0], current[1], finding))
        if not items and current is not None:
            items.extend(self._file_word_actions(menu, current[1], editor_position))
        if items and first is not None:
            items.append(_separator(menu))
        for action in items:
            if first is not None:
                menu.insertAction(first, action)
            else:
                menu.addAction(action)
        explanations = [a.text() for a in items if a.objectName() == "flagExplanation"]
        if explanations:
            # What a screen reader says as the menu opens: the explanation, which is a label.
            menu.setAccessibleName(" ".join(explanations))
        return menu

    def _finding_actions(
        self, menu: QMenu, index: int, raw: str, finding: Finding
    ) -> list[QAction]:
        assert finding.span is not None
        owner = self.owner
        found = raw[finding.span[0] : finding.span[1]]
        # The explanation is plain text at full contrast, not a greyed-out disabled item.
        text = f"{rule_title(finding.rule)}: {finding.message}"
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setContentsMargins(8, 4, 8, 4)
        explanation.setMaximumWidth(480)
        title = QWidgetAction(menu)
        title.setText(text)
        title.setDefaultWidget(explanation)
        title.setObjectName("flagExplanation")
        actions: list[QAction] = [title]
        options: list[str] = [finding.suggestion] if finding.suggestion is not None else []
        speller = owner.speller
        if finding.rule == RULE_SPELLING and speller is not None:
            # The flag's own fix first ("hjärt-" for a suspended part), then Hunspell's.
            options += [o for o in speller.suggest(found) if o not in options]
            options = options[:MAX_SUGGESTIONS]
        for option in options:
            label = (
                QCoreApplication.translate("SpellCheck", "Replace with “{option}”").format(
                    option=option
                )
                if option
                else QCoreApplication.translate("SpellCheck", "Remove “{strip}”").format(
                    strip=found.strip(" ,")
                )
            )
            actions.append(
                _action(
                    menu,
                    label,
                    "spellSuggestion",
                    partial(owner.apply_suggestion, index, finding, option),
                )
            )
        if finding.rule == RULE_SPELLING:
            actions.append(
                _action(
                    menu,
                    QCoreApplication.translate("SpellCheck", "Add “{found}” to dictionary").format(
                        found=found
                    ),
                    "spellAddToDictionary",
                    partial(owner.add_to_dictionary, found),
                )
            )
            words = owner.file_word_list()
            if words is not None:
                actions.append(
                    _action(
                        menu,
                        QCoreApplication.translate(
                            "SpellCheck", "Add “{found}” to this file's word list"
                        ).format(found=found),
                        "spellAddToFileWords",
                        partial(owner.add_to_file_words, found),
                        tip=_saved_in(words),
                    )
                )
        actions.append(
            _action(
                menu,
                QCoreApplication.translate("SpellCheck", "Ignore “{strip}”").format(
                    strip=found.strip(" ,")
                ),
                "spellIgnore",
                partial(owner.ignore, finding, found),
            )
        )
        if finding.rule == RULE_SPELLING:
            actions.append(
                _action(
                    menu,
                    QCoreApplication.translate("SpellCheck", "Add “{found}” to glossary").format(
                        found=found
                    ),
                    "spellAddToGlossary",
                    partial(owner.add_to_glossary, found),
                )
            )
        elif finding.rule == RULE_GLOSSARY and finding.suggestion:
            # The term is in the glossary already; remembering the mishearing makes it a
            # known correction, found exactly in later files.
            actions.append(
                _action(
                    menu,
                    QCoreApplication.translate(
                        "SpellCheck", "Remember “{found} => {suggestion}” in glossary"
                    ).format(found=found, suggestion=finding.suggestion),
                    "spellRememberCorrection",
                    partial(owner.remember_correction, Correction(found, finding.suggestion)),
                )
            )
        return actions

    def _file_word_actions(self, menu: QMenu, raw: str, editor_position: int) -> list[QAction]:
        """Return "Remove from this file's word list" for a word of that list at a position."""
        words = self.owner.file_word_list()
        if words is None:
            return []
        offset = payload_offset(raw, editor_position)
        word = next((t.text for t in tokenize(raw) if t.start <= offset <= t.end), None)
        listed = None if word is None else words.listed_as(word)
        if listed is None:
            return []
        return [
            _action(
                menu,
                QCoreApplication.translate(
                    "SpellCheck", "Remove “{word}” from this file's word list"
                ).format(word=listed),
                "spellRemoveFromFileWords",
                partial(self.owner.remove_from_file_words, listed),
                tip=_saved_in(words),
            )
        ]


def _action(
    menu: QMenu, text: str, name: str, slot: Callable[[], object], *, tip: str | None = None
) -> QAction:
    """Return a menu item that calls ``slot``, with its object name and status tip."""
    action = QAction(text, menu)
    action.setObjectName(name)
    if tip is not None:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _saved_in(words: FileWordList) -> str:
    return QCoreApplication.translate(
        "SpellCheck", "The words of this file only, in {name} beside the captions"
    ).format(name=words.path.name)


def _separator(menu: QMenu) -> QAction:
    action = QAction(menu)
    action.setSeparator(True)
    return action


def _activate_first_fix(menu: QMenu) -> None:
    """Put the keyboard on the menu's first suggestion, else on its first item that does
    something (not the explanation, which is a label)."""
    usable = [
        a
        for a in menu.actions()
        if a.isEnabled()
        and a.isVisible()
        and not a.isSeparator()
        and not isinstance(a, QWidgetAction)
    ]
    fixes = [a for a in usable if a.objectName() == "spellSuggestion"]
    if fixes or usable:
        menu.setActiveAction((fixes or usable)[0])
