"""Checking a long file in two processes: ``captionreview check --format json`` on two cores.

The per-cue rules of a long file take most of the command's time (30,000 karaoke cues: about
0.9 s of 2 s), and so does writing their 230,000 findings as JSON. Both split cleanly by cue:
the findings of the whole file, in order, are those of the first half of the cues followed by
those of the second half (:func:`captionreview.core.checks.registry.cue_part`). So on a
machine with two cores a long file's second half is checked in a forked child process:

1. the child checks the per-cue rules of the second half and PUB-01 (which reads the whole
   file), and sends back the cues' keys for the file-wide rules and PUB-01's findings;
2. this process meanwhile checks the first half and the word flags (which look at the whole
   file), then the file-wide rules; it sends the child the findings among all these that
   belong to the second half;
3. the child merges them with its own, as :func:`merge_findings` does, and sends back how many
   findings of each severity it has, then their JSON text.

The output is the same, byte for byte, as checking in one process (tests/cli/test_halves.py).
Whatever goes wrong with the child (it cannot start, dies, sends nothing), this process
checks the second half itself; and the child ends when this process ends, however it ends.
The child is forked only when no other thread runs (a lock a thread holds at the fork would
stay held in the child) and only on Linux: where there is no ``fork`` (Windows) or it is
unsafe (macOS), or there is one core to run on, the file is checked in one process.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from captionreview.clitools.findings_json import FindingRows
from captionreview.core.checks.downstream import document_downstream
from captionreview.core.checks.findings import merge_findings
from captionreview.core.checks.registry import CueKey, cue_part, file_findings, in_cue_order
from captionreview.core.document import Document
from captionreview.core.model import Cue, Finding, Severity
from captionreview.core.profiles import Profile
from captionreview.core.words.language import document_language
from captionreview.core.words.spelling import join_preloads

# The size asked for the pipe the child's text comes back through (Linux allows an unprivileged
# process up to /proc/sys/fs/pipe-max-size, 1 MiB by default).
PIPE_SIZE = 1 << 20
# Where cgroup v2 says how much CPU this process may use ("quota period", or "max").
CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")
# prctl(2): the signal a process gets when its parent ends.
PR_SET_PDEATHSIG = 1
# Held back while forking (see Halves.start).
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT}
# How long to wait for the dictionaries' preload thread to end before forking.
THREAD_WAIT_S = 5.0

# A message between the processes: one byte saying what it is, eight bytes of length, then
# the bytes (pickled, except the JSON text, which is sent as UTF-8).
_HEAD = struct.Struct("<cQ")
_KEYS, _FOUND, _COUNTS, _JSON, _ERROR = b"k", b"f", b"c", b"j", b"e"


class WordFinder(Protocol):
    """What gives the word flags of a document (``WordFlags`` of the check command)."""

    def findings(self, doc: Document, language: str) -> list[Finding]:
        """Return the word flags of ``doc``."""


def can_split() -> bool:
    """Return whether a long file is checked in two processes here, now."""
    return two_cores() and _alone()


def two_cores() -> bool:
    """Return whether this is Linux with two cores or more for this process."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2 and _cpu_quota() >= 2
    except OSError:
        return False


def _cpu_quota(path: Path = CGROUP_CPU_MAX) -> float:
    """Return how many CPUs the cgroup's quota allows (cgroup v2 ``cpu.max``: "quota period",
    or "max" for none); infinity when there is no quota or it cannot be read."""
    try:
        quota, period = path.read_text(encoding="ascii").split()[:2]
        return int(quota) / int(period)
    except (OSError, ValueError, ZeroDivisionError):  # "max", no such file, no cgroup v2
        return float("inf")


def _alone() -> bool:
    """Wait a while for the dictionaries being preloaded; return whether no other thread runs."""
    join_preloads(THREAD_WAIT_S)
    return threading.active_count() == 1


@dataclass
class _Part:
    """What both processes know of the file when the child is forked."""

    doc: Document
    profile: Profile
    cues: list[Cue]
    language: str
    middle: int

    def local(self, start: int, stop: int) -> tuple[list[Finding], list[CueKey]]:
        doc = self.doc
        regions = {region.identifier for region in doc.regions}
        return cue_part(
            self.cues, self.profile, doc.header_metadata, regions, self.language, start, stop
        )

    def downstream(self) -> list[Finding]:
        """PUB-01 of the file."""
        return document_downstream(self.doc, self.profile.disabled_rules)

    def merged(
        self, local: list[Finding], wide: list[Finding], extra: list[Finding]
    ) -> list[Finding]:
        """The findings of a part, in order (as ``all_findings`` has them for the file)."""
        return merge_findings(in_cue_order(local, wide), extra, self.profile.disabled_rules)


