"""Cue text as a tree, parsed as the WebVTT spec's cue text parser (what browsers render).

Cue text is kept as source in :class:`~captionreview.core.model.Cue`; this module is the lazy
second step for the features that need structure: the caption overlay (italics, voices,
classes), karaoke word timings (:func:`word_timings`), and conformance tests against the
web-platform-tests cue-parsing cases.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from captionreview.core.timecode import parse_vtt_timestamp

_WS = "\t\n\f "
_WS_RUN_RE = re.compile(r"[\t\n\f\r ]+")
ELEMENTS = ("c", "i", "b", "u", "ruby", "rt", "v", "lang")


@dataclass(slots=True)
class Node:
    """One node of a cue text tree.

    ``kind`` is "root", "text", "timestamp" or an element name (c, i, b, u, ruby, rt, v,
    lang). Text nodes hold decoded ``text``; timestamps hold ``ms``; voice and lang elements
    hold their ``annotation`` (the speaker's name, the language tag).
    """

    kind: str
    text: str = ""
    ms: int = 0
    classes: tuple[str, ...] = ()
    annotation: str = ""
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class _Token:
    kind: str  # "string", "start", "end", "timestamp"
    value: str
    classes: tuple[str, ...] = ()
    annotation: str = ""


class _Tokenizer:
    """The spec's WebVTT cue text tokenizer (one token per call)."""

    def __init__(self, text: str) -> None:
        self.text = text.replace("\0", "\ufffd")
        self.pos = 0

    def next(self) -> _Token | None:
        text, pos = self.text, self.pos
        if pos >= len(text):
            return None
        if text[pos] != "<":
            end = text.find("<", pos)
            end = len(text) if end == -1 else end
            self.pos = end
            return _Token("string", html.unescape(text[pos:end]))
        return self.tag(pos + 1)

    def tag(self, pos: int) -> _Token:
        text = self.text
        if pos >= len(text) or text[pos] == ">":
            self.pos = pos + 1
            return _Token("start", "")
        ch = text[pos]
        if ch == "/":
            end = text.find(">", pos)
            self.pos = len(text) if end == -1 else end + 1
            return _Token("end", text[pos + 1 : len(text) if end == -1 else end])
        if ch.isascii() and ch.isdigit():
            end = text.find(">", pos)
            self.pos = len(text) if end == -1 else end + 1
            return _Token("timestamp", text[pos : len(text) if end == -1 else end])
        return self.start_tag(pos)

    def start_tag(self, pos: int) -> _Token:
        text = self.text
        name_end = pos
        while name_end < len(text) and text[name_end] not in _WS + ".>":
            name_end += 1
        name = text[pos:name_end]
        classes: list[str] = []
        pos = name_end
        if pos < len(text) and text[pos] == ".":
            end = pos + 1
            while end < len(text) and text[end] not in _WS + ">":
                end += 1
            classes = text[pos + 1 : end].split(".")
            pos = end
        annotation = ""
        if pos < len(text) and text[pos] in _WS:
            end = text.find(">", pos)
            end = len(text) if end == -1 else end
            annotation = _WS_RUN_RE.sub(" ", html.unescape(text[pos:end])).strip(_WS)
            pos = end
        self.pos = pos + 1 if pos < len(text) else pos
        return _Token("start", name, tuple(c for c in classes if c), annotation)


def parse_cue_text(text: str) -> Node:
    """Return the tree of a cue's text, built as the spec's cue text parsing rules say."""
    root = Node("root")
    current = root
    tokens = _Tokenizer(text)
    while (token := tokens.next()) is not None:
        if token.kind == "string":
            if token.value:
                current.children.append(Node("text", text=token.value, parent=current))
        elif token.kind == "timestamp":
            ms = parse_vtt_timestamp(token.value)
            if ms is not None:
                current.children.append(Node("timestamp", ms=ms, parent=current))
        elif token.kind == "start":
            if token.value not in ELEMENTS or (token.value == "rt" and current.kind != "ruby"):
                continue
            node = Node(token.value, classes=token.classes, parent=current)
            if token.value in ("v", "lang"):
                node.annotation = token.annotation
            current.children.append(node)
            current = node
        elif token.value == current.kind and current.parent is not None:
            current = current.parent
        elif token.value == "ruby" and current.kind == "rt":
            assert current.parent is not None and current.parent.parent is not None
            current = current.parent.parent
    return root


def word_timings(text: str, start_ms: int) -> list[tuple[int, str]]:
    """Return ``(ms, visible text)`` runs of a karaoke cue, split at its timestamp tags.

    The first run starts at ``start_ms``; runs without visible text are left out.
    """
    runs: list[tuple[int, list[str]]] = [(start_ms, [])]

    def walk(node: Node) -> None:
        for child in node.children:
            if child.kind == "timestamp":
                runs.append((child.ms, []))
            elif child.kind == "text":
                runs[-1][1].append(child.text)
            elif child.kind != "rt":
                walk(child)

    walk(parse_cue_text(text))
    return [(ms, "".join(parts)) for ms, parts in runs if "".join(parts).strip()]
