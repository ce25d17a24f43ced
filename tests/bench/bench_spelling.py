"""Benchmark of spell checking and the ASR word flags on a 3,000-cue Swedish lecture.

Run: ``.venv/bin/python tests/bench/bench_spelling.py`` (prints figures; not collected by pytest;
``--speed`` prints only the first part). The first part holds issue 13's speed figures: the word
flags of 3,000 reviewed cues and of 30,000 karaoke cues (goal ≤ 0.3 s), of real published Swedish
(every cue a new text), and what the background load of the sv_SE dictionary saves the main
thread. The rest: cues that mix the demo lecture's auto-captions (planted errors, no punctuation)
with correct Swedish sentences and a few made-up misspellings, so every rule has work to do.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from captionreview.core.checks import check_document
from captionreview.core.formats import load
from captionreview.core.model import Cue
from captionreview.core.profiles import DEFAULT_PROFILE
from captionreview.core.words import flags, spelling
from captionreview.core.words.flags import FlagChecker, find_flags
from captionreview.core.words.glossary import Glossary
from captionreview.core.words.spelling import DICTIONARY_DIRS, Speller, tokenize
from captionreview.core.words.spread import (
    Correction,
    TextIndex,
    candidate_indices,
    find_occurrences,
    index_text,
)
from tests.bench import bench_wordflags
from tests.bench.bench_checks import cpu_baseline_ms, lecture_vtt
from tests.bench.bench_core import make_file

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo"
SENTENCES = (
    "Välkomna till dagens seminarium om folkhälsa och jämlik vård.",
    "Ungefär en tredjedel av de svarande hade svårt att få en tid.",
    "Samtidigt har personalen på akutmottagningen hög arbetsbelastning.",
    "Flera sjuksköterskor berättar att de inte hinner ta rast.",
    "Därför har regionen startat ett nytt projekt för arbetsmiljön.",
    "Kvinnor är generellt mer nöjda än män med bemötandet.",
    "Vi har tagit fram nytt material på flera språk.",
    "Tillgängligheten har blivit bättre, men den är ojämnt fördelad.",
    "Arbetslösheten steg till 8.5% under hösten",
    "vi pratar om kompetens försörjning och kunskaps bank",
    "Den nya strategin för kolektivtrafiken antogs i våras.",
    "Eh, det är, liksom, en fråga om resurser och och tid.",
)


def demo_texts() -> list[str]:
    """Return the cue texts of the demo auto-captions (skips header and timing lines)."""
    texts = []
    for block in (DEMO / "lecture.sv.vtt").read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().split("\n")
        for k, line in enumerate(lines):
            if "-->" in line:
                texts.append("\n".join(lines[k + 1 :]))
    return texts


def lecture(count: int, seed: int = 7) -> list[Cue]:
    """Return ``count`` cues drawn from the demo captions and the sentences above."""
    rng = random.Random(seed)
    pool = demo_texts() + list(SENTENCES)
    cues = []
    for i in range(count):
        text = rng.choice(pool)
        if rng.random() < 0.1:
            words = text.split()
            k = rng.randrange(len(words))
            if len(words[k]) > 4:  # a made-up typo: two letters swapped
                w = words[k]
                words[k] = w[:2] + w[3] + w[2] + w[4:]
            text = " ".join(words)
        cues.append(Cue(i * 3000, i * 3000 + 2500, text))
    return cues


def shuffled_lecture(count: int, seed: int = 11) -> list[Cue]:
    """Return ``count`` cues of 6-12 words drawn at random: no cue text repeats (caches cold)."""
    rng = random.Random(seed)
    vocabulary = sorted({w for t in demo_texts() + list(SENTENCES) for w in t.split()})
    cues = []
    for i in range(count):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(6, 12))]
        if rng.random() < 0.3:
            k = rng.randrange(len(words))
            w = words[k]
            if len(w) > 4:
                words[k] = w[:2] + w[3] + w[2] + w[4:]
        cues.append(Cue(i * 3000, i * 3000 + 2500, " ".join(words)))
    return cues


def timed(label: str, func: object, repeat: int = 1) -> float:
    """Run ``func`` ``repeat`` times and print the median time; return it in seconds."""
    assert callable(func)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    print(f"{label:58s} {median * 1000:9.1f} ms")
    return median


def flag_times(cues: Sequence[Cue], repeat: int = 5) -> tuple[float, float, int]:
    """Return the best wall and CPU time (ms) of the word flags of ``cues``, each run with new
    speller caches (the Hunspell handles are loaded already), and how many flags there are."""
    walls, cpus = [], []
    found = 0
    for _ in range(repeat):
        flags._default_spellers.clear()
        speller = Speller("sv")
        wall, cpu = time.perf_counter(), time.process_time()
        found = len(
            find_flags(cues, language="sv", glossary=None, speller=speller, suggestions=False)
        )
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return min(walls), min(cpus), found


def preload_figures(path: Path) -> None:
    """Print the main thread's wait for a fresh sv_SE handle, loaded on it or in the background
    while the caption file ``path`` is read and checked (as ``captionreview check`` does)."""
    source = next(d for d in DICTIONARY_DIRS if (d / "sv_SE.dic").is_file())
    folder = path.parent

    def run(background: bool) -> tuple[float, float]:
        # A folder of links of its own is a dictionary not loaded yet in this process.
        dicts = Path(tempfile.mkdtemp(dir=folder))
        for suffix in ("aff", "dic"):
            (dicts / f"sv_SE.{suffix}").symlink_to(source / f"sv_SE.{suffix}")
        start = time.perf_counter()
        if background:
            spelling.preload(["sv"], dictionary_dirs=[dicts])
        check_document(load(path), DEFAULT_PROFILE)
        work = time.perf_counter()
        Speller("sv", personal_path=dicts / "personal.txt", dictionary_dirs=[dicts])
        return (work - start) * 1000, (time.perf_counter() - work) * 1000

    runs: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    for _ in range(5):
        for background in (False, True):
            runs[background].append(run(background))
    print("sv_SE dictionary, then reading and checking 3,000 reviewed cues (best of 5 by total):")
    for background, times in runs.items():
        work, wait = min(times, key=sum)
        how = "in the background" if background else "on the main thread"
        print(
            f"  loaded {how:18s}: reading + checks {work:6.1f} ms, then the speller "
            f"waits {wait:6.1f} ms; together {work + wait:6.1f} ms"
        )


def speed_figures() -> None:
    """Print issue 13's speed figures of the word flags."""
    print(f"machine yardstick: 3M-step Python loop {cpu_baseline_ms():.0f} ms")
    for language in ("sv", "en"):
        Speller(language)  # the handles are loaded once, before any figure is taken
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "reviewed.vtt").write_text(lecture_vtt(3000, reviewed=True), encoding="utf-8")
        make_file(folder / "karaoke.vtt", 30_000)
        samples: list[tuple[str, list[Cue]]] = [
            ("3,000 reviewed cues (bench_checks)", load(folder / "reviewed.vtt").cues),
            ("30,000 karaoke cues (bench_core)", load(folder / "karaoke.vtt").cues),
        ]
        for label, source, encoding, sampled in bench_wordflags.available_sources():
            pick = bench_wordflags.sampled_sentences if sampled else bench_wordflags.sentences
            text = pick(source, encoding)
            published = bench_wordflags.published_cues(text)
            short = label.split(" (")[0]
            samples.append((f"{len(published)} cues of published {short}", published))
            planted = bench_wordflags.Planter(Speller("sv")).plant(text)[0]
            samples.append((f"the same as auto-captions, {len(planted)} cues", planted))
        print("word flags, no suggestions, new speller caches (best of 5):")
        for label, cues in samples:
            wall, cpu, found = flag_times(cues)
            print(f"  {label:52s} {wall:7.1f} ms wall {cpu:7.1f} ms CPU  {found:6d} flags")
        preload_figures(folder / "reviewed.vtt")


