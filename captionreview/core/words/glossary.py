"""A glossary of names and terms, and the near misses of its terms in caption text.

The file is plain UTF-8 text, one term per line::

    # People
    Grünewald
    Västra Götalandsregionen
    # Corrections accepted earlier (wrong => Right)
    till växt verket => Tillväxtverket

Speech recognition mishears names as ordinary words: by spelling ("Södergrén"), by sound
("grön vall" for "Grünewald") and split into several words ("till växt verket"). The matcher
compares windows of one to a few adjacent words with every term, both letter by letter and by a
Swedish-aware sound key, and never flags a term that is written correctly.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir

from captionreview.core.errors import CaptionReviewError
from captionreview.core.i18n import _
from captionreview.core.words.spelling import PlainText, Token, plain_with_offsets, tokenize

ARROW = "=>"
_CACHE_LIMIT = 200_000
VOWELS = frozenset("aeiouyåäö")
_FRONT = "eiyäö"
# Separators allowed between the words of a split form: spaces and hyphens, no punctuation.
_JOINABLE_GAP = re.compile(r"[\s\-‐]*")


GLOSSARY_NAME = "glossary.txt"


def personal_glossary_path() -> Path:
    """Return the personal glossary, used when no glossary.txt lies beside the captions."""
    return Path(user_data_dir("captionreview")) / GLOSSARY_NAME


def project_glossary_path(captions: Path | None) -> Path | None:
    """Return ``glossary.txt`` beside the caption file when it exists, else None."""
    if captions is None:
        return None
    candidate = captions.parent / GLOSSARY_NAME
    return candidate if candidate.is_file() else None


def default_glossary_path(captions: Path | None) -> Path | None:
    """Return the glossary used when none is chosen, in the window and in ``check`` alike:
    ``glossary.txt`` beside the captions, else the personal one, else None."""
    found = project_glossary_path(captions)
    if found is None and personal_glossary_path().is_file():
        found = personal_glossary_path()
    return found


class GlossaryError(CaptionReviewError):
    """The glossary file cannot be read or written; ``str()`` says which file and why."""


@dataclass(frozen=True, slots=True)
class GlossaryProblem:
    """A line of the glossary file that was skipped (``line`` is 1-based)."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class NearMiss:
    """Words in a cue that look like a glossary term spelled or heard wrong.

    ``span`` indexes the raw cue text; ``kind`` is ``"correction"`` (a known ``wrong => Right``
    line), ``"split"`` (the term written as several words), ``"spelling"``, ``"sound"`` or
    ``"case"`` (a term of several words in lower case: "region örebro län").
    """

    span: tuple[int, int]
    found: str
    term: str
    kind: str
    distance: float


def _fold(text: str) -> str:
    """Lower-case a word for comparison (accents kept: "Södergrén" is not "Södergren")."""
    return text.lower()


def _strip_accents(text: str) -> str:
    """Lower-case and drop accents, except on å, ä, ö and ü (sounds of their own)."""
    out = []
    for ch in text.lower():
        if ch in "åäöü":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(out)


def _lost_capital(written: str, found: str) -> bool:
    """Return True when ``found`` is ``written`` with a capital letter made small."""
    return any(w.isupper() and f.islower() for w, f in zip(written, found, strict=False))


def letters_only(text: str) -> str:
    """Return the folded letters of a text (spaces, hyphens and punctuation dropped)."""
    return "".join(ch for ch in _fold(text) if ch.isalpha())


# Ordered rewrite rules of the sound key. Word-initial rules model Swedish soft consonants
# ("kj", "tj", "k"/"g" before a front vowel); the rest merge spellings of one sound.
_INITIAL_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"^(?:skj|stj|sch|sj|sh|sk(?=[eiyäö]))", "#"),
        (r"^(?:tj|kj|ch|k(?=[eiyäö]))", "ç"),
        (r"^(?:gj|dj|hj|lj|g(?=[eiyäö]))", "j"),
        (r"^hv", "v"),
    )
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"ü", "y"),
        (r"sch|skj|stj|sj|sh", "#"),
        (r"chr", "kr"),
        (r"ch", "#"),
        (r"tj|kj", "ç"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"dt", "t"),
        (r"ck", "k"),
        (r"c(?=[eiyäö])", "s"),
        (r"c", "k"),
        (r"q", "k"),
        (r"x", "ks"),
        (r"z", "s"),
        (r"w", "v"),
        (r"gn$", "ngn"),
        (r"(?<=[ln])d$", ""),
        (r"e", "ä"),
        (r"å", "o"),
        (r"([^aeiouyåäö])h", r"\1"),
        (r"(.)\1+", r"\1"),
    )
)


