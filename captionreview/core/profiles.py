"""Quality profiles: the thresholds of QUALITY_RULES.md §9 and of the other house styles.

A profile is plain data. ``se-public`` is the default (Swedish public sector: VGR, SLU).
User profiles are TOML files that start from a built-in profile, override thresholds by field
name and turn rules off (any rule id: checks, word flags such as SPELL-01, and problems found on
reading such as ``timing``), e.g.::

    base = "se-public"
    title = "VGR, strict"
    max_chars_per_line = 40
    cps_warn = 14
    disabled_rules = ["LAY-06", "TIM-07"]

``load_profile(name_or_path)`` takes a built-in name, a ``.toml`` path, or the name of a file
in the user folder (``user_profile_dir()``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import platformdirs

from captionreview.core.errors import CaptionReviewError
from captionreview.core.i18n import N_, _


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
    # Sync to the speech the audio analysis hears (TIM-08, TIM-10, ASR-06, ASR-15).
    sync_late_start_ms: int = 500  # a cue may start at most this long after its speech
    sync_early_start_ms: int = 1500  # ... appear at most this long before it (BBC)
    sync_late_end_ms: int = 1500  # ... and stay at most this long after the speech ends
    sync_offset_ms: int = 250  # a whole-file offset this large is reported once
    uncaptioned_speech_ms: int = 1000  # this much speech with no cue over it is reported
    pause_split_ms: int = 2000  # a cue running across a pause this long should be split
    min_speech_share: float = 0.2  # a cue with less speech beneath it is text over silence
    snap_within_ms: int = 500  # "snap to speech" moves an edge at most this far
    disabled_rules: frozenset[str] = field(default_factory=frozenset)

    def with_overrides(self, **changes: object) -> Profile:
        """Return a copy with some thresholds changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


