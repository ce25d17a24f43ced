"""``captionreview check FILES… [--profile NAME|PATH] [--format text|json] [--glossary TERMS]``.

Checks caption files against a quality profile for publishing pipelines. Text output is one
line per problem, ``file:line: RULE severity message [start --> end]``; JSON output is always a
list with one object per file (``{"file", "profile", "language", "language_from", "cues",
"problems", "findings", "review", "audio"}``, where ``"review"`` counts the cues
``"unreviewed"``, ``"corrected"`` and ``"approved"`` in the file's review sidecar, all
unreviewed without one, and ``"audio"`` summarises the ``--video`` analysis or says why there
is none; a file that cannot be read has the same keys, empty, plus ``"error"``). The exit
status is 0 when no file has an error, 1 when any has, 2 when a file (or the profile or the
glossary) cannot be read. With ``--video VIDEO`` the audio-aware checks run too (TIM-08,
TIM-10, ASR-06, ASR-15); every finding carries ``start_ms`` and ``end_ms``, the time range it
is about, and ``confidence`` (0–1 for the word flags, else null). A word list beside a file
(``lecture.sv.words.txt`` for ``lecture.sv.vtt``) is accepted by its spell check. When the
reader of a pipe goes away (``| head``) the command ends quietly with the status so far.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from captionreview.clitools.findings_json import CueRows, FindingRows
from captionreview.clitools.output import hold_until_exit, printable, run_guarded
from captionreview.core.checks import check_document
from captionreview.core.checks.downstream import document_downstream
from captionreview.core.checks.findings import kept_problems, merge_findings
from captionreview.core.collector import paused_collector
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from captionreview.core.i18n import _, ngettext
from captionreview.core.model import Finding, Problem, Severity
from captionreview.core.profiles import DEFAULT_PROFILE, Profile, ProfileError, load_profile
from captionreview.core.report import count_errors, count_notes, count_warnings
from captionreview.core.review import ReviewCounts, ReviewFileError, review_counts
from captionreview.core.timecode import format_ms
from captionreview.core.words.language import (
    UNDETERMINED,
    detect_language,
    document_language,
    language_or,
)

if TYPE_CHECKING:
    from captionreview.clitools.halves import Halves
    from captionreview.core.audio import AudioAnalysis
    from captionreview.core.words.glossary import Glossary

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2
# From this many cues on, English is loaded ahead (see WordFlags.expect).
ENGLISH_AHEAD_CUES = 10_000
# From this many cues on, the JSON of a file is made in two processes where two cores can
# run them (captionreview.clitools.halves). Below, the second process can cost more than it
# saves: 5,000 reviewed cues took 347 ms instead of 332 (10,000: 460 instead of 496 ms).
SPLIT_MIN_CUES = 8_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``check`` options to ``parser``."""
    parser.add_argument(
        "files", nargs="+", metavar="FILE", type=Path, help=_("caption files (.vtt, .srt, .sbv)")
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_(
            "output format (default text). json: always a list with one object per file, "
            'keys "file", "profile", "language", "language_from" (header, note, file name, text '
            'or profile), "cues", "problems", "findings", "review" (cues unreviewed, corrected, '
            "approved from the review sidecar); a file that cannot be read has them empty plus "
            '"error"'
        ),
    )
    parser.add_argument(
        "--video",
        metavar="VIDEO",
        type=Path,
        help=_(
            "the lecture video: its audio is analysed (cached per video) and the captions "
            "are checked against the speech (TIM-08 sync, TIM-10 uncaptioned speech, ASR-06 "
            "long pauses, ASR-15 text over silence)"
        ),
    )
    parser.epilog = _(
        "Exit status: 0 no errors, 1 errors found, 2 a file or the profile unreadable."
    )
    add_common(parser)


def add_common(parser: argparse.ArgumentParser) -> None:
    """Add the options ``check`` and ``report`` share (profile, glossary, words, encoding)."""
    parser.add_argument(
        "--profile",
        default=DEFAULT_PROFILE.name,
        metavar="NAME|PATH",
        help=_(
            "quality profile: a built-in name (se-public, netflix-sv, "
            "netflix-en, netflix-template, bbc, dcmp), a user profile name "
            "or a .toml file (default {name})"
        ).format(name=DEFAULT_PROFILE.name),
    )
    parser.add_argument(
        "--glossary",
        metavar="TERMS.txt",
        type=Path,
        help=_("names and terms to flag near misses of (ASR-09)"),
    )
    parser.add_argument(
        "--no-words",
        action="store_true",
        help=_("skip the word-level flags (spelling, split compounds, glossary)"),
    )
    parser.add_argument(
        "--suggest",
        action="store_true",
        help=_("add Hunspell's spelling suggestions to misspelled words (slow on long files)"),
    )
    parser.add_argument("--encoding", help=_("read the files in this encoding (e.g. cp1252)"))