_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _word_sound_key(word: str) -> str:
    word = "".join(ch for ch in _strip_accents(word) if ch.isalpha())
    for pattern, repl in _INITIAL_RULES:
        word = pattern.sub(repl, word, count=1)
    for pattern, repl in _RULES:
        word = pattern.sub(repl, word)
    return word


def sound_key(text: str) -> str:
    """Return a Swedish-aware sound key: "Grünewald" and "grön vall" get near-equal keys."""
    # Keyed word by word (cached: lectures repeat their words), so a split form gets the
    # key of the joined word; doubles across the join collapse as inside a word.
    return _DOUBLES.sub(r"\1", "".join(_word_sound_key(w) for w in re.split(r"[\s\-‐]+", text)))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Return the Damerau-Levenshtein distance of a and b, or ``limit + 1`` when above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


# Voiced/voiceless pairs and other consonants that ASR confuses cost half an edit.
_NEAR_CONSONANTS = frozenset(
    frozenset(pair) for pair in ("bp", "dt", "gk", "vf", "s#", "#ç", "çj", "mn", "ln", "rl")
)


def _sub_cost(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if x in VOWELS and y in VOWELS:
        return 0.5
    if frozenset((x, y)) in _NEAR_CONSONANTS:
        return 0.5
    return 1.0


def _indel_cost(x: str) -> float:
    # An unstressed vowel is easily lost or heard ("Grün-e-wald" / "grön vall").
    return 0.5 if x in VOWELS else 1.0


@lru_cache(maxsize=4096)
def _sub_row(x: str) -> dict[str, float]:
    """Return the substitution costs from sound ``x`` to every sound seen so far (cached)."""
    return {y: _sub_cost(x, y) for y in "abcdefghijklmnopqrstuvwxyzåäöç#"}


def sound_distance(a: str, b: str, limit: float) -> float:
    """Return a weighted edit distance of two sound keys (vowels count half), capped above limit."""
    if abs(len(a) - len(b)) * 0.5 > limit:
        return limit + 1
    # Every step off the diagonal costs at least ½, so cells further out cannot be in range.
    band = int(limit * 2) + 1
    big = limit + 1
    b_indel = [_indel_cost(ch) for ch in b]
    prev = [0.0]
    for cost in b_indel:
        prev.append(prev[-1] + cost)
    for i, x in enumerate(a, 1):
        del_cost = _indel_cost(x)
        row = _sub_row(x)
        low, high = max(1, i - band), min(len(b), i + band)
        cur = [big] * (len(b) + 1)
        cur[0] = prev[0] + del_cost if i <= band else big
        best = cur[0]
        for j in range(low, high + 1):
            y = b[j - 1]
            value = prev[j] + del_cost
            insert = cur[j - 1] + b_indel[j - 1]
            if insert < value:
                value = insert
            sub = prev[j - 1] + (0.0 if x == y else row.get(y, 1.0))
            if sub < value:
                value = sub
            cur[j] = value
            if value < best:
                best = value
        if best > limit:
            return big
        prev = cur
    return min(prev[-1], big)


def spelling_limit(length: int) -> int:
    """Return the edit distance allowed for a term of this many letters (≤ 2, less when short)."""
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    return 2


def sound_limit(length: int) -> float:
    """Return the sound distance allowed for a term of this many letters."""
    if length <= 3:
        return -1.0
    if length <= 5:
        return 0.5
    if length <= 8:
        return 1.0
    return 2.0


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    words: tuple[str, ...]
    letters: str
    key: str
    bag: frozenset[str]
    consonants: int


def _consonants(key: str) -> int:
    return sum(1 for ch in key if ch not in VOWELS)


def _bag_bound(a: frozenset[str], b: frozenset[str]) -> int:
    """Return a lower bound of the edit distance: one edit changes the set of letters by ≤ 2."""
    return (len(a ^ b) + 1) // 2


def _sound_bound(key_a: str, consonants_a: int, key_b: str, consonants_b: int) -> float:
    """Return a lower bound of :func:`sound_distance`: consonants cost 1, vowels ½ to add."""
    vowels_a, vowels_b = len(key_a) - consonants_a, len(key_b) - consonants_b
    return max(abs(consonants_a - consonants_b), 0.5 * abs(vowels_a - vowels_b))


def _first_class(key: str) -> str:
    """Return the bucket of a sound key: its first two sounds, any vowel counting as one.

    A misheard name keeps its onset ("grön vall"/"Grünewald" both start "gr"); comparing
    only within a bucket keeps a glossary of hundreds of terms fast. Vowels match each
    other because ASR often swaps them ("Ale"/"Äle").
    """
    return "".join("V" if ch in VOWELS else ch for ch in key[:2])


def _preference(match: tuple[float, int, int, int, str, str]) -> tuple[float, int, int, int]:
    # Closest first; at equal distance the longer term ("Anna Södergren" over "Södergren"),
    # then the shorter window, then text order.
    distance, n, i, _j, term, _kind = match
    return distance, -len(term), n, i


class Glossary:
    """Terms and ``wrong => Right`` corrections, loaded from and saved to a plain text file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.problems: list[GlossaryProblem] = []
        self._lines: list[str] = []
        self._terms: dict[str, _Term] = {}
        self._corrections: dict[tuple[str, ...], str] = {}
        self._by_class: dict[str, list[_Term]] = {}
        self._words: set[str] = set()
        # Lower-case form -> (the word as a term writes it, whether it is a term alone).
        self._names: dict[str, tuple[str, bool]] = {}
        self._max_words = 1
        self._by_first_word: dict[str, list[tuple[str, ...]]] = {}
        self._cache: dict[tuple[str | bool, ...], tuple[float, str, str] | None] = {}

    @classmethod
    def load(cls, path: Path | str) -> Glossary:
        """Read a glossary file; raises GlossaryError when it is missing or not UTF-8 text."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise GlossaryError(_("{path}: glossary file not found.").format(path=path)) from None
        except OSError as exc:
            raise GlossaryError(
                _("{path}: cannot read the glossary ({strerror}).").format(
                    path=path, strerror=exc.strerror
                )
            ) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise GlossaryError(
                _("{path}, line {line}: the glossary is not UTF-8 text; save it as UTF-8.").format(
                    path=path, line=line
                )
            ) from None
        return cls.from_lines(text.splitlines(), path=path)

    @classmethod
    def from_lines(cls, lines: Iterable[str], path: Path | None = None) -> Glossary:
        """Build a glossary from lines of the file format (bad lines go to ``problems``)."""
        glossary = cls(path)
        for number, line in enumerate(lines, 1):
            glossary._lines.append(line.rstrip("\r\n"))
            glossary._parse_line(line, number)
        return glossary

    def _parse_line(self, line: str, number: int) -> None:
        text = re.sub(r"\s+#.*$", "", line).strip()
        if not text or text.startswith("#"):
            return
        if ARROW in text:
            wrong, _arrow, right = (part.strip() for part in text.partition(ARROW))
            if not wrong or not right:
                self.problems.append(
                    GlossaryProblem(
                        number,
                        _("line {number}: write corrections as 'wrong => Right'").format(
                            number=number
                        ),
                    )
                )
                return
            self._add_correction(wrong, right)
            self._add_term(right)
            return
        self._add_term(text)

    def _add_term(self, text: str) -> None:
        words = tuple(w for w in re.split(r"\s+", text) if w)
        letters = letters_only(text)
        if not letters or letters in self._terms:
            return
        self._cache.clear()
        folded_words = tuple(_fold(w) for w in words)
        self._by_first_word.setdefault(folded_words[0], []).append(folded_words)
        key = sound_key(text)
        term = _Term(text, words, letters, key, frozenset(letters), _consonants(key))
        self._terms[letters] = term
        self._by_class.setdefault(_first_class(term.key), []).append(term)
        self._max_words = max(self._max_words, len(words))
        for word in words:
            for part in re.split(r"[-:]", word):
                if part:
                    self._words.add(_fold(part))
            self._words.add(_fold(word))
            if word[:1].isupper():
                self._names.setdefault(word.lower(), (word, len(words) == 1))

    def _add_correction(self, wrong: str, right: str) -> None:
        key = tuple(_fold(t.text) for t in tokenize(wrong))
        if key:
            self._corrections[key] = right

    @property
    def terms(self) -> list[str]:
        """Return the terms, in file order (correction targets included)."""
        return [t.text for t in self._terms.values()]

    @property
    def corrections(self) -> dict[str, str]:
        """Return the known corrections as ``{"wrong words": "Right"}``."""
        return {" ".join(k): v for k, v in self._corrections.items()}

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and letters_only(text) in self._terms

    def knows_word(self, word: str) -> bool:
        """Return True when a word is part of a term (so the spell check accepts it)."""
        return _fold(word) in self._words

    def capitalised(self, word: str) -> tuple[str, bool] | None:
        """Return a lower-case word as a term writes it ("örebro" → "Örebro"), also in the
        genitive ("tillväxtverkets" → "Tillväxtverkets"), and whether the term is that word
        alone (a name even where the lower-case word is a dictionary word); None if no term
        has it with a capital."""
        if not word.islower():
            return None
        found = self._names.get(word)
        if found is not None:
            return found
        if word.endswith("s") and not word.endswith("ss"):
            found = self._names.get(word[:-1])
            if found is not None and not found[0].endswith(("s", "x", "z")):
                return found[0] + "s", found[1]
        return None

    def add_term(self, term: str) -> bool:
        """Add a term (a new line in the file); return False when it was already there."""
        term = term.strip()
        if not term or term in self:
            return False
        self._lines.append(term)
        self._add_term(term)
        return True

    def add_correction(self, wrong: str, right: str) -> bool:
        """Add a ``wrong => Right`` line; return False when that correction was already known."""
        wrong, right = wrong.strip(), right.strip()
        key = tuple(_fold(t.text) for t in tokenize(wrong))
        if not key or not right or self._corrections.get(key) == right:
            return False
        self._lines.append(f"{wrong} {ARROW} {right}")
        self._corrections[key] = right
        self._add_term(right)
        return True

    def text(self) -> str:
        """Return the file contents (comments and order kept, new lines at the end)."""
        return "\n".join(self._lines) + ("\n" if self._lines else "")

    def save(self, path: Path | str | None = None) -> Path:
        """Write the glossary atomically; raises GlossaryError when it cannot be written."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise GlossaryError(_("The glossary has no file yet: choose where to save it."))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".glossary-", dir=target.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(self.text())
            os.replace(tmp, target)
        except OSError as exc:
            raise GlossaryError(
                _("{target}: cannot save the glossary ({strerror}).").format(
                    target=target, strerror=exc.strerror
                )
            ) from None
        self.path = target
        return target

    def near_misses(
        self, raw: str, *, is_word: Callable[[str], bool] | None = None
    ) -> list[NearMiss]:
        """Return the glossary near misses in a cue payload, spans into the raw text.

        ``is_word`` (a dictionary check) makes the matcher stricter for single ordinary words,
        which keeps false alarms down.
        """
        plain = plain_with_offsets(raw)
        return self.near_misses_in(plain, tokenize(raw), is_word=is_word)

    def near_misses_in(
        self,
        plain: PlainText,
        tokens: list[Token],
        *,
        is_word: Callable[[str], bool] | None = None,
    ) -> list[NearMiss]:
        """Like :meth:`near_misses` for a cue already split into plain text and tokens."""
        if not self._terms and not self._corrections:
            return []
        folded = [_fold(t.text) for t in tokens]
        protected, found = self._exact_terms(tokens, folded)
        found.extend(self._known_corrections(folded, protected))
        max_window = min(self._max_words + 2, 4)
        for i in range(len(tokens)):
            if i in protected or tokens[i].is_number:
                continue
            for n in range(1, max_window + 1):
                j = i + n
                if j > len(tokens) or any(k in protected for k in range(i, j)):
                    break
                if n > 1 and not self._joinable(plain, tokens, i, j):
                    break
                match = self._best_term(tokens, folded, i, j, is_word)
                if match is not None:
                    distance, term, kind = match
                    found.append((distance, n, i, j, term, kind))
        return self._resolve(found, tokens, plain)

    def _exact_terms(
        self, tokens: list[Token], folded: list[str]
    ) -> tuple[set[int], list[tuple[float, int, int, int, str, str]]]:
        """Return the token indices of terms written as the glossary writes them, but for
        case, and a "case" match for each term of several words with a capital lost."""
        protected: set[int] = set()
        lower_case: list[tuple[float, int, int, int, str, str]] = []
        for i, word in enumerate(folded):
            for words in self._by_first_word.get(word, ()):
                n = len(words)
                if tuple(folded[i : i + n]) != words:
                    continue
                protected.update(range(i, i + n))
                term = self._terms[letters_only(" ".join(words))]
                # A single word in lower case is the spell check's (SPELL-02, "örebro"); a
                # term of several words is offered whole, or only its name part would be.
                if n > 1 and any(
                    _lost_capital(written, token.text)
                    for written, token in zip(term.words, tokens[i : i + n], strict=True)
                ):
                    lower_case.append((0.0, n, i, i + n, term.text, "case"))
        return protected, lower_case

    def _known_corrections(
        self, folded: list[str], protected: set[int]
    ) -> list[tuple[float, int, int, int, str, str]]:
        hits = []
        for wrong, right in self._corrections.items():
            n = len(wrong)
            for i in range(len(folded) - n + 1):
                if tuple(folded[i : i + n]) == wrong and not protected & set(range(i, i + n)):
                    hits.append((-1.0, n, i, i + n, right, "correction"))
        return hits

    @staticmethod
    def _joinable(plain: PlainText, tokens: list[Token], i: int, j: int) -> bool:
        # Words of two letters or more ("söder gren"), or only single letters: an acronym
        # spelled out ("v g r" for VGR).
        short = [len(tokens[k].text) < 2 for k in range(i, j)]
        if any(short) and not all(short):
            return False
        for k in range(i + 1, j):
            gap = plain.text[tokens[k - 1].pend : tokens[k].pstart]
            if not _JOINABLE_GAP.fullmatch(gap) or tokens[k].is_number:
                return False
        return True

    def _best_term(
        self,
        tokens: list[Token],
        folded: list[str],
        i: int,
        j: int,
        is_word: Callable[[str], bool] | None,
    ) -> tuple[float, str, str] | None:
        n = j - i
        ordinary = n == 1 and is_word is not None and is_word(tokens[i].text)
        # Lectures repeat their words: the answer for a window is cached per glossary.
        cache_key: tuple[str | bool, ...] = (*folded[i:j], ordinary)
        if cache_key in self._cache:
            return self._cache[cache_key]
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        best = self._closest_term(folded[i:j], ordinary)
        self._cache[cache_key] = best
        return best

    def _closest_term(self, window: list[str], ordinary: bool) -> tuple[float, str, str] | None:
        n = len(window)
        letters = "".join(letters_only(f) for f in window)
        exact = self._terms.get(letters)
        if exact is not None and len(exact.words) != n:
            return 0.0, exact.text, "split"
        if len(letters) < 4:
            return None
        key = sound_key(" ".join(window))
        bag = frozenset(letters)
        consonants = _consonants(key)
        best: tuple[float, str, str] | None = None
        for term in self._by_class.get(_first_class(key), ()):
            if len(term.words) == n and letters == term.letters:
                continue
            size = len(term.letters)
            if abs(len(letters) - size) > 3:
                continue
            candidate: tuple[float, str, str] | None = None
            if letters == term.letters:
                candidate = (0.0, term.text, "split")
            else:
                spell_max = spelling_limit(size)
                sound_max = sound_limit(size)
                if ordinary:
                    # A real word close to a term is usually just that word ("malm"/"Malmö").
                    spell_max = 1 if size >= 8 else 0
                    sound_max = min(sound_max, 1.0 if size >= 8 else 0.0)
                # Cheap lower bounds first: most pairs are far apart.
                if _bag_bound(bag, term.bag) <= spell_max:
                    d_spell = edit_distance(letters, term.letters, spell_max)
                    if d_spell <= spell_max:
                        candidate = (float(d_spell), term.text, "spelling")
                if (
                    candidate is None
                    and sound_max >= 0
                    and _sound_bound(key, consonants, term.key, term.consonants) <= sound_max
                ):
                    d_sound = sound_distance(key, term.key, sound_max)
                    if d_sound <= sound_max:
                        candidate = (d_sound, term.text, "sound")
            if candidate is not None and (best is None or candidate[0] < best[0]):
                best = candidate
        return best

    @staticmethod
    def _resolve(
        found: list[tuple[float, int, int, int, str, str]],
        tokens: list[Token],
        plain: PlainText,
    ) -> list[NearMiss]:
        taken: set[int] = set()
        result = []
        for distance, _n, i, j, term, kind in sorted(found, key=_preference):
            if taken & set(range(i, j)):
                continue
            taken.update(range(i, j))
            start, end = tokens[i].start, tokens[j - 1].end
            text = plain.text[tokens[i].pstart : tokens[j - 1].pend]
            result.append(NearMiss((start, end), text, term, kind, max(distance, 0.0)))
        result.sort(key=lambda m: m.span)
        return result
