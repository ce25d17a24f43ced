"""A plain (non-editable) install has the demo lecture, the icon and the desktop file."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ("lecture.mp4", "lecture.sv.vtt", "glossary.txt", "reference/lecture.sv.vtt")


def configured() -> dict:  # type: ignore[type-arg]
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["tool"]["setuptools"]


def test_every_folder_of_the_package_and_of_assets_is_a_listed_package() -> None:
    folders = {
        ".".join(p.relative_to(ROOT).parts)
        for p in (ROOT / "captionreview").rglob("*")
        if p.is_dir() and p.name != "__pycache__"
    } | {"captionreview"}
    folders |= {
        ".".join(("captionreview", *p.relative_to(ROOT).parts))
        for p in (ROOT / "assets").rglob("*")
        if p.is_dir() and p.name != "__pycache__"
    } | {"captionreview.assets"}
    assert set(configured()["packages"]) == folders
    assert configured()["package-dir"] == {"captionreview.assets": "assets"}


@pytest.mark.slow
def test_the_wheel_holds_the_demo_icon_and_desktop_file(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    assert "Warning" not in built.stderr
    (wheel,) = tmp_path.glob("captionreview-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in DEMO:
        assert f"captionreview/assets/demo/{name}" in names
    assert "captionreview/assets/icons/captionreview.svg" in names
    assert "captionreview/assets/captionreview.desktop" in names
    assert "captionreview/locale/sv/LC_MESSAGES/captionreview.mo" in names


def test_the_app_finds_the_demo_where_it_is_installed() -> None:
    from captionreview.qt.app import assets_dir, demo_files

    assert (assets_dir() / "icons" / "captionreview.svg").is_file()
    assert [p.name for p in demo_files()] == ["lecture.mp4", "lecture.sv.vtt"]


def test_version_is_printed() -> None:
    from captionreview import __version__

    shown = subprocess.run(
        [sys.executable, "-m", "captionreview", "--version"], capture_output=True, text=True
    )
    assert shown.returncode == 0 and shown.stdout.strip() == f"captionreview {__version__}"
