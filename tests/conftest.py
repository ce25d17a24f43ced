"""Shared fixtures: paths to the demo lecture and to the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = ROOT / "assets" / "demo"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared caption corpus; tests that need it skip where it is absent (a user's clone)."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it sits beside the repo in CI)")
    return CORPUS


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """The bundled demo lecture folder."""
    return DEMO_DIR
