"""How good were the automatic captions: the auto track compared with the corrected one.

One function, :func:`compare`, gives every number the command line (``captionreview
compare``), the HTML report and the window show, so they are always the same numbers:

- word error rate (WER) of the auto track against the corrected track (the reference), with
  substitutions, deletions, insertions and the number of reference words, on words
  normalised the usual way (case folded, punctuation at word edges removed); words right but
  for their case or punctuation are counted separately (``case_errors``,
  ``punctuation_errors``) and in a strict WER;
- character error rate (CER) on the same normalised text;
- the changes (runs of words between two matching words) with their kind (glossary term or
  name, split compound, number, filler, other) and the most frequent confusions;
- an NER-style estimate (Romero-Fresco's model, accuracy = (N − E − R) / N) where each change
  weighs minor 0.25, standard 0.5 (the default) or serious 1.

The alignment is rapidfuzz's Levenshtein (the engine jiwer uses; measured 3× faster than
going through jiwer on a one-hour lecture, and the test suite checks that the counts equal
jiwer's). Every pass is linear in the words apart from the alignment itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel, Levenshtein

from captionreview.core.i18n import _, ngettext
from captionreview.core.model import Cue, ErrorSeverity
from captionreview.core.vtt.cuetext import plain_text
from captionreview.core.words.numbers import SMALL_NUMBER_WORDS_SV

if TYPE_CHECKING:
    from captionreview.core.words.glossary import Glossary

# The usual pass mark of the NER model for live and pre-recorded captions.
NER_PASS = 0.98


class ChangeKind(StrEnum):
    """What sort of mistake a change corrects (JSON values; never translated)."""

    NAME = "name"
    COMPOUND = "compound"
    NUMBER = "number"
    FILLER = "filler"
    OTHER = "other"


NER_WEIGHTS: Mapping[ErrorSeverity, float] = {
    ErrorSeverity.MINOR: 0.25,
    ErrorSeverity.STANDARD: 0.5,
    ErrorSeverity.SERIOUS: 1.0,
}


def kind_label(kind: ChangeKind) -> str:
    """Return the words for a kind of change, in the current language."""
    labels = {
        ChangeKind.NAME: _("glossary terms and names"),
        ChangeKind.COMPOUND: _("split compounds"),
        ChangeKind.NUMBER: _("numbers"),
        ChangeKind.FILLER: _("fillers and repeated words"),
        ChangeKind.OTHER: _("other words"),
    }
    return labels[kind]


def severity_label(severity: ErrorSeverity) -> str:
    """Return the words for an NER severity, in the current language."""
    labels = {
        ErrorSeverity.MINOR: _("minor (0.25)"),
        ErrorSeverity.STANDARD: _("standard (0.5)"),
        ErrorSeverity.SERIOUS: _("serious (1)"),
    }
    return labels[severity]


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a track: as written, normalised, and the index of its cue."""

    text: str
    norm: str
    cue: int


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def split_edges(word: str) -> tuple[str, str, str]:
    """Return ``word`` as (punctuation before, the word, punctuation after)."""
    if word[:1].isalnum() and word[-1:].isalnum():
        return "", word, ""  # most words: no need to ask unicodedata about each end
    start, end = 0, len(word)
    while start < end and _is_punctuation(word[start]):
        start += 1
    while end > start and _is_punctuation(word[end - 1]):
        end -= 1
    return word[:start], word[start:end], word[end:]


