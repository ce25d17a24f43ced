"""A long file checked in two processes (``clitools/halves.py``) gives the output of one.

The forks run in a fresh Python process (``DRIVER``), as the command's own: the test process
may have threads of its own (a fork copies none of them, and a lock one holds stays held).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionreview.clitools.findings_json import FindingRows
from captionreview.clitools.halves import can_split, two_cores
from captionreview.core.model import Cue, Finding, Severity
from tests.bench.bench_core import make_file
from tests.cli.test_findings_json import findings as any_finding
from tests.conftest import CORPUS, DEMO_DIR, REPRO, ROOT

# Checks each file in one process and then in two (split from 2 cues on), writes both as the
# command does (the second through a UTF-8 stream over bytes, as stdout is), and prints for
# each file whether the texts are the same and whether the child sent its half. With "dies N",
# the child ends after sending N messages, with "cuts N" halfway through message N: the parent
# must make the rest itself.
DRIVER = """
import io, json, os, sys
from pathlib import Path
from captionreview.clitools import halves
from captionreview.clitools.check import WordFlags, check_file, write_json
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.words.spelling import preload

mode, files = sys.argv[1], sys.argv[2:]
if mode != "whole":
    how, limit = mode.split()[0], int(mode.split()[1])
    real = halves._child

    class Dying:
        # _send() writes a message's head, then its data, then flushes.
        def __init__(self, out):
            self.out, self.writes = out, 0
        def write(self, data):
            message, is_data = divmod(self.writes, 2)
            self.writes += 1
            if message == limit and (how == "dies" or is_data):
                if how == "cuts":
                    self.out.write(data[: len(data) // 2])
                    self.out.flush()
                os._exit(1)
            self.out.write(data)
        def flush(self):
            self.out.flush()

    halves._child = lambda part, out, found: real(part, Dying(out), found)
words = WordFlags.create(None)
preload(["sv"])  # as the command does: a preload running at the fork is waited for
report = []
for name in files:
    path = Path(name)
    one = io.StringIO()
    write_json([check_file(path, DEFAULT_PROFILE, words)], one)
    result = check_file(path, DEFAULT_PROFILE, words, split=2)
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    write_json([result], stream)
    stream.flush()
    tail = getattr(result.get("findings"), "tail", None)
    report.append({
        "file": name,
        "same": stream.buffer.getvalue().decode("utf-8") == one.getvalue(),
        "split": tail is not None,
        "delivered": bool(tail and tail.delivered),
        "cues": len(result["cues"].cues),
    })
print(json.dumps(report))
"""


def run_driver(mode: str, files: list[Path]) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, mode, *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report: list[dict[str, object]] = json.loads(done.stdout)
    return report


# Not can_split(): this test process may have threads of its own; the forks run in fresh ones.
needs_fork = pytest.mark.skipif(not two_cores(), reason="two processes only on Linux, two cores")


def corpus_files() -> list[Path]:
    folders = [folder for folder in (CORPUS, REPRO) if folder.is_dir()]
    return sorted(
        p for folder in folders for p in folder.rglob("*") if p.suffix in {".vtt", ".srt"}
    )


@needs_fork
def test_every_file_gives_the_same_json_in_two_processes_as_in_one(tmp_path: Path) -> None:
    karaoke = tmp_path / "karaoke.sv.vtt"
    make_file(karaoke, 600)
    files = [DEMO_DIR / "lecture.sv.vtt", karaoke, *corpus_files()]
    report = run_driver("whole", files)
    assert [r["file"] for r in report] == list(map(str, files))
    assert [r["file"] for r in report if not r["same"]] == []
    # Every readable file of two cues or more went through the child, which sent its half.
    long = [r for r in report if int(str(r["cues"])) >= 2]
    assert len(long) > 50 if CORPUS.is_dir() else len(long) == 2
    assert [r["file"] for r in long if not (r["split"] and r["delivered"])] == []


@needs_fork
@pytest.mark.parametrize("how", ["dies", "cuts"])
@pytest.mark.parametrize("message", [0, 1, 2])
def test_a_child_that_dies_leaves_the_parent_to_check_its_half(
    tmp_path: Path, how: str, message: int
) -> None:
    # Message 0: the keys; 1: the counts; 2: the JSON text.
    karaoke = tmp_path / "karaoke.sv.vtt"
    make_file(karaoke, 600)
    files = [DEMO_DIR / "lecture.sv.vtt", karaoke]
    report = run_driver(f"{how} {message}", files)
    assert [(r["same"], r["split"], r["delivered"]) for r in report] == [(True, True, False)] * 2


@needs_fork
def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert not can_split()
    finally:
        stop.set()
        thread.join()


class _Tail:
    """The second half's findings, as the child would send them."""

    def __init__(self, found: list[Finding], cues: list[Cue], as_bytes: bool) -> None:
        self.found, self.cues, self.as_bytes = found, cues, as_bytes

    def findings(self) -> list[Finding]:
        return self.found

    def severity_counts(self) -> dict[Severity, int]:
        return dict(Counter(f.severity for f in self.found))

    def item_text(self) -> str | bytes:
        text = "".join(FindingRows(self.found, self.cues).item_pieces())
        if self.as_bytes:
            try:
                return text.encode("utf-8")
            except UnicodeEncodeError:  # the child sends a text with a lone surrogate as text
                pass
        return text


CUES = [Cue(0, 1500, "Hej"), Cue(2000, 4000, "på dig")]


@settings(max_examples=200, deadline=None)
@given(st.lists(any_finding, max_size=8), st.integers(0, 8), st.booleans())
def test_findings_with_a_tail_are_written_as_all_of_them_at_once(
    found: list[Finding], at: int, as_bytes: bool
) -> None:
    whole = FindingRows(found, CUES)
    split = FindingRows(found[:at], CUES, _Tail(found[at:], CUES, as_bytes))
    assert split.json() == whole.json()
    assert split.rows() == whole.rows()
    assert split.severity_counts() == whole.severity_counts()
    for stream in (io.StringIO(), io.TextIOWrapper(io.BytesIO(), encoding="utf-8")):
        split = FindingRows(found[:at], CUES, _Tail(found[at:], CUES, as_bytes))
        split.write(stream)
        stream.flush()
        written = (
            stream.buffer.getvalue().decode("utf-8")
            if isinstance(stream, io.TextIOWrapper)
            else stream.getvalue()
        )
        assert written == whole.json()


@needs_fork
def test_long_files_one_after_another_each_give_their_own_findings(tmp_path: Path) -> None:
    # The command as a user runs it, on two files long enough to be split: each file's child
    # ends before the next one's starts, and the JSON holds each file's findings in full.
    from captionreview.clitools.check import SPLIT_MIN_CUES, WordFlags, check_file, write_json
    from captionreview.core.profiles import DEFAULT_PROFILE

    paths = [tmp_path / "first.sv.vtt", tmp_path / "second.sv.vtt"]
    make_file(paths[0], SPLIT_MIN_CUES)
    make_file(paths[1], SPLIT_MIN_CUES + 7)
    done = subprocess.run(
        [sys.executable, "-m", "captionreview", "check", "--format", "json", *map(str, paths)],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # errors found, none unreadable
    words = WordFlags.create(None)
    assert isinstance(words, WordFlags)
    results = [check_file(path, DEFAULT_PROFILE, words) for path in paths]
    for result in results:
        result["audio"] = None  # as the command adds it, without --video
    one = io.StringIO()
    write_json(results, one)
    assert done.stdout.decode("utf-8") == one.getvalue()


@pytest.mark.parametrize(
    ("text", "cpus"),
    [("max 100000\n", float("inf")), ("150000 100000\n", 1.5), ("200000 100000", 2.0), ("", None)],
)
def test_a_cgroup_cpu_quota_under_two_cpus_keeps_one_process(
    tmp_path: Path, text: str, cpus: float | None
) -> None:
    from captionreview.clitools.halves import _cpu_quota

    path = tmp_path / "cpu.max"
    path.write_text(text, encoding="ascii")
    assert _cpu_quota(path) == (float("inf") if cpus is None else cpus)
    assert _cpu_quota(tmp_path / "missing") == float("inf")


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    except OSError:
        return []
    return [int(part) for part in text.split()]


_LISTS_CHILDREN = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@needs_fork
@pytest.mark.skipif(not _LISTS_CHILDREN, reason="this kernel does not list a process's children")
def test_the_child_ends_with_the_command_when_the_command_is_killed(tmp_path: Path) -> None:
    # SIGKILL to the command alone (not its process group): the child must not go on.
    import signal
    import time

    from captionreview.clitools.check import SPLIT_MIN_CUES

    path = tmp_path / "long.sv.vtt"
    make_file(path, 4 * SPLIT_MIN_CUES)  # the child's half takes it half a second or more
    command = subprocess.Popen(
        [sys.executable, "-m", "captionreview", "check", "--format", "json", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 30
        children: list[int] = []
        while not children and time.monotonic() < deadline and command.poll() is None:
            children = _children(command.pid)
            time.sleep(0.01)
        assert children, "the command ended or forked no child"
        os.kill(command.pid, signal.SIGKILL)
        command.wait(timeout=10)
        # Within a moment: not when its checks are done and it finds no one to send them to.
        deadline = time.monotonic() + 0.3
        while any(map(_running, children)) and time.monotonic() < deadline:
            time.sleep(0.005)
        assert not any(map(_running, children))
    finally:
        if command.poll() is None:
            command.kill()
            command.wait()
