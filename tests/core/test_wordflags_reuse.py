"""A whole-file check reuses what it found in a cue text for the cues that repeat it (rolling
and karaoke captions): every cue must still get exactly the flags it gets checked alone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.formats import load
from captionreview.core.model import Cue, Finding
from captionreview.core.words.flags import (
    _TIMING_MASK,
    _TIMING_TAG,
    FlagChecker,
    _timing_masked,
    find_flags,
)
from captionreview.core.words.glossary import Glossary
from captionreview.core.words.spelling import Speller


@pytest.fixture(scope="module")
def speller(tmp_path_factory: pytest.TempPathFactory) -> Speller:
    return Speller("sv", personal_path=tmp_path_factory.mktemp("words") / "personal-sv.txt")


def karaoke(words: list[str], start_ms: int, *, short: bool = False) -> str:
    """Return a YouTube-style karaoke line: a timestamp tag and a <c> span per word."""

    def stamp(ms: int) -> str:
        minutes, rest = divmod(ms, 60_000)
        hours, minutes = divmod(minutes, 60)
        if short:
            return f"<{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}>"
        return f"<{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}>"

    head, *rest = words
    return head + "".join(f"{stamp(start_ms + 400 * k)}<c> {w}</c>" for k, w in enumerate(rest))


def alone(cues: Sequence[Cue], speller: Speller) -> list[Finding]:
    """Return the flags of every cue checked on its own, as the window re-checks an edit."""
    checker = FlagChecker(language="sv", glossary=None, speller=speller, suggestions=False)
    return [f for index in range(len(cues)) for f in checker.check_cue(cues, index)]


def test_karaoke_cues_differing_in_their_timestamps_get_the_flags_each_gets_alone(
    tmp_path: Path, speller: Speller
) -> None:
    lines = [
        ["Välkomna", "till", "föreläsningen", "om", "kompetens", "försörjning"],
        ["vi", "har", "tre", "mål", "och", "och", "eh", "fyra", "delmål"],
        ["vi", "har", "fyra", "mål", "och", "och", "eh", "tre", "delmål"],
        ["delmål", "i", "sverige", "och", "3", "mål", "i", "dag"],
        ["delmål", "i", "sverige", "och", "4", "mål", "i", "dag"],
    ]
    blocks = ["WEBVTT", ""]
    start = 0
    # Each line twice with other timestamps (both kinds), as a rolling karaoke file has it,
    # and as a plain cue: a repeat across cues must be found at the new cue's own offsets.
    for round_ in range(3):
        for words in lines:
            start += 3_600_000 if round_ == 2 else 2300
            text = (
                " ".join(words)
                if round_ == 2
                else f"{' '.join(lines[0])}\n" + karaoke(words, start, short=round_ == 1)
            )
            blocks += [f"{stamp_vtt(start)} --> {stamp_vtt(start + 2000)}", text, ""]
    path = tmp_path / "karaoke.sv.vtt"
    path.write_text("\n".join(blocks), encoding="utf-8")
    cues = load(path).cues

    found = find_flags(cues, language="sv", glossary=None, speller=speller, suggestions=False)

    assert found == alone(cues, speller)
    # Cue by cue, as the window's worker reads them.
    checker = FlagChecker(language="sv", glossary=None, speller=speller, suggestions=False)
    by_cue = list(checker.by_cue(cues))
    assert len(by_cue) == len(cues)
    assert all(f.cue_index == index for index, each in enumerate(by_cue) for f in each)
    assert [f for each in by_cue for f in each] == found
    assert {f.rule for f in found} >= {"ASR-18", "ASR-11", "SPELL-02", "ASR-10"}
    # The same text with other visible digits is not taken for the same text.
    numbers = {(f.cue_index, f.suggestion) for f in found if f.rule == "ASR-10"}
    assert any(s == "tre" for _, s in numbers) and any(s == "fyra" for _, s in numbers)
    assert all(f.line is not None and f.line > 1 for f in found)


def stamp_vtt(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def test_a_checker_run_again_after_the_glossary_changed_answers_from_the_new_glossary(
    speller: Speller,
) -> None:
    cues = [Cue(0, 2000, "vi går i skog och mark"), Cue(2000, 4000, "skog")]
    glossary = Glossary.from_lines([])
    checker = FlagChecker(language="sv", glossary=glossary, speller=speller, suggestions=False)
    assert checker.check(cues) == []

    glossary.add_term("Skog")

    names = [(f.cue_index, f.rule, f.suggestion) for f in checker.check(cues)]
    assert names == [(0, "SPELL-02", "Skog"), (1, "SPELL-02", "Skog")]
    assert [f.suggestion for f in checker.check_cue(cues, 1)] == ["Skog"]


@pytest.mark.parametrize(
    "texts",
    [
        # The first cue starts a sentence: a term said at its start takes a capital there
        # only, not where the same text comes back mid-sentence.
        ["kommun full mäktige beslutade", "och sedan", "kommun full mäktige beslutade"],
        ["göteborgsett är fel", "och sedan", "göteborgsett är fel"],
        # <lang en> decides which dictionary reads the words: the same visible text without
        # the markup is Swedish.
        ["Vi säger workshop här", "<lang en>Vi säger workshop här</lang>"],
        ["<lang en>Vi säger workshop här</lang>", "Vi säger workshop här"],
    ],
)
def test_a_repeated_text_in_another_place_or_language_gets_its_own_flags(
    tmp_path: Path, speller: Speller, texts: list[str]
) -> None:
    terms = tmp_path / "glossary.txt"
    terms.write_text("kommunfullmäktige\n", encoding="utf-8")
    cues = [Cue(1000 * n, 1000 * n + 900, text) for n, text in enumerate(texts)]
    checker = FlagChecker(
        language="sv", glossary=Glossary.load(terms), speller=speller, suggestions=False
    )
    each = [f for index in range(len(cues)) for f in checker.check_cue(cues, index)]
    whole = [f for found in checker.by_cue(cues) for f in found]
    assert whole == each


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<00:00:01.234>", "<12:34:56.789>", "<1", "0", "7", ":", ".", ">", "<"])
        | st.text(alphabet="<>:.0123456789 äö\nc/\ud800", max_size=6),
        max_size=12,
    ).map("".join)
)
def test_two_texts_share_a_key_exactly_when_they_differ_only_in_karaoke_timestamps(
    raw: str,
) -> None:
    masked = _TIMING_TAG.sub(_TIMING_MASK, raw)
    key = _timing_masked(raw)
    # The key depends on the masked text only, and gives it back: so it is equal for two
    # texts exactly when their masked texts are.
    assert key == _timing_masked(masked)
    assert (key.decode("utf-8", "surrogatepass") if isinstance(key, bytes) else key) == masked
