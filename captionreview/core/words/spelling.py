"""Spell checking with the system's Hunspell (Debian's libhunspell and hunspell-sv/-en-us).

Hunspell is reached through :mod:`ctypes`, so no compiled extension is needed. Swedish compounds
are accepted exactly as the hunspell-sv dictionary allows (``regionstyrelsen``), which is what a
managed port gets wrong (ANCHORS.md: Subtitle Edit #14788).

The tokeniser works on the cue payload as stored in ``Cue.text``: markup is skipped, character
references are decoded, and every token keeps its offsets into the raw text, so a finding's span
can be selected in the editor as it is.
"""

from __future__ import annotations

import ctypes
import re
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from captionreview.core.errors import CaptionReviewError
from captionreview.core.i18n import _
from captionreview.core.vtt.cuetext import markup_spans, plain_text

DICTIONARY_DIRS: tuple[Path, ...] = (
    Path("/usr/share/hunspell"),
    Path("/usr/share/myspell/dicts"),
    Path("/usr/share/myspell"),
)
"""Where Debian (and most Linux distributions) install Hunspell dictionaries."""

# Language code -> dictionary name and the Debian package that ships it.
_DICTIONARIES: dict[str, tuple[str, str]] = {
    "sv": ("sv_SE", "hunspell-sv"),
    "en": ("en_US", "hunspell-en-us"),
}
LIBRARY_PACKAGE = "libhunspell-1.7-0"

# Acronyms such as "VGR" or "SKR" are common in public-sector lectures and are not spelling
# mistakes; up to this length an all-capital word is accepted.
MAX_ACRONYM_LENGTH = 6

_REF_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_LETTERS = r"[^\W\d_]"
# A word: letters and digits, joined by inner hyphens, apostrophes or a colon before a
# Swedish genitive ("SVT:s"); a trailing hyphen is kept in "hälso- och sjukvård".
_TOKEN_RE = re.compile(
    rf"(?:{_LETTERS}{{1,4}}\.){{2,}}"  # abbreviations written with full stops: "t.ex.", "bl.a."
    r"|[^\W_]+(?:[-'’][^\W_]+|:(?=[^\W\d_])[^\W_]+)*"
    r"(?:-(?=\s+(?:och|eller|samt|respektive|till|som|and|or)\b))?"
)


class SpellerUnavailable(CaptionReviewError, RuntimeError):
    """Hunspell or the dictionary for a language is not installed; the message says which."""


@dataclass(frozen=True, slots=True)
class PlainText:
    """A cue's visible text and where its characters come from in the raw text.

    The source is kept per run of text between markup (``pstarts`` in the visible text,
    ``rstarts`` in the raw text, ``lengths``), not per character: a karaoke cue has a tag every
    few letters and is checked thousands of times in a long file. ``refs[i]`` is the raw end of
    a character reference (all its characters come from the whole reference), or -1 for text.
    """

    text: str
    pstarts: tuple[int, ...]
    rstarts: tuple[int, ...]
    lengths: tuple[int, ...]
    refs: tuple[int, ...]

    def _start(self, pos: int) -> int:
        i = bisect_right(self.pstarts, pos) - 1
        if self.refs[i] >= 0:
            return self.rstarts[i]
        return self.rstarts[i] + pos - self.pstarts[i]

    def _end(self, pos: int) -> int:
        i = bisect_right(self.pstarts, pos) - 1
        if self.refs[i] >= 0:
            return self.refs[i]
        return self.rstarts[i] + pos - self.pstarts[i] + 1

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the raw-text span covering plain characters ``[start, end)``."""
        if len(self.pstarts) == 1 and self.refs[0] < 0 and start < end:
            # One run of text, as most cues are: every offset is shifted by the same amount.
            shift = self.rstarts[0] - self.pstarts[0]
            return start + shift, end + shift
        if start >= end:
            raw = self._start(start) if start < len(self.text) else self._raw_end()
            return raw, raw
        return self._start(start), self._end(end - 1)

    def _raw_end(self) -> int:
        return self._end(len(self.text) - 1) if self.text else 0

    def plain_start(self, raw: int) -> int:
        """Return how many visible characters start before raw offset ``raw``."""
        i = bisect_left(self.rstarts, raw) - 1
        if i < 0:
            return 0
        inside = self.lengths[i] if self.refs[i] >= 0 else raw - self.rstarts[i]
        return self.pstarts[i] + min(self.lengths[i], inside)

    def plain_end(self, raw: int) -> int:
        """Return how many visible characters end at or before raw offset ``raw``."""
        i = bisect_right(self.rstarts, raw) - 1
        if i < 0:
            return 0
        if self.refs[i] >= 0:
            inside = self.lengths[i] if self.refs[i] <= raw else 0
        else:
            inside = min(self.lengths[i], raw - self.rstarts[i])
        return self.pstarts[i] + inside


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a cue: ``start``/``end`` index ``Cue.text``, ``pstart``/``pend`` the plain text.

    ``is_number`` is True when the word has no letters (``2024``, ``10-12``).
    """

    text: str
    start: int
    end: int
    pstart: int
    pend: int
    is_number: bool = False


