"""``captionreview compare AUTO CORRECTED [--format text|json] [--glossary TERMS]``.

How much the automatic captions had to be corrected: word and character error rates of the
auto track against the corrected one, changes by kind, the most frequent confusions and an
NER estimate, from :func:`captionreview.core.compare.compare` (the same numbers as the report
and the window). The severities a reviewer gave changes in the window come from the corrected
file's review sidecar. Exit status 0, or 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from captionreview.clitools.output import run_guarded
from captionreview.core.compare import (
    compare,
    comparison_json,
    summary_lines,
)
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError
from captionreview.core.formats import load
from captionreview.core.i18n import _
from captionreview.core.model import ErrorSeverity
from captionreview.core.review import ReviewFileError, read_sidecar, sidecar_path

EXIT_OK = 0
EXIT_UNREADABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``compare`` options to ``parser``."""
    parser.add_argument("auto", metavar="AUTO", type=Path, help=_("the auto-caption file"))
    parser.add_argument(
        "corrected", metavar="CORRECTED", type=Path, help=_("the corrected captions (reference)")
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_(
            "output format (default text); json keys: reference_words, substitutions, "
            "deletions, insertions, wer, strict_wer, cer, case_errors, punctuation_errors, ner, "
            "kinds, confusions, changes"
        ),
    )
    parser.add_argument(
        "--glossary",
        metavar="TERMS.txt",
        type=Path,
        help=_(
            "names and terms: changes to them count as glossary terms and names (default: "
            "glossary.txt beside CORRECTED, else your personal glossary, as in the window)"
        ),
    )
    parser.add_argument("--encoding", help=_("read the files in this encoding (e.g. cp1252)"))
    parser.epilog = _("Exit status: 0 compared, 2 a file cannot be read.")


def run(args: argparse.Namespace) -> int:
    """Compare the two files and print the result; return the exit status."""
    return run_guarded(lambda status: _compare(args, status), [EXIT_OK])


def _load(path: Path, encoding: str | None) -> Document | None:
    try:
        return load(path, encoding=encoding)
    except (CaptionFileError, OSError, LookupError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        print(
            _("captionreview compare: cannot read {path}: {reason}").format(
                path=path, reason=reason
            ),
            file=sys.stderr,
        )
        return None


def severities_of(corrected: Path) -> dict[str, ErrorSeverity]:
    """Return the severities a reviewer gave in the window (from the sidecar), or none."""
    try:
        data = read_sidecar(sidecar_path(corrected.absolute()))
    except ReviewFileError as error:
        print(
            _("captionreview compare: {error}; every change counts as standard").format(
                error=error
            ),
            file=sys.stderr,
        )
        return {}
    raw = data.get("severities") if data else None
    if not isinstance(raw, dict):
        return {}
    known = {s.value for s in ErrorSeverity}
    return {str(k): ErrorSeverity(v) for k, v in raw.items() if v in known}


def _compare(args: argparse.Namespace, status: list[int]) -> None:
    from captionreview.clitools.glossaries import file_glossary

    # Without --glossary, the one the window and check use for the corrected file.
    glossary = file_glossary(args.glossary, args.corrected)
    if isinstance(glossary, str):
        print(_("captionreview compare: {error}").format(error=glossary), file=sys.stderr)
        status[0] = EXIT_UNREADABLE
        return
    auto = _load(args.auto, args.encoding)
    corrected = _load(args.corrected, args.encoding)
    if auto is None or corrected is None:
        status[0] = EXIT_UNREADABLE
        return
    result = compare(auto.cues, corrected.cues, glossary)
    severities = severities_of(args.corrected)
    if args.format == "json":
        data: dict[str, object] = {"auto": str(args.auto), "corrected": str(args.corrected)}
        data |= comparison_json(result, severities)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    print(_("Auto track: {path} ({n} words)").format(path=args.auto, n=len(result.auto_words)))
    print(_("Corrected: {path} ({n} words)").format(path=args.corrected, n=result.reference_words))
    for line in summary_lines(result, severities):
        print(line)
