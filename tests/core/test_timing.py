"""Timing edits: from the playhead, nudges, drags and speech snapping never overlap silently."""

from __future__ import annotations

import pytest

from captionreview.core.document import Document
from captionreview.core.model import Cue
from captionreview.core.timing import (
    SHORTEST_CUE_MS,
    TimingRefused,
    apply_edit,
    chain_at,
    cue_under,
    drag,
    nearest,
    nudge,
    set_end_at,
    set_start_at,
    snap_points,
)

GAP = 80


def doc_of(*spans: tuple[int, int]) -> Document:
    return Document.from_cues([Cue(s, e, f"cue {i + 1}") for i, (s, e) in enumerate(spans)])


def test_the_cue_under_the_playhead_includes_its_start_instant_over_an_overlapping_cue() -> None:
    doc = doc_of((0, 2000), (1900, 4000), (5000, 6000))
    assert cue_under(doc, 1900) == 1
    assert cue_under(doc, 1899) == 0
    assert cue_under(doc, 5000) == 2


def test_the_cue_under_the_playhead_between_cues_is_the_one_before() -> None:
    doc = doc_of((1000, 2000), (5000, 6000))
    assert cue_under(doc, 3000) == 0
    assert cue_under(doc, 500) == 0
    assert cue_under(doc, 9000) == 1
    assert cue_under(Document.new(), 0) is None


def test_setting_the_end_inside_the_next_cue_moves_its_start_by_the_minimum_gap() -> None:
    doc = doc_of((1000, 2000), (2500, 5000))
    edit = set_end_at(doc.cues, 0, 3000, GAP)
    assert edit.times == {0: (1000, 3000), 1: (3080, 5000)}
    assert "cue 2" in edit.note and "00:00:03.080" in edit.note
    apply_edit(doc, edit)
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(1000, 3000), (3080, 5000)]
    doc.undo()
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(1000, 2000), (2500, 5000)]


def test_setting_the_end_is_refused_when_the_next_cue_would_be_crushed() -> None:
    doc = doc_of((1000, 2000), (2500, 3000))
    with pytest.raises(TimingRefused, match="cue 2 is too short"):
        set_end_at(doc.cues, 0, 2900, GAP)
    with pytest.raises(TimingRefused, match="before the start of cue 1"):
        set_end_at(doc.cues, 0, 900, GAP)


def test_setting_the_end_before_the_next_cue_touches_nothing_else_and_says_nothing() -> None:
    doc = doc_of((1000, 2000), (2500, 5000))
    edit = set_end_at(doc.cues, 0, 2400, GAP)
    assert edit.times == {0: (1000, 2400)} and edit.note == ""


def test_setting_the_start_inside_the_previous_cue_moves_its_end_by_the_minimum_gap() -> None:
    doc = doc_of((1000, 3000), (3500, 5000))
    edit = set_start_at(doc.cues, 1, 2500, GAP)
    assert edit.times == {1: (2500, 5000), 0: (1000, 2420)}
    assert "cue 1 now ends at 00:00:02.420" in edit.note
    with pytest.raises(TimingRefused, match="cue 1 is too short"):
        set_start_at(doc.cues, 1, 1100, GAP)


def test_setting_the_start_past_the_end_takes_the_end_along_but_not_into_the_next_cue() -> None:
    doc = doc_of((1000, 2000), (3500, 5000))
    edit = set_start_at(doc.cues, 0, 2500, GAP)
    assert edit.times == {0: (2500, 3420)}


def test_chaining_ends_the_cue_and_starts_the_next_one_the_gap_later() -> None:
    doc = doc_of((1000, 2000), (2500, 5000), (6000, 7000))
    edit = chain_at(doc.cues, 0, 2200, GAP)
    assert edit.times == {0: (1000, 2200), 1: (2280, 5000)}
    # The next cue would be crushed: it keeps its length, up to the cue after it.
    edit = chain_at(doc.cues, 0, 4900, GAP)
    assert edit.times == {0: (1000, 4900), 1: (4980, 5920)}
    assert chain_at(doc.cues, 2, 7500, GAP).times == {2: (6000, 7500)}


def test_nudging_an_edge_stops_the_minimum_gap_from_the_neighbour_and_says_so() -> None:
    doc = doc_of((1000, 2000), (2150, 4000))
    edit = nudge(doc.cues, 0, 0, 100, GAP)
    assert edit.times == {0: (1000, 2070)}
    assert "stopped at 00:00:02.070" in edit.note
    apply_edit(doc, edit)
    with pytest.raises(TimingRefused, match="cannot start or end later"):
        nudge(doc.cues, 0, 0, 10, GAP)
    with pytest.raises(TimingRefused, match="cannot start or end earlier"):
        nudge(doc.cues, 1, -10, 0, GAP)
    assert nudge(doc.cues, 1, 10, 0, GAP).times == {1: (2160, 4000)}