# A '<' that no '>' closes before the next '<' or line break. The scan from each '<' stops at
# the next one, so this is linear, and without such a '<' every tag is '<' up to the first
# '>' with no '<' or line break inside: what tag_spans() finds, at the speed of one pattern.
# What joins the parts of a word checked part by part ("covid-19", "SVT:s").
_PART_BREAK_RE = re.compile(r"[-:'’]")
_UNCLOSED_RE = re.compile(r"<[^<>\n]*(?=[<\n]|\Z)")
_SIMPLE_MARKUP_RE = re.compile(rf"<[^<>\n]*>|{_REF_RE.pattern}")


def _markup(raw: str) -> Iterable[tuple[int, int, bool]]:
    """Yield ``(start, end, is_tag)`` of the markup of a cue text, as markup_spans() does."""
    if _UNCLOSED_RE.search(raw):
        return markup_spans(raw, _REF_RE)
    return ((m.start(), m.end(), raw[m.start()] == "<") for m in _SIMPLE_MARKUP_RE.finditer(raw))


def plain_with_offsets(raw: str) -> PlainText:
    """Return the visible text of a cue payload and where each visible character comes from."""
    if "<" not in raw and "&" not in raw:
        # The common case: nothing to strip, the visible text is the raw text.
        return PlainText(raw, (0,), (0,), (len(raw),), (-1,))
    chunks: list[str] = []
    # Per run of visible text: its start in the visible text, its start in the raw text, its
    # length, and the raw end of a character reference (-1 for text).
    pstarts: list[int] = []
    rstarts: list[int] = []
    lengths: list[int] = []
    refs: list[int] = []
    pos = 0
    size = 0
    for at, end, is_tag in _markup(raw):
        if at > pos:
            chunks.append(raw[pos:at])
            pstarts.append(size)
            rstarts.append(pos)
            lengths.append(at - pos)
            refs.append(-1)
            size += at - pos
        if not is_tag:
            decoded = plain_text(raw[at:end])
            if decoded:
                chunks.append(decoded)
                pstarts.append(size)
                rstarts.append(at)
                lengths.append(len(decoded))
                refs.append(end)
                size += len(decoded)
        pos = end
    if pos < len(raw) or not chunks:
        chunks.append(raw[pos:])
        pstarts.append(size)
        rstarts.append(pos)
        lengths.append(len(raw) - pos)
        refs.append(-1)
    return PlainText("".join(chunks), tuple(pstarts), tuple(rstarts), tuple(lengths), tuple(refs))


def visible_text(raw: str) -> str:
    """Return ``plain_with_offsets(raw).text`` without computing the offsets (faster)."""
    if "<" not in raw and "&" not in raw:
        return raw
    parts: list[str] = []
    pos = 0
    for start, end, is_tag in _markup(raw):
        parts.append(raw[pos:start])
        if not is_tag:
            parts.append(plain_text(raw[start:end]))
        pos = end
    parts.append(raw[pos:])
    return "".join(parts)


