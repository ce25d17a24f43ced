"""QUALITY_RULES.md §5: sentence case, continuation and dialogue dashes, sound tags,
abbreviations, units, symbols, numbers, quotation marks and whitespace.

The Swedish conventions (TXT-06 to TXT-09, TXT-13) apply when the text is Swedish (the file's
``Language:`` header, else the profile's language). Spans point into ``Cue.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from captionreview.core.checks.base import (
    DASHES,
    SENTENCE_END,
    CueView,
    Say,
    Scan,
    by_visible_text,
)
from captionreview.core.checks.layout import is_dialogue
from captionreview.core.i18n import _, current_language
from captionreview.core.model import Finding, Severity
from captionreview.core.words.numbers import SMALL_NUMBER_WORDS_SV

WARN, INFO = Severity.WARN, Severity.INFO

# TXT-06: abbreviations VGR and Sveriges Kommunikatörer ask to write in full.
ABBREVIATIONS_SV: dict[str, str] = {
    "ca": "cirka",
    "c:a": "cirka",
    "bl.a.": "bland annat",
    "bl a": "bland annat",
    "inkl.": "inklusive",
    "t.ex.": "till exempel",
    "t ex": "till exempel",
    "m.m.": "med mera",
    "mm.": "med mera",
    "osv.": "och så vidare",
    "o.s.v.": "och så vidare",
    "dvs.": "det vill säga",
    "d.v.s.": "det vill säga",
    "p.g.a.": "på grund av",
    "pga.": "på grund av",
    "pga": "på grund av",
    "s.k.": "så kallad",
    "etc.": "etcetera",
    "fr.o.m.": "från och med",
    "t.o.m.": "till och med",
    "m.fl.": "med flera",
    "resp.": "respektive",
    "enl.": "enligt",
    "kl.": "klockan",
    "ev.": "eventuellt",
    "obs!": "observera",
}


def _abbreviation_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One alternation grouped by first letter (lower and capital): several times faster than
    a flat case-insensitive alternation, which the engine retries at every position."""
    variants = {w for a in words for w in (a, a[:1].upper() + a[1:])}
    groups: dict[str, list[str]] = {}
    for word in variants:
        groups.setdefault(word[0], []).append(word[1:])
    alternatives = "|".join(
        re.escape(first)
        + "(?:"
        + "|".join(re.escape(r) for r in sorted(rests, key=len, reverse=True))
        + ")"
        for first, rests in sorted(groups.items())
    )
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)")


_ABBR_RE = _abbreviation_pattern(ABBREVIATIONS_SV)
# A cheap screen before the pattern: the first word of each abbreviation as split() gives it
# once brackets, quotes and most punctuation around it are stripped.
_SCREEN_PUNCTUATION = '()[]”"“„«»,;?–—'
# The screen cuts words at these marks (no abbreviation contains one) in one pass: every
# token that stripping them off a word's ends would give is among the pieces.
_SCREEN_MARKS = re.compile(f"[{re.escape(_SCREEN_PUNCTUATION)}]")
_ABBR_TOKENS = frozenset(
    abbreviation.split()[0] + tail
    for abbreviation in ABBREVIATIONS_SV
    for tail in ("", ":", "!", ".")
)
_MID_END = re.compile(r"[.?!]\s")
_LOWER_AFTER_END = re.compile(r"(?<![.?!…])([.?!])\s+([^\W\d_])")
_ELLIPSIS_END = re.compile(r"(\.\.\.|…)\s*$")
_ELLIPSIS_START = re.compile(r"^\s*(\.\.\.|…)")
_BRACKET_TAG = re.compile(r"\[([^\[\]]+)\]")
_PAREN_LINE = re.compile(r"^\s*\(([^()]+)\)\s*$")
_THOUSANDS_EN = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])")
_DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.(?:\d|\d{3,})(?![\d.])")
_UNGROUPED = re.compile(r"(?<![\d.,])\d{5,}(?![\d.,])")
_SMALL_NUMBER = re.compile(r"(?<![\d.,:/–-])\b(?:[2-9]|1[0-2])\b(?![\d.,:/%–-]|\s?(?:%|procent))")
_DIGIT = re.compile(r"\d")
_PERCENT = re.compile(r"\s?%")
_CURRENCY = re.compile(r"(?<=\d)\s?([€$£])|([€$£])\s?(\d+(?:[ ,.]\d+)*)")
_CURRENCY_WORDS = {"€": "euro", "$": "dollar", "£": "pund"}
_HOURS = re.compile(r"(?<=\d)\s?h\b")
# The number rules in one pass; the first alternative that matches at a place wins. Every
# alternative starts at a digit or right after one (hours), which the leading lookahead says
# once, so the engine skips the other places without trying five alternatives at each.
_NUMBERS = re.compile(
    r"(?=\d|(?<=\d)[\sh])(?:"
    + "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("thousands", _THOUSANDS_EN),
            ("decimal", _DECIMAL_POINT),
            ("ungrouped", _UNGROUPED),
            ("small", _SMALL_NUMBER),
            ("hours", _HOURS),
        )
    )
    + ")"
)
_QUOTES = re.compile(r"[\"“„«»]")
# Two blanks in a row, or a blank at the start or end of a line (the common case: none).
_SPACING_TROUBLE = re.compile(r"[ \t\xa0]{2}|\xa0|^[ \t]|[ \t]$", re.M)
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \xa0]{2,}(?=\S)")
# ASR-14 and ASR-17 report these bracket tags; TXT-05 does not report them a second time.
ASR_SOUND_TAGS: dict[str, str] = {
    "music": "(Musik)",
    "musik": "(Musik)",
    "applause": "(Applåder)",
    "applåder": "(Applåder)",
    "laughter": "(Skratt)",
    "skratt": "(Skratt)",
    "musik spelas": "(Musik)",
    "music playing": "(Musik)",
    "applåd": "(Applåder)",
    "laughs": "(Skratt)",
}


