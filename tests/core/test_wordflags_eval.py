"""Regression bounds for the word flags on real published Swedish (tests/bench/bench_wordflags.py).

The bounds sit a little outside what was measured, so a change that makes the flags noisier or
blinder fails (issue 13: Swedish only 76 of 83 planted errors = 91.6 % caught with the right
correction and 0.91 flags per 100 words of published text; the Audacity manual 0.37 flags per
100 words; Copyright finns inte 92/111 = 82.9 % and 1.68; the GIMP manual 16/19 = 84.2 % and
1.31). Flags per 100 words once written English, names in use, abbreviations as Swedish
writes them and inflected English loans are known: LifeLines 0.78, Audacity 0, Copyright
finns inte 0.99 (about 18 of its 62 flags are misspellings in the book itself: "bästämde",
"phrekare", "branchen"), the GIMP manual 0.55. Caught with the right correction after the
number and särskrivning work on recall: Swedish only 82/83 = 98.8 %, Copyright finns inte
106/111 = 95.5 %, the GIMP manual 17/19 = 89.5 %. After the generalisation work on recall
(grammar, names, commands, versions; no list of the sets' words): flags per 100 words LifeLines
0.65, Audacity 0 (1/1 caught), Copyright finns inte 0.85, GIMP 0.35, and the development sets,
held out until measured once, the man pages 2.14 (4.04 before; command names and compounds
Hunspell-sv lacks the rest) with 64/71 = 90.1 % caught and the LibreOffice help 0.41 with
38/41 = 92.7 %. A particle after a preposition of place that begins a compound in use ("i
under menyn"): the GIMP manual 18/19 = 94.7 %, no flag more anywhere. An adjective that does
not agree with the plural or neuter noun after it ("snabb tangenter"): LifeLines 83/83, the man
pages 65/71 = 91.5 %, no flag more anywhere. Compounds of seven or eight letters Hunspell-sv
lacks, of two common nouns and one letter from no common word ("returkod"): Copyright finns
inte 0.83, the man pages 2.09 flags per 100 words. A verb form where no verb can stand, after
a preposition or an article ("på hackar kulturen"): Copyright finns inte 106/111 = 95.5 %, the
man pages 66/71 = 93.0 %, no flag more. An entry the dictionary inflects as a noun is one
though its ending looks an adjective's ("variabel"), and "fel" is an adjective without endings
too: the LibreOffice help 39/41 = 95.1 %, no flag more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from captionreview.core.words.spelling import Speller
from tests.bench.bench_wordflags import DEVELOPMENT, SOURCES, measure

SWEDISH, MIXED, BOOK, MANUAL = SOURCES
MAN_PAGES, OFFICE_HELP = DEVELOPMENT


def source(label: str) -> tuple[Path, str]:
    path, encoding = SOURCES[label] if label in SOURCES else DEVELOPMENT[label]
    if not path.exists():
        pytest.skip(f"{path} is not installed (scripts/setup installs its Debian package)")
    return path, encoding


def test_planted_recognition_errors_in_published_swedish_are_caught_with_their_correction() -> None:
    figures = measure(*source(SWEDISH), Speller("sv"))
    assert sum(figures.planted.values()) >= 60
    assert figures.caught_share >= 0.98
    assert figures.flags_per_100 <= 0.72


def test_a_swedish_manual_with_english_paragraphs_is_not_flagged_word_by_word() -> None:
    figures = measure(*source(MIXED), Speller("sv"))
    assert figures.words >= 500
    assert figures.flags_per_100 <= 0.15


def test_planted_errors_in_swedish_full_of_english_terms_are_caught_with_their_correction() -> None:
    figures = measure(*source(BOOK), Speller("sv"))
    assert sum(figures.planted.values()) >= 100
    assert figures.caught_share >= 0.94
    assert figures.flags_per_100 <= 0.9


def test_a_swedish_manual_with_untranslated_english_pages_keeps_its_flag_rate() -> None:
    figures = measure(*source(MANUAL), Speller("sv"))
    assert figures.words >= 5000
    assert sum(figures.planted.values()) >= 15
    assert figures.caught_share >= 0.94
    assert figures.flags_per_100 <= 0.42


def test_swedish_man_pages_full_of_command_names_keep_their_figures() -> None:
    figures = measure(*source(MAN_PAGES), Speller("sv"), sampled=True)
    assert figures.words >= 3000
    assert sum(figures.planted.values()) >= 60
    assert figures.caught_share >= 0.91
    assert figures.flags_per_100 <= 2.25


def test_a_swedish_help_with_english_paragraphs_keeps_its_figures() -> None:
    figures = measure(*source(OFFICE_HELP), Speller("sv"), sampled=True)
    assert figures.words >= 4000
    assert sum(figures.planted.values()) >= 35
    assert figures.caught_share >= 0.93
    assert figures.flags_per_100 <= 0.5