def word_matches(plain: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, word)`` of the words of a visible text, as :func:`tokenize_plain`
    splits it (offsets into ``plain``); cheaper when only a few words are wanted as tokens."""
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(plain)]


def tokenize(raw: str) -> list[Token]:
    """Return the words of a cue payload (markup skipped) with offsets into the raw text."""
    return tokenize_plain(plain_with_offsets(raw))


def tokenize_plain(plain: PlainText) -> list[Token]:
    """Return the words of a cue already turned into :class:`PlainText`."""
    tokens = []
    for match in _TOKEN_RE.finditer(plain.text):
        word = match.group(0)
        pstart, pend = match.span()
        start, end = plain.raw_span(pstart, pend)
        tokens.append(Token(word, start, end, pstart, pend, not any(map(str.isalpha, word))))
    return tokens


def language_code(language: str | None) -> str:
    """Return the two-letter code for ``sv``, ``sv-SE``, ``sv_FI``, ``en-GB`` … (``sv`` if None)."""
    if not language:
        return "sv"
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] or "sv"


def supported_languages() -> list[str]:
    """Return the language codes with a known dictionary (whether installed or not)."""
    return sorted(_DICTIONARIES)


def _dictionary_files(code: str, dirs: Iterable[Path]) -> tuple[Path, Path]:
    if code not in _DICTIONARIES:
        known = ", ".join(supported_languages())
        raise SpellerUnavailable(
            _("No spelling dictionary is known for language '{code}' (known: {known}).").format(
                code=code, known=known
            )
        )
    name, package = _DICTIONARIES[code]
    searched = []
    for folder in dirs:
        aff, dic = folder / f"{name}.aff", folder / f"{name}.dic"
        searched.append(str(folder))
        if aff.is_file() and dic.is_file():
            return aff, dic
    raise SpellerUnavailable(
        _(
            "The {name} spelling dictionary was not found in {join}: "
            "install the Debian package {package} (apt-get install "
            "{package})."
        ).format(name=name, join=", ".join(searched), package=package)
    )


_CharPP = ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p))


def _library_candidates() -> Iterator[str]:
    """Yield the names to try for libhunspell: Debian's sonames, then what the system finds."""
    yield from ("libhunspell-1.7.so.0", "libhunspell.so")
    import ctypes.util

    for name in ("hunspell-1.7", "hunspell"):
        found = ctypes.util.find_library(name)
        if found:
            yield found


def _load_library() -> ctypes.CDLL:
    # The usual sonames first: find_library runs ldconfig in a subprocess (~5 ms a start-up).
    for candidate in _library_candidates():
        try:
            lib = ctypes.CDLL(candidate)
        except OSError:
            continue
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_destroy.restype = None
        lib.Hunspell_destroy.argtypes = [ctypes.c_void_p]
        lib.Hunspell_spell.restype = ctypes.c_int
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.Hunspell_suggest.restype = ctypes.c_int
        lib.Hunspell_suggest.argtypes = [ctypes.c_void_p, _CharPP, ctypes.c_char_p]
        lib.Hunspell_free_list.restype = None
        lib.Hunspell_free_list.argtypes = [ctypes.c_void_p, _CharPP, ctypes.c_int]
        lib.Hunspell_analyze.restype = ctypes.c_int
        lib.Hunspell_analyze.argtypes = [ctypes.c_void_p, _CharPP, ctypes.c_char_p]
        lib.Hunspell_get_dic_encoding.restype = ctypes.c_char_p
        lib.Hunspell_get_dic_encoding.argtypes = [ctypes.c_void_p]
        return lib
    raise SpellerUnavailable(
        _(
            "The Hunspell library (libhunspell-1.7.so.0) was not found: "
            "install the Debian package {LIBRARY_PACKAGE} (apt-get install "
            "{LIBRARY_PACKAGE})."
        ).format(LIBRARY_PACKAGE=LIBRARY_PACKAGE)
    )


class _Hunspell:
    """One loaded dictionary; Hunspell handles are not thread-safe, so calls hold a lock."""

    def __init__(self, lib: ctypes.CDLL, aff: Path, dic: Path) -> None:
        self._lib = lib
        self._lock = threading.Lock()
        handle = lib.Hunspell_create(bytes(aff), bytes(dic))
        if not handle:
            raise SpellerUnavailable(
                _("Hunspell could not load the dictionary {dic}.").format(dic=dic)
            )
        self._handle: int = handle
        encoding = lib.Hunspell_get_dic_encoding(handle)
        self.encoding = (encoding or b"UTF-8").decode("ascii", "replace")

    def _encode(self, word: str) -> bytes | None:
        try:
            return word.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return None

    def spell(self, word: str) -> bool:
        data = self._encode(word)
        if data is None:
            return False
        with self._lock:
            return bool(self._lib.Hunspell_spell(self._handle, data))

    def suggest(self, word: str) -> list[str]:
        return self._list(self._lib.Hunspell_suggest, word)

    def analyze(self, word: str) -> list[str]:
        return self._list(self._lib.Hunspell_analyze, word)

    def _list(self, function: Any, word: str) -> list[str]:
        data = self._encode(word)
        if data is None:
            return []
        result = ctypes.POINTER(ctypes.c_char_p)()
        with self._lock:
            count = function(self._handle, ctypes.byref(result), data)
            try:
                return [(result[i] or b"").decode(self.encoding, "replace") for i in range(count)]
            finally:
                self._lib.Hunspell_free_list(self._handle, ctypes.byref(result), count)


