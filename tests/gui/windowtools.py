"""Fixtures for the window tests: a copy of the demo lecture in tmp_path, a window on it, and
a helper that answers the window's questions (message boxes) like a user would.

Import the fixtures into a test module: ``from tests.gui.windowtools import answer_fixture,
lecture_fixture, make_window_fixture``; they are named ``answer``, ``lecture``, ``make_window``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from captionreview.core.audio.analysis import (
    AudioAnalysis,
    cache_key,
    default_cache_dir,
    save_analysis,
)
from captionreview.core.journal import Journal


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key (QTest.keyClicks only knows ASCII)."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture(name="lecture")
def lecture_fixture(tmp_path: Path, demo_dir: Path, demo_analysis: AudioAnalysis | None) -> Path:
    """A copy of the demo lecture (video and auto-captions) in its own folder; returns the video."""
    folder = tmp_path / "lecture"
    folder.mkdir()
    for name in ("lecture.mp4", "lecture.sv.vtt"):
        source = demo_dir / name
        if not source.is_file():
            pytest.skip(f"demo lecture missing: {source}")
        shutil.copy(source, folder / name)
    if demo_analysis is not None:
        # The copy holds the demo's very bytes: give it the session's analysis of them, so the
        # window does not decode the same sound again in the background of every test.
        video = folder / "lecture.mp4"
        save_analysis(demo_analysis, default_cache_dir() / f"{cache_key(video)}.bin")
    return folder / "lecture.mp4"


def open_captions(make_window, tmp_path: Path, name: str, text: str):
    """Write ``text`` to ``tmp_path / name`` and open it in a new real main window (no video)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    window = make_window(tmp_path / "journal")
    assert window.open_paths([path])
    return window


@pytest.fixture(name="make_window")
def make_window_fixture(qtbot, tmp_path: Path) -> Iterator:
    """Return a factory of main windows with their own recovery journal; closes them after."""
    from captionreview.qt.app import open_window
    from captionreview.qt.mainwindow import MainWindow
    from captionreview.qt.settings import app_settings

    # Each test starts from default settings (layout, speed, recent files).
    app_settings().clear()
    windows = []

    def factory(journal_dir: Path | None = None) -> MainWindow:
        window = open_window(journal=Journal(journal_dir or tmp_path / "journal"))
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        # Window shortcuts only fire in the active window.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        return window

    yield factory
    # Not qtbot.addWidget: qtbot closes its widgets before this teardown, and closing a window
    # with unsaved changes asks a question nobody would answer.
    for window in windows:
        doc = window.document
        if doc is not None and doc.modified:
            window.set_document(None, ask=False)
        window.close()
        window.deleteLater()


class Answerer:
    """Clicks ``button`` in the next modal dialog named ``name`` and records its text."""

    def __init__(self, name: str, button: str) -> None:
        self.name = name
        self.button = button
        self.texts: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != self.name:
            return
        if isinstance(dialog, QMessageBox):
            self.texts.append(dialog.text() + "\n" + dialog.informativeText())
        for button in dialog.findChildren(QAbstractButton):
            if button.text().replace("&", "") == self.button:
                self._timer.stop()
                button.click()
                return
        names = [b.text() for b in dialog.findChildren(QAbstractButton)]
        raise AssertionError(f"no button {self.button!r} in {self.name}: {names}")

    @property
    def answered(self) -> bool:
        return bool(self.texts) and not self._timer.isActive()


@pytest.fixture(name="answer")
def answer_fixture() -> Iterator:
    """Return ``answer(dialog_name, button_text)`` that clicks the button when the dialog opens."""
    answerers: list[Answerer] = []

    def factory(name: str, button: str) -> Answerer:
        answerer = Answerer(name, button)
        answerers.append(answerer)
        return answerer

    yield factory
    for answerer in answerers:
        answerer._timer.stop()