def strip_edge_punctuation(word: str) -> str:
    """Return ``word`` without punctuation at its start and end ("(Ukraina)." -> "Ukraina")."""
    return split_edges(word)[1]


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Return ``word`` the way WER is usually counted: case folded, edge punctuation off."""
    return strip_edge_punctuation(word).casefold()


def track_words(cues: Sequence[Cue]) -> list[Word]:
    """Return the words a viewer reads in ``cues`` (markup off), in order; a token that is
    only punctuation (a dash on its own) is not a word."""
    words: list[Word] = []
    for index, cue in enumerate(cues):
        for token in plain_text(cue.text).split():
            norm = normalise(token)
            if norm:
                words.append(Word(token, norm, index))
    return words


_FILLERS = frozenset(
    {
        "eh",
        "öh",
        "ehm",
        "öhm",
        "äh",
        "ähm",
        "hm",
        "hmm",
        "mm",
        "mhm",
        "ah",
        "aa",
        "uh",
        "um",
        "uhm",
        "er",
        "erm",
        "liksom",
        "typ",
        "alltså",
    }
)
# Number words; 'en'/'ett'/'one' are left out: they are articles and pronouns too.
_NUMBER_WORDS = frozenset(
    {
        "noll",
        *SMALL_NUMBER_WORDS_SV.values(),
        "tretton",
        "fjorton",
        "femton",
        "sexton",
        "sjutton",
        "arton",
        "nitton",
        "tjugo",
        "trettio",
        "fyrtio",
        "femtio",
        "sextio",
        "sjuttio",
        "åttio",
        "nittio",
        "hundra",
        "tusen",
        "miljon",
        "miljoner",
        "miljard",
        "miljarder",
        "procent",
        "zero",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "million",
        "billion",
        "percent",
    }
)
_DIGIT_RE = re.compile(r"\d")
_JOIN_DROP = str.maketrans("", "", "-‐‑ ")


@dataclass(frozen=True, slots=True)
class Change:
    """One place where the auto track and the corrected track differ (between two matching
    words): its words on both sides, the corrected cue it belongs to, its counts and kind."""

    auto: tuple[str, ...]
    corrected: tuple[str, ...]
    cue: int
    auto_cue: int
    substitutions: int
    deletions: int
    insertions: int
    kind: ChangeKind
    key: str

    @property
    def errors(self) -> int:
        """Return the word errors in this change (substitutions + deletions + insertions)."""
        return self.substitutions + self.deletions + self.insertions

    def label(self) -> str:
        """Return the change as "auto words → corrected words" ("∅" for nothing)."""
        left = " ".join(strip_edge_punctuation(w) for w in self.auto) or "∅"
        right = " ".join(strip_edge_punctuation(w) for w in self.corrected) or "∅"
        return f"{left} → {right}"


class DiffKind(StrEnum):
    """What a piece of a word diff is."""

    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """A word of a cue's word diff: kept, taken out of the auto track, or put in."""

    kind: DiffKind
    text: str


def diff_text(pieces: Sequence[DiffPiece]) -> str:
    """Return a word diff as plain text that says what changed without colour:
    ``[-grön vall-] {+Grünewald+}`` (the notation of ``git diff --word-diff``)."""
    out: list[str] = []
    for piece in pieces:
        if piece.kind is DiffKind.REMOVED:
            if out and out[-1].startswith("[-"):
                out[-1] = out[-1][:-2] + " " + piece.text + "-]"
                continue
            out.append(f"[-{piece.text}-]")
        elif piece.kind is DiffKind.ADDED:
            if out and out[-1].startswith("{+"):
                out[-1] = out[-1][:-2] + " " + piece.text + "+}"
                continue
            out.append(f"{{+{piece.text}+}}")
        else:
            out.append(piece.text)
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class Confusion:
    """A change that recurs: the auto words, the corrected words and how often."""

    auto: str
    corrected: str
    count: int


@dataclass(frozen=True, slots=True)
class NerEstimate:
    """The NER model's accuracy, (N − E − R) / N, and what went into it."""

    words: int
    counts: Mapping[ErrorSeverity, int]
    weighted: float

    @property
    def accuracy(self) -> float | None:
        """Return the accuracy (0..1, may go below 0), or None when there are no words."""
        if self.words == 0:
            return None if self.weighted else 1.0
        return (self.words - self.weighted) / self.words

    @property
    def passed(self) -> bool:
        """Return True when the accuracy reaches the usual 98 % pass mark."""
        accuracy = self.accuracy
        return accuracy is not None and accuracy >= NER_PASS


