"""Write captionreview/core/words/function_words.py: for each language wordfreq knows (but
Swedish and English, which language.py lists by hand, and Chinese, Japanese and Korean, which it
tells by their scripts), the commonest words that are common in no other of those languages.

The language guess reads this table only when a text is neither clearly Swedish nor clearly
English; loading all of wordfreq's lists to make it takes about 2 s, too long for opening a
file, so the table is made here and tests/core/test_language.py checks it against wordfreq.

Run: ``.venv/bin/python scripts/function_words.py`` (rewrites the module).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import wordfreq

# A word of a language's TOP commonest is kept when it is not among the SHARED commonest of any
# other language; at most KEEP are kept, commonest first.
TOP = 100
SHARED = 500
KEEP = 40
BY_SCRIPT = frozenset(["zh", "ja", "ko"])
HAND_LISTED = frozenset(["sv", "en"])
WORD = re.compile(r"[^\W\d_]+")
MODULE = Path(__file__).resolve().parents[1] / "captionreview/core/words/function_words.py"


def table() -> dict[str, list[str]]:
    """Return each language's exclusive common words, commonest first."""
    languages = sorted(set(wordfreq.available_languages("best")) - BY_SCRIPT)
    common = {code: wordfreq.top_n_list(code, SHARED) for code in languages}
    found: dict[str, list[str]] = {}
    for code in sorted(set(languages) - HAND_LISTED):
        others = set().union(*(set(words) for other, words in common.items() if other != code))
        kept = [w for w in common[code][:TOP] if WORD.fullmatch(w) and w not in others]
        if kept:
            found[code] = kept[:KEEP]
    return found


def source() -> str:
    """Return the text of the module."""
    lines = [
        '"""Words common in one language and in no other that wordfreq knows, by language.',
        "",
        "Made by scripts/function_words.py from wordfreq's lists (do not edit by hand); read by",
        "language.py when a text is neither clearly Swedish nor clearly English.",
        '"""',
        "",
        "EXCLUSIVE_WORDS: dict[str, tuple[str, ...]] = {",
    ]
    for code, words in table().items():
        # Double quotes, as ruff formats them: json writes these words as Python does.
        lines.append(f"    {json.dumps(code)}: (")
        lines.extend(f"        {json.dumps(word, ensure_ascii=False)}," for word in words)
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Rewrite the module, or with --check exit 1 when it differs from wordfreq's lists."""
    text = source()
    if "--check" in sys.argv[1:]:
        raise SystemExit(0 if MODULE.read_text(encoding="utf-8") == text else 1)
    MODULE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
