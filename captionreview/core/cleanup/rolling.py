"""Clean-up of auto-caption *form*: roll-up duplicates, bridge cues, karaoke tags, blank lines.

Auto-captions (YouTube ASR and other roll-up or word-timed tracks) show each line two or three
times: a rolling cue repeats the previous line above the new one, a 10 ms "bridge" cue repeats
it again, and the new words carry karaoke timestamps (QUALITY_RULES ASR-01…06). Clean-up
recovers the spoken word stream exactly once, with word times, and re-segments it into readable
cues (:mod:`captionreview.core.cleanup.segment`). Nothing here edits a document: the caller previews
the :class:`CleanResult` and applies ``result.cues`` as one undo step.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from captionreview.core.cleanup.segment import segment_words
from captionreview.core.cleanup.wordtimes import (
    VOICE_TAG_RE,
    Token,
    Word,
    assign_times,
    cue_tokens,
    estimate_speech_ms,
    has_word_timings,
)
from captionreview.core.i18n import N_, _, ngettext
from captionreview.core.model import Cue
from captionreview.core.profiles import DEFAULT_PROFILE, Profile
from captionreview.core.readingspeed import ReadingSpeed, reading_speed, speed_severity
from captionreview.core.vtt.cuetext import plain_lines, plain_text, tag_spans

if TYPE_CHECKING:
    from captionreview.core.audio import AudioAnalysis
    from captionreview.core.document import Document
    from captionreview.core.words.glossary import Glossary

# QUALITY_RULES ASR-02: a cue this short that repeats text is a "bridge" cue.
BRIDGE_MAX_MS = 50
# Roll-up cues follow each other closely; a line shown again after a longer gap is spoken again.
ROLL_GAP_MS = 1000
# Header lines YouTube and older tools write after WEBVTT (QUALITY_RULES VTT-HDR-02, ASR-04).
# YouTube's header lines that clean-up drops; "Language:" stays (legal, and it names the track).
AUTO_HEADER_KEYS = ("Kind", "Style")
UNDO_DESCRIPTION = N_("Clean up auto-captions")


@dataclass(frozen=True, slots=True)
class Readability:
    """Readability figures of a cue list, counted as QUALITY_RULES "Counting conventions"."""

    cues: int
    lines: int
    mean_chars_per_line: float
    max_chars_per_line: int
    lines_over_limit: int
    mean_cps: float
    median_cps: float
    cues_over_cps: int
    mean_duration_ms: float
    cues_too_short: int
    cues_too_long: int
    overlaps: int

    def as_dict(self) -> dict[str, float | int]:
        """Return the figures as a plain dict (for JSON output and tables)."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Removed:
    """What clean-up took out of the track."""

    rolling_lines: int = 0
    bridge_cues: int = 0
    repeated_cues: int = 0
    empty_cues: int = 0
    tags: int = 0
    blank_lines: int = 0
    header_lines: int = 0

    def as_dict(self) -> dict[str, int]:
        """Return the counts as a plain dict."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class AutoCaptionSigns:
    """The evidence that a track is auto-captions, and the verdict."""

    content_cues: int
    word_timed_cues: int
    rolling_cues: int
    bridge_cues: int
    auto_header: bool

    @property
    def is_auto(self) -> bool:
        """True for word-timed tracks, roll-up tracks (≥ 3 cues and ≥ 30 % rolling), and short
        tracks with YouTube's header that show both signs."""
        if self.word_timed_cues >= 3 and self.word_timed_cues * 5 >= self.content_cues:
            return True
        if self.auto_header and self.word_timed_cues and self.rolling_cues:
            return True
        return self.rolling_cues >= 3 and self.rolling_cues * 10 >= self.content_cues * 3

    def summary(self) -> str:
        """Return a one-sentence description of the evidence for the user."""
        parts = []
        if self.rolling_cues:
            parts.append(
                ngettext(
                    "{n} cue repeats the previous line",
                    "{n} cues repeat the previous line",
                    self.rolling_cues,
                ).format(n=self.rolling_cues)
            )
        if self.bridge_cues:
            parts.append(
                ngettext(
                    "{n} cue is a {ms} ms bridge cue",
                    "{n} cues are {ms} ms bridge cues",
                    self.bridge_cues,
                ).format(n=self.bridge_cues, ms=BRIDGE_MAX_MS)
            )
        if self.word_timed_cues:
            parts.append(
                ngettext(
                    "{n} cue carries word timings",
                    "{n} cues carry word timings",
                    self.word_timed_cues,
                ).format(n=self.word_timed_cues)
            )
        if not parts:
            return _("no roll-up or word timings found")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The outcome of :func:`clean_auto_captions`.

    ``lines`` are the distinct spoken lines in order (the track with its repeats removed),
    ``words`` the spoken words with their times, ``cues`` the re-segmented cues.
    """

    cues: list[Cue]
    lines: list[str]
    words: list[Word]
    before: Readability
    after: Readability
    removed: Removed
    signs: AutoCaptionSigns


@dataclass(slots=True)
class _Scan:
    """Running state of the de-duplication pass."""

    lines: list[str] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    rolling_lines: int = 0
    rolling_cues: int = 0
    bridge_cues: int = 0
    repeated_cues: int = 0
    empty_cues: int = 0
    blank_lines: int = 0
    tags: int = 0
    word_timed_cues: int = 0
    content_cues: int = 0


def _normalise(raw_line: str) -> str:
    """Return a line's visible text with whitespace collapsed (how a repeat is recognised)."""
    return " ".join(plain_text(raw_line).split())


