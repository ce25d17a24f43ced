"""Guard against the PySide6 6.12.0 regression that made CPython 3.11 abort.

That release dropped a reference to ``True`` on every ``Signal.emit()`` and one to ``None`` on
every call of a Qt method returning nothing; after a few thousand calls the interpreter freed
the singletons ("Fatal Python error: bool_dealloc"). pyproject.toml keeps PySide6 below 6.12;
this test fails if an installed PySide6 leaks again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class _Emitter(QObject):
    fired = Signal(int)


def test_signals_and_void_calls_keep_singleton_refcounts(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(500):
        widget.update()
        emitter.fired.emit(i)
    assert len(received) == 500
    # A few references come and go with the loop itself; a leak loses one per call (500).
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