@dataclass
class Comparison:
    """Everything :func:`compare` found (read only; the NER estimate takes the severities)."""

    auto_words: list[Word]
    corrected_words: list[Word]
    hits: int
    substitutions: int
    deletions: int
    insertions: int
    case_errors: int
    punctuation_errors: int
    restyled_words: int
    changes: list[Change]
    # Indices of corrected cues holding a word that differs only in case or punctuation.
    restyled_cues: set[int] = field(default_factory=set)
    # The alignment, for the per-cue word diff.
    blocks: list[_Block] = field(default_factory=list, repr=False)

    @property
    def reference_words(self) -> int:
        """Return N, the number of words in the corrected (reference) track."""
        return len(self.corrected_words)

    @property
    def errors(self) -> int:
        """Return the word errors: substitutions + deletions + insertions."""
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float | None:
        """Return the word error rate on normalised words; None when it is undefined (no
        reference words but some inserted)."""
        return _rate(self.errors, self.reference_words)

    @property
    def strict_wer(self) -> float | None:
        """Return the WER when a word right but for case or punctuation is an error too."""
        return _rate(self.errors + self.restyled_words, self.reference_words)

    @cached_property
    def cer(self) -> float | None:
        """Return the character error rate on the normalised text (computed when asked:
        about 0.1 s for an hour of speech)."""
        reference = " ".join(w.norm for w in self.corrected_words)
        hypothesis = " ".join(w.norm for w in self.auto_words)
        return _rate(Levenshtein.distance(reference, hypothesis), len(reference))

    def kinds(self) -> Counter[ChangeKind]:
        """Return how many changes there are of each kind."""
        return Counter(change.kind for change in self.changes)

    def kind_errors(self) -> Counter[ChangeKind]:
        """Return how many word errors there are in the changes of each kind."""
        counts: Counter[ChangeKind] = Counter()
        for change in self.changes:
            counts[change.kind] += change.errors
        return counts

    def confusions(self, limit: int = 20) -> list[Confusion]:
        """Return the most frequent changes, most frequent first (ties in order of first
        appearance), at most ``limit``."""
        counts: Counter[tuple[str, str]] = Counter()
        shown: dict[tuple[str, str], tuple[str, str]] = {}
        for change in self.changes:
            key = (
                " ".join(normalise(w) for w in change.auto),
                " ".join(normalise(w) for w in change.corrected),
            )
            counts[key] += 1
            if key not in shown:
                left, _arrow, right = change.label().partition(" → ")
                shown[key] = (left, right)
        return [Confusion(*shown[key], count) for key, count in counts.most_common(limit)]

    def changed_cues(self) -> list[int]:
        """Return the indices of the corrected cues that differ from the auto track, in order."""
        cues = {change.cue for change in self.changes} | self.restyled_cues
        return sorted(cues)

    def word_diffs(self) -> dict[int, list[DiffPiece]]:
        """Return, for each changed corrected cue, what the editor changed in it as pieces
        of text: kept words, words of the auto track taken out, words put in."""
        diffs: dict[int, list[DiffPiece]] = {}
        changed = set(self.changed_cues())
        changes = iter(self.changes)
        for block in self.blocks:
            r0, r1, h0, _h1 = block.span
            if block.equal:
                for k in range(r1 - r0):
                    a, c = self.auto_words[h0 + k], self.corrected_words[r0 + k]
                    if c.cue not in changed:
                        continue
                    pieces = diffs.setdefault(c.cue, [])
                    if a.text != c.text:
                        pieces.append(DiffPiece(DiffKind.REMOVED, a.text))
                        pieces.append(DiffPiece(DiffKind.ADDED, c.text))
                    else:
                        pieces.append(DiffPiece(DiffKind.SAME, c.text))
                continue
            change = next(changes)
            pieces = diffs.setdefault(change.cue, [])
            pieces.extend(DiffPiece(DiffKind.REMOVED, w) for w in change.auto)
            for word in self.corrected_words[r0:r1]:
                target = diffs.setdefault(word.cue, [])
                target.append(DiffPiece(DiffKind.ADDED, word.text))
        return diffs

    def ner(self, severities: Mapping[str, ErrorSeverity] | None = None) -> NerEstimate:
        """Return the NER estimate; each change weighs ``severities[change.key]``, else
        standard. Case and punctuation differences are not in it (shown apart)."""
        chosen = severities or {}
        counts: Counter[ErrorSeverity] = Counter()
        for change in self.changes:
            counts[chosen.get(change.key, ErrorSeverity.STANDARD)] += 1
        weighted = sum(NER_WEIGHTS[s] * n for s, n in counts.items())
        return NerEstimate(self.reference_words, dict(counts), weighted)