def _carried_words(previous: Sequence[str], carried_region: Sequence[str]) -> tuple[int, int]:
    """Return (lines, words) of ``previous`` that the current cue repeats at its start.

    The repeat must be whole trailing lines of the previous cue; in the current cue it may end
    inside a line (a growing paint-on line). The longest such repeat wins.
    """
    for count in range(len(previous), 0, -1):
        repeated = " ".join(previous[-count:]).split()
        if list(carried_region[: len(repeated)]) == repeated:
            return count, len(repeated)
    return 0, 0


_Line = tuple[str, list[Token]]  # (visible text, tokens) of one non-blank line of a cue


def _read_lines(cue: Cue, scan: _Scan) -> tuple[list[_Line], int | None]:
    """Return the cue's non-blank lines and the index of the first one with word timings.

    Counts the tags and the whitespace-only lines that clean-up removes.
    """
    # Voice tags are not ASR clutter: the new cues keep the speaker.
    scan.tags += sum(1 for _ in tag_spans(cue.text)) - len(VOICE_TAG_RE.findall(cue.text))
    kept: list[_Line] = []
    first_timed: int | None = None
    raw_lines = cue.text.split("\n")
    for raw, tokens in zip(raw_lines, cue_tokens(cue.text, cue.start_ms), strict=True):
        normal = _normalise(raw)
        if not normal:
            scan.blank_lines += raw != ""
            continue
        if first_timed is None and has_word_timings(raw):
            first_timed = len(kept)
        kept.append((normal, tokens))
    return kept, first_timed


def _without_carried(kept: Sequence[_Line], carried: int) -> list[list[Token]]:
    """Return the tokens of each line after dropping the first ``carried`` words of the cue."""
    new_lines: list[list[Token]] = []
    for _line, tokens in kept:
        rest = tokens[carried:]
        carried = max(0, carried - len(tokens))
        if rest:
            new_lines.append(rest)
    return new_lines


def _rolls(cue: Cue, gap: int, carried: int, words_in_cue: int) -> bool:
    """Return True when a cue that repeats the previous cue's last lines is a roll-up, not
    speech said again: new words follow the repeat, or it is a bridge cue, or it follows the
    previous cue without a gap (the same lines shown on)."""
    return carried < words_in_cue or cue.duration_ms <= BRIDGE_MAX_MS or gap <= BRIDGE_MAX_MS


