"""Slow work off the UI thread, with progress and cancel: one helper for every feature.

A :class:`BackgroundWork` runs one job at a time in its own worker thread; starting a job
calls off the one before (its result is dropped), and ``cancel()`` calls off the current one.
The job is a plain function of a :class:`Progress`, through which it reports how far it is
and asks, between steps, whether to go on. Results, failures and progress arrive in the UI
thread, for the current job only.

Pure-Python work in a worker thread competes with the UI thread for the interpreter lock: a
thread that never lets go keeps a repaint (which calls into Python thousands of times) waiting
5 ms at each call. So a job paces itself through ``Progress.step()``: it hands the lock over
after every step, sleeps ``PAUSE_S`` every ``STEP`` steps, and waits while the user types
(``Pacer.typing()``), which several workers of one feature can share.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

T = TypeVar("T")

STEP = 250
PAUSE_S = 0.005
TYPING_PAUSE_S = 0.3
_TYPING_POLL_S = 0.02


class Pacer:
    """What workers share with the UI thread: whether their owner is gone for good, and until
    when the user is typing (the workers wait meanwhile). Safe to use from any thread."""

    def __init__(self) -> None:
        self.closed = threading.Event()
        self.typing_until = 0.0

    def typing(self) -> None:
        """Note a keystroke (UI thread): the workers wait until ``TYPING_PAUSE_S`` after it."""
        self.typing_until = time.monotonic() + TYPING_PAUSE_S


class Progress:
    """Given to a job in its worker thread: pace, report, and learn when to stop."""

    def __init__(
        self, cancel: threading.Event, pacer: Pacer, report: Callable[[int, int], None]
    ) -> None:
        self._cancel = cancel
        self._pacer = pacer
        self._report = report

    @property
    def stopped(self) -> bool:
        """True once the job is called off or its owner is gone: return soon."""
        return self._cancel.is_set() or self._pacer.closed.is_set()

    def step(self, count: int) -> bool:
        """Call after step ``count`` of the job: gives the UI thread the interpreter, waits
        while the user types; return True when the job should stop."""
        # sleep(0) hands the interpreter lock over at once, not after the 5 ms switch interval.
        time.sleep(PAUSE_S if count % STEP == 0 else 0)
        while time.monotonic() < self._pacer.typing_until and not self.stopped:
            time.sleep(_TYPING_POLL_S)
        return self.stopped

    def pause(self) -> bool:
        """A longer breath (``PAUSE_S``) for a job that checks in every ``STEP`` units of work
        only; return True when the job should stop."""
        return self.step(0)

    def report(self, done: int, total: int) -> None:
        """Say that ``done`` of ``total`` units are finished (shown in the UI thread)."""
        self._report(done, total)

    def fraction(self, done: float) -> bool:
        """Report a fraction from 0 to 1; return True to go on (for callbacks that work so)."""
        self._report(round(1000 * min(1.0, max(0.0, done))), 1000)
        return not self.stopped


class _Relay(QObject):
    """Lives in the UI thread; the worker emits through it (queued to the UI thread)."""

    progress = Signal(int, int, int)  # generation, done, total
    finished = Signal(int, object)  # generation, result
    failed = Signal(int, object)  # generation, exception


class _Task(QRunnable):
    def __init__(
        self,
        generation: int,
        job: Callable[[Progress], object],
        relay: _Relay,
        cancel: threading.Event,
        pacer: Pacer,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.job = job
        self.relay = relay
        self.cancel = cancel
        self.progress = Progress(cancel, pacer, self._report)

    def _report(self, done: int, total: int) -> None:
        _emit(self.relay.progress, self.generation, done, total)

    def run(self) -> None:
        try:
            result = self.job(self.progress)
        except Exception as exc:  # handed to the owner in the UI thread; the app goes on
            if not self.progress.stopped:
                _emit(self.relay.failed, self.generation, exc)
            return
        if not self.progress.stopped:
            _emit(self.relay.finished, self.generation, result)


def _emit(signal: Any, *args: object) -> None:
    # The owner may be deleted with its window while the worker finishes its step.
    with contextlib.suppress(RuntimeError):
        signal.emit(*args)


class BackgroundWork(QObject):
    """Runs one job at a time in a worker thread; see the module docstring.

    ``progress(done, total)`` is emitted in the UI thread for the current job. ``pacer`` may
    be shared with other ``BackgroundWork`` objects of the same owner.
    """

    progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None, pacer: Pacer | None = None) -> None:
        super().__init__(parent)
        self.pacer = pacer if pacer is not None else Pacer()
        # The pool is made before the relay, so it is destroyed (waiting for a running job,
        # which stops at once as the owner is closed) before the object the job reports to.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._generation = 0
        self._cancel = threading.Event()
        self._done: Callable[[Any], None] | None = None
        self._on_error: Callable[[Exception], None] | None = None
        self._running = False
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._start_now)
        self._queued: _Task | None = None
        # Not bound methods of self: these run while the C++ object is being destroyed.
        self.destroyed.connect(self.pacer.closed.set)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.pacer.closed.set)

    def start(
        self,
        job: Callable[[Progress], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
        *,
        delay_ms: int = 0,
    ) -> None:
        """Run ``job`` in the worker thread, calling off the current job; then ``done(result)``
        (or ``failed(exception)``; without it the exception goes to ``sys.excepthook``) in the
        UI thread. ``delay_ms`` starts it a moment later (the window paints a new file first)."""
        self.cancel()
        self._done = done
        self._on_error = failed
        self._running = True
        self._queued = _Task(self._generation, job, self._relay, self._cancel, self.pacer)
        if delay_ms > 0:
            self._delay.start(delay_ms)
        else:
            self._start_now()

    def _start_now(self) -> None:
        self._delay.stop()
        task, self._queued = self._queued, None
        if task is not None and not task.progress.stopped:
            self._pool.start(task)

    def cancel(self) -> None:
        """Call off the current job: it stops at its next step and its result is dropped."""
        self._delay.stop()
        self._queued = None
        self._cancel.set()
        self._cancel = threading.Event()
        self._generation += 1
        self._running = False

    def is_running(self) -> bool:
        """True from ``start`` until the job's result or failure arrived (or it was called off)."""
        return self._running

    def wait(self, msecs: int = -1) -> bool:
        """Start a delayed job now and wait for the worker (for scripts, tests and closing);
        False when it did not finish in ``msecs`` (-1: no limit). The result still arrives
        through the event loop."""
        self._start_now()
        return self._pool.waitForDone(msecs)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress.emit(done, total)

    def _on_finished(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self._running = False
        if self._done is not None:
            self._done(result)

    def _on_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._running = False
        if self._on_error is None:
            raise exc  # a bug in the job: to sys.excepthook, like one in a slot
        self._on_error(exc)
