"""Saving: atomic, keeps permissions, keeps the original once, fails plainly and safely."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from captionreview.core import saving
from captionreview.core.document import DocEvent, Document, EventKind
from captionreview.core.errors import CaptionFileError, SaveError
from captionreview.core.formats import load

TEXT = "WEBVTT\nKind: captions\n\n00:01.000 --> 00:02.000\nhej\n"


@pytest.fixture
def original(tmp_path: Path) -> Path:
    path = tmp_path / "lecture.sv.vtt"
    path.write_text(TEXT, encoding="utf-8", newline="")
    path.chmod(0o640)
    return path


def test_save_writes_keeps_permissions_and_the_original(original: Path) -> None:
    doc = load(original)
    doc.set_text(0, "hej då")
    events: list[DocEvent] = []
    doc.subscribe(events.append)
    assert doc.save() == original
    assert original.read_text(encoding="utf-8") == TEXT.replace("hej\n", "hej då\n")
    assert stat.S_IMODE(original.stat().st_mode) == 0o640
    kept = original.with_name("lecture.sv.orig.vtt")
    assert kept.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640  # as private as the original
    assert not doc.modified and [e.kind for e in events] == [EventKind.MODIFIED]
    doc.set_text(0, "igen")
    doc.save()
    assert kept.read_text(encoding="utf-8") == TEXT
    assert sorted(p.name for p in original.parent.iterdir()) == [
        "lecture.sv.orig.vtt",
        "lecture.sv.vtt",
    ]


def test_keep_original_can_be_turned_off(original: Path) -> None:
    doc = load(original)
    doc.set_text(0, "x")
    doc.save(keep_original=False)
    assert not original.with_name("lecture.sv.orig.vtt").exists()


def test_an_existing_orig_copy_is_never_overwritten(original: Path) -> None:
    kept = original.with_name("lecture.sv.orig.vtt")
    kept.write_text("the first original", encoding="utf-8")
    doc = load(original)
    doc.set_text(0, "x")
    doc.save()
    assert kept.read_text(encoding="utf-8") == "the first original"


def test_save_as_elsewhere_does_not_make_a_copy(original: Path, tmp_path: Path) -> None:
    doc = load(original)
    target = tmp_path / "sub"
    target.mkdir()
    assert doc.save(target / "ren.vtt") == target / "ren.vtt"
    assert doc.path == target / "ren.vtt"
    assert (target / "ren.vtt").read_text(encoding="utf-8") == TEXT
    assert not list(target.glob("*.orig.vtt"))


def test_folder_that_is_a_file_gives_a_plain_error(original: Path, tmp_path: Path) -> None:
    doc = load(original)
    with pytest.raises(SaveError) as caught:
        doc.save(original / "inside.vtt")
    assert isinstance(caught.value, CaptionFileError)
    assert "is not a folder" in str(caught.value) and "Traceback" not in str(caught.value)


def test_disk_full_leaves_the_old_file_intact(
    original: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = load(original)
    doc.set_text(0, "ny text")

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SaveError, match="the disk is full") as caught:
        doc.save(keep_original=False)
    assert "the old file is unchanged" in str(caught.value)
    assert original.read_text(encoding="utf-8") == TEXT
    assert sorted(p.name for p in original.parent.iterdir()) == ["lecture.sv.vtt"]
    assert doc.modified


def test_unwritable_folder_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(SaveError, match="you may not write in the folder"):
        saving.atomic_write(tmp_path / "x.vtt", b"WEBVTT\n")


def test_untitled_document_needs_a_path() -> None:
    with pytest.raises(SaveError, match="no file name"):
        Document.new().save()


def test_new_file_gets_default_permissions(tmp_path: Path) -> None:
    target = tmp_path / "ny.vtt"
    saving.atomic_write(target, b"WEBVTT\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_srt_is_saved_as_vtt_beside_it(tmp_path: Path) -> None:
    srt = tmp_path / "film.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHej & hå\n", encoding="utf-8")
    doc = load(srt)
    assert doc.modified and doc.source_format == "srt"
    out = doc.save()
    assert out == tmp_path / "film.vtt"
    assert out.read_text(encoding="utf-8") == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej &amp; hå\n"
    )
    assert srt.read_text(encoding="utf-8").startswith("1\n")


def test_saving_through_a_symlink_replaces_the_real_file(original: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.vtt"
    link.symlink_to(original)
    doc = load(link)
    doc.set_text(0, "via länken")
    doc.save(keep_original=False)
    assert link.is_symlink()
    assert "via länken" in original.read_text(encoding="utf-8")


def test_owner_is_kept_when_root_saves_someone_elses_file(original: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    os.chown(original, 1234, 1234)
    doc = load(original)
    doc.set_text(0, "x")
    doc.save(keep_original=False)
    info = original.stat()
    assert (info.st_uid, info.st_gid) == (1234, 1234)


def test_srt_save_refuses_to_overwrite_an_unrelated_vtt(tmp_path: Path) -> None:
    srt = tmp_path / "lecture.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHej\n", encoding="utf-8")
    other = tmp_path / "lecture.vtt"
    other.write_text("WEBVTT\n\nNOTE someone else's work\n", encoding="utf-8")
    doc = load(srt)
    with pytest.raises(SaveError, match=r"lecture\.vtt already exists and is not the file you"):
        doc.save()
    assert other.read_text(encoding="utf-8") == "WEBVTT\n\nNOTE someone else's work\n"
    assert doc.modified and doc.path == srt
    # Saving to it by name is the user's choice (the window asked); then it is the file.
    assert doc.save(other) == other
    assert "Hej" in other.read_text(encoding="utf-8")
    doc.set_text(0, "Hej igen")
    assert doc.save() == other
    assert "Hej igen" in other.read_text(encoding="utf-8")


def test_sbv_save_goes_beside_it_when_the_name_is_free(tmp_path: Path) -> None:
    sbv = tmp_path / "talk.sbv"
    sbv.write_text("0:00:01.000,0:00:02.000\nHej\n", encoding="utf-8")
    doc = load(sbv)
    assert doc.save() == tmp_path / "talk.vtt"
    doc.set_text(0, "Hej då")
    assert doc.save() == tmp_path / "talk.vtt"


def test_saving_to_a_symlink_loop_is_refused_plainly(original: Path) -> None:
    loop = original.with_name("loop.vtt")
    loop.symlink_to(loop.name)
    with pytest.raises(SaveError, match="loop"):
        load(original).save(loop)
    assert loop.is_symlink() and os.readlink(loop) == loop.name


def test_saving_onto_a_pipe_or_a_device_is_refused_and_leaves_it(original: Path) -> None:
    pipe = original.with_name("pipe.vtt")
    os.mkfifo(pipe)
    device = original.with_name("device.vtt")
    device.symlink_to(os.devnull)
    doc = load(original)
    for target in (pipe, device):
        with pytest.raises(SaveError, match="not a regular file"):
            doc.save(target)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode) and device.is_symlink()
    assert sorted(p.name for p in original.parent.iterdir()) == [
        "device.vtt",
        "lecture.sv.vtt",
        "pipe.vtt",
    ]


def test_a_save_removes_the_stale_temporary_files_of_killed_saves(original: Path) -> None:
    folder = original.parent
    stale = folder / f".{original.name}.k1ll3d_x.tmp"
    fresh = folder / f".{original.name}.runnin_1.tmp"
    other = folder / ".other.vtt.k1ll3d_x.tmp"
    mine_but_not_ours = folder / f".{original.name}.notes.txt"
    for path in (stale, fresh, other, mine_but_not_ours):
        path.write_text("half a file", encoding="utf-8")
    old = stale.stat().st_mtime - saving.STALE_TEMP_SECONDS - 60
    for path in (stale, other, mine_but_not_ours):
        os.utime(path, (old, old))
    doc = load(original)
    doc.set_text(0, "hej då")
    doc.save()
    assert not stale.exists()
    assert fresh.exists() and other.exists() and mine_but_not_ours.exists()
