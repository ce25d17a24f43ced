"""Words worth a second look in speech-recognised captions (QUALITY_RULES.md §5 and §6).

Rules:

* ``ASR-09`` near miss of a glossary term (spelling, sound, split form), with the term as fix;
* ``ASR-10`` numbers written English style (``11.8%``, ``1,000``) or 1–12 as digits (TXT-09);
* ``ASR-11`` särskrivning: words whose joined form is the likelier Swedish (TXT-10), weighed
  from Hunspell-sv's word classes and wordfreq's frequencies, with a confidence;
* ``ASR-12`` homophones worth a look (``män``/``men``, ``dom``, ``ända``/``enda`` …), no fix;
* ``ASR-18`` fillers (``eh``, ``öh``) and a repeated word (``och och``), fix removes them;
* ``SPELL-01`` a word that is not in the dictionary, the glossary, the personal or the file's
  word list; English words in an English sentence, and English terms, are checked in English;
* ``SPELL-02`` a name written in lower case ("sverige"), with the capital as fix;
* ``SPELL-00`` spell checking was not possible (dictionary missing), once per run.

Each finding has a span into ``Cue.text``, where the rule can tell the replacement text, and
a confidence (0–1) that the text is wrong, so an editor can go through the surest first.
Words inside ``<lang xx>`` markup are spell-checked with the dictionary of that language.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from captionreview.core.checks.base import breaks_before, file_line
from captionreview.core.checks.catalogue import WORD_RULE_TITLES
from captionreview.core.i18n import _
from captionreview.core.model import Cue, Finding, Severity, new_finding
from captionreview.core.vtt.cuetext import plain_text
from captionreview.core.words.frequency import frequencies
from captionreview.core.words.glossary import Glossary, letters_only
from captionreview.core.words.numbers import SMALL_NUMBER_WORDS_SV
from captionreview.core.words.spelling import (
    PlainText,
    Speller,
    SpellerUnavailable,
    Token,
    is_acronym,
    language_code,
    plain_with_offsets,
    tokenize_plain,
)

RULE_GLOSSARY = "ASR-09"
RULE_NUMBERS = "ASR-10"
RULE_SPLIT = "ASR-11"
RULE_HOMOPHONE = "ASR-12"
RULE_FILLER = "ASR-18"
RULE_SPELLING = "SPELL-01"
RULE_PROPER = "SPELL-02"
RULE_NO_SPELLER = "SPELL-00"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The titles live in the one rule table (checks.catalogue), shared with the report.
RULE_TITLES = WORD_RULE_TITLES

_FILLERS: dict[str, frozenset[str]] = {
    "sv": _words("eh eeh ehh ehm eh öh ööh öhh öhm äh ähh ähm hm hmm hmmm mm mhm asså aah"),
    "en": _words("uh uhh uhm um umm umh er erm ah hmm hmmm mm mhm"),
}
# Fillers that are also ordinary words: flagged only when set off by commas.
_SOFT_FILLERS: dict[str, frozenset[str]] = {
    "sv": frozenset({"liksom", "typ", "alltså"}),
    "en": frozenset({"like", "basically"}),
}
# Grammatical doubles ("Det det handlar om", "Var var du?") and emphatic ones ("nej nej").
_ALLOWED_DOUBLES = _words("det den de dem var vad som att ja nej jo nä mycket bla ha had that is")

# Function words never form the parts of a flagged split compound: "för de", "en bil".
# With them the modal auxiliaries of Svenska Akademiens grammatik (böra, få, kunna, må, måste,
# skola, torde, vilja), which Hunspell-sv cannot tell from nouns: "bör" and "kan" carry only an
# affix flag plural nouns share (fl:J of "böra", "kana"), "skall" and "må" none ("bör lära" is
# no "börslära"). Not "lär": it begins compounds ("lärplattform"). The prepositions are the
# closed class of simple ones, "per", "via", "jämte" and "kontra" too ("per version" is no
# "perversion"), but not those that begin compounds ("förbifart", "utanförskap").
_SV_FUNCTION_WORDS = _words("""
    och eller men utan samt att som om när då där här hur vad vem vilken vilket vilka varför
    vars vilkas
    eftersom medan innan sedan fast även också inte ej bara redan ännu nog väl ju visst kanske
    alltid aldrig ofta ibland sällan nu snart mycket mer mera mest mindre minst lite någon något
    några fler flera färre
    ingen inget inga alla allt varje båda många få flera andra annat annan samma själv själva
    jag du han hon den det vi ni de dem dom man mig dig sig oss er honom henne hen dess deras
    min mitt mina din ditt dina sin sitt sina vår vårt våra ert era hans hennes dens
    en ett denna detta dessa
    i på av för till från med mot om under över efter före vid hos åt genom utan mellan bland
    inom utom kring runt längs enligt trots bakom framför ovan nedan inför per via jämte kontra
    är var vara varit blir blev bli blivit har hade haft ska skulle kan kunde kunna vill ville
    måste får fick kommer kom går gick gör gjorde säger sa sade
    skall bör borde må måtte torde
    så sen nej ja jo okej alltså därför dock således
    ut upp ner in fram bort hem iväg tillbaka hit dit
    """)

_DEFINITE_ENDINGS = ("en", "et", "na", "ns", "ts", "s")
# Endings of a definite singular noun (or neuter plural, "husen"), genitive too.
_DEFINITE_SINGULAR = ("n", "t", "ns", "ts")
# Function words that never begin a compound, so a window starting with one is not tried.
_NEVER_JOINED = _words("""
    och eller men att som om när då där här hur vad vem jag du han hon den det vi ni de dem dom
    man en ett i på av för till från med mot är var har hade ska kan vill
    """)
# Nouns that measure the next one: "ett par skor", "en kopp kaffe", "tre liter mjölk".
_MEASURE_NOUNS = _words("""
    par kopp glas flaska burk påse låda bit del rad antal mängd massa hel halv liter kilo
    meter gram ton procent timme minut sekund dag vecka månad år gång sort typ slags form
    """)
# Of these, the units, which measure only what a count before them counts ("tre ton sand",
# but "de ton generatorer"); quantities ("antal", "mängd") and times ("i år") need none.
_UNIT_NOUNS = _words("par kopp glas flaska burk påse låda bit liter kilo meter gram ton procent")
# Determiners that need a noun after them: what follows one cannot open a phrase of its own
# ("dessa över styrningar", "en ut bildning"). Not "den", "det", "de": they are pronouns too.
_DETERMINERS = _words("""
    en ett denna detta dessa varje ingen inget inga någon något några
    min mitt mina din ditt dina sin sitt sina vår vårt våra er ert era
    """)
# Of these, those that stand alone as pronouns too ("med detta", "av dessa").
_PRONOUN_DETERMINERS = _words("denna detta dessa någon något några ingen inget inga")
# Prepositions and particles that begin compounds ("översikt", "utbildning", "efterhand"):
# after a determiner they are a split compound's first part. Not "av" and "till": "några av
# dem", "en till".
_PARTICLE_HEADS = _words("""
    under över efter mellan ut upp in fram bort på om mot genom före
    """)
# Endings that derive adjectives from other words: Swedish begins compounds with simple
# adjectives ("snabbtangent", "blanktecken", "halvår"), hardly ever with derived ones
# ("tillgänglig", "teknisk", "läsbar", "långsam", "trådlös").
_DERIVED_ADJECTIVE = ("ig", "isk", "bar", "sam", "lös")
# Prepositions of place that take a noun phrase, never a phrase of another preposition ("från
# under bordet", "till efter jul" do), and are seldom a verb's particle ("hälsa på under
# helgen", "lägg till under rubriken" are): a particle head right after one opens a compound
# ("i under menyn": "i undermenyn", "vid över gången").
_PLACE_PREPOSITIONS = _words("i vid hos bland inom")
# How sure a split is that grammar makes one word: an article that agrees with the last word
# only ("ett tids värde"), a particle after a determiner ("dessa över styrningar").
_AGREEMENT = 0.7
# The parts of two English words run together into a program's or a setting's name
# ("fake|root", "pix|map"): words of at least three letters that English text uses often
# (Zipf 3: once in a million words).
_SHORTEST_ENGLISH_PART = 3
_COMMON_ENGLISH = 3.0
# Sonority of consonants, rising from stops to glides: the consonants before a syllable's
# vowel rise towards it in Swedish and English ("br", "kv", "fj", "str" after its "s"), and in
# the names of other languages too ("Zlatan", "Vladimir"); a word whose first consonants do
# not is no word anyone says ("wdiff", "pstree", "mkfont"). Every other letter is a vowel.
_SONORITY = {
    **dict.fromkeys("pbtdkgcq", 1),
    **dict.fromkeys("fvszxwh", 2),
    **dict.fromkeys("mn", 3),
    **dict.fromkeys("lr", 4),
    "j": 5,
}
# Subject pronouns: a word before one that can be a verb is the verb, the subject after it as
# Swedish word order puts it after a clause or an adverbial ("… en post klickar du").
_SUBJECT_PRONOUNS = _words("jag du han hon hen vi ni de dom man")
# Short English words taken as English terms in a Swedish sentence even alone.
_SHORT_ENGLISH = _words("app web tab bug log")
# Adjectives without endings that Hunspell-sv lists as nouns only ("fel håll", "ett fel").
_INDECLINABLE = _words("fel kul")
# Adjectives whose forms come from another stem ("liten", "lilla", "små"), so that no ending
# test finds them.
_SUPPLETIVE = _words("liten litet lilla små gammal gamla god gott goda bra dålig")
# Ordinals before a noun are phrases: "första delen", not "förstadelen".
_ORDINALS = _words("""
    första andra tredje fjärde femte sjätte sjunde åttonde nionde tionde elfte tolfte
    sista näst nästa förra
    """)
# Words a genitive phrase may begin with: "en bakgrunds", "andra avsnitts titlar".
_GENITIVE_DETERMINERS = (
    _DETERMINERS
    | _ORDINALS
    | _words("""
    alla andra båda bägge flera många få de dessa den det hela halva samma vilken vilket vilka
    """)
)
# Of these, those before a plural: "alla barns rättigheter", "andra avsnitts titlar".
_PLURAL_DETERMINERS = _words("alla andra båda bägge flera många få några de dessa inga mina")
# Function words that need no determiner after them: "lite bakgrunds hiss", "nu läges analys".
_FUNCTION_WORDS_BEFORE_GENITIVE = _words("""
    och eller men utan samt att som om när då där här hur nu lite mycket mer mest mindre
    också även inte bara redan ännu kanske alltid aldrig ofta ibland sällan
    i på av för till från med mot under över efter före vid hos åt genom mellan bland inom
    är var blir blev har hade kan ska vill måste får
    """)
# The other function words determine what follows them: "de", "sina", "vilka".
_DETERMINING_FUNCTION_WORDS = _SV_FUNCTION_WORDS - _FUNCTION_WORDS_BEFORE_GENITIVE

# Hunspell-sv affix flags of a word form and the word class they mark (sv_SE.aff).
_NOUN_FLAGS = "BCDEFGHIJ"
_VERB_FLAGS = "KLNmR"
_VOWELS = "aeiouyåäöé"
# Participles (M, P: "baserat", "formad") count as adjectives: they end compounds often
# ("menybaserat") and are no clause on their own.
_FLAG_CLASSES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_NOUN_FLAGS, ("noun",)),
    **dict.fromkeys(_VERB_FLAGS, ("verb",)),
    **dict.fromkeys("OMPT", ("adj",)),
}
_FLAG_RE = re.compile(r"fl:(\S)")
_STEM_RE = re.compile(r"st:(\S+)")
SPLIT_THRESHOLD = 0.5
"""Split words are flagged from this confidence (0–1) that the joined word is meant."""
# How sure a split is when its words side by side are no phrase ("intern telefonsystemet").
_UNPHRASED = 0.6
# How sure a bare noun and an adjective before a noun are one word ("meny baserat gränssnitt").
_ATTRIBUTIVE = 0.6
# A bare singular noun before a noun is no usual phrase: the pair side by side is counted
# this much rarer (log10) than two independent words.
_BARE_NOUN_LIFT = 0.5
# Two dictionary words that Hunspell-sv does not join are counted this much rarer joined
# (log10) than wordfreq has them.
_REFUSED_COMPOUND = 1.0
# A word both dictionaries have belongs to the language where it is this much more common
# (Zipf, log10: 1.5 is about 30 times).
_LANGUAGE_MARGIN = 1.5
LONGEST_COMPOUND = 60
"""Letters in the longest word taken apart as a compound Hunspell lacks."""
# A compound Hunspell lacks of this many letters or more may be taken apart; one shorter than
# nine is accepted only when both its parts are common nouns (Zipf >= 3.0) and no word one
# letter from it is common (Zipf >= 2.0: "konflit" of "konflikt").
_SHORT_COMPOUND = 7
_COMMON_PART = 3.0
_COMMON_NEAR = 2.0
# A word no dictionary has is in written use when wordfreq's list has it (Zipf 1: once in
# 100 million words, the list's floor is about there) and no word one edit away is this much
# commoner (Zipf 1.5, about 30 times: a misspelling's correct form). A name, or the English
# stem of a loan, needs more: the list's floor also holds typos of names ("crtl", "skaha")
# and fragments ("atai"), and only an English sentence vouches for the word around it.
_WRITTEN_USAGE = 1.0
_ESTABLISHED_USAGE = 1.5
_MISSPELLING_MARGIN = 1.5
_LETTERS = {"en": "abcdefghijklmnopqrstuvwxyz", "sv": "abcdefghijklmnopqrstuvwxyzåäöé"}
# Abbreviations of the dictionary are short ("fr.o.m.", "p.g.a."): words this long at most,
# in as many parts.
_LONGEST_ABBREVIATION = 5
# Swedish inflection and the agent and action nouns of verbs ("-are", "-ande"), longest first:
# what Swedish speech adds to an English word ("phreak-arna", "switch-ar", "pitch-en").
_SWEDISH_ENDINGS = sorted(
    _words("""
        en ens et ets n ns t ts ar arna arnas er erna ernas or orna r rna na s a ade ades at
        ad as are aren arens arna ande andet
        """),
    key=len,
    reverse=True,
)
_SHORTEST_LOAN = 4
_ABBREVIATION_PARTS = 3

# Usual phrases although the joined word exists: "på måndag morgon", "God morgon".
_PHRASE_HEADS = _words("måndag tisdag onsdag torsdag fredag lördag söndag god gott")

# Homophone pairs (QUALITY_RULES.md ASR-12) and the neighbour words that make the other
# spelling likely; only then is a word flagged, so "men" alone is never noise.
_QUANTIFIERS = _words(
    "två tre fyra fem sex sju åtta nio tio många flera unga äldre gamla vuxna vissa några"
)
_BEFORE_ENDA = _words("den det de min mitt mina din ditt sin sitt vår vårt er ert")
_AFTER_ANDA = _words("till fram från sedan sen in ut upp ner hit dit tills bort")
_BEFORE_HEMMA = _words(
    "är var vara bor bo bodde stannar stanna stannade sitter sitta jobbar jobba arbetar "
    "arbeta vila vilar"
)
_BEFORE_HAMMA = _words("att kan ska kunna skulle kunde måste")
_AFTER_VAR = _words("är finns ligger bor befinner sitter står hittar")
_PREPOSITIONS = _words(
    "för med av till hos på åt från mot om utan bland mellan kring efter före bakom"
)
# Words after which a noun phrase begins, so that no finite verb can follow: prepositions and
# the articles and determiners that are no pronoun ("den", "det" and "de" are).
_NOMINAL_OPENERS = _PREPOSITIONS | _words("i vid hos bland inom en ett denna detta dessa")
# The mark of a window in such a place, in the key of the answers kept for windows.
_NOMINAL = "np"
_PRONOUN_AFTER_MEN = _words("det jag vi de den du ni han hon man")
# The words _homophone_flags() has a rule for; the others are passed over at once.
_HOMOPHONES = _words("dom män men ända enda hämma hemma vart dem de")

_SPOKEN_UNITS = {
    "noll": 0,
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "aderton": 18,
    "nitton": 19,
}
_SPOKEN_TENS = {
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "förtio": 40,  # as it is said, and as num2words writes it
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
}
_SPOKEN_SCALES = {
    "hundra": 100,
    "tusen": 1000,
    "miljon": 10**6,
    "miljoner": 10**6,
    "miljard": 10**9,
    "miljarder": 10**9,
}
_LARGE_SCALES = frozenset({"miljon", "miljoner", "miljard", "miljarder"})
# Before "hundra" or "tusen" these make a rough count, kept in words: "några hundra personer".
_VAGUE_QUANTITIES = _words("några flera många par få hundratals tusentals tiotals")
# Words in the longest number read as one ("nio hundra nittionio tusen nio hundra nittionio"):
# a longer run of number words is several numbers, and a bound keeps the reading linear.
_LONGEST_SPOKEN_NUMBER = 12
_LONGEST_SPOKEN_YEAR = 4
_SPOKEN = {**_SPOKEN_UNITS, **_SPOKEN_TENS, **_SPOKEN_SCALES}
_SPOKEN_BY_LENGTH = sorted(_SPOKEN, key=len, reverse=True)
_NUMBER_RE = re.compile(r"(?<![\w.,:/-])(\d+(?:[.,]\d+)*)(\s?%)?(?![\w]|[.,]\d)")
_UNIT_OR_DATE = _words("""
    % procent år års åren kr kronor euro dollar sek minuter minut min timmar timme tim sekunder
    sekund sek dagar dag veckor vecka månader månad grader km m cm mm kg g mg ml l st stycken
    januari februari mars april maj juni juli augusti september oktober november december
    jan feb mar apr jun jul aug sep sept okt nov dec
    """)
_BEFORE_DIGITS = _words("""
    kl klockan sidan sida s kapitel kap nummer nr punkt steg version avsnitt del fas
    paragraf bild figur tabell rum sal våning hus buss linje spår den år
    nivå nivån level fråga uppgift övning moment modul bilaga appendix rad raden kolumn
    grupp lektion föreläsning vecka dag termin säsong match plats bana
    """)
_NBSP = "\u00a0"
# Each alternative starts only where a token (or a word) starts: "\S+@" tried from every
# position of a long token without "@" was quadratic (120 KB of "å" took minutes).
_WORD = re.compile(r"[\w%]+")
_WORD_CHAR = re.compile(r"[\w%]")


def _word_before(text: str, pos: int) -> str:
    """Return the last run of word characters or '%' that ends at or before ``pos``."""
    end = pos
    while end > 0 and not _WORD_CHAR.match(text, end - 1):
        end -= 1
    start = end
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return text[start:end]


_LINK_RE = re.compile(
    r"(?<!\S)[^\s@]+@\S+|\bhttps?://\S+|\bwww\.\S+|(?<![\w-])[\w-]+\.(?:se|com|org|nu|net|eu)\b"
)
_SENTENCE_END = re.compile(r"[.!?…:]\s*$")


def _starts_sentence(item: _Cue, raw_start: int) -> bool:
    """Return True when the text before ``raw_start`` in the cue ends a sentence ("… i dag.
    kommun …"), or the span opens the first cue."""
    before = plain_text(item.cue.text[:raw_start]).rstrip()
    if not before:
        return item.index == 0
    return before[-1] in ".!?…"


@dataclass(frozen=True, slots=True)
class _Cue:
    """A cue split into words once, shared by all rules."""

    index: int
    cue: Cue
    plain: PlainText
    tokens: list[Token]


_default_spellers: dict[str, Speller] = {}


def default_speller(language: str | None) -> Speller:
    """Return the shared Speller of a language; raises SpellerUnavailable when not installed."""
    # Asked for English of every word it might have: a loaded speller first, by its own code.
    loaded = _default_spellers.get(language) if language else None
    if loaded is not None:
        return loaded
    code = language_code(language)
    if code not in _default_spellers:
        _default_spellers[code] = Speller(code)
    return _default_spellers[code]


class FlagChecker:
    """All ASR word rules for one language, glossary and speller; checks one cue at a time.

    With ``speller=None`` the shared speller of the language is used; when it cannot be loaded
    the spelling-based rules are skipped and :attr:`unavailable` holds the reason.
    """

    def __init__(
        self,
        *,
        language: str | None,
        glossary: Glossary | None = None,
        speller: Speller | None = None,
        suggestions: bool = True,
        file_words: Iterable[str] = (),
    ) -> None:
        self.language = language_code(language)
        # The file's own word list (names of the lecture): accepted as the personal list is.
        self.file_words = frozenset(w for w in file_words if w)
        self.glossary = glossary
        self.unavailable: str | None = None
        if speller is None:
            try:
                speller = default_speller(self.language)
            except SpellerUnavailable as exc:
                self.unavailable = str(exc)
        self.speller = speller
        self.suggestions = suggestions
        # Lectures repeat their word pairs; the dictionary answer for a pair never changes.
        self._compounds: dict[tuple[str, ...], tuple[str, float] | None] = {}
        self._attributives: dict[tuple[str, str, str], tuple[str, float] | None] = {}
        self._agreements: dict[tuple[str, str, str], tuple[str, float] | None] = {}
        self._articles: dict[tuple[str, str], bool] = {}
        self._languages: dict[str, str] = {}
        self._sentences: tuple[str, list[int], list[int]] | None = None
        # Answers about a word alone, kept for one run (the word lists may change between
        # runs): whether the spell check passes it anywhere, and its word classes.
        self._known: dict[str, bool] = {}
        self._closed: dict[str, bool] = {}
        self._word_classes: dict[str, set[str]] = {}
        self._names: dict[str, bool] = {}
        self._uninflected: dict[str, bool] = {}
        self._passives: dict[str, bool] = {}
        # Whether text of a language uses a word: the same whatever the word lists say.
        self._written: dict[tuple[str, str, float], bool] = {}
        self._loans: dict[str, bool] = {}
        self._codes: dict[str, bool] = {}
        self._frequencies = frequencies(self.language) if self.language in ("sv", "en") else None

    @staticmethod
    def _split(cues: Sequence[Cue], index: int) -> _Cue:
        cue = cues[index]
        plain = plain_with_offsets(cue.text)
        return _Cue(index, cue, plain, tokenize_plain(plain))

    def check_cue(self, cues: Sequence[Cue], index: int) -> list[Finding]:
        """Return the findings of cue ``index`` (its predecessor is read for repeats)."""
        self._new_run()
        previous = self._split(cues, index - 1) if index > 0 else None
        return self._check_item(self._split(cues, index), previous)

    def _check_item(self, item: _Cue, previous: _Cue | None) -> list[Finding]:
        line = self._line(item)
        before = None if previous is None else (previous.plain.text, _ends(previous.tokens)[1])
        return self._findings(item, self._with_edge(item, line, before))

    def _line(self, item: _Cue) -> _Line:
        """Return what the rules find in one cue text, in visible-text offsets."""
        first, last = _ends(item.tokens)
        return _Line(_to_plain(item.plain, self._line_flags(item)), first, last)

    @staticmethod
    def _with_edge(item: _Cue, line: _Line, before: tuple[str, Token | None] | None) -> list[_Flag]:
        """Return the flags of a cue: its line's, and a repeat of the previous cue's last word."""
        flags = _to_raw(item.plain, line.flags)
        edge = None if before is None else _edge_repeat(item, line.first, *before)
        if edge is None:
            return flags
        # The repeat across cues goes first, as the rules of one line skip covered words.
        return [edge, *(f for f in flags if f[3][1] <= edge[3][0] or f[3][0] >= edge[3][1])]

    @staticmethod
    def _findings(item: _Cue, flags: Sequence[_Flag]) -> list[Finding]:
        cue = item.cue
        found = [
            new_finding(
                rule,
                severity,
                message,
                item.index,
                cue.uid,
                span,
                suggestion,
                file_line(cue, span),
                confidence=confidence,
            )
            for rule, severity, message, span, suggestion, confidence in flags
        ]
        found.sort(key=lambda f: (f.span or (0, 0), f.rule))
        return found

    def _line_flags(self, item: _Cue) -> list[_Flag]:
        """Return the flags of one cue text on its own (everything but repeats across cues)."""
        flags: list[_Flag] = []
        covered = _Covered()

        def add(
            rule: str,
            severity: Severity,
            message: str,
            span: tuple[int, int],
            suggestion: str | None = None,
            confidence: float | None = None,
        ) -> None:
            if confidence is None:
                confidence = _RULE_CONFIDENCE.get((rule, severity))
            flags.append((rule, severity, message, span, suggestion, confidence))
            covered.add(span)

        self._glossary_flags(item, add, covered)
        self._filler_flags(item, add)
        self._repeat_flags(item, add)
        if self.language == "sv":
            self._number_flags(item, add)
            self._spoken_number_flags(item, add)
            self._split_compound_flags(item, add, covered)
            self._homophone_flags(item, add)
        self._spelling_flags(item, add, covered)
        return flags

    def check(self, cues: Sequence[Cue]) -> list[Finding]:
        """Return the findings of all cues, in cue and text order."""
        findings: list[Finding] = []
        if self.unavailable:
            findings.append(Finding(RULE_NO_SPELLER, Severity.INFO, self.unavailable))
        for found in self.by_cue(cues):
            findings.extend(found)
        return findings

    def by_cue(self, cues: Sequence[Cue]) -> Iterator[list[Finding]]:
        """Yield the findings of each cue in turn, as :meth:`check` finds them (without the
        note about a missing dictionary), so a caller can report progress or stop early."""
        # Rolling and karaoke captions repeat most lines: each distinct text is checked once
        # per run. Only within a run, as the word lists may change between runs. Karaoke cues
        # differ only in their timestamps: those with the same text up to the digits of the
        # timestamps share everything but the cue (see _TIMING_TAG), and texts with the same
        # visible text share what the rules find (_Line).
        self._new_run()
        texts: dict[tuple[bool, str | bytes], _Text] = {}
        lines: dict[tuple[bool, str], _Line] = {}
        previous: _Text | None = None
        for index, cue in enumerate(cues):
            raw = cue.text
            # The first cue starts a sentence whatever it says: it shares with no other.
            key = (index == 0, _timing_masked(raw) if "<" in raw else raw)
            text = texts.get(key)
            if text is None:
                text = texts[key] = self._text(index, cue, lines)
            first = text.first_word
            if previous is not None and first is not None and first == previous.last_word:
                item = _Cue(index, cue, text.plain, [])
                before = (previous.plain.text, previous.line.last)
                yield self._findings(item, self._with_edge(item, text.line, before))
            elif text.flags:
                timing = file_line(cue, None)
                yield [
                    new_finding(
                        rule,
                        severity,
                        message,
                        index,
                        cue.uid,
                        span,
                        suggestion,
                        None if timing is None else timing + 1 + breaks,
                        confidence=confidence,
                    )
                    for (rule, severity, message, span, suggestion, confidence), breaks in zip(
                        text.flags, text.breaks, strict=True
                    )
                ]
            else:
                yield []
            previous = text

    def _new_run(self) -> None:
        """Forget the answers about single words: the word lists may have changed."""
        self._known = {}
        self._closed = {}
        self._word_classes = {}
        self._names = {}
        self._articles = {}

    def _text(self, index: int, cue: Cue, lines: dict[tuple[bool, str], _Line]) -> _Text:
        """Return what the rules find in cue ``index`` on its own, from ``lines`` (by visible
        text) when another cue had the same visible text, the same language markup and the
        same place (first cue or not)."""
        plain = plain_with_offsets(cue.text)
        # <lang en>…</lang> decides which dictionary reads a word: markup the key must keep.
        key = (index == 0, cue.text if "<lang" in cue.text else plain.text)
        line = lines.get(key)
        if line is None:
            line = lines[key] = self._line(_Cue(index, cue, plain, tokenize_plain(plain)))
        flags = sorted(_to_raw(plain, line.flags), key=_flag_order)
        # As file_line() counts them (a binary search in the text's line breaks, found once).
        breaks = [breaks_before(cue.text, flag[3][0]) for flag in flags]
        first, last = (None if t is None else t.text.lower() for t in (line.first, line.last))
        return _Text(plain, line, flags, breaks, first, last)

    # -- ASR-09 -------------------------------------------------------------------------------

    def _glossary_flags(self, item: _Cue, add: _Add, covered: _Covered) -> None:
        if self.glossary is None:
            return
        is_word = self.speller.check if self.speller is not None else None
        for miss in self.glossary.near_misses_in(item.plain, item.tokens, is_word=is_word):
            term = _inflected(miss.term, miss.found)
            if term == miss.found:
                # "Tillväxtverkets": the term, inflected as Swedish does; its words are no
                # split compound with the next ("Region Örebro läns verksamhet").
                covered.add(miss.span)
                continue
            capital = miss.found[:1].isupper() or _starts_sentence(item, miss.span[0])
            if capital and term[:1].islower():
                # "Region styrelsen", or "kommun full mäktige" after a full stop.
                term = term[0].upper() + term[1:]
            how = {
                "correction": _("a known correction"),
                "split": _("the term written apart"),
                "spelling": _("spelled alike"),
                "sound": _("sounds alike"),
                "case": _("written in lower case"),
            }[miss.kind]
            add(
                RULE_GLOSSARY,
                Severity.WARN,
                _("“{found}” may be the glossary term “{term}” ({how}).").format(
                    found=miss.found, term=term, how=how
                ),
                miss.span,
                term,
                _GLOSSARY_CONFIDENCE[miss.kind],
            )

    # -- ASR-18 -------------------------------------------------------------------------------

    def _filler_flags(self, item: _Cue, add: _Add) -> None:
        hard = _FILLERS.get(self.language, frozenset())
        soft = _SOFT_FILLERS.get(self.language, frozenset())
        text = item.plain.text
        previous: Token | None = None
        for tok in item.tokens:
            word = tok.text.lower()
            after_number, previous = previous is not None and previous.is_number, tok
            if word in hard:
                if after_number:
                    continue  # "10 mm" is a length
            elif word in soft:
                before = text[: tok.pstart].rstrip()
                after = text[tok.pend :].lstrip()
                if not (before.endswith(",") and (after.startswith(",") or not after)):
                    continue
            else:
                continue
            span = _removal_span(item, tok)
            add(
                RULE_FILLER,
                Severity.INFO,
                _("Filler word “{text}”: remove it?").format(text=tok.text),
                span,
                "",
            )

    def _repeat_flags(self, item: _Cue, add: _Add) -> None:
        toks = item.tokens
        text = item.plain.text
        for a, b in pairwise(toks):
            word = b.text.lower()
            if a.text.lower() != word or b.is_number or word in _ALLOWED_DOUBLES:
                continue
            gap = text[a.pend : b.pstart]
            if not re.fullmatch(r"\s*(?:,|\.\.\.|…)?\s+", gap):
                continue
            # "och, och" is a false start; "many, many" and "mycket, mycket" are emphasis.
            if not gap.isspace() and len(word) > 3:
                continue
            span = (a.end, b.end)
            add(
                RULE_FILLER,
                Severity.INFO,
                _("Repeated word “{text}”: remove one?").format(text=b.text),
                span,
                "",
            )

    # -- ASR-11 -------------------------------------------------------------------------------

    def _split_compound_flags(self, item: _Cue, add: _Add, covered: _Covered) -> None:
        if self.speller is None:
            return
        toks = item.tokens
        text = item.plain.text
        # What every reading below asks of the words after a window's first, once per word:
        # a joined word and an attributive one take lower-case part words ("parts"), a word
        # of agreement a lower-case word that is no function word ("tails"). Most windows
        # fail here, before any look-up.
        parts = [_lower_part(t.text) for t in toks]
        tails = [part or _agreement_tail(t.text) for part, t in zip(parts, toks, strict=True)]
        used: set[int] = set()
        for i in range(len(toks) - 1):
            if i in used:
                continue
            for n in (3, 2):
                j = i + n
                if j > len(toks):
                    continue
                if not (parts[i + 1] and parts[i + 2] if n == 3 else tails[i + 1]):
                    continue
                window = toks[i:j]
                words = tuple(t.text for t in window)
                # A measure noun measures after a count ("ett par skor", "tre ton sand");
                # after anything else it is a noun like others ("de ton generatorer").
                counting = words[0].lower() not in _UNIT_NOUNS or _counted(toks, i)
                key = words if counting else (*words, "")
                # After a preposition or an article no finite verb can stand: there a verb
                # form may be a compound's first part ("på hackar kulturen": "hackarkulturen").
                # Asked of a present tense in -r only ("hackar", "styr"): this runs for every
                # word.
                nominal = (
                    n == 2
                    and words[0].endswith("r")
                    and parts[i]
                    and self._nominal_place(toks, i, text, words[0])
                )
                if nominal:
                    key = (*key, _NOMINAL)
                # Most windows are known not to be compounds: that is asked first (of two
                # words, also whether they are a bare noun and an adjective before a noun).
                found_compound = self._compounds.get(key, _UNSEEN)
                # The word before, when nothing but a space parts it from the window: its
                # article or determiner ("ett tids värde"), or none ("lite bakgrunds hiss").
                # Asked only of the windows these rules read: this loop runs for every word.
                before = previous = toks[i - 1].text.lower() if n == 2 and i > 0 else ""
                contextual = n == 2 and (
                    before in _DETERMINERS
                    or (before in _PLACE_PREPOSITIONS and words[0] in _PARTICLE_HEADS)
                    or (
                        words[0].endswith("s")
                        and words[0].islower()
                        and words[1].islower()
                        and _part_word(words[0])
                    )
                )
                if contextual and before:
                    gap = text[toks[i - 1].pend : window[0].pstart]
                    if not _SPACES.fullmatch(gap):
                        before = ""
                    elif before not in _DETERMINERS and before not in _PLACE_PREPOSITIONS:
                        # Any word that lets a bare genitive follow is the same as none.
                        contextual = self._opens_genitive(before)
                        before = ""
                if (
                    found_compound is None
                    and (
                        n != 2
                        or j == len(toks)
                        or self._attributives.get((words[0], words[1], toks[j].text), _UNSEEN)
                        is None
                    )
                    and (
                        not contextual
                        or self._agreements.get((before, words[0], words[-1]), _UNSEEN) is None
                    )
                ):
                    continue
                if covered.overlaps((window[0].start, window[-1].end)):
                    continue
                if not all(_SPACES.fullmatch(text[a.pend : b.pstart]) for a, b in pairwise(window)):
                    continue
                if found_compound is _UNSEEN:
                    found_compound = self._compounds[key] = self._joined_compound(
                        window, counting=counting, nominal=nominal
                    )
                if (
                    found_compound is None
                    and n == 2
                    and j < len(toks)
                    and _SPACES.fullmatch(text[window[1].pend : toks[j].pstart])
                ):
                    found_compound = self._attributive_compound(window, toks[j])
                if (
                    found_compound is None
                    and contextual
                    and not (
                        before in _PRONOUN_DETERMINERS
                        and i > 1
                        and toks[i - 2].text.lower() in _SV_FUNCTION_WORDS
                    )
                ):
                    # After a preposition or another function word a determiner is a pronoun:
                    # "med detta under varumärket".
                    found_compound = self._agreement_compound(before, words[0], words[1])
                if found_compound is None:
                    continue
                if n == 2 and previous in _PLURAL_DETERMINERS and self._plural_genitive(words[0]):
                    continue  # "andra avsnitts titlar": a genitive phrase with its determiner
                joined, confidence = found_compound
                if self._suspended_without_hyphen(item, i, self.speller) is not None:
                    continue  # "käll händelse och resultatkoder": suspended parts, not one word
                if not self._takes_article(toks, i, words[-1], text):
                    continue  # "en grupp entusiaster": the article is the first noun's
                if (
                    j < len(toks)
                    and toks[j].text.lower() in _SUBJECT_PRONOUNS
                    and "verb" in self._classes(words[-1])
                ):
                    continue  # "om du vill dölja en post klickar du": a verb before its subject
                if n == 3:
                    inner = tuple(t.text for t in window[1:])
                    if inner not in self._compounds:
                        self._compounds[inner] = self._joined_compound(window[1:])
                    pair = self._compounds[inner]
                    if pair is not None and pair[1] > confidence:
                        continue  # "fick blod proppar": the last two words alone are likelier
                english = _speller_or_none("en") if self.language != "en" else None
                if (
                    english is not None
                    and any(english.check(w) for w in words)
                    and self._sentence_language(item, window[0].pstart, english) == "en"
                ):
                    # "segment and", "option offer" in an English sentence; Swedish words
                    # among English names are Swedish ("användar gruppen i silicon valley").
                    continue
                found = text[window[0].pstart : window[-1].pend]
                add(
                    RULE_SPLIT,
                    Severity.WARN,
                    _(
                        "“{found}” may be one word: “{joined}” (särskrivning, {sure} % sure)."
                    ).format(found=found, joined=joined, sure=round(confidence * 100)),
                    (window[0].start, window[-1].end),
                    joined,
                    confidence,
                )
                used.update(range(i, j))
                break

    def _takes_article(self, toks: list[Token], at: int, last: str, text: str) -> bool:
        """Return False when the words from ``toks[at]`` follow an indefinite article (and up to
        two adjectives) that a compound ending in the noun ``last`` cannot take: a compound has
        the number and gender of its last part, and "en" or "ett" takes a singular ("en liten
        uppsättning regler", "en grupp entusiaster"), "en" no neuter ("en serie steg":
        "steget"). The words are then a measure and what it measures."""
        assert self.speller is not None
        before = at - 1
        while before >= max(0, at - 3) and toks[before].text.lower() not in ("en", "ett"):
            word = toks[before].text
            if word.lower() in _SV_FUNCTION_WORDS or "adj" not in self._classes(word):
                return True
            before -= 1
        if before < 0 or toks[before].text.lower() not in ("en", "ett"):
            return True
        if not all(
            _SPACES.fullmatch(text[a.pend : b.pstart]) for a, b in pairwise(toks[before : at + 1])
        ):
            return True
        article = toks[before].text.lower()
        key = (article, last)
        if key not in self._articles:
            lower = last.lower()
            if lower.endswith("s") and len(lower) > 3:
                lower = lower[:-1]  # a genitive takes the article of its noun: "en lärares"
            readings = self.speller.analyze(lower)
            # A word the dictionary lacks ("are" of "skriv are") may be any form.
            self._articles[key] = (
                not readings
                or "noun" not in self._classes(lower)
                or not (
                    not any(_indefinite_singular(r, lower) for r in readings)
                    or self._plural_entry(lower)
                    or (
                        article == "en"
                        and self._has_form(lower, _definite_singulars(lower), flags="BC")
                    )
                )
            )
        return self._articles[key]

    def _plural_entry(self, lower: str) -> bool:
        """Return True for a plural the dictionary lists as a word of its own ("böcker"): its
        definite form is its own with -na, the definite plural's ending, and it has no definite
        singular (as "fönster" has "fönstret", and "fönsterna" too)."""
        return (
            lower.endswith("r")
            and self._has_form(lower, (lower + "na",))
            and not self._has_form(lower, _definite_singulars(lower))
        )

    def _attributive_compound(self, window: list[Token], after: Token) -> tuple[str, float] | None:
        """Return the joined word of a bare noun and an adjective or participle before a noun
        ("meny baserat användargränssnitt", "nummer sorterad lista"): an adjective before its
        noun takes no bare noun in front, so the two are one word ("menybaserat")."""
        assert self.speller is not None
        key = (window[0].text, window[1].text, after.text)
        if key in self._attributives:
            return self._attributives[key]
        found = None
        noun, adjective = window[0].text, window[1].text
        if (
            _lower_part(noun)
            and _lower_part(adjective)
            and _lower_part(after.text)
            and noun not in _MEASURE_NOUNS
            and self._classes(noun) == {"noun"}
            and self._indefinite(noun)
            and self._classes(adjective) == {"adj"}
            and ("noun" in self._classes(after.text) or self._definite_form(after.text))
            and not self._passive(after.text.lower())  # "nästa bild automatiskt visas"
            and self.speller.check(noun + adjective)
        ):
            found = (noun + adjective, _ATTRIBUTIVE)
        self._attributives[key] = found
        return found

    def _agreement_compound(self, before: str, first: str, last: str) -> tuple[str, float] | None:
        """Return the joined word of two words that grammar makes one after ``before`` (""
        when no word stands right before): an article whose gender only the last word has
        ("ett tids värde", "ett sträng uttryck": "tid" and "sträng" take "en", or "strängt"
        after "ett"; "en program fil"); a preposition or particle after a determiner, where it
        cannot open a phrase of its own ("dessa över styrningar", "en ut bildning"; after a
        preposition it can, "med över hälften", "från under bordet", but not after one of
        place when the compound is in use: "i under menyn"); or a genitive that no determiner
        goes with, which a singular noun needs ("lite bakgrunds hiss", not "en bakgrunds
        hiss")."""
        assert self.speller is not None
        key = (before, first, last)
        if key in self._agreements:
            return self._agreements[key]
        found = None
        lower = first.lower()
        if first.islower() and _agreement_tail(last) and self._classes(last) != {"verb"}:
            if before in _PLACE_PREPOSITIONS:
                fits = lower in _PARTICLE_HEADS and self._attested_particle_compound(lower, last)
            elif before not in _DETERMINERS:
                fits = self._bare_genitive(lower, last)
            elif lower in _PARTICLE_HEADS:
                fits = True
            else:
                fits = before in ("en", "ett") and self._wrong_gender(before, lower, last)
            joined = lower + last
            if fits and (self.speller.check(joined) or self._closed_compound(joined)):
                found = (joined, _AGREEMENT)
        self._agreements[key] = found
        return found

    def _attested_particle_compound(self, particle: str, noun: str) -> bool:
        """Return True when ``noun`` is a definite noun and wordfreq has a form of the particle
        and the noun's entry as one word ("undermenyer" for "under menyn"): the compound is in
        use. Hunspell-sv builds any of them ("underbordet", "överhälften"), and after a
        preposition the particle may be an adverb of quantity ("i över hälften av fallen")."""
        assert self.speller is not None
        counts = self._frequencies
        if counts is None or not self._definite(noun):
            return False
        stems = {
            stem.group(1)
            for reading in self.speller.analyze(noun.lower())
            if "pa:" not in reading and (stem := _STEM_RE.search(reading)) is not None
        }
        forms = [particle + form for stem in stems for form in (stem, *_noun_forms(stem))]
        return bool(counts.found(forms))

    def _opens_genitive(self, before: str) -> bool:
        """Return True when a genitive after ``before`` has no determiner: it is no determiner,
        number or adjective ("lite", "nu", "i"; not "alla", "tre", "stora")."""
        return not (
            before in _GENITIVE_DETERMINERS
            or before in _DETERMINING_FUNCTION_WORDS
            or before.isdigit()
            or "adj" in self._classes(before)
        )

    def _bare_genitive(self, first: str, last: str) -> bool:
        """Return True for the genitive of a singular noun before a noun, where no determiner
        or adjective stands before it (see _opens_genitive: "lite bakgrunds hiss", "nu läges
        analys"): a singular noun takes one ("en bakgrunds", "bakgrundens"), so the -s is a
        compound's linking -s. Not a neuter noun in a consonant, whose plural is the same
        ("barns rättigheter")."""
        if not (_part_word(first) and _part_word(last)) or not self._genitive(first):
            return False
        base = first[:-1]
        if self._plural_genitive(first) or self._has_form(
            base, (base + "r", base + "er"), flags=_VERB_FLAGS
        ):
            return False  # "barns rättigheter"; "slås", the passive of "slå" ("slår")
        if self._english_word(first):
            return False  # "options dialog": English
        counts = self._frequencies
        if counts is not None and (counts.zipf(first) or 0.0) >= (counts.zipf(base) or 0.0):
            return False  # "medelålders": an adjective of its own, commoner than its noun
        neuter, common = self._gender(base)
        return (neuter or common) and "noun" in self._classes(last) and not self._definite(last)

    def _plural_genitive(self, lower: str) -> bool:
        """Return True for the genitive of a neuter noun in a consonant, whose plural is the
        singular ("avsnitts", "barns"): it may be a plural's genitive."""
        if not lower.endswith("s") or lower[-2:-1] in _VOWELS or not self._genitive(lower):
            return False
        return self._gender(lower[:-1])[0]

    def _wrong_gender(self, article: str, first: str, last: str) -> bool:
        """Return True when the article cannot be the one of ``first`` (a noun of the other
        gender, in its genitive too: "tids"; or an adjective without the -t that "ett" asks
        for: "sträng") but is the one of ``last``, an indefinite singular noun."""
        if not (_part_word(first) and _part_word(last)):
            return False
        neuter, common = self._gender(first)
        if first.endswith("s") and not (neuter or common):
            neuter, common = self._gender(first[:-1])  # a genitive, or a linking -s
        if article == "ett":
            if "adj" in self._classes(first) and (first.endswith("t") or not common):
                return False  # "ett stort", or an adjective that is no noun ("ett bra")
            return common and not neuter and self._gender(last)[0]
        if "adj" in self._classes(first) or first.endswith("nde"):
            return False  # "en stor", "en tänkande läsare": a participle is an adjective too
        last_neuter, last_common = self._gender(last)
        return neuter and not common and last_common and not last_neuter

    def _gender(self, lower: str) -> tuple[bool, bool]:
        """Return whether the noun ``lower`` has a neuter and a common-gender definite singular
        in Hunspell-sv (a plural in -n reads as common: "värden"), as (neuter, common)."""
        forms = list(_definite_singulars(lower))
        # Nouns of verbs in -nde ("meddelande") are neuter, their forms made on the verb.
        neuter = self._has_form(lower, forms, flags="BC") or (
            lower.endswith("nde") and self.speller is not None and self.speller.check(lower + "t")
        )
        return neuter, self._has_form(lower, forms, flags="DE")

    def _nominal_place(self, toks: list[Token], at: int, text: str, word: str) -> bool:
        """Return True when ``word``, at ``toks[at]``, may be a verb but stands where none can:
        right after a preposition or an article, or after one and up to two adjectives in -a
        or -e or ordinals ("på hackar", "av utvecklar", "för anslutna styr")."""
        before = at - 1
        while before >= 0 and at - before <= 3:
            prior = toks[before].text
            # Lower case: a capitalised "Om" is a name ("Kommandot Om visar fönstret").
            opener = prior in _NOMINAL_OPENERS
            if not (
                opener or prior in _ORDINALS or (prior.endswith(("a", "e")) and _lower_part(prior))
            ) or not _SPACES.fullmatch(text[toks[before].pend : toks[before + 1].pstart]):
                return False
            if opener:
                # Not an adjective, whose forms may be a verb's too ("i rått läge").
                classes = self._classes(word)
                return "verb" in classes and "adj" not in classes
            before -= 1
        return False

    def _joined_compound(
        self, window: list[Token], *, counting: bool = True, nominal: bool = False
    ) -> tuple[str, float] | None:
        """Return the joined word and how likely it is meant, when the evidence is good
        (``counting``: a first word that is a measure noun measures the next one; ``nominal``:
        the first word stands where no verb can)."""
        assert self.speller is not None
        words = [t.text for t in window]
        first, rest = words[0], words[1:]
        # Later parts written with a capital are names ("Anna Lindqvist"), not split words.
        if not all(_lower_part(w) for w in rest):
            return None
        lower_first = first.lower()
        # "nu läges analys": a short first word counts when it joins the next one.
        if not _part_word(first) and not (
            len(window) == 3
            and first.isalpha()
            and lower_first not in _NEVER_JOINED
            and self.speller.check(first + rest[0])
        ):
            return None
        if lower_first in _PHRASE_HEADS or lower_first in _ORDINALS:
            return None  # "god morgon", "första delen"
        if any(self._definite_genitive(w.lower()) for w in words[:-1]):
            return None  # "det markerade ritobjektets text": a genitive phrase
        # A finite verb or participle is a clause, not a compound part: "ekonomi påverkas",
        # "I Helsingborg arbetar kommunen" (though "arbetarkommun" is a word). Asked word by
        # word from the last: a verb there spares reading the others' classes.
        if self._passive(words[-1].lower()):
            return None  # "processor visas", "dokument skrivas": a subject and its verb
        classes: list[set[str]] = []
        for k in range(len(words) - 1, -1, -1):
            word_classes = self._classes(words[k]) if k or _part_word(first) else {"noun"}
            if k == 0 and nominal and "verb" in word_classes and self._part_entry(words):
                word_classes = {"noun"}
            if "verb" in word_classes and "noun" not in word_classes:
                return None
            classes.append(word_classes)
        classes.reverse()
        found = self._weighed_join(words, classes, counting)
        # Whether a word inflects is asked only of a first word about to be flagged: it takes
        # Hunspell up to ten analyses.
        if found is not None and classes[0] == {"noun"} and self._uninflected_entry(first):
            return self._weighed_join(words, [{"uninflected"}, *classes[1:]], counting)
        return found

    def _passive(self, lower: str) -> bool:
        """Return True for the passive of a verb in Hunspell-sv ("visas", "skrivas"): an -s
        form read with a verb's flag, or with the -s flag on a stem in -a whose present tense
        the dictionary reads as a verb's ("skriver"), though it may read as a noun's genitive
        too ("visum")."""
        if not lower.endswith("s"):
            return False
        passive = self._passives.get(lower)
        if passive is None:
            passive = self._passives[lower] = self._read_passive(lower)
        return passive

    def _read_passive(self, lower: str) -> bool:
        assert self.speller is not None
        for reading in self.speller.analyze(lower):
            flag = _FLAG_RE.search(reading)
            stem = _STEM_RE.search(reading)
            if flag is None or stem is None or "pa:" in reading:
                continue
            if flag.group(1) in _VERB_FLAGS:
                return True
            if flag.group(1) != "A":
                continue
            base = stem.group(1)
            if not base.endswith("a"):
                continue  # a noun's genitive ("bils"): verbs end in -a
            for present in (base + "r", base[:-1] + "er"):
                for other in self.speller.analyze(present):
                    letter = _FLAG_RE.search(other)
                    if letter is not None and letter.group(1) in _VERB_FLAGS:
                        return True
        return False

    def _part_entry(self, words: Sequence[str]) -> bool:
        """Return True when Hunspell-sv builds the joined ``words`` from the first word as an
        entry of its own (the compound form "hackar" of "hackare", the stem "styr"), not
        from a verb form of another entry."""
        assert self.speller is not None
        first = words[0].lower()
        part = f"pa:{first} st:{first}"
        return any(part in r for r in self.speller.analyze("".join(words).lower()))

    def _weighed_join(
        self, words: list[str], classes: list[set[str]], counting: bool
    ) -> tuple[str, float] | None:
        """Return the joined word of ``words`` (of word ``classes``; ``counting`` as for
        :meth:`_joined_compound`) and how likely it is meant, when at least
        :data:`SPLIT_THRESHOLD`."""
        first, rest = words[0], words[1:]
        lower_first = first.lower()
        # An indefinite adjective or noun before a definite noun is no phrase ("intern
        # telefonsystemet", "verktygsalternativ dialogen"; but "interna telefonsystemet").
        # An adjective only is left alone: speech puts one before a definite noun ("den var
        # stor skillnaden").
        # So is a genitive before one ("forsknings fronten"; but "forskningens front").
        # Not so a verb's stem: "skriv namnet" is a verb and its object.
        unphrased = (
            len(words) == 2
            and "verb" not in classes[0]
            and self._definite(rest[0])
            and (
                (
                    self._indefinite(first)
                    and ("noun" in classes[0] or self._definite_form(lower_first))
                )
                or (classes[0] == {"noun"} and self._genitive(lower_first))
            )
        )
        # An adjective in its base form before a neuter or plural noun does not agree with it
        # ("snabb tangenter", "blank tecken": "snabba", "blankt"): no phrase either.
        unphrased = unphrased or (
            len(words) == 2 and "adj" in classes[0] and self._disagrees(lower_first, rest[0])
        )
        adjective_head = "adj" in classes[0] and "noun" not in classes[0] and not unphrased
        tail = "".join(rest)
        best: tuple[str, float] | None = None
        heads = [first] if first.endswith("s") else [first, first + "s"]
        for head in heads:
            joined = head + tail
            if len(joined) < 6:
                continue
            confidence = self._compound_confidence(
                words, joined, adjective_head, classes, unphrased, counting
            )
            if confidence is not None and (best is None or confidence > best[1]):
                best = (self._compound_case(first, joined), confidence)
        return best if best is not None and best[1] >= SPLIT_THRESHOLD else None

    def _disagrees(self, adjective: str, noun: str) -> bool:
        """Return True when ``adjective`` is the base form of an adjective that inflects
        (Hunspell-sv reads its -t and -a forms as its own: "snabbt", "snabba"; not "bra",
        "gratis") and ``noun`` a neuter singular or plural noun, which would take those forms
        ("snabba tangenter", "blankt tecken")."""
        assert self.speller is not None
        if adjective.endswith(("a", "e", "t", "s")) or self._classes(noun) != {"noun"}:
            return False
        if adjective.endswith(_DERIVED_ADJECTIVE):
            return False  # "tillgänglig kommandon": a mistake for "tillgängliga", not a compound
        if not all(self._reads_as(adjective + end, adjective) for end in ("t", "a")):
            return False
        lower = noun.lower()
        readings = self.speller.analyze(lower)
        entry = any("fl:" not in r and "pa:" not in r for r in readings)
        if entry:
            return self._gender(lower) == (True, False) or (
                self._gender(lower)[0] and not lower.endswith(("n", "r"))
            )
        return self._plural_indefinite(lower, readings)

    def _plural_indefinite(self, lower: str, readings: list[str]) -> bool:
        """Return True when the ``readings`` of ``lower`` make it an indefinite plural noun
        ("tangenter", "nycklar"; "konton", of the neuter "konto") and nothing else."""
        if lower.endswith("na"):
            return False
        plural = False
        for reading in readings:
            flag = _FLAG_RE.search(reading)
            if flag is None or "pa:" in reading:
                return False
            letter = flag.group(1)
            stem = _STEM_RE.search(reading)
            base = stem.group(1) if stem else ""
            if letter in "GHI" or (letter == "E" and self._definite_form(base, neuter=True)):
                plural = True
            elif letter != "s":
                return False
        return plural

    def _compound_confidence(
        self,
        words: list[str],
        joined: str,
        adjective_head: bool,
        classes: list[set[str]],
        unphrased: bool = False,
        counting: bool = True,
    ) -> float | None:
        """Return how likely ``joined`` is the word meant by ``words`` (None: not a word).

        The cheap evidence comes first: a frequency lookup takes microseconds, Hunspell's
        verdict on a compound it must build from parts a quarter of a millisecond.
        """
        assert self.speller is not None
        check = self.speller.check
        lower = joined.lower()
        freq = self._frequencies
        joined_zipf = freq.zipf(lower) if freq is not None else None
        if joined_zipf is not None and joined_zipf >= 1.0:
            # The joined word against the parts side by side as if independent: log10 of
            # P(joined) / (P(a) P(b)), from Zipf values (log10 per billion words).
            parts = [freq.zipf(w) or 0.0 for w in words] if freq is not None else []
            lift = joined_zipf + 9 * (len(words) - 1) - sum(max(z, 1.0) for z in parts)
            if adjective_head:
                lift -= 1.5  # "stor del", "rätt volym": an adjective before a noun is usual
            elif unphrased:
                lift += 1.0  # side by side the words are no phrase: rarer than independent
            elif self._bare_noun_pair(words, classes, counting):
                lift += _BARE_NOUN_LIFT  # "data lärare": a bare noun before a noun
            if lift >= 0.5 and all(check(w) for w in words) and not check(lower):
                # Both are words, but Hunspell-sv's compound rules do not join them ("vare" ends
                # no compound): what wordfreq counts is a misspelling of a fixed phrase
                # ("tackvare" of "tack vare"), likely only when far commoner than that.
                lift -= _REFUSED_COMPOUND
            return 1 / (1 + 10 ** ((0.5 - lift) / 2))
        if adjective_head:
            return None
        confidence = self._dictionary_evidence(words, classes, counting)
        if unphrased:
            confidence = max(confidence or 0.0, _UNPHRASED)
        if confidence is None or confidence < SPLIT_THRESHOLD:
            return None
        capital = lower[0].upper() + lower[1:]
        if check(lower) or (self._is_name(words[0]) and check(capital)):
            return confidence
        # "tvåfamiljs fönstret": a first part in its compound form, with the linking -s, that
        # is no word alone (nor a name or English) before a dictionary word is a compound
        # Swedish builds though Hunspell does not.
        first, last = words[0], words[-1]
        if (
            len(words) == 2
            and first.endswith("s")
            and not check(first)
            and not self._is_name(first)
            and not self._english_word(first)
            and check(last)
            and self._closed_compound(lower)
        ):
            return confidence
        return None

    def _dictionary_evidence(
        self, words: list[str], classes: list[set[str]], counting: bool = True
    ) -> float | None:
        """Return the confidence the dictionary gives a joined word it accepts, seen rarely."""
        assert self.speller is not None
        check = self.speller.check
        # A name in lower case ("sverige uppstod") is a word alone all the same.
        if any(not check(w) and not self._is_name(w) for w in words):
            return 0.8  # "hjärt transplantation": a part that is no word on its own
        last = classes[-1]
        if any(
            w.endswith("s") and check(w[:-1]) and self._rare_alone(w) for w in words[:-1]
        ) and not (last == {"adj"} and words[-1].endswith(("a", "e"))):
            # "läges analys": a linking form that is rare on its own; but before an adjective's
            # weak form, which a genitive asks for, it is a genitive ("varje enhets totala").
            return 0.6
        if self._bare_noun_pair(words, classes, counting):
            return 0.5
        # Otherwise Hunspell only builds it from parts: weak evidence in Swedish, where it
        # accepts almost any compound ("rättsvolym", "ekonomipåverkas").
        return None

    def _bare_noun_pair(
        self, words: list[str], classes: list[set[str]], counting: bool = True
    ) -> bool:
        """Return True for a bare singular noun right before another noun: rare in written
        Swedish ("miljö variabler", "nyckel värde"), unlike a measure word ("ett par skor")
        or a name, a whole noun phrase ("lär telia vilja": Telia and a verb)."""
        first = words[0]
        indefinite = self._base_form(first) or not first.endswith(_DEFINITE_ENDINGS)
        return (
            classes[0] == {"noun"}
            and indefinite
            and "noun" in classes[-1]
            and not (counting and first.lower() in _MEASURE_NOUNS)
            and not self._is_name(first)
        )

    def _is_name(self, word: str) -> bool:
        """Return True for a name written in lower case ("ukraina"), but not for a noun's
        compound form that is also a surname ("käll", of "källa": "Käll")."""
        name = self._names.get(word)
        if name is None:
            assert self.speller is not None
            check = self.speller.check
            name = self._names[word] = (
                not check(word)
                and check(word[:1].upper() + word[1:])
                and not (check(word + "a") and check(word + "an"))
            )
        return name

    def _base_form(self, word: str) -> bool:
        """Return True when Hunspell reads the word as a dictionary entry, not an inflection."""
        assert self.speller is not None
        readings = self.speller.analyze(word.lower())
        return bool(readings) and all("fl:" not in r and "pa:" not in r for r in readings)

    def _rare_alone(self, word: str) -> bool:
        zipf = self._frequencies.zipf(word) if self._frequencies is not None else None
        return zipf is not None and zipf < 2.0

    def _compound_case(self, first: str, joined: str) -> str:
        """Return ``joined`` with a capital when its first part is a name ("Ukrainakriget")."""
        assert self.speller is not None
        if first[:1].islower() and self._is_name(first):
            return joined[0].upper() + joined[1:]
        return joined

    def _classes(self, word: str) -> set[str]:
        """Return the word classes a word form may have ("noun", "verb", "adj"); the set is
        shared, not to be changed.

        From the Hunspell-sv affix flag of each reading (``fl:G`` is a plural noun, ``fl:m`` a
        present-tense verb); a form without a flag is guessed from its ending.
        """
        lower = word.lower()
        classes = self._word_classes.get(lower)
        if classes is None:
            classes = self._word_classes[lower] = self._read_classes(lower)
        return classes

    def _read_classes(self, lower: str) -> set[str]:
        assert self.speller is not None
        classes: set[str] = set()
        if not self.speller.check(lower):
            return {"noun"}  # "hjärt", "användar": a form only found inside compounds
        entry = False  # the word is a dictionary entry of its own
        for reading in self.speller.analyze(lower):
            flag = _FLAG_RE.search(reading)
            if flag is None:
                entry = entry or "pa:" not in reading
                continue
            letter = flag.group(1)
            if letter == "A":
                # -s: a genitive of a noun, or the passive of a verb ("påverkas").
                stem = _STEM_RE.search(reading)
                base = stem.group(1) if stem else lower[:-1]
                verb = base.endswith("a") and self.speller.check(base + "de")
                classes.add("verb" if verb else "noun")
            elif letter == "T":
                # -isk is an adjective ("tekniska"), -are a noun of who does it ("lärare").
                classes.add("adj" if lower.endswith(("isk", "iska", "iskt")) else "noun")
            elif letter == "M" and not lower.endswith(("t", "d", "de")):
                classes.add("verb")  # a strong past tense ("uppstod", "gick"), finite
            elif letter == "J" and _verb_stem(reading, lower):
                # The stem of a verb in -a ("skriv", "sök"): its imperative, and the present
                # of one whose stem ends in -r ("styr"); still a compound's first part.
                classes.update(("verb", "noun"))
            else:
                classes.update(_FLAG_CLASSES.get(letter, ()))
        if classes:
            if entry and "noun" not in classes and self._definite_form(lower):
                # An entry that is also another word's form: the noun "format" (formatet)
                # as well as the participle of "forma".
                classes.add("noun")
            return classes
        if self._verb(lower, finite_only=False):
            classes.add("verb")
            if lower.endswith("er") and self.speller.check(lower[:-2] + "ret"):
                classes.add("noun")  # "lager" → "lagret", as "nummer", "finger"
        if self._adjective(lower):
            classes.add("adj")
            if (
                entry
                and lower.endswith(("el", "en", "er"))
                and self._has_form(lower, _definite_singulars(lower))
            ):
                # A noun as well when the dictionary inflects the entry as one: the ending of
                # "variabel" (variabla, variabelt) is a noun's too (variabeln).
                classes.add("noun")
        if not classes:
            # A present participle the dictionary inflects as no noun is an adjective
            # ("motsvarande", "krävande"; but "beroendet").
            participle = (
                entry
                and lower.endswith(("ande", "ende"))
                and len(lower) > 5
                and not self._noun_inflected(lower)
            )
            if participle:
                classes.add("adj")
            else:
                classes.add("verb" if self._infinitive(lower) else "noun")
        return classes

    def _uninflected_entry(self, word: str) -> bool:
        """Return True for a dictionary entry Hunspell-sv inflects as no noun (no affix flag, no
        definite form, no plural): an adverb, infinitive or indeclinable adjective ("ihjäl",
        "gratis"). It is no bare noun, so only wordfreq's count of the joined word can tell
        a compound ("extra jobb") from a phrase ("gratis telefonsamtal")."""
        lower = word.lower()
        uninflected = self._uninflected.get(lower)
        if uninflected is None:
            uninflected = self._uninflected[lower] = (
                _part_word(lower)
                and self._base_form(lower)
                and not self._noun_inflected(lower)
                # A compound form in -s: "döds", of "död".
                and not (lower.endswith("s") and self._noun_inflected(lower[:-1]))
            )
        return uninflected

    def _noun_inflected(self, lower: str) -> bool:
        """Return True when Hunspell-sv has a definite or plural form of the entry ``lower``,
        as its noun affix flags make them ("boken", "numret", "cykeln", "serier")."""
        return self._has_form(lower, _noun_forms(lower))

    def _has_form(self, lower: str, forms: Iterable[str], flags: str = _NOUN_FLAGS) -> bool:
        """Return True when Hunspell-sv reads one of ``forms`` as a noun form of ``lower`` (made
        with one of the affix ``flags``: "BC" are the neuter definite singulars, "steget")."""
        assert self.speller is not None
        stem = f"st:{lower}"
        for form in forms:
            for reading in self.speller.analyze(form):
                flag = _FLAG_RE.search(reading)
                if (
                    flag is not None
                    and flag.group(1) in flags
                    and "pa:" not in reading
                    and stem in reading.split()
                ):
                    return True
        return False

    def _indefinite(self, word: str) -> bool:
        """Return True for an adjective in its strong form or a noun in its indefinite
        singular ("intern", "verktygsalternativ"), not a name, not an -s or -t form."""
        lower = word.lower()
        return (
            not lower.endswith(("a", "e", "s", "t"))
            and lower not in _SV_FUNCTION_WORDS
            and not self._is_name(lower)
            and not self._definite(lower)
        )

    def _genitive(self, lower: str) -> bool:
        """Return True for the genitive -s of a noun in Hunspell-sv ("forsknings"), not the
        passive of a verb ("påverkas")."""
        assert self.speller is not None
        for reading in self.speller.analyze(lower):
            flag = _FLAG_RE.search(reading)
            if flag is not None and flag.group(1) == "A":
                stem = _STEM_RE.search(reading)
                base = stem.group(1) if stem else lower[:-1]
                if not (base.endswith("a") and self.speller.check(base + "de")):
                    return True
        return False

    def _definite(self, word: str) -> bool:
        """Return True for a noun in a definite form ("telefonsystemet", "dialogen",
        "menyn", "filerna"), from Hunspell-sv's affix flags."""
        assert self.speller is not None
        lower = word.lower()
        if not lower.endswith((*_DEFINITE_SINGULAR, "na", "nas")):
            return False  # no definite ending: Hunspell need not be asked
        for reading in self.speller.analyze(lower):
            flag = _FLAG_RE.search(reading)
            if flag is None:
                continue
            letter = flag.group(1)
            if (
                letter in "BCDF"
                and lower.endswith(_DEFINITE_SINGULAR)
                and not lower.endswith(("nde", "ndes"))
            ):
                return True
            if letter in "GHIJ" and lower.endswith(("na", "nas")):
                return True  # a definite plural ("filerna")
            if letter == "E":
                # -n: definite of a common noun ("menyn"), plural of a neuter one ("frön").
                stem = _STEM_RE.search(reading)
                base = stem.group(1) if stem else lower[:-1]
                if not self._definite_form(base, neuter=True):
                    return True
        return False

    def _definite_genitive(self, lower: str) -> bool:
        """Return True for the genitive of a definite noun ("företagets", "ritobjektets", of a
        compound Hunspell-sv lacks but whose last part it has: "objektets"): no compound begins
        with one, as a compound's first part has no article."""
        assert self.speller is not None
        if not lower.endswith(("ets", "ens", "ns", "ts", "nas")):
            return False
        for cut in range(0, len(lower) - 4):
            part = lower[cut:]
            if self.speller.check(part):
                return self._definite(part[:-1])
        return False

    def _definite_form(self, lower: str, *, neuter: bool = False) -> bool:
        """Return True when the dictionary has a definite singular of ``lower`` as a noun (of
        a neuter noun only, with ``neuter``)."""
        assert self.speller is not None
        endings: tuple[str, ...] = ("n", "t") if lower[-1:] in "aeiouyåäö" else ("en", "et")
        if neuter:
            endings = endings[1:]
        return any(self.speller.check(lower + ending) for ending in endings)

    def _verb(self, word: str, *, finite_only: bool = True) -> bool:
        """Guess whether a word is a verb form: present tense, or also past and supine."""
        assert self.speller is not None
        lower = word.lower()
        check = self.speller.check
        if lower.endswith("ar") and check(lower[:-1]):
            return True
        # "-er" is the present of a verb in "-a" that is not of the first conjugation: "läser"
        # (läsa, läste), not "lager" (laga has "lagar", "lagade").
        if lower.endswith("er") and check(lower[:-2] + "a") and not check(lower[:-2] + "ade"):
            return True
        if finite_only:
            return False
        if lower.endswith("ade") and check(lower[:-2]):
            return True
        if lower.endswith(("de", "te")) and check(lower[:-2] + "a"):
            return True
        # Supine "jämfört", "byggt", "pratat": the stem before the "t" is a verb form too
        # (not so for the noun "växt").
        stem = lower[:-1]
        return lower.endswith("t") and check(stem) and (stem.endswith("a") or check(stem + "a"))

    def _infinitive(self, lower: str) -> bool:
        """Return True for the infinitive of a verb the dictionary lists without affix flags
        ("innehålla"): Hunspell-sv reads its present as a verb form of it ("innehåller",
        fl:K), unlike a noun's plural ("gator"). Not when it is also the plural of an
        adjective ("bekanta", of "bekant")."""
        if not lower.endswith("a") or len(lower) < 4:
            return False
        assert self.speller is not None
        # A spell check first: reading the forms' morphology costs more, and most fail here.
        presents = [f for f in (lower + "r", lower[:-1] + "er") if self.speller.check(f)]
        return (
            bool(presents)
            and "adj" not in self._classes(lower[:-1])
            and self._has_form(lower, presents, flags=_VERB_FLAGS)
        )

    def _adjective(self, word: str) -> bool:
        assert self.speller is not None
        lower = word.lower()
        check = self.speller.check
        # "-ig", "-isk"; comparatives and superlatives ("äldre personer", "största delen").
        # Not a noun of the same ending that has no neuter in -t ("disk", "fisk") or a noun of
        # who does something in -are that has no superlative ("bildläsare"; "hårdast").
        if lower.endswith(("ig", "isk")):
            if check(lower + "t"):
                return True
        elif lower.endswith("are"):
            if check(lower[:-3] + "ast"):
                return True
        elif lower.endswith(("re", "ast", "aste", "sta", "ste")) or lower in _SUPPLETIVE:
            return True
        if lower in _INDECLINABLE:
            return True
        if check(lower + "t") and check(lower + "a"):
            return True
        # A base form that compares ("hårdare", "hårdast") or inflects with a doubled or
        # dropped letter ("nytt", "allmänna", "ädla", "eget"/"egna") is an adjective: nouns
        # do neither ("blod", "bok").
        if check(lower + "are") and check(lower + "ast"):
            return True
        # The doubled letter of a form of this word, not another's ("nätt" of no "nät").
        if check(lower + "tt") and check(lower + "a") and self._reads_as(lower + "tt", lower):
            return True
        doubled = lower + lower[-1:] + "a"
        if check(lower + "t") and check(doubled) and self._reads_as(doubled, lower):
            return True
        if lower.endswith(("el", "en")) and len(lower) > 3:
            syncope = lower[:-2] + lower[-1] + "a"
            return check(syncope) and (check(lower + "t") or check(lower[:-1] + "t"))
        if lower.endswith("er") and len(lower) > 3:
            # "säker": "säkra", and "säkert" a form of it (not "lager": "lagra" is a verb).
            return check(lower[:-2] + "ra") and self._reads_as(lower + "t", lower)
        return False

    def _reads_as(self, form: str, lower: str) -> bool:
        """Return True when Hunspell-sv reads ``form`` as a form of the entry ``lower``."""
        assert self.speller is not None
        stem = f"st:{lower}"
        return any(stem in reading.split() for reading in self.speller.analyze(form))

    # -- ASR-12 -------------------------------------------------------------------------------

    def _homophone_flags(self, item: _Cue, add: _Add) -> None:
        toks = item.tokens
        text = item.plain.text
        for k, tok in enumerate(toks):
            word = tok.text.lower()
            if word not in _HOMOPHONES:
                continue
            prev = toks[k - 1].text.lower() if k > 0 else ""
            nxt = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
            # Only the nearest non-blank characters matter: slicing the text here would copy
            # the rest of a long cue for every word.
            before = _char_before(text, tok.pstart)
            after = _char_after(text, tok.pend)
            clause_start = before == "" or before in ",.!?–-"
            other = None
            # The alternative to offer as the fix; none for "dom", which may be "de" or "dem".
            fix: str | None = None
            if word == "dom":
                other = _("de or dem (“dom” is the spoken form)")
            elif (
                word == "män"
                and (clause_start or nxt in _PRONOUN_AFTER_MEN)
                and prev not in (_QUANTIFIERS)
            ):
                other, fix = _("men (but)"), "men"
            elif word == "men" and (prev in _QUANTIFIERS or prev in ("och", "eller")):
                other, fix = _("män (men, plural of man)"), "män"
            elif word == "ända" and prev in _BEFORE_ENDA:
                other, fix = _("enda (only)"), "enda"
            elif word == "enda" and nxt in _AFTER_ANDA:
                other, fix = _("ända (all the way)"), "ända"
            elif word == "hämma" and prev in _BEFORE_HEMMA:
                other, fix = _("hemma (at home)"), "hemma"
            elif word == "hemma" and prev in _BEFORE_HAMMA:
                other, fix = _("hämma (inhibit)"), "hämma"
            elif word == "vart" and nxt in _AFTER_VAR:
                other, fix = _("var (where, location)"), "var"
            elif word == "dem" and tok.text[0].isupper() and clause_start:
                other, fix = _("De (subject form)"), "de"
            elif word == "de" and prev in _PREPOSITIONS and after != "" and after in ",.!?;:":
                # Only before punctuation that ends the clause: a cue's end is no clause end
                # ("för de | flesta", "mellan de | två"), captions break lines mid-phrase.
                other, fix = _("dem (object form)"), "dem"
            if other:
                if fix is not None and tok.text[:1].isupper():
                    fix = fix[0].upper() + fix[1:]
                add(
                    RULE_HOMOPHONE,
                    Severity.INFO,
                    _("“{text}” sounds like {other}: check the meaning.").format(
                        text=tok.text, other=other
                    ),
                    (tok.start, tok.end),
                    fix,
                )

    # -- SPELL-02 and English --------------------------------------------------------------

    def _known_anywhere(self, word: str) -> bool:
        """Return True when the spell check passes ``word`` wherever it stands (the checks of
        _spelling_flags() that do not read the text around it), remembered for the run."""
        known = self._known.get(word)
        if known is None:
            speller = self.speller
            assert speller is not None
            known = (
                (not word.isalpha() or speller.check(word.lower()))  # no suspended part
                and self._capitalised(word, speller) is None
                and (
                    (self.glossary is not None and self.glossary.knows_word(word))
                    or word in self.file_words
                    or word.lower() in self.file_words
                    or speller.check(word)
                    or _CAMEL_CASE.fullmatch(word) is not None
                )
            )
            self._known[word] = known
        return known

    def _capitalised(self, word: str, speller: Speller) -> str | None:
        """Return the capitalised form of a lower-case name ("sverige" → "Sverige")."""
        if not word.islower() or not word.isalpha():
            return None
        known = self.glossary.capitalised(word) if self.glossary is not None else None
        if known is not None and (known[1] or not speller.check(word)):
            return known[0]
        if speller.check(word) or self._english_word(word):
            return None
        capital = word[0].upper() + word[1:]
        return capital if speller.check(capital) else None

    def _hyphenated_known(self, word: str, speller: Speller) -> bool:
        """Return True when every part of a hyphenated word is known ("PageDown-tangenterna",
        "Skift-PageUp"), and a suspended first part ("käll-, händelse- och …") is one Hunspell
        builds compounds with."""
        if "-" not in word:
            return False
        parts = word.split("-")
        if parts[-1] == "":
            head = parts[-2]
            if not (
                speller.check(head + "-")
                or (speller is self.speller and self._compound_form(head.lower(), 1))
                or self._known_part(head, speller)
            ):
                return False
            parts = parts[:-2]
        if all(self._known_part(part, speller) for part in parts if part):
            return True
        return speller is self.speller and self._named_compound(parts)

    def _named_compound(self, parts: list[str]) -> bool:
        """Return True for a compound that Swedish writes with a hyphen because its first part
        is a name, code or foreign word ("Texinfo-manual", "gzip-packade", "hidepid-flaggan"):
        its last part is a Swedish word, and no other part is one letter from a Swedish
        word, which would make it a typo ("progam-filen")."""
        *heads, last = parts
        if not heads or not last.isalpha() or not last.islower():
            return False
        assert self.speller is not None
        if not (self.speller.check(last) or self._closed_compound(last)):
            return False
        return all(
            part.isalpha()
            and (self._known_part(part, self.speller) or not self._near_swedish(part.lower()))
            for part in heads
        )

    def _near_swedish(self, lower: str, least: float = 0.0) -> bool:
        """Return True when a word of the Swedish frequency list that a dictionary has is one
        letter from ``lower`` (and at least ``least`` in Zipf)."""
        speller = self.speller
        if speller is None or self._frequencies is None:
            return False
        return any(
            zipf >= least and self._a_word(near, speller)
            for near, zipf in self._frequencies.near(lower, _LETTERS["sv"]).items()
        )

    def _known_part(self, part: str, speller: Speller) -> bool:
        return (
            speller.check(part)
            or _CAMEL_CASE.fullmatch(part) is not None
            or part.isupper()
            or self._english_word(part)
            or self._code_word(part)
        )

    def _code_word(self, word: str) -> bool:
        """Return True for a word no one says as written, a command or an identifier: one that
        cannot be pronounced (no vowel, "dpkg"; or first consonants that do not rise towards
        the vowel, "wdiff", "pstree") or that runs two common English words together ("fakeroot",
        "pixmap", "groupname"), when no Swedish word is one letter away (then it is a typo:
        "sg" of "sig")."""
        speller = self.speller
        if (
            self.language != "sv"
            or speller is None
            or self._frequencies is None
            or not word.isalpha()
        ):
            return False
        lower = word.lower()
        known = self._codes.get(lower)
        if known is None:
            known = (
                len(lower) <= LONGEST_COMPOUND
                and (_unpronounceable(lower) or self._english_run_together(lower))
                and not self._near_swedish(lower)
            )
            self._codes[lower] = known
        return known

    def _english_run_together(self, lower: str) -> bool:
        """Return True for two common English words written as one that English text does not
        use as a word ("fakeroot", "pixmap"): English writes its compounds apart, so together
        they name a program or a setting. A word English text uses ("submenu") is English
        vocabulary, and in a Swedish sentence a foreign word to flag."""
        english = _speller_or_none("en")
        if english is None or len(lower) < 2 * _SHORTEST_ENGLISH_PART:
            return False
        counts = frequencies("en")
        if (counts.zipf(lower) or 0.0) >= _WRITTEN_USAGE:
            return False
        for cut in range(_SHORTEST_ENGLISH_PART, len(lower) - _SHORTEST_ENGLISH_PART + 1):
            head, tail = lower[:cut], lower[cut:]
            if (
                english.check(head)
                and english.check(tail)
                and (counts.zipf(head) or 0.0) >= _COMMON_ENGLISH
                and (counts.zipf(tail) or 0.0) >= _COMMON_ENGLISH
            ):
                return True
        return False

    def _suspended_without_hyphen(self, item: _Cue, at: int, speller: Speller) -> str | None:
        """Return the compound a word not in the dictionary begins when it is a suspended part
        written without its hyphen ("hjärt och kärlsjukdomar": "hjärtsjukdomar"), else None.

        The part must be followed, through at most three more parts, by "och", "eller", "samt"
        or "respektive" and a word whose last part it makes a dictionary word with.
        """
        tokens = item.tokens
        word = tokens[at].text
        if speller is not self.speller or not word.isalpha() or speller.check(word.lower()):
            return None
        text = item.plain.text
        for k in range(at + 1, min(at + 6, len(tokens) - 1)):
            gap = text[tokens[k - 1].pend : tokens[k].pstart]
            if not _PART_GAP.fullmatch(gap) or not tokens[k].text.isalpha():
                return None
            if tokens[k].text.lower() in _SUSPENSION_JOINS:
                last = tokens[k + 1].text
                if not _PART_GAP.fullmatch(text[tokens[k].pend : tokens[k + 1].pstart]):
                    return None
                return self._joined_with_end(word.lower(), last, speller)
        return None

    def _joined_with_end(self, part: str, compound: str, speller: Speller) -> str | None:
        """Return ``part`` joined to the last part of ``compound`` ("hjärt", "kärlsjukdomar"
        → "hjärtsjukdomar") when the dictionary knows that word, else None.

        Hunspell-sv joins almost anything ("hjärtdomar"): of the words it accepts, the commonest
        in the frequency list is taken, else the one with the longest last part.
        """
        if not compound.isalpha() or not compound.islower():
            return None
        if not (speller.check(compound) or self._closed_compound(compound)):
            return None
        best: tuple[float, str] | None = None
        for cut in range(2, len(compound) - 2):
            joined = part + compound[cut:]
            if not speller.check(joined):
                continue
            zipf = (self._frequencies.zipf(joined) if self._frequencies else None) or 0.0
            if best is None or zipf > best[0]:
                best = (zipf, joined)
        return best[1] if best is not None else None

    def _closed_compound(self, word: str) -> bool:
        """Return True for a compound Hunspell rejects but Swedish builds: a known first part
        (in its compound form: "tvåpersons-", "käll-" of "källa") and a common last word
        ("tvåpersonsfönstret", "korsreferensnyckel", "brusborttagning").

        The whole word is accepted when the frequency list knows it. Otherwise the last part
        must be a common word (Zipf ≥ 3) of at least four letters, so a typo such as
        "textredigerarea" is not explained away by a short last part.
        """
        if self.language != "sv" or self.speller is None or self._frequencies is None:
            return False
        lower = word.lower()
        # Every cut of the word is tried, two parts deep: bounded, so a hostile 100,000-letter
        # "word" costs no more than a long real compound ("realisationsvinstbeskattningen").
        if not _SHORT_COMPOUND <= len(lower) <= LONGEST_COMPOUND or not lower.isalpha():
            return False
        # Remembered for the run: a file repeats its unknown words ("gedit" fifty times).
        closed = self._closed.get(lower)
        if closed is None:
            closed = self._closed[lower] = self._read_closed(lower)
        return closed

    def _read_closed(self, lower: str) -> bool:
        assert self._frequencies is not None
        if len(lower) < 9:
            # wordfreq counts common misspellings of short words too ("branchen").
            return self._short_compound(lower)
        whole = self._frequencies.zipf(lower)
        if whole is not None and whole >= 1.0:
            return True
        return self._built(lower, 2)

    def _short_compound(self, lower: str) -> bool:
        """Return True for a short compound of two common nouns as they are ("paket|fil",
        "retur|kod", "fil|ikon"; a noun may be an adjective's homograph too, as "fil" is
        taken for one) and one letter from no common word: a typo of a short word seldom
        splits so, and "konflit", "porgram" (kon|flit, por|gram) are typos of "konflikt" and
        "program"."""
        assert self.speller is not None and self._frequencies is not None
        # The words one letter away are asked last: some 400 spellings a word.
        return any(
            all(
                (self._frequencies.zipf(part) or 0.0) >= _COMMON_PART
                and _part_word(part)
                and self.speller.check(part)
                and (
                    "noun" in self._classes(part) or self._has_form(part, _definite_singulars(part))
                )
                for part in (lower[:cut], lower[cut:])
            )
            for cut in range(3, len(lower) - 2)
        ) and not self._near_swedish(lower, _COMMON_NEAR)

    def _built(self, word: str, depth: int) -> bool:
        """Return True when ``word`` is a first part and a common last word, the first part
        itself built so when ``depth`` allows ("två|person|s|fönstret")."""
        assert self.speller is not None and self._frequencies is not None
        for cut in range(3, len(word) - 3):
            head, tail = word[:cut], word[cut:]
            zipf = self._frequencies.zipf(tail)
            if zipf is None or zipf < 2.5 or not self.speller.check(tail):
                continue
            if self._compound_form(head, depth):
                return True
        return False

    def _compound_form(self, head: str, depth: int) -> bool:
        """Return True when ``head`` is a word as the first part of a compound: the word itself,
        with a linking -s or -e ("person-s-", "familj-e-"), or without its final -a ("käll-")."""
        assert self.speller is not None
        forms = [head]
        if head[-1] in "se" and len(head) > 3:
            forms.append(head[:-1])
        if any(self.speller.check(form) for form in forms):
            return True
        # Nouns in -a lose it ("källa", "källan" → "källkod"); a verb ("textredigera") is no
        # evidence, or "textredigerarea" would pass as "textrediger|area".
        if self.speller.check(head + "a") and self.speller.check(head + "an"):
            return True
        return depth > 1 and any(self._built(form, depth - 1) for form in forms)

    def _english_word(self, word: str) -> bool:
        english = _speller_or_none("en") if self.language != "en" else None
        return english is not None and english.check(word)

    def _english_term(self, word: str, item: _Cue, tok: Token) -> bool:
        """Return True when a word the dictionary lacks is English in an English sentence, or
        an English term ("software", "plugin") that the English dictionary knows."""
        english = _speller_or_none("en") if self.language != "en" else None
        if english is None:
            return False
        if not english.check(word):
            # "submenu", "menubar", "grayscale": written English that Hunspell-en lacks.
            in_english = self._sentence_language(item, tok.pstart, english) == "en"
            return in_english and self._written_usage(word, "en", english)
        if len(word) >= 4 or word.lower() in _SHORT_ENGLISH:
            return True
        if not english.check(word.lower()):
            return True  # a name the English dictionary has only capitalised ("Joe", "Ann")
        # Short words ("to", "an") are English only among other English words.
        return self._sentence_language(item, tok.pstart, english) == "en"

    def _written_usage(
        self, word: str, language: str, speller: Speller, least: float = _WRITTEN_USAGE
    ) -> bool:
        """Return True when text in ``language`` uses ``word`` as written and no far commoner
        word of that language is one letter away: a recogniser writes words of its vocabulary,
        but wordfreq also counts frequent misspellings ("recieve", Zipf 2.7), and those have a
        correct form one edit away that is many times commoner ("receive", 4.9). Asked only of
        words no dictionary has, once per word (Hunspell's suggestions take 60–100 ms a word)."""
        key = (language, word, least)
        known = self._written.get(key)
        if known is None:
            counts = frequencies(language)
            zipf = counts.zipf(word) or 0.0
            # A name's spelling is checked against names: the dictionaries write them capitalised.
            title = word[:1].isupper()
            letters = _LETTERS.get(language, _LETTERS["en"])
            known = zipf >= least and not any(
                commoner >= zipf + _MISSPELLING_MARGIN
                and self._a_word(near[:1].upper() + near[1:] if title else near, speller)
                for near, commoner in counts.near(word.lower(), letters).items()
            )
            self._written[key] = known
        return known

    def _a_word(self, word: str, speller: Speller) -> bool:
        """Return True when ``speller``, the file's dictionary or the English one has ``word``
        ("Ctrl" is in Hunspell-sv only, so "Crtl" is its typo in English text too)."""
        english = _speller_or_none("en")
        return (
            speller.check(word)
            or (self.speller is not None and self.speller.check(word))
            or (english is not None and english.check(word))
        )

    def _inflected_loan(self, word: str) -> bool:
        """Return True for an English word with a Swedish ending, as Swedish speech inflects
        loans ("switchar", "phreakare", "frameworket"): the stem is English (Hunspell-en or
        English text uses it) and no Swedish word is one letter away from the whole, which
        would make it a misspelling of that word ("branchen" for "branschen"; also "mailen",
        as "mallen" is near)."""
        if (
            self.language != "sv"
            or self.speller is None
            or self._frequencies is None
            or not word.isalpha()
        ):
            return False
        english = _speller_or_none("en")
        if english is None:
            return False
        lower = word.lower()
        known = self._loans.get(lower)
        if known is None:
            known = False
            for ending in _SWEDISH_ENDINGS:
                stem = lower[: -len(ending)]
                if not lower.endswith(ending) or len(stem) < _SHORTEST_LOAN:
                    continue
                if english.check(stem) or self._written_usage(
                    stem, "en", english, _ESTABLISHED_USAGE
                ):
                    # Swedish words one letter away, from the frequency list (one query),
                    # then the dictionary: checking each spelling with Hunspell-sv, which
                    # tries compounds, takes 20 µs each.
                    speller = self.speller
                    nearby = self._frequencies.near(lower, _LETTERS["sv"])
                    known = not any(speller.check(near) for near in nearby)
                    break
            self._loans[lower] = known
        return known

    def _name_in_use(self, item: _Cue, tok: Token) -> bool:
        """Return True for a capitalised word inside a sentence that real text uses (Swedish or
        English wordfreq): a name ("Fidonet", "Rosenbaum"), as the dictionaries' own names are
        passed. Not at a sentence's or a cue's start, where the capital says nothing and
        frequent misspellings ("Branchen") would pass."""
        word = tok.text
        if not word[:1].isupper() or word.isupper() or not word.replace("-", "").isalpha():
            return False
        before = _char_before(item.plain.text, tok.pstart)
        if before == "" or before in '.!?…:–-"”»':
            return False
        assert self.speller is not None
        # Frequencies of the file's language only where they are kept (Swedish, English).
        if self._frequencies is not None and self._written_usage(
            word, self.language, self.speller, _ESTABLISHED_USAGE
        ):
            return True
        english = _speller_or_none("en") if self.language != "en" else None
        return english is not None and self._written_usage(word, "en", english, _ESTABLISHED_USAGE)

    def _name_after_name(self, item: _Cue, at: int) -> bool:
        """Return True for a capitalised word right after a name that a dictionary has only
        capitalised ("Jim Meyering", "LibreOffice Calc", "Anna Lindqvist"): the rest of a
        person's or a product's name, whose spelling no dictionary can vouch for."""
        if at == 0:
            return False
        tok, previous = item.tokens[at], item.tokens[at - 1]
        word, name = tok.text, previous.text
        if not word[:1].isupper() or word.isupper() or not word.replace("-", "").isalpha():
            return False
        if item.plain.text[previous.pend : tok.pstart] != " " or not name[:1].isupper():
            return False
        if _CAMEL_CASE.fullmatch(name) is not None and not name.isupper():
            return True
        return _only_capitalised(self.speller, name) or _only_capitalised(
            _speller_or_none("en"), name
        )

    def _sentence_language(self, item: _Cue, at: int, english: Speller) -> str:
        """Return "en" when the sentence around offset ``at`` of the visible text has more
        English than Swedish words."""
        assert self.speller is not None
        text = item.plain.text
        # The sentence spans of a cue, found once per cue text (a cue may be a whole
        # transcript: searching from every word would take quadratic time).
        if self._sentences is None or self._sentences[0] is not text:
            found = [(m.start(), m.end()) for m in _SENTENCE_BREAK.finditer(text)]
            ends = [a for a, _ in found] + [len(text)]
            starts = [0] + [b for _, b in found]
            self._sentences = (text, starts, ends)
        _, starts, ends = self._sentences
        k = max(0, bisect_right(starts, at) - 1)
        key = text[starts[k] : ends[k]]
        cached = self._languages.get(key)
        if cached is None:
            words = [w for w in re.findall(r"[^\W\d_]+", key) if len(w) > 1]
            swedish = foreign = 0
            for word in words:
                language = self._word_language(word, english)
                swedish += language == self.language
                foreign += language == "en"
            # One English word is enough where no word is Swedish: a cue holds the tail of an
            # English sentence ("the image.") as often as a whole one.
            english_only = foreign >= 2 or (foreign == 1 and swedish == 0)
            cached = "en" if english_only and foreign > swedish else self.language
            self._languages[key] = cached
        return cached

    def _word_language(self, word: str, english: Speller) -> str | None:
        """Return the language whose dictionary alone has ``word``; for a word both have, the
        one where it is far more common (Hunspell-sv builds "images" and "displays" from
        parts); None when that cannot be told."""
        assert self.speller is not None
        ours, theirs = self.speller.check(word), english.check(word)
        if ours != theirs:
            return self.language if ours else "en"
        if not ours or self._frequencies is None:
            return None
        here, there = self._frequencies.zipf(word), frequencies("en").zipf(word)
        if here is None or there is None:
            return None
        if there >= here + _LANGUAGE_MARGIN:
            return "en"
        return self.language if here >= there + _LANGUAGE_MARGIN else None

    # -- ASR-10 -------------------------------------------------------------------------------

    def _number_flags(self, item: _Cue, add: _Add) -> None:
        text = item.plain.text
        for match in _NUMBER_RE.finditer(text):
            digits, percent = match.group(1), match.group(2)
            fixed, reason = _swedish_number(digits)
            if (
                reason
                and not percent
                and (_section_number(text, match) or self._version_of_name(item, match.start()))
            ):
                continue
            small = not reason and not percent and self._small_number_as_digits(text, match)
            if not (reason or percent or small) or self._in_english(item, match.start()):
                continue  # "The maximum allowed value is 2,147,483,648.": English writes so
            if percent:
                reason = reason + " and “%”" if reason else "“%”"
                fixed = f"{fixed} procent"
            span = item.plain.raw_span(match.start(), match.end())
            if reason:
                add(
                    RULE_NUMBERS,
                    Severity.WARN,
                    _("“{group}”: {reason} in Swedish text (write “{fixed}”).").format(
                        group=match.group(0), reason=reason, fixed=fixed
                    ),
                    span,
                    fixed,
                )
            else:
                word = SMALL_NUMBER_WORDS_SV[int(digits)]
                add(
                    RULE_NUMBERS,
                    Severity.INFO,
                    _("“{digits}”: numbers up to twelve are written as words (“{word}”).").format(
                        digits=digits, word=word
                    ),
                    span,
                    word,
                )

    def _in_english(self, item: _Cue, at: int) -> bool:
        """Return True when the sentence around offset ``at`` is English."""
        english = _speller_or_none("en")
        return english is not None and self._sentence_language(item, at, english) == "en"

    def _version_of_name(self, item: _Cue, at: int) -> bool:
        """Return True when the number at offset ``at`` follows a name inside a sentence: a
        version ("LibreOffice 7.1", "Debian 0.93"), not a decimal."""
        text = item.plain.text
        name = _word_before(text, at)
        if not name[:1].isupper() or name.isupper() or not name.isalpha():
            return False
        gap = text[at - len(name) - 1 : at] if at > len(name) else ""
        if gap[-1:] != " " or gap[:-1] != name:
            return False  # "Debian 0.93", not "Debian, 0.93"
        before = text[: at - len(name) - 1].rstrip()
        return (before != "" and before[-1] not in ".!?…:") or (
            _CAMEL_CASE.fullmatch(name) is not None or _only_capitalised(self.speller, name)
        )

    def _spoken_number_flags(self, item: _Cue, add: _Add) -> None:
        toks = item.tokens
        text = item.plain.text
        k = 0
        while k < len(toks):
            # A run of number words, read as the numbers it holds one after the other.
            run: list[tuple[Token, tuple[str, ...]]] = []
            for j in range(k, len(toks)):
                parts = _spoken_morphemes(toks[j].text.lower())
                if parts is None or (run and not text[toks[j - 1].pend : toks[j].pstart].isspace()):
                    break
                run.append((toks[j], parts))
            start = k
            k += max(1, len(run))
            at = 0
            while at < len(run):
                # The longest start of the rest that is one number: "sextio sjuttio åttio"
                # (the 60s, 70s and 80s) is three numbers, "tjugo tjugofyra" one year.
                window = run[at : at + _LONGEST_SPOKEN_NUMBER]
                words, value = _longest_number([parts for _tok, parts in window])
                if value is None:
                    at += 1
                    continue
                number = window[:words]
                at += words
                after = run[at][0] if at < len(run) else (toks[k] if k < len(toks) else None)
                before = toks[start + at - words - 1] if start + at - words > 0 else None
                self._spoken_number_flag(item, number, value, (before, after), add)

    def _spoken_number_flag(
        self,
        item: _Cue,
        number: list[tuple[Token, tuple[str, ...]]],
        value: int,
        around: tuple[Token | None, Token | None],
        add: _Add,
    ) -> None:
        """Flag number words as digits when Swedish writes them so; ``around`` holds the words
        before and after them."""
        morphemes = [m for _tok, parts in number for m in parts]
        prev, nxt = (t.text.lower() if t is not None else "" for t in around)
        # Several words ("två tusen tjugo fyra", "två hundra"), a built word ("tjugofyra"),
        # a word for 13–99 ("fyllt tjugo", "femtio datorer"), or "hundra" or "tusen" before a
        # unit ("hundra procent") or counting a plural noun ("hundra personer", but not
        # "tusen tack" or "några hundra personer"): speech recognition spelled out what
        # captions write as digits.
        alone = morphemes[0] if len(morphemes) == 1 else ""
        if not (
            value > 12
            and (
                not alone
                or (alone not in _SPOKEN_SCALES and not _number_idiom(prev, alone, nxt))
                or (nxt in _UNIT_OR_DATE and alone not in _LARGE_SCALES)
                or (
                    alone in ("hundra", "tusen")
                    and prev not in _VAGUE_QUANTITIES
                    and nxt != "gånger"  # "tusen gånger" says "very often"
                    and self._plural_noun(nxt)
                )
            )
        ):
            return
        first, last = number[0][0], number[-1][0]
        text = item.plain.text
        found = text[first.pstart : last.pend]
        digits = _group_thousands(value)
        if morphemes[-1] in _LARGE_SCALES and len(number) > 1:
            # "två miljoner" is written "2 miljoner", not with twelve digits.
            head = _spoken_value(morphemes[:-1]) or int(morphemes[:-1] in (["en"], ["ett"]))
            if head:
                digits = f"{_group_thousands(head)} {last.text}"
        add(
            RULE_NUMBERS,
            Severity.WARN,
            _("“{found}”: numbers above twelve are written as digits (“{digits}”).").format(
                found=found, digits=digits
            ),
            (first.start, last.end),
            digits,
        )

    def _plural_noun(self, word: str) -> bool:
        """Return True for a noun in its indefinite plural ("personer", "gånger")."""
        if self.speller is None or not word.isalpha() or word.endswith(("na", "nas")):
            return False
        return any(
            flag is not None and flag.group(1) in "GHIJ"
            for flag in map(_FLAG_RE.search, self.speller.analyze(word))
        )

    @staticmethod
    def _small_number_as_digits(text: str, match: re.Match[str]) -> bool:
        digits = match.group(1)
        if (
            not digits.isdigit()
            or len(digits) > 2
            or not 2 <= int(digits) <= 12
            or digits.startswith("0")
        ):
            return False
        # Only the words next to the number are read: the whole text before and after it,
        # once per number, was quadratic in a cue full of numbers.
        prev = _word_before(text, match.start()).lower()
        after = _WORD.search(text, match.end())
        following = after.group(0) if after else ""
        nxt = following.lower()
        gap_after = text[match.end() : match.end() + 2]
        if prev in _BEFORE_DIGITS or nxt in _UNIT_OR_DATE or nxt.isdigit() or not nxt:
            return False
        if nxt in _LARGE_SCALES:
            return False  # "3 miljoner kronor" is how Swedish writes it
        if text[: match.start()].rstrip().endswith("§"):
            return False  # "§ 3": a reference
        # Only a count before a lower-case noun ("3 mål"): before a capital the digit numbers
        # a list item or a heading ("2 Redigera källpost", "2 DATE"), and "studio 2 på SVT"
        # is a name.
        if not following.isalpha() or not following.islower() or nxt in _SV_FUNCTION_WORDS:
            return False
        # Ranges, times, lists of numbers: "3-4", "3–5", "3 och 4 %" keep digits.
        return not re.match(r"\s?[-–/:x×]", gap_after) and not prev.isdigit()

    # -- SPELL-01 -----------------------------------------------------------------------------

    def _spelling_flags(self, item: _Cue, add: _Add, covered: _Covered) -> None:
        if self.speller is None:
            return
        # The cue's links, found when a word needs them (most words are known before).
        links: list[tuple[int, int]] | None = None
        fillers = _FILLERS.get(self.language, frozenset())
        foreign = _lang_spans(item.cue.text, self.language)
        for at, tok in enumerate(item.tokens):
            word = tok.text
            if len(word) < 2 or tok.is_number or word.lower() in fillers:
                continue
            speller: Speller | None = self.speller
            other = None
            if foreign:
                other = next((code for a, b, code in foreign if a <= tok.start < b), None)
            if other is not None:
                # Words marked <lang en>…</lang> are checked in their own language, or not
                # at all when that dictionary is missing.
                speller = _speller_or_none(other)
            if speller is None:
                continue
            if other is None and self._known_anywhere(word):
                continue
            if covered.overlaps((tok.start, tok.end)):
                continue
            if links is None:
                links = [m.span() for m in _LINK_RE.finditer(item.plain.text)]
            if any(a <= tok.pstart < b for a, b in links):
                continue
            if word in self.file_words:
                continue
            after = item.plain.text[tok.pend : tok.pend + 1]
            dash_after = after != "" and after in _SUSPENSION_DASHES
            joined = None if dash_after else self._suspended_without_hyphen(item, at, speller)
            if joined is not None:
                add(
                    RULE_SPELLING,
                    Severity.WARN,
                    _(
                        "“{word}” is the first part of a compound (“{joined}”): "
                        "write it with a hyphen, “{word}-”."
                    ).format(word=word, joined=joined),
                    (tok.start, tok.end),
                    word + "-",
                    0.8,
                )
                continue
            capital = self._capitalised(word, speller)
            if capital is not None and not dash_after:
                add(
                    RULE_PROPER,
                    Severity.WARN,
                    _("“{word}” is a name: write it with a capital, “{name}”.").format(
                        word=word, name=capital
                    ),
                    (tok.start, tok.end),
                    capital,
                    0.9,
                )
                continue
            if self.glossary is not None and self.glossary.knows_word(word):
                continue
            if word in self.file_words or word.lower() in self.file_words:
                continue
            if speller.check(word) or _CAMEL_CASE.fullmatch(word):
                continue  # "LifeLines", "PowerPoint": a product's name
            # Like a word processor's spelling check, words in capitals ("LLDATABASES", a
            # heading) and words with digits ("I25", "mp3") are codes, not prose.
            if word.isupper() or any(c.isdigit() for c in word):
                continue
            if self._hyphenated_known(word + "-" if dash_after else word, speller):
                continue
            # A capital inside a sentence makes the word a name ("Tvärbäckström"): common
            # words are no evidence for a name's spelling, so only the sentence's first word
            # may be capitalised, or the cue's: a cue starts a sentence as often as not, and
            # reading the cue before would make each cue's flags depend on its neighbour.
            if (
                speller is self.speller
                and (word[:1].islower() or at == 0 or _starts_sentence(item, tok.start))
                and self._closed_compound(word)
            ):
                continue
            if other is None and self._english_term(word, item, tok):
                continue
            if other is None and (self._name_in_use(item, tok) or self._name_after_name(item, at)):
                continue
            if other is None and self._inflected_loan(word):
                continue
            if item.plain.text[tok.pend : tok.pend + 1] == "." and speller.check(word + "."):
                continue
            dotted = _abbreviation(item, at, speller)
            if dotted == "":
                continue
            if dotted is not None:
                add(
                    RULE_SPELLING,
                    Severity.WARN,
                    _("“{word}” is an abbreviation written as one word: write “{dotted}”.").format(
                        word=word, dotted=dotted
                    ),
                    (tok.start, tok.end),
                    dotted,
                    0.8,
                )
                continue
            if other is None and self._code_word(word):
                continue
            suggestion = None
            if self.suggestions:
                options = speller.suggest(word)
                suggestion = options[0] if options else None
            hint = " " + _("Did you mean “{word}”?").format(word=suggestion) if suggestion else ""
            add(
                RULE_SPELLING,
                Severity.WARN,
                _("“{word}” is not in the dictionary.{hint}").format(word=word, hint=hint),
                (tok.start, tok.end),
                suggestion,
            )


@dataclass(frozen=True, slots=True)
class _Line:
    """The flags of one cue text (spans into the visible text) and its first and last word."""

    flags: list[_Flag]
    first: Token | None
    last: Token | None


@dataclass(frozen=True, slots=True)
class _Text:
    """What the rules find in one cue text on its own, ready to be given to every cue with the
    same text: its visible text, its line, the flags with raw spans in finding order, the
    line breaks before each flag, and its first and last word in lower case (a cue that starts
    with the word the previous one ended with may repeat it: see _edge_repeat())."""

    plain: PlainText
    line: _Line
    flags: list[_Flag]
    breaks: list[int]
    first_word: str | None
    last_word: str | None


# A karaoke timestamp (YouTube writes one before every word). Cues whose texts differ only
# in the digits of these share their flags: the digits are inside a tag (tag_spans() reads
# only '<', '>' and line breaks), so they change neither the visible text nor any offset.
_TIMING_TAG = re.compile(r"<[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}>")
_TIMING_MASK = "<00:00:00.000>"
_TIMING_MASK_BYTES = _TIMING_MASK.encode()
_ZERO_DIGITS = bytes.maketrans(b"0123456789", b"0000000000")


def _timing_masked(raw: str) -> str | bytes:
    """Return a key equal for two texts exactly when their texts with every karaoke timestamp
    masked (``_TIMING_TAG`` replaced by ``_TIMING_MASK``) are equal.

    The usual karaoke text has digits only in its timestamps: then its UTF-8 bytes with every
    digit turned to 0 are that masked text (three times quicker than the pattern, in C: UTF-8
    writes no other character with a byte of an ASCII digit). Every "<00:00:00.000>" in them
    was a timestamp (two cannot overlap), and when those hold all the zeros, no digit was
    outside one. Any other text is masked by the pattern, a str key that equals no bytes key.
    """
    zeroed = raw.encode("utf-8", "surrogatepass").translate(_ZERO_DIGITS)
    if zeroed.count(b"0") == 9 * zeroed.count(_TIMING_MASK_BYTES):
        return zeroed
    return _TIMING_TAG.sub(_TIMING_MASK, raw)


def _flag_order(flag: _Flag) -> tuple[tuple[int, int], str]:
    """Return the key findings of one cue are sorted by (as in FlagChecker._findings)."""
    return flag[3], flag[0]


def _ends(tokens: list[Token]) -> tuple[Token | None, Token | None]:
    return (tokens[0], tokens[-1]) if tokens else (None, None)


def _edge_repeat(
    item: _Cue, first: Token | None, previous_text: str, last: Token | None
) -> _Flag | None:
    """Return the flag of a cue that starts with the word the previous cue ended with.

    Only the visible-text offsets of ``first`` and ``last`` are read: the raw ones may be
    those of another cue with the same visible text.
    """
    if first is None or last is None:
        return None
    word = first.text.lower()
    trailing = previous_text[last.pend :].strip()
    if (
        last.text.lower() != word
        or first.is_number
        or word in _ALLOWED_DOUBLES
        or _SENTENCE_END.search(trailing)
        or item.plain.text[: first.pstart].strip()
    ):
        return None
    start, end = item.plain.raw_span(first.pstart, first.pend)
    here = Token(first.text, start, end, first.pstart, first.pend, first.is_number)
    message = _("“{text}” repeats the last word of the previous cue: remove it?").format(
        text=first.text
    )
    return (RULE_FILLER, Severity.INFO, message, _removal_span(item, here), "", None)


def _to_plain(plain: PlainText, flags: list[_Flag]) -> list[_Flag]:
    """Return ``flags`` with spans into the visible text of the cue.

    A span is narrowed to the visible characters it covers, so that markup at its edges (a
    word's timestamp tag) is kept when the flagged text is replaced.
    """
    moved: list[_Flag] = []
    for rule, severity, message, (start, end), suggestion, confidence in flags:
        pstart = plain.plain_start(start)
        pend = max(pstart, plain.plain_end(end))
        moved.append((rule, severity, message, (pstart, pend), suggestion, confidence))
    return moved


def _to_raw(plain: PlainText, flags: list[_Flag]) -> list[_Flag]:
    """Return ``flags`` (spans into the visible text) with spans into the cue's raw text."""
    return [
        (rule, severity, message, plain.raw_span(*span), suggestion, confidence)
        for rule, severity, message, span, suggestion, confidence in flags
    ]


# How sure each rule is when it cannot weigh its own evidence, for "most certain first": a
# filler or a number written English style is almost always to fix, a word Hunspell lacks
# often a name, a homophone only worth a look.
_RULE_CONFIDENCE: dict[tuple[str, Severity], float] = {
    (RULE_FILLER, Severity.INFO): 0.8,
    (RULE_NUMBERS, Severity.WARN): 0.85,
    (RULE_NUMBERS, Severity.INFO): 0.5,
    (RULE_SPELLING, Severity.WARN): 0.6,
    (RULE_HOMOPHONE, Severity.INFO): 0.3,
}
# A glossary near miss by how it was found.
_GLOSSARY_CONFIDENCE = {
    "correction": 0.95,
    "case": 0.9,
    "split": 0.85,
    "spelling": 0.7,
    "sound": 0.55,
}

# What joins suspended compound parts to the compound that ends them ("hjärt- och kärl…").
_SUSPENSION_JOINS = _words("och eller samt respektive")
# A hyphen, the hyphen character, or an en dash typed for one ("hjärt– och kärlsjukdomar").
_SUSPENSION_DASHES = "-‐–"
# Between suspended parts as speech recognition writes them: spaces, maybe a comma.
_PART_GAP = re.compile(r"\s*,?\s+")
# What may separate the words of a split compound: spaces or a line break, nothing else.
_SPACES = re.compile(r"[ \t\n]+")
# Stands for a window of words not yet weighed as a compound (None: weighed, not one).
_UNSEEN = ("", 0.0)
_CAMEL_CASE = re.compile(r"[A-ZÅÄÖ]?[a-zåäöéü]+(?:[A-ZÅÄÖ][a-zåäöéü]+)+")
_SENTENCE_BREAK = re.compile(r"[.!?…]+\s+|\n\s*[-–]")

_Add = Callable[..., None]
# A finding of one cue text: rule, severity, message, span, suggestion, confidence.
_Flag = tuple[str, Severity, str, tuple[int, int], str | None, float | None]
_LANG_TAG = re.compile(r"<lang\s+([A-Za-z]{2,3})(?:[-_][^>]*)?>|</lang>")


def _lang_spans(raw: str, language: str) -> list[tuple[int, int, str]]:
    """Return the raw spans of ``<lang xx>`` markup in another language than ``language``."""
    if "<lang" not in raw:
        return []
    spans = []
    stack: list[tuple[int, str]] = []
    for match in _LANG_TAG.finditer(raw):
        if match.group(1):
            stack.append((match.end(), match.group(1).lower()))
        elif stack:
            start, code = stack.pop()
            if code != language:
                spans.append((start, match.start(), code))
    spans.extend((start, len(raw), code) for start, code in stack if code != language)
    # Innermost first, so a word takes the language of the closest tag.
    return sorted(spans, key=lambda s: s[1] - s[0])


def _abbreviation(item: _Cue, at: int, speller: Speller) -> str | None:
    """Return how the dictionary writes the abbreviation that word ``at`` is, or part of:
    "" when it is written in an accepted way, the dotted form when not, None when the word is
    no abbreviation the dictionary has ("t.ex.", "dvs.", "m.fl." are among its words).

    Swedish writes an abbreviation with periods ("t.ex.") or with spaces for them ("t ex",
    "m fl", Svenska skrivregler); one of several words that the dictionary also has run
    together ("d.v.s." and "dvs.", "o.s.v." and "osv.") may go without any period ("dvs",
    "osv"), but not one of a single word ("ill." for illustration: "ill" is a typo of "till").
    Parts run together lose where a word ends ("tex", "sk", "mfl"): those get the periods.
    """
    word = item.tokens[at].text
    if not (word.isalpha() and len(word) <= _LONGEST_ABBREVIATION):
        return None
    dotted_forms = (
        ".".join(word[a:b] for a, b in pairwise((0, *cuts, len(word)))) + "."
        for cuts in _part_cuts(len(word))
    )
    dotted = next((form for form in dotted_forms if speller.check(form)), None)
    if dotted is not None and speller.check(word + "."):
        return ""  # "dvs", "osv"
    tokens, text = item.tokens, item.plain.text
    for first in range(max(0, at - _ABBREVIATION_PARTS + 1), at + 1):
        for last in range(max(at, first + 1), min(first + _ABBREVIATION_PARTS, len(tokens))):
            run = tokens[first : last + 1]
            if (
                all(t.text.isalpha() for t in run)
                and all(text[a.pend : b.pstart] == " " for a, b in pairwise(run))
                and speller.check(".".join(t.text for t in run) + ".")
            ):
                return ""  # "bl a", "m fl", "s k"
    return dotted


def _part_cuts(length: int) -> Iterator[tuple[int, ...]]:
    """Yield the places to cut a word of ``length`` letters into two or three parts."""
    for one in range(1, length):
        yield (one,)
        for two in range(one + 1, length):
            yield (one, two)


# Languages whose dictionary could not be loaded: asked again per word (English is asked of
# every word no dictionary has), the load would be tried, and fail, each time.
_missing_spellers: set[str] = set()


def _unpronounceable(lower: str) -> bool:
    """Return True for a word with no vowel, or whose consonants before the first vowel do not
    rise in sonority towards it, or those after the last vowel do not fall from it (see
    _SONORITY). An "h" after a consonant spells one sound with it ("ch", "th", "sch"); an "s"
    may stand before any consonant ("sk", "sv", "str"); "s" and "t" may follow any ending
    ("hemskt", "tjänst"), and "m" or "n" after an "s" is a syllable ("prism")."""
    onset = ""
    for char in lower:
        if char not in _SONORITY:
            break
        onset += char
    else:
        return True
    coda = lower[len(lower.rstrip("".join(_SONORITY))) :]
    onset = onset[:1] + onset[1:].replace("h", "")
    if onset.startswith("s"):
        onset = onset[1:]
    coda = coda[:1] + coda[1:].replace("h", "")
    coda = coda.rstrip("st")
    if coda.endswith(("sm", "sn")):
        coda = coda[:-2]
    rising = [_SONORITY[char] for char in onset]
    falling = [_SONORITY[char] for char in coda]
    return any(after <= before for before, after in pairwise(rising)) or any(
        after > before for before, after in pairwise(falling)
    )


def _speller_or_none(code: str) -> Speller | None:
    if code in _missing_spellers:
        return None
    try:
        return default_speller(code)
    except SpellerUnavailable:
        _missing_spellers.add(code)
        return None


def _char_before(text: str, pos: int) -> str:
    """Return the last non-whitespace character before ``pos`` ("" when there is none)."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _char_after(text: str, pos: int) -> str:
    """Return the first non-whitespace character from ``pos`` on ("" when there is none)."""
    i = pos
    while i < len(text) and text[i].isspace():
        i += 1
    return text[i] if i < len(text) else ""


class _Covered:
    """The text spans already flagged in a cue, kept as sorted disjoint runs.

    A new flag is asked whether it overlaps an earlier one for every word of a cue; with runs
    and bisection that costs O(log n), so a one-cue transcript of 20,000 words stays fast.
    """

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, span: tuple[int, int]) -> None:
        """Record ``span``, merging it with the runs it overlaps."""
        start, end = span
        i = bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            i -= 1
            start, end = self.starts[i], max(end, self.ends[i])
            del self.starts[i], self.ends[i]
        while i < len(self.starts) and self.starts[i] < end:
            end = max(end, self.ends[i])
            del self.starts[i], self.ends[i]
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def overlaps(self, span: tuple[int, int]) -> bool:
        """Return True when ``span`` overlaps a recorded span."""
        # The runs are disjoint, so the last one starting before span's end ends furthest.
        i = bisect_left(self.starts, span[1]) - 1
        return i >= 0 and self.ends[i] > span[0]


def _removal_span(item: _Cue, tok: Token) -> tuple[int, int]:
    """Return the raw span to delete with a word: the word and the commas/spaces around it.

    Before another word the separators after it go ("Eh, det" -> "det"); before punctuation or
    at the end the ones before it go ("Bra, eh." -> "Bra.").
    """
    raw = item.cue.text
    end = tok.end
    while end < len(raw) and raw[end] in ", ":
        end += 1
    if end > tok.end and end < len(raw) and raw[end] not in "\n.!?;:":
        return tok.start, end
    start = tok.start
    while start > 0 and raw[start - 1] in ", ":
        start -= 1
    if 0 < start < tok.start and raw[start - 1] != "\n":
        return start, tok.end
    return tok.start, end


@lru_cache(maxsize=65536)
def _part_word(word: str) -> bool:
    """Return True for a word that may be part of a split compound (asked for every pair of
    words, hence remembered)."""
    return (
        len(word) >= 2
        and word.isalpha()
        and word.lower() not in _SV_FUNCTION_WORDS
        and _spoken_morphemes(word.lower()) is None
        and not is_acronym(word)
    )


def _verb_stem(reading: str, lower: str) -> bool:
    """Return True for a Hunspell-sv reading of ``lower`` as the stem of a verb in -a, as the
    J flag makes it ("skriv" of "skriva", "stäng" of "stänga", "kom" of "komma")."""
    stem = _STEM_RE.search(reading)
    verb = stem.group(1) if stem else ""
    return verb.endswith("a") and (
        lower == verb[:-1] or (verb.endswith(("mma", "nna")) and lower == verb[:-2])
    )


def _indefinite_singular(reading: str, lower: str) -> bool:
    """Return True unless a Hunspell-sv reading of ``lower`` makes it a plural or definite noun
    form (its last affix flag one of the nouns' but for the present participles in -nde,
    "lidande"; "lärare", of "lära", fl:T, is a base form)."""
    flags = _FLAG_RE.findall(reading)
    return not flags or flags[-1] not in _NOUN_FLAGS or lower.endswith("nde")


def _definite_singulars(lower: str) -> Iterator[str]:
    """Yield the forms a definite singular of the Swedish noun ``lower`` may have (sv_SE.aff's
    noun suffixes), the commonest first; most are no word."""
    if lower[-1:] in _VOWELS:
        yield from (lower + "n", lower + "t", lower + "et")  # "serien", "bedrägeriet"
    elif lower.endswith(("el", "er", "en")):
        # "cykeln", and the e dropped before an ending: "numret" (nummer), "tecknet".
        short = lower[:-3] if lower[-4:-2] == "mm" else lower[:-2]
        short += lower[-1]
        yield from (lower + "en", lower + "et", lower + "n", short + "et", short + "en")
    elif lower[-1:] in "mn":
        yield from (lower + "en", lower + "et", lower + lower[-1] + "et", lower + lower[-1] + "en")
    else:
        yield from (lower + "en", lower + "et")


def _noun_forms(lower: str) -> Iterator[str]:
    """Yield the definite and plural forms the Swedish noun ``lower`` may have."""
    yield from _definite_singulars(lower)
    if lower[-1:] in _VOWELS:
        yield from (lower + "r", lower + "er", lower[:-1] + "or", lower[:-1] + "ar")
        return
    yield from (lower + "ar", lower + "er")
    if lower.endswith(("el", "er", "en")):
        yield (lower[:-3] if lower[-4:-2] == "mm" else lower[:-2]) + lower[-1] + "ar"  # "cyklar"
    if lower.endswith("r"):
        yield lower + "na"  # a plural the dictionary lists apart: "böcker", "böckerna"


@lru_cache(maxsize=65536)
def _spoken_morphemes(word: str) -> tuple[str, ...] | None:
    """Split a spelled-out number word ("tjugofyra") into its parts, or None."""
    parts: list[str] = []
    rest = word
    while rest:
        for piece in _SPOKEN_BY_LENGTH:
            if rest.startswith(piece):
                parts.append(piece)
                rest = rest[len(piece) :]
                break
        else:
            return None
    return tuple(parts)


def _spoken_value(morphemes: list[str]) -> int | None:
    """Return the value of Swedish number words, or None when they do not form one number.

    "två tusen tjugo fyra" is 2024; "tre fyra" ("three or four") and a lone article are not.
    """
    values = list(_spoken_prefixes(morphemes))
    return values[-1] if morphemes and len(values) == len(morphemes) else None


# Words that count what a measure noun measures: "ett par skor", "en stor mängd data".
_COUNTS = _words("en ett några flera många få alla hela halva halv")


def _only_capitalised(speller: Speller | None, word: str) -> bool:
    """Return True for a word ``speller`` has only capitalised ("Debian", "Jim")."""
    return speller is not None and speller.check(word) and not speller.check(word.lower())


@lru_cache(maxsize=65536)
def _lower_part(word: str) -> bool:
    """Return True for a lower-case word that may be part of a split compound: what a joined
    word (FlagChecker._joined_compound) and an attributive one ask of every word after the
    first, and _split_compound_flags of a window before it tries them."""
    return word.islower() and _part_word(word)


def _agreement_tail(word: str) -> bool:
    """Return True for a word that may end a compound of agreement: what
    FlagChecker._agreement_compound asks of its last word first, and _split_compound_flags
    of a window before it tries it."""
    return word.islower() and word.isalpha() and word not in _SV_FUNCTION_WORDS


def _counted(tokens: list[Token], at: int) -> bool:
    """Return True when a count is among the two words before ``tokens[at]`` ("tre liter",
    "ett stort glas"), or nothing is before it in the cue (the count may be in the last)."""
    before = tokens[max(0, at - 2) : at]
    return not before or any(
        t.is_number or t.text.lower() in _COUNTS or _spoken_morphemes(t.text.lower())
        for t in before
    )


def _number_idiom(before: str, word: str, after: str) -> bool:
    """Return True for a number word that is no number: the mild oath "sjutton också", "för
    sjutton"."""
    return word == "sjutton" and (after == "också" or before == "för")


def _spoken_prefixes(morphemes: Iterable[str]) -> Iterator[int | None]:
    """Yield the value of the number words read so far after each one (None while they are
    only "en" or "ett"), stopping before the first one that does not continue the number."""
    total = 0
    current = 0
    last = ""  # "unit", "ten", "hundred" or "scale": what the previous word was
    counted = False  # a word other than "en"/"ett" was read
    for m in morphemes:
        if m in _SPOKEN_UNITS:
            if last == "unit" or (last == "ten" and _SPOKEN_UNITS[m] > 9):
                return
            current += _SPOKEN_UNITS[m]
            last = "unit"
        elif m in _SPOKEN_TENS:
            if last in ("unit", "ten"):
                return
            current += _SPOKEN_TENS[m]
            last = "ten"
        elif m == "hundra":
            if last == "hundred" or current >= 100:
                return
            current = (current or 1) * 100
            last = "hundred"
        else:
            total += (current or 1) * _SPOKEN_SCALES[m]
            current = 0
            last = "scale"
        counted = counted or m not in ("en", "ett")
        yield total + current if counted else None


def _longest_number(run: list[tuple[str, ...]]) -> tuple[int, int | None]:
    """Return how many of the words at the start of ``run`` (each given as its parts) form
    one number, and its value: "sextio sjuttio" is 60 and then another number, "tjugo
    tjugofyra" the year 2024. (0, None) when the first word is no number alone."""
    ends = list(itertools.accumulate(len(parts) for parts in run))
    values = list(_spoken_prefixes(m for parts in run for m in parts))
    words, value = 0, None
    for n, end in enumerate(ends, 1):
        if end > len(values):
            break
        if values[end - 1] is not None:
            words, value = n, values[end - 1]
    # A year is said in at most four words ("nitton hundra åttio fyra"), read as two numbers
    # of which the first is 11–20.
    century = values[ends[0] - 1] if len(values) >= ends[0] else None
    if century is None or not 11 <= century <= 20:
        return words, value
    for n in range(min(len(run), _LONGEST_SPOKEN_YEAR), words, -1):
        year = _spoken_year([m for parts in run[:n] for m in parts])
        if year is not None:
            return n, year
    return words, value


# Endings a Swedish name or term takes: genitive, definite, definite genitive.
_TERM_ENDINGS = ("s", "en", "et", "n", "t", "ens", "ets", "ns", "ts")


def _inflected(term: str, found: str) -> str:
    """Return ``term`` with the ending ``found`` gives it ("Tillväxtverket" as found in
    "tillväxt verkets" → "Tillväxtverkets"; "Region Örebro län" → "Region Örebro läns")."""
    term_letters = letters_only(term).lower()
    found_letters = letters_only(found).lower()
    for ending in sorted(_TERM_ENDINGS, key=len, reverse=True):
        if found_letters == term_letters + ending and not term.endswith(ending):
            return term + ending
    return term


def _spoken_year(morphemes: list[str]) -> int | None:
    """Return a year said as two numbers ("tjugo tjugofyra" 2024, "nitton nittio" 1990)."""
    for cut in range(1, len(morphemes)):
        century = _spoken_value(morphemes[:cut])
        rest = _spoken_value(morphemes[cut:])
        if century is not None and 11 <= century <= 20 and rest is not None and 10 <= rest <= 99:
            return century * 100 + rest
    return None


def _group_thousands(value: int) -> str:
    """Return digits grouped by (no-break) spaces from 10 000 up, as Swedish writes them."""
    digits = str(value)
    if value < 10000:
        return digits
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return _NBSP.join(groups)


def _section_number(text: str, match: re.Match[str]) -> bool:
    """Return True for a dotted number that names a section or version, not a decimal.

    "version 3.0", "avsnitt 7.1", and a heading number closed by a full stop that opens a
    sentence or follows a heading in capitals ("… i Jack. 2.1.", "LICENSE 7.3.").
    """
    prev = _word_before(text, match.start())
    if prev.lower() in _BEFORE_DIGITS:
        return True
    if text[match.end() : match.end() + 1] != ".":
        return False
    before = text[: match.start()].rstrip()
    return not before or before[-1] in ".!?…:" or (prev.isalpha() and prev.isupper())


def _swedish_number(digits: str) -> tuple[str, str]:
    """Return (Swedish form, what was wrong) of a number written with . or , separators."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits) or re.fullmatch(
        r"\d{1,3}(?:\.\d{3}){2,}", digits
    ):
        groups = re.split(r"[.,]", digits)
        return _NBSP.join(groups), _("thousands are grouped with a space")
    if re.fullmatch(r"\d+\.\d+", digits):
        whole, frac = digits.split(".")
        # "10.30" is a time in Swedish writing; leave it alone.
        if len(frac) == 2 and len(whole) <= 2 and int(whole) <= 23 and int(frac) <= 59:
            return digits, ""
        return f"{whole},{frac}", _("a decimal point instead of a decimal comma")
    return digits, ""


def find_flags(
    cues: Sequence[Cue],
    *,
    language: str | None,
    glossary: Glossary | None,
    speller: Speller | None = None,
    suggestions: bool = True,
    file_words: Iterable[str] = (),
) -> list[Finding]:
    """Return the ASR word findings of all cues, in cue and text order.

    With ``speller=None`` the system dictionary of ``language`` is used; if it is not installed
    a single ``SPELL-00`` finding says which package to install and the other rules still run.
    ``suggestions=False`` skips Hunspell's (slow) suggestions for misspelled words.
    """
    checker = FlagChecker(
        language=language,
        glossary=glossary,
        speller=speller,
        suggestions=suggestions,
        file_words=file_words,
    )
    return checker.check(cues)


def _position(finding: Finding) -> tuple[int, int]:
    index = finding.cue_index if finding.cue_index is not None else -1
    return index, finding.span[0] if finding.span else -1


def next_suspicious(
    findings: Sequence[Finding],
    after: tuple[int, int] | None = None,
    *,
    by_confidence: bool = False,
) -> Finding | None:
    """Return the first finding after ``(cue_index, offset)``, wrapping to the first one.

    With ``by_confidence`` the findings are visited most certain first (ties in reading
    order): the one after the finding at ``after`` in that order, or the most certain one
    when no finding starts there.
    """
    located = sorted((f for f in findings if f.cue_index is not None), key=_position)
    if not located:
        return None
    if by_confidence:
        ranked = sorted(located, key=lambda f: -(f.confidence or 0.0))  # stable: reading order
        if after is not None:
            for rank, finding in enumerate(ranked):
                if _position(finding) == after:
                    return ranked[(rank + 1) % len(ranked)]
        return ranked[0]
    if after is None:
        return located[0]
    for finding in located:
        if _position(finding) > after:
            return finding
    return located[0]
