"""The issues panel: the document's quality findings grouped by severity, then rule, with counts.

Activating an issue selects its cue, plays it and puts the cursor on the offending text.
Check ▸ Next issue (F8) and Previous issue (Shift+F8) walk through them in cue order. The
findings come from an :class:`IncrementalChecker`, so an edit re-checks only the touched cues;
the tree is rebuilt a moment after the last edit, not on every keystroke.

The word flags of the spell check (ASR-09/10/11/12/18, SPELL-01), which it computes in the
background, are shown with the other findings under their rules; the panel reads them from the
spell-check feature and never computes them a second time.

The first full check of a long file (most of a second for 30,000 cues) runs in a worker thread
while the panel says "Checking…"; the window stays usable, and cues edited meanwhile are
re-checked when the result is adopted. A short file is checked at once.

``install(window)`` also adds File ▸ Export report…, Check ▸ Load quality profile… and the
Check ▸ Fix submenu (each fix previewed in :class:`FixPreviewDialog`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from captionreview.core.checks import FullCheck, IncrementalChecker, rule_title
from captionreview.core.checks.findings import cue_near_line, kept_problems, merge_findings
from captionreview.core.checks.fixes import FIXES, Fix
from captionreview.core.document import Document
from captionreview.core.i18n import _
from captionreview.core.model import Finding, Problem, Severity
from captionreview.core.profiles import Profile, ProfileError, load_profile, user_profile_dir
from captionreview.core.report import (
    ReportInput,
    count_errors,
    count_notes,
    count_warnings,
    render_report,
    write_report,
)
from captionreview.core.report_accuracy import AccuracyInput
from captionreview.core.timecode import format_ms
from captionreview.qt.a11y import announce
from captionreview.qt.actions import ActionSpec, add_actions
from captionreview.qt.background import STEP, BackgroundWork, Progress
from captionreview.qt.doc_events import DocumentEvents
from captionreview.qt.downstream import DownstreamView
from captionreview.qt.fix_preview import FixPreviewDialog
from captionreview.qt.host import Host
from captionreview.qt.i18n import QT_TRANSLATE_NOOP
from captionreview.qt.plaintext import plain_label, plain_tip
from captionreview.qt.severity import severity_icon, severity_word

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
# On a rule row whose finding rows are not made yet: the key of its findings.
UNFILLED_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_ORDER = (Severity.ERROR, Severity.WARN, Severity.INFO)
SEVERITY_TITLES = {
    Severity.ERROR: QT_TRANSLATE_NOOP("IssuesPanel", "Errors"),
    Severity.WARN: QT_TRANSLATE_NOOP("IssuesPanel", "Warnings"),
    Severity.INFO: QT_TRANSLATE_NOOP("IssuesPanel", "Notes"),
}
# Rows shown per rule: a raw auto-caption file can have thousands of findings of one rule and
# building that many items would stall the window; F8 still walks through all of them.
MAX_ROWS_PER_RULE = 500
REFRESH_DELAY_MS = 250
# From this many cues the first full check runs in a worker thread; below it takes well under
# 0.1 s and is done at once, so a short file never shows "Checking…".
BACKGROUND_FROM_CUES = 2000


class WordFlagSource(Protocol):
    """What the panel needs of the spell-check feature: its current flags and their signal."""

    flags_changed: SignalInstance

    def findings(self) -> list[Finding]:
        """Every current word flag, in cue and text order."""


class HeardFindingSource(Protocol):
    """What the panel needs of the checks against the video's sound (the timeline feature)."""

    findings_changed: SignalInstance

    def findings(self) -> list[Finding]:
        """Every current finding of TIM-08, TIM-10, ASR-06 and ASR-15."""


def problem_finding(problem: Problem) -> Finding:
    """A problem the reader met in the file, as a finding about its line (no cue); the
    message quotes the start of the text concerned."""
    snippet = problem.snippet.strip()[:80]
    message = f"{problem.message}  — “{snippet}”" if snippet else problem.message
    return Finding(problem.rule, problem.severity, message, line=problem.line)