def _rate(errors: int, total: int) -> float | None:
    if total == 0:
        return 0.0 if errors == 0 else None
    return errors / total


def compare(
    auto: Sequence[Cue], corrected: Sequence[Cue], glossary: Glossary | None = None
) -> Comparison:
    """Compare the auto track with the corrected one (the reference) and return every count."""
    auto_words = track_words(auto)
    corrected_words = track_words(corrected)
    reference = [w.norm for w in corrected_words]
    hypothesis = [w.norm for w in auto_words]
    hits = subs = dels = ins = 0
    case_errors = punct_errors = restyled_words = 0
    restyled: set[int] = set()
    changes: list[Change] = []
    blocks = _blocks(reference, hypothesis)
    for block in blocks:
        r0, r1, h0, _h1 = block.span
        if block.equal:
            hits += r1 - r0
            for k in range(r1 - r0):
                a, c = auto_words[h0 + k], corrected_words[r0 + k]
                if a.text == c.text:
                    continue
                a_before, a_bare, a_after = split_edges(a.text)
                c_before, c_bare, c_after = split_edges(c.text)
                case_errors += a_bare != c_bare
                punct_errors += (a_before, a_after) != (c_before, c_after)
                restyled_words += 1
                restyled.add(c.cue)
            continue
        subs, dels, ins = subs + block.subs, dels + block.dels, ins + block.ins
        changes.append(_change(block, auto_words, corrected_words, corrected, glossary))
    return Comparison(
        auto_words,
        corrected_words,
        hits,
        subs,
        dels,
        ins,
        case_errors,
        punct_errors,
        restyled_words,
        changes,
        restyled,
        blocks,
    )


@dataclass(frozen=True, slots=True)
class _Block:
    """A run of matching words, or of differing ones with its word-error counts."""

    equal: bool
    span: tuple[int, int, int, int]  # corrected [r0, r1), auto [h0, h1)
    subs: int = 0
    dels: int = 0
    ins: int = 0


def _blocks(reference: list[str], hypothesis: list[str]) -> list[_Block]:
    """Return the alignment as alternating runs of matching and differing words.

    The Levenshtein alignment often has ties; a differing run that holds the same word on
    both sides ("procent under" against "under två") is re-aligned around its common words
    when that costs no more errors, so the changes and confusions are the ones a person
    sees ("11.8% → 11,8 procent" and "två tusen tjugo fyra → 2024", not one long change).
    """
    blocks: list[_Block] = []
    run: list[tuple[int, int, int, int]] = []
    for op in [*Levenshtein.opcodes(reference, hypothesis), None]:
        if op is not None and op.tag != "equal":
            run.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
            continue
        if run:
            blocks.extend(_refined(run, reference, hypothesis))
            run = []
        if op is not None:
            span = (op.src_start, op.src_end, op.dest_start, op.dest_end)
            blocks.append(_Block(True, span))
    return [piece for block in blocks for piece in _split_repeat(block, hypothesis)]


