"""The demo lecture's true speech edges, rebuilt from its caption files and make_demo.py."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from captionreview.core.document import load

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo"


@cache
def make_demo() -> ModuleType:
    """The demo's build script as a module (it has no side effects on import)."""
    spec = importlib.util.spec_from_file_location("make_demo", DEMO / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is made.
    sys.modules.setdefault("make_demo", module)
    spec.loader.exec_module(module)
    return module


@cache
def demo_speech() -> tuple[tuple[int, int], ...]:
    """Every synthesised unit's exact (start_ms, end_ms) in the demo's audio.

    Reference cues start where their unit's speech starts; auto cues end where their last
    unit's speech ends; a unit that an auto cue continues ends the script's pause before the
    next unit begins.
    """
    demo = make_demo()
    units = [unit for _heading, paragraph in demo.PARAGRAPHS for unit in paragraph]
    starts = [c.start_ms for c in load(DEMO / "reference" / "lecture.sv.vtt").cues]
    auto_ends = iter(c.end_ms for c in load(DEMO / "lecture.sv.vtt").cues)
    assert len(starts) == len(units)
    ends: list[int] = []
    for i, unit in enumerate(units):
        following = units[i + 1] if i + 1 < len(units) else None
        if following is not None and following.join_prev:
            pause = unit.pause_after if unit.pause_after is not None else demo.PAUSE_MS
            ends.append(starts[i + 1] - pause)
        else:
            ends.append(next(auto_ends))
    return tuple(zip(starts, ends, strict=True))
