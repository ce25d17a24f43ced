"""The window as a screen reader finds it: the real app under Xvfb on the AT-SPI bus
(``dbus-run-session``, Debian's at-spi2-core and python3-pyatspi), its accessible tree walked
from outside in Swedish and in English.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walk.py")
KEYS = Path(__file__).with_name("atspi_keys.py")
SYSTEM_PYTHON = Path("/usr/bin/python3")
MARKER = "ATSPI-TREE "
CAPTIONS = ROOT / "assets" / "demo" / "lecture.sv.vtt"
SEVERITY_WORDS = {"sv": ("fel", "varning", "anmärkning"), "en": ("error", "warning", "note")}
# View ▸ Language names each language in itself, so it reads the same in both.
SAME_IN_BOTH = {"Svenska", "English"}

pytestmark = [pytest.mark.gui, pytest.mark.slow, pytest.mark.timeout(300)]


def _missing(tools: tuple[str, ...] = ("xvfb-run", "dbus-run-session")) -> str | None:
    for tool in tools:
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: xvfb, dbus)"
    if not SYSTEM_PYTHON.is_file():
        return "no /usr/bin/python3"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        return "python3-pyatspi is not installed (Debian: python3-pyatspi at-spi2-core)"
    return None


def run_on_the_bus(script: Path, marker: str, language: str, home: Path, **extra: str) -> Any:
    """Start the app on a copy of the demo captions in ``language`` under Xvfb on its own
    accessibility bus, with ``script`` (Debian's Python, pyatspi) driving and reading it from
    outside; return the JSON that ``script`` prints after ``marker``. Settings live in
    ``home`` (each run its own, so one run's recent files do not show in the next)."""
    # A copy: the window writes its review beside the captions it opens.
    captions = home / CAPTIONS.name
    shutil.copy(CAPTIONS, captions)
    command = [
        sys.executable,
        "-m",
        "captionreview",
        "--lang",
        language,
        "--no-demo",
        str(captions),
    ]
    session = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "dbus-run-session", "--"]
    out = subprocess.run(
        [*session, str(SYSTEM_PYTHON), str(script), "60", *command],
        capture_output=True,
        text=True,
        timeout=150,
        # On a real X display, with fresh settings.
        env=dict(
            os.environ,
            QT_QPA_PLATFORM="xcb",
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_STATE_HOME=str(home / "state"),
            **extra,
        ),
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith(marker)]
    assert lines, out.stdout[-2000:] + out.stderr[-2000:]
    return json.loads(lines[-1][len(marker) :])


def walk_app(language: str, home: Path) -> list[dict[str, Any]]:
    """The accessible tree of the app opened on the demo captions in ``language``."""
    reason = _missing()
    if reason is not None:
        pytest.skip(reason)
    nodes: list[dict[str, Any]] = run_on_the_bus(WALKER, MARKER, language, home)
    assert nodes
    return nodes


@pytest.fixture(scope="module", name="trees")
def trees_fixture(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """The tree in Swedish and in English."""
    return {
        language: walk_app(language, tmp_path_factory.mktemp(language)) for language in ("sv", "en")
    }


def menu_items(nodes: list[dict[str, Any]]) -> list[str]:
    """The names of every menu and menu item, in tree order."""
    return [n["name"] for n in nodes if n["role"] in ("menu", "menu item", "check menu item")]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_focusable_control_has_a_name(trees: dict[str, Any], language: str) -> None:
    unnamed = [
        (n["role"], n["path"][-3:])
        for n in trees[language]
        if "focusable" in n["states"]
        and not n["name"].strip()
        and n["role"] != "table cell"
        # A combo box's drop-down list speaks through the (named) combo box.
        and n["path"][-1:] != ["combo box"]
    ]
    assert unnamed == []


def test_every_menu_item_is_translated_into_swedish(trees: dict[str, Any]) -> None:
    swedish, english = menu_items(trees["sv"]), menu_items(trees["en"])
    assert len(swedish) == len(english) > 50
    untranslated = [
        en for sv, en in zip(swedish, english, strict=True) if sv == en and en not in SAME_IN_BOTH
    ]
    assert untranslated == []
    assert {"Arkiv", "Redigera", "Visa", "Hjälp"} <= set(swedish)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_cue_list_has_the_focus_after_opening(trees: dict[str, Any], language: str) -> None:
    focused = [n for n in trees[language] if "focused" in n["states"]]
    assert focused and "table" in focused[0]["path"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_cue_rows_name_their_severity_in_words(trees: dict[str, Any], language: str) -> None:
    headers = [n["name"] for n in trees[language] if n["role"] == "table row header"]
    words = {name.split(", ", 1)[1] for name in headers if ", " in name}
    assert words and words <= set(SEVERITY_WORDS[language])


def test_the_word_menu_from_the_keyboard_as_a_screen_reader_hears_it(tmp_path: Path) -> None:
    # Swedish, as the editors use it: F7 to the next suspicious word, Ctrl+. for its menu,
    # Return — keys through the X server, heard over AT-SPI from outside the app.
    reason = _missing(("xvfb-run", "dbus-run-session", "xdotool"))
    if reason is not None:
        pytest.skip(reason + " (Debian: xdotool)" if "xdotool" in reason else reason)
    heard = run_on_the_bus(KEYS, "ATSPI-KEYS ", "sv", tmp_path, CUE_TEXT_NAME="Undertextens text")
    assert heard["error"] is None, heard["error"]
    menus = [
        e
        for e in heard["events"]
        if e["role"] == "popup menu" and e["on"] and "showing" in e["type"]
    ]
    focused = [
        e
        for e in heard["events"]
        if e["type"].endswith("focused") and e["on"] and e["parent_role"] == "popup menu"
    ]
    # The menu is named by the flag's explanation, and the keyboard is on the first fix.
    assert menus and menus[0]["name"] not in ("", "CaptionReview")
    assert focused and focused[0]["role"] == "menu item"
    first = focused[0]["name"]
    assert first.startswith("Ersätt med ”") and first.endswith("”")
    fix = first[len("Ersätt med ”") : -1]
    assert fix in heard["text_after"] and heard["text_after"] != heard["text_before"]