def _scan(cues: Sequence[Cue]) -> _Scan:
    """De-duplicate a roll-up / word-timed track into its distinct lines and timed words."""
    scan = _Scan()
    previous: list[str] = []
    previous_end = min((cue.start_ms for cue in cues), default=0)
    previous_cue_end = previous_end
    track_timed = any(has_word_timings(cue.text) for cue in cues)
    for cue in sorted(cues, key=lambda c: c.start_ms):
        kept, first_timed = _read_lines(cue, scan)
        if not kept:
            scan.empty_cues += 1
            continue
        scan.content_cues += 1
        scan.word_timed_cues += first_timed is not None
        gap = cue.start_ms - previous_cue_end
        if gap > ROLL_GAP_MS:
            previous = []
        previous_cue_end = max(previous_cue_end, cue.end_ms)
        # A line with word timings is new speech by definition, so a repeat ends before it.
        limit = len(kept) if first_timed is None else first_timed
        if track_timed and cue.duration_ms > BRIDGE_MAX_MS and _normalise(cue.text.split("\n")[-1]):
            # In a word-timed (YouTube) track the last line of a rolling cue is always new,
            # even a one-word line that has no timestamp; it is spoken from the cue's start.
            limit = min(limit, len(kept) - 1)
            normal, tokens = kept[-1]
            if tokens[0].start_ms is None:
                first = Token(tokens[0].text, cue.start_ms, tokens[0].speaker)
                kept[-1] = (normal, [first, *tokens[1:]])
        region = [token.text for _, tokens in kept[:limit] for token in tokens]
        carried_lines, carried = _carried_words(previous, region)
        words_in_cue = sum(len(tokens) for _, tokens in kept)
        if carried and not _rolls(cue, gap, carried, words_in_cue):
            # "Ja." … "Ja." in cues apart in time is said twice, not a line rolled up.
            carried_lines, carried = 0, 0
        scan.rolling_lines += carried_lines
        scan.rolling_cues += carried > 0
        previous = [normal for normal, _ in kept]
        new_lines = _without_carried(kept, carried)
        if not new_lines:
            if cue.duration_ms <= BRIDGE_MAX_MS:
                scan.bridge_cues += 1
            else:
                scan.repeated_cues += 1
            continue
        tokens = [token for line in new_lines for token in line]
        words = assign_times(tokens, *_speech_span(cue, tokens, previous_end))
        scan.words.extend(words)
        scan.lines.extend(" ".join(token.text for token in line) for line in new_lines)
        previous_end = words[-1].end_ms
    return scan


def _speech_span(cue: Cue, tokens: Sequence[Token], previous_end: int) -> tuple[int, int]:
    """Return when the new words of ``cue`` were spoken.

    Normally the cue's own span. Words before the first timed word were spoken before it; if
    the cue leaves them too little time (a bridge cue that shows a new line, a carried line
    whose first showing is missing), they are placed just before, after the previous words.
    """
    end = max(cue.end_ms, previous_end)
    first_anchor = next((t.start_ms for t in tokens if t.start_ms is not None), None)
    right = end if first_anchor is None else first_anchor
    untimed = " ".join(t.text for t in _leading_untimed(tokens))
    start = max(cue.start_ms, previous_end)
    if untimed and right - start < estimate_speech_ms(untimed):
        start = max(previous_end, min(start, right - estimate_speech_ms(untimed)))
    return start, end


def _leading_untimed(tokens: Sequence[Token]) -> list[Token]:
    """Return the tokens before the first one with a known start."""
    leading: list[Token] = []
    for token in tokens:
        if token.start_ms is not None:
            break
        leading.append(token)
    return leading


def recover_words(cues: Sequence[Cue]) -> list[Word]:
    """Return the spoken words of a roll-up / word-timed track, each once, with their times."""
    return _scan(cues).words


def _signs(scan: _Scan, metadata: Mapping[str, str]) -> AutoCaptionSigns:
    return AutoCaptionSigns(
        content_cues=scan.content_cues,
        word_timed_cues=scan.word_timed_cues,
        rolling_cues=scan.rolling_cues,
        bridge_cues=scan.bridge_cues,
        auto_header=any(key in metadata for key in ("Kind", "Style")),
    )