def _most_serious_first(rules: dict[str, Severity]) -> list[str]:
    return sorted(rules, key=lambda rule: (SEVERITY_ORDER.index(rules[rule]), rule))


def _position(finding: Finding) -> tuple[int, int, str]:
    index = -1 if finding.cue_index is None else finding.cue_index
    return index, -1 if finding.span is None else finding.span[0], finding.rule


def _run(full: FullCheck, progress: Progress) -> FullCheck:
    full.run(progress.pause, step=STEP)
    return full


class IssuesPanel(QDockWidget):
    """Dock with the findings tree; ``findings_changed`` fires after each refresh."""

    findings_changed = Signal()

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("IssuesPanel", "Issues"), parent)
        self.setObjectName("issues_dock")
        self._window = window
        self._checker: IncrementalChecker | None = None
        self._doc: Document | None = None
        self._profile = window.profile
        self._words: WordFlagSource | None = None
        self._heard: HeardFindingSource | None = None
        self._downstream: DownstreamView | None = None
        self._findings: list[Finding] = []
        self._checked: list[Finding] = []
        self._worst: dict[int, Severity] | None = None
        self._rules: dict[int, list[str]] | None = None
        self._last: tuple[int, int, str] | None = None
        self.tools: _Features | None = None
        self.model = QStandardItemModel(self)
        self.view = QTreeView()
        self.view.setAccessibleName(self.tr("Issues"))
        self.view.setAccessibleDescription(
            self.tr("Findings grouped by severity and rule; Enter goes to the cue")
        )
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._on_activated)
        self.view.expanded.connect(self._fill)
        self._unfilled: dict[int, list[Finding]] = {}
        self.summary = QLabel(self.tr("No document"))
        self.summary.setWordWrap(True)
        # The rows keep one line each (uniform heights keep tens of thousands of rows fast),
        # so the selected issue's whole message is shown wrapped under the list.
        self.detail = plain_label(QLabel())
        self.detail.setObjectName("issueDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("Selected issue"))
        self.view.selectionModel().currentChanged.connect(self._show_detail)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addWidget(self.detail)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._work = BackgroundWork(self)
        self._pending: tuple[Document, FullCheck] | None = None
        # The panel follows the document before the checker does, so it hears RESETTING first.
        self._events = DocumentEvents(self)
        self._events.resetting.connect(self._on_resetting)
        self._events.reset.connect(self._on_reset)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Show the whole text of the current row under the list (a row may be elided)."""
        item = self.model.itemFromIndex(current) if current.isValid() else None
        finding = item.data(FINDING_ROLE) if item is not None else None
        if isinstance(finding, Finding):
            text = finding.message
            if finding.suggestion:
                text += "\n" + self.tr("Suggested: {text}").format(text=finding.suggestion)
        else:
            text = item.text() if item is not None else ""
        self.detail.setText(text)
        self.view.setAccessibleDescription(text)

    # -- following the document
    @property
    def checker(self) -> IncrementalChecker | None:
        """The incremental checker of the current document (None without a document)."""
        return self._checker

    @property
    def findings(self) -> list[Finding]:
        """The findings shown (as of the last refresh): the file's load problems, then the
        quality findings and word flags in cue order."""
        return self._findings

    @property
    def checked_findings(self) -> list[Finding]:
        """The quality findings and word flags shown, without the load problems (the report
        lists those apart)."""
        return self._checked

    def worst_severity(self, index: int) -> Severity | None:
        """Return the most serious severity among cue ``index``'s findings (None: no issue);
        for the cue list's issue marker, current as of the last ``findings_changed``."""
        if self._worst is None:
            worst: dict[int, Severity] = {}
            for finding in self._findings:
                if finding.cue_index is None:
                    continue
                known = worst.get(finding.cue_index)
                if known is None or SEVERITY_ORDER.index(finding.severity) < SEVERITY_ORDER.index(
                    known
                ):
                    worst[finding.cue_index] = finding.severity
            self._worst = worst
        return self._worst.get(index)

    def cue_rules(self, index: int) -> list[str]:
        """Return the rule ids of cue ``index``'s findings, most serious first, each once."""
        if self._rules is None:
            rules: dict[int, dict[str, Severity]] = {}
            for finding in self._findings:
                if finding.cue_index is not None:
                    rules.setdefault(finding.cue_index, {}).setdefault(
                        finding.rule, finding.severity
                    )
            self._rules = {cue: _most_serious_first(found) for cue, found in rules.items()}
        return self._rules.get(index, [])

    def follow_word_flags(self, source: WordFlagSource) -> None:
        """Show the word flags of ``source`` (the spell check) from now on."""
        if source is not self._words:
            self._words = source
            source.flags_changed.connect(lambda _cues: self._timer.start())
            self._timer.start()

    def follow_heard_findings(self, source: HeardFindingSource) -> None:
        """Show ``source``'s findings about the captions against the speech from now on."""
        if source is not self._heard:
            self._heard = source
            source.findings_changed.connect(self._timer.start)
            self._timer.start()

    def follow_downstream(self, view: DownstreamView) -> None:
        """Show the PUB-01 findings of ``view`` (the text as webvtt-py reads it) from now on."""
        self._downstream = view
        view.findings_changed.connect(self._timer.start)
        self._timer.start()

    @property
    def downstream(self) -> DownstreamView | None:
        """The downstream view the panel shows (None before :func:`install`)."""
        return self._downstream

    def is_checking(self) -> bool:
        """Return True while the first full check of the document runs in the background."""
        return self._pending is not None

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for a background check and show its result (for exports, scripts and tests);
        return False when it did not finish in ``msecs``."""
        if not self._work.wait(msecs):
            return False
        if self._pending is not None and self._pending[1].local is not None:
            full = self._pending[1]
            self._work.cancel()  # its result is taken here; the queued copy is dropped
            self._on_checked(full)
        return True

    def set_document(self, doc: Document | None) -> None:
        """Check ``doc`` (None clears the panel) and follow its edits."""
        self._stop()
        self._events.set_document(doc)
        self._last = None
        self._doc = doc
        self._profile = self._window.profile
        if doc is not None:
            self._start(doc, self._profile)
        self.refresh()
        if doc is not None:
            self._reveal_problems(doc)

    def _reveal_problems(self, doc: Document) -> None:
        """Show the reader's problems in a file just opened: the panel comes forward with
        their rules open, and the status bar says that nothing was dropped."""
        problems = kept_problems(doc.problems, self._profile.disabled_rules)
        if not problems:
            return
        self.show()
        self.raise_()
        rules = {problem.rule for problem in problems}
        for top in range(self.model.rowCount()):
            severity_item = self.model.item(top)
            for row in range(severity_item.rowCount()):
                rule_item = severity_item.child(row)
                if rule_item.text().split(" ", 1)[0] in rules:
                    self.view.expand(rule_item.index())
        count = len(problems)
        self._window.status_message(
            self.tr("1 problem in the file: see the Issues panel (nothing was dropped)")
            if count == 1
            else self.tr(
                "{count} problems in the file: see the Issues panel (nothing was dropped)"
            ).format(count=count)
        )

    # A long file whose cues are replaced wholesale (clean-up, sort, their undo) is checked
    # again in the background instead of by the checker on the spot.
    def _on_resetting(self) -> None:
        doc = self._doc
        if doc is not None and (self._pending is not None or len(doc) >= BACKGROUND_FROM_CUES):
            self._stop()  # the checker, closed now, will not hear the RESET

    def _on_reset(self) -> None:
        doc = self._doc
        if doc is not None and self._checker is None:
            self._stop()
            self._start(doc, self._profile)
            self.refresh()

    def set_profile(self, profile: Profile) -> None:
        """Check against ``profile`` from now on (a long file again in the background)."""
        self._profile = profile
        doc = self._doc
        if doc is None:
            return
        if self._pending is not None or len(doc) >= BACKGROUND_FROM_CUES:
            self._stop()
            self._start(doc, profile)
            self.refresh()
        elif self._checker is not None:
            self._checker.set_profile(profile)
            self.refresh()

    def _start(self, doc: Document, profile: Profile) -> None:
        """Check ``doc`` at once when it is short, else start the check in the worker."""
        if len(doc) < BACKGROUND_FROM_CUES:
            self._follow(IncrementalChecker(doc, profile))
            return
        full = FullCheck(doc, profile)
        self._pending = (doc, full)
        # The check's cues are an immutable snapshot, so the worker may read them. It checks
        # in every STEP cues, when it breathes and learns whether it was called off.
        self._work.start(lambda progress: _run(full, progress), self._on_checked)

    def _stop(self) -> None:
        """Forget the checker, and call off a background check (its result is dropped)."""
        self._work.cancel()
        self._pending = None
        if self._checker is not None:
            self._checker.close()
            self._checker = None

    def _follow(self, checker: IncrementalChecker) -> None:
        self._checker = checker
        checker.listen(lambda _start, _stop: self._timer.start())

    def _on_checked(self, full: FullCheck) -> None:
        """Adopt a background check; start again if cues were added or removed meanwhile."""
        if self._pending is None or self._pending[1] is not full:
            return  # called off, or already taken by wait()
        doc = self._pending[0]
        self._pending = None
        if full.fits(doc, full.profile):
            self._follow(IncrementalChecker(doc, full.profile, full=full))
        else:
            self._start(doc, full.profile)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the tree from the checker's current findings."""
        self._timer.stop()
        if self._checker is None or self._doc is None:
            self._checked = []
            self._findings = []
        else:
            # The one merge used by `captionreview check` and the report too, so the counts
            # agree; the reader's problems (a missing WEBVTT line…) come first, by line.
            disabled = self._checker.profile.disabled_rules
            words = self._words.findings() if self._words is not None else []
            heard = self._heard.findings() if self._heard is not None else []
            seen = self._downstream.findings() if self._downstream is not None else []
            quality = [*self._checker.findings(), *heard]
            self._checked = merge_findings(quality, [*seen, *words], disabled)
            problems = kept_problems(self._doc.problems, disabled)
            self._findings = [problem_finding(p) for p in problems] + self._checked
        self._worst = None
        self._rules = None
        self._rebuild()
        self.findings_changed.emit()

    def _rebuild(self) -> None:
        self.model.clear()
        self._unfilled = {}
        if self._pending is not None:
            count = f"{len(self._pending[1].cues):,}".replace(",", "\u00a0")
            self.summary.setText(self.tr("Checking {count} cues…").format(count=count))
            return
        if self._checker is None:
            self.summary.setText(self.tr("No document"))
            return
        groups: dict[Severity, dict[str, list[Finding]]] = {s: {} for s in SEVERITY_ORDER}
        for finding in self._findings:
            groups[finding.severity].setdefault(finding.rule, []).append(finding)
        root = self.model.invisibleRootItem()
        for severity in SEVERITY_ORDER:
            rules = groups[severity]
            if not rules:
                continue
            total = sum(len(found) for found in rules.values())
            top = QStandardItem(f"{self.tr(SEVERITY_TITLES[severity])} ({total})")
            top.setIcon(severity_icon(severity))
            top.setData(severity.value, Qt.ItemDataRole.AccessibleDescriptionRole)
            for rule in sorted(rules):
                found = rules[rule]
                item = QStandardItem(f"{rule} {rule_title(rule)} ({len(found)})")
                item.setToolTip(plain_tip(found[0].message))
                # The rows of a rule are made when it is first opened: a long file has tens
                # of thousands of findings and the tree is rebuilt after every pause in typing.
                key = len(self._unfilled)
                self._unfilled[key] = found
                item.setData(key, UNFILLED_ROLE)
                item.appendRow(QStandardItem("…"))
                top.appendRow(item)
            root.appendRow(top)
            self.view.expand(top.index())
        counts = {s: sum(len(f) for f in groups[s].values()) for s in SEVERITY_ORDER}
        profile = self._checker.profile
        summary = (
            f"{profile.name}: {count_errors(counts[Severity.ERROR])}, "
            f"{count_warnings(counts[Severity.WARN])}, {count_notes(counts[Severity.INFO])}"
            if self._findings
            else self.tr("No issues against {profile}.").format(profile=profile.name)
        )
        if summary != self.summary.text():
            self.summary.setText(summary)
            announce(self.summary, self.tr("Check finished: {summary}").format(summary=summary))

    def _fill(self, index: QModelIndex) -> None:
        """Make the finding rows of the rule at ``index`` if they are not made yet."""
        item = self.model.itemFromIndex(index)
        key = item.data(UNFILLED_ROLE) if item is not None else None
        found = self._unfilled.pop(key, None) if isinstance(key, int) else None
        if item is None or found is None:
            return
        doc = self._window.document
        item.removeRows(0, item.rowCount())
        for finding in found[:MAX_ROWS_PER_RULE]:
            item.appendRow(self._finding_item(finding, doc))
        if len(found) > MAX_ROWS_PER_RULE:
            more = len(found) - MAX_ROWS_PER_RULE
            item.appendRow(
                QStandardItem(
                    self.tr("… {more} more (use F8 to go through them)").format(more=more)
                )
            )

    @staticmethod
    def _finding_item(finding: Finding, doc: Document | None) -> QStandardItem:
        if finding.cue_index is not None and doc is not None and finding.cue_index < len(doc):
            cue = doc.cues[finding.cue_index]
            where = f"#{finding.cue_index + 1} {format_ms(cue.start_ms)}"
        elif finding.line is not None:
            where = QCoreApplication.translate("IssuesPanel", "Line {line}").format(
                line=finding.line
            )
        else:
            where = QCoreApplication.translate("IssuesPanel", "File")
        item = QStandardItem(f"{where}  {finding.message}")
        item.setIcon(severity_icon(finding.severity))
        item.setData(
            f"{severity_word(finding.severity)}: {where}  {finding.message}",
            Qt.ItemDataRole.AccessibleTextRole,
        )
        item.setToolTip(
            plain_tip(
                finding.message
                + (
                    "\n"
                    + QCoreApplication.translate("IssuesPanel", "Suggested: {text}").format(
                        text=finding.suggestion
                    )
                    if finding.suggestion
                    else ""
                )
            )
        )
        item.setData(finding, FINDING_ROLE)
        return item

    # -- going to issues
    def _on_activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            self.go_to(finding)

    def go_to(self, finding: Finding) -> None:
        """Select the finding's cue, play it, and put the cursor on its text."""
        self._last = _position(finding)
        doc = self._window.document
        if finding.cue_index is not None:
            self._window.select_cue(finding.cue_index, finding.span, play=True)
        elif finding.line is not None and doc is not None:
            # A problem the reader met: the cue read last before its line is where to look.
            near = cue_near_line(doc.cues, finding.line)
            if near is not None:
                self._window.select_cue(near)
        self._window.status_message(f"{finding.rule} {finding.severity.value}: {finding.message}")

    def next_issue(self, step: int = 1) -> Finding | None:
        """Go to the next (``step`` 1) or previous (-1) issue in cue order, wrapping around."""
        if self._timer.isActive():
            self.refresh()
        if self._pending is not None:
            self._window.status_message(
                self.tr("Still checking the captions; try again in a moment.")
            )
            return None
        located = sorted((f for f in self._findings if f.cue_index is not None), key=_position)
        if not located:
            self._window.status_message(self.tr("No issues."))
            return None
        here = self._here()
        if step > 0:
            target = next((f for f in located if _position(f) > here), located[0])
        else:
            target = next((f for f in reversed(located) if _position(f) < here), located[-1])
        self.go_to(target)
        self._select_in_tree(target)
        return target

    def _here(self) -> tuple[int, int, str]:
        current = self._window.current_index()
        if self._last is not None and (current is None or current == self._last[0]):
            return self._last
        return (-1, -1, "") if current is None else (current, -2, "")

    def _select_in_tree(self, finding: Finding) -> None:
        for top in range(self.model.rowCount()):
            severity_item = self.model.item(top)
            for r in range(severity_item.rowCount()):
                rule_item = severity_item.child(r)
                if rule_item.text().split(" ", 1)[0] != finding.rule:
                    continue
                self._fill(rule_item.index())
                for c in range(rule_item.rowCount()):
                    child = rule_item.child(c)
                    if child.data(FINDING_ROLE) == finding:
                        self.view.setCurrentIndex(child.index())
                        self.view.scrollTo(child.index())
                        return


class _Features(QObject):
    """The menu actions ``install`` adds, kept together so the window owns them."""

    def __init__(self, window: Host, panel: IssuesPanel) -> None:
        super().__init__(window.window())
        self.window = window
        self.main = window.window()
        self.panel = panel
        # What the report's "Accuracy of the automatic captions" section needs, when the
        # review feature is installed (app.install_features connects it).
        self.accuracy: Callable[[], AccuracyInput | None] | None = None

    def next(self) -> Finding | None:
        """Check ▸ Next issue."""
        return self.panel.next_issue(1)

    def previous(self) -> Finding | None:
        """Check ▸ Previous issue."""
        return self.panel.next_issue(-1)

    def export_report(self) -> Path | None:
        """Ask where to save the HTML report of the current document and write it."""
        doc = self.window.document
        if doc is None:
            self.window.status_message(self.tr("Open a caption file first."))
            return None
        suggested = (
            doc.path.with_name(f"{doc.path.stem}.report.html")
            if doc.path
            else Path.home() / "captions.report.html"
        )
        name, _ = QFileDialog.getSaveFileName(
            self.main, self.tr("Export report"), str(suggested), self.tr("HTML report (*.html)")
        )
        if not name:
            return None
        return self.write_report(Path(name))

    def write_report(self, target: Path) -> Path | None:
        """Write the report of the current document to ``target``."""
        doc = self.window.document
        self.panel.wait()
        if doc is None or self.panel.checker is None:
            return None
        self.panel.refresh()
        title = doc.path.name if doc.path else self.tr("Untitled captions")
        profile = self.panel.checker.profile
        problems = kept_problems(doc.problems, profile.disabled_rules)
        page = render_report(
            ReportInput(
                title,
                doc.cues,
                problems,
                self.panel.checked_findings,
                profile,
                self.accuracy() if self.accuracy is not None else None,
            )
        )
        try:
            write_report(target, page)
        except OSError as error:
            self.window.warn(
                self.tr("Export report"),
                self.tr("The report could not be written to {target}:\n{value}").format(
                    target=target, value=error.strerror or error
                ),
            )
            return None
        self.window.status_message(self.tr("Report written to {target}").format(target=target))
        return target

    def check_downstream(self) -> None:
        """Check ▸ Check as webvtt-py reads it: compare the text as it is now (PUB-01)."""
        if self.panel.downstream is not None:
            self.panel.downstream.run()

    def load_profile_file(self) -> Profile | None:
        """Ask for a profile .toml file, keep a copy in the user folder and use it."""
        name, _ = QFileDialog.getOpenFileName(
            self.main,
            self.tr("Load quality profile"),
            str(user_profile_dir()),
            self.tr("Profiles (*.toml)"),
        )
        return self.use_profile_file(Path(name)) if name else None

    def use_profile_file(self, path: Path) -> Profile | None:
        """Load ``path`` as a profile; the copy in the user folder lets the app remember it."""
        try:
            profile = load_profile(path)
        except ProfileError as error:
            self.window.warn(self.tr("Load quality profile"), str(error))
            return None
        folder = user_profile_dir()
        folder.mkdir(parents=True, exist_ok=True)
        copy = folder / path.name
        if copy.resolve() != path.resolve():
            shutil.copyfile(path, copy)
        self.window.set_profile(profile)
        self.window.status_message(
            self.tr("Quality profile: {title}").format(title=_(profile.title))
        )
        return profile

    def open_fix(self, fix: Fix) -> FixPreviewDialog | None:
        """Preview ``fix`` for the selected cues (or all) and apply it if the user agrees."""
        doc = self.window.document
        if doc is None:
            self.window.status_message(self.tr("Open a caption file first."))
            return None
        dialog = FixPreviewDialog(
            doc, fix, self.window.profile, self.window.selected_indices(), self.main
        )
        dialog.open()
        return dialog


def _move_after(menu: QMenu, action: QAction, name: str) -> None:
    """Put ``action`` right after the menu's action named ``name`` (Quit stays last)."""
    menu.removeAction(action)
    actions = menu.actions()
    names = [a.objectName() for a in actions]
    following = names.index(name) + 1 if name in names else len(actions)
    if following < len(actions):
        menu.insertAction(actions[following], action)
    else:
        menu.addAction(action)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "nextIssue",
        QT_TRANSLATE_NOOP("ActionSpec", "&Next issue"),
        "Check",
        ("F8",),
        QT_TRANSLATE_NOOP("ActionSpec", "Go to the next issue in cue order"),
        "next",
    ),
    ActionSpec(
        "previousIssue",
        QT_TRANSLATE_NOOP("ActionSpec", "&Previous issue"),
        "Check",
        ("Shift+F8",),
        QT_TRANSLATE_NOOP("ActionSpec", "Go to the previous issue in cue order"),
        "previous",
    ),
    ActionSpec(
        "exportReport",
        QT_TRANSLATE_NOOP("ActionSpec", "Export &report…"),
        "File",
        (),
        QT_TRANSLATE_NOOP("ActionSpec", "Write an HTML report of the captions' quality"),
        "export_report",
    ),
    ActionSpec(
        "loadProfile",
        QT_TRANSLATE_NOOP("ActionSpec", "Load quality &profile…"),
        "Check",
        (),
        QT_TRANSLATE_NOOP("ActionSpec", "Use a quality profile from a TOML file"),
        "load_profile_file",
    ),
    ActionSpec(
        "checkDownstream",
        QT_TRANSLATE_NOOP("ActionSpec", "Check as &webvtt-py reads it"),
        "Check",
        (),
        QT_TRANSLATE_NOOP(
            "ActionSpec",
            "Read the text that saving writes with webvtt-py, as many publishing scripts do, "
            "and list the cues it reads differently (PUB-01)",
        ),
        "check_downstream",
    ),
)


