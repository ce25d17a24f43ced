"""What a viewer reads of a cue's text: tags stripped, character references decoded.

Counting follows QUALITY_RULES.md, "Counting conventions": tags (``<c>``, ``<i>``, ``<v …>``,
karaoke timestamps) are removed, ``&amp;`` counts as one character, spaces and punctuation
count, line breaks do not.
"""

from __future__ import annotations

import html
import re

TAG_RE = re.compile(r"<[^>\n]*>")
_REF_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def _decode_ref(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


def plain_text(text: str) -> str:
    """Return the cue text without markup and with character references decoded."""
    if "<" in text:
        text = TAG_RE.sub("", text)
    if "&" in text:
        text = _REF_RE.sub(_decode_ref, text)
    return text


def plain_lines(text: str) -> list[str]:
    """Return the visible lines of a cue (markup stripped)."""
    return plain_text(text).split("\n")


def char_count(text: str) -> int:
    """Return the number of characters a viewer reads (line breaks not counted)."""
    return sum(len(line) for line in plain_lines(text))
