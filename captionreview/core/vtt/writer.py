"""Lossless WebVTT writing: untouched blocks verbatim, new and edited cues in canonical form.

Canonical form (ARCHITECTURE.md decision 3): ``HH:MM:SS.mmm`` timestamps, one space around
``-->``, settings after one space, the document's own line ending, and cue text that is always
valid WebVTT: ``&``, ``<`` and ``>`` are escaped unless they are part of valid cue markup
(a known tag, a timestamp tag or a character reference), and nothing in the text can end the
cue early (no empty line, no ``-->``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.entities import html5

from captionreview.core.model import Cue
from captionreview.core.timecode import format_vtt_timestamp
from captionreview.core.vtt.reader import LayoutItem

_EOL_RE = re.compile(r"\r\n|\r|\n")
_TAG_NAMES = "c|i|b|u|ruby|rt|v|lang"
_VALID_TAG = (
    rf"</(?:{_TAG_NAMES})>"
    rf"|<(?:{_TAG_NAMES})(?:\.[^\s.<>&]+)*(?:[ \t\f][^<>\n]*)?>"
    r"|<(?:[0-9]+:)?[0-9]{2}:[0-9]{2}\.[0-9]{3}>"
)
_VALID_REF = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
_TOKEN_RE = re.compile(rf"({_VALID_TAG})|({_VALID_REF})|([&<>])")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _escape_token(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return m.group(1)
    ref = m.group(2)
    if ref is not None:
        if ref[1] == "#" or ref[1:] in html5:
            return ref
        return "&amp;" + ref[1:]
    return _ESCAPES[m.group(3)]


def sanitize_cue_text(text: str) -> str:
    """Return ``text`` as valid cue payload: stray ``& < >`` escaped, valid markup kept.

    Line endings become ``\\n``; empty lines (which would end the cue) are dropped; NUL
    becomes U+FFFD. The function is idempotent: valid payload comes back unchanged.
    """
    if "\r" in text:
        text = _EOL_RE.sub("\n", text)
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    if "\n\n" in text or text.startswith("\n") or text.endswith("\n"):
        text = "\n".join(line for line in text.split("\n") if line)
    if "&" in text or "<" in text or ">" in text:
        text = _TOKEN_RE.sub(_escape_token, text)
    if "-->" in text:
        text = text.replace("-->", "--&gt;")
    return text


def _one_line(value: str) -> str:
    """Keep identifiers and settings on their line and free of the timing arrow."""
    return _EOL_RE.sub(" ", value).replace("-->", "- ->")


def timing_line(cue: Cue) -> str:
    """Return the canonical timing line of a cue (without line ending)."""
    line = f"{format_vtt_timestamp(cue.start_ms)} --> {format_vtt_timestamp(cue.end_ms)}"
    settings = _one_line(cue.settings).strip()
    return f"{line} {settings}" if settings else line


def cue_block(cue: Cue, eol: str = "\n") -> str:
    """Return a cue's block in canonical form, each line ended with ``eol``."""
    lines = []
    if cue.identifier:
        lines.append(_one_line(cue.identifier))
    lines.append(timing_line(cue))
    text = sanitize_cue_text(cue.text)
    if text:
        lines.extend(text.split("\n"))
    return eol.join(lines) + eol


def rewrite_cue_text(source: str, text: str) -> str:
    """Return ``source`` with only its cue text replaced (id and timing lines kept as read).

    This keeps a text edit's diff to the changed lines: a short ``00:01.000`` timestamp or
    unusual spacing on the timing line stays as it was.
    """
    lines = _EOL_RE.split(source)
    endings = _EOL_RE.findall(source)
    timing = next(i for i, line in enumerate(lines) if "-->" in line)
    before = "".join(line + end for line, end in zip(lines[:timing], endings, strict=False))
    # The block's last line ending stays the one it had: in a file with mixed line endings a
    # CR put where an LF was would join the blank line after the block into one CRLF, and
    # the next cue would become part of this one.
    last_eol = endings[-1] if source.endswith(("\n", "\r")) else ""
    body = sanitize_cue_text(text)
    if not body:
        return before + lines[timing] + last_eol
    eol = endings[timing] if len(endings) > timing else (endings[0] if endings else "\n")
    return before + lines[timing] + eol + eol.join(body.split("\n")) + last_eol


def _starts_with_timing(chunk: str) -> bool:
    arrow = chunk.find("-->")
    if arrow == -1:
        return False
    line_end = _EOL_RE.search(chunk)
    return line_end is None or arrow < line_end.start()


def serialize(bom: bool, eol: str, layout: Sequence[LayoutItem], cues: Sequence[Cue]) -> str:
    """Return the file text: raw blocks and untouched cues verbatim, the rest canonical.

    Raises ValueError when the layout has not exactly one slot per cue (a bug, not bad input).
    """
    parts: list[str] = ["\ufeff"] if bom else []
    k = 0
    prev_chunk = ""
    prev_sep = ""
    prev_fresh = False
    # Whether the text so far ends with CR: an LF written right after it would make the two
    # one CRLF line break, losing a line break (a blank line between blocks) in files with
    # mixed line endings. The reader never leaves such a seam, so only edits can make one.
    after_cr = False

    def put(piece: str) -> None:
        nonlocal after_cr
        if piece:
            if after_cr and piece[0] == "\n":
                parts.append("\r")
            parts.append(piece)
            after_cr = piece[-1] == "\r"

    last = len(layout) - 1
    for index, (block, sep) in enumerate(layout):
        if block is None:
            if k >= len(cues):
                raise ValueError("the layout has more cue slots than there are cues")
            cue = cues[k]
            k += 1
            fresh = cue.source is None
            chunk = cue_block(cue, eol) if fresh else cue.source or ""
        else:
            fresh = False
            chunk = block.text
        if index:
            # Untouched neighbours keep their exact spacing. Two blocks may touch without a
            # blank line only where the reader found them so: the second starts with a
            # timing line and neither was edited. Anywhere else the blank line is put back.
            ended = prev_chunk.endswith(("\n", "\r"))
            if not ended:
                put(eol)
            if not prev_sep and not (
                ended and not fresh and not prev_fresh and _starts_with_timing(chunk)
            ):
                put(eol)
        if sep is None:
            sep = eol if index != last else ""
        put(chunk)
        put(sep)
        prev_chunk, prev_sep, prev_fresh = chunk, sep, fresh
    if k != len(cues):
        raise ValueError("the layout has fewer cue slots than there are cues")
    return "".join(parts)
