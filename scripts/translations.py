#!/usr/bin/env python3
"""Keep the Swedish translations in step with the code, and build what the package ships.

    .venv/bin/python scripts/translations.py update   # new strings into the .po and the .ts
    .venv/bin/python scripts/translations.py build    # .po -> .mo, .ts -> .qm (committed)
    .venv/bin/python scripts/translations.py check    # exit 1 when anything is out of date

Two catalogues, because the core must work without Qt (ARCHITECTURE.md decision 12):

- the core, the CLI and the HTML report: ``_()``, ``N_()`` and ``ngettext()`` of
  ``captionreview.core.i18n``, gathered from the source by an AST scan into
  ``captionreview/locale/sv/LC_MESSAGES/captionreview.po`` and compiled here to the ``.mo``
  (GNU format, written by :func:`compile_mo`; no gettext tools needed);
- the window: ``tr()``/``translate()`` in ``captionreview/qt``, gathered by PySide6's
  ``pyside6-lupdate`` into ``captionreview/locale/captionreview_sv.ts`` and compiled by
  ``pyside6-lrelease`` into the ``.qm``.

Both compiled files are committed so that a plain ``pip install`` has them;
``tests/test_translations.py`` fails when they are older than their sources.
"""

from __future__ import annotations

import ast
import re
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "captionreview"
LOCALE = PACKAGE / "locale"
PO_FILE = LOCALE / "sv" / "LC_MESSAGES" / "captionreview.po"
MO_FILE = PO_FILE.with_suffix(".mo")
TS_FILE = LOCALE / "captionreview_sv.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
BIN = Path(sys.executable).parent
PO_HEADER = (
    "Project-Id-Version: CaptionReview\n"
    "Language: sv\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"
)


@dataclass
class Message:
    """One entry of the core catalogue: the English text (and plural) and its translation."""

    msgid: str
    plural: str | None = None
    translations: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def translated(self) -> bool:
        """True when every form has a translation and the entry is not marked fuzzy."""
        forms = 2 if self.plural is not None else 1
        return (
            not self.fuzzy
            and len(self.translations) == forms
            and all(t.strip() for t in self.translations)
        )


def core_sources() -> list[Path]:
    """The Python files whose messages go through the core catalogue: all but ``qt/``, whose
    words go through Qt (it borrows only ``ngettext`` for plurals, which Qt's ``tr()`` would
    need an English translation file for)."""
    return sorted(PACKAGE.rglob("*.py"))


def extract_core() -> dict[str, Message]:
    """Return every ``_()``, ``N_()`` and ``ngettext()`` literal in the core sources, in order."""
    found: dict[str, Message] = {}
    for path in core_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = node.args
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
            in_qt = "qt" in path.relative_to(PACKAGE).parts
            if node.func.id in ("_", "N_") and args and literal[0] and not in_qt:
                found.setdefault(args[0].value, Message(args[0].value))  # type: ignore[attr-defined]
            elif node.func.id == "ngettext" and len(args) >= 2 and all(literal[:2]):
                msgid = args[0].value  # type: ignore[attr-defined]
                found.setdefault(msgid, Message(msgid, args[1].value))  # type: ignore[attr-defined]
    return found


def _po_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [f'"{line}\\n"' for line in lines[:-1]] + ([f'"{lines[-1]}"'] if lines[-1] else [])
    return '""\n' + "\n".join(parts)


def _po_unquote(text: str) -> str:
    out = []
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(escapes.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_po(path: Path) -> dict[str, Message]:
    """Return the entries of a .po file by msgid (the header entry, msgid "", left out)."""
    entries: dict[str, Message] = {}
    if not path.is_file():
        return entries
    current: dict[str, str] = {}
    fuzzy = pending_fuzzy = False
    key = ""

    def flush() -> None:
        if current.get("msgid"):
            plural = current.get("msgid_plural")
            forms = ["msgstr"] if plural is None else ["msgstr[0]", "msgstr[1]"]
            texts = [current.get(form, "") for form in forms]
            entries[current["msgid"]] = Message(current["msgid"], plural, texts, fuzzy)
        current.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            pending_fuzzy = pending_fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        match = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d\])?)\s+"(.*)"$', line)
        if match:
            key = match.group(1)
            if key == "msgid":
                flush()
                fuzzy, pending_fuzzy = pending_fuzzy, False
            current[key] = _po_unquote(match.group(2))
        elif line.startswith('"') and key:
            current[key] += _po_unquote(line[1:-1])
    flush()
    return entries


