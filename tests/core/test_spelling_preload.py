"""Hunspell dictionaries loaded in the background (``captionreview check`` starts the load
before it reads the files), with the real libhunspell and Debian's sv_SE dictionary."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from captionreview.core.words import spelling
from captionreview.core.words.spelling import DICTIONARY_DIRS, Speller, SpellerUnavailable


def dictionary_folder(tmp_path: Path) -> Path:
    """Return a folder with links to the installed sv_SE dictionary (a handle of its own)."""
    tmp_path.mkdir()
    for folder in DICTIONARY_DIRS:
        if (folder / "sv_SE.dic").is_file():
            for suffix in ("aff", "dic"):
                (tmp_path / f"sv_SE.{suffix}").symlink_to(folder / f"sv_SE.{suffix}")
            return tmp_path
    pytest.skip("hunspell-sv is not installed")


def test_a_speller_made_while_its_dictionary_loads_waits_and_shares_the_one_handle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = dictionary_folder(tmp_path / "dicts")
    created: list[Path] = []
    started = threading.Event()
    real = spelling._Hunspell

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, lib: object, aff: Path, dic: Path) -> None:
            started.set()
            created.append(dic)
            super().__init__(lib, aff, dic)

    monkeypatch.setattr(spelling, "_Hunspell", Counted)
    thread = spelling.preload(["sv-SE"], dictionary_dirs=[folder])
    assert started.wait(10)
    speller = Speller("sv", personal_path=tmp_path / "personal.txt", dictionary_dirs=[folder])
    thread.join(10)

    assert not thread.is_alive()
    assert created == [folder / "sv_SE.dic"]
    assert speller._hunspell is spelling._handles[(folder / "sv_SE.aff", folder / "sv_SE.dic")]
    assert speller.check("regionstyrelsen") and not speller.check("kolektivtrafiken")


def test_a_missing_dictionary_is_reported_by_the_speller_not_by_the_background_load(
    tmp_path: Path,
) -> None:
    thread = spelling.preload(["sv", "xx"], dictionary_dirs=[tmp_path])
    thread.join(10)

    assert not thread.is_alive()
    with pytest.raises(SpellerUnavailable, match="hunspell-sv"):
        Speller("sv", personal_path=tmp_path / "personal.txt", dictionary_dirs=[tmp_path])
