"""Command line: ``captionreview [VIDEO] [CAPTIONS]`` opens the window; subcommands work headless.

``main(argv) -> int`` never imports Qt or vlc for a subcommand: each one lives in
``captionreview.clitools.<name>`` with ``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from captionreview import __version__
from captionreview.clitools.output import exit_without_freeing, let_go
from captionreview.core.i18n import N_, SUPPORTED, _, set_language

SUBCOMMANDS: dict[str, str] = {
    "check": N_(
        "Check caption files against a quality profile (exit 1 on errors, 2 if unreadable)."
    ),
    "report": N_("Write a standalone HTML quality report for a caption file."),
    "clean": N_("Clean up auto-captions (rolling duplicates, karaoke tags) and re-segment them."),
    "compare": N_("Compare auto-captions with the corrected captions: WER, CER, NER estimate."),
}
LANG_OPTION = "--lang"


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang sv|en`` (the language of messages, help and reports) to ``parser``."""
    parser.add_argument(
        LANG_OPTION,
        choices=SUPPORTED,
        help=_(
            "language of messages and reports: sv or en (default: the system's, from "
            "LANGUAGE, LC_ALL, LC_MESSAGES or LANG)"
        ),
    )


def language_in(args: Sequence[str]) -> str | None:
    """Return the value of ``--lang`` in ``args`` (None when absent or not a known language).

    Read before the parsers are built, so that their help is in that language too.
    """
    for n, arg in enumerate(args):
        value = None
        if arg == LANG_OPTION and n + 1 < len(args):
            value = args[n + 1]
        elif arg.startswith(LANG_OPTION + "="):
            value = arg.split("=", 1)[1]
        if value in SUPPORTED:
            return value
    return None


def _subcommand_parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="captionreview",
        description=_("Review and correct captions. Without a subcommand, opens the window."),
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in SUBCOMMANDS.items():
        sp = sub.add_parser(name, help=_(help_text), description=_(help_text))
        if name == command:
            # Only the chosen subcommand's module is imported: the others pull in modules
            # (rapidfuzz, the cleanup passes) that would only slow its start-up.
            module = importlib.import_module(f"captionreview.clitools.{name}")
            module.add_arguments(sp)
        add_language_option(sp)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="captionreview",
        description=_(
            "Open the review window. With no arguments it opens the bundled demo lecture. "
            "Subcommands: {commands} (see 'captionreview check --help')."
        ).format(commands=", ".join(SUBCOMMANDS)),
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="VIDEO|CAPTIONS",
        help=_("a video and/or a caption file (.vtt, .srt, .sbv)"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"captionreview {__version__}",
        help=_("print the version and exit"),
    )
    parser.add_argument(
        "--encoding", help=_("open the caption file in this encoding (e.g. cp1252)")
    )
    parser.add_argument(
        "--no-demo",
        action="store_true",
        help=_("start with an empty window instead of the demo lecture"),
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    try:
        return _main(argv)
    finally:
        let_go()  # what a subcommand kept for the end of the process: this caller goes on


def command_line() -> int:
    """Run ``captionreview`` as a process (the installed command, ``python -m captionreview``).

    A subcommand runs once over its files and ends: the cyclic collector stays off (it would
    walk everything the command made, the 230,000 findings of 30,000 karaoke cues included,
    and then all of it once more when a pause of it ended), and the process ends without
    freeing what it made (:func:`captionreview.clitools.output.exit_without_freeing`). The
    window ends as usual: its exit handlers close the players.
    """
    if not (sys.argv[1:2] and sys.argv[1] in SUBCOMMANDS):
        return main()
    gc.disable()
    exit_without_freeing(_main(None))


def _main(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    chosen = language_in(args)
    set_language(chosen)
    if args and args[0] in SUBCOMMANDS:
        parsed = _subcommand_parser(args[0]).parse_args(args)
        module = importlib.import_module(f"captionreview.clitools.{parsed.command}")
        result: int = module.run(parsed)
        return result
    if args and args[0] in ("-h", "--help") and len(args) == 1:
        _gui_parser().print_help()
        return 0
    gui = _gui_parser()
    add_language_option(gui)
    parsed = gui.parse_args(args)
    from captionreview.qt.app import run_gui  # lazy: the CLI must not pull in Qt

    return run_gui(parsed.files, encoding=parsed.encoding, demo=not parsed.no_demo, language=chosen)


if __name__ == "__main__":
    sys.exit(command_line())
