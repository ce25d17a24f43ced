"""What every subcommand needs around its output: a stdout that never raises on characters
the terminal's encoding lacks, a quiet end when the reader of a pipe goes away, an end of the
process that does not free what it made, and the checks on a file to write are
``captionreview.core.report.unusable_target``.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable
from typing import NoReturn

STDOUT_NAME = "-"

# C0 and C1 controls (ESC starts the terminal's escape sequences: clear screen, window title)
# and the bidirectional overrides that reorder what a terminal shows.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """Return ``text`` with control characters as visible escapes (``\\x1b``), for a terminal."""
    return _CONTROLS.sub(lambda m: ascii(m.group(0))[1:-1], str(text))


def prepare_streams() -> None:
    """Make stdout and stderr write characters their encoding lacks as escapes, not raise."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def quiet_broken_pipe() -> None:
    """Point stdout at /dev/null after the reader of a pipe has gone (``check … | head``).

    Python flushes stdout once more at exit; without this that flush raises again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def run_guarded(body: Callable[[list[int]], None], status: list[int]) -> int:
    """Run ``body(status)`` and return ``status[0]``, ending quietly on a broken pipe.

    ``body`` keeps the exit status it has computed so far in ``status[0]``; when the reader
    of stdout goes away that status is returned, without a traceback.
    """
    prepare_streams()
    try:
        body(status)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_broken_pipe()
    return status[0]


# What a command made and keeps to the end (see hold_until_exit).
_held: list[object] = []


def hold_until_exit(value: object) -> None:
    """Keep ``value`` to the end of the command: the process then ends without freeing it
    (:func:`exit_without_freeing`), which for the 230,000 findings of 30,000 karaoke cues takes
    a tenth of a second; an in-process caller gets it freed by :func:`let_go`."""
    _held.append(value)


def let_go() -> None:
    """Free what :func:`hold_until_exit` kept (the caller goes on running)."""
    _held.clear()


def exit_without_freeing(status: int) -> NoReturn:
    """End the process with ``status`` once stdout and stderr are written, without freeing its
    objects one by one at exit (the system takes the memory back at once).

    Only for the headless commands, which start no exit handlers, and whose threads (the
    Hunspell preload) need no end. A stream that cannot be written ends through Python's own
    exit, which reports it as usual.
    """
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(status)
    os._exit(status)
