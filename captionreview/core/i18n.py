"""Words for people, translated without Qt: the core's catalogue (gettext).

The core, the command line and the HTML report say their messages through :func:`_` and
:func:`ngettext`; the Qt layer uses Qt's own ``tr()`` for widgets. Catalogues live in
``captionreview/locale/<lang>/LC_MESSAGES/captionreview.mo``. Rule ids, JSON keys and file
formats never go through here: they do not change with the language.
"""

from __future__ import annotations

import gettext
import locale
import os
from pathlib import Path

DOMAIN = "captionreview"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SUPPORTED = ("en", "sv")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def system_language() -> str:
    """The user's language from LANGUAGE, LC_ALL, LC_MESSAGES, LANG or the OS: 'sv' or 'en'."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in SUPPORTED:
                return code
            if code and code not in ("c", "posix"):
                return "en"
    code = (locale.getlocale()[0] or "").split("_")[0].lower()
    return code if code in SUPPORTED else "en"


def set_language(lang: str | None) -> str:
    """Use *lang* ('sv', 'en', or None for the system's) for every later message; returns it."""
    global _translation, _language
    code = (lang or system_language()).split("_")[0].lower()
    if code not in SUPPORTED:
        code = "en"
    _language = code
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    return code


def current_language() -> str:
    """The language messages are given in now ('sv' or 'en')."""
    return _language


def _(message: str) -> str:
    """*message* in the current language (unchanged when the catalogue lacks it)."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark *message* for the catalogue without translating it now (tables built at import)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for *n* in the current language."""
    return _translation.ngettext(singular, plural, n)
