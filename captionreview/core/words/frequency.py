"""How common a word is in real text, from the ``wordfreq`` package (Swedish and English).

The särskrivning rule weighs a joined word ("blodproppar") against its parts side by side
("blod proppar") with these figures, and the language of a sentence is told from them.

``wordfreq`` needs a second to import and to unpack a language's list (340,000 Swedish words),
far more than a whole ``captionreview check`` may take, and only a few hundred words are ever
looked up. So the list is copied once into an SQLite file in the user's cache folder, and each
run looks words up there (a few microseconds each). Nothing is downloaded: the words come from
the installed package. Without ``wordfreq`` every word has frequency ``None`` and the rules fall
back to the dictionary alone.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from platformdirs import user_cache_dir

# Bump when the table's layout or content changes, so old caches are rebuilt.
_FORMAT = 1
_LIST = "large"
# Words looked up in one query (SQLite allows 32,766 parameters; smaller queries plan faster).
_BATCH = 500
# Words whose neighbours one letter away are remembered (see near()); all are forgotten when
# this many are, which keeps the memory bounded on a file full of unknown words.
_NEAR_MEMO = 4096


def _cache_folder() -> Path:
    return Path(user_cache_dir("captionreview")) / "wordfreq"


class WordFrequencies:
    """Zipf frequencies of one language's words (log10 of uses per billion words, 0–8)."""

    def __init__(self, language: str, cache_dir: Path | None = None) -> None:
        self.language = language
        self._folder = cache_dir or _cache_folder()
        self._db: sqlite3.Connection | None = None
        self._tried = False
        self._lock = threading.Lock()
        self._memo: dict[str, float | None] = {}
        self._near: dict[tuple[str, str], dict[str, float]] = {}

    @property
    def available(self) -> bool:
        """Return True when the frequencies can be read (wordfreq installed, cache writable)."""
        return self._connection() is not None

    def zipf(self, word: str) -> float | None:
        """Return the Zipf frequency of ``word`` (0.0 when unseen), or None without data."""
        key = word.lower()
        if key in self._memo:
            return self._memo[key]
        db = self._connection()
        value: float | None = None
        if db is not None:
            with self._lock:
                row = db.execute("SELECT bucket FROM words WHERE word = ?", (key,)).fetchone()
            value = 0.0 if row is None else _zipf(row[0])
        self._memo[key] = value
        return value

    def found(self, words: Iterable[str]) -> dict[str, float]:
        """Return the Zipf frequency of those of ``words`` the list has (lower case), in one
        query per few hundred words: weighing every spelling one letter from a word costs a
        millisecond this way, not one query each."""
        db = self._connection()
        keys = list(dict.fromkeys(w.lower() for w in words))
        result: dict[str, float] = {}
        if db is None:
            return result
        for start in range(0, len(keys), _BATCH):
            chunk = keys[start : start + _BATCH]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = db.execute(
                    f"SELECT word, bucket FROM words WHERE word IN ({marks})", chunk
                ).fetchall()
            result.update((word, _zipf(bucket)) for word, bucket in rows)
        return result

    def near(self, word: str, letters: str) -> Mapping[str, float]:
        """Return :meth:`found` of the spellings one edit from ``word`` (of ``letters``; see
        :func:`one_edit_away`), remembered: the word flags ask it of words no dictionary has,
        some 400 spellings each (half a millisecond), and again at every check of a file (the
        window makes a new checker for each)."""
        key = (word, letters)
        nearby = self._near.get(key)
        if nearby is None:
            if len(self._near) >= _NEAR_MEMO:
                self._near.clear()
            nearby = self._near[key] = self.found(one_edit_away(word, letters))
        return nearby

    def _connection(self) -> sqlite3.Connection | None:
        if self._tried:
            return self._db
        with self._lock:
            if not self._tried:
                self._db = self._open()
                self._tried = True
        return self._db

    def _open(self) -> sqlite3.Connection | None:
        path = self._folder / f"{self.language}-{_LIST}-{_FORMAT}.sqlite3"
        if not path.is_file():
            try:
                _build(self.language, path)
            except (ImportError, LookupError, ValueError, OSError, sqlite3.Error):
                # No wordfreq, no list for the language, or no writable cache: the rules
                # that use frequencies fall back to the dictionary.
                return None
        try:
            uri = f"{path.as_uri()}?mode=ro"
            return sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error:
            return None


def one_edit_away(word: str, letters: str) -> Iterator[str]:
    """Yield the spellings one deletion, swap, change or insertion (of ``letters``) away."""
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            yield head + tail[1:]
        if len(tail) > 1:
            yield head + tail[1] + tail[0] + tail[2:]
        for letter in letters:
            if tail and letter != tail[0]:
                yield head + letter + tail[1:]
            yield head + letter + tail


def _zipf(bucket: int) -> float:
    """Return the Zipf value of a stored bucket (wordfreq's centibels below 9)."""
    return round(9 - bucket / 100, 2)


def _build(language: str, path: Path) -> None:
    """Copy wordfreq's list of ``language`` into an SQLite file at ``path``."""
    from wordfreq import available_languages, get_frequency_list

    if language not in available_languages(_LIST):
        raise LookupError(language)
    buckets = get_frequency_list(language, _LIST)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written under a temporary name and renamed: two processes may build at once.
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    db = sqlite3.connect(temporary)
    try:
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, bucket INTEGER) WITHOUT ROWID")
        rows = ((word, index) for index, bucket in enumerate(buckets) for word in bucket)
        db.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", rows)
        db.commit()
    finally:
        db.close()
    os.replace(temporary, path)


_shared: dict[str, WordFrequencies] = {}


def frequencies(language: str) -> WordFrequencies:
    """Return the shared frequencies of a language (opened on first lookup)."""
    if language not in _shared:
        _shared[language] = WordFrequencies(language)
    return _shared[language]
