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

Python's cyclic garbage collector runs in whichever thread happens to allocate past its
threshold, worker threads included. A cycle can hold Qt objects of the UI thread (a closed
window's widgets, a cached QTextDocument); collected in a worker they are destroyed there, in
the wrong thread, while the UI thread may be using what they share. So the first
``BackgroundWork`` hands collection to a :class:`GarbageCollector` in the UI thread.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

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
        self,
        cancel: threading.Event,
        pacer: Pacer,
        report: Callable[[int, int], None],
        hand_over: Callable[[object], None] | None = None,
    ) -> None:
        self._cancel = cancel
        self._pacer = pacer
        self._report = report
        self._hand_over = hand_over

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

    def partial(self, result: object) -> None:
        """Hand a first part of the result to the UI thread (``BackgroundWork.partial``) while
        the job goes on; dropped when the job is called off."""
        if self._hand_over is not None and not self.stopped:
            self._hand_over(result)


class _Relay(QObject):
    """Lives in the UI thread; the worker emits through it (queued to the UI thread)."""

    progress = Signal(int, int, int)  # generation, done, total
    finished = Signal(int, object)  # generation, result
    partial = Signal(int, object)  # generation, part of the result
    failed = Signal(int, object)  # generation, exception


def _task(
    generation: int,
    job: Callable[[Progress], object],
    relay: _Relay,
    cancel: threading.Event,
    pacer: Pacer,
) -> tuple[Callable[[], None], Progress]:
    """The callable the pool runs for one job, and the job's progress.

    A plain function, not a QRunnable subclass: the pool then never deletes a Python-made Qt
    object in the worker thread, and nothing here forms a reference cycle, so what a job holds
    dies by reference count where it ends, never in a garbage collection in the UI thread
    while a worker runs.
    """
    progress = Progress(
        cancel,
        pacer,
        functools.partial(_emit, relay.progress, generation),
        functools.partial(_emit, relay.partial, generation),
    )

    def run() -> None:
        try:
            result = job(progress)
        except Exception as exc:  # handed to the owner in the UI thread; the app goes on
            if not progress.stopped:
                _emit(relay.failed, generation, exc)
            return
        if not progress.stopped:
            _emit(relay.finished, generation, result)

    return run, progress


def _emit(signal: Any, *args: object) -> None:
    # The owner may be deleted with its window while the worker finishes its step.
    with contextlib.suppress(RuntimeError):
        signal.emit(*args)


class GarbageCollector(QObject):
    """Runs Python's cyclic garbage collection in the UI thread only (see the module docstring).

    Automatic collection is switched off; a timer in the UI thread collects the oldest
    generation whose count has passed its threshold, as the collector itself would.
    """

    INTERVAL_MS = 500

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("garbageCollector")
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(self.INTERVAL_MS)
        # Not a bound method of self: it runs while the C++ object is being destroyed.
        self.destroyed.connect(_enable_gc)

    def collect(self) -> None:
        """Collect the oldest generation that is due (UI thread)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    @staticmethod
    def install() -> None:
        """Pin collection to the UI thread once per application (no application: nothing)."""
        app = QCoreApplication.instance()
        if app is not None and app.findChild(GarbageCollector, "garbageCollector") is None:
            GarbageCollector(app)


def _enable_gc(*_: object) -> None:
    gc.enable()


class BackgroundWork(QObject):
    """Runs one job at a time in a worker thread; see the module docstring.

    ``progress(done, total)`` and ``partial(part)`` (what the job handed over with
    ``Progress.partial`` before its end) are emitted in the UI thread for the current job.
    ``pacer`` may be shared with other ``BackgroundWork`` objects of the same owner.
    """

    progress = Signal(int, int)
    partial = Signal(object)

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
        self._relay.partial.connect(self._on_partial)
        self._relay.failed.connect(self._on_failed)
        self._generation = 0
        self._cancel = threading.Event()
        self._done: Callable[[Any], None] | None = None
        self._on_error: Callable[[Exception], None] | None = None
        self._running = False
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._start_now)
        self._queued: tuple[Callable[[], None], Progress] | None = None
        # Not bound methods of self: these run while the C++ object is being destroyed.
        self.destroyed.connect(self.pacer.closed.set)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.pacer.closed.set)
        GarbageCollector.install()

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
        self._queued = _task(self._generation, job, self._relay, self._cancel, self.pacer)
        if delay_ms > 0:
            self._delay.start(delay_ms)
        else:
            self._start_now()

    def _start_now(self) -> None:
        self._delay.stop()
        queued, self._queued = self._queued, None
        if queued is not None and not queued[1].stopped:
            self._pool.start(queued[0])

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

    def _on_partial(self, generation: int, part: object) -> None:
        if generation == self._generation:
            self.partial.emit(part)

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
