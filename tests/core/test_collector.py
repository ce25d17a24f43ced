"""The cyclic collector is paused for a pass and left as it was found."""

from __future__ import annotations

import gc

import pytest

from captionreview.core.collector import paused_collector


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off_and_an_error_still_restores_it() -> None:
    gc.disable()
    try:
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), paused_collector():
        raise RuntimeError("the pass failed")
    assert gc.isenabled()
