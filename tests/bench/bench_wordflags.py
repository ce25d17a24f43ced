"""Word flags on real published Swedish that nobody here wrote (issue 13).

The text comes from Debian packages: the LifeLines user guide in Swedish (``lifelines-doc-sv``,
Swedish only); and, for mixed Swedish–English text, the Debian Edu Audacity manual
(``debian-edu-doc-legacy-sv``, Swedish with English paragraphs), the book "Copyright finns inte"
(``cfi-sv``, Swedish about hacker culture, full of English names, titles and terms) and the GIMP
user manual in Swedish (``gimp-help-sv``, Swedish pages with English paragraphs and English
interface names left untranslated). Development sets sampled over their pages: the Swedish man
pages (``manpages-sv``) and the LibreOffice help (``libreoffice-help-sv``), held out until
measured once and studied since. Held out from all tuning: GNOME's help in Swedish
(``gnome-user-docs``). Each is set as captions twice:

* as published: every word flag there is a false alarm (goal: at most 1 per 100 words);
* as speech recognition writes it: lower case, no punctuation, and with errors planted
  programmatically (proper nouns in lower case, compounds split at Hunspell's part boundary,
  numbers spelled out in words). A planted error counts as caught only when a flag covers it
  **with the right correction** (goal: at least 90 %). Errors are planted only where a Swedish
  recogniser would make them: in Swedish sentences, and not in the English words inside them
  (a word is English when the English dictionary has it and the Swedish one does not; a
  sentence is English when it has more such words than words only Swedish has).

Taking the punctuation away also takes the hyphen from suspended compound parts ("käll- och
händelseposter" → "käll och händelseposter"). Those are counted apart, not in the figure
above: a part that is a word alone ("händelse och övriga") cannot be told from a plain "and".

Run: ``.venv/bin/python tests/bench/bench_wordflags.py`` (prints figures; not collected by
pytest). tests/core/test_wordflags_eval.py keeps regression bounds on the same figures.
"""

from __future__ import annotations

import gzip
import html
import itertools
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from captionreview.core.model import Cue, Finding
from captionreview.core.words.flags import find_flags
from captionreview.core.words.spelling import Speller, SpellerUnavailable

