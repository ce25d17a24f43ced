"""The transport bar under the video: play/pause, position, time, speed, volume and mute.

Every control is reachable with Tab and works from the keyboard (Space on the buttons, arrow
keys on the sliders and the speed box) and has an accessible name for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from captionreview.core.timecode import format_playback_time
from captionreview.qt.a11y import announce
from captionreview.qt.player import MAX_RATE, MIN_RATE, Player


class TransportBar(QWidget):
    """Controls for a :class:`~captionreview.qt.player.Player`, kept in step with it."""

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._was_playing = False
        self.setAccessibleName(self.tr("Playback controls"))

        self.play_button = QToolButton(self)
        self.play_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.play_button.setAutoRaise(True)
        self.play_button.clicked.connect(player.toggle)

        self.position_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.position_slider.setAccessibleName(self.tr("Position"))
        self.position_slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.position_slider.setSingleStep(1000)
        self.position_slider.setPageStep(5000)
        self.position_slider.setRange(0, 0)
        # Keys, clicks on the groove and dragging all come through here; setting the value
        # from the player does not (its signals are blocked then).
        self.position_slider.valueChanged.connect(self._on_slider_value)

        self.time_label = QLabel(self)
        self.time_label.setAccessibleName(self.tr("Time"))
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.time_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.speed_box = QDoubleSpinBox(self)
        self.speed_box.setAccessibleName(self.tr("Playback speed"))
        self.speed_box.setToolTip(self.tr("Playback speed (0.5× to 2×)"))
        self.speed_box.setRange(MIN_RATE, MAX_RATE)
        self.speed_box.setSingleStep(0.1)
        self.speed_box.setDecimals(1)
        self.speed_box.setSuffix("×")
        self.speed_box.setKeyboardTracking(False)
        self.speed_box.setValue(player.rate())
        self.speed_box.valueChanged.connect(player.set_rate)

        self.mute_button = QToolButton(self)
        self.mute_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.mute_button.setAutoRaise(True)
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(player.set_muted)

        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_slider.setToolTip(self.tr("Volume"))
        self.volume_slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setSingleStep(5)
        self.volume_slider.setPageStep(20)
        self.volume_slider.setMaximumWidth(110)
        self.volume_slider.setValue(player.volume())
        self.volume_slider.valueChanged.connect(player.set_volume)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.play_button)
        layout.addWidget(self.position_slider, 1)
        layout.addWidget(self.time_label)
        layout.addWidget(self.speed_box)
        layout.addWidget(self.mute_button)
        layout.addWidget(self.volume_slider)

        player.position_changed.connect(self._on_position)
        player.duration_changed.connect(self._on_duration)
        player.state_changed.connect(self._on_state)
        player.rate_changed.connect(self._on_rate)
        player.volume_changed.connect(self._on_volume)
        player.muted_changed.connect(self._on_muted)
        self._on_state(player.state())
        self._on_muted(player.is_muted())
        self._on_duration(player.duration())

    def time_text(self) -> str:
        """Return the time label's text, e.g. ``01:02.3 / 01:15.0``."""
        return self.time_label.text()

    # ---------------------------------------------------------------- player -> controls

    @Slot(int)
    def _on_position(self, ms: int) -> None:
        if not self.position_slider.isSliderDown():
            self.position_slider.blockSignals(True)
            self.position_slider.setValue(ms)
            self.position_slider.blockSignals(False)
        self._show_time(ms)

    @Slot(int)
    def _on_duration(self, ms: int) -> None:
        self.position_slider.blockSignals(True)
        self.position_slider.setRange(0, max(0, ms))
        self.position_slider.blockSignals(False)
        self.position_slider.setEnabled(ms > 0)
        self._show_time(self._player.position())

    @Slot(str)
    def _on_state(self, state: str) -> None:
        playing = state == "playing"
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        label = self.tr("Pause") if playing else self.tr("Play")
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(label)
        self.play_button.setToolTip(label)
        self.play_button.setAccessibleName(label)
        self.play_button.setEnabled(self._player.available and state != "error")
        if playing != self._was_playing:
            self._was_playing = playing
            announce(self.play_button, self.tr("Playing") if playing else self.tr("Paused"))

    @Slot(float)
    def _on_rate(self, rate: float) -> None:
        self.speed_box.blockSignals(True)
        self.speed_box.setValue(rate)
        self.speed_box.blockSignals(False)

    @Slot(int)
    def _on_volume(self, volume: int) -> None:
        self.volume_slider.blockSignals(True)
        self.volume_slider.setValue(volume)
        self.volume_slider.blockSignals(False)

    @Slot(bool)
    def _on_muted(self, muted: bool) -> None:
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(muted)
        self.mute_button.blockSignals(False)
        icon = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if muted
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        label = self.tr("Unmute") if muted else self.tr("Mute")
        self.mute_button.setIcon(self.style().standardIcon(icon))
        self.mute_button.setText(label)
        self.mute_button.setToolTip(label)
        self.mute_button.setAccessibleName(label)

    # ---------------------------------------------------------------- controls -> player

    @Slot(int)
    def _on_slider_value(self, ms: int) -> None:
        self._player.seek(ms)
        self._show_time(ms)

    def _show_time(self, ms: int) -> None:
        text = f"{format_playback_time(ms)} / {format_playback_time(self._player.duration())}"
        # Ticks come every 30 ms and the label shows tenths: most ticks change nothing, and
        # an accessible description set again would still notify screen readers.
        if text == self.time_label.text():
            return
        self.time_label.setText(text)
        self.time_label.setAccessibleDescription(text)