_handles: dict[tuple[Path, Path], _Hunspell] = {}
_handles_lock = threading.Lock()
# One lock per dictionary, held while it loads: a thread that needs sv_SE waits for its load,
# not for en_US's.
_loading: dict[tuple[Path, Path], threading.Lock] = {}
_library: ctypes.CDLL | None = None


def _shared_hunspell(aff: Path, dic: Path) -> _Hunspell:
    # Loading sv_SE takes ~0.1 s and ~40 MB: one handle per dictionary for the whole process.
    global _library
    key = (aff, dic)
    with _handles_lock:
        if _library is None:
            _library = _load_library()
        library = _library
        loading = _loading.setdefault(key, threading.Lock())
    with loading:
        handle = _handles.get(key)
        if handle is None:
            handle = _handles[key] = _Hunspell(library, aff, dic)
        return handle


def preload(
    languages: Iterable[str | None], dictionary_dirs: Iterable[Path] = DICTIONARY_DIRS
) -> threading.Thread:
    """Start loading the dictionaries of ``languages``, in that order, in a background thread.

    ctypes lets other threads run while Hunspell reads a dictionary (~0.1 s for sv_SE), so the
    load overlaps the caller's reading and checking; a :class:`Speller` created meanwhile
    waits only for its own dictionary. What cannot be loaded is left for the Speller to report.
    """
    codes = [language_code(language) for language in languages]
    dirs = tuple(dictionary_dirs)

    def load() -> None:
        for code in codes:
            try:
                _shared_hunspell(*_dictionary_files(code, dirs))
            except SpellerUnavailable:
                continue

    thread = threading.Thread(target=load, name="hunspell-preload", daemon=True)
    thread.start()
    _preloads.append(thread)
    return thread


_preloads: list[threading.Thread] = []


def join_preloads(timeout: float) -> None:
    """Wait up to ``timeout`` seconds in all for the preloads still running to end."""
    deadline = time.monotonic() + timeout
    while _preloads:
        _preloads.pop().join(max(0.0, deadline - time.monotonic()))


def default_personal_path(language: str) -> Path:
    """Return where the personal word list of a language is kept (platformdirs user data)."""
    return Path(user_data_dir("captionreview")) / f"personal-{language_code(language)}.txt"


def is_acronym(word: str) -> bool:
    """Return True for a short all-capital word such as ``VGR`` (not a spelling mistake)."""
    # Asked of every word before Hunspell is: most have a small letter, and end the count
    # there.
    letters = 0
    for ch in word:
        if ch.isalpha():
            if not ch.isupper():
                return False
            letters += 1
    return 2 <= letters <= MAX_ACRONYM_LENGTH


