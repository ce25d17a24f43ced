"""The glossary each caption file is checked with on the command line, found as the window
finds it: the one chosen with ``--glossary``, else ``glossary.txt`` beside the file, else the
personal glossary. Light to import: ``compare`` and ``clean`` need it without the checks."""

from __future__ import annotations

import sys
from pathlib import Path

from captionreview.core.i18n import _
from captionreview.core.words.glossary import Glossary, GlossaryError, default_glossary_path


class Glossaries:
    """The chosen glossary, or (``find``) the one found for each caption file, read once."""

    def __init__(self, chosen: Glossary | None = None, *, find: bool = True) -> None:
        self.chosen = chosen
        self.find = find
        self._found: dict[Path, Glossary | None] = {}

    @classmethod
    def create(cls, chosen: Path | None) -> Glossaries | str:
        """Return the glossaries, or the message saying why ``chosen`` cannot be read."""
        if chosen is None:
            return cls()
        try:
            return cls(Glossary.load(chosen), find=False)
        except GlossaryError as error:
            return str(error)

    def for_captions(self, captions: Path | None) -> Glossary | None:
        """Return the glossary to check ``captions`` with; one found beside the file that
        cannot be read is named on stderr and left out."""
        if not self.find:
            return self.chosen
        path = default_glossary_path(captions)
        if path is None:
            return None
        if path not in self._found:
            try:
                self._found[path] = Glossary.load(path)
            except GlossaryError as error:
                print(
                    _("captionreview: {error}; checking without a glossary.").format(error=error),
                    file=sys.stderr,
                )
                self._found[path] = None
        return self._found[path]


def file_glossary(
    chosen: Path | None, captions: Path | None, glossaries: Glossaries | None = None
) -> Glossary | str | None:
    """Return the glossary the window uses for ``captions`` (see :class:`Glossaries`), or the
    message saying why ``chosen`` cannot be read; ``glossaries`` set up already are reused."""
    found = glossaries if glossaries is not None else Glossaries.create(chosen)
    return found if isinstance(found, str) else found.for_captions(captions)
