"""The core and the CLI must stay free of Qt and vlc (ARCHITECTURE.md, 'Layers')."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = (
    "import sys, importlib\n"
    "for name in sys.argv[1:]:\n"
    "    importlib.import_module(name)\n"
    "print(' '.join(m for m in ('PySide6', 'vlc') if m in sys.modules))\n"
)


@pytest.mark.parametrize(
    "modules",
    [
        ["captionreview", "captionreview.core"],
        ["captionreview.cli"],
    ],
)
def test_core_and_cli_do_not_import_qt_or_vlc(modules: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *modules], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"{modules} pulled in {out.stdout.strip()}"


def test_every_core_module_is_qt_free() -> None:
    import pkgutil

    import captionreview.core as core

    names = [m.name for m in pkgutil.walk_packages(core.__path__, "captionreview.core.")]
    assert "captionreview.core.model" in names
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *names], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"core modules pulled in {out.stdout.strip()}"


def test_cli_subcommand_parser_is_qt_free() -> None:
    code = (
        "import sys\n"
        "from captionreview.cli import SUBCOMMANDS, _subcommand_parser\n"
        "for name in SUBCOMMANDS:\n"
        "    _subcommand_parser(name)\n"
        "print(' '.join(m for m in ('PySide6', 'vlc') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
