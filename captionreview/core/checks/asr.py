"""QUALITY_RULES.md §6, the artefacts of auto-captions that their form gives away:
ASR-01 rolling duplicated lines, ASR-02 bridge cues, ASR-03 karaoke tags, ASR-05
whitespace-only lines, ASR-14 ASR sound tags and ASR-17 masked profanity.

ASR-04 (YouTube header and settings) and ASR-08 (no punctuation or capitals anywhere) are
file-wide and live in ``registry``. Word-level flags (names, compounds, homophones) are the
spelling module's (``captionreview.core.words.flags``).
"""

from __future__ import annotations

import re

from captionreview.core.checks.base import Scan
from captionreview.core.checks.text import ASR_SOUND_TAGS
from captionreview.core.checks.timing import BRIDGE_MAX_MS, is_bridge
from captionreview.core.i18n import _
from captionreview.core.model import Finding, Severity
from captionreview.core.vtt.cuetext import tag_spans

ERROR, WARN = Severity.ERROR, Severity.WARN

# A word timestamp, a <c> span without a class or with YouTube's colour class, or its end tag.
KARAOKE_TAG = re.compile(r"<\d[\d:.]*>|<c(?:\.color[0-9A-Fa-f]{6})?>|</c>")
_KARAOKE_OPEN = re.compile(r"<\d[\d:.]*>|<c(?:\.color[0-9A-Fa-f]{6})?>")
_ANY_C_OPEN = re.compile(r"<c(?:\.[^\s>]*)?(?:\s[^>]*)?>")
_ASR_TAG = re.compile(r"\[\s*([^\[\]]+?)\s*\]")
_BLANK_LINE = re.compile(r"^[ \t\xa0]*$", re.M)
_MASKED = re.compile(r"\[(?:\s|&nbsp;|\xa0)*_{2,}(?:\s|&nbsp;|\xa0)*\]")


def strip_karaoke(text: str) -> str:
    """Return ``text`` without word timestamps and YouTube ``<c>`` spans (other markup kept).

    A ``</c>`` is removed only when it closes a removed ``<c>``, so semantic class spans such
    as SVT's ``<c.ljud>`` survive.
    """
    if "<" not in text:
        return text
    result: list[str] = []
    stack: list[bool] = []
    pos = 0
    for start, end in tag_spans(text):
        tag = text[start:end]
        result.append(text[pos:start])
        pos = end
        if tag == "</c>":
            if stack.pop() if stack else False:
                continue
        elif _ANY_C_OPEN.fullmatch(tag):
            removable = KARAOKE_TAG.fullmatch(tag) is not None
            stack.append(removable)
            if removable:
                continue
        elif KARAOKE_TAG.fullmatch(tag):
            continue
        result.append(tag)
    result.append(text[pos:])
    return "".join(result)