def write_po(path: Path, messages: dict[str, Message]) -> None:
    """Write ``messages`` as a .po file (sorted as found in the source)."""
    out = ['msgid ""', "msgstr " + _po_string(PO_HEADER), ""]
    for message in messages.values():
        if message.fuzzy:
            out.append("#, fuzzy")
        out.append("msgid " + _po_string(message.msgid))
        if message.plural is None:
            text = message.translations[0] if message.translations else ""
            out.append("msgstr " + _po_string(text))
        else:
            out.append("msgid_plural " + _po_string(message.plural))
            forms = message.translations + [""] * (2 - len(message.translations))
            out.extend(f"msgstr[{n}] " + _po_string(forms[n]) for n in range(2))
        out.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")


def merged_po() -> dict[str, Message]:
    """Return the source's messages with the translations the .po already has."""
    known = read_po(PO_FILE)
    merged = extract_core()
    for msgid, message in merged.items():
        old = known.get(msgid)
        if old is not None and old.plural == message.plural:
            message.translations, message.fuzzy = old.translations, old.fuzzy
    return merged


def compile_mo(messages: dict[str, Message]) -> bytes:
    """Return the GNU .mo bytes of the translated ``messages`` (plus the header entry)."""
    pairs = {"": PO_HEADER}
    for message in messages.values():
        if not message.translated:
            continue
        if message.plural is None:
            pairs[message.msgid] = message.translations[0]
        else:
            pairs[message.msgid + "\0" + message.plural] = "\0".join(message.translations)
    keys = sorted(pairs)
    ids = [k.encode("utf-8") for k in keys]
    strs = [pairs[k].encode("utf-8") for k in keys]
    count = len(keys)
    table_start = 7 * 4
    data_start = table_start + count * 16
    offsets: list[tuple[int, int]] = []
    blob = b""
    for item in ids + strs:
        offsets.append((len(item), data_start + len(blob)))
        blob += item + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, table_start, table_start + count * 8, 0, 0)
    table = b"".join(struct.pack("<2I", *pair) for pair in offsets)
    return header + table + blob


def run_lupdate(ts_file: Path) -> None:
    """Gather the window's ``tr()`` strings into ``ts_file`` (translations already there kept)."""
    sources = sorted(str(p) for p in (PACKAGE / "qt").rglob("*.py"))
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sources,
            *("-no-obsolete", "-locations", "none", "-target-language", "sv_SE"),
            *("-ts", str(ts_file)),
        ],
        check=True,
        capture_output=True,
    )


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


def update() -> None:
    """Bring new source strings into the .po and the .ts (kept translations stay)."""
    write_po(PO_FILE, merged_po())
    run_lupdate(TS_FILE)


def build() -> None:
    """Compile the .po into the .mo and the .ts into the .qm."""
    MO_FILE.write_bytes(compile_mo(read_po(PO_FILE)))
    run_lrelease(TS_FILE, QM_FILE)


def stale() -> list[str]:
    """Return what is out of date (empty when the catalogues match the code)."""
    problems = []
    if set(extract_core()) != set(read_po(PO_FILE)):
        problems.append(f"{PO_FILE.relative_to(ROOT)} does not match the source: run update")
    if not MO_FILE.is_file() or MO_FILE.read_bytes() != compile_mo(read_po(PO_FILE)):
        problems.append(f"{MO_FILE.relative_to(ROOT)} is older than the .po: run build")
    with tempfile.TemporaryDirectory() as tmp:
        qm = Path(tmp) / "check.qm"
        run_lrelease(TS_FILE, qm)
        if not QM_FILE.is_file() or QM_FILE.read_bytes() != qm.read_bytes():
            problems.append(f"{QM_FILE.relative_to(ROOT)} is older than the .ts: run build")
    return problems


def main(argv: list[str]) -> int:
    """Run ``update``, ``build`` or ``check``."""
    command = argv[0] if argv else ""
    if command == "update":
        update()
    elif command == "build":
        build()
    elif command == "check":
        problems = stale()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
