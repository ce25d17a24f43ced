"""What a viewer reads of a cue's text: tags stripped, character references decoded.

Counting follows QUALITY_RULES.md, "Counting conventions": tags (``<c>``, ``<i>``, ``<v …>``,
karaoke timestamps) are removed, ``&amp;`` counts as one character, spaces and punctuation
count, line breaks do not.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

_REF_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
# A tag with no '<' or line break inside. When every '<' of a text starts one of these (as in
# all well-formed markup), they are exactly the tags tag_spans() finds, and one pattern finds
# them in C. The scan from each '<' stops at the next '<', so the pattern is linear.
_SIMPLE_TAG = re.compile(r"<[^<>\n]*+>")
# Written to start with the literal '<' (not a repeated group), which the engine then looks
# for directly instead of trying the pattern at every character: splitting is a third faster.
_SIMPLE_RUN_SPLIT = re.compile(r"(<[^<>\n]*+>(?:<[^<>\n]*+>)*+)")


def _decode_ref(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


def tag_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every tag: a ``<`` up to the first ``>`` on its line.

    Linear in the text, unlike the pattern ``<[^>\\n]*>``, which scans to the end of the line
    from every ``<`` of a line without ``>`` (30 KB of ``<`` took half a minute). The next
    ``>`` and line break are found once and reused until the scan passes them.
    """
    gt = nl = -1
    pos = text.find("<")
    while pos >= 0:
        if gt < pos:
            gt = text.find(">", pos)
            if gt < 0:
                return
        if nl < pos:
            nl = text.find("\n", pos)
            if nl < 0:
                nl = len(text)
        if nl < gt:
            pos = text.find("<", nl)  # no '<' before that line break closes
            continue
        yield pos, gt + 1
        pos = text.find("<", gt + 1)


def markup_spans(text: str, references: re.Pattern[str]) -> Iterator[tuple[int, int, bool]]:
    """Yield ``(start, end, is_tag)`` of the tags and the ``references`` matches of ``text``,
    in order: the tags from :func:`tag_spans`, the references from the text between them
    (one pattern for both retried a tag from every '<' of a line without '>')."""
    pos = 0
    for start, end in tag_spans(text):
        for ref in references.finditer(text, pos, start):
            yield ref.start(), ref.end(), False
        yield start, end, True
        pos = end
    for ref in references.finditer(text, pos):
        yield ref.start(), ref.end(), False


def split_at_tags(text: str) -> list[str]:
    """Return ``text`` as ``[text, tags, text, …, text]``: the tags of :func:`tag_spans`, where
    several follow each other (``</c><00:00:01.000><c>``) often as one piece."""
    return split_between_tags(text)[0]


def split_between_tags(text: str) -> tuple[list[str], str]:
    """Return :func:`split_at_tags` of ``text`` and the text between its tags (the text with
    the tags stripped, character references left as they are)."""
    # Adjacent tags as one piece: auto-captions give half as many pieces to make.
    pieces = _SIMPLE_RUN_SPLIT.split(text)
    if len(pieces) == 1:
        return pieces, text
    # Every '<' starts one of the tags found when the text between them has none left (half
    # the cost of counting the '<' of the tags and of the text).
    between = "".join(pieces[0::2])
    if "<" not in between:
        return pieces, between
    pieces = []
    pos = 0
    for start, end in tag_spans(text):
        pieces += (text[pos:start], text[start:end])
        pos = end
    pieces.append(text[pos:])
    return pieces, "".join(pieces[0::2])


def strip_tags(text: str) -> str:
    """Return ``text`` without its tags (character references left as they are)."""
    stripped, found = _SIMPLE_TAG.subn("", text)
    if found == text.count("<"):
        return stripped
    parts: list[str] = []
    pos = 0
    for start, end in tag_spans(text):
        parts.append(text[pos:start])
        pos = end
    if not pos:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def plain_text(text: str) -> str:
    """Return the cue text without markup and with character references decoded."""
    if "<" in text:
        text = strip_tags(text)
    if "&" in text:
        text = _REF_RE.sub(_decode_ref, text)
    return text


def plain_lines(text: str) -> list[str]:
    """Return the visible lines of a cue (markup stripped)."""
    return plain_text(text).split("\n")


def char_count(text: str) -> int:
    """Return the number of characters a viewer reads (line breaks not counted)."""
    return sum(len(line) for line in plain_lines(text))
