"""The status bar's permanent labels: the open file, saved or not, how many cues, playback time.

Its strings keep the translation context ``MainWindow``: they were the window's, and the
Swedish catalogue holds them there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from captionreview.core.document import Document
from captionreview.core.report import count_cues
from captionreview.core.timecode import format_playback_time
from captionreview.qt.a11y import announce
from captionreview.qt.plaintext import plain_label, plain_tip
from captionreview.qt.player import Player
from captionreview.qt.settings import APP_NAME


def show_status(bar: QStatusBar, text: str) -> None:
    """Show ``text`` in ``bar`` for a while; screen readers speak it."""
    bar.showMessage(text, 8000)
    announce(bar, text)


class StatusLabels:
    """The permanent labels at the right of ``bar``, following ``player`` and the document."""

    def __init__(self, bar: QStatusBar, player: Player) -> None:
        self._player = player
        self.file_label = plain_label(QLabel())
        self.modified_label = QLabel()
        self.count_label = QLabel()
        self.time_label = QLabel(format_playback_time(0))
        self.time_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Playback time"))
        for label in (self.file_label, self.modified_label, self.count_label, self.time_label):
            bar.addPermanentWidget(label)
        player.position_changed.connect(self.update_time)
        player.duration_changed.connect(lambda _ms: self.update_time())

    def update_time(self, ms: int | None = None) -> None:
        """Show the playhead at ``ms`` (the player's position when None) and the duration."""
        position = self._player.position() if ms is None else ms
        self.time_label.setText(
            f"{format_playback_time(position)} / {format_playback_time(self._player.duration())}"
        )

    def show_document(self, doc: Document | None) -> None:
        """Show ``doc``'s file name, whether it is saved, and its cue count."""
        if doc is None:
            self.file_label.setText(QCoreApplication.translate("MainWindow", "No captions open"))
            self.modified_label.setText("")
            self.count_label.setText("")
            return
        self.file_label.setText(document_name(doc))
        self.file_label.setToolTip(
            plain_tip(str(doc.path))
            if doc.path
            else QCoreApplication.translate("MainWindow", "Not saved yet")
        )
        self.modified_label.setText(
            QCoreApplication.translate("MainWindow", "Modified")
            if doc.modified
            else QCoreApplication.translate("MainWindow", "Saved")
        )
        self.count_label.setText(count_cues(len(doc)))


def document_name(doc: Document) -> str:
    """The name the window shows for ``doc``: its file's, or "New captions" before saving."""
    return (
        doc.path.name
        if doc.path is not None
        else QCoreApplication.translate("MainWindow", "New captions")
    )


def show_window_title(window: QWidget, doc: Document | None) -> None:
    """Title ``window`` after ``doc`` and mark it modified while ``doc`` has unsaved changes."""
    title = APP_NAME if doc is None else f"{document_name(doc)}[*] — {APP_NAME}"
    if window.windowTitle() != title:
        window.setWindowTitle(title)
    # After the title: Qt wants its [*] placeholder there before the flag is set.
    window.setWindowModified(doc is not None and doc.modified)
