"""Every rule id the program reports, with a short human title: the quality checks, the word
flags and the problems found while reading a file. One table for the checks, the word flags,
the report, the window and the profile validation.
"""

from __future__ import annotations

# The quality checks of ``captionreview.core.checks`` and the WebVTT rules of QUALITY_RULES §1.
RULE_TITLES: dict[str, str] = {
    "VTT-ENC-01": "Undecodable characters",
    "VTT-NUL-01": "NUL characters",
    "VTT-BOM-01": "Byte order mark",
    "VTT-SIG-01": "WEBVTT signature",
    "VTT-HDR-01": "Header separation",
    "VTT-HDR-02": "Metadata lines in the header",
    "VTT-HDR-03": "Cue timing line inside the header",
    "VTT-LT-01": "Line terminators",
    "VTT-TS-01": "Timestamp syntax",
    "VTT-TS-02": "Timing arrow",
    "VTT-TS-03": "End after start",
    "VTT-TS-04": "Cues in start order",
    "VTT-TS-05": "Inline (karaoke) timestamps",
    "VTT-ID-01": "Cue identifiers",
    "VTT-SET-01": "Cue setting names",
    "VTT-SET-02": "Cue setting values",
    "VTT-SET-03": "Region setting",
    "VTT-TXT-01": "'-->' inside the text",
    "VTT-TXT-02": "Empty line inside a cue",
    "VTT-TXT-03": "Empty cue",
    "VTT-ESC-01": "Escaping of & and <",
    "VTT-TAG-01": "Markup",
    "VTT-NOTE-01": "Comments",
    "VTT-STY-01": "STYLE blocks",
    "VTT-REG-01": "REGION blocks",
    "TIM-01": "Minimum duration",
    "TIM-02": "Maximum duration",
    "TIM-04": "Reading speed",
    "TIM-05": "Overlapping cues",
    "TIM-06": "Minimum gap",
    "TIM-07": "Small gaps to close",
    "LAY-01": "Characters per line",
    "LAY-02": "Lines per cue",
    "LAY-03": "Characters per cue",
    "LAY-04": "One line if it fits",
    "LAY-05": "Line-break points",
    "LAY-06": "Shorter top line",
    "LAY-07": "Hyphenation across lines",
    "LAY-08": "Alignment",
    "TXT-01": "Sentence case and end punctuation",
    "TXT-02": "Continuation dashes",
    "TXT-03": "Dialogue dashes",
    "TXT-05": "Sound and music tags",
    "TXT-06": "Abbreviations",
    "TXT-07": "Units",
    "TXT-08": "Symbols",
    "TXT-09": "Numbers",
    "TXT-13": "Quotation marks",
    "TXT-15": "Whitespace",
    "ASR-01": "Rolling duplicated lines",
    "ASR-02": "Bridge cues",
    "ASR-03": "Karaoke tags",
    "ASR-04": "YouTube header and settings",
    "ASR-05": "Whitespace-only lines",
    "ASR-08": "No punctuation or capitals",
    "ASR-14": "Automatic sound tags",
    "ASR-17": "Masked profanity",
}
# The word flags of ``captionreview.core.words.flags``.
WORD_RULE_TITLES: dict[str, str] = {
    "ASR-09": "Glossary term misrecognised",
    "ASR-10": "Number written oddly",
    "ASR-11": "Split compound (särskrivning)",
    "ASR-12": "Homophone worth a look",
    "ASR-18": "Filler or repeated word",
    "SPELL-01": "Misspelled word",
    "SPELL-00": "Spell check unavailable",
}
# The checks against the speech the audio analysis hears (``captionreview.core.checks.audio``).
AUDIO_RULE_TITLES: dict[str, str] = {
    "TIM-08": "Sync to speech",
    "TIM-10": "Speech without captions",
    "ASR-06": "Cue across a long pause",
    "ASR-15": "Text over silence",
}
# The problems found while reading a file (``Document.problems``; ``Problem.rule``) are
# mostly the VTT-* ids above; these are the reader's own names for the others.
LOAD_PROBLEM_TITLES: dict[str, str] = {
    "signature": "WEBVTT signature",
    "timing": "Unreadable cue timing",
    "timing-negative": "Negative cue timing",
    "block-order": "Block in the wrong place",
    "spaces-line": "Line of only spaces",
    "stray-text": "Text outside a cue",
    "encoding": "Character encoding",
    "mojibake": "Garbled characters",
}
ALL_RULE_TITLES: dict[str, str] = {
    **RULE_TITLES,
    **WORD_RULE_TITLES,
    **AUDIO_RULE_TITLES,
    **LOAD_PROBLEM_TITLES,
}


def rule_title(rule: str) -> str:
    """Return a short human title for any rule id (the id itself when unknown)."""
    return ALL_RULE_TITLES.get(rule, rule)


def known_rules() -> frozenset[str]:
    """Return every rule id a profile may turn off."""
    return frozenset(ALL_RULE_TITLES)