def _split_repeat(block: _Block, hypothesis: list[str]) -> list[_Block]:
    """Return a differing block with a repeated word at its edge ("fyra och" before a
    matching "och") split off as an insertion of its own, when that costs nothing (the
    block has more auto words than corrected ones), so the repeat counts as one."""
    r0, r1, h0, h1 = block.span
    if block.equal or h1 - h0 <= max(1, r1 - r0):
        return [block]
    if h0 > 0 and hypothesis[h0] == hypothesis[h0 - 1]:
        repeat = _Block(False, (r0, r0, h0, h0 + 1), 0, 0, 1)
        rest = (r0, r1, h0 + 1, h1)
        return [repeat, _Block(False, rest, *_op_counts(r1 - r0, h1 - h0 - 1))]
    if h1 < len(hypothesis) and hypothesis[h1 - 1] == hypothesis[h1]:
        rest = (r0, r1, h0, h1 - 1)
        repeat = _Block(False, (r1, r1, h1 - 1, h1), 0, 0, 1)
        return [_Block(False, rest, *_op_counts(r1 - r0, h1 - h0 - 1)), repeat]
    return [block]


def _refined(
    run: list[tuple[int, int, int, int]], reference: list[str], hypothesis: list[str]
) -> list[_Block]:
    """Return a differing run split around its common words when that costs no more."""
    r0, h0, r1, h1 = run[0][0], run[0][2], run[-1][1], run[-1][3]
    counts = [_op_counts(b - a, d - c) for a, b, c, d in run]
    cost = sum(map(sum, counts))
    whole = _Block(
        False,
        (r0, r1, h0, h1),
        sum(c[0] for c in counts),
        sum(c[1] for c in counts),
        sum(c[2] for c in counts),
    )
    ref, hyp = reference[r0:r1], hypothesis[h0:h1]
    if not ref or not hyp or set(ref).isdisjoint(hyp):
        return [whole]
    # Between two words of a longest common subsequence nothing else matches, so each gap
    # costs max(len) errors: substitutions for the shorter side, the rest deleted/inserted.
    pieces: list[_Block] = []
    for op in Indel.opcodes(ref, hyp):
        span = (r0 + op.src_start, r0 + op.src_end, h0 + op.dest_start, h0 + op.dest_end)
        if op.tag == "equal":
            pieces.append(_Block(True, span))
            continue
        if pieces and not pieces[-1].equal:
            last = pieces.pop()
            span = (last.span[0], span[1], last.span[2], span[3])
        n, m = span[1] - span[0], span[3] - span[2]
        pieces.append(_Block(False, span, *_op_counts(n, m)))
    refined_cost = sum(p.subs + p.dels + p.ins for p in pieces)
    return pieces if refined_cost <= cost else [whole]


def _change(
    block: _Block,
    auto_words: list[Word],
    corrected_words: list[Word],
    corrected_cues: Sequence[Cue],
    glossary: Glossary | None,
) -> Change:
    """Return the change a differing block stands for."""
    r0, r1, h0, h1 = block.span
    corrected = corrected_words[r0:r1]
    auto = auto_words[h0:h1]
    cue = _owner(block.span, auto_words, corrected_words)
    if auto:
        auto_cue = auto[0].cue
    elif h0 > 0:
        auto_cue = auto_words[h0 - 1].cue
    else:
        auto_cue = auto_words[0].cue if auto_words else 0
    around = (
        auto_words[h0 - 1].norm if h0 > 0 else None,
        auto_words[h1].norm if h1 < len(auto_words) else None,
    )
    kind = _kind(auto, corrected, around, r0, corrected_words, glossary)
    auto_text = tuple(w.text for w in auto)
    corrected_text = tuple(w.text for w in corrected)
    # What identifies the change for the reviewer's severity: where it is and its words,
    # so it survives edits elsewhere in the file.
    where = corrected_cues[cue].start_ms if cue < len(corrected_cues) else 0
    key = f"{where}|{' '.join(w.norm for w in auto)}|{' '.join(w.norm for w in corrected)}"
    return Change(
        auto_text, corrected_text, cue, auto_cue, block.subs, block.dels, block.ins, kind, key
    )


