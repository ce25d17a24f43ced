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


def _lines_of(data: bytes) -> list[str]:
    """Return the lines of a word list read for checking: a byte order mark dropped, bytes
    that are not UTF-8 shown as U+FFFD (they match no word)."""
    return data.decode("utf-8-sig", errors="replace").splitlines()


def _read(path: Path) -> bytes | None:
    """Return the bytes of a word list, None when there is none yet; raises SaveError when
    it exists but cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SaveError(
            _("cannot read the word list {name}: {strerror}").format(
                name=path.name, strerror=exc.strerror
            ),
            path=path,
        ) from exc


def read_word_list(path: Path) -> list[str]:
    """Return the words of a word list (one a line, ``#`` comments); [] when it cannot be read."""
    try:
        data = _read(path)
    except SaveError:
        return []
    return [] if data is None else _words_of(_lines_of(data))


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
        data = _read(path)
        return cls(path, [] if data is None else _lines_of(data))

    @property
    def words(self) -> list[str]:
        """Return the words, in file order."""
        return _words_of(self._lines)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.strip() in self.words

    def listed_as(self, word: str) -> str | None:
        """Return the entry that accepts ``word`` as the spell check reads the list: the word
        itself, else its lower-case form ("kommunchef" accepts "Kommunchef"); None when none."""
        words = self.words
        for form in (word.strip(), word.strip().lower()):
            if form in words:
                return form
        return None

    def add(self, word: str) -> bool:
        """Add ``word`` and save the list; False when it was there already.

        Raises SaveError (the file and this list unchanged) when it cannot be saved.
        """
        word = word.strip()
        lines = self._current()
        if not word or word in _words_of(lines):
            return False
        self._save([*lines, word])
        return True

    def remove(self, word: str) -> bool:
        """Remove ``word`` (every line of it) and save the list; False when it was not there.

        Raises SaveError (the file and this list unchanged) when it cannot be saved.
        """
        word = word.strip()
        lines = self._current()
        if not word or word not in _words_of(lines):
            return False
        self._save([line for line in lines if line.strip() != word])
        return True

    def _current(self) -> list[str]:
        """Return the list as it is on disk now (an editor may have changed it since it was
        read), and keep it. Raises SaveError when it is not UTF-8 text: saving it again would
        turn every byte that could not be read into U+FFFD for good."""
        data = _read(self.path)
        if data is None:
            lines: list[str] = []
        else:
            try:
                lines = data.decode("utf-8-sig").splitlines()
            except UnicodeDecodeError as exc:
                raise SaveError(
                    _(
                        "the word list {name} is not UTF-8 text (line {line}): save it as "
                        "UTF-8 in a text editor, then try again"
                    ).format(name=self.path.name, line=data[: exc.start].count(b"\n") + 1),
                    path=self.path,
                ) from None
        self._lines = lines
        return lines

    def _save(self, lines: list[str]) -> None:
        text = "".join(f"{line}\n" for line in lines)
        atomic_write(self.path, text.encode("utf-8"))
        self._lines = lines
