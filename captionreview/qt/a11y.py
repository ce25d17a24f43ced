"""Accessibility helpers: tool bars Tab reaches, and announcements a screen reader speaks.

Qt gives tool-bar buttons no keyboard focus, so Tab would skip the offer bars and the cue
editor's buttons (EN 301 549 11.2.1.1, WCAG 2.1.1). State changes that matter (playing,
saved, check finished with n issues) are announced (WCAG 4.1.3 Status Messages).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QActionEvent
from PySide6.QtWidgets import QDialogButtonBox, QToolBar, QToolButton, QWidget

from captionreview.qt.i18n import QT_TRANSLATE_NOOP


class TabToolBar(QToolBar):
    """A tool bar whose buttons Tab reaches (each added action's button takes Tab focus)."""

    def actionEvent(self, event: QActionEvent) -> None:
        """Let the button made for a new action take keyboard focus by Tab."""
        super().actionEvent(event)
        if event.type() == QEvent.Type.ActionAdded:
            button = self.widgetForAction(event.action())
            if isinstance(button, QToolButton) and button.focusPolicy() == Qt.FocusPolicy.NoFocus:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers speak ``text`` (politely: after what they are saying now)."""
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


# Qt's own texts for these buttons have no Alt letter on every platform: ours do.
_BUTTON_TEXTS = {
    QDialogButtonBox.StandardButton.Ok: QT_TRANSLATE_NOOP("DialogButtons", "&OK"),
    QDialogButtonBox.StandardButton.Save: QT_TRANSLATE_NOOP("DialogButtons", "&Save"),
    QDialogButtonBox.StandardButton.Apply: QT_TRANSLATE_NOOP("DialogButtons", "&Apply"),
    QDialogButtonBox.StandardButton.Cancel: QT_TRANSLATE_NOOP("DialogButtons", "&Cancel"),
    QDialogButtonBox.StandardButton.Close: QT_TRANSLATE_NOOP("DialogButtons", "&Close"),
}


def give_buttons_mnemonics(box: QDialogButtonBox) -> None:
    """Give the box's standard buttons whose text has no Alt letter one (&OK, &Cancel, ...)."""
    for standard, text in _BUTTON_TEXTS.items():
        button = box.button(standard)
        if button is not None and "&" not in button.text():
            button.setText(QCoreApplication.translate("DialogButtons", text))
