"""The word list of one caption file: ``lecture.sv.words.txt`` beside ``lecture.sv.vtt``.

Names and terms of one lecture, one a line (``#`` starts a comment), accepted by the spell
check of that file only, in the window and in ``captionreview check`` alike. Adding and
removing words keeps the rest of the file as it was and saves it atomically, like the captions.
"""

from __future__ import annotations

from pathlib import Path

from captionreview.core.errors import SaveError
from captionreview.core.i18n import _
from captionreview.core.saving import atomic_write


def file_word_list_path(captions: Path) -> Path:
    """Return the word list of one caption file: ``lecture.sv.words.txt`` beside
    ``lecture.sv.vtt`` (names and terms of that lecture only)."""
    return captions.with_name(f"{captions.stem}.words.txt")


def _words_of(lines: list[str]) -> list[str]:
    return [w for w in (line.strip() for line in lines) if w and w[0] != "#"]


def read_word_list(path: Path) -> list[str]:
    """Return the words of a word list (one a line, ``#`` comments); [] when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return _words_of(text.splitlines())


class FileWordList:
    """The word list of one caption file, read once and changed a word at a time."""

    def __init__(self, path: Path, lines: list[str]) -> None:
        self.path = path
        self._lines = lines

    @classmethod
    def for_captions(cls, captions: Path) -> FileWordList:
        """Read the word list of ``captions`` (empty when there is none yet).

        Raises SaveError when the list exists but cannot be read: changing it then would
        overwrite words that could not be seen.
        """
        path = file_word_list_path(captions)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return cls(path, [])
        except OSError as exc:
            raise SaveError(
                _("cannot read the word list {name}: {strerror}").format(
                    name=path.name, strerror=exc.strerror
                ),
                path=path,
            ) from exc
        return cls(path, text.splitlines())

    @property
    def words(self) -> list[str]:
        """Return the words, in file order."""
        return _words_of(self._lines)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.strip() in self.words

    def add(self, word: str) -> bool:
        """Add ``word`` and save the list; False when it was there already.

        Raises SaveError (the file and this list unchanged) when it cannot be saved.
        """
        word = word.strip()
        if not word or word in self:
            return False
        self._save([*self._lines, word])
        return True

    def remove(self, word: str) -> bool:
        """Remove ``word`` (every line of it) and save the list; False when it was not there.

        Raises SaveError (the file and this list unchanged) when it cannot be saved.
        """
        word = word.strip()
        if not word or word not in self:
            return False
        self._save([line for line in self._lines if line.strip() != word])
        return True

    def _save(self, lines: list[str]) -> None:
        text = "".join(f"{line}\n" for line in lines)
        atomic_write(self.path, text.encode("utf-8"))
        self._lines = lines