def _nonblank(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def check_rolling(scan: Scan, i: int, out: list[Finding]) -> None:
    """ASR-01 (first line repeats the previous cue's last line) and ASR-02 (bridge cues)."""
    if i == 0:
        return
    if is_bridge(scan, i):
        scan.emit(
            out,
            "ASR-02",
            ERROR,
            i,
            _(
                "A {duration_ms} ms 'bridge' cue that repeats text already "
                "shown (auto-caption artefact, at most {BRIDGE_MAX_MS} ms); "
                "delete it."
            ).format(duration_ms=scan.cues[i].duration_ms, BRIDGE_MAX_MS=BRIDGE_MAX_MS),
        )
        return
    view = scan.view(i)
    previous = scan.view(i - 1).plain.rstrip()
    tail = previous[previous.rfind("\n") + 1 :].strip()
    if not tail or tail not in view.plain:
        return  # the common case: the previous cue's last line is not repeated at all
    mine = _nonblank(view.plain_lines)
    before = _nonblank(scan.view(i - 1).plain_lines)
    # A lone short line may repeat by design ('No.' / 'No.'); a rolled line comes with a new one.
    if mine and before and mine[0] == before[-1] and (len(mine) > 1 or mine[0].count(" ") >= 2):
        line = next(n for n, raw in enumerate(view.plain_lines) if raw.strip())
        start = view.line_start(line)
        end = start + len(view.raw_lines[line]) + (1 if line + 1 < len(view.raw_lines) else 0)
        scan.emit(
            out,
            "ASR-01",
            ERROR,
            i,
            _(
                "The first line repeats the last line of the previous cue (rolling "
                "auto-captions); remove the repeated line."
            ),
            span=(start, end),
            suggestion="",
        )


def check_karaoke(scan: Scan, i: int, out: list[Finding]) -> None:
    """ASR-03: karaoke word timestamps and ``<c>`` spans left in the text."""
    text = scan.cues[i].text
    if "<" not in text:
        return
    # strip_karaoke removes every timestamp and YouTube <c> opener (and only the </c> that
    # close those), so finding one of them is the same as the text changing.
    first = _KARAOKE_OPEN.search(text)
    if first is not None:
        scan.emit(
            out,
            "ASR-03",
            WARN,
            i,
            _(
                "Word timestamps and <c> spans from auto-captions are left in the text; "
                "strip them before publishing."
            ),
            span=first.span(),
            suggestion=None,
        )


def _may_have_blank_line(plain: str) -> bool:
    """Return False when no line of ``plain`` (of two or more lines) can be blank: an empty
    line shows as a line break at either end or two together, a line of blanks holds a tab or
    a no-break space or has a space next to a line break. Substring tests, cheaper than the
    pattern, which tries every place of the text."""
    return (
        "\n\n" in plain
        or plain[:1] == "\n"
        or plain[-1:] == "\n"
        or " \n" in plain
        or "\n " in plain
        or "\t" in plain
        or "\xa0" in plain
    )


def check_blank_lines(scan: Scan, i: int, out: list[Finding]) -> None:
    """ASR-05: lines that hold only spaces (YouTube writes ``" "`` lines)."""
    view = scan.view(i)
    if (
        len(view.raw_lines) < 2
        or not _may_have_blank_line(view.plain)
        or (_BLANK_LINE.search(view.plain) is None)
    ):
        return  # one line of spaces is an empty cue (VTT-TXT-03); most cues have no such line
    start = 0
    last = len(view.raw_lines) - 1
    for number, (raw, plain) in enumerate(zip(view.raw_lines, view.plain_lines, strict=False)):
        if raw and not plain.strip(" \t\xa0"):
            # Cover the line and one line break so that deleting the span removes the line.
            span = (start, start + len(raw) + 1) if number < last else (start - 1, start + len(raw))
            scan.emit(
                out,
                "ASR-05",
                WARN,
                i,
                _("A line holds only spaces: it shows as an empty line. Remove it."),
                span=span,
                suggestion="",
            )
        start += len(raw) + 1


def check_sound_tags(scan: Scan, i: int, out: list[Finding]) -> None:
    """ASR-14 ([Musik], [Music], [Applåder] from ASR) and ASR-17 (masked profanity ``[ __ ]``)."""
    text = scan.cues[i].text
    if "[" not in text:
        return
    for match in _MASKED.finditer(text):
        scan.emit(
            out,
            "ASR-17",
            WARN,
            i,
            _(
                "The auto-captions masked a word as '[ __ ]'; write the word or edit the "
                "sentence deliberately."
            ),
            span=(match.start(), match.end()),
        )
    view = scan.view(i)
    for match in _ASR_TAG.finditer(view.plain):
        inner = match.group(1).strip(" \xa0")
        house = ASR_SOUND_TAGS.get(inner.lower())
        if house is None:
            continue
        if scan.language != "sv":
            house = f"({inner[:1].upper()}{inner[1:].lower()})"
        if scan.profile.sound_tag_style == "brackets":
            house = f"[{house[1:-1]}]"
        scan.emit(
            out,
            "ASR-14",
            WARN,
            i,
            _(
                "'{group}' is an automatic sound tag: check that it is right, "
                "describe other important sounds, and use the house style."
            ).format(group=match.group(0)),
            span=view.raw_span(match.start(), match.end()),
            suggestion=house,
        )


RULES = (check_rolling, check_karaoke, check_blank_lines, check_sound_tags)
