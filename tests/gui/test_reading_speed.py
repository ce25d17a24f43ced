"""The cue list and the cue editor grade reading speed exactly as TIM-04 does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from captionreview.core.checks import check_cues
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.qt.cue_model import COL_CPS, WARN_BRUSH
from tests.core.test_readingspeed import text_of
from tests.gui.windowtools import make_window_fixture

__all__ = ["make_window_fixture"]

pytestmark = [pytest.mark.gui]


def test_a_69_character_cue_over_4_6_s_is_graded_the_same_everywhere(
    qtbot, make_window, tmp_path: Path
) -> None:
    exact, over = text_of(69), text_of(70)
    path = tmp_path / "speed.vtt"
    path.write_text(
        f"WEBVTT\n\n00:00:01.000 --> 00:00:05.600\n{exact}\n\n"
        f"00:00:06.000 --> 00:00:10.600\n{over}\n",
        encoding="utf-8",
    )
    window = make_window()
    assert window.open_paths([path])
    model = window.cue_model
    assert DEFAULT_PROFILE.cps_warn == 15 == window.profile.cps_warn
    tim04 = [
        f.cue_index for f in check_cues(window.document.cues, window.profile) if f.rule == "TIM-04"
    ]
    assert tim04 == [1]

    exact_cell = model.index(0, COL_CPS)
    assert exact_cell.data() == "15.0"
    assert exact_cell.data(Qt.ItemDataRole.BackgroundRole) is None
    window.select_cue(0)
    assert "15.0 CPS" in window.editor.timing_label.text()
    assert "color" not in window.editor.timing_label.text()

    over_cell = model.index(1, COL_CPS)
    assert over_cell.data() == "15.2"
    assert over_cell.data(Qt.ItemDataRole.BackgroundRole) == WARN_BRUSH
    window.select_cue(1)
    assert "color" in window.editor.timing_label.text()
