"""Which language a track is in: header, NOTE, file name, then the text's function words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.core.document import Document
from captionreview.core.model import Cue
from captionreview.core.words.language import detect_language, document_language, guess_from_text

ENGLISH = (
    "Welcome to the lecture. Today we talk about the history of the region and what it "
    "means for all of us who live there."
)
SWEDISH = (
    "Välkommen till föreläsningen. I dag pratar vi om regionens historia och vad det "
    "betyder för oss som bor här och inte har varit med."
)


def doc_of(
    text: str, header: str = "", name: str | None = None, tmp: Path | None = None
) -> Document:
    source = f"WEBVTT{header}\n\n00:00:01.000 --> 00:00:05.000\n{text}\n"
    path = (tmp / name) if tmp is not None and name else None
    return Document.from_text(source, path)


def test_header_comes_first() -> None:
    assert detect_language(doc_of(SWEDISH, "\nLanguage: en-GB")) == ("en", "header")


def test_note_block() -> None:
    doc = Document.from_text(
        f"WEBVTT\n\nNOTE Language: sv\n\n00:00:01.000 --> 00:00:05.000\n{ENGLISH}\n"
    )
    assert detect_language(doc) == ("sv", "note")


def test_file_name_suffix(tmp_path: Path) -> None:
    assert detect_language(doc_of("Hm.", name="talk.en-US.vtt", tmp=tmp_path)) == (
        "en",
        "file name",
    )
    assert detect_language(doc_of("Hm.", name="talk.sv.srt", tmp=tmp_path)) == (
        "sv",
        "file name",
    )
    # "old" is no language code.
    assert detect_language(doc_of("Hm.", name="notes.old.vtt", tmp=tmp_path)) == (
        "und",
        "unknown",
    )


def test_text_guess() -> None:
    assert detect_language(doc_of(ENGLISH)) == ("en", "text")
    assert detect_language(doc_of(SWEDISH)) == ("sv", "text")
    assert detect_language(doc_of("Okay. Hm. Yes!")) == ("und", "unknown")


def test_cue_list_with_metadata() -> None:
    cues = list(doc_of(SWEDISH).cues)
    assert detect_language(cues, metadata={"language": "fi"}) == ("fi", "header")
    assert detect_language(cues) == ("sv", "text")


def test_undetermined_falls_back_to_the_profile_language() -> None:
    assert document_language(doc_of("Hm."), "sv") == "sv"
    assert document_language(doc_of(ENGLISH), "sv") == "en"


def test_real_corpus_files_are_guessed_right(corpus: Path) -> None:
    import captionreview
    from captionreview.core.errors import CaptionFileError

    tried = 0
    for path in sorted(corpus.rglob("*.vtt")):
        try:
            doc = captionreview.load(path)
        except CaptionFileError:
            continue
        if doc.language is None or len(doc.cues) < 20:
            continue
        language = doc.language.split("-")[0].lower()
        if language not in ("sv", "en"):
            continue
        cues = list(doc.cues)
        assert detect_language(cues) in ((language, "text"), ("und", "unknown")), path
        tried += detect_language(cues)[0] == language
    assert tried >= 3


def test_a_spanish_track_without_header_or_file_name_is_guessed_spanish(corpus: Path) -> None:
    import captionreview

    doc = captionreview.load(corpus / "real/webvtt-py/netflix_chicas_del_cable.vtt")
    # Checked as the profile's Swedish it had 2,683 spelling flags, one on nearly every word.
    assert detect_language(doc) == ("es", "text")
    assert document_language(doc, "sv") == "es"


def catalogue_texts(locale: str) -> list[str]:
    """Return the translations in the installed gettext catalogues of ``locale``: real text of
    that language, written by Debian's translators."""
    import gettext

    texts: list[str] = []
    for path in sorted(Path("/usr/share/locale", locale, "LC_MESSAGES").glob("*.mo")):
        try:
            with path.open("rb") as file:
                catalogue = gettext.GNUTranslations(file)
        except (OSError, UnicodeDecodeError, ValueError):
            continue  # a catalogue in another encoding than UTF-8
        texts += [text for key, text in catalogue._catalog.items() if key and isinstance(text, str)]
    return texts


