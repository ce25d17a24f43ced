"""Cue text as edited: character references shown as the characters, offsets mapped back."""

from __future__ import annotations

from captionreview.core.vtt.editable import editable_offset, editable_text, payload_offset


def test_escaped_characters_are_edited_as_themselves() -> None:
    assert editable_text("Tom &amp; Jerry &lt;3") == "Tom & Jerry <3"
    assert editable_text("plain") == "plain"


def test_text_that_would_not_type_back_the_same_stays_as_written() -> None:
    # "&lt;i&gt;" shown as "<i>" would be typed back as a real tag: keep the references.
    assert editable_text("&lt;i&gt;x") == "&lt;i&gt;x"


def test_offsets_map_between_the_payload_and_the_edited_text() -> None:
    raw = "a &amp; b"
    assert editable_text(raw) == "a & b"
    assert editable_offset(raw, raw.index("b")) == 4
    assert payload_offset(raw, 4) == raw.index("b")
    assert payload_offset("plain", 3) == 3
