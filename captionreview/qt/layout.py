"""Where the window's panels go: the built-in docks, their sizes on first showing, the layout
remembered between runs, and View ▸ Reset layout.

Strings here keep the translation context ``MainWindow``: they were the window's, and the
Swedish catalogue holds them there.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from captionreview.qt.settings import save_layout, saved_layout


class PanelLayout:
    """The built-in docks of ``window`` (over a central area ending in ``transport``)."""

    def __init__(self, window: QMainWindow, transport: QWidget) -> None:
        self._window = window
        self._transport = transport
        self._docks: list[QDockWidget] = []
        self._default_state = QByteArray()
        self._saved_state: QByteArray | None = None

    def dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """Put ``widget`` into ``window`` in a dock called ``name`` (its object name)."""
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self._window.addDockWidget(area, dock)
        self._docks.append(dock)
        return dock

    def add_view_entries(self, view: QMenu) -> None:
        """Add a show/hide entry per dock and Reset layout to the View menu."""
        view.addSeparator()
        for dock in self._docks:
            view.addAction(dock.toggleViewAction())
        reset = QAction(QCoreApplication.translate("MainWindow", "&Reset layout"), self._window)
        reset.triggered.connect(self.reset)
        view.addAction(reset)

    def restore(self, settings: QSettings) -> None:
        """Put the window where it was; the docks follow on first showing."""
        geometry, self._saved_state = saved_layout(settings)
        if geometry is not None:
            self._window.restoreGeometry(geometry)
        else:
            self._window.resize(1360, 860)

    def save(self, settings: QSettings) -> None:
        """Remember the window's place and its docks'."""
        save_layout(settings, self._window.saveGeometry(), self._window.saveState())

    def first_shown(self) -> None:
        """Size the docks once the window is shown (only then has it room to share out)."""
        if self._default_state.isEmpty():
            self._apply_default_sizes()
            self._default_state = self._window.saveState()
            if self._saved_state is not None:
                self._window.restoreState(self._saved_state)

    def reset(self) -> None:
        """Put the panels back where they start."""
        self._window.restoreState(self._default_state)
        self._apply_default_sizes()

    def _apply_default_sizes(self) -> None:
        # The list gets 40 % of the width; the editor the height a 16:9 picture leaves free
        # (no black bars to speak of), within reason.
        window = self._window
        cues, editor = self._docks[:2]
        width = max(440, min(620, window.width() * 2 // 5))
        picture = (window.width() - width) * 9 // 16
        chrome = (
            window.menuBar().sizeHint().height()
            + window.statusBar().sizeHint().height()
            + self._transport.sizeHint().height()
            + 30  # the dock's title bar and margins
        )
        height = max(170, min(320, window.height() - chrome - picture))
        window.resizeDocks([cues], [width], Qt.Orientation.Horizontal)
        window.resizeDocks([editor], [height], Qt.Orientation.Vertical)
