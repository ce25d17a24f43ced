"""Which language a caption track is in: the ``Language:`` header, a ``NOTE Language:`` block,
a ``name.xx.vtt`` file name, or a guess from the text: Swedish or English from their commonest
short words, another language from its script or from the words common in it alone.

The spelling and text rules follow this language; without it an English file with no header
would be checked against the (Swedish) profile's language and every "the" would be flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

from captionreview.core.model import Cue
from captionreview.core.vtt.cuetext import plain_text

UNDETERMINED = "und"

# ISO 639 codes a caption file name may end in (``lecture.sv.vtt``, ``talk.en-GB.vtt``);
# a short list, so that ``notes.old.vtt`` or ``a.b.vtt`` is not taken for a language.
FILE_NAME_LANGUAGES = frozenset(
    [
        "sv",
        "en",
        "fi",
        "no",
        "nb",
        "nn",
        "da",
        "is",
        "de",
        "fr",
        "es",
        "it",
        "nl",
        "pl",
        "pt",
        "ru",
        "uk",
        "ar",
        "fa",
        "so",
        "ti",
        "tr",
        "zh",
        "ja",
        "ko",
        "et",
        "lv",
        "lt",
        "se",
        "sma",
        "smj",
        "yi",
        "rom",
        "ku",
        "bs",
        "hr",
        "sr",
        "el",
        "hu",
        "cs",
        "sk",
        "ro",
        "bg",
        "he",
        "hi",
        "ur",
        "am",
        "sw",
    ]
)
_FILE_NAME = re.compile(r"\.([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*\.(?:vtt|srt|sbv)$", re.I)

# Frequent function words that are not also frequent words of the other language ("i", "a",
# "de", "man" and "on" are left out: they are common in both).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "sv": frozenset(
        [
            "och",
            "att",
            "det",
            "som",
            "är",
            "på",
            "för",
            "med",
            "av",
            "den",
            "till",
            "inte",
            "har",
            "jag",
            "vi",
            "ett",
            "så",
            "men",
            "kan",
            "ska",
            "var",
            "från",
            "eller",
            "när",
            "också",
            "här",
            "nu",
            "om",
            "hur",
            "vad",
            "där",
            "sig",
            "mycket",
            "bara",
            "alla",
            "efter",
            "under",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "that",
            "it",
            "you",
            "we",
            "this",
            "for",
            "are",
            "be",
            "with",
            "not",
            "have",
            "was",
            "what",
            "there",
            "they",
            "can",
            "will",
            "would",
            "about",
            "which",
            "from",
            "but",
            "or",
            "when",
            "also",
            "here",
            "now",
            "how",
            "where",
            "very",
            "just",
            "all",
            "after",
        ]
    ),
}
_WORD = re.compile(r"[^\W\d_]+")
# A guess needs this many function words, and the winner this share of them.
MIN_EVIDENCE = 8
MIN_SHARE = 0.75
SAMPLE_WORDS = 5000
# A script decides when the sample has this many letters and this share of them are in it
# (a Chinese character holds a word or syllable: names and terms in Latin letters weigh more
# than their part of the text); Japanese when this share of its Chinese-script letters are kana.
MIN_SCRIPT_LETTERS = 20
MIN_SCRIPT_SHARE = 0.5
MIN_KANA_SHARE = 0.1
# Kana, Chinese characters and Hangul; no letter of them comes before this one.
_SCRIPTS = (r"[\u3040-\u30ff]", r"[\u3400-\u4dbf\u4e00-\u9fff]", r"[\uac00-\ud7a3\u1100-\u11ff]")
_FIRST_OF_SCRIPTS = "\u1100"


class _Document(Protocol):
    @property
    def cues(self) -> Sequence[Cue]:
        """The cues."""

    @property
    def metadata(self) -> dict[str, str]:
        """Header metadata plus a language from a NOTE block."""

    @property
    def header_metadata(self) -> dict[str, str]:
        """Only the header's metadata lines."""