def check_sentences(scan: Scan, i: int, out: list[Finding]) -> None:
    """TXT-01: sentences start with a capital; sentence ends within three cues."""
    view = scan.view(i)
    plain = view.plain
    first = view.first_letter
    if first and first.group(0).islower() and _previous_ended(scan, i):
        start = first.start()
        if not plain[:start].strip(" \t\n-–—"):
            _lower_sentence_start(scan, out, i, view, start)
    # Substring tests screen out the common cue (no mark at all) before the pattern runs.
    marked = "." in plain or "?" in plain or "!" in plain
    for match in _LOWER_AFTER_END.finditer(plain) if marked and _MID_END.search(plain) else ():
        if _is_abbreviation_before(plain, match.start(1)):
            continue
        _lower_sentence_start(scan, out, i, view, match.start(2))
    if (
        i >= 2
        and _no_sentence_end(view)
        and _no_sentence_end(scan.view(i - 1))
        and _no_sentence_end(scan.view(i - 2))
    ):
        scan.emit(
            out,
            "TXT-01",
            WARN,
            i,
            _(
                "No sentence has ended for three cues in a row: add the missing full "
                "stops, question marks and capitals."
            ),
        )


def _lower_sentence_start(scan: Scan, out: list[Finding], i: int, view: CueView, pos: int) -> None:
    """Emit TXT-01 for the lower-case letter at ``pos`` of the plain text."""
    scan.emit(
        out,
        "TXT-01",
        WARN,
        i,
        _("A new sentence starts with a lower-case letter."),
        span=view.raw_span(pos, pos + 1),
        suggestion=view.plain[pos].upper(),
    )


def _previous_ended(scan: Scan, i: int) -> bool:
    if i == 0:
        return True
    prev = scan.view(i - 1).plain.rstrip()
    return not prev or (prev[-1] in SENTENCE_END and not prev.endswith(("...", "…")))


def _no_sentence_end(view: CueView) -> bool:
    # Asked of each cue three times (as itself and as one of the two before the next ones).
    if view.no_sentence_end is None:
        plain = view.plain
        # Four substring tests, not a pattern: a character class with "…" in it is searched
        # for a character at a time (1.1 us against 0.1 for a cue's text).
        view.no_sentence_end = view.first_letter is not None and not (
            "." in plain or "?" in plain or "!" in plain or "…" in plain
        )
    return view.no_sentence_end


def _is_abbreviation_before(plain: str, dot: int) -> bool:
    start = dot
    while start > 0 and not plain[start - 1].isspace():
        start -= 1
    token = plain[start : dot + 1].lower()
    # An initial ("A. Berg") is not a sentence end either.
    return token in ABBREVIATIONS_SV or (len(token) == 2 and token[0].isalpha())


