"""``captionreview report FILE [-o report.html] [--original AUTO] [--profile NAME|PATH]``: a
standalone HTML report.

The same report as File ▸ Export report… in the window: the verdict against the profile,
counts per rule, a reading-speed histogram, a timeline strip and every finding with its cue;
with ``--original`` also how accurate the automatic captions were.
Exit status 0 when the report was written, 2 when the file (or profile) cannot be read or the
report cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from captionreview.clitools.check import (
    EXIT_UNREADABLE,
    add_common,
    all_findings,
    internal_error_message,
    load_setup,
    read_error_message,
)
from captionreview.clitools.glossaries import file_glossary
from captionreview.clitools.output import STDOUT_NAME, printable, run_guarded
from captionreview.core.checks.findings import kept_problems
from captionreview.core.compare import compare
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from captionreview.core.i18n import _
from captionreview.core.report import (
    ReportInput,
    render_report,
    unusable_target,
    write_report,
)
from captionreview.core.report_accuracy import AccuracyInput
from captionreview.core.review import Review, ReviewFileError, open_review
from captionreview.core.words.glossary import Glossary
from captionreview.core.words.language import document_language


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``report`` options to ``parser``."""
    parser.add_argument(
        "file", metavar="FILE", type=Path, help=_("caption file (.vtt, .srt, .sbv)")
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="REPORT.html",
        type=Path,
        help=_(
            "where to write the report ('-' for standard output; default: FILE with "
            "'.report.html' in place of its extension). The caption file itself, devices, pipes "
            "and folders are refused"
        ),
    )
    parser.add_argument(
        "--original",
        metavar="AUTO",
        type=Path,
        help=_(
            "the auto-caption file FILE was corrected from: adds the section 'Accuracy of "
            "the automatic captions' (WER, NER estimate, confusions, errors by kind, review "
            "progress and comments)"
        ),
    )
    add_common(parser)


def accuracy_input(
    doc: Document, original: Path, encoding: str | None, glossary: Glossary | None
) -> AccuracyInput | None:
    """Return what the accuracy section needs (the comparison with ``original`` and the
    review sidecar of ``doc``), or None after saying why the original cannot be read."""
    try:
        auto = load(original, encoding=encoding)
    except (CaptionFileError, OSError, LookupError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        print(
            _("captionreview report: cannot read {path}: {reason}").format(
                path=original, reason=reason
            ),
            file=sys.stderr,
        )
        return None
    try:
        review = open_review(doc)
    except ReviewFileError as error:
        print(_("captionreview report: {error}").format(error=error), file=sys.stderr)
        review = Review(doc)
    comparison = compare(auto.cues, doc.cues, glossary)
    comments = [(i, review.comment(i)) for i in review.commented()]
    review.close()
    return AccuracyInput(
        original.name, comparison, doc.cues, review.severities, review.counts(), comments
    )


def default_output(path: Path) -> Path:
    """Return where the report goes by default: ``name.report.html`` beside the file."""
    return path.with_name(f"{path.stem}.report.html")


def run(args: argparse.Namespace) -> int:
    """Write the report; return 0, or 2 when something cannot be read or written."""
    return run_guarded(lambda status: _report(args, status), [0])


def _report(args: argparse.Namespace, status: list[int]) -> None:
    """Write the report of ``args``; put 2 in ``status[0]`` when that fails."""
    target: Path = args.output or default_output(args.file)
    to_stdout = str(args.output) == STDOUT_NAME
    refused = None if to_stdout else unusable_target(target, args.file)
    if refused is not None:
        print(
            _("captionreview report: {refused} (or - for standard output)").format(refused=refused),
            file=sys.stderr,
        )
        status[0] = EXIT_UNREADABLE
        return
    setup = load_setup(args, "report")
    if setup is None:
        status[0] = EXIT_UNREADABLE
        return
    profile, words = setup
    try:
        doc = load(args.file, encoding=args.encoding)
    except (CaptionFileError, OSError, LookupError, ValueError) as error:
        if isinstance(error, CaptionFileError):
            reason: object = read_error_message(error)
        elif isinstance(error, OSError) and error.strerror:
            reason = error.strerror
        else:
            reason = error
        print(
            printable(
                _("captionreview report: cannot read {file}: {reason}").format(
                    file=args.file, reason=reason
                )
            ),
            file=sys.stderr,
        )
        status[0] = EXIT_UNREADABLE
        return
    accuracy = None
    if args.original is not None:
        glossary = file_glossary(
            args.glossary, doc.path, words.glossaries if words is not None else None
        )
        if isinstance(glossary, str):  # only with --no-words: load_setup read no glossary
            print(_("captionreview report: {error}").format(error=glossary), file=sys.stderr)
            status[0] = EXIT_UNREADABLE
            return
        accuracy = accuracy_input(doc, args.original, args.encoding, glossary)
        if accuracy is None:
            status[0] = EXIT_UNREADABLE
            return
    try:
        findings = all_findings(doc, profile, words)
        problems = kept_problems(doc.problems, profile.disabled_rules)
        page = render_report(
            ReportInput(
                args.file.name,
                doc.cues,
                problems,
                findings,
                profile,
                accuracy=accuracy,
                caption_language=document_language(doc, profile.language),
            )
        )
    except Exception as error:  # a bug: one line that says so, not a traceback
        message = internal_error_message(error)
        print(
            printable(
                _("captionreview report: {file}: {message}").format(file=args.file, message=message)
            ),
            file=sys.stderr,
        )
        status[0] = EXIT_UNREADABLE
        return
    if to_stdout:
        sys.stdout.write(page)
        return
    try:
        write_report(target, page, source=args.file)
    except OSError as error:
        print(
            _("captionreview report: cannot write {target}: {value}").format(
                target=target, value=error.strerror or error
            ),
            file=sys.stderr,
        )
        status[0] = EXIT_UNREADABLE
        return
    print(_("Report written to {target}").format(target=target))