class Speller:
    """Spell checking for one language, with a personal word list and a session ignore list.

    Raises :class:`SpellerUnavailable` (naming the Debian package to install) when the Hunspell
    library or the language's dictionary is missing.
    """

    def __init__(
        self,
        language: str | None = "sv",
        *,
        personal_path: Path | None = None,
        dictionary_dirs: Iterable[Path] = DICTIONARY_DIRS,
    ) -> None:
        self.language = language_code(language)
        aff, dic = _dictionary_files(self.language, dictionary_dirs)
        self.dictionary = dic
        self._hunspell = _shared_hunspell(aff, dic)
        self.personal_path = personal_path or default_personal_path(self.language)
        self._personal: set[str] = set()
        self._ignored: set[str] = set()
        self._check_cache: dict[str, bool] = {}
        self._suggest_cache: dict[str, list[str]] = {}
        self._analyze_cache: dict[str, list[str]] = {}
        self._load_personal()

    def _load_personal(self) -> None:
        try:
            text = self.personal_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return
        except OSError:
            # An unreadable word list must not stop spell checking; it is rewritten on add.
            return
        for line in text.splitlines():
            word = line.strip()
            if word and not word.startswith("#"):
                self._personal.add(word)

    @property
    def personal_words(self) -> frozenset[str]:
        """Return the words of the personal list."""
        return frozenset(self._personal)

    def _accepted_by_user(self, word: str) -> bool:
        for known in (self._personal, self._ignored):
            # Asked again of every word found wrong, each time it is met: most lists are empty.
            if not known:
                continue
            if word in known or word.lower() in known:
                return True
            # "Grünewald" added; "GRÜNEWALD" and "grünewald" count too, as in Hunspell.
            if word.isupper() and any(w.upper() == word for w in known):
                return True
        return False

    def check(self, word: str) -> bool:
        """Return True when the word is spelled correctly (numbers and acronyms always are)."""
        word = word.strip()
        # The user's lists only ever add words, so a word once found right stays right: the
        # commonest answer, a cached "right", comes first.
        cached = self._check_cache.get(word)
        if cached:
            return True
        # The user's lists come before a cached "wrong": a background check may have cached
        # the word so just before it was added. (Only words with a letter are cached.)
        if cached is not None:
            return self._accepted_by_user(word)
        # Numbers, also with a unit or ordinal ending: "2024", "3D", "10x", "80s", "2:a".
        if not word or word[0].isdigit() or not any(ch.isalpha() for ch in word):
            return True
        if self._accepted_by_user(word):
            return True
        result = is_acronym(word) or self._hunspell.spell(word) or self._check_parts(word)
        self._check_cache[word] = result
        return result

    def _check_parts(self, word: str) -> bool:
        # "covid-19", "SVT:s", "hälso-": accept when every lettered part is correct.
        if "-" not in word and ":" not in word and "'" not in word and "’" not in word:
            return False  # one part, as most words are
        parts = [p for p in _PART_BREAK_RE.split(word) if p]
        if len(parts) < 2 and not word.endswith("-"):
            return False
        lettered = [p for p in parts if any(ch.isalpha() for ch in p)]
        if not lettered:
            return True
        return all(
            p == "s" or is_acronym(p) or self._accepted_by_user(p) or self._hunspell.spell(p)
            for p in lettered
        )

    def suggest(self, word: str) -> list[str]:
        """Return Hunspell's suggestions for a word, best first (cached; ~0.1 s when not)."""
        word = word.strip()
        if not word:
            return []
        cached = self._suggest_cache.get(word)
        if cached is None:
            cached = self._hunspell.suggest(word)
            self._suggest_cache[word] = cached
        return list(cached)

    def analyze(self, word: str) -> list[str]:
        """Return Hunspell's morphological readings of a word (`` st:pandemi fl:E``; cached)."""
        cached = self._analyze_cache.get(word)
        if cached is None:
            cached = self._analyze_cache[word] = self._hunspell.analyze(word)
        return cached

    def is_lexicalized(self, word: str) -> bool:
        """Return True when the dictionary lists the word itself, not only as a built compound."""
        return any("pa:" not in analysis for analysis in self.analyze(word))

    def add_personal(self, word: str) -> None:
        """Add a word to the personal list and save it; raises OSError when it cannot be saved."""
        word = word.strip()
        if not word or word in self._personal:
            return
        # A new set rather than add(): a background check may be iterating the old one.
        self._personal = self._personal | {word}
        self._forget(word)
        self.personal_path.parent.mkdir(parents=True, exist_ok=True)
        existing = ""
        if self.personal_path.exists():
            existing = self.personal_path.read_text(encoding="utf-8", errors="replace")
        prefix = "" if not existing or existing.endswith("\n") else "\n"
        with self.personal_path.open("a", encoding="utf-8") as handle:
            handle.write(f"{prefix}{word}\n")

    def ignore(self, word: str) -> None:
        """Accept a word for the rest of this session (not saved)."""
        word = word.strip()
        if word:
            self._ignored = self._ignored | {word}
            self._forget(word)

    def _forget(self, word: str) -> None:
        # list() copies atomically: a background check may be adding entries meanwhile.
        for key in [k for k in list(self._check_cache) if k.lower() == word.lower()]:
            self._check_cache.pop(key, None)

    def misspelled(self, raw: str) -> list[Token]:
        """Return the tokens of a cue payload that are not spelled correctly."""
        return [
            tok
            for tok in tokenize(raw)
            if len(tok.text) > 1 and not tok.is_number and not self.check(tok.text)
        ]
