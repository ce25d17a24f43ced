"""Word frequencies from wordfreq, copied once into an SQLite cache (core/words/frequency.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from captionreview.core.words.frequency import WordFrequencies

pytest.importorskip("wordfreq")


def test_frequencies_come_from_wordfreq_through_a_cache_built_once(tmp_path: Path) -> None:
    swedish = WordFrequencies("sv", cache_dir=tmp_path)
    pandemin = swedish.zipf("pandemin")
    assert pandemin is not None and 2.0 < pandemin < 3.5
    assert swedish.zipf("Pandemin") == pandemin  # looked up in lower case, as wordfreq stores
    assert swedish.zipf("xqzzyvw") == 0.0
    # Common words are more frequent than rare ones, and a joined compound is in the list.
    assert (swedish.zipf("och") or 0) > (swedish.zipf("blodproppar") or 0) > 0
    [cache] = tmp_path.iterdir()
    built = cache.stat().st_mtime_ns
    again = WordFrequencies("sv", cache_dir=tmp_path)
    assert again.zipf("pandemin") == pandemin
    assert cache.stat().st_mtime_ns == built


def test_a_language_without_a_list_has_no_frequencies(tmp_path: Path) -> None:
    none = WordFrequencies("xx", cache_dir=tmp_path)
    assert not none.available
    assert none.zipf("ord") is None
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_folder_means_no_frequencies_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    frequencies = WordFrequencies("sv", cache_dir=blocker / "cache")
    assert frequencies.zipf("pandemin") is None


def test_many_words_are_looked_up_at_once_with_the_figures_of_one_by_one(tmp_path: Path) -> None:
    swedish = WordFrequencies("sv", cache_dir=tmp_path)
    words = ["och", "Pandemin", "xqzzyvw", *(f"ord{n}" for n in range(1200))]
    found = swedish.found(words)
    assert found["och"] == swedish.zipf("och")
    assert found["pandemin"] == swedish.zipf("pandemin")
    assert "xqzzyvw" not in found
    assert WordFrequencies("xx", cache_dir=tmp_path).found(words) == {}
