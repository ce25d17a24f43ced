"""The one background-work helper: results, progress, cancel, failures and pacing."""

from __future__ import annotations

import gc
import threading
import time

import pytest
from PySide6.QtCore import QObject

from captionreview.qt.background import (
    TYPING_PAUSE_S,
    BackgroundWork,
    GarbageCollector,
    Pacer,
    Progress,
)

pytestmark = pytest.mark.gui


def counting(total: int, seen: list[int] | None = None):
    """A job that counts to ``total`` in steps, reporting each, and returns the count."""

    def job(progress: Progress) -> int:
        for n in range(1, total + 1):
            if progress.step(n):
                return -1
            progress.report(n, total)
            if seen is not None:
                seen.append(n)
        return total

    return job


def test_a_job_runs_in_another_thread_and_its_result_arrives_in_this_one(qtbot) -> None:
    work = BackgroundWork()
    here = threading.get_ident()
    ran_in: list[int] = []
    got: list[tuple[int, int]] = []

    def job(progress: Progress) -> int:
        ran_in.append(threading.get_ident())
        return 42

    work.start(job, lambda result: got.append((result, threading.get_ident())))
    assert work.is_running()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(42, here)] and ran_in and ran_in[0] != here
    assert not work.is_running()


def test_progress_of_the_current_job_is_reported(qtbot) -> None:
    work = BackgroundWork()
    reports: list[tuple[int, int]] = []
    work.progress.connect(lambda done, total: reports.append((done, total)))
    results: list[int] = []
    work.start(counting(5), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [5] and reports[-1] == (5, 5) and len(reports) == 5


def test_a_new_start_calls_off_the_running_job_and_drops_its_result(qtbot) -> None:
    work = BackgroundWork()
    release = threading.Event()
    results: list[str] = []

    def slow(progress: Progress) -> str:
        while not release.is_set():
            if progress.step(1):
                return "stopped"
        return "slow"

    work.start(slow, results.append)
    work.start(lambda _progress: "fast", results.append)
    release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert work.wait(5000)
    qtbot.wait(50)
    assert results == ["fast"]


def test_cancel_stops_the_job_at_its_next_step(qtbot) -> None:
    work = BackgroundWork()
    seen: list[int] = []
    results: list[int] = []
    work.start(counting(10**9, seen), results.append)
    qtbot.waitUntil(lambda: len(seen) > 10, timeout=5000)
    work.cancel()
    assert work.wait(5000)
    qtbot.wait(50)
    assert results == [] and not work.is_running()


def test_a_failing_job_reports_its_exception(qtbot) -> None:
    work = BackgroundWork()
    errors: list[Exception] = []

    def broken(_progress: Progress) -> None:
        raise ValueError("no sound")

    work.start(broken, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "no sound"


def test_workers_wait_while_the_user_types(qtbot) -> None:
    pacer = Pacer()
    work = BackgroundWork(pacer=pacer)
    finished: list[float] = []
    pacer.typing()
    typed_at = time.monotonic()
    work.start(counting(3), lambda _r: finished.append(time.monotonic()))
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert finished[0] - typed_at >= TYPING_PAUSE_S * 0.9


def test_a_delayed_job_starts_later_or_when_waited_for(qtbot) -> None:
    work = BackgroundWork()
    results: list[int] = []
    work.start(lambda _p: 7, results.append, delay_ms=10_000)
    qtbot.wait(100)
    assert results == []
    assert work.wait(5000)
    qtbot.waitUntil(lambda: results == [7], timeout=5000)


def test_destroying_the_owner_stops_a_running_job(qtbot) -> None:
    owner = QObject()
    work = BackgroundWork(owner)
    seen: list[int] = []
    work.start(counting(10**9, seen), lambda _r: None)
    qtbot.waitUntil(lambda: len(seen) > 10, timeout=5000)
    with qtbot.waitSignal(owner.destroyed, timeout=5000):
        owner.deleteLater()
    stopped_at = len(seen)
    time.sleep(0.1)
    assert len(seen) == stopped_at  # the pool waited for the job, which stopped


class _Node:
    """A link of a reference cycle: only the cyclic garbage collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_garbage_is_collected_in_the_ui_thread_never_in_a_worker(qtbot) -> None:
    # A worker that makes cyclic garbage would trip the collector in its own thread, and a
    # cycle holding a widget of a closed window would then be destroyed in the wrong thread.
    here = threading.get_ident()
    collected_in: list[int] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collected_in.append(threading.get_ident())

    def litter(progress: Progress) -> int:
        for n in range(1, 200_001):
            _Node()
            if n % 1000 == 0 and progress.step(n):
                return -1
        return 0

    work = BackgroundWork()
    results: list[int] = []
    gc.callbacks.append(note)
    try:
        work.start(litter, results.append)
        qtbot.waitUntil(lambda: results == [0], timeout=20000)
        qtbot.wait(2 * GarbageCollector.INTERVAL_MS)
    finally:
        gc.callbacks.remove(note)
    assert collected_in, "nothing was collected at all"
    assert set(collected_in) == {here}
    assert not gc.isenabled()  # automatic collection stays off while the application runs


def test_a_part_handed_over_arrives_in_this_thread_before_the_result_and_a_stale_one_not(
    qtbot,
) -> None:
    work = BackgroundWork()
    here = threading.get_ident()
    parts: list[tuple[str, int]] = []
    work.partial.connect(lambda part: parts.append((part, threading.get_ident())))
    stale_handed, go_on = threading.Event(), threading.Event()

    def stale(progress: Progress) -> str:
        go_on.wait(5)
        progress.partial("stale")  # called off meanwhile: dropped
        stale_handed.set()
        return "stale result"

    def current(progress: Progress) -> str:
        progress.partial("first part")
        return "whole"

    work.start(stale, lambda _result: None)
    work.cancel()
    go_on.set()
    assert stale_handed.wait(5)
    results: list[str] = []
    work.start(current, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert parts == [("first part", here)]
    assert results == ["whole"]