class Halves:
    """A long file whose second half is checked in a child process (see the module)."""

    def __init__(self, part: _Part, pid: int, incoming: IO[bytes], outgoing: IO[bytes]) -> None:
        self._part = part
        self._pid: int | None = pid
        # The child's process file descriptor: a signal through it cannot reach another
        # process that has taken the child's number (when SIGCHLD is ignored, children are
        # reaped unasked).
        self._pidfd: int | None = None
        with contextlib.suppress(OSError, AttributeError):  # Linux 5.3 on
            self._pidfd = os.pidfd_open(pid)
        self._incoming = incoming
        self._outgoing: IO[bytes] | None = outgoing

    @classmethod
    def start(cls, doc: Document, profile: Profile) -> Halves | None:
        """Fork the child that checks the second half of ``doc``; None when it cannot be."""
        cues = list(doc.cues)
        part = _Part(doc, profile, cues, document_language(doc, profile.language), len(cues) // 2)
        import fcntl  # Linux only (can_split)

        made: list[int] = []
        parent = os.getpid()
        # No signal between the fork and the child's own handling of it: a Ctrl+C there would
        # unwind the child into this process's code.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
        try:
            read_back, write_back = os.pipe()
            made += (read_back, write_back)
            with contextlib.suppress(OSError):  # fewer, larger writes of the half's JSON text
                fcntl.fcntl(write_back, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
            read_found, write_found = os.pipe()
            made += (read_found, write_found)
            pid = os.fork()
        except OSError:  # out of processes or file descriptors: one process does it all
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            for fd in made:
                os.close(fd)
            return None
        if pid == 0:  # the child
            status = 1
            try:
                _end_with(parent)
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
                # Only the parent writes the output: the child's stdout is not the reader's
                # (who would otherwise wait for the child too before seeing the end).
                nowhere = os.open(os.devnull, os.O_RDWR)
                os.dup2(nowhere, 0)
                os.dup2(nowhere, 1)
                os.close(read_back)
                os.close(write_found)
                with open(write_back, "wb") as out, open(read_found, "rb") as found:
                    status = _child(part, out, found)
            finally:
                os._exit(status)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(write_back)
        os.close(read_found)
        return cls(part, pid, open(read_back, "rb"), open(write_found, "wb"))

    def rows(self, words: WordFinder | None) -> FindingRows:
        """Check the first half and the word flags here, then the file-wide rules; return all
        the findings, those of the second half to come from the child."""
        part = self._part
        doc, profile, cues, middle = part.doc, part.profile, part.cues, part.middle
        local, keys = part.local(0, middle)
        flags = [] if words is None else words.findings(doc, part.language)
        tail = _Tail(self)
        received = self._receive(_KEYS)
        if received is None:
            tail.check_here()
            later, downstream = tail.keys, part.downstream()
        else:
            later, downstream = received
        wide = file_findings(keys + later, cues, profile, doc.header_metadata)
        head_wide, tail.wide = _split(wide, middle)
        head_extra, tail.extra = _split([*downstream, *flags], middle)
        self._send_found(tail.wide, tail.extra)
        return FindingRows(part.merged(local, head_wide, head_extra), doc.cues, tail)

    def _send_found(self, wide: list[Finding], extra: list[Finding]) -> None:
        outgoing, self._outgoing = self._outgoing, None
        if outgoing is None:
            return
        try:
            with outgoing:
                _send(outgoing, _FOUND, pickle.dumps((wide, extra), pickle.HIGHEST_PROTOCOL))
        except OSError:  # the child has gone: the second half is checked here
            self.stop()

    def _receive(self, kind: bytes) -> Any:
        """Return the child's next message if it is of ``kind``, else None (and stop it)."""
        if self._pid is None:
            return None
        try:
            head = self._incoming.read(_HEAD.size)
            if len(head) == _HEAD.size:
                got, size = _HEAD.unpack(head)
                data = self._incoming.read(size)
                if got == kind and len(data) == size:
                    return data if kind == _JSON else pickle.loads(data)
        except Exception:  # a message cut short or garbled: the second half is checked here
            pass
        self.stop()
        return None

    def stop(self, *, done: bool = False) -> None:
        """Close the pipes to the child and wait for it to end: it is ending when ``done``
        (it has sent everything), else it is killed first."""
        pid, self._pid = self._pid, None
        for stream in (self._incoming, self._outgoing):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._outgoing = None
        pidfd, self._pidfd = self._pidfd, None
        if pid is None:
            return
        if not done:
            with contextlib.suppress(OSError):  # it has ended already
                if pidfd is not None:
                    signal.pidfd_send_signal(pidfd, signal.SIGKILL)
                else:
                    os.kill(pid, signal.SIGKILL)
        if pidfd is not None:
            os.close(pidfd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


class _Tail:
    """The findings of the second half: the child's, or checked here when it fails."""

    def __init__(self, halves: Halves) -> None:
        self._halves = halves
        self.wide: list[Finding] = []
        self.extra: list[Finding] = []
        self.keys: list[CueKey] = []
        self._local: list[Finding] | None = None
        self._merged: list[Finding] | None = None
        self._counts: dict[Severity, int] | None = None
        self._text: str | bytes | None = None
        # Whether the child sent the counts and the JSON text (else they were made here).
        self.delivered = False

    def check_here(self) -> None:
        """Check the second half's cues in this process."""
        if self._local is None:
            part = self._halves._part
            self._local, self.keys = part.local(part.middle, len(part.cues))

    def findings(self) -> list[Finding]:
        if self._merged is None:
            self._halves.stop()
            self.check_here()
            assert self._local is not None
            self._merged = self._halves._part.merged(self._local, self.wide, self.extra)
        return self._merged

    def _rows(self) -> FindingRows:
        return FindingRows(self.findings(), self._halves._part.cues)

    def severity_counts(self) -> dict[Severity, int]:
        if self._counts is None:
            counts = self._halves._receive(_COUNTS)
            self._counts = (
                {Severity(value): n for value, n in counts.items()}
                if isinstance(counts, dict)
                else self._rows().severity_counts()
            )
        return self._counts

    def item_text(self) -> str | bytes:
        if self._text is None:
            self._text = self._fetch()
        return self._text

    def _fetch(self) -> str | bytes:
        self.severity_counts()  # the child sends its counts first
        data = self._halves._receive(_JSON)
        if not isinstance(data, bytes):
            return "".join(self._rows().item_pieces())
        self._halves.stop(done=True)
        self.delivered = self._merged is None
        # UTF-8 as it is; a text with a lone surrogate (from a file read with errors) is
        # written as the parent's stream writes it.
        text = data[1:]
        return text if data[:1] == b"u" else text.decode("utf-8", "surrogatepass")


def _split(findings: Sequence[Finding], middle: int) -> tuple[list[Finding], list[Finding]]:
    """Return the findings about the file or a cue before ``middle``, and the others."""
    head: list[Finding] = []
    tail: list[Finding] = []
    for finding in findings:
        index = finding.cue_index
        (head if index is None or index < middle else tail).append(finding)
    return head, tail


def _send(out: IO[bytes], kind: bytes, data: bytes) -> None:
    out.write(_HEAD.pack(kind, len(data)))
    out.write(data)
    out.flush()


def _end_with(parent: int) -> None:
    """Have the kernel end this process (the child) when its parent ends, however it ends."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it ended before that was set
        os._exit(1)


def _child(part: _Part, out: IO[bytes], found: IO[bytes]) -> int:
    """Check the second half of the cues (in the forked child); return the exit status."""
    try:
        local, keys = part.local(part.middle, len(part.cues))
        downstream = part.downstream()
        _send(out, _KEYS, pickle.dumps((keys, downstream), pickle.HIGHEST_PROTOCOL))
        head = found.read(_HEAD.size)
        kind, size = _HEAD.unpack(head)
        if kind != _FOUND:
            return 1
        wide, extra = pickle.loads(found.read(size))
        rows = FindingRows(part.merged(local, wide, extra), part.cues)
        counts = {severity.value: n for severity, n in rows.severity_counts().items()}
        _send(out, _COUNTS, pickle.dumps(counts, pickle.HIGHEST_PROTOCOL))
        text = "".join(rows.item_pieces())
        try:
            data = b"u" + text.encode("utf-8")
        except UnicodeEncodeError:
            data = b"s" + text.encode("utf-8", "surrogatepass")
        _send(out, _JSON, data)
    except Exception as error:  # the parent checks the half itself
        with contextlib.suppress(OSError):
            _send(out, _ERROR, repr(error).encode("utf-8", "replace"))
        return 1
    return 0
