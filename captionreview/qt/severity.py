"""How the window shows a severity or a reading speed: in words, in a shape and in colour, so
that none of the three is needed alone (WCAG 1.4.1, EN 301 549 11.1.4.1).

Errors are red squares, warnings amber triangles, notes blue circles; the words
("fel", "varning", "anmärkning") go to assistive technology through the models' accessible
text. Every colour here is at least 4.5:1 on the light palette's base (so it also serves as
text) and the shapes have a dark outline (``tests/gui/test_contrast.py``).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from captionreview.core.model import Severity

TEXT_COLOURS: dict[Severity, str] = {
    Severity.ERROR: "#b3261e",
    Severity.WARN: "#8a5100",
    Severity.INFO: "#1565c0",
}
OUTLINE = "#202020"
_ICON_SIZE = 14
_icons: dict[Severity, QIcon] = {}


def severity_word(severity: Severity) -> str:
    """The severity as a word for people and screen readers ("error", "fel", ...)."""
    if severity is Severity.ERROR:
        return QCoreApplication.translate("Severity", "error")
    if severity is Severity.WARN:
        return QCoreApplication.translate("Severity", "warning")
    return QCoreApplication.translate("Severity", "note")


def severity_shape(severity: Severity, size: float) -> QPolygonF:
    """The outline of ``severity``'s mark in a square of ``size``: square, triangle, circle."""
    low, high, centre, radius = 1.5, size - 1.5, size / 2, size / 2 - 1
    if severity is Severity.ERROR:
        return QPolygonF(
            [QPointF(low, low), QPointF(high, low), QPointF(high, high), QPointF(low, high)]
        )
    if severity is Severity.WARN:
        return QPolygonF([QPointF(centre, 0.5), QPointF(size - 0.5, high), QPointF(0.5, high)])
    return QPolygonF(
        [
            QPointF(
                centre + radius * math.cos(2 * math.pi * k / 32),
                centre + radius * math.sin(2 * math.pi * k / 32),
            )
            for k in range(32)
        ]
    )


def severity_icon(severity: Severity) -> QIcon:
    """The severity's mark as an icon (made once per severity)."""
    icon = _icons.get(severity)
    if icon is None:
        pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(OUTLINE), 1))
        painter.setBrush(QColor(TEXT_COLOURS[severity]))
        painter.drawPolygon(severity_shape(severity, _ICON_SIZE))
        painter.end()
        icon = _icons[severity] = QIcon(pixmap)
    return icon
