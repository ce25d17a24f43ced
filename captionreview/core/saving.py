"""Atomic saving: write a temporary file beside the target, fsync, rename over it.

A failure at any point leaves the old file exactly as it was and raises :class:`SaveError`
with a plain message that says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from pathlib import Path

from captionreview.core.errors import SaveError
from captionreview.core.i18n import N_, _

_REASONS = {
    errno.ENOSPC: N_("the disk is full: free some space and save again"),
    errno.EDQUOT: N_("your disk quota is used up: free some space and save again"),
    errno.EACCES: N_("you may not write in the folder {folder}: save somewhere else"),
    errno.EPERM: N_("you may not write in the folder {folder}: save somewhere else"),
    errno.EROFS: N_("the folder {folder} is on a read-only disk: save somewhere else"),
    errno.ENOENT: N_("the folder {folder} does not exist: choose another folder"),
    errno.ENOTDIR: N_("{folder} is not a folder: choose another place to save"),
    errno.EISDIR: N_("{name} is a folder: choose a file name"),
    errno.ELOOP: N_("{name} is a symbolic link that leads round in a loop: choose a file name"),
}
_NOT_A_FILE = N_("{name} is not a regular file (a device or a pipe): choose a file name")
# A save killed between writing and renaming leaves its temporary file behind; the next save
# of the same file removes those (only this pattern, only when older than this).
STALE_TEMP_SECONDS = 600


def _message(error: OSError, target: Path) -> str:
    reason = _REASONS.get(error.errno or 0)
    if reason is None:
        reason = f"{error.strerror or error}"
    text = _(reason).format(folder=target.parent, name=target.name)
    return _("could not save {name}: {text} (the old file is unchanged)").format(
        name=target.name, text=text
    )


def atomic_write(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``target`` with ``data`` atomically, keeping its permissions.

    A new file gets ``mode`` when given (set before it appears under its name, so a private
    file is never readable by others even for a moment), else the default of the umask.
    Raises SaveError with a plain message; ``target`` is then untouched.
    """
    new_mode = mode
    target = Path(target)
    tmp_name: str | None = None
    try:
        if target.is_symlink():
            # Replace the file the link points to, not the link itself.
            target = _link_target(target)
        folder = target.parent
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
        try:
            old = target.stat()
        except FileNotFoundError:
            old = None
        if old is not None and not stat.S_ISREG(old.st_mode):
            # Renaming over a pipe or a device would replace it with a plain file.
            raise SaveError(
                _("could not save {name}: {text} (the old file is unchanged)").format(
                    name=target.name, text=_(_NOT_A_FILE).format(name=target.name)
                ),
                path=target,
            )
        _remove_stale_temps(target)
        mode = stat.S_IMODE(old.st_mode) if old is not None else new_mode
        import tempfile  # only when saving: not on the start-up path of ``check``

        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp_name, mode)
        if old is not None and hasattr(os, "chown"):
            # Keep the owner too (matters when an administrator saves someone's file).
            with contextlib.suppress(OSError):
                os.chown(tmp_name, old.st_uid, old.st_gid)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as error:
        raise SaveError(_message(error, target), path=target) from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _link_target(link: Path) -> Path:
    """Return the file a symbolic link leads to (its final name even when that does not exist
    yet); raises OSError for a loop."""
    try:
        return Path(os.path.realpath(link, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(link))


def _remove_stale_temps(target: Path) -> None:
    """Remove the temporary files of earlier saves of ``target`` that were killed midway.

    Only names of the form ``mkstemp`` gives our own (``.NAME.xxxxxxxx.tmp``), only regular
    files, and only when older than :data:`STALE_TEMP_SECONDS` (a save running right now in
    another window keeps its file).
    """
    pattern = re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}\.tmp")
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_SECONDS:
                os.unlink(entry.path)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (not possible on every platform, hence best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def original_copy_path(path: Path) -> Path:
    """Return where the original of ``path`` is kept: ``x.sv.vtt`` -> ``x.sv.orig.vtt``."""
    return path.with_name(f"{path.stem}.orig{path.suffix}")


def keep_original(path: Path) -> Path | None:
    """Copy ``path`` to its ``.orig`` name unless that exists; return the copy's path.

    Returns None when there is nothing to keep (no file yet, or a copy already exists).
    Raises SaveError when the copy cannot be written.
    """
    copy = original_copy_path(path)
    if copy.exists() or not path.is_file():
        return None
    try:
        data = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as error:
        raise SaveError(_message(error, copy), path=copy) from error
    # The copy is as private as the original (a 0640 file must not get a 0644 copy).
    atomic_write(copy, data, mode=mode)
    return copy


def absolute_path(path: Path | str) -> Path:
    """Return ``path`` absolute (``~`` expanded, symlinks kept as named)."""
    return Path(path).expanduser().absolute()


def save_target(path: Path | str | None, current: Path | None, source_format: str) -> Path:
    """Return where a document read from ``current`` (as ``source_format``) saves to.

    ``path`` names the target explicitly; otherwise a WebVTT file goes back to ``current``
    and an SRT or SBV file to ``name.vtt`` beside it, never over an existing one.
    Raises SaveError when there is no file name yet or ``name.vtt`` already exists.
    """
    if path is not None:
        return absolute_path(path)
    if current is None:
        raise SaveError(_("the document has no file name yet: choose where to save it"))
    if source_format != "vtt":
        beside = current.with_suffix(".vtt")
        if beside.exists() or beside.is_symlink():
            # Not the file the user opened: overwriting it silently could destroy
            # someone else's work. An explicit save(path) is the user's choice.
            raise SaveError(
                _(
                    "{name} already exists and is not the file you opened; choose "
                    "another name or save to it explicitly"
                ).format(name=beside.name),
                path=beside,
            )
        return beside
    return current
