"""The window's language: Qt translators for our strings and Qt's own, chosen from the command
line, then View ▸ Language (remembered in the settings), then the system locale.

The core's catalogue (:mod:`captionreview.core.i18n`) is switched at the same time, so rule
titles and messages in the issues panel speak the same language as the menus. A new choice in
View ▸ Language takes effect when the window is next opened (widgets are built once).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from captionreview.core.i18n import SUPPORTED, set_language, system_language

SETTINGS_KEY = "ui/language"
QM_FILE = Path(__file__).resolve().parent.parent / "locale" / "captionreview_sv.qm"
# The translators must live as long as the application: Qt keeps only a pointer.
_installed: list[QTranslator] = []


def saved_language(settings: QSettings) -> str | None:
    """Return the language chosen in View ▸ Language ('sv' or 'en'), None for the system's."""
    value = settings.value(SETTINGS_KEY, "")
    return value if isinstance(value, str) and value in SUPPORTED else None


def save_language(settings: QSettings, language: str | None) -> None:
    """Remember ``language`` for the next start (None: follow the system)."""
    if language is None:
        settings.remove(SETTINGS_KEY)
    else:
        settings.setValue(SETTINGS_KEY, language)


def choose_language(settings: QSettings, command_line: str | None = None) -> str:
    """Return the language to use: the command line's, else the saved one, else the system's."""
    return command_line or saved_language(settings) or system_language()


def install_language(app: QCoreApplication, language: str) -> str:
    """Translate the window (our strings and Qt's own dialogs) and the core into ``language``.

    Returns the language installed ('en' when the Swedish translation cannot be loaded).
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = set_language(language)
    QLocale.setDefault(QLocale("sv_SE" if language == "sv" else "en_US"))
    if language == "en":
        return language
    ours = QTranslator(app)
    if not ours.load(str(QM_FILE)):
        return set_language("en")
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it as it is (PySide6's own is
    typed as returning ``object``, which mypy --strict refuses wherever a string is wanted)."""
    return text