SOURCES = {
    "Swedish (LifeLines user guide, lifelines-doc-sv)": (
        Path("/usr/share/doc/lifelines-doc-sv/ll-userguide.sv.html"),
        "latin-1",
    ),
    "Swedish with English (Audacity manual, debian-edu-doc-legacy-sv)": (
        Path("/usr/share/doc/debian-edu-doc-legacy-sv/audacity-manual.html"),
        "utf-8",
    ),
    "Swedish with English terms (Copyright finns inte, cfi-sv)": (
        Path("/usr/share/doc/cfi-sv/cfi.html"),
        "utf-8",
    ),
    # A folder: the first sentences of every page, so the sample spans the whole manual.
    "Swedish with English (GIMP manual, gimp-help-sv)": (
        Path("/usr/share/gimp/2.0/help/sv"),
        "utf-8",
    ),
}
_EVAL = Path(__file__).resolve().parents[2] / ".eval"
# Sampled over their pages like the held-out sets, but no longer held out: the man pages and
# the LibreOffice help were held out until the flags had been measured on them once (man pages
# 4.04 flags per 100 words, 62/71 caught; LibreOffice 0.78, 36/41), and are now studied for
# misses and false alarms like the sources above.
DEVELOPMENT = {
    # Swedish man pages (manpages-sv): Swedish prose about commands, with English names.
    "Swedish man pages (manpages-sv)": (Path("/usr/share/man/sv"), "troff"),
    # The LibreOffice help in Swedish: Swedish pages, some paragraphs left in English. Its
    # package depends on LibreOffice, so scripts/setup unpacks the package into .eval instead.
    "Swedish with English (LibreOffice help, libreoffice-help-sv)": (
        _EVAL / "libreoffice-help-sv/usr/share/libreoffice/help/sv/text",
        "utf-8",
    ),
}
# Held out: measured only to see whether the flags hold up on text they were not tuned on
# (issue 13: the app is judged on Swedish nobody here has). Nobody changes the flags because of
# what these show; they are not in the regression bounds of tests/core/test_wordflags_eval.py.
# GNOME help: 1.02 flags per 100 words, 69/82 = 84.1 % caught before the work on recall that
# made the man pages and LibreOffice help development sets; 0.95 and 69/82 after; 0.90 and
# 72/82 = 87.8 % after the rules built on those and on other GNOME programs' help and .mo
# catalogues (measured once at the start and once at the end, its flags never read).
HELD_OUT = {
    # GNOME's help in Swedish (gnome-user-docs, Mallard pages): Swedish task help naming
    # English programs and interface parts. Its package depends on yelp and ships every
    # language, so scripts/setup unpacks only the Swedish folder into .eval.
    "held out: Swedish with English (GNOME help, gnome-user-docs)": (
        _EVAL / "gnome-user-docs/usr/share/help/sv",
        "mallard",
    ),
}
_SAMPLE_PAGES = 120
# Sentences with these characters are code, paths or examples, not prose.
_CODE = re.compile(r"[()_=/@<>{}\[\]\"|*#\\$%:;]")
# Mallard's code-like elements (keys, files, commands) are not words anyone says: a sentence
# with one is left out whole (the marker matches _CODE) rather than kept with a gap.
_MALLARD_CODE = re.compile(
    r"<(key|keyseq|file|code|sys|input|cmd|var|screen|output)\b.*?</\1>", flags=re.S
)
# A menu path (<guiseq><gui>Arkiv</gui><gui>Exportera som PDF…</gui></guiseq>) is shown with
# "▸" between its items and said as a list: without a separator the items run together.
_MALLARD_MENU_STEP = re.compile(r"</gui>\s*<gui\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_WORDS_PER_CUE = 7
_SENTENCES_PER_PAGE = 4


@dataclass(frozen=True)
class Planted:
    """An error planted in cue ``cue`` at ``span``, and the correction a flag should offer."""

    cue: int
    span: tuple[int, int]
    kind: str
    correction: str


def _page_sentences(path: Path, encoding: str, paragraphs: bool = False) -> Iterator[str]:
    """Yield the prose sentences of one HTML or Mallard page (5–30 words, no code), of its
    ``<p>`` paragraphs only when ``paragraphs`` (no headings, navigation or figure captions)."""
    if encoding == "mallard":
        text = _MALLARD_CODE.sub(" # ", path.read_text(encoding="utf-8", errors="replace"))
        text = _MALLARD_MENU_STEP.sub("</gui>, <gui", text)
    else:
        text = path.read_text(encoding=encoding, errors="replace")
    # The LibreOffice help's pages begin with a banner ("LibreOffice 7.4 Hjälp") in a <p>.
    text = text.split('id="DisplayArea"', 1)[-1]
    if paragraphs:
        text = " ".join(re.findall(r"<p\b.*?</p>", text, flags=re.S | re.I))
    text = re.sub(r"<(script|style|pre|code|tt)\b.*?</\1>", " ", text, flags=re.S | re.I)
    # Inside a Mallard paragraph every element is inline ("<gui>Färg</gui>."): no space.
    text = html.unescape(re.sub(r"<[^>]+>", "" if encoding == "mallard" else " ", text))
    for sentence in _SENTENCE.split(" ".join(text.split())):
        words = sentence.split()
        if 5 <= len(words) <= 30 and not _CODE.search(sentence) and "\ufffd" not in sentence:
            yield sentence


_TROFF_ESCAPE = re.compile(r"\\(?:f(?:\[[^]]*\]|\(..|.)|\(..|\*(?:\(..|.)|[-e&,/|^ ])")
# Placeholders of man pages ("FILerna", "STORLEKSformat") and command-line options are not
# words anyone says.
_TROFF_CHARS = {
    "\\-": "-",
    "\\(:a": "ä",
    "\\(:o": "ö",
    "\\(oa": "å",
    "\\(:A": "Ä",
    "\\(:O": "Ö",
    "\\(oA": "Å",
    "\\('e": "é",
    "\\(aq": "'",
    "\\(rq": "”",
    "\\(lq": "“",
    "\\(em": "—",
    "\\(en": "–",
}
_MAN_CODE = re.compile(r"(?:^|\s)-|[A-ZÅÄÖ]{3,}[a-zåäö]")


def _man_sentences(path: Path) -> Iterator[str]:
    """Yield the prose sentences of one man page (its text lines, escapes removed)."""
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as source:
        lines = [line for line in source.read().splitlines() if line and line[0] not in ".'"]
    text = _TROFF_ESCAPE.sub(lambda m: _TROFF_CHARS.get(m.group(), ""), " ".join(lines))
    for sentence in _SENTENCE.split(" ".join(text.split())):
        words = sentence.split()
        if (
            5 <= len(words) <= 30
            and not _CODE.search(sentence)
            and not _MAN_CODE.search(sentence)
            and "\ufffd" not in sentence
        ):
            yield sentence


def sampled_sentences(path: Path, encoding: str, limit: int = 400) -> list[str]:
    """Return up to ``limit`` prose sentences from pages spread evenly over a folder tree of
    HTML pages, (``encoding`` "troff") gzipped man pages or ("mallard") Mallard help pages,
    each sentence once."""
    pattern = {"troff": "*.gz", "mallard": "*.page"}.get(encoding, "*.html")
    pages = sorted(path.rglob(pattern))
    step = max(1, len(pages) // _SAMPLE_PAGES)
    found: dict[str, None] = {}
    for page in pages[::step]:
        if encoding == "troff":
            page_sentences = _man_sentences(page)
        else:
            page_sentences = _page_sentences(page, encoding, True)
        for sentence in itertools.islice(page_sentences, _SENTENCES_PER_PAGE):
            found.setdefault(sentence)
        if len(found) >= limit:
            break
    return list(found)[:limit]


def sentences(path: Path, encoding: str, limit: int = 400) -> list[str]:
    """Return up to ``limit`` prose sentences of an HTML document or a folder of pages.

    From a folder (a manual of generated pages), the first few sentences of the paragraphs of
    each page in name order, each sentence once: headings and navigation are not prose.
    """
    if not path.is_dir():
        return list(itertools.islice(_page_sentences(path, encoding), limit))
    found: dict[str, None] = {}
    for page in sorted(path.glob("*.html")):
        for sentence in itertools.islice(
            _page_sentences(page, encoding, True), _SENTENCES_PER_PAGE
        ):
            found.setdefault(sentence)
        if len(found) >= limit:
            break
    return list(found)[:limit]


def as_cues(lines: list[list[str]]) -> list[Cue]:
    """Return one cue per list of words."""
    return [
        Cue(start_ms=i * 3000, end_ms=i * 3000 + 2800, text=" ".join(words))
        for i, words in enumerate(lines)
    ]


def published_cues(text: list[str]) -> list[Cue]:
    """Return the sentences as captions of up to seven words, punctuation kept."""
    lines: list[list[str]] = []
    for sentence in text:
        words = sentence.split()
        lines.extend(words[i : i + _WORDS_PER_CUE] for i in range(0, len(words), _WORDS_PER_CUE))
    return as_cues(lines)


_UNITS = "noll ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton "
_UNITS += "sjutton arton nitton"
_TENS = "tjugo trettio fyrtio femtio sextio sjuttio åttio nittio"


def spoken(number: int) -> str:
    """Return a number as Swedish speech recognition writes it ("två tusen tjugofyra")."""
    units, tens = _UNITS.split(), _TENS.split()

    def below_hundred(n: int) -> str:
        if n < 20:
            return units[n]
        return tens[n // 10 - 2] + (units[n % 10] if n % 10 else "")

    if 1100 <= number < 2000 or (2000 <= number < 2100 and number % 100 >= 10):
        # Years are said in hundreds: "nitton hundra åttiofyra", "tjugo tjugofyra".
        head, rest = divmod(number, 100)
        if number >= 2000:
            return f"{below_hundred(head)} {below_hundred(rest)}"
        return f"{below_hundred(head)} hundra" + (f" {below_hundred(rest)}" if rest else "")
    parts = []
    thousands, rest = divmod(number, 1000)
    if thousands:
        parts.append(f"{below_hundred(thousands)} tusen")
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        parts.append(f"{units[hundreds]} hundra")
    if rest:
        parts.append(below_hundred(rest))
    return " ".join(parts)


class Planter:
    """Turns published sentences into auto-caption form with recognition errors planted."""

    def __init__(self, speller: Speller, seed: int = 13) -> None:
        self.speller = speller
        self.rng = random.Random(seed)
        try:
            self.english: Speller | None = Speller("en")
        except SpellerUnavailable:
            self.english = None

    def _split_compound(self, word: str) -> tuple[str, str] | None:
        """Return a compound cut at its last part as Hunspell builds it, or None."""
        if len(word) < 9 or not word.isalpha() or not word.islower():
            return None
        for reading in self.speller.analyze(word):
            parts = re.findall(r"pa:(\S+)", reading)
            if len(parts) < 2:
                continue
            last = parts[-1]
            head = word[: len(word) - len(last)]
            if word.endswith(last) and len(head) >= 3 and len(last) >= 3:
                return head, last
        return None

    def _proper(self, word: str) -> bool:
        return (
            word[:1].isupper()
            and word[1:].islower()
            and word.isalpha()
            and not self.speller.check(word.lower())
            and self.speller.check(word)
            # "The" is in the Swedish dictionary as a name; "the" is English, not a name.
            and not (self.english is not None and self.english.check(word.lower()))
        )

    def _english(self, word: str) -> bool:
        """Return True for a word the English dictionary has and the Swedish one does not."""
        return (
            self.english is not None
            and word.isalpha()
            and self.english.check(word)
            and not self.speller.check(word)
        )

    def _english_sentence(self, words: list[str]) -> bool:
        """Return True when more of the words are English only than Swedish only."""
        if self.english is None:
            return False
        english = sum(1 for w in words if self._english(w))
        swedish = sum(
            1 for w in words if w.isalpha() and self.speller.check(w) and not self.english.check(w)
        )
        return english > swedish

    def plant(self, text: list[str]) -> tuple[list[Cue], list[Planted]]:
        """Return the sentences as lower-case, unpunctuated captions, and the planted errors.

        The suspended parts that lost their hyphen go to :attr:`suspended`, apart.
        """
        lines: list[list[str]] = []
        planted: list[Planted] = []
        self.suspended: list[Planted] = []
        for sentence in text:
            written = sentence.split()
            hyphened = {
                k
                for k, (w, after) in enumerate(itertools.pairwise(written))
                if w.rstrip(",")[-1:] in "-–" and after.lower() in ("och", "eller", "samt")
            }
            kept = [(k, w.strip(".,!?;:'’«»–-")) for k, w in enumerate(written)]
            kept = [(k, w) for k, w in kept if w]
            words = [w for _k, w in kept]
            english = self._english_sentence(words)
            line: list[str] = []
            for index, word in enumerate(words):
                if len(line) >= _WORDS_PER_CUE:
                    lines.append(line)
                    line = []
                start = len(" ".join(line)) + (1 if line else 0)
                out, kind, correction = self._transform(word, index)
                if kind and (english or self._english(word)):
                    # A Swedish recogniser makes these errors in Swedish, not in English words.
                    out, kind, correction = word.lower(), "", ""
                line.extend(out.split())
                if kind:
                    span = (start, start + len(out))
                    planted.append(Planted(len(lines), span, kind, correction))
                elif kept[index][0] in hyphened and word.isalpha():
                    span = (start, start + len(out))
                    self.suspended.append(Planted(len(lines), span, "suspended", out + "-"))
            if line:
                lines.append(line)
        return as_cues(lines), planted

    def _transform(self, word: str, index: int) -> tuple[str, str, str]:
        if word.isdecimal() and 13 <= int(word) <= 9999 and not word.startswith("0"):
            return spoken(int(word)), "number", word
        if index > 0 and self._proper(word):
            return word.lower(), "proper noun", word
        lower = word.lower()
        split = self._split_compound(lower) if self.rng.random() < 0.5 else None
        if split is not None:
            return " ".join(split), "split compound", lower
        return lower, "", ""


def caught(planted: Planted, findings: list[Finding]) -> bool:
    """Return True when a finding covers the planted error and offers its correction."""
    for finding in findings:
        if finding.cue_index != planted.cue or finding.span is None:
            continue
        start, end = finding.span
        if start <= planted.span[0] and planted.span[1] <= end:
            suggestion = (finding.suggestion or "").replace("\u00a0", " ")
            correction = planted.correction
            if planted.kind == "proper noun":
                if suggestion == correction:
                    return True
            elif suggestion.lower().replace(" ", "") == correction.lower().replace(" ", ""):
                return True
    return False


@dataclass(frozen=True)
class Figures:
    """The figures of one source."""

    words: int
    false_flags: int
    planted: Counter[str]
    caught: Counter[str]
    seconds: float
    false_examples: list[str]
    suspended: tuple[int, int] = (0, 0)  # suspended parts offered their hyphen, of all

    @property
    def flags_per_100(self) -> float:
        """Word flags per 100 words of the published text."""
        return 100 * self.false_flags / max(1, self.words)

    @property
    def caught_share(self) -> float:
        """Share of planted errors flagged with the right correction."""
        return sum(self.caught.values()) / max(1, sum(self.planted.values()))


def measure(
    path: Path, encoding: str, speller: Speller, limit: int = 400, *, sampled: bool = False
) -> Figures:
    """Return the figures of one source (sampled over its pages when ``sampled``)."""
    pick = sampled_sentences if sampled else sentences
    text = pick(path, encoding, limit)
    start = time.perf_counter()
    published = published_cues(text)
    flags = [
        f for f in find_flags(published, language="sv", glossary=None, suggestions=False) if f.span
    ]
    planter = Planter(speller)
    cues, planted = planter.plant(text)
    findings = find_flags(cues, language="sv", glossary=None, suggestions=False)
    seconds = time.perf_counter() - start
    by_cue: dict[int | None, list[Finding]] = {}
    for finding in findings:
        by_cue.setdefault(finding.cue_index, []).append(finding)
    got = Counter(p.kind for p in planted if caught(p, by_cue.get(p.cue, [])))
    hyphened = sum(1 for p in planter.suspended if caught(p, by_cue.get(p.cue, [])))
    examples = [
        f"{f.rule} {published[f.cue_index or 0].text[f.span[0] : f.span[1]]!r}"
        for f in flags
        if f.span
    ]
    return Figures(
        words=sum(len(c.text.split()) for c in published),
        false_flags=len(flags),
        planted=Counter(p.kind for p in planted),
        caught=got,
        seconds=seconds,
        false_examples=examples,
        suspended=(hyphened, len(planter.suspended)),
    )


def available_sources() -> Iterator[tuple[str, Path, str, bool]]:
    """Yield the sources whose Debian package is installed, the held-out ones last; the last
    item says whether a source is sampled over its pages (the development and held-out sets)."""
    for sampled, sources in ((False, SOURCES), (True, DEVELOPMENT), (True, HELD_OUT)):
        for label, (path, encoding) in sources.items():
            if path.exists():
                yield label, path, encoding, sampled


def main() -> None:
    """Print the figures."""
    try:
        speller = Speller("sv")
    except SpellerUnavailable as error:
        print(error)
        return
    for label, path, encoding, sampled in available_sources():
        figures = measure(path, encoding, speller, sampled=sampled)
        print(label)
        print(
            f"  published text: {figures.words} words, {figures.false_flags} word flags = "
            f"{figures.flags_per_100:.2f} per 100 words (goal <= 1)"
        )
        common = Counter(figures.false_examples).most_common(12)
        print("  commonest flags on it: " + ", ".join(f"{e} ×{n}" for e, n in common))
        total = sum(figures.planted.values())
        print(
            f"  planted errors caught with the right correction: "
            f"{sum(figures.caught.values())}/{total} = {100 * figures.caught_share:.1f} % "
            f"(goal >= 90 %); both checks took {figures.seconds:.2f} s"
        )
        for kind, count in sorted(figures.planted.items()):
            print(f"    {kind}: {figures.caught[kind]}/{count}")
        if figures.suspended[1]:
            print(
                "  suspended parts that lost their hyphen (apart from the figure above): "
                f"{figures.suspended[0]}/{figures.suspended[1]} offered it"
            )
    everything = (*SOURCES.values(), *DEVELOPMENT.values(), *HELD_OUT.values())
    missing = [str(p) for p, _ in everything if not p.exists()]
    if missing:
        print("not installed (scripts/setup installs them): " + ", ".join(missing))


if __name__ == "__main__":
    main()