def run(args: argparse.Namespace) -> int:
    """Check every file and print the results; return the exit status."""
    # Every file's findings are kept until the output is written (230,000 objects for 30,000
    # karaoke cues); the collector's full scans of them cost a tenth of the command's time.
    with paused_collector():
        return run_guarded(lambda status: _check_all(args, status), [EXIT_OK])


def _check_all(args: argparse.Namespace, status: list[int]) -> None:
    """Check the files of ``args``, keeping the exit status so far in ``status[0]``."""
    setup = load_setup(args, "check")
    if setup is None:
        status[0] = EXIT_UNREADABLE
        return
    profile, words = setup
    audio, audio_json = analyse_video(getattr(args, "video", None))
    results: list[dict[str, Any]] = []
    totals = {s: 0 for s in Severity}
    unreadable = 0
    for path in args.files:
        if results:
            # A long file's second process ends before the next file's starts. Should making
            # its text here fail instead (a bug), writing the JSON says so.
            with contextlib.suppress(Exception):
                results[-1]["findings"].settle()
        # The JSON of a long file: its second half is checked in a second process.
        split = SPLIT_MIN_CUES if args.format == "json" else None
        result = check_file(path, profile, words, args.encoding, audio, split)
        result["audio"] = audio_json
        if "error" in result:
            status[0] = EXIT_UNREADABLE
            unreadable += 1
            if args.format == "text":
                print(
                    printable(
                        _("{path}: cannot read: {result}").format(path=path, result=result["error"])
                    ),
                    file=sys.stderr,
                )
        else:
            counts = Counter(Severity(item["severity"]) for item in result["problems"])
            counts.update(result["findings"].severity_counts())
            for severity, count in counts.items():
                totals[severity] += count
            if counts[Severity.ERROR] and status[0] == EXIT_OK:
                status[0] = EXIT_ERRORS
            if args.format == "text":
                print_text(path, result, sys.stdout)
        if args.format == "json":
            results.append(result)
    if args.format == "json":
        # A few large writes: json.dump() writes token by token (1.4 s of 7 s for 30,000
        # karaoke cues, slower still on an unbuffered pipe), and joining the whole text first
        # copies 70 MB several times.
        # The findings of a large file are many small objects: the process ends without
        # freeing them one by one.
        hold_until_exit(results)
        try:
            write_json(results, sys.stdout)
        except BrokenPipeError:
            raise
        except Exception as error:  # a bug: the text so far is cut short, and says so
            print(
                _("captionreview check: the JSON output is incomplete: {message}").format(
                    message=internal_error_message(error)
                ),
                file=sys.stderr,
            )
            status[0] = EXIT_UNREADABLE
    else:
        files = ngettext(
            "{n} file checked against {profile}",
            "{n} files checked against {profile}",
            len(args.files),
        ).format(n=len(args.files), profile=profile.name)
        if unreadable:
            files += " " + _("({n} unreadable)").format(n=unreadable)
        print(
            f"{files}: {count_errors(totals[Severity.ERROR])}, "
            f"{count_warnings(totals[Severity.WARN])}, {count_notes(totals[Severity.INFO])}",
            file=sys.stderr,
        )


def analyse_video(video: Path | None) -> tuple[AudioAnalysis | None, dict[str, Any] | None]:
    """The audio analysis of ``video`` and its JSON summary; on failure a message on stderr
    and no analysis, so the other checks still run."""
    if video is None:
        return None, None
    from captionreview.core.audio import AudioError, cached_analysis  # only with --video

    try:
        analysis = cached_analysis(video)
    except AudioError as error:
        print(
            _("captionreview check: {error}; checking without the audio.").format(error=error),
            file=sys.stderr,
        )
        return None, {"video": str(video), "error": str(error)}
    summary = {
        "video": str(video),
        "duration_ms": analysis.duration_ms,
        "speech_ms": analysis.speech_ms_between(0, analysis.duration_ms),
        "speech_segments": len(analysis.speech),
        "shots": len(analysis.shots),
    }
    return analysis, summary


def load_setup(args: argparse.Namespace, command: str) -> tuple[Profile, WordFlags | None] | None:
    """Return the profile and word flagger of ``args``, or None after printing why not."""
    try:
        profile = load_profile(args.profile)
    except ProfileError as error:
        print(
            _("captionreview {command}: {error}").format(command=command, error=error),
            file=sys.stderr,
        )
        return None
    if not args.no_words:
        from captionreview.core.words.spelling import preload

        # Hunspell reads the dictionary (~0.1 s) on another core while the files are read and
        # checked: the word flags, which need it, come last. Not English too: a finished file
        # seldom needs it, and the load would compete with the checks on a busy machine (a
        # long file starts it once read, WordFlags.expect).
        preload([profile.language])
    words = None if args.no_words else WordFlags.create(args.glossary, args.suggest)
    if isinstance(words, str):
        print(
            _("captionreview {command}: {words}").format(command=command, words=words),
            file=sys.stderr,
        )
        return None
    return profile, words


