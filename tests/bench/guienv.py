"""Shared start of the window benchmarks: import it before Qt and captionreview.

It points settings, journals and the sound cache (the XDG folders) at a fresh temporary folder,
runs Qt offscreen unless a platform is set, and puts the repository on ``sys.path`` so that a
benchmark runs as a plain script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TMP = Path(tempfile.mkdtemp(prefix="captionreview-bench-"))
for _var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(TMP / _var.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT))
