"""The README's keyboard-shortcut table is what the running window registers.

On failure the assertion message holds the table to paste into README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.windowtools import make_window_fixture  # noqa: F401

README = Path(__file__).resolve().parents[2] / "README.md"
MENUS = ("File", "Edit", "Playback", "Captions", "View", "Check", "Help")


def shortcut_table(rows: list[tuple[str, str, str]]) -> str:
    """Return the Markdown table of commands that have keys, grouped by menu."""
    lines = ["| Menu | Command | Keys |", "|---|---|---|"]
    for menu in MENUS:
        for row_menu, command, keys in rows:
            if row_menu == menu and keys != "—":
                lines.append(f"| {menu} | {command} | {keys} |")
    return "\n".join(lines)


@pytest.mark.gui
def test_readme_lists_every_registered_shortcut(make_window) -> None:
    from captionreview.qt.shortcuts_dialog import shortcut_rows

    window = make_window()
    rows = shortcut_rows(window.registered_actions())
    assert sum(1 for _m, _c, keys in rows if keys != "—") >= 30
    expected = shortcut_table(rows)
    readme = README.read_text(encoding="utf-8")
    assert expected in readme, "README.md's shortcut table is out of date; use:\n\n" + expected
