"""The recovery journal: written cheaply, found after a crash, restored as modified."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from captionreview.core.journal import Journal, JournalEntry, default_journal_dir


def test_write_pending_restore_discard(tmp_path: Path) -> None:
    path = tmp_path / "a.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nhej\n", encoding="utf-8")
    doc = load(path)
    doc.set_text(0, "osparad ändring")
    journal = Journal(tmp_path / "state")
    journal.write(doc)
    (entry,) = journal.pending()
    assert entry.path == path and entry.saved_at > 0
    restored = journal.restore(entry)
    assert restored.text() == doc.text() and restored.path == path
    assert restored.modified
    journal.discard(restored)
    assert journal.pending() == []


def test_entries_survive_a_crashed_process(tmp_path: Path) -> None:
    state = tmp_path / "state"
    code = (
        "import os\n"
        "from captionreview.core.document import Document\n"
        "from captionreview.core.journal import Journal\n"
        "from captionreview.core.model import Cue\n"
        "doc = Document.new()\n"
        "doc.insert(0, Cue(0, 1000, 'före kraschen'))\n"
        f"Journal({str(state)!r}).write(doc)\n"
        "os._exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False)
    assert result.returncode == 3
    journal = Journal(state)
    (entry,) = journal.pending()
    assert entry.path is None
    assert journal.restore(entry).cues[0].text == "före kraschen"


def test_damaged_entries_are_skipped_and_unusable_folder_is_reported(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / "junk.json").write_text("{not json", encoding="utf-8")
    (state / "other.json").write_text('{"format": "something else"}', encoding="utf-8")
    assert Journal(state).pending() == []
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(CaptionFileError, match="recovery journal"):
        Journal(blocker / "sub").write(Document.new())


def test_default_folder_follows_the_user_state_folder() -> None:
    assert default_journal_dir().parts[-2:] == ("captionreview", "journal")


def test_restored_srt_document_still_saves_beside_the_srt(tmp_path: Path) -> None:
    srt = tmp_path / "film.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHej\n", encoding="utf-8")
    doc = load(srt)
    doc.set_text(0, "Hej då")
    journal = Journal(tmp_path / "state")
    journal.write(doc)
    restored = journal.restore(journal.pending()[0])
    assert restored.save() == tmp_path / "film.vtt"
    assert srt.read_text(encoding="utf-8").startswith("1\n")


def test_relative_paths_are_made_absolute_and_journaled_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "big.vtt").write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nhej\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    doc = load("big.vtt")
    assert doc.path == folder / "big.vtt" and doc.path.is_absolute()
    doc.set_text(0, "ändrad")
    journal = Journal(tmp_path / "state")
    journal.write(doc)
    # The app restarts in another folder: the entry still points at the real file.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    (entry,) = journal.pending()
    assert entry.path == folder / "big.vtt"
    restored = journal.restore(entry)
    assert restored.save() == folder / "big.vtt"
    assert "ändrad" in (folder / "big.vtt").read_text(encoding="utf-8")
    assert not (elsewhere / "big.vtt").exists()


def test_a_document_path_set_later_is_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    doc = Document.from_text("WEBVTT\n", Path("x.vtt"))
    assert doc.path == tmp_path / "x.vtt"
    assert doc.save("y.vtt") == tmp_path / "y.vtt" and doc.path == tmp_path / "y.vtt"


def test_symlink_names_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real.vtt"
    real.write_text("WEBVTT\n", encoding="utf-8")
    (tmp_path / "link.vtt").symlink_to(real)
    monkeypatch.chdir(tmp_path)
    assert load("link.vtt").path == tmp_path / "link.vtt"


def test_an_old_relative_entry_has_an_unknown_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    record = {
        "format": "captionreview-journal-1",
        "path": "big.vtt",
        "source_format": "vtt",
        "saved_at": 5.0,
        "text": "WEBVTT\n\n00:01.000 --> 00:02.000\nräddad\n",
    }
    (state / "old.json").write_text(json.dumps(record), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (entry,) = Journal(state).pending()
    assert entry.path is None and entry.unknown_location == "big.vtt"
    restored = Journal(state).restore(entry)
    assert restored.path is None and restored.cues[0].text == "räddad"
    with pytest.raises(CaptionFileError, match="no file name"):
        restored.save()
    assert not (tmp_path / "big.vtt").exists()


def test_a_journal_that_cannot_be_written_says_so_in_swedish(tmp_path: Path) -> None:
    # The window shows this message in its status bar: in the user's language.
    from captionreview.core.i18n import set_language

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    set_language("sv")
    with pytest.raises(CaptionFileError, match="kan inte skriva återställningsjournalen i"):
        Journal(blocker / "sub").write(Document.new())
    with pytest.raises(CaptionFileError, match="går inte längre att läsa"):
        Journal(tmp_path / "empty").restore(JournalEntry(None, 0.0, "gone", ""))