def detect_language(
    doc_or_cues: _Document | Sequence[Cue],
    path: Path | None = None,
    metadata: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """Return ``(language, how)`` of a document or a list of cues; never raises.

    ``language`` is a lower-case primary subtag ("sv", "en") or ``"und"`` when unsure;
    ``how`` is "header", "note", "file name", "text" or "unknown". A document's own metadata
    and path are used unless ``metadata``/``path`` are given.
    """
    header: Mapping[str, str] = {}
    if isinstance(doc_or_cues, Sequence):
        cues: Sequence[Cue] = doc_or_cues
    else:
        cues = doc_or_cues.cues
        header = doc_or_cues.header_metadata
        if metadata is None:
            metadata = doc_or_cues.metadata
        if path is None:
            path = getattr(doc_or_cues, "path", None)
    named = _metadata_language(metadata or {})
    if named:
        given = isinstance(doc_or_cues, Sequence)
        how = "header" if given or _metadata_language(header) else "note"
        return named, how
    if path is not None:
        match = _FILE_NAME.search(Path(path).name)
        if match and match.group(1).lower() in FILE_NAME_LANGUAGES:
            return match.group(1).lower(), "file name"
    guess = guess_from_text(cues)
    return (guess, "text") if guess != UNDETERMINED else (UNDETERMINED, "unknown")


def language_or(found: tuple[str, str], fallback: str) -> str:
    """Return the detected language of ``found``, or ``fallback`` when it is undetermined."""
    return fallback if found[0] == UNDETERMINED else found[0]


def document_language(doc: _Document, fallback: str) -> str:
    """Return the language the rules and the spell check follow for ``doc``: the detected
    one (header, NOTE, file name, text), else ``fallback`` (the profile's language)."""
    return language_or(detect_language(doc), fallback)


def _metadata_language(metadata: Mapping[str, str]) -> str | None:
    for key, value in metadata.items():
        if key.strip().lower() == "language" and value.strip():
            return value.strip().replace("_", "-").split("-")[0].lower()
    return None


def guess_from_text(cues: Sequence[Cue]) -> str:
    """Return the language the text clearly is in, else "und": Swedish or English from their
    function words, unless the script (Chinese, Japanese, Korean) or the words common in
    another language alone say more clearly that it is that language (a Spanish or Finnish
    track with no header is not to be spell-checked as Swedish; Romanian "nu" is no Swedish
    "nu")."""
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    seen: list[str] = []
    for cue in cues:
        words = _WORD.findall(plain_text(cue.text).lower())
        seen += words
        for word in words:
            for language, listed in _FUNCTION_WORDS.items():
                if word in listed:
                    counts[language] += 1
        if len(seen) >= SAMPLE_WORDS:
            break
    found = _clear_winner(counts)
    known = sum(counts.values()) if found == UNDETERMINED else counts[found]
    other = _other_language(seen, known)
    return found if other == UNDETERMINED else other


def _clear_winner(counts: Mapping[str, int]) -> str:
    """Return the language with enough evidence and a clear share of ``counts``, else "und"."""
    total = sum(counts.values())
    if total < MIN_EVIDENCE:
        return UNDETERMINED
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= MIN_SHARE * total else UNDETERMINED


def _other_language(words: Sequence[str], swedish_or_english: int) -> str:
    """Return the language other than Swedish and English that ``words`` (lower case) are in,
    when their script says so, or the words common in that language alone say so clearly and
    outnumber the ``swedish_or_english`` function words found; else "und"."""
    letters = "".join(words)
    # max() first: most texts have no such letter, and the patterns take 4 ms to compile.
    if len(letters) >= MIN_SCRIPT_LETTERS and max(letters) >= _FIRST_OF_SCRIPTS:
        kana, han, hangul = (len(pattern.findall(letters)) for pattern in _script_patterns())
        if kana + han + hangul >= MIN_SCRIPT_SHARE * len(letters):
            # Japanese writes kana between its characters; Chinese none.
            if hangul > kana + han:
                return "ko"
            return "ja" if kana >= MIN_KANA_SHARE * (kana + han) else "zh"
    counts: Counter[str] = Counter()
    exclusive = _exclusive_words()
    for word in words:
        language = exclusive.get(word)
        if language is not None:
            counts[language] += 1
    found = _clear_winner(counts)
    return found if found == UNDETERMINED or counts[found] > swedish_or_english else UNDETERMINED


@cache
def _script_patterns() -> tuple[re.Pattern[str], ...]:
    """Return the patterns of kana, Chinese characters and Hangul, compiled when first asked."""
    return tuple(re.compile(pattern) for pattern in _SCRIPTS)


@cache
def _exclusive_words() -> dict[str, str]:
    """Return the language of each word common in one language only (none is in two lists)."""
    from captionreview.core.words.function_words import EXCLUSIVE_WORDS

    return {word: language for language, words in EXCLUSIVE_WORDS.items() for word in words}