def samples_of(texts: list[str], count: int = 5, size: int = 150) -> list[list[Cue]]:
    """Return ``count`` lecture-sized samples of ``size`` of ``texts`` as cues."""
    import random

    random.Random(1).shuffle(texts)
    return [
        [Cue(start_ms=i * 1000, end_ms=i * 1000 + 900, text=text) for i, text in enumerate(part)]
        for part in (texts[k * size : (k + 1) * size] for k in range(count))
    ]


# Languages a Swedish public body publishes in or gets tracks in, with wordfreq's code, and the
# locale of Debian's catalogues in that language.
OTHER_LANGUAGES = {
    "de": "de",
    "es": "es",
    "fi": "fi",
    "fr": "fr",
    "it": "it",
    "pl": "pl",
    "ro": "ro",
    "ru": "ru",
    "tr": "tr",
    "uk": "uk",
    "fa": "fa",
    "zh": "zh_CN",
    "ja": "ja",
    "ko": "ko",
}


def test_translated_program_texts_are_guessed_in_their_language_never_as_swedish() -> None:
    """Debian's translations of its programs: the guess names their language, or says it is
    unsure, and never takes them for Swedish (which would spell-check every word against
    Swedish); Swedish translations read as Swedish."""
    tried = right = 0
    for language, locale in OTHER_LANGUAGES.items():
        texts = catalogue_texts(locale)
        if len(texts) < 750:
            continue  # the catalogues of this machine's packages in that language are few
        for cues in samples_of(texts):
            guess = guess_from_text(cues)
            assert guess != "sv", (locale, [c.text for c in cues[:5]])
            tried += 1
            right += guess == language
    if tried < 20:
        pytest.skip("too few gettext catalogues installed in other languages")
    assert right >= 0.9 * tried, (right, tried)
    swedish = catalogue_texts("sv")
    assert len(swedish) >= 750
    assert [guess_from_text(cues) for cues in samples_of(swedish)] == ["sv"] * 5


def test_the_table_of_words_common_in_one_language_is_what_wordfreq_gives() -> None:
    """The table is made from wordfreq's lists by scripts/function_words.py; a wordfreq that
    changed them fails here until the script is run again."""
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "function_words.py"
    spec = importlib.util.spec_from_file_location("function_words_script", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from captionreview.core.words.function_words import EXCLUSIVE_WORDS

    assert {code: tuple(words) for code, words in module.table().items()} == EXCLUSIVE_WORDS
    # None of them is common Swedish: a Swedish text does not lend another language evidence.
    assert not {w for words in EXCLUSIVE_WORDS.values() for w in words} & set(
        module.wordfreq.top_n_list("sv", module.SHARED)
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=80), max_size=40))
def test_any_text_gets_a_known_language_or_undetermined(texts: list[str]) -> None:
    from captionreview.core.words.function_words import EXCLUSIVE_WORDS

    cues = [Cue(start_ms=i * 1000, end_ms=i * 1000 + 900, text=t) for i, t in enumerate(texts)]
    assert guess_from_text(cues) in {"sv", "en", "und", "zh", "ja", "ko", *EXCLUSIVE_WORDS}


def test_a_chinese_japanese_or_korean_line_is_told_by_its_script() -> None:
    def guess(text: str) -> str:
        return guess_from_text([Cue(start_ms=0, end_ms=900, text=text)])

    # Lines from the Universal Declaration of Human Rights, article 1.
    assert (
        guess(
            "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。"
        )
        == "zh"
    )
    assert (
        guess(
            "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。"
        )
        == "ja"
    )
    assert guess("모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.") == "ko"
    assert guess("Alla människor är födda fria och lika i värde och rättigheter.") == "und"