def auto_caption_signs(
    cues: Sequence[Cue], metadata: Mapping[str, str] | None = None
) -> AutoCaptionSigns:
    """Return the evidence that ``cues`` are auto-captions (roll-up, bridges, word timings)."""
    return _signs(_scan(cues), metadata or {})


def looks_like_auto_captions(
    cues: Sequence[Cue], metadata: Mapping[str, str] | None = None
) -> bool:
    """Return True when the track is roll-up or word-timed auto-captions worth cleaning up."""
    return auto_caption_signs(cues, metadata).is_auto


def readability(cues: Sequence[Cue], profile: Profile = DEFAULT_PROFILE) -> Readability:
    """Return the readability figures of ``cues`` under ``profile``'s limits."""
    line_lengths: list[int] = []
    speeds: list[ReadingSpeed] = []
    durations: list[int] = []
    short = long = overlaps = 0
    latest_end: int | None = None
    shown = 0
    for cue in sorted(cues, key=lambda c: c.start_ms):
        lines = [line.strip() for line in plain_lines(cue.text)]
        lines = [line for line in lines if line]
        if not lines:
            continue
        shown += 1
        line_lengths.extend(len(line) for line in lines)
        durations.append(cue.duration_ms)
        speed = reading_speed(sum(len(line) for line in lines), cue.duration_ms)
        if speed is not None:
            speeds.append(speed)
        short += cue.duration_ms < profile.min_duration_warn_ms
        long += cue.duration_ms > profile.max_duration_ms
        if latest_end is not None and cue.start_ms < latest_end:
            overlaps += 1
        latest_end = cue.end_ms if latest_end is None else max(latest_end, cue.end_ms)
    return Readability(
        cues=shown,
        lines=len(line_lengths),
        mean_chars_per_line=round(statistics.fmean(line_lengths), 1) if line_lengths else 0.0,
        max_chars_per_line=max(line_lengths, default=0),
        lines_over_limit=sum(n > profile.max_chars_per_line for n in line_lengths),
        mean_cps=round(statistics.fmean(s.value for s in speeds), 1) if speeds else 0.0,
        median_cps=round(statistics.median(s.value for s in speeds), 1) if speeds else 0.0,
        # Graded as the cue list and TIM-04 grade (a cue without duration is over too).
        cues_over_cps=sum(speed_severity(s, profile) is not None for s in speeds)
        + sum(d <= 0 for d in durations),
        mean_duration_ms=round(statistics.fmean(durations), 1) if durations else 0.0,
        cues_too_short=short,
        cues_too_long=long,
        overlaps=overlaps,
    )


def clean_auto_captions(
    cues: Sequence[Cue],
    profile: Profile = DEFAULT_PROFILE,
    *,
    metadata: Mapping[str, str] | None = None,
    language: str | None = None,
    audio: AudioAnalysis | None = None,
    glossary: Glossary | None = None,
) -> CleanResult:
    """Recover the spoken words of an auto-caption track and re-segment them into clean cues.

    With ``audio`` (the video's analysis) cues end at the pauses heard in the speech; with
    ``glossary`` no cue ends inside a term it knows.

    ``metadata`` (the file's header lines, ``Document.header_metadata``) is only counted: the
    header lines YouTube adds are reported as removed; :func:`apply_clean_up` strips them.
    ``language`` picks the line-break rules (default: the ``Language`` header, else the
    profile's language). Never raises for odd input: cues without text are dropped and
    counted.
    """
    metadata = metadata or {}
    scan = _scan(cues)
    lang = language or metadata.get("Language") or profile.language
    new_cues = segment_words(scan.words, profile, language=lang, speech=audio, glossary=glossary)
    removed = Removed(
        rolling_lines=scan.rolling_lines,
        bridge_cues=scan.bridge_cues,
        repeated_cues=scan.repeated_cues,
        empty_cues=scan.empty_cues,
        tags=scan.tags,
        blank_lines=scan.blank_lines,
        header_lines=sum(key in metadata for key in AUTO_HEADER_KEYS),
    )
    return CleanResult(
        cues=new_cues,
        lines=scan.lines,
        words=scan.words,
        before=readability(cues, profile),
        after=readability(new_cues, profile),
        removed=removed,
        signs=_signs(scan, metadata),
    )


