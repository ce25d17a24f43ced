"""Helpers for the quality-check tests: build cues tersely and pick findings by rule."""

from __future__ import annotations

from collections.abc import Sequence

from captionreview.core.checks import check_cues
from captionreview.core.model import Cue, Finding
from captionreview.core.profiles import DEFAULT_PROFILE, Profile


def cue(start: float, end: float, text: str = "Hej.", **fields: str) -> Cue:
    """Return a cue from ``start`` to ``end`` given in seconds."""
    return Cue(round(start * 1000), round(end * 1000), text, **fields)


def spaced(*texts: str, duration: float = 3.0, gap: float = 0.2) -> list[Cue]:
    """Return one comfortable cue per text, one after the other."""
    cues = []
    t = 0.0
    for text in texts:
        cues.append(cue(t, t + duration, text))
        t += duration + gap
    return cues


def run(cues: Sequence[Cue], profile: Profile = DEFAULT_PROFILE, **kw: object) -> list[Finding]:
    """Check ``cues`` (with the default profile unless told)."""
    return check_cues(cues, profile, **kw)  # type: ignore[arg-type]


def of(findings: Sequence[Finding], rule: str) -> list[Finding]:
    """Return the findings of one rule."""
    return [f for f in findings if f.rule == rule]


def spanned(c: Cue, finding: Finding) -> str:
    """Return the text a finding's span covers."""
    assert finding.span is not None
    return c.text[finding.span[0] : finding.span[1]]
