"""Cue text as a person edits it, and offsets between that form and the payload.

The file keeps ``&amp; &lt; &gt;``; the editor shows ``& < >`` where typing the shown text back
gives the same payload (the document escapes what is typed), so literal text that looks like
markup stays as written.
"""

from __future__ import annotations

from captionreview.core.vtt.writer import sanitize_cue_text

# The references the editor shows as their characters (and the document writes back).
_REFERENCES = ("&amp;", "&lt;", "&gt;")


def editable_text(raw: str) -> str:
    """Return cue text as the user edits it: ``&amp; &lt; &gt;`` shown as ``& < >``.

    Only when typing the result back gives the same payload (the document escapes what the
    user types), so literal text that looks like markup stays as it is written.
    """
    if "&" not in raw:
        return raw
    shown = raw.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return shown if sanitize_cue_text(shown) == raw else raw


def editable_offset(raw: str, position: int) -> int:
    """Map a character offset in the cue payload to the offset in ``editable_text(raw)``."""
    if editable_text(raw) == raw:
        return position
    shown = index = 0
    while index < position:
        index += _reference_length(raw, index)
        shown += 1
    return shown


def payload_offset(raw: str, position: int) -> int:
    """Map an offset in ``editable_text(raw)`` back to the offset in the cue payload."""
    if editable_text(raw) == raw:
        return position
    shown = index = 0
    while index < len(raw) and shown < position:
        index += _reference_length(raw, index)
        shown += 1
    return index


def _reference_length(raw: str, index: int) -> int:
    """How many payload characters make the one edited character at ``index``."""
    for reference in _REFERENCES:
        if raw.startswith(reference, index):
            return len(reference)
    return 1
