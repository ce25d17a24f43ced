"""The Swedish translations are complete, compiled from their sources, and safe to format.

The core's catalogue (``captionreview/locale/sv/LC_MESSAGES/captionreview.po`` and its
committed ``.mo``) and the window's (``captionreview/locale/captionreview_sv.ts`` and its
``.qm``) are kept in step by ``scripts/translations.py``; these tests fail when a string in the
code has no Swedish, or when a compiled file is older than its source.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts/translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z_0-9]*)?[^{}]*\}")


def placeholders(text: str) -> set[str]:
    """The names of the ``str.format`` fields in ``text``."""
    return {m.group(1) or "" for m in PLACEHOLDER.finditer(text)}


def test_every_core_message_in_the_code_is_in_the_swedish_catalogue() -> None:
    in_code = set(tool.extract_core())
    in_po = set(tool.read_po(tool.PO_FILE))
    assert in_code - in_po == set(), "run scripts/translations.py update and translate"
    assert in_po - in_code == set(), "run scripts/translations.py update (obsolete entries)"


def test_every_core_message_has_a_finished_swedish_translation() -> None:
    untranslated = [m.msgid for m in tool.read_po(tool.PO_FILE).values() if not m.translated]
    assert untranslated == []


def test_the_compiled_mo_matches_the_po() -> None:
    assert tool.MO_FILE.read_bytes() == tool.compile_mo(tool.read_po(tool.PO_FILE)), (
        "run scripts/translations.py build"
    )


def test_swedish_core_messages_use_only_the_fields_the_code_fills_in() -> None:
    for message in tool.read_po(tool.PO_FILE).values():
        english = placeholders(message.msgid) | placeholders(message.plural or "")
        for text in message.translations:
            assert placeholders(text) <= english, (message.msgid, text)


def _ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(tool.TS_FILE).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_window_string_has_a_finished_swedish_translation() -> None:
    unfinished = []
    for context, source, message in _ts_messages():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            f.strip() for f in forms
        ):
            unfinished.append(f"{context}: {source}")
    assert unfinished == []


def test_swedish_window_strings_keep_their_placeholders() -> None:
    for context, source, message in _ts_messages():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            assert placeholders(text) <= placeholders(source), (context, source, text)
            assert set(re.findall(r"%n|%\d", text)) <= set(re.findall(r"%n|%\d", source)) | {
                "%n"
            }, (context, source, text)


@pytest.mark.slow
def test_the_ts_holds_every_string_the_window_marks(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    tool.run_lupdate(fresh)
    found = {(c, s) for c, s, _m in _parse(fresh)}
    committed = {(c, s) for c, s, _m in _ts_messages()}
    assert found - committed == set(), "run scripts/translations.py update and translate"
    assert committed - found == set(), "run scripts/translations.py update (obsolete strings)"


def _parse(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_the_compiled_qm_matches_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    tool.run_lrelease(tool.TS_FILE, fresh)
    assert tool.QM_FILE.read_bytes() == fresh.read_bytes(), "run scripts/translations.py build"