def install(window: Host) -> IssuesPanel:
    """Add the issues panel and its actions to ``window``."""
    panel = IssuesPanel(window, window.window())
    window.add_dock(panel, Qt.DockWidgetArea.RightDockWidgetArea)
    features = _Features(window, panel)
    panel.tools = features
    actions = add_actions(window, ACTIONS, (features,))
    _move_after(window.menu("File"), actions["exportReport"], "export_srt")

    fix_menu = window.menu("Check").addMenu(QCoreApplication.translate("issues_panel", "&Fix"))
    for fix in FIXES:
        action = QAction(f"{_(fix.title)}…", window.window())
        action.setObjectName(f"fix-{fix.name}")
        action.setToolTip(
            QCoreApplication.translate("issues_panel", "Rules: {join}").format(
                join=", ".join(fix.rules)
            )
        )
        action.triggered.connect(lambda _checked=False, f=fix: features.open_fix(f))
        fix_menu.addAction(action)

    show = panel.toggleViewAction()
    show.setText(QCoreApplication.translate("issues_panel", "&Issues"))
    window.menu("View").addAction(show)

    # The cue list marks the cues that have issues (a dot in the row header).
    window.cue_model.set_issue_source(panel)
    panel.findings_changed.connect(window.cue_model.issues_changed)
    window.document_changed.connect(panel.set_document)
    window.profile_changed.connect(panel.set_profile)
    panel.set_document(window.document)

    # PUB-01: the file as webvtt-py reads it, on opening, after each save and on demand.
    downstream = DownstreamView(lambda: window.profile.disabled_rules, window.window())
    panel.follow_downstream(downstream)
    window.document_changed.connect(downstream.set_document)
    window.profile_changed.connect(lambda _profile: downstream.run())
    downstream.set_document(window.document)
    return panel