def main() -> None:
    """Print the figures."""
    speed_figures()
    if "--speed" in sys.argv[1:]:
        return
    glossary = Glossary.load(DEMO / "glossary.txt")
    cues = lecture(3000)
    words = sum(len(tokenize(c.text)) for c in cues)
    print(f"3,000 cues, {words} words, {len({c.text for c in cues})} distinct cue texts")
    timed("load sv_SE dictionary (first Speller)", lambda: Speller("sv"))
    speller = Speller("sv")
    timed("spell check every word, cold cache", lambda: [speller.misspelled(c.text) for c in cues])
    timed("spell check every word, warm cache", lambda: [speller.misspelled(c.text) for c in cues])
    fresh = Speller("sv")
    timed(
        "all flags, no suggestions, cold cache",
        lambda: find_flags(
            cues, language="sv", glossary=glossary, speller=fresh, suggestions=False
        ),
    )
    timed(
        "all flags, no suggestions, warm cache (median of 3)",
        lambda: find_flags(
            cues, language="sv", glossary=glossary, speller=fresh, suggestions=False
        ),
        repeat=3,
    )
    findings: list[object] = []

    def with_suggestions() -> None:
        findings[:] = find_flags(cues, language="sv", glossary=glossary, speller=Speller("sv"))

    timed("all flags with Hunspell suggestions, cold cache", with_suggestions)
    print(f"  findings: {len(findings)}")
    mixed = shuffled_lecture(3000)
    print(f"3,000 cues of random words, {len({c.text for c in mixed})} distinct cue texts")
    timed(
        "all flags, no suggestions, new speller",
        lambda: find_flags(
            mixed, language="sv", glossary=glossary, suggestions=False, speller=Speller("sv")
        ),
    )
    rng = random.Random(3)
    parts = ["kal", "vet", "run", "dor", "sil", "mek", "tra", "berg", "ström", "gren", "qvist"]
    names = ["".join(rng.choice(parts) for _ in range(rng.randint(2, 4))) for _ in range(300)]
    big = Glossary.from_lines([*glossary.terms, *(n.capitalize() for n in names)])
    print(f"glossary of {len(big)} terms")
    for label, sample in (("lecture", cues), ("random words", mixed)):
        timed(
            f"all flags, {label}, no suggestions, warm speller",
            lambda s=sample: find_flags(
                s, language="sv", glossary=big, speller=fresh, suggestions=False
            ),
        )
    long_words = " ".join(c.text.replace("\n", " ") for c in mixed).split()[:20_000]
    one_cue = [Cue(0, 3_600_000, " ".join(long_words))]
    timed(
        f"all flags, ONE cue of {len(long_words)} words (a transcript pasted as one cue)",
        lambda: find_flags(
            one_cue, language="sv", glossary=glossary, speller=fresh, suggestions=False
        ),
    )
    checker = FlagChecker(language="sv", glossary=glossary, speller=fresh)
    timed("re-check one edited cue (median of 200)", lambda: checker.check_cue(cues, 1500), 200)
    spread_figures()
    per_rule: dict[str, int] = {}
    for f in find_flags(cues, language="sv", glossary=glossary, speller=fresh, suggestions=False):
        per_rule[f.rule] = per_rule.get(f.rule, 0) + 1
    print("  by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(per_rule.items())))


def spread_figures() -> None:
    """Time the search for a correction's other occurrences in 30,000 two-line cues."""
    count = 30_000
    cues = [
        Cue(
            i * 2000,
            i * 2000 + 1900,
            f"cue {i + 1}: det här är en rad med text\noch en andra rad om "
            + ("grön vall" if i % 100 == 0 else "tillväxt"),
        )
        for i in range(count)
    ]
    print(f"corrections spread, {count:,} two-line cues (the window's benchmark file)")
    index: list[TextIndex] = []
    timed("build the lower-case text index", lambda: index.append(TextIndex(cues)))
    texts = index[0].snapshot()
    timed(
        "follow one edited cue in the index (median of 200)",
        lambda: index[0].update("changed", 500, 501, cues),
        200,
    )
    timed("copy the index for the worker (median of 20)", index[0].snapshot, 20)
    for label, correction in (
        ("a word in 1 % of the cues", Correction("grön vall", "Grünewald")),
        ("a word in every cue", Correction("tillväxt", "utveckling")),
        ("a word in no cue", Correction("regionstyrelsen", "Regionstyrelsen")),
    ):
        found: list[object] = []
        timed(
            f"  pre-filter only, {label}",
            lambda c=correction: candidate_indices(texts, c, exclude=[7]),
            5,
        )
        timed(
            f"  search with the index, {label}",
            lambda c=correction, f=found: f.__setitem__(
                slice(None), find_occurrences(cues, c, exclude=[7], texts=texts)
            ),
        )
        timed(
            f"  search without the index, {label}",
            lambda c=correction: find_occurrences(cues, c, exclude=[7]),
        )
        print(f"    {len(found)} occurrences")
    assert texts == [index_text(c.text) for c in cues]


if __name__ == "__main__":
    main()
