"""Command line: ``captionreview [VIDEO] [CAPTIONS]`` opens the window; subcommands work headless.

``main(argv) -> int`` never imports Qt or vlc for a subcommand: each one lives in
``captionreview.clitools.<name>`` with ``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

SUBCOMMANDS: dict[str, str] = {
    "check": "Check caption files against a quality profile (exit 1 on errors, 2 if unreadable).",
    "report": "Write a standalone HTML quality report for a caption file.",
    "clean": "Clean up auto-captions (rolling duplicates, karaoke tags) and re-segment them.",
    "compare": "Compare auto-captions with the corrected captions: WER, CER, NER estimate.",
}


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="captionreview",
        description="Review and correct captions. Without a subcommand, opens the window.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in SUBCOMMANDS.items():
        module = importlib.import_module(f"captionreview.clitools.{name}")
        sp = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sp)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="captionreview",
        description=(
            "Open the review window. With no arguments it opens the bundled demo lecture. "
            "Subcommands: " + ", ".join(SUBCOMMANDS) + " (see 'captionreview check --help')."
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="VIDEO|CAPTIONS",
        help="a video and/or a caption file (.vtt, .srt, .sbv)",
    )
    parser.add_argument("--encoding", help="open the caption file in this encoding (e.g. cp1252)")
    parser.add_argument(
        "--no-demo",
        action="store_true",
        help="start with an empty window instead of the demo lecture",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        parsed = _subcommand_parser().parse_args(args)
        module = importlib.import_module(f"captionreview.clitools.{parsed.command}")
        result: int = module.run(parsed)
        return result
    if args and args[0] in ("-h", "--help") and len(args) == 1:
        _gui_parser().print_help()
        return 0
    parsed = _gui_parser().parse_args(args)
    from captionreview.qt.app import run_gui  # lazy: the CLI must not pull in Qt

    return run_gui(parsed.files, encoding=parsed.encoding, demo=not parsed.no_demo)


if __name__ == "__main__":
    sys.exit(main())
