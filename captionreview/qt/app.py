"""Start the window: ``captionreview [VIDEO] [CAPTIONS]``; with no files, the demo lecture."""

from __future__ import annotations

import importlib.util
import os
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from captionreview.core.journal import Journal
    from captionreview.qt.host import Host
    from captionreview.qt.mainwindow import MainWindow

T = TypeVar("T")
NO_DISPLAY_MESSAGE = (
    "captionreview: no display found — run it on a desktop, or under xvfb-run; "
    "for headless work use 'captionreview check|clean|report'"
)


def assets_dir() -> Path:
    """The bundled files (the demo lecture, the icon): the installed ``captionreview.assets``
    package, else the ``assets`` folder of a checkout run from its source tree."""
    spec = importlib.util.find_spec("captionreview.assets")
    if spec is not None and spec.origin is not None:
        return Path(spec.origin).parent
    return Path(__file__).resolve().parents[2] / "assets"


def demo_files() -> list[Path]:
    """The bundled demo lecture: video and auto-captions (empty when not installed)."""
    demo = assets_dir() / "demo"
    files = [demo / "lecture.mp4", demo / "lecture.sv.vtt"]
    return files if all(f.is_file() for f in files) else []


def has_display() -> bool:
    """False on Linux/BSD when there is no X11/Wayland display and no Qt platform was chosen."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def open_window(journal: Journal | None = None) -> MainWindow:
    """Return a review window with every feature installed (``journal``: the recovery
    journal to use, the user's by default)."""
    from captionreview.qt.mainwindow import MainWindow

    window = MainWindow(journal=journal)
    install_features(window)
    return window


def install_features(window: MainWindow) -> None:
    """Install the features into ``window``, in the order their menu entries appear.

    A feature that fails to install is reported on stderr and in ``window.feature_errors``
    and the others still come: a broken optional panel must not stop the editor.
    """
    from captionreview.qt import (
        cleanup_dialog,
        issues_panel,
        review_panel,
        spellcheck,
        timeline_feature,
    )

    panel = _install(window, "issues panel", issues_panel.install)
    cleanup = _install(window, "clean-up", cleanup_dialog.install)
    spell = _install(window, "spell check", spellcheck.install)
    timeline = _install(window, "timeline", timeline_feature.install)
    review = _install(window, "review", review_panel.install)
    if panel is not None and panel.tools is not None and review is not None:
        # The exported report says how accurate the automatic captions were.
        panel.tools.accuracy = review.accuracy_input
    if panel is not None and spell is not None:
        # The issues panel lists the spell check's word flags with the other findings.
        panel.follow_word_flags(spell)
    if cleanup is not None:
        # The clean-up ends cues at the pauses heard and never inside a glossary term.
        if timeline is not None:
            cleanup.analysis = timeline.analysis
        if spell is not None:
            cleanup.glossary = lambda: spell.glossary


def _install(window: MainWindow, name: str, install: Callable[[Host], T]) -> T | None:
    try:
        return install(window)
    except Exception as exc:  # any bug in one feature: the window must still open
        message = f"{name} could not be installed: {type(exc).__name__}: {exc}"
        window.feature_errors.append(message)
        print(f"captionreview: {message}", file=sys.stderr)
        return None


def _keep_work_on_errors(window: MainWindow) -> Callable[..., None]:
    """An excepthook for bugs in slots: report it, save the work to the journal, carry on."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, value, tb)
        window.autosaver.write_now()
        window.status_message(
            QCoreApplication.translate(
                "app",
                "Internal error ({name__}: {value}); your changes are kept in "
                "the recovery journal. Please report it with the text printed "
                "in the terminal.",
            ).format(name__=kind.__name__, value=value)
        )

    return hook


def open_startup_files(
    window: MainWindow, files: list[str], encoding: str | None, demo: bool
) -> bool:
    """Open the files from the command line, or the demo lecture when there are none and
    ``demo`` is set; the demo starts playing once its first picture is shown (the user's own
    files open paused). Return True when the demo was opened."""
    if files:
        window.open_paths([Path(f) for f in files], encoding=encoding)
        return False
    if not demo:
        return False
    paths = demo_files()
    if not paths:
        window.status_message(
            QCoreApplication.translate(
                "app", "The demo lecture is not installed (looked in {assets_dir})"
            ).format(assets_dir=assets_dir())
        )
        return False
    if window.open_paths(paths) and window.player.available:
        play_when_shown(window)
    return True


def play_when_shown(window: MainWindow) -> None:
    """Start playback once the loaded video's first picture is on screen (once only)."""
    player = window.player
    if player.current_frame() is not None:
        player.play()
        return

    def first_frame() -> None:
        player.frame_ready.disconnect(first_frame)
        player.play()

    player.frame_ready.connect(first_frame)


def run_gui(files: list[str], encoding: str | None, demo: bool, language: str | None = None) -> int:
    """Open the review window on ``files`` (or the demo) and run until it closes; exit status.

    ``language`` ('sv' or 'en', from ``--lang``) overrides View ▸ Language and the system's.
    """
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    # Imported here so that a missing display is reported before Qt loads its plugins.
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from captionreview import __version__
    from captionreview.qt.i18n import choose_language, install_language
    from captionreview.qt.settings import APP_NAME, app_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("captionreview")
    install_language(app, choose_language(app_settings(), language))
    icon = assets_dir() / "icons" / "captionreview.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    # Ctrl+C in the terminal quits; the recovery journal keeps any unsaved work.
    signal.signal(signal.SIGINT, signal.SIG_DFL)

    window = open_window()
    sys.excepthook = _keep_work_on_errors(window)
    window.show()
    open_startup_files(window, files, encoding, demo)

    def offer_restore() -> None:
        window.offer_restore()

    # After the window is on screen, so the question has a parent to sit on.
    QTimer.singleShot(0, offer_restore)
    return int(app.exec())
