"""Quality profiles: the built-in ones and user TOML profiles with overrides and disabled rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from captionreview.core.profiles import (
    BUILTIN_PROFILES,
    DEFAULT_PROFILE,
    ProfileError,
    available_profiles,
    load_profile,
    user_profile_dir,
)


def test_builtin_profiles_have_the_section_9_defaults() -> None:
    p = load_profile("se-public")
    assert p is DEFAULT_PROFILE
    assert (p.max_chars_per_line, p.max_lines, p.max_chars_per_cue) == (42, 2, 84)
    assert (p.cps_warn, p.cps_error, p.min_gap_ms) == (15.0, 17.0, 80)
    assert (p.min_duration_error_ms, p.min_duration_warn_ms, p.max_duration_ms) == (833, 1500, 7000)
    assert {"se-public", "netflix-sv", "bbc", "dcmp"} <= set(BUILTIN_PROFILES)


def test_toml_profile_overrides_and_disables(tmp_path: Path) -> None:
    path = tmp_path / "vgr-strict.toml"
    path.write_text(
        'base = "netflix-sv"\ntitle = "Strikt"\nmax_chars_per_line = 40\ncps_warn = 14\n'
        'info_chars_per_line = 0\ndisabled_rules = ["lay-06", "TIM-07"]\n',
        encoding="utf-8",
    )
    p = load_profile(path)
    assert (p.name, p.title, p.max_chars_per_line, p.cps_warn) == ("vgr-strict", "Strikt", 40, 14.0)
    assert p.info_chars_per_line is None
    assert p.disabled_rules == frozenset({"LAY-06", "TIM-07"})
    assert p.min_gap_ms == BUILTIN_PROFILES["netflix-sv"].min_gap_ms


def test_user_folder_profile_by_name() -> None:
    folder = user_profile_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "husstil.toml").write_text("max_lines = 3\n", encoding="utf-8")
    try:
        assert load_profile("husstil").max_lines == 3
        assert "husstil" in available_profiles()
    finally:
        (folder / "husstil.toml").unlink()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("max_chars_per_line = 'long'", "max_chars_per_line must be int"),
        ("cps_warn = -1", "cannot be negative"),
        ("no_such = 1", "unknown setting 'no_such'"),
        ("base = 'nope'", "base must be one of"),
        ("disabled_rules = 'LAY-06'", "list of rule ids"),
        ("alignment = 'diagonal'", "alignment must be one of"),
        ("max_lines = ", "not valid TOML"),
        ('disabled_rules = ["LAY-99"]', "unknown rule 'LAY-99'"),
        ('enabled_rules = ["SPEL-01"]', "unknown rule 'SPEL-01'"),
        ("no_such = 1", "disabled_rules, enabled_rules"),
        ("cps_warn = 20\ncps_error = 10", "cps_warn (20) must not be above cps_error (10)"),
        ("max_chars_per_line = 0", "max_chars_per_line must be at least 1"),
        ("min_duration_warn_ms = 9000", "durations must grow"),
        ("max_chars_per_cue = 20", "max_chars_per_cue (20) must be at least"),
    ],
)
def test_bad_profiles_say_what_is_wrong(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content + "\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert words in str(info.value)
    assert str(path) in str(info.value)


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(ProfileError, match="se-public"):
        load_profile("no-such-profile")
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile("/nonexistent/x.toml")


def test_any_rule_id_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "quiet.toml"
    path.write_text('disabled_rules = ["spell-01", "ASR-10", "timing", "VTT-ESC-01"]\n', "utf-8")
    assert load_profile(path).disabled_rules == {"SPELL-01", "ASR-10", "timing", "VTT-ESC-01"}


def test_builtin_profiles_are_consistent() -> None:
    from captionreview.core.profiles import BUILTIN_PROFILES, threshold_problem

    assert {name: threshold_problem(p) for name, p in BUILTIN_PROFILES.items()} == dict.fromkeys(
        BUILTIN_PROFILES
    )


def test_every_problem_the_reader_reports_can_be_turned_off(corpus: Path) -> None:
    import captionreview
    from captionreview.core.checks.catalogue import known_rules
    from captionreview.core.errors import CaptionFileError

    seen: set[str] = set()
    for path in corpus.rglob("*"):
        if path.suffix in (".vtt", ".srt", ".sbv"):
            try:
                seen |= {p.rule for p in captionreview.load(path).problems}
            except CaptionFileError:
                continue
    assert seen and seen <= known_rules()