def test_nudging_never_makes_a_cue_shorter_than_the_shortest_cue() -> None:
    doc = doc_of((1000, 1300))
    edit = nudge(doc.cues, 0, 0, -200, GAP)
    assert edit.times == {0: (1000, 1000 + SHORTEST_CUE_MS)}


def test_a_nudge_never_moves_an_edge_the_other_way() -> None:
    doc = doc_of((2000, 2050))
    with pytest.raises(TimingRefused, match="cannot start or end later"):
        nudge(doc.cues, 0, 100, 0, GAP)
    with pytest.raises(TimingRefused, match="cannot start or end earlier"):
        nudge(doc.cues, 0, 0, -100, GAP)


def test_an_already_overlapping_file_is_not_forced_apart_by_a_nudge() -> None:
    doc = doc_of((1000, 3000), (2500, 4000))
    assert nudge(doc.cues, 0, 100, 0, GAP).times == {0: (1100, 3000)}


def test_dragging_an_end_snaps_to_a_speech_offset_near_it() -> None:
    doc = doc_of((1000, 2000), (5000, 6000))
    snaps = snap_points(doc.cues, 0, GAP, [2600, 3900])
    assert drag(doc.cues, 0, "end", 1850, GAP, snaps=snaps, snap_ms=100).times == {0: (1000, 3900)}
    assert drag(doc.cues, 0, "end", 1550, GAP, snaps=snaps, snap_ms=0).times == {0: (1000, 3550)}


def test_dragging_an_end_into_the_next_cue_stops_at_the_gap_or_pushes_it() -> None:
    doc = doc_of((1000, 2000), (3000, 6000))
    assert drag(doc.cues, 0, "end", 2500, GAP).times == {0: (1000, 2920)}
    pushed = drag(doc.cues, 0, "end", 2500, GAP, push=True).times
    assert pushed == {0: (1000, 4500), 1: (4580, 6000)}
    crushed = drag(doc.cues, 0, "end", 9000, GAP, push=True).times
    assert crushed == {0: (1000, 6000 - SHORTEST_CUE_MS - GAP), 1: (6000 - SHORTEST_CUE_MS, 6000)}


def test_dragging_a_start_stops_at_the_previous_cue_and_before_its_own_end() -> None:
    doc = doc_of((1000, 2000), (3000, 6000))
    assert drag(doc.cues, 1, "start", -2000, GAP).times == {1: (2080, 6000)}
    assert drag(doc.cues, 1, "start", 9000, GAP).times == {1: (6000 - SHORTEST_CUE_MS, 6000)}
    assert drag(doc.cues, 0, "start", -5000, GAP).times == {0: (0, 2000)}


def test_dragging_a_whole_cue_keeps_its_length_and_stays_between_its_neighbours() -> None:
    doc = doc_of((1000, 2000), (3000, 4000), (6000, 7000))
    assert drag(doc.cues, 1, "move", 500, GAP).times == {1: (3500, 4500)}
    assert drag(doc.cues, 1, "move", 5000, GAP).times == {1: (4920, 5920)}
    assert drag(doc.cues, 1, "move", -5000, GAP).times == {1: (2080, 3080)}
    snapped = drag(doc.cues, 1, "move", 480, GAP, snaps=[3450], snap_ms=100).times
    assert snapped == {1: (3450, 4450)}


def test_nearest_finds_the_closest_point_within_the_distance() -> None:
    assert nearest([100, 200, 300], 240, 50) == 200
    assert nearest([100, 200, 300], 260, 50) == 300
    assert nearest([100, 200, 300], 400, 50) is None
    assert nearest([], 400, 50) is None


def test_a_split_leaves_the_minimum_gap_between_the_halves() -> None:
    doc = doc_of((1000, 4000))
    doc.set_text(0, "första delen andra delen")
    doc.split(0, 13, 2500, gap_ms=GAP)
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(1000, 2420), (2500, 4000)]
    doc.undo()
    doc.split(0, 13, gap_ms=GAP)
    first, second = doc.cues
    assert second.start_ms - first.end_ms == GAP
    with pytest.raises(ValueError, match="too short to split"):
        doc_of((1000, 1050)).split(0, 3, 1040, gap_ms=GAP)


def test_a_split_too_short_for_the_gap_says_so_in_swedish() -> None:
    # The window shows the message when Ctrl+K cannot split: in the user's language.
    from captionreview.core.i18n import set_language

    set_language("sv")
    with pytest.raises(ValueError, match="för kort för att delas här med 80 ms mellanrum"):
        doc_of((1000, 1050)).split(0, 3, 1040, gap_ms=80)
