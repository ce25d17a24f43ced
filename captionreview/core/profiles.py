"""Quality profiles: the thresholds of QUALITY_RULES.md §9 and of the other house styles.

A profile is plain data. ``se-public`` is the default (Swedish public sector: VGR, SLU).
The quality-check module adds user profiles (TOML overrides) on top of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Profile:
    """Thresholds for caption quality; times in milliseconds."""

    name: str
    title: str
    max_chars_per_line: int = 42
    info_chars_per_line: int | None = 37
    max_lines: int = 2
    max_chars_per_cue: int = 84
    min_duration_error_ms: int = 833
    min_duration_warn_ms: int = 1500
    max_duration_ms: int = 7000
    cps_warn: float = 15.0
    cps_error: float = 17.0
    min_gap_ms: int = 80
    close_gap_below_ms: int = 500
    continuation_dash: str = "–"
    dialogue_dash: str = "–"
    sound_tag_style: str = "parentheses"
    alignment: str = "start"
    language: str = "sv"
    disabled_rules: frozenset[str] = field(default_factory=frozenset)

    def with_overrides(self, **changes: object) -> Profile:
        """Return a copy with some thresholds changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


SE_PUBLIC = Profile(name="se-public", title="Svensk offentlig sektor (VGR/SLU), default")
NETFLIX_SV = Profile(
    name="netflix-sv",
    title="Netflix, Swedish (Other languages): 42/line, 17 CPS",
    info_chars_per_line=None,
    min_duration_warn_ms=833,
    max_duration_ms=7007,
    cps_warn=17.0,
    cps_error=20.0,
    min_gap_ms=83,
    continuation_dash="",
    dialogue_dash="-",
    alignment="center",
)
NETFLIX_EN = replace(NETFLIX_SV, name="netflix-en", title="Netflix, English: 42/line, 20 CPS",
                     cps_warn=20.0, cps_error=24.0, language="en")
NETFLIX_TEMPLATE = replace(NETFLIX_SV, name="netflix-template",
                           title="Netflix English template: 17 CPS", language="en")
BBC = Profile(
    name="bbc",
    title="BBC: 37/line, 160-180 WPM (~15-18 CPS)",
    max_chars_per_line=37,
    info_chars_per_line=None,
    max_chars_per_cue=74,
    min_duration_error_ms=800,
    min_duration_warn_ms=1200,
    max_duration_ms=7000,
    cps_warn=15.0,
    cps_error=18.0,
    min_gap_ms=80,
    continuation_dash="",
    dialogue_dash="-",
    alignment="center",
    language="en",
)
DCMP = Profile(
    name="dcmp",
    title="DCMP: 32/line, 2 s minimum, 150-160 WPM",
    max_chars_per_line=32,
    info_chars_per_line=None,
    max_chars_per_cue=64,
    min_duration_error_ms=1000,
    min_duration_warn_ms=2000,
    max_duration_ms=7000,
    cps_warn=13.0,
    cps_error=15.0,
    min_gap_ms=67,
    continuation_dash="",
    dialogue_dash="-",
    alignment="center",
    language="en",
)

BUILTIN_PROFILES: dict[str, Profile] = {
    p.name: p for p in (SE_PUBLIC, NETFLIX_SV, NETFLIX_EN, NETFLIX_TEMPLATE, BBC, DCMP)
}
DEFAULT_PROFILE = SE_PUBLIC


def builtin_profile(name: str) -> Profile:
    """Return a built-in profile by name; raises KeyError naming the known ones."""
    try:
        return BUILTIN_PROFILES[name]
    except KeyError:
        known = ", ".join(BUILTIN_PROFILES)
        raise KeyError(f"unknown profile {name!r}; known profiles: {known}") from None