def check_continuation(scan: Scan, i: int, out: list[Finding]) -> None:
    """TXT-02: a sentence running into the next cue is marked with a dash on both sides."""
    dash = scan.profile.continuation_dash
    if not dash or i + 1 >= len(scan.cues):
        return
    view, nxt = scan.view(i), scan.view(i + 1)
    text, following = view.plain.rstrip(), nxt.plain.lstrip()
    if not text or not following:
        return
    # The pattern is tried from every place of the text: ask it only of a text that ends so.
    ellipsis = _ELLIPSIS_END.search(text) if text.endswith(("...", "…")) else None
    if ellipsis and (following[:1].islower() or _ELLIPSIS_START.match(following)):
        scan.emit(
            out,
            "TXT-02",
            WARN,
            i,
            _(
                "Use a continuation dash ({dash}) rather than an ellipsis when "
                "the sentence goes on in the next cue."
            ).format(dash=dash),
            span=view.raw_span(ellipsis.start(1), ellipsis.end(1)),
            suggestion=dash,
        )
        return
    ends_dash = text[-1] in DASHES and not text[-2:-1].isspace()
    starts_dash = following[0] in DASHES and following[1:2].islower()
    if ends_dash and not starts_dash and not is_dialogue(nxt.plain_lines):
        scan.emit(
            out,
            "TXT-02",
            WARN,
            i,
            _(
                "The cue ends with a continuation dash but the next one does "
                "not start with one; start it with '{dash}'."
            ).format(dash=dash),
        )
    elif starts_dash and not ends_dash:
        scan.emit(
            out,
            "TXT-02",
            WARN,
            i,
            _("The next cue starts with a continuation dash; end this one with '{dash}'.").format(
                dash=dash
            ),
            span=(len(view.cue.text.rstrip()), len(view.cue.text.rstrip())),
            suggestion=dash,
        )
    elif (text[-1].isalnum() or text[-1] == ",") and following[0].islower():
        end = len(view.cue.text.rstrip())
        scan.emit(
            out,
            "TXT-02",
            WARN,
            i,
            _runs_on(dash, current_language()),
            span=(end, end),
            suggestion=dash,
        )


# Said of most cues of raw auto-captions: formatted once per dash and language.
@lru_cache(maxsize=64)
def _runs_on(dash: str, language: str) -> str:
    return _(
        "The sentence goes on in the next cue; mark it with '{dash}' "
        "here and at the start of the next cue."
    ).format(dash=dash)


@by_visible_text
def check_dialogue(scan: Scan, view: CueView, say: Say) -> None:
    """TXT-03: dialogue lines each start with the profile's dash."""
    lines = view.plain_lines
    if not is_dialogue(lines):
        return
    first = lines[0].lstrip()
    if first[:1] not in DASHES:
        say(
            "TXT-03",
            WARN,
            _(
                "Only some lines of this dialogue start with a dash; "
                "give every speaker's line a dash."
            ),
            span=(0, 0),
            suggestion=scan.profile.dialogue_dash or None,
        )
    wanted = scan.profile.dialogue_dash
    if not wanted:
        return
    offset = 0
    for line in lines:
        body = line.lstrip()
        pos = offset + len(line) - len(body)
        if body[:1] in DASHES and body[0] != wanted:
            say(
                "TXT-03",
                WARN,
                _("Dialogue dash '{body}' differs from the house style '{wanted}'.").format(
                    body=body[0], wanted=wanted
                ),
                span=(pos, pos + 1),
                suggestion=wanted,
            )
        offset += len(line) + 1


@by_visible_text
def check_sound_tags(scan: Scan, view: CueView, say: Say) -> None:
    """TXT-05: sound descriptions in the house style (parentheses or brackets)."""
    plain = view.plain
    style = scan.profile.sound_tag_style
    if style == "parentheses" and "[" in plain:
        for match in _BRACKET_TAG.finditer(plain):
            inner = match.group(1).strip(" \xa0")
            if inner.lower() in ASR_SOUND_TAGS or inner.strip("_ \xa0") == "":
                continue
            say(
                "TXT-05",
                WARN,
                _("Sound descriptions are written in parentheses, e.g. (Bil startar)."),
                span=(match.start(), match.end()),
                suggestion=f"({inner[:1].upper()}{inner[1:].lower()})",
            )
    elif style == "brackets" and "(" in plain:
        offset = 0
        for line in view.plain_lines:
            paren = _PAREN_LINE.match(line)
            if paren:
                say(
                    "TXT-05",
                    WARN,
                    _("Sound descriptions are written in brackets, e.g. [Door slams]."),
                    span=(offset + paren.start(1) - 1, offset + paren.end(1) + 1),
                    suggestion=f"[{paren.group(1)}]",
                )
            offset += len(line) + 1