def _op_counts(reference: int, hypothesis: int) -> tuple[int, int, int]:
    """Return (substitutions, deletions, insertions) of an opcode spanning ``reference``
    corrected words and ``hypothesis`` auto words."""
    common = min(reference, hypothesis)
    return common, reference - common, hypothesis - common


def _owner(span: tuple[int, int, int, int], auto_words: list[Word], corrected: list[Word]) -> int:
    """Return the corrected cue a change belongs to: that of its first corrected word; for
    auto words taken out, that of the word after them when they were in the same auto cue
    as it, else that of the word before them."""
    r0, r1, h0, h1 = span
    if r1 > r0:
        return corrected[r0].cue
    after_in_same_cue = h1 < len(auto_words) and auto_words[h1].cue == auto_words[h0].cue
    if r0 < len(corrected) and (after_in_same_cue or r0 == 0):
        return corrected[r0].cue
    if r0 > 0:
        return corrected[r0 - 1].cue
    return 0


def _kind(
    auto: list[Word],
    corrected: list[Word],
    around: tuple[str | None, str | None],
    r0: int,
    corrected_words: list[Word],
    glossary: Glossary | None,
) -> ChangeKind:
    """Return what sort of mistake the auto words ``auto`` were (the first that fits of:
    split compound, number, glossary term or name, filler or repeated word, other)."""
    auto_norm = [w.norm for w in auto]
    corrected_norm = [w.norm for w in corrected]
    if (
        auto_norm
        and corrected_norm
        and len(auto_norm) != len(corrected_norm)
        and "".join(auto_norm).translate(_JOIN_DROP)
        == "".join(corrected_norm).translate(_JOIN_DROP)
    ):
        return ChangeKind.COMPOUND
    if any(_is_number(w) for w in (*auto_norm, *corrected_norm)):
        return ChangeKind.NUMBER
    if glossary is not None and any(glossary.knows_word(w.norm) for w in corrected):
        return ChangeKind.NAME
    if any(_is_name(r0 + k, corrected_words) for k in range(len(corrected))):
        return ChangeKind.NAME
    if not corrected_norm and auto_norm and _fillers_or_repeats(auto_norm, around):
        return ChangeKind.FILLER
    return ChangeKind.OTHER


def _is_number(word: str) -> bool:
    return bool(_DIGIT_RE.search(word)) or word in _NUMBER_WORDS


def _is_name(index: int, corrected_words: list[Word]) -> bool:
    """Return True for a capitalised word that does not start a sentence."""
    core = strip_edge_punctuation(corrected_words[index].text)
    if not core[:1].isupper():
        return False
    if index == 0:
        return False
    previous = corrected_words[index - 1].text
    return not previous.endswith((".", "!", "?", ":", "…"))


def _fillers_or_repeats(words: list[str], around: tuple[str | None, str | None]) -> bool:
    """Return True when every word is a filler or a repeat of the word next to it (``around``
    holds the auto words just before and after ``words``)."""
    sequence = [around[0], *words, around[1]]
    return all(
        word in _FILLERS or word in (sequence[k], sequence[k + 2]) for k, word in enumerate(words)
    )


def percent(rate: float | None) -> str:
    """Return a rate as "21.1 %" ("–" when undefined)."""
    return "–" if rate is None else f"{100 * rate:.1f} %"


