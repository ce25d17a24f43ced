"""WCAG 2.2 contrast ratio between two sRGB colours (success criteria 1.4.3 and 1.4.11).

Used by the tests that hold the window's palette and the report's colours to AA: 4.5:1 for
text, 3:1 for graphics that carry meaning.
"""

from __future__ import annotations

TEXT_AA = 4.5
GRAPHICS_AA = 3.0


def relative_luminance(colour: str) -> float:
    """Return the relative luminance of ``#rrggbb`` (0 black to 1 white)."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """Return the contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