SE_PUBLIC = Profile(name="se-public", title=N_("Svensk offentlig sektor (VGR/SLU), default"))
NETFLIX_SV = Profile(
    name="netflix-sv",
    title=N_("Netflix, Swedish (Other languages): 42/line, 17 CPS"),
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
NETFLIX_EN = replace(
    NETFLIX_SV,
    name="netflix-en",
    title=N_("Netflix, English: 42/line, 20 CPS"),
    cps_warn=20.0,
    cps_error=24.0,
    language="en",
)
NETFLIX_TEMPLATE = replace(
    NETFLIX_SV, name="netflix-template", title=N_("Netflix English template: 17 CPS"), language="en"
)
BBC = Profile(
    name="bbc",
    title=N_("BBC: 37/line, 160-180 WPM (~15-18 CPS)"),
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
    title=N_("DCMP: 32/line, 2 s minimum, 150-160 WPM"),
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


class ProfileError(CaptionReviewError, ValueError):
    """A profile name or file cannot be used; ``str()`` says which one and why."""


def user_profile_dir() -> Path:
    """Return the folder where user profiles (``NAME.toml``) are looked up."""
    return Path(platformdirs.user_config_dir("captionreview")) / "profiles"


def available_profiles() -> list[str]:
    """Return the names of the built-in profiles followed by those in the user folder."""
    names = list(BUILTIN_PROFILES)
    folder = user_profile_dir()
    if folder.is_dir():
        names += sorted(p.stem for p in folder.glob("*.toml") if p.stem not in BUILTIN_PROFILES)
    return names


def load_profile(name_or_path: str | Path) -> Profile:
    """Return a built-in profile by name, or a user profile from a TOML file or the user folder.

    Raises ProfileError with a plain message when the name is unknown or the file is unusable.
    """
    text = str(name_or_path)
    if text in BUILTIN_PROFILES:
        return BUILTIN_PROFILES[text]
    path = Path(name_or_path)
    if path.suffix.lower() != ".toml" and not path.is_file():
        candidate = user_profile_dir() / f"{text}.toml"
        if not candidate.is_file():
            known = ", ".join(available_profiles())
            raise ProfileError(
                _(
                    "unknown profile {text!r}: use one of {known}, or the path of a .toml file"
                ).format(text=text, known=known)
            )
        path = candidate
    try:
        data = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError(
            _("cannot read profile {path}: {value}").format(path=path, value=exc.strerror or exc)
        ) from None
    except UnicodeDecodeError:
        raise ProfileError(_("profile {path} is not UTF-8 text").format(path=path)) from None
    return profile_from_toml(data, source=path)


_CHOICES = {
    "sound_tag_style": {"parentheses", "brackets"},
    "alignment": {"start", "center", "end", "left", "right"},
}


def profile_from_toml(text: str, *, source: Path | None = None) -> Profile:
    """Return the profile a TOML text describes.

    The text may name a ``base`` profile (default ``se-public``), override any threshold by
    its field name, list ``disabled_rules`` to turn off and ``enabled_rules`` to turn back on.
    Raises ProfileError naming the file and the offending key.
    """
    import tomllib  # only for a profile file: not on the start-up path of every run

    where = str(source) if source else "profile"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            _("{where}: not valid TOML ({exc})").format(where=where, exc=exc)
        ) from None
    base_name = data.pop("base", DEFAULT_PROFILE.name)
    if not isinstance(base_name, str) or base_name not in BUILTIN_PROFILES:
        known = ", ".join(BUILTIN_PROFILES)
        raise ProfileError(
            _("{where}: base must be one of {known}, not {base_name!r}").format(
                where=where, known=known, base_name=base_name
            )
        )
    base = BUILTIN_PROFILES[base_name]
    defaults = {f.name: getattr(base, f.name) for f in fields(Profile)}
    changes: dict[str, object] = {
        "name": source.stem if source else f"{base.name}-custom",
        "title": f"{source.stem if source else 'Custom'} (based on {base.name})",
    }
    disabled = set(base.disabled_rules)
    disabled |= set(_rule_list(data.pop("disabled_rules", []), where, "disabled_rules"))
    disabled -= set(_rule_list(data.pop("enabled_rules", []), where, "enabled_rules"))
    changes["disabled_rules"] = frozenset(disabled)
    for key, value in data.items():
        if key not in defaults or key == "disabled_rules":
            settings = [k for k in defaults if k != "disabled_rules"]
            raise ProfileError(
                f"{where}: unknown setting {key!r}; known: "
                + ", ".join(["base", *settings, "disabled_rules", "enabled_rules"])
            )
        changes[key] = _checked_value(key, value, defaults[key], where)
    profile = replace(base, **changes)  # type: ignore[arg-type]
    problem = threshold_problem(profile)
    if problem is not None:
        raise ProfileError(f"{where}: {problem}")
    return profile


def threshold_problem(profile: Profile) -> str | None:
    """Return what is inconsistent in ``profile``'s thresholds, or None when they make sense."""
    for key in ("max_chars_per_line", "max_lines", "max_chars_per_cue", "max_duration_ms"):
        if getattr(profile, key) < 1:
            return _("{key} must be at least 1, not {getattr}").format(
                key=key, getattr=getattr(profile, key)
            )
    if profile.cps_warn <= 0:
        return _("cps_warn must be above 0, not {cps_warn:g}").format(cps_warn=profile.cps_warn)
    if profile.cps_warn > profile.cps_error:
        return _(
            "cps_warn ({cps_warn:g}) must not be above cps_error "
            "({cps_error:g}): the warning comes before the error"
        ).format(cps_warn=profile.cps_warn, cps_error=profile.cps_error)
    if not profile.min_duration_error_ms <= profile.min_duration_warn_ms <= profile.max_duration_ms:
        return _(
            "durations must grow: min_duration_error_ms "
            "({min_duration_error_ms}) <= min_duration_warn_ms "
            "({min_duration_warn_ms}) <= max_duration_ms "
            "({max_duration_ms})"
        ).format(
            min_duration_error_ms=profile.min_duration_error_ms,
            min_duration_warn_ms=profile.min_duration_warn_ms,
            max_duration_ms=profile.max_duration_ms,
        )
    if profile.max_chars_per_cue < profile.max_chars_per_line:
        return _(
            "max_chars_per_cue ({max_chars_per_cue}) must be at least "
            "max_chars_per_line ({max_chars_per_line})"
        ).format(
            max_chars_per_cue=profile.max_chars_per_cue,
            max_chars_per_line=profile.max_chars_per_line,
        )
    if profile.close_gap_below_ms < profile.min_gap_ms:
        return _(
            "close_gap_below_ms ({close_gap_below_ms}) must be at least min_gap_ms ({min_gap_ms})"
        ).format(close_gap_below_ms=profile.close_gap_below_ms, min_gap_ms=profile.min_gap_ms)
    return None


def _rule_list(value: object, where: str, key: str) -> list[str]:
    # Imported here: the checks package imports this module.
    from captionreview.core.checks.catalogue import known_rules

    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(
            _('{where}: {key} must be a list of rule ids such as ["LAY-06"]').format(
                where=where, key=key
            )
        )
    known = known_rules()
    rules = []
    for item in value:
        rule = item.strip()
        # Check rules are upper case (LAY-06); problems found on reading are lower (timing).
        rule = rule.upper() if rule.upper() in known else rule.lower()
        if rule not in known:
            raise ProfileError(
                _(
                    "{where}: {key} names an unknown rule {item!r}; rule ids look "
                    "like LAY-06, ASR-09, SPELL-01 or timing (see the report's "
                    "list)"
                ).format(where=where, key=key, item=item)
            )
        rules.append(rule)
    return rules


def _checked_value(key: str, value: object, default: object, where: str) -> object:
    """Return ``value`` if it has the type of ``default`` (an int may stand for a float)."""
    if key == "info_chars_per_line":
        # TOML has no null: 0 or false turns the teletext hint off.
        if value is False or value == 0:
            return None
        default = 0
    if isinstance(default, bool) or isinstance(value, bool):
        ok = isinstance(value, bool) and isinstance(default, bool)
    elif isinstance(default, float):
        ok = isinstance(value, int | float)
        value = float(value) if ok else value  # type: ignore[arg-type]
    else:
        ok = isinstance(value, type(default))
    if not ok:
        raise ProfileError(
            _("{where}: {key} must be {name__}, not {value!r}").format(
                where=where, key=key, name__=type(default).__name__, value=value
            )
        )
    if key in _CHOICES and value not in _CHOICES[key]:
        raise ProfileError(
            _("{where}: {key} must be one of {join}").format(
                where=where, key=key, join=", ".join(sorted(_CHOICES[key]))
            )
        )
    if isinstance(value, int | float) and value < 0:
        raise ProfileError(
            _("{where}: {key} cannot be negative ({value})").format(
                where=where, key=key, value=value
            )
        )
    return value
