"""``captionreview clean IN [-o OUT] [--profile NAME]``: auto-captions to clean WebVTT, headless.

Does what Captions ▸ Clean up auto-captions… does in the window: drops YouTube's rolling
duplicate lines, bridge cues, karaoke tags, whitespace-only lines and header lines, and
re-segments the spoken words into readable cues. The language is kept in a ``NOTE`` block
(QUALITY_RULES VTT-HDR-02). Prints what was removed and the readability before and after.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from captionreview.clitools.output import STDOUT_NAME, printable, run_guarded
from captionreview.core.audio import AudioError, cached_analysis
from captionreview.core.cleanup.rolling import (
    apply_clean_up,
    auto_caption_signs,
    clean_auto_captions,
    format_figures,
)
from captionreview.core.errors import CaptionFileError, EncodingError
from captionreview.core.formats import load
from captionreview.core.i18n import _
from captionreview.core.profiles import DEFAULT_PROFILE, ProfileError, load_profile
from captionreview.core.report import unusable_target
from captionreview.core.words.language import document_language

EXIT_OK = 0
EXIT_NOT_AUTO = 1
EXIT_UNREADABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``clean`` options to ``parser``."""
    parser.add_argument("input", metavar="IN", type=Path, help=_("caption file (.vtt, .srt, .sbv)"))
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=_(
            "where to write the clean WebVTT ('-' for standard output); "
            "default: IN with '.clean.vtt' in place of its extension"
        ),
    )
    parser.add_argument(
        "--profile",
        default=DEFAULT_PROFILE.name,
        metavar="NAME|PATH",
        help=_(
            "quality profile whose limits the new cues follow: a built-in "
            "name, a user profile name or a .toml file, as for check "
            "(default {name})"
        ).format(name=DEFAULT_PROFILE.name),
    )
    parser.add_argument(
        "--language",
        help=_(
            "language of the captions for the line-break rules, e.g. sv or en "
            "(default: the file's Language: header or NOTE, a name.xx.vtt file name, a guess "
            "from the text, else the profile's language)"
        ),
    )
    parser.add_argument("--encoding", help=_("read IN in this encoding (e.g. cp1252)"))
    parser.add_argument(
        "--video",
        metavar="VIDEO",
        type=Path,
        help=_(
            "the lecture video: cues are cut at the pauses heard in its speech and end where "
            "the speaker stops (the audio analysis is cached per video)"
        ),
    )
    parser.add_argument(
        "--glossary",
        metavar="TERMS.txt",
        type=Path,
        help=_(
            "names and terms that no cue may cut apart (e.g. 'region styrelsen'; default: "
            "glossary.txt beside IN, else your personal glossary, as in the window)"
        ),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("clean even a file that does not look like auto-captions (re-segments it)"),
    )
    parser.epilog = _(
        "Exit status: 0 the clean file was written; 1 IN does not look like auto-captions "
        "and --force was not given (nothing written); 2 IN, the profile or OUT cannot be "
        "used (unreadable, no cues, OUT is IN or a device, pipe or folder, or OUT cannot be "
        "written)."
    )


def default_output(path: Path) -> Path:
    """Return where the clean file goes by default: ``name.clean.vtt`` beside the input."""
    return path.with_name(f"{path.stem}.clean.vtt")


def run(args: argparse.Namespace) -> int:
    """Clean the file; return 0, 1 when it is not auto-captions (without --force), 2 on I/O."""
    return run_guarded(lambda status: _clean(args, status), [EXIT_OK])


def _clean(args: argparse.Namespace, status: list[int]) -> None:
    """Clean the file of ``args``, putting the exit status in ``status[0]``."""
    status[0] = _clean_status(args)


def _clean_status(args: argparse.Namespace) -> int:
    source: Path = args.input
    to_stdout = args.output == STDOUT_NAME
    target = Path(args.output) if args.output else default_output(source)
    refused = None if to_stdout else unusable_target(target, source)
    if refused is not None:
        print(
            _("captionreview clean: {refused} (the auto-captions are kept as they are).").format(
                refused=refused
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    try:
        profile = load_profile(args.profile)
    except ProfileError as error:
        print(_("captionreview clean: {error}").format(error=error), file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        doc = load(source, encoding=args.encoding)
    except EncodingError as error:
        hint = (
            ". " + _("Run again with --encoding {guess}").format(guess=error.guess)
            if error.guess
            else ""
        )
        print(
            printable(
                _("captionreview clean: cannot read {source}: {error}{hint}").format(
                    source=source, error=error, hint=hint
                )
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    # ValueError: a decoder's error the reader did not turn into a message.
    except (CaptionFileError, ValueError) as error:
        print(
            printable(
                _("captionreview clean: cannot read {source}: {error}").format(
                    source=source, error=error
                )
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    except OSError as error:
        print(
            _("captionreview clean: cannot read {source}: {strerror}").format(
                source=source, strerror=error.strerror
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    except LookupError:
        print(
            _("captionreview clean: unknown encoding {encoding!r}").format(encoding=args.encoding),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    cues = list(doc.cues)
    if not cues:
        reason = f" ({doc.problems[0].message})" if doc.problems else ""
        print(
            printable(
                _("captionreview clean: {source} holds no cues{reason}.").format(
                    source=source, reason=reason
                )
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    signs = auto_caption_signs(cues, doc.header_metadata)
    if not signs.is_auto and not args.force:
        print(
            _(
                "captionreview clean: {source} does not look like "
                "auto-captions ({summary}); nothing written. Use --force to "
                "re-segment it anyway."
            ).format(source=source, summary=signs.summary()),
            file=sys.stderr,
        )
        return EXIT_NOT_AUTO
    language = args.language or document_language(doc, profile.language)
    from captionreview.clitools.glossaries import file_glossary

    # Without --glossary, the one the window and check use for this file.
    glossary = file_glossary(args.glossary, source)
    if isinstance(glossary, str):
        print(f"captionreview clean: {glossary}", file=sys.stderr)
        return EXIT_UNREADABLE
    audio = None
    if args.video is not None:
        try:
            audio = cached_analysis(args.video)
        except AudioError as error:
            print(
                _("captionreview clean: {error}; cutting at the pauses in the word times.").format(
                    error=error
                ),
                file=sys.stderr,
            )
    result = clean_auto_captions(
        cues,
        profile,
        metadata=doc.header_metadata,
        language=language,
        audio=audio,
        glossary=glossary,
    )
    # The same edit as Apply in the window; the loaded document is then written elsewhere.
    apply_clean_up(doc, result, language=language)
    report = sys.stdout
    if to_stdout:
        sys.stdout.write(doc.text())
        report = sys.stderr
        target_name = "standard output"
    else:
        try:
            doc.save(target, keep_original=False)
        except CaptionFileError as error:
            print(
                _("captionreview clean: cannot write {target}: {error}").format(
                    target=target, error=error
                ),
                file=sys.stderr,
            )
            return EXIT_UNREADABLE
        target_name = str(target)
    print(
        _("Cleaned {source} -> {target_name} (profile {name})").format(
            source=source, target_name=target_name, name=profile.name
        ),
        file=report,
    )
    print(_("Found: {summary}").format(summary=signs.summary()), file=report)
    print(format_figures(result, profile), file=report)
    return EXIT_OK