def apply_clean_up(doc: Document, result: CleanResult, *, language: str | None = None) -> None:
    """Put ``result.cues`` in ``doc`` and strip its auto-caption header lines, one undo step.

    A ``Language:`` header line stays (set to ``language`` when given); without one the
    language (``language``, else the document's) is kept in a ``NOTE Language: xx`` block
    (QUALITY_RULES VTT-HDR-02). Other header lines such as ``X-TIMESTAMP-MAP`` stay.
    This is what both the window's Apply and ``captionreview clean`` do. Raises ValueError
    for a document without a WebVTT header.
    """
    description = _(UNDO_DESCRIPTION)
    with doc.group(description):
        doc.replace_all(result.cues, description)
        kept = {k: v for k, v in doc.header_metadata.items() if k not in AUTO_HEADER_KEYS}
        if language and "Language" in kept:
            kept["Language"] = language
        doc.set_header_metadata(kept, language=language, description=description)


_FIGURE_ROWS: tuple[tuple[str, str], ...] = (
    (N_("cues"), "cues"),
    (N_("lines"), "lines"),
    (N_("mean chars/line"), "mean_chars_per_line"),
    (N_("max chars/line"), "max_chars_per_line"),
    (N_("lines over {max_chars}"), "lines_over_limit"),
    (N_("mean cps"), "mean_cps"),
    (N_("median cps"), "median_cps"),
    (N_("cues over {cps} cps"), "cues_over_cps"),
    (N_("mean duration ms"), "mean_duration_ms"),
    (N_("cues under {min_ms} ms"), "cues_too_short"),
    (N_("cues over {max_ms} ms"), "cues_too_long"),
    (N_("overlaps"), "overlaps"),
)


def removed_summary(removed: Removed) -> str:
    """Return one sentence saying what clean-up removed (counts of zero are left out)."""
    parts = [
        label.format(n=count)
        for count, label in (
            (removed.rolling_lines, _("{n} rolling duplicate lines")),
            (removed.bridge_cues, _("{n} bridge cues")),
            (removed.repeated_cues, _("{n} repeated cues")),
            (removed.empty_cues, _("{n} empty cues")),
            (removed.tags, _("{n} tags")),
            (removed.blank_lines, _("{n} whitespace-only lines")),
            (
                removed.header_lines,
                ngettext("{n} header line", "{n} header lines", removed.header_lines),
            ),
        )
        if count
    ]
    return _("Removed: {what}").format(what=", ".join(parts) if parts else _("nothing"))


def figure_rows(
    result: CleanResult, profile: Profile = DEFAULT_PROFILE
) -> list[tuple[str, float, float]]:
    """Return (label, before, after) for each readability figure, labels naming the limits."""
    names = {
        "max_chars": profile.max_chars_per_line,
        "cps": f"{profile.cps_warn:g}",
        "min_ms": profile.min_duration_warn_ms,
        "max_ms": profile.max_duration_ms,
    }
    return [
        (_(label).format(**names), getattr(result.before, name), getattr(result.after, name))
        for label, name in _FIGURE_ROWS
    ]


def format_figures(result: CleanResult, profile: Profile = DEFAULT_PROFILE) -> str:
    """Return the removed counts and the before/after readability as a plain-text table."""
    lines = [
        removed_summary(result.removed),
        _("Kept: {words} spoken words, {lines} distinct lines").format(
            words=len(result.words), lines=len(result.lines)
        ),
        f"{'':24}{_('before'):>10}{_('after'):>10}",
    ]
    lines.extend(
        f"{label:24}{before:>10}{after:>10}"
        for label, before, after in figure_rows(result, profile)
    )
    return "\n".join(lines)
