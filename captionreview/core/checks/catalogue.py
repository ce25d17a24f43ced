"""Every rule id the program reports, with a short human title: the quality checks, the word
flags and the problems found while reading a file. One table for the checks, the word flags,
the report, the window and the profile validation.
"""

from __future__ import annotations

from captionreview.core.i18n import N_, _

# The quality checks of ``captionreview.core.checks`` and the WebVTT rules of QUALITY_RULES §1.
# Not listed because nothing distinct would report them: VTT-BOM-01 (a second BOM or anything
# before WEBVTT is VTT-SIG-01), VTT-HDR-01 (a block right under the header is VTT-HDR-03) and
# VTT-LT-01 (CRLF, LF and CR are all valid; a file keeps its own).
RULE_TITLES: dict[str, str] = {
    "VTT-ENC-01": N_("Undecodable characters"),
    "VTT-NUL-01": N_("NUL characters"),
    "VTT-SIG-01": N_("WEBVTT signature"),
    "VTT-HDR-02": N_("Metadata lines in the header"),
    "VTT-HDR-03": N_("Cue timing line inside the header"),
    "VTT-TS-01": N_("Timestamp syntax"),
    "VTT-TS-02": N_("Timing arrow"),
    "VTT-TS-03": N_("End after start"),
    "VTT-TS-04": N_("Cues in start order"),
    "VTT-TS-05": N_("Inline (karaoke) timestamps"),
    "VTT-ID-01": N_("Cue identifiers"),
    "VTT-SET-01": N_("Cue setting names"),
    "VTT-SET-02": N_("Cue setting values"),
    "VTT-SET-03": N_("Region setting"),
    "VTT-TXT-01": N_("'-->' inside the text"),
    "VTT-TXT-02": N_("Empty line inside a cue"),
    "VTT-TXT-03": N_("Empty cue"),
    "VTT-ESC-01": N_("Escaping of & and <"),
    "VTT-TAG-01": N_("Markup"),
    "VTT-NOTE-01": N_("Comments"),
    "VTT-STY-01": N_("STYLE blocks"),
    "VTT-REG-01": N_("REGION blocks"),
    "TIM-01": N_("Minimum duration"),
    "TIM-02": N_("Maximum duration"),
    "TIM-04": N_("Reading speed"),
    "TIM-05": N_("Overlapping cues"),
    "TIM-06": N_("Minimum gap"),
    "TIM-07": N_("Small gaps to close"),
    "LAY-01": N_("Characters per line"),
    "LAY-02": N_("Lines per cue"),
    "LAY-03": N_("Characters per cue"),
    "LAY-04": N_("One line if it fits"),
    "LAY-05": N_("Line-break points"),
    "LAY-06": N_("Shorter top line"),
    "LAY-07": N_("Hyphenation across lines"),
    "LAY-08": N_("Alignment"),
    "TXT-01": N_("Sentence case and end punctuation"),
    "TXT-02": N_("Continuation dashes"),
    "TXT-03": N_("Dialogue dashes"),
    "TXT-05": N_("Sound and music tags"),
    "TXT-06": N_("Abbreviations"),
    "TXT-07": N_("Units"),
    "TXT-08": N_("Symbols"),
    "TXT-09": N_("Numbers"),
    "TXT-13": N_("Quotation marks"),
    "TXT-15": N_("Whitespace"),
    "ASR-01": N_("Rolling duplicated lines"),
    "ASR-02": N_("Bridge cues"),
    "ASR-03": N_("Karaoke tags"),
    "ASR-04": N_("YouTube header and settings"),
    "ASR-05": N_("Whitespace-only lines"),
    "ASR-08": N_("No punctuation or capitals"),
    "ASR-14": N_("Automatic sound tags"),
    "ASR-17": N_("Masked profanity"),
}
# The word flags of ``captionreview.core.words.flags``.
WORD_RULE_TITLES: dict[str, str] = {
    "ASR-09": N_("Glossary term misrecognised"),
    "ASR-10": N_("Number written oddly"),
    "ASR-11": N_("Split compound (särskrivning)"),
    "ASR-12": N_("Homophone worth a look"),
    "ASR-18": N_("Filler or repeated word"),
    "SPELL-01": N_("Misspelled word"),
    "SPELL-02": N_("Name without a capital"),
    "SPELL-00": N_("Spell check unavailable"),
}
# The checks against the speech the audio analysis hears (``captionreview.core.checks.audio``).
AUDIO_RULE_TITLES: dict[str, str] = {
    "TIM-08": "Sync to speech",
    "TIM-10": "Speech without captions",
    "ASR-06": "Cue across a long pause",
    "ASR-15": "Text over silence",
}
# The downstream view (``captionreview.core.checks.downstream``): the file as webvtt-py reads it.
PUBLISH_RULE_TITLES: dict[str, str] = {
    "PUB-01": N_("Read differently by webvtt-py"),
}
# The problems found while reading a file (``Document.problems``; ``Problem.rule``) are
# mostly the VTT-* ids above; these are the reader's own names for the others.
LOAD_PROBLEM_TITLES: dict[str, str] = {
    "signature": N_("WEBVTT signature"),
    "timing": N_("Unreadable cue timing"),
    "timing-negative": N_("Negative cue timing"),
    "block-order": N_("Block in the wrong place"),
    "spaces-line": N_("Line of only spaces"),
    "stray-text": N_("Text outside a cue"),
    "encoding": N_("Character encoding"),
    "mojibake": N_("Garbled characters"),
}
ALL_RULE_TITLES: dict[str, str] = {
    **RULE_TITLES,
    **WORD_RULE_TITLES,
    **AUDIO_RULE_TITLES,
    **PUBLISH_RULE_TITLES,
    **LOAD_PROBLEM_TITLES,
}


def rule_title(rule: str) -> str:
    """Return a short human title for any rule id in the current language (the id itself
    when unknown)."""
    title = ALL_RULE_TITLES.get(rule)
    return _(title) if title is not None else rule


def known_rules() -> frozenset[str]:
    """Return every rule id a profile may turn off."""
    return frozenset(ALL_RULE_TITLES)
