"""What the window remembers between runs (QSettings): layout, speed, volume, the view and
playback toggles, the quality profile and the recently opened files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction

from captionreview.core.profiles import DEFAULT_PROFILE, Profile, ProfileError, load_profile
from captionreview.qt.player import Player

APP_NAME = "CaptionReview"
MAX_RECENT = 10
# Checkable actions remembered by name: (action name, settings key, default).
TOGGLES = (
    ("follow_playback", "view/follow", True),
    ("show_captions", "view/captions", True),
    ("pause_while_typing", "playback/pause_typing", False),
)


def app_settings() -> QSettings:
    """The application's settings (window layout, recent files, speed, volume, profile)."""
    return QSettings(APP_NAME, APP_NAME)


def saved_profile(settings: QSettings) -> Profile:
    """The quality profile chosen last time (the default when there is none or it is gone)."""
    name = str(settings.value("profile", DEFAULT_PROFILE.name))
    try:
        return load_profile(name)
    except ProfileError:
        # A user profile that was renamed or deleted since: the default, not a failure.
        return DEFAULT_PROFILE


def saved_layout(settings: QSettings) -> tuple[QByteArray | None, QByteArray | None]:
    """The window's saved geometry and dock state (None for what was never saved)."""
    found: list[QByteArray | None] = []
    for key in ("window/geometry", "window/state"):
        value = settings.value(key)
        found.append(value if isinstance(value, QByteArray) and not value.isEmpty() else None)
    return found[0], found[1]


def save_layout(settings: QSettings, geometry: QByteArray, state: QByteArray) -> None:
    """Remember the window's geometry and dock state."""
    settings.setValue("window/geometry", geometry)
    settings.setValue("window/state", state)


def restore_playback(settings: QSettings, player: Player, actions: Mapping[str, QAction]) -> None:
    """Give ``player`` its saved speed and volume and the toggles their saved state."""
    player.set_rate(as_number(settings.value("player/rate"), 1.0))
    player.set_volume(int(as_number(settings.value("player/volume"), 100)))
    for name, key, default in TOGGLES:
        action = actions[name]
        on = as_bool(settings.value(key, default))
        action.setChecked(on)
        # toggled is not emitted when the state does not change, so apply it once here too.
        action.toggled.emit(on)


def save_playback(settings: QSettings, player: Player, actions: Mapping[str, QAction]) -> None:
    """Remember the player's speed and volume and the toggles' state."""
    settings.setValue("player/rate", player.rate())
    settings.setValue("player/volume", player.volume())
    for name, key, _default in TOGGLES:
        settings.setValue(key, actions[name].isChecked())


class RecentFiles:
    """The recently opened [captions, video] pairs, newest first, kept in the settings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def entries(self) -> list[list[str]]:
        """Recently opened [captions, video] pairs (either may be ""), newest first."""
        value = self._settings.value("recent", [])
        entries = value if isinstance(value, list) else [value] if value else []
        result = []
        for entry in entries:
            parts = str(entry).split("\t")
            result.append([parts[0], parts[1] if len(parts) > 1 else ""])
        return result

    def remember(self, captions: Path | None, video: Path | None) -> None:
        """Put this pair first (an older entry for the same captions goes)."""
        caption_text = str(captions) if captions else ""
        video_text = str(video) if video else ""
        if not caption_text and not video_text:
            return
        entry = f"{caption_text}\t{video_text}"
        entries = [f"{c}\t{v}" for c, v in self.entries()]
        entries = [entry] + [
            e
            for e in entries
            if e != entry and (not caption_text or e.split("\t")[0] != caption_text)
        ]
        self._settings.setValue("recent", entries[:MAX_RECENT])

    def clear(self) -> None:
        """Forget every entry."""
        self._settings.setValue("recent", [])


def as_number(value: object, default: float) -> float:
    """A number from QSettings (strings in INI files); ``default`` when missing or garbled."""
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def as_bool(value: object) -> bool:
    """QSettings gives "true"/"false" strings from INI files; turn them into bools."""
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
