"""Which language a caption track is in: the ``Language:`` header, a ``NOTE Language:`` block,
a ``name.xx.vtt`` file name, or a guess from the commonest short words of the text.

The spelling and text rules follow this language; without it an English file with no header
would be checked against the (Swedish) profile's language and every "the" would be flagged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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
    """Return "sv" or "en" when the text's function words clearly say so, else "und"."""
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    seen = 0
    for cue in cues:
        for word in _WORD.findall(plain_text(cue.text).lower()):
            seen += 1
            for language, words in _FUNCTION_WORDS.items():
                if word in words:
                    counts[language] += 1
        if seen >= SAMPLE_WORDS:
            break
    total = sum(counts.values())
    if total < MIN_EVIDENCE:
        return UNDETERMINED
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= MIN_SHARE * total else UNDETERMINED
