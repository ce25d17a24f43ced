"""Every timestamp format and parse in one home, tested without Qt."""

from __future__ import annotations

import pytest

from captionreview.core.timecode import (
    format_list_time,
    format_ms,
    format_playback_time,
    parse_list_time,
    parse_vtt_timestamp,
)


def test_list_times_round_trip_and_accept_what_people_type() -> None:
    for ms in (0, 999, 61_500, 3_600_000 + 62_003):
        assert parse_list_time(format_list_time(ms)) == ms
    assert parse_list_time("12.5") == 12_500
    assert parse_list_time("1:02") == 62_000
    with pytest.raises(ValueError, match="not a time"):
        parse_list_time("1:2:3:4")
    with pytest.raises(ValueError, match="seconds"):
        parse_list_time("1:75.000")


def test_playback_time_shows_tenths() -> None:
    assert format_playback_time(62_345) == "01:02.3"
    assert format_playback_time(75_000) == "01:15.0"
    assert format_playback_time(3_723_400) == "1:02:03.4"
    assert format_playback_time(-5) == "00:00.0"


def test_messages_show_full_signed_timestamps() -> None:
    assert format_ms(3_723_004) == "01:02:03.004"
    assert format_ms(-250) == "-00:00:00.250"


def test_webvtt_timestamps_parse_with_or_without_hours() -> None:
    assert parse_vtt_timestamp("01:02.500") == 62_500
    assert parse_vtt_timestamp("1:00:00.000") == 3_600_000
    assert parse_vtt_timestamp("00:60.000") is None
    assert parse_vtt_timestamp("1:2.500") is None
    assert parse_vtt_timestamp("1" * 10 + ":00:00.000") is None
