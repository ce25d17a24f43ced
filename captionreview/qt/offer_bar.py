"""The non-modal info bar that offers one thing and can be put away with "Not now"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from captionreview.qt.a11y import TabToolBar
from captionreview.qt.plaintext import plain_label


class OfferBar(TabToolBar):
    """A fixed tool bar with a message, an offer action and a "Not now" action that hides it.

    Object names are ``{name}Bar``, ``{name}Message`` and ``{name}Dismiss``, so tests and style
    sheets can find the parts. Tab reaches both buttons; the bar and its message carry
    accessible names so a screen reader reads the offer.
    """

    def __init__(
        self,
        title: str,
        name: str,
        offer: str,
        offer_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(f"{name}Bar")
        self.setAccessibleName(title)
        self.setMovable(False)
        self.setFloatable(False)
        self.message = plain_label(QLabel())
        self.message.setObjectName(f"{name}Message")
        self.message.setContentsMargins(8, 0, 8, 0)
        # The label sits in a stretching layout so a long message takes the bar's free width.
        holder = QWidget()
        holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        self.addWidget(holder)
        self.offer_action = self.addAction(offer)
        self.offer_action.setObjectName(offer_name)
        self.dismiss_action = self.addAction(self.tr("Not now"))
        self.dismiss_action.setObjectName(f"{name}Dismiss")
        self.dismiss_action.triggered.connect(self.hide)

    def setVisible(self, visible: bool) -> None:
        """Show the bar only while it has something to offer.

        The window restores its tool bars as they were at the last close; a bar that was up
        then must not come back empty ("Clean up | Not now" with no message) after a restart.
        """
        super().setVisible(visible and bool(self.message.text()))
