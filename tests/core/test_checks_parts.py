"""A file's cues checked in two parts give the findings of checking them at once
(``registry.cue_part``; ``captionreview check`` checks a long file's halves in two processes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from captionreview.core.checks import check_document
from captionreview.core.checks.registry import cue_part, file_findings, in_cue_order
from captionreview.core.formats import load
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.words.language import document_language
from tests.conftest import CORPUS, DEMO_DIR


def files() -> list[Path]:
    found = [DEMO_DIR / "lecture.sv.vtt"]
    if CORPUS.is_dir():
        found += sorted(CORPUS.rglob("*.vtt"))[:40]
    return found


@pytest.mark.parametrize("path", files(), ids=lambda p: p.name)
def test_the_cues_checked_in_two_parts_give_the_findings_of_one_check(path: Path) -> None:
    doc = load(path)
    cues = list(doc.cues)
    whole = check_document(doc, DEFAULT_PROFILE)
    language = document_language(doc, DEFAULT_PROFILE.language)
    regions = {region.identifier for region in doc.regions}
    # Every place to split a short file; a long one's first, middle and last few.
    count = len(cues)
    places = (
        range(count + 1) if count <= 40 else [*range(4), count // 2, *range(count - 3, count + 1)]
    )
    for middle in places:
        first, first_keys = cue_part(
            cues, DEFAULT_PROFILE, doc.header_metadata, regions, language, 0, middle
        )
        second, second_keys = cue_part(
            cues, DEFAULT_PROFILE, doc.header_metadata, regions, language, middle, count
        )
        keys = first_keys + second_keys
        wide = file_findings(keys, cues, DEFAULT_PROFILE, doc.header_metadata)
        assert in_cue_order(first + second, wide) == whole, middle