@by_visible_text
def check_swedish(scan: Scan, view: CueView, say: Say) -> None:
    """TXT-06 abbreviations, TXT-07 units, TXT-08 symbols, TXT-09 numbers, TXT-13 quotes."""
    if scan.language != "sv":
        return
    plain = view.plain
    has_digit = _DIGIT.search(plain) is not None
    tokens = _SCREEN_MARKS.sub(" ", plain.lower()).split()
    for match in _ABBR_RE.finditer(plain) if not _ABBR_TOKENS.isdisjoint(tokens) else ():
        word = match.group(0)
        full = ABBREVIATIONS_SV[word.lower()]
        if word[:1].isupper():
            full = full[:1].upper() + full[1:]
        say(
            "TXT-06",
            WARN,
            _("Write '{full}' instead of the abbreviation '{word}'.").format(full=full, word=word),
            span=(match.start(), match.end()),
            suggestion=full,
        )
    if "%" in plain:
        for match in _PERCENT.finditer(plain):
            say(
                "TXT-08",
                WARN,
                _("Write 'procent' instead of '%'."),
                span=(match.start(), match.end()),
                suggestion=" procent",
            )
    for match in (
        _CURRENCY.finditer(plain) if ("€" in plain or "$" in plain or "£" in plain) else ()
    ):
        symbol = match.group(1) or match.group(2)
        word = _CURRENCY_WORDS[symbol]
        say(
            "TXT-08",
            WARN,
            _("Write the currency as a word ('{word}'), not '{symbol}'.").format(
                word=word, symbol=symbol
            ),
            span=(match.start(), match.end()),
            suggestion=f" {word}" if match.group(1) else f"{match.group(3)} {word}",
        )
    if has_digit:
        _check_numbers(view.plain, say)
    if '"' in plain or "“" in plain or "„" in plain or "«" in plain or "»" in plain:
        for match in _QUOTES.finditer(plain):
            say(
                "TXT-13",
                INFO,
                _("Swedish quotation marks are ” on both sides."),
                span=(match.start(), match.end()),
                suggestion="”",
            )


def _check_numbers(plain: str, say: Say) -> None:
    for match in _NUMBERS.finditer(plain):
        rule, severity, message, suggestion = _number_advice(match.lastgroup, match.group(0))
        say(rule, severity, message, span=match.span(), suggestion=suggestion)


def _group_thousands(digits: str) -> str:
    """Return ``digits`` in groups of three from the right, spaced (on the string: int() is
    quadratic in the length and refuses 4,301 digits)."""
    head = len(digits) % 3 or 3
    return " ".join([digits[:head], *(digits[k : k + 3] for k in range(head, len(digits), 3))])


def _number_advice(kind: str | None, found: str) -> tuple[str, Severity, str, str | None]:
    """Return the rule, severity, message and suggestion for a number ``_NUMBERS`` matched."""
    if kind == "thousands":
        return (
            "TXT-09",
            WARN,
            _("Group thousands with a space, not a comma (34 175, not 34,175)."),
            found.replace(",", " "),
        )
    if kind == "decimal":
        return (
            "TXT-09",
            WARN,
            _("Swedish uses a decimal comma (3,5, not 3.5)."),
            found.replace(".", ","),
        )
    if kind == "ungrouped":
        grouped = None if found.startswith("0") else _group_thousands(found)
        return "TXT-09", WARN, _("Group large numbers in threes with spaces."), grouped
    if kind == "small":
        word = SMALL_NUMBER_WORDS_SV[int(found)]
        return (
            "TXT-09",
            INFO,
            _(
                "Numbers up to twelve are written as words in running text "
                "('{word}'), except ages, dates and times."
            ).format(word=word),
            word,
        )
    return "TXT-07", INFO, _("Write 'tim' for hours, not 'h'."), " tim"


@by_visible_text
def check_whitespace(scan: Scan, view: CueView, say: Say) -> None:
    """TXT-15: single spaces between words, none at the start or end of a line."""
    plain = view.plain
    # Substring tests screen out the common clean cue before the pattern runs.
    if not (
        "  " in plain
        or "\t" in plain
        or "\xa0" in plain
        or " \n" in plain
        or "\n " in plain
        or plain[:1] == " "
        or plain[-1:] == " "
    ) or (_SPACING_TROUBLE.search(plain) is None):
        return
    offset = 0
    for line in view.plain_lines:
        if line.strip():
            body = line.strip(" \t\xa0")
            lead = len(line) - len(line.lstrip(" \t\xa0"))
            trail = len(line) - len(line.rstrip(" \t\xa0"))
            if lead:
                say(
                    "TXT-15",
                    INFO,
                    _("The line starts with a space."),
                    span=(offset, offset + lead),
                    suggestion="",
                )
            if trail:
                end = offset + len(line)
                what = "non-breaking space padding" if "\xa0" in line[-trail:] else "a space"
                say(
                    "TXT-15",
                    INFO,
                    _("The line ends with {what}.").format(what=what),
                    span=(end - trail, end),
                    suggestion="",
                )
            if "  " in body or "\xa0" in body:
                for match in _DOUBLE_SPACE.finditer(line):
                    say(
                        "TXT-15",
                        INFO,
                        _("Use one space between words."),
                        span=(offset + match.start(), offset + match.end()),
                        suggestion=" ",
                    )
        offset += len(line) + 1


RULES = (
    check_sentences,
    check_continuation,
    check_dialogue,
    check_sound_tags,
    check_swedish,
    check_whitespace,
)