class WordFlags:
    """The spelling and ASR word flags of ``captionreview.core.words.flags``, set up once.

    Those modules load Hunspell through ctypes: they are imported only when words are checked.
    """

    def __init__(
        self, glossary: Glossary | None, suggest: bool = False, *, find_glossary: bool = False
    ) -> None:
        from captionreview.clitools.glossaries import Glossaries

        self.suggest = suggest
        # Without a chosen glossary, each file gets the one the window would use for it.
        self.glossaries = Glossaries(glossary, find=find_glossary)

    @classmethod
    def create(cls, glossary_path: Path | None, suggest: bool = False) -> WordFlags | str:
        """Return the flagger, or the message saying why the glossary cannot be read.

        Without ``glossary_path`` each file is checked with the glossary the window uses for
        it: ``glossary.txt`` beside it, else the personal glossary, when there is one.
        """
        from captionreview.clitools.glossaries import Glossaries

        glossaries = Glossaries.create(glossary_path)
        if isinstance(glossaries, str):
            return glossaries
        flags = cls(None, suggest)
        flags.glossaries = glossaries
        return flags

    def expect(self, doc: Document) -> None:
        """Start loading the English dictionary on another core when ``doc`` is long.

        The split-compound and sentence-language rules ask for English in a Swedish file with
        any candidate, and raw auto-captions have many: loaded when first asked, it held up the
        flags of 30,000 karaoke cues by 0.05 s. Against a long file's checks that load on the
        other core is small; a short or finished file goes without it.
        """
        if len(doc.cues) >= ENGLISH_AHEAD_CUES:
            from captionreview.core.words.spelling import preload

            preload(["en"])

    def findings(self, doc: Document, language: str) -> list[Finding]:
        """Return the word flags of ``doc``."""
        from captionreview.core.words.flags import find_flags
        from captionreview.core.words.wordlist import file_word_list_path, read_word_list

        words = read_word_list(file_word_list_path(doc.path)) if doc.path is not None else []
        return find_flags(
            doc.cues,
            language=language,
            glossary=self.glossary_for(doc.path),
            suggestions=self.suggest,
            file_words=words,
        )

    def glossary_for(self, captions: Path | None) -> Glossary | None:
        """Return the glossary to check ``captions`` with (see :class:`Glossaries`)."""
        return self.glossaries.for_captions(captions)


def check_file(
    path: Path,
    profile: Profile,
    words: WordFlags | None,
    encoding: str | None = None,
    audio: AudioAnalysis | None = None,
    split: int | None = None,
) -> dict[str, Any]:
    """Return the result for one file (``{"file", "error"}`` when unreadable): JSON-ready
    values, the cues and findings as :class:`CueRows` and :class:`FindingRows`.

    With ``split``, a file of at least that many cues (and no ``audio``) may be checked in
    two processes (:mod:`captionreview.clitools.halves`): the findings are the same, the
    second half's come from the other process as JSON text when they are written.
    """
    try:
        doc = load(path, encoding=encoding)
    except CaptionFileError as error:
        return unreadable_json(path, profile, read_error_message(error))
    except OSError as error:
        return unreadable_json(path, profile, error.strerror or str(error))
    except LookupError:
        return unreadable_json(path, profile, f"unknown encoding {encoding!r}")
    except ValueError as error:  # a decoder's error the reader did not turn into a message
        return unreadable_json(path, profile, str(error))
    halves = None
    try:
        if split is not None and audio is None and len(doc.cues) >= split:
            from captionreview.clitools.halves import Halves, can_split

            # Before the English dictionary's preload: no other thread may run at the fork.
            halves = Halves.start(doc, profile) if can_split() else None
        if words is not None:
            words.expect(doc)
        result = _result(path, doc, profile, words, audio, halves)
        # Counted here, where a failure is this file's: the second half's count comes from
        # the other process, or else from checking that half here.
        result["findings"].severity_counts()
        return result
    except Exception as error:  # a bug must still leave JSON and the other files' results
        if halves is not None:
            halves.stop()
        return unreadable_json(path, profile, internal_error_message(error))


def internal_error_message(error: Exception) -> str:
    """Return the one-line message for an unexpected error while checking or reporting."""
    return _("internal error while checking it ({kind}: {error}); please report it").format(
        kind=type(error).__name__, error=error
    )