def comparison_json(
    result: Comparison, severities: Mapping[str, ErrorSeverity] | None = None
) -> dict[str, object]:
    """Return every number of ``result`` as JSON-ready data (keys never translated)."""
    ner = result.ner(severities)
    chosen = severities or {}
    kinds = result.kinds()
    kind_errors = result.kind_errors()
    return {
        "reference_words": result.reference_words,
        "auto_words": len(result.auto_words),
        "hits": result.hits,
        "substitutions": result.substitutions,
        "deletions": result.deletions,
        "insertions": result.insertions,
        "wer": result.wer,
        "strict_wer": result.strict_wer,
        "cer": result.cer,
        "case_errors": result.case_errors,
        "punctuation_errors": result.punctuation_errors,
        "ner": {
            "accuracy": ner.accuracy,
            "passed": ner.passed,
            "words": ner.words,
            "weighted_errors": ner.weighted,
            **{s.value: ner.counts.get(s, 0) for s in ErrorSeverity},
        },
        "kinds": {
            kind.value: {"changes": kinds.get(kind, 0), "errors": kind_errors.get(kind, 0)}
            for kind in ChangeKind
        },
        "confusions": [
            {"auto": c.auto, "corrected": c.corrected, "count": c.count}
            for c in result.confusions()
        ],
        "changes": [
            {
                "cue": change.cue,
                "auto": " ".join(change.auto),
                "corrected": " ".join(change.corrected),
                "kind": change.kind.value,
                "substitutions": change.substitutions,
                "deletions": change.deletions,
                "insertions": change.insertions,
                "severity": chosen.get(change.key, ErrorSeverity.STANDARD).value,
                "key": change.key,
            }
            for change in result.changes
        ],
    }


def summary_lines(
    result: Comparison, severities: Mapping[str, ErrorSeverity] | None = None
) -> list[str]:
    """Return the comparison as lines of text for people, in the current language."""
    ner = result.ner(severities)
    verdict = _("passes the 98 % mark") if ner.passed else _("below the 98 % pass mark")
    lines = [
        _(
            "Word error rate (WER): {wer} ({s} substituted, {d} deleted, {i} inserted; "
            "{n} reference words)"
        ).format(
            wer=percent(result.wer),
            s=result.substitutions,
            d=result.deletions,
            i=result.insertions,
            n=result.reference_words,
        ),
        _("  words compared case folded, without punctuation at their edges"),
        _(
            "  strict WER, counting case and punctuation: {wer} ({case} case errors, "
            "{punct} punctuation errors)"
        ).format(
            wer=percent(result.strict_wer),
            case=result.case_errors,
            punct=result.punctuation_errors,
        ),
        _("Character error rate (CER): {cer}").format(cer=percent(result.cer)),
        _(
            "NER estimate: {accuracy}, {verdict} ({minor} minor, {standard} standard, "
            "{serious} serious errors; case and punctuation not included)"
        ).format(
            accuracy=percent(ner.accuracy),
            verdict=verdict,
            minor=ner.counts.get(ErrorSeverity.MINOR, 0),
            standard=ner.counts.get(ErrorSeverity.STANDARD, 0),
            serious=ner.counts.get(ErrorSeverity.SERIOUS, 0),
        ),
        _("Changes by kind:"),
    ]
    kinds = result.kinds()
    kind_errors = result.kind_errors()
    for kind in ChangeKind:
        changes = ngettext("{n} change", "{n} changes", kinds.get(kind, 0)).format(
            n=kinds.get(kind, 0)
        )
        errors = ngettext("{n} word error", "{n} word errors", kind_errors.get(kind, 0)).format(
            n=kind_errors.get(kind, 0)
        )
        lines.append(f"  {kind_label(kind)}: {changes}, {errors}")
    confusions = result.confusions(10)
    if confusions:
        lines.append(_("Most frequent confusions:"))
        lines.extend(f"  {c.auto or '∅'} → {c.corrected or '∅'} ×{c.count}" for c in confusions)
    return lines
