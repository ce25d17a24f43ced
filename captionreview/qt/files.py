"""Opening, saving and exporting captions, pairing them with their video, recent files, and
the questions around them (encoding, unsaved changes, a file changed on disk, crash restore).

:class:`FileActions` works through the window's :class:`~captionreview.qt.host.Host`
interface; the window only shows the document it is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

import captionreview
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError, EncodingError
from captionreview.core.formats import REPLACE_SUFFIX, export_srt, srt_export_notes
from captionreview.core.journal import Journal
from captionreview.core.pairing import (
    CAPTION_SUFFIXES,
    VIDEO_SUFFIXES,
    captions_beside,
    is_caption_file,
    video_beside,
)
from captionreview.qt.host import Host
from captionreview.qt.i18n import QT_TRANSLATE_NOOP
from captionreview.qt.plaintext import plain_box, plain_tip
from captionreview.qt.recovery import Autosaver, DiskWatcher, offer_restore
from captionreview.qt.settings import APP_NAME, RecentFiles

ENCODING_NAMES = {
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1 (ISO-8859-1)",
    "iso-8859-1": "Latin-1 (ISO-8859-1)",
    "utf-16": "UTF-16",
    "mac_roman": "Mac Roman",
    "cp850": "DOS (CP850)",
    "iso-8859-15": "Latin-9 (ISO-8859-15)",
}
# Single-byte encodings in which Swedish letters are the likely non-ASCII text.
NORDIC_ENCODINGS = frozenset(
    ("cp1252", "latin-1", "iso-8859-1", "iso-8859-15", "cp850", "mac_roman")
)
NO_VIDEO_MESSAGE = QT_TRANSLATE_NOOP(
    "FileActions",
    "No video open.\nFile ▸ Open… a video (or drop one here) to see the captions on it.",
)


class FileActions(QObject):
    """File ▸ Open, Open recent, Save, Save As, Export SRT and what they ask on the way.

    ``autosaver`` is the window's crash-recovery writer (discarded after a save);
    ``journal`` is where left-over work is looked for by :meth:`offer_restore`. ``saved``
    fires after every successful save (the file's name may have changed).
    """

    saved = Signal()

    def __init__(
        self, host: Host, autosaver: Autosaver, journal: Journal, recent: RecentFiles
    ) -> None:
        super().__init__(host.window())
        self._host = host
        self._autosaver = autosaver
        self._journal = journal
        self.recent = recent
        self.video_path: Path | None = None
        self.disk_watcher = DiskWatcher(self)
        self.disk_watcher.changed_on_disk.connect(self._on_changed_on_disk)
        host.document_changed.connect(self._watch)
        self.recent_menu = QMenu(self.tr("Open &recent"), host.window())
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    # -- opening
    def open_dialog(self) -> None:
        """File ▸ Open: pick a video and/or a caption file."""
        videos = " ".join(f"*{s}" for s in VIDEO_SUFFIXES)
        captions = " ".join(f"*{s}" for s in CAPTION_SUFFIXES)
        doc = self._host.document
        start = str(doc.path.parent) if doc is not None and doc.path else ""
        paths, _ = QFileDialog.getOpenFileNames(
            self._host.window(),
            self.tr("Open video and/or captions"),
            start,
            self.tr(
                "Video and captions ({videos} {captions});;Captions "
                "({captions});;Video ({videos});;All files (*)"
            ).format(videos=videos, captions=captions),
        )
        if paths:
            self.open_paths(paths)

    def open_paths(self, paths: Iterable[str | Path], encoding: str | None = None) -> bool:
        """Open a video and/or captions (finds the other beside it); False if nothing opened."""
        host = self._host
        items = [Path(p).expanduser() for p in paths]
        folders = [p for p in items if p.is_dir()]
        if folders:
            host.warn(
                self.tr("Not a file"),
                self.tr("{folders} is a folder: open a video or a caption file.").format(
                    folders=folders[0]
                ),
            )
            return False
        captions = [p for p in items if is_caption_file(p)]
        videos = [p for p in items if not is_caption_file(p)]
        missing = [p for p in captions if not p.exists()]
        if missing:
            host.warn(
                self.tr("File not found"),
                self.tr("{missing} does not exist.").format(missing=missing[0]),
            )
            return False
        # A missing video is not fatal: the captions open and the video area says what is wrong.
        if len(captions) > 1 or len(videos) > 1:
            host.status_message(self.tr("Opened the first video and the first caption file only"))
        caption_path = captions[0] if captions else None
        video_path = videos[0] if videos else None
        if caption_path is None and video_path is not None:
            candidates = captions_beside(video_path)
            if len(candidates) == 1:
                caption_path = candidates[0]
            elif len(candidates) > 1:
                caption_path = self._choose_captions(video_path, candidates)
        if video_path is None and caption_path is not None:
            video_path = video_beside(caption_path)
        if caption_path is not None:
            doc = self.load_document(caption_path, encoding)
            if doc is None:
                return False
            if not host.set_document(doc):
                return False
        elif video_path is not None and host.document is None:
            host.set_document(Document.new())
            host.status_message(
                self.tr("No captions found beside {name}: new captions").format(
                    name=video_path.name
                )
            )
        self.open_video(video_path)
        self._remember_recent()
        return True

    def drag_enter(self, event: QDragEnterEvent) -> None:
        """Accept dropped local files."""
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        """Open dropped video and caption files."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # Open after the drop returns: a modal question inside a drop handler blocks the
            # source application on some platforms.
            QTimer.singleShot(0, lambda: self.open_paths(paths))

    def _choose_captions(self, video: Path, candidates: list[Path]) -> Path | None:
        names = [p.name for p in candidates]
        name, ok = QInputDialog.getItem(
            self._host.window(),
            self.tr("Which captions?"),
            self.tr("Several caption files belong to {name}:").format(name=video.name),
            names,
            0,
            False,
        )
        return candidates[names.index(name)] if ok and name in names else None

    def load_document(self, path: Path, encoding: str | None) -> Document | None:
        """Read a caption file, offering another encoding when it is not UTF-8."""
        try:
            return captionreview.load(path, encoding=encoding)
        except EncodingError as exc:
            chosen = self._ask_encoding(path, exc)
            if chosen is None:
                return None
            return self.load_document(path, chosen)
        except CaptionFileError as exc:
            self._host.warn(self.tr("Cannot open the caption file"), f"{path.name}: {exc}")
        except OSError as exc:
            self._host.warn(
                self.tr("Cannot open the caption file"), f"{path.name}: {exc.strerror or exc}"
            )
        return None

    def _ask_encoding(self, path: Path, exc: EncodingError) -> str | None:
        box = QMessageBox(self._host.window())
        box.setObjectName("encodingDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        guess = exc.guess or "cp1252"
        where = self.tr(" (line {line})").format(line=exc.line) if exc.line else ""
        if guess.lower().endswith(REPLACE_SUFFIX):
            self._explain_damaged(box, path, guess, where)
        else:
            box.setWindowTitle(self.tr("Not UTF-8 — CaptionReview"))
            # In plain words: the reader's message names Python codecs (encoding='cp1252').
            box.setText(
                self.tr("{name} is not UTF-8{where}, the encoding WebVTT files must have.").format(
                    name=path.name, where=where
                )
            )
            label = ENCODING_NAMES.get(guess.lower(), guess)
            nordic = self.tr(" (Swedish å ä ö)") if guess.lower() in NORDIC_ENCODINGS else ""
            box.setInformativeText(
                self.tr(
                    "It looks like {label}{nordic}. Open it as {label}? "
                    "CaptionReview saves it as UTF-8."
                ).format(label=label, nordic=nordic)
            )
        choices: dict[object, str] = {}
        for encoding in dict.fromkeys([guess, "cp1252", "latin-1"]):
            button = box.addButton(self._open_as_label(encoding), QMessageBox.ButtonRole.AcceptRole)
            choices[button] = encoding
        box.addButton(QMessageBox.StandardButton.Cancel)
        plain_box(box)
        box.exec()
        return choices.get(box.clickedButton())

    def _explain_damaged(self, box: QMessageBox, path: Path, guess: str, where: str) -> None:
        """Word the encoding question for a file in a known encoding with a few bad bytes."""
        codec = guess[: -len(REPLACE_SUFFIX)].upper()
        box.setWindowTitle(self.tr("Damaged characters — CaptionReview"))
        box.setText(
            self.tr("{name} is {codec}, but some of its bytes are not{where}.").format(
                name=path.name, codec=codec, where=where
            )
        )
        box.setInformativeText(
            self.tr(
                "Open it as {codec} with each bad byte shown as \ufffd? You can put the right "
                "letters there before you save. (Opening it as Windows-1252 or Latin-1 would "
                "garble every å, ä and ö.)"
            ).format(codec=codec)
        )

    def _open_as_label(self, encoding: str) -> str:
        """Return the button text that opens the file in ``encoding``."""
        if encoding.lower().endswith(REPLACE_SUFFIX):
            codec = encoding[: -len(REPLACE_SUFFIX)].upper()
            return self.tr("Open as {codec}, bad bytes as \ufffd").format(codec=codec)
        return self.tr("Open as {get}").format(get=ENCODING_NAMES.get(encoding.lower(), encoding))

    def open_video(self, path: Path | None) -> bool:
        """Play ``path`` beside the captions; the message area says why when it cannot."""
        self.video_path = path
        player, video = self._host.player, self._host.video_widget
        if path is None:
            player.stop()
            if player.available and player.path() is not None:
                # The last video's picture would stay; it does not belong to these captions.
                video.set_message(self.tr(NO_VIDEO_MESSAGE))
            return False
        if not player.available:
            video.set_message(
                self.tr(
                    "{status_message}\nThe captions stay editable; you can save them as usual."
                ).format(status_message=player.status_message)
            )
            return False
        video.set_message(None)
        return player.load(path)

    def close_document(self) -> None:
        """Close the captions and the video (asks about unsaved changes)."""
        if self._host.set_document(None):
            self.open_video(None)

    # -- saving
    def save(self) -> bool:
        """Save the captions as WebVTT; a file read as SRT/SBV asks for a .vtt name first."""
        doc = self._host.document
        if doc is None:
            return False
        if doc.path is None or doc.path.suffix.lower() != ".vtt":
            return self.save_as()
        return self._save_to(doc, None)

    def save_as(self) -> bool:
        """Save the captions under a new name (WebVTT)."""
        doc = self._host.document
        if doc is None:
            return False
        name, _ = QFileDialog.getSaveFileName(
            self._host.window(),
            self.tr("Save captions as"),
            str(self._suggested_path(".vtt")),
            self.tr("WebVTT (*.vtt)"),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".vtt":
            path = path.with_name(path.name + ".vtt")
        return self._save_to(doc, path)

    def _suggested_path(self, suffix: str) -> Path:
        doc = self._host.document
        if doc is not None and doc.path is not None:
            return doc.path.with_suffix(suffix)
        if self.video_path is not None:
            return self.video_path.with_suffix(suffix)
        return Path.home() / f"captions{suffix}"

    def _save_to(self, doc: Document, path: Path | None) -> bool:
        try:
            written = doc.save(path)
        except CaptionFileError as exc:
            return self._offer_save_as(str(exc))
        # The watcher hears about our own write later; by then it knows these bytes are ours.
        self.disk_watcher.expect(written)
        self._autosaver.discard()
        self._remember_recent()
        self.saved.emit()
        self._host.status_message(self.tr("Saved {written}").format(written=written))
        return True

    def _offer_save_as(self, reason: str) -> bool:
        """Saving failed for ``reason``: say so and offer Save As (True if that saved)."""
        box = QMessageBox(self._host.window())
        box.setObjectName("saveFailedDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Could not save — {APP_NAME}").format(APP_NAME=APP_NAME))
        box.setText(reason[:1].upper() + reason[1:])
        box.setInformativeText(
            self.tr(
                "Your changes are kept in the window and in the recovery journal. "
                "Save them under another name?"
            )
        )
        save_as = box.addButton(self.tr("&Save As…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        plain_box(box)
        box.exec()
        if box.clickedButton() is save_as:
            return self.save_as()
        self._host.status_message(self.tr("Not saved: {reason}").format(reason=reason))
        return False

    def export_srt(self) -> bool:
        """Write a SubRip copy of the captions."""
        doc = self._host.document
        if doc is None:
            return False
        name, _ = QFileDialog.getSaveFileName(
            self._host.window(),
            self.tr("Export SubRip"),
            str(self._suggested_path(".srt")),
            self.tr("SubRip (*.srt)"),
        )
        if not name:
            return False
        try:
            written = export_srt(doc, Path(name))
        except CaptionFileError as exc:
            self._host.warn(self.tr("Could not export"), str(exc))
            return False
        notes = srt_export_notes(doc.cues)
        if notes:
            # SubRip cannot hold everything WebVTT can: say what the copy lacks, not just "done".
            box = QMessageBox(self._host.window())
            box.setObjectName("exportNotesDialog")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Exported SubRip — {APP_NAME}").format(APP_NAME=APP_NAME))
            box.setText(self.tr("Exported {name}. Please note:").format(name=written.name))
            box.setInformativeText("\n".join(f"• {n[:1].upper()}{n[1:]}." for n in notes))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            plain_box(box)
            box.exec()
            self._host.status_message(
                self.tr("Exported {written}; {join}").format(written=written, join="; ".join(notes))
            )
        else:
            self._host.status_message(self.tr("Exported {written}").format(written=written))
        return True

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; True to go on, False when the user cancels."""
        doc = self._host.document
        if doc is None or not doc.modified:
            return True
        name = doc.path.name if doc.path else self.tr("the new captions")
        box = QMessageBox(self._host.window())
        box.setObjectName("saveChangesDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(APP_NAME)
        box.setText(self.tr("Save the changes to {name}?").format(name=name))
        box.setInformativeText(self.tr("If you don't, your changes are lost."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        plain_box(box)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._autosaver.discard()
            return True
        return False

    # -- recent files
    def _remember_recent(self) -> None:
        doc = self._host.document
        self.recent.remember(doc.path if doc is not None else None, self.video_path)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        entries = self.recent.entries()
        if not entries:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
            return
        for captions, video in entries:
            names = [Path(p).name for p in (captions, video) if p]
            action = menu.addAction(" + ".join(names))
            action.setToolTip(plain_tip("\n".join(p for p in (captions, video) if p)))
            paths = [p for p in (video, captions) if p]
            action.triggered.connect(lambda _c=False, ps=paths: self.open_paths(ps))
        menu.addSeparator()
        menu.addAction("Clear list").triggered.connect(self.recent.clear)

    # -- restore after a crash, files changed on disk
    def offer_restore(self) -> bool:
        """Offer to restore work left by a crash; True when something was restored."""
        doc = offer_restore(self._host, self._journal)
        if doc is None:
            return False
        if not self._host.set_document(doc):
            return False
        if doc.path is not None:
            video = video_beside(doc.path)
            if video is not None and video != self.video_path:
                self.open_video(video)
        self._autosaver.write_now()
        self._host.status_message(
            self.tr("Restored the unsaved changes: review them and save (Ctrl+S)")
        )
        return True

    def _watch(self, doc: Document | None) -> None:
        self.disk_watcher.watch(
            doc.path if doc is not None and doc.path is not None and doc.path.exists() else None
        )

    def _on_changed_on_disk(self, path: Path) -> None:
        host = self._host
        current = host.document
        if current is None or current.path is None or path != current.path:
            return
        box = QMessageBox(host.window())
        box.setObjectName("changedOnDiskDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        box.setText(self.tr("{name} was changed by another program.").format(name=path.name))
        lost = self.tr(" Your unsaved changes here would be lost.") if current.modified else ""
        box.setInformativeText(self.tr("Load the version on disk?{lost}").format(lost=lost))
        reload_button = box.addButton(self.tr("Load from disk"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep my version"), QMessageBox.ButtonRole.RejectRole)
        plain_box(box)
        box.exec()
        if box.clickedButton() is not reload_button:
            host.status_message(
                self.tr("Kept your version; saving will overwrite {name}").format(name=path.name)
            )
            return
        doc = self.load_document(path, None)
        if doc is None:
            return
        row = host.current_index()
        # The user chose to drop the changes, so no second question about saving them.
        host.set_document(doc, ask=False)
        if row is not None and row < len(doc):
            host.select_cue(row)
        host.status_message(self.tr("Loaded {name} from disk").format(name=path.name))
