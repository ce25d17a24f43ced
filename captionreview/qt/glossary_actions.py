"""The glossary the spell check uses: which file (beside the captions, chosen, or personal),
loading it, adding terms and known corrections, choosing and editing the file.

Its strings keep the translation context "SpellCheck", where they were first written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from captionreview.core.document import Document
from captionreview.core.words import glossary as glossary_files
from captionreview.core.words.glossary import Glossary, GlossaryError
from captionreview.core.words.spread import Correction

if TYPE_CHECKING:
    from captionreview.qt.host import Host


class GlossaryActions(QObject):
    """Finds, loads, changes and saves the glossary; calls ``changed`` when it is replaced."""

    def __init__(self, window: Host, changed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.main_window = window
        self._changed = changed
        self._doc: Document | None = None
        self._glossary: Glossary | None = None
        self._override: Path | None = None

    @property
    def glossary(self) -> Glossary | None:
        """The glossary in use, if any."""
        return self._glossary

    def load(self, doc: Document | None) -> None:
        """Load the glossary for ``doc`` (the chosen file, else beside it, else personal)."""
        self._doc = doc
        path = self._override or glossary_files.default_glossary_path(
            doc.path if doc is not None else None
        )
        self._glossary = None
        if path is None:
            return
        try:
            self._glossary = Glossary.load(path)
        except GlossaryError as exc:
            self.main_window.status_message(str(exc))
            return
        for problem in self._glossary.problems:
            self.main_window.status_message(f"{path.name}: {problem.message}")

    def glossary_path(self) -> Path:
        """Return the glossary file in use, or where a new one would be created."""
        if self._glossary is not None and self._glossary.path is not None:
            return self._glossary.path
        return self._override or glossary_files.personal_glossary_path()

    def add_to_glossary(self, term: str) -> None:
        """Add a term to the glossary file (created when needed) and check again."""
        glossary = self._glossary or Glossary(self.glossary_path())
        glossary.add_term(term)
        self._save(glossary)

    def remember_correction(self, correction: Correction) -> bool:
        """Save ``wrong => Right`` to the glossary (created when needed); True when saved."""
        glossary = self._glossary or Glossary(self.glossary_path())
        glossary.add_correction(correction.old, correction.new)
        return self._save(glossary)

    def _save(self, glossary: Glossary) -> bool:
        try:
            path = glossary.save()
        except GlossaryError as exc:
            self.main_window.status_message(str(exc))
            return False
        self._glossary = glossary
        self._set_override(path)
        self.main_window.status_message(
            QCoreApplication.translate("SpellCheck", "Glossary saved: {path}").format(path=path)
        )
        self._changed()
        return True

    def _set_override(self, path: Path | None) -> None:
        # The project's and the personal glossary are found again for the next file; only a
        # file the user chose elsewhere stays in use.
        captions = self._doc.path if self._doc is not None else None
        automatic = (
            glossary_files.project_glossary_path(captions),
            glossary_files.personal_glossary_path(),
        )
        self._override = None if path in automatic else path

    def use_glossary(self, path: Path | None) -> None:
        """Use another glossary file (None: back to the one beside the captions)."""
        self._set_override(path)
        self.load(self._doc)
        self._changed()

    def choose_glossary(self) -> None:
        """Ask for a glossary file and use it."""
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self.main_window.window(),
            QCoreApplication.translate("SpellCheck", "Use glossary file"),
            str(self.glossary_path().parent),
            QCoreApplication.translate("SpellCheck", "Text (*.txt)"),
        )
        if name:
            self.use_glossary(Path(name))

    def edit_glossary(self) -> QWidget:
        """Open the glossary editor for the glossary in use (it is created on save)."""
        from captionreview.qt.glossary_editor import GlossaryEditor

        editor = GlossaryEditor(self.glossary_path(), self.main_window.window())
        editor.saved.connect(self.use_glossary)
        editor.open()
        return editor
