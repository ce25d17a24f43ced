"""Swedish number words shared by the text rules, the word flags and the track comparison."""

from __future__ import annotations

# The numbers Swedish captions write as words (2–12; 'en'/'ett' are left out: they are
# articles and pronouns too, so a digit 1 is not flagged and the word not taken for a number).
SMALL_NUMBER_WORDS_SV: dict[int, str] = {
    2: "två",
    3: "tre",
    4: "fyra",
    5: "fem",
    6: "sex",
    7: "sju",
    8: "åtta",
    9: "nio",
    10: "tio",
    11: "elva",
    12: "tolv",
}
