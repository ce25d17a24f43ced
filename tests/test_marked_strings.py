"""Every string the window shows goes through Qt's translation system: a text, tooltip, title,
accessible name or message given to Qt as a plain literal fails this test (AST scan of qt/).

Marked means inside ``self.tr()``, ``QCoreApplication.translate()`` or ``QT_TRANSLATE_NOOP()``
(lupdate gathers those), or ``ngettext()`` for plurals; the Swedish for each is checked by
tests/test_translations.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

QT = Path(__file__).resolve().parents[1] / "captionreview" / "qt"
# Calls whose argument at these positions is text for people.
SHOWN: dict[str, tuple[int, ...]] = {
    "setText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setWindowTitle": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setIconText": (0,),
    "showMessage": (0,),
    "status_message": (0,),
    "QAction": (0,),
    "QMenu": (0,),
    "addMenu": (0,),
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QDockWidget": (0,),
    "addButton": (0,),
    "addTab": (1,),
    "information": (1, 2),
    "warning": (1, 2),
    "question": (1, 2),
    "critical": (1, 2),
    "warn": (0, 1),
    "getOpenFileName": (1,),
    "getSaveFileName": (1,),
}
WORDS = re.compile(r"[^\W\d_]{2,}")


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal_text(node: ast.expr) -> str | None:
    """The words of a plain string or f-string literal (None for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def unmarked(path: Path) -> list[str]:
    """``file:line: text`` for each shown literal in ``path`` that is not marked."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        positions = SHOWN.get(_name(node.func) or "")
        if positions is None:
            continue
        for position in positions:
            if position < len(node.args):
                text = _literal_text(node.args[position])
                if text is not None and WORDS.search(text):
                    found.append(f"{path.name}:{node.lineno}: {text!r}")
    return found


def test_the_scan_finds_an_unmarked_label_and_passes_a_marked_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label = QLabel('Start')\nlabel.setToolTip(self.tr('Start'))\n"
        "box.setText(f'{n} cues')\nbox.setText(str(n))\n",
        encoding="utf-8",
    )
    assert unmarked(sample) == ["sample.py:1: 'Start'", "sample.py:3: ' cues'"]


def test_every_string_the_window_shows_is_marked_for_translation() -> None:
    found = [line for path in sorted(QT.glob("*.py")) for line in unmarked(path)]
    assert found == []
