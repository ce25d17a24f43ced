"""Shared fixtures: paths to the demo lecture and to the shared corpus."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from captionreview.core.audio.analysis import AudioAnalysis, AudioError, analyse

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the tests away from the user's real settings, journal and personal word lists:
# QSettings and platformdirs both follow the XDG variables on Linux.
_HOME = Path(tempfile.mkdtemp(prefix="captionreview-tests-"))
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[_var] = str(_HOME / _sub)

# The tests expect English unless they ask for Swedish (a Swedish desktop must not change them);
# LANGUAGE comes first in the order both catalogues read the user's language.
os.environ["LANGUAGE"] = "en"

ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = ROOT / "assets" / "demo"
# ``../shared`` beside the repository (CI); CAPTIONREVIEW_SHARED points elsewhere (a worktree).
SHARED = Path(os.environ.get("CAPTIONREVIEW_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
REPRO = SHARED / "repro"


def shared_file(*parts: str) -> Path:
    """Return a path under ../shared, or skip the calling test where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found (../shared sits beside the repo in CI)")
    return path


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Give every test the core's messages in English, and put English back after it."""
    from captionreview.core.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared caption corpus; tests that need it skip where it is absent (a user's clone)."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it sits beside the repo in CI)")
    return CORPUS


@pytest.fixture(scope="session")
def repro() -> Path:
    """The shared reproducers of known defects; tests that need them skip where absent."""
    if not REPRO.is_dir():
        pytest.skip(f"shared reproducers not found at {REPRO} (they sit beside the repo in CI)")
    return REPRO


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """The bundled demo lecture folder."""
    return DEMO_DIR


@pytest.fixture(scope="session")
def demo_analysis(demo_dir: Path) -> AudioAnalysis | None:
    """The demo lecture's sound analysis, made once per session (None without ffmpeg/VAD)."""
    try:
        return analyse(demo_dir / "lecture.mp4")
    except AudioError:
        return None
