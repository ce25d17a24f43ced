"""The issues panel in the real main window: grouping and counts, going to an issue with the
mouse and with F8/Shift+F8, live updates after edits and profile changes, fixes previewed and
applied as one undo step, the report export and user profiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from captionreview.core.checks import check_document
from captionreview.core.checks.findings import merge_findings
from captionreview.core.model import Cue, Severity
from captionreview.core.profiles import builtin_profile
from captionreview.core.words.flags import RULE_TITLES as WORD_RULE_TITLES
from captionreview.qt.fix_preview import FixPreviewDialog
from captionreview.qt.issues_panel import FINDING_ROLE, IssuesPanel
from tests.gui.windowtools import make_window_fixture, open_captions

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]

CAPTIONS = """WEBVTT

00:00:01.000 --> 00:00:04.000
Välkommen till  föreläsningen.

00:00:04.500 --> 00:00:08.000
Svensson & Son har ordet.

00:00:07.000 --> 00:00:09.000
Det här är överlappande text.

00:00:10.000 --> 00:00:13.000
Ingen  anmärkning här, eller?
"""


@pytest.fixture(name="window")
def window_fixture(qtbot, make_window, tmp_path: Path):
    """The real main window with a small caption file open (no video), its word flags in."""
    window = open_captions(make_window, tmp_path, "talk.sv.vtt", CAPTIONS)
    settle(qtbot, window)
    return window


def settle(qtbot, window) -> None:
    """Wait for the spell check's background pass and show its flags in the panel."""
    spell = window.findChild(QObject, "spellCheck")
    assert spell is not None
    qtbot.waitUntil(lambda: not spell.is_checking(), timeout=30_000)
    qtbot.wait(20)
    panel_of(window).refresh()


def checks_only(findings) -> list:
    """The findings of the quality checks (the word flags left out)."""
    return [f for f in findings if f.rule not in WORD_RULE_TITLES]


def panel_of(window) -> IssuesPanel:
    panel = window.findChild(IssuesPanel)
    assert panel is not None, getattr(window, "feature_errors", None)
    panel.show()
    panel.raise_()
    return panel


def tree(panel: IssuesPanel) -> dict[str, list[str]]:
    """Severity row text -> its rule rows' texts."""
    model = panel.model
    return {
        model.item(r).text(): [
            model.item(r).child(c).text() for c in range(model.item(r).rowCount())
        ]
        for r in range(model.rowCount())
    }


def test_groups_by_severity_then_rule_with_counts(window) -> None:
    panel = panel_of(window)
    findings = check_document(window.document, window.profile)
    errors = [f for f in findings if f.severity.value == "error"]
    shown = tree(panel)
    assert f"Errors ({len(errors)})" in shown
    error_rules = shown[f"Errors ({len(errors)})"]
    assert "TIM-05 Overlapping cues (1)" in error_rules
    assert "VTT-ESC-01 Escaping of & and < (1)" in error_rules
    assert any(text.startswith("TXT-15 Whitespace (2)") for rows in shown.values() for text in rows)
    assert panel.summary.text().startswith(f"se-public: {len(errors)} errors")
    assert panel.worst_severity(2) is Severity.ERROR  # the overlap
    assert panel.worst_severity(0) is Severity.INFO  # double space only


def test_activating_an_issue_selects_the_cue_and_the_text(qtbot, window) -> None:
    panel = panel_of(window)
    model = panel.model
    errors = model.item(0)
    rule = next(
        errors.child(r)
        for r in range(errors.rowCount())
        if errors.child(r).text().startswith("VTT-ESC-01")
    )
    panel.view.expand(rule.index())
    item = rule.child(0)
    rect = panel.view.visualRect(item.index())
    # A double click is a press, a release, then the double-click event.
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_index() == 1
    assert window.editor.text_edit.textCursor().selectedText() == "&"
    assert item.data(FINDING_ROLE).rule == "VTT-ESC-01"
    overlap = next(
        errors.child(r)
        for r in range(errors.rowCount())
        if errors.child(r).text().startswith("TIM-05")
    )
    panel.view.expand(overlap.index())
    panel.view.setCurrentIndex(overlap.child(0).index())
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.current_index() == 2


