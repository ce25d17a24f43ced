"""The menu bar's menus and the choices the window builds itself: View ▸ Language and
Check ▸ Quality profile.

Strings here keep the translation context ``MainWindow``: they were the window's, and the
Swedish catalogue holds them there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from captionreview.core.i18n import _
from captionreview.core.profiles import BUILTIN_PROFILES, available_profiles
from captionreview.qt.i18n import QT_TRANSLATE_NOOP, save_language, saved_language

MENU_NAMES = ("File", "Edit", "View", "Playback", "Captions", "Check", "Help")
# What the menu bar shows for each menu (the names above are the menus' ids). Alt+letter opens a
# menu, so no two titles share a mnemonic (Captions and Check both start with C).
MENU_TITLES = {
    "File": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "Edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    "View": QT_TRANSLATE_NOOP("MainWindow", "&View"),
    "Playback": QT_TRANSLATE_NOOP("MainWindow", "&Playback"),
    "Captions": QT_TRANSLATE_NOOP("MainWindow", "&Captions"),
    "Check": QT_TRANSLATE_NOOP("MainWindow", "Chec&k"),
    "Help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}
# View ▸ Language: the system's language, or one chosen here (remembered; used from next start).
LANGUAGE_CHOICES = (
    (None, QT_TRANSLATE_NOOP("MainWindow", "&System language")),
    ("sv", "&Svenska"),
    ("en", "&English"),
)


def build_menu_bar(window: QMainWindow) -> dict[str, QMenu]:
    """Add the menus of :data:`MENU_NAMES` to ``window``'s menu bar, by name."""
    return {
        name: window.menuBar().addMenu(QCoreApplication.translate("MainWindow", MENU_TITLES[name]))
        for name in MENU_NAMES
    }


def add_language_menu(
    view: QMenu, settings: QSettings, say: Callable[[str], None], parent: QObject
) -> None:
    """View ▸ Language: follow the system or choose Svenska or English (from next start)."""
    submenu = view.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    group = QActionGroup(parent)
    group.setExclusive(True)
    chosen = saved_language(settings)

    def choose(code: str | None) -> None:
        save_language(settings, code)
        say(
            QCoreApplication.translate(
                "MainWindow", "The new language is used from the next time CaptionReview starts."
            )
        )

    for code, label in LANGUAGE_CHOICES:
        # The languages' own names stay as they are, so each can be found in either.
        text = QCoreApplication.translate("MainWindow", label) if code is None else label
        action = QAction(text, parent)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setObjectName(f"language_{code or 'system'}")
        action.triggered.connect(lambda _c=False, c=code: choose(c))
        group.addAction(action)
        submenu.addAction(action)


def add_profile_menu(
    check: QMenu, current: str, choose: Callable[[str], None], parent: QObject
) -> QActionGroup:
    """Check ▸ Quality profile, one checkable action per profile (its name as data)."""
    submenu = check.addMenu(QCoreApplication.translate("MainWindow", "Quality &profile"))
    group = QActionGroup(parent)
    group.setExclusive(True)
    for name in available_profiles():
        title = _(BUILTIN_PROFILES[name].title) if name in BUILTIN_PROFILES else name
        action = QAction(title, parent)
        action.setData(name)
        action.setCheckable(True)
        action.setChecked(name == current)
        action.triggered.connect(lambda _c=False, n=name: choose(n))
        group.addAction(action)
        submenu.addAction(action)
    return group