def _result(
    path: Path,
    doc: Document,
    profile: Profile,
    words: WordFlags | None,
    audio: AudioAnalysis | None,
    halves: Halves | None = None,
) -> dict[str, Any]:
    findings = (
        FindingRows(all_findings(doc, profile, words, audio), doc.cues)
        if halves is None
        else halves.rows(words)
    )
    found = detect_language(doc)
    language, how = language_or(found, profile.language), found[1]
    if found[0] == UNDETERMINED:
        how = "profile"
    return {
        "file": str(path),
        "profile": profile.name,
        "language": language,
        "language_from": how,
        "cues": CueRows(doc.cues),
        "problems": [problem_json(p) for p in kept_problems(doc.problems, profile.disabled_rules)],
        "findings": findings,
        "review": review_json(doc),
    }


def review_json(doc: Document) -> dict[str, int]:
    """Return how many cues are unreviewed, corrected and approved according to the file's
    review sidecar (all unreviewed when there is none or it cannot be read)."""
    try:
        return review_counts(doc).as_json()
    except ReviewFileError:
        return ReviewCounts(len(doc.cues), 0, 0).as_json()


def write_json(results: list[dict[str, Any]], out: TextIO) -> None:
    """Write the results as JSON text: one line per key of each file's object.

    Each value is encoded in large pieces (the cues and findings by :class:`CueRows` and
    :class:`FindingRows`, the rest by the C encoder); ``json.dump(indent=...)`` runs in Python
    token by token and took longer than the checks for a large file.
    """
    if not results:
        out.write("[]\n")
        return
    for number, result in enumerate(results):
        out.write("[\n {\n" if number == 0 else ",\n {\n")
        for place, (key, value) in enumerate(result.items()):
            out.write(",\n  " if place else "  ")
            out.write(f"{json.dumps(key)}: ")
            if isinstance(value, FindingRows):
                value.write(out)
            elif isinstance(value, CueRows):
                for piece in value.json_pieces():
                    out.write(piece)
            else:
                out.write(json.dumps(value, ensure_ascii=False))
        out.write("\n }")
    out.write("\n]\n")


def unreadable_json(path: Path, profile: Profile, message: str) -> dict[str, Any]:
    """Return the result of a file that cannot be read: the usual keys, empty, and "error"."""
    return {
        "file": str(path),
        "profile": profile.name,
        "language": None,
        "language_from": None,
        "cues": CueRows(()),
        "problems": [],
        "findings": FindingRows((), ()),
        "review": None,
        "audio": None,
        "error": message,
    }


def read_error_message(error: CaptionFileError) -> str:
    """Return the reader's message, with the command-line way to open another encoding."""
    guess = getattr(error, "guess", None)
    return (
        _("{error} (run again with --encoding {guess})").format(error=error, guess=guess)
        if guess
        else str(error)
    )


def all_findings(
    doc: Document,
    profile: Profile,
    words: WordFlags | None,
    audio: AudioAnalysis | None = None,
) -> list[Finding]:
    """Return the quality findings of ``doc`` (with the audio checks when ``audio`` is given),
    the downstream view (PUB-01: the text as webvtt-py reads it) and the word flags (when
    ``words`` is given), merged as in the window
    (:func:`captionreview.core.checks.findings.merge_findings`)."""
    findings = check_document(doc, profile, audio)
    flags = [] if words is None else words.findings(doc, document_language(doc, profile.language))
    # What the file would look like to publishing scripts that read it with webvtt-py.
    downstream = document_downstream(doc, profile.disabled_rules)
    return merge_findings(findings, [*downstream, *flags], profile.disabled_rules)


def problem_json(problem: Problem) -> dict[str, Any]:
    """Return a load problem as a JSON-ready dict."""
    return {
        "line": problem.line,
        "severity": problem.severity.value,
        "rule": problem.rule,
        "message": problem.message,
        "snippet": problem.snippet,
    }


def print_text(path: Path, result: dict[str, Any], out: TextIO) -> None:
    """Print one line per problem and finding, in file-line order."""
    rows: Iterable[dict[str, Any]] = (*result["problems"], *result["findings"].rows())
    for row in sorted(rows, key=lambda r: r["line"] or 0):
        where = f"{path}:{row['line']}:" if row["line"] else f"{path}:"
        # The time range goes last: tools that read "file:line: RULE severity" still do.
        when = (
            f" [{format_ms(row['start_ms'])} --> {format_ms(row['end_ms'])}]"
            if "start_ms" in row
            else ""
        )
        line = f"{where} {row['rule']} {row['severity']} {row['message']}{when}"
        out.write(printable(line) + "\n")