def test_next_and_previous_issue_keys(qtbot, window) -> None:
    panel = panel_of(window)
    located = [f for f in panel.findings if f.cue_index is not None]
    editor = window.editor.text_edit

    def state() -> tuple[int | None, str]:
        return window.current_index(), window.statusBar().currentMessage()

    window.activateWindow()
    states = []
    for _ in range(len(located) + 1):
        qtbot.keyClick(editor, Qt.Key.Key_F8)
        states.append(state())
    first = sorted(located, key=lambda f: (f.cue_index, f.span[0] if f.span else -1))[0]
    assert states[0][0] == first.cue_index
    assert len(set(states[:-1])) == len(located)  # every issue once...
    assert states[-1] == states[0]  # ...then around again
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    qtbot.keyClick(editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert state() == states[0]
    qtbot.keyClick(editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert state() == states[-2]  # wraps backwards to the last issue
    names = [
        a.text().replace("&", "") for a, menu in window.registered_actions() if menu == "Check"
    ]
    assert "Next issue" in names and "Previous issue" in names
    assert window.shortcut_conflicts() == []


def test_edits_and_profile_changes_update_the_panel(qtbot, window) -> None:
    panel = panel_of(window)
    doc = window.document
    doc.set_text(1, "Svensson &amp; Son har ordet.")
    qtbot.waitUntil(lambda: not any(f.rule == "VTT-ESC-01" for f in panel.findings), timeout=3000)
    assert not any(t.startswith("VTT-ESC-01") for rows in tree(panel).values() for t in rows)
    doc.undo()
    qtbot.waitUntil(lambda: any(f.rule == "VTT-ESC-01" for f in panel.findings), timeout=3000)
    lay08 = [f for f in panel.findings if f.rule == "LAY-08"]
    assert lay08  # centred cues against the left-aligned se-public house style
    window.set_profile(builtin_profile("netflix-sv"))
    assert panel.summary.text().startswith("netflix-sv:")
    assert not [f for f in panel.findings if f.rule == "LAY-08"]


def test_fix_preview_applies_as_one_undo_step(qtbot, window) -> None:
    panel_of(window)
    doc = window.document
    before = doc.text()
    action = window.findChild(QAction, "fix-whitespace")
    assert action is not None
    action.trigger()
    dialog = window.findChild(FixPreviewDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 2
    assert "Välkommen till föreläsningen." in dialog.model.item(0, 2).text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert doc.cues[0].text == "Välkommen till föreläsningen."
    assert doc.cues[3].text == "Ingen anmärkning här, eller?"
    assert doc.undo_description == "Fix spaces"
    doc.undo()
    assert doc.text() == before


def test_fix_preview_scope_selected_cues(qtbot, window) -> None:
    doc = window.document
    window.select_cue(3)
    from captionreview.core.checks.fixes import FIXES_BY_NAME

    dialog = FixPreviewDialog(doc, FIXES_BY_NAME["whitespace"], window.profile, [3], window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2  # all cues by default
    dialog.scope.setCurrentIndex(dialog.scope.findData("selected"))
    assert dialog.model.rowCount() == 1 and dialog.model.item(0, 0).text() == "#4"
    nothing = FixPreviewDialog(doc, FIXES_BY_NAME["modernise-settings"], window.profile, [], window)
    qtbot.addWidget(nothing)
    assert not nothing.buttons.button(QDialogButtonBox.StandardButton.Apply).isEnabled()


def test_export_report_and_user_profile(window, tmp_path: Path) -> None:
    panel = panel_of(window)
    assert panel.tools is not None
    target = panel.tools.write_report(tmp_path / "out.html")
    assert target is not None
    page = target.read_text(encoding="utf-8")
    assert "talk.sv.vtt" in page and "<svg" in page and "Svensson <mark>&amp;</mark>" in page
    profile_file = tmp_path / "strikt.toml"
    profile_file.write_text('disabled_rules = ["TXT-15"]\nmax_chars_per_line = 30\n', "utf-8")
    profile = panel.tools.use_profile_file(profile_file)
    assert profile is not None and window.profile.name == "strikt"
    assert not [f for f in panel.findings if f.rule == "TXT-15"]
    names = [a.text().replace("&", "") for a, menu in window.registered_actions() if menu == "File"]
    assert "Export report…" in names


def test_closing_the_document_clears_the_panel(window) -> None:
    panel = panel_of(window)
    window.set_document(None, ask=False)
    assert panel.model.rowCount() == 0 and panel.findings == []
    assert QApplication.instance() is not None


def test_fix_preview_of_a_long_file_applies_every_change(qtbot) -> None:
    from captionreview.core.checks.fixes import FIXES_BY_NAME
    from captionreview.core.document import Document
    from captionreview.qt.fix_preview import MAX_PREVIEW_ROWS

    blocks = [
        f"00:{n // 60:02d}:{n % 60:02d}.000 --> 00:{n // 60:02d}:{n % 60:02d}.900\nEtt  två"
        for n in range(1500)
    ]
    doc = Document.from_text("WEBVTT\n\n" + "\n\n".join(blocks) + "\n")
    dialog = FixPreviewDialog(doc, FIXES_BY_NAME["whitespace"], builtin_profile("se-public"))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == MAX_PREVIEW_ROWS
    assert dialog.count.text() == f"1500 cues will change (the first {MAX_PREVIEW_ROWS} are shown)."
    dialog.apply()
    assert all(c.text == "Ett två" for c in doc.cues)
    doc.undo()
    assert all(c.text == "Ett  två" for c in doc.cues)


def test_menu_actions_export_and_load_profile(window, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "via-menu.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    export = next(
        a
        for a, menu in window.registered_actions()
        if menu == "File" and a.text().replace("&", "") == "Export report…"
    )
    export.trigger()
    assert target.is_file() and "<svg" in target.read_text(encoding="utf-8")
    profile_file = tmp_path / "husstil.toml"
    profile_file.write_text("max_lines = 3\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(profile_file), ""))
    load = next(
        a
        for a, menu in window.registered_actions()
        if menu == "Check" and a.text().replace("&", "") == "Load quality profile…"
    )
    load.trigger()
    assert window.profile.name == "husstil" and window.profile.max_lines == 3


def merged(doc, profile) -> list:
    """The quality findings in the one order of window, check and report (no word flags)."""
    return merge_findings(check_document(doc, profile), [], profile.disabled_rules)


def _plain(findings) -> list[tuple[object, ...]]:
    return [
        (f.cue_index, f.rule, f.severity, f.message, f.span, f.suggestion)
        for f in checks_only(findings)
    ]


def test_a_long_file_is_checked_while_the_window_keeps_working(qtbot, make_window, tmp_path):
    import time

    from PySide6.QtCore import QTimer

    from captionreview.core.document import Document
    from tests.bench.bench_checks import lecture_vtt

    window = make_window(tmp_path / "journal")
    panel = panel_of(window)
    doc = Document.from_text(lecture_vtt(30_000))
    window.set_document(doc, ask=False)
    assert panel.is_checking()
    assert panel.summary.text() == "Checking 30\u00a0000 cues…"
    assert panel.findings == [] and panel.model.rowCount() == 0
    # the event loop keeps turning: a 10 ms timer ticks all through the check
    ticks: list[float] = []
    timer = QTimer(panel)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    # an edit made meanwhile is in the result (the worker saw the old text)
    doc.set_text(5, "Ett  två.")
    qtbot.keyClick(panel.view, Qt.Key.Key_F8)
    if panel.is_checking():
        assert window.statusBar().currentMessage().startswith("Still checking")
    qtbot.waitUntil(lambda: not panel.is_checking(), timeout=60_000)
    checked = time.monotonic() - started
    timer.stop()
    assert len(ticks) >= 5, (len(ticks), checked)
    assert max(b - a for a, b in zip([started, *ticks], ticks, strict=False)) < checked
    assert panel.summary.text().startswith("se-public:")
    assert _plain(panel.findings) == _plain(merged(doc, window.profile))
    assert any(f.rule == "TXT-15" and f.cue_index == 5 for f in panel.findings)
    # F8 finds its issue in the tree, whose rows are made when a rule is opened
    target = panel.next_issue(1)
    assert target is not None and panel.view.currentIndex().data(FINDING_ROLE) == target
    # after the first check, edits are re-checked on the spot
    doc.set_text(5, "Ett två.")
    assert not any(f.cue_index == 5 for f in panel.checker.findings() if f.rule == "TXT-15")


def test_cues_added_during_the_background_check_start_it_again(qtbot, make_window, tmp_path):
    from captionreview.core.document import Document
    from captionreview.core.model import Cue
    from captionreview.qt.issues_panel import BACKGROUND_FROM_CUES
    from tests.bench.bench_checks import lecture_vtt

    window = make_window(tmp_path / "journal")
    panel = panel_of(window)
    doc = Document.from_text(lecture_vtt(BACKGROUND_FROM_CUES))
    window.set_document(doc, ask=False)
    assert panel.is_checking()
    doc.insert(0, Cue(0, 500, "Ett  två."))
    assert panel.wait()
    qtbot.waitUntil(lambda: not panel.is_checking(), timeout=30_000)
    assert _plain(panel.findings) == _plain(merged(doc, window.profile))
    assert any(f.rule == "TXT-15" and f.cue_index == 0 for f in panel.findings)
    # replacing every cue (clean-up, sort) and its undo are checked in the background too
    cues = list(doc.cues)
    doc.replace_all(cues[1:], "Drop the first cue")
    assert panel.is_checking()
    qtbot.waitUntil(lambda: not panel.is_checking(), timeout=30_000)
    assert _plain(panel.findings) == _plain(merged(doc, window.profile))
    doc.undo()
    assert panel.is_checking()
    qtbot.waitUntil(lambda: not panel.is_checking(), timeout=30_000)
    assert _plain(panel.findings) == _plain(merged(doc, window.profile))
    # a profile change checks the long file in the background again
    window.set_profile(builtin_profile("netflix-sv"))
    assert panel.is_checking()
    qtbot.waitUntil(lambda: not panel.is_checking(), timeout=30_000)
    assert panel.summary.text().startswith("netflix-sv:")
    assert _plain(panel.findings) == _plain(merged(doc, builtin_profile("netflix-sv")))


WORDS = """WEBVTT

00:00:01.000 --> 00:00:04.000
Vi har en sjuk sköterska här.

00:00:04.500 --> 00:00:08.000
Det här är en felstavadd mening.
"""


def test_word_flags_are_grouped_under_their_rules(qtbot, make_window, tmp_path: Path) -> None:
    window = open_captions(make_window, tmp_path, "words.sv.vtt", WORDS)
    settle(qtbot, window)
    panel = panel_of(window)
    spell = window.findChild(QObject, "spellCheck")
    flags = spell.findings()
    assert {"ASR-11", "SPELL-01"} <= {f.rule for f in flags}
    rows = [text for texts in tree(panel).values() for text in texts]
    compounds = [f for f in flags if f.rule == "ASR-11"]
    assert f"ASR-11 {WORD_RULE_TITLES['ASR-11']} ({len(compounds)})" in rows
    assert any(text.startswith("SPELL-01 Misspelled word") for text in rows)
    # the panel shows the spell check's own flags: nothing is computed a second time
    shown = [f for f in panel.findings if f.rule in WORD_RULE_TITLES]
    assert len(shown) == len(flags)
    assert all(any(a is b for b in flags) for a in shown)
    assert checks_only(panel.findings) == panel.checker.findings()
    # going to a word flag puts the cursor on the words
    panel.go_to(compounds[0])
    assert window.current_index() == 0
    assert window.editor.text_edit.textCursor().selectedText() == "sjuk sköterska"
    # an edit that fixes it takes it out of the panel
    window.document.set_text(0, "Vi har en sjuksköterska här.")
    qtbot.waitUntil(lambda: not any(f.rule == "ASR-11" for f in panel.findings), timeout=5000)
    assert any(f.rule == "SPELL-01" for f in panel.findings)


def test_the_panel_counts_as_captionreview_check_does(
    qtbot, make_window, demo_dir: Path, tmp_path: Path
) -> None:
    import shutil
    from collections import Counter

    from captionreview.clitools.check import WordFlags, all_findings

    if not (demo_dir / "lecture.sv.vtt").is_file():
        pytest.skip(f"demo lecture missing: {demo_dir}")
    # A copy: the window writes a review file beside the captions it had open.
    for name in ("lecture.sv.vtt", "glossary.txt"):
        shutil.copy(demo_dir / name, tmp_path / name)
    demo = tmp_path / "lecture.sv.vtt"
    window = make_window()
    assert window.open_paths([demo])
    settle(qtbot, window)
    panel = panel_of(window)
    spell = window.findChild(QObject, "spellCheck")
    doc, profile = window.document, window.profile
    merged_flags = merge_findings(check_document(doc, profile), spell.findings(), [])
    assert panel.findings == merged_flags
    # The number flag is left out where a number-style rule already says it, as in `check`.
    words = WordFlags.create(None)
    assert not isinstance(words, str), words
    cli = all_findings(doc, profile, words)
    shown = Counter(f.rule for f in panel.findings)
    assert shown["ASR-10"] == Counter(f.rule for f in cli)["ASR-10"]
    assert shown["ASR-10"] < sum(1 for f in spell.findings() if f.rule == "ASR-10")
    assert panel.checked_findings == panel.findings  # the demo reads without problems


def test_a_file_without_its_webvtt_line_shows_the_problem_as_an_issue(
    qtbot, make_window, tmp_path: Path
) -> None:
    path = tmp_path / "headless.vtt"
    path.write_text("00:00:01.000 --> 00:00:03.000\nHej och välkommen.\n", encoding="utf-8")
    window = make_window()
    assert window.open_paths([path])
    panel = panel_of(window)
    panel.refresh()
    assert "No issues" not in panel.summary.text()
    rows = [text for texts in tree(panel).values() for text in texts]
    assert any(text.startswith("VTT-SIG-01 ") for text in rows), rows
    (problem,) = [f for f in panel.findings if f.rule == "VTT-SIG-01"]
    assert problem.line == 1 and problem.severity is Severity.ERROR
    rule_row = next(
        panel.model.item(r).child(c)
        for r in range(panel.model.rowCount())
        for c in range(panel.model.item(r).rowCount())
        if panel.model.item(r).child(c).text().startswith("VTT-SIG-01")
    )
    panel.view.expand(rule_row.index())
    assert rule_row.child(0).text().startswith("Line 1  ")


def test_the_cue_list_marks_cues_with_issues_including_word_flags(
    qtbot, make_window, tmp_path: Path
) -> None:
    window = open_captions(
        make_window,
        tmp_path,
        "marks.sv.vtt",
        CAPTIONS + "\n00:00:14.000 --> 00:00:16.000\nVi har en sjuk sköterska.\n",
    )
    settle(qtbot, window)
    panel = panel_of(window)
    model = window.cue_model
    vertical = Qt.Orientation.Vertical

    def marker(row: int):
        return model.headerData(row, vertical, Qt.ItemDataRole.DecorationRole)

    def tip(row: int) -> str:
        return model.headerData(row, vertical, Qt.ItemDataRole.ToolTipRole)

    assert panel.worst_severity(2) is Severity.ERROR
    assert marker(2) is not None and not marker(2).isNull()
    assert "TIM-05" in tip(2)
    assert "ASR-11" in tip(4), tip(4)
    for row in range(model.rowCount()):
        assert (marker(row) is None) == (panel.worst_severity(row) is None)
    changed = []
    model.headerDataChanged.connect(lambda *args: changed.append(args))
    window.document.set_text(4, "Ingen anmärkning.")
    qtbot.waitUntil(lambda: "ASR-11" not in tip(4), timeout=5000)
    assert changed


def test_the_panel_lists_what_webvtt_py_reads_differently(
    qtbot, make_window, tmp_path: Path
) -> None:
    window = open_captions(
        make_window,
        tmp_path,
        "publish.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nEtt.\n\n"
        "00:00:3.000 --> 00:00:04.500\nTvå.\n\n00:00:05.000 --> 00:00:06.500\nTre.\n",
    )
    panel = panel_of(window)
    view = panel.downstream
    assert view is not None and view.wait()
    qtbot.waitUntil(lambda: any(f.rule == "PUB-01" for f in panel.findings), timeout=5000)
    (finding,) = [f for f in panel.findings if f.rule == "PUB-01"]
    assert finding.cue_index == 0 and finding.severity is Severity.WARN
    assert "00:00:03.000 --> 00:00:04.500 “Två.”" in finding.message
    rows = [text for texts in tree(panel).values() for text in texts]
    assert "PUB-01 Read differently by webvtt-py (1)" in rows
    # The finding follows its cue when a cue is put in front of it.
    window.document.insert(0, Cue(0, 500, "Noll."))
    panel.refresh()
    assert [f.cue_index for f in panel.findings if f.rule == "PUB-01"] == [1]
    # A finding whose cue is deleted goes; Check ▸ Check as webvtt-py reads it compares the
    # text as it is now, where the skipped block follows cue 0.
    window.document.delete([1])
    panel.refresh()
    assert not [f for f in panel.findings if f.rule == "PUB-01"]
    action = window.findChild(QAction, "checkDownstream")
    assert action is not None and action in window.menu("Check").actions()
    action.trigger()
    assert view.wait()
    qtbot.waitUntil(lambda: any(f.rule == "PUB-01" for f in panel.findings), timeout=5000)
    assert [f.cue_index for f in panel.findings if f.rule == "PUB-01"] == [0]


def test_the_selected_issue_is_shown_whole_under_the_list(qtbot, window) -> None:
    panel = panel_of(window)
    panel.resize(160, 400)
    panel.view.expandAll()
    panel.view.setFocus()
    top = panel.model.item(0)
    rule = top.child(0)
    panel.view.setCurrentIndex(rule.index())
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)  # the rule is open: its first finding
    finding = panel.model.itemFromIndex(panel.view.currentIndex()).data(FINDING_ROLE)
    assert finding is not None
    detail = panel.detail.text()
    assert detail.startswith(finding.message)
    assert panel.detail.textFormat() == Qt.TextFormat.PlainText and panel.detail.wordWrap()
    assert panel.view.fontMetrics().horizontalAdvance(finding.message) > panel.view.width()
