"""Opening caption files (:func:`load`): decoding, format sniffing, SRT and SBV reading, SRT
export.

WebVTT is the document format; SRT and SBV files are read into a WebVTT document (marked
modified, saved as ``name.vtt`` beside the original). A block the SRT or SBV reader cannot
understand is kept verbatim in the document and reported, as for WebVTT.
"""

from __future__ import annotations

import codecs
import errno
import html
import re
import stat
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from captionreview.core import saving
from captionreview.core.document import Document
from captionreview.core.errors import CaptionFileError, EncodingError
from captionreview.core.i18n import _, ngettext
from captionreview.core.model import Cue, Problem, Severity
from captionreview.core.timecode import (
    format_srt_timestamp,
    parse_sbv_timestamp,
    parse_srt_timestamp,
)
from captionreview.core.vtt.cuetext import plain_text, tag_spans
from captionreview.core.vtt.reader import RawBlock, parse_timing_line, read_vtt
from captionreview.core.vtt.writer import sanitize_cue_text

_ENCODING_NAMES = {"cp1252": "Windows-1252", "latin-1": "Latin-1 (ISO-8859-1)"}
# An encoding name ending in this reads the file in that encoding with every byte that does
# not fit shown as U+FFFD ("utf-8-replace"): what a browser does, and what the reader offers
# for a UTF-8 file with a few bad bytes, where reading it as Latin-1 would garble all of it.
REPLACE_SUFFIX = "-replace"
UTF8_REPLACE = "utf-8" + REPLACE_SUFFIX
# Byte-order marks, longest first: the UTF-32LE mark begins with the UTF-16LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SRT_START_RE = re.compile(r"\s*\d+\s*(?:\r\n|\r|\n)\s*\d+:\d+:\d+[,.]\d+\s*-->")
_SBV_START_RE = re.compile(r"\s*\d+:\d+:\d+\.\d+\s*,\s*\d+:\d+:\d+\.\d+")
_SRT_TIMING_RE = re.compile(r"\s*([0-9:,.]+)\s*-->\s*([0-9:,.]+)")
_CHUNK_RE = re.compile(r"(?:[^\S\r\n]*(?:\r\n|\r|\n))*((?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|\Z))+)")
_EOL_RE = re.compile(r"\r\n|\r|\n")
_FONT_RE = re.compile(r"</?font\b[^>]*>|\{\\[^}]*\}", re.IGNORECASE)
_SRT_KEEP_TAGS = re.compile(r"</?[ibu]>")
# UTF-8 read as Windows-1252 and saved again: å -> Ã¥, ä -> Ã¤, ö -> Ã¶, é -> Ã©, – -> â€“
_MOJIBAKE_RE = re.compile("[ÃÂâ][\u0080-\u00bf\u0152-\u0178\u02c6-\u2122]+")


def _line_of(data: bytes, offset: int) -> int:
    newline = b"\n" if b"\n" in data else b"\r"
    return data.count(newline, 0, offset) + 1


_NORDIC = "åäöæøüéèÅÄÖÆØÜÉÈ"


def _nordic_order(ch: str) -> tuple[int, str]:
    """Sort the letters of a message as a Swedish reader expects: å ä ö first."""
    place = _NORDIC.find(ch)
    return (place if place >= 0 else len(_NORDIC), ch)


def guess_encoding(data: bytes) -> str:
    """Return the most likely 8-bit encoding of bytes that are not UTF-8."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


MAX_FILE_BYTES = 200 * 1024 * 1024
# Characters that do not occur in text files: C0 controls other than tab, LF, FF and CR, DEL,
# and the C1 controls (what bytes 0x80-0x9F become when read as Latin-1).
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SAMPLE = 65536


def looks_binary(text: str) -> bool:
    """Return True when the start of ``text`` is too full of control characters to be text.

    A caption file may hold a stray NUL or two (QUALITY_RULES VTT-NUL-01); one character in
    ten being a control character means it is not text at all.
    """
    sample = text[:_SAMPLE]
    return len(_CONTROL_RE.findall(sample)) * 10 > len(sample)


def sniff_utf16(data: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" for UTF-16 bytes without a BOM, else None.

    Text in a Latin script written as UTF-16 has a NUL as every other byte: the high byte of
    each character. Which half of the pairs holds the NULs tells the byte order.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0) / pairs
    odd = sample[1::2].count(0) / pairs
    codec = None
    if odd > 0.5 and even < 0.05:
        codec = "utf-16-le"
    elif even > 0.5 and odd < 0.05:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _not_text(path: Path | None) -> CaptionFileError:
    name = path.name if path is not None else "the file"
    return CaptionFileError(
        _("{name} is not a text file (it looks like binary data)").format(name=name), path=path
    )


def decode(data: bytes, path: Path | None = None, encoding: str | None = None) -> str:
    """Return the text of a caption file's bytes (a UTF-8 BOM stays as U+FEFF).

    UTF-16 and UTF-32 are recognised by their BOM or, without one, by their NUL bytes. Raises
    EncodingError, naming the line, the byte and a likely encoding, when the bytes are not
    UTF-8 (or not in the given ``encoding``), never guessing silently; CaptionFileError when
    they are not text. A file that starts with the WEBVTT line is always text (a few NULs in
    it are reported by the reader): what the app writes, it reads.
    """
    text = _decode(data, path, encoding)
    if not text.lstrip("\ufeff").startswith("WEBVTT") and looks_binary(text):
        raise _not_text(path)
    return text


def _signed(data: bytes) -> bool:
    """Return True when the bytes start with the WEBVTT line in ASCII (after a UTF-8 BOM).

    Such a file is not UTF-16 or UTF-32, whatever its NULs, and not binary: it may be a file
    the app wrote, with the NULs it was read with.
    """
    return data.removeprefix(codecs.BOM_UTF8).startswith(b"WEBVTT")


def wide_codec(data: bytes) -> str | None:
    """Return the UTF-16 or UTF-32 codec the bytes are in (by BOM or by NULs), else None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    if _signed(data):
        return None
    return sniff_utf16(data) or sniff_utf32(data)


def sniff_utf32(data: bytes) -> str | None:
    """Return "utf-32-le" or "utf-32-be" for UTF-32 bytes without a BOM, else None.

    Text in any living script written as UTF-32 has a NUL as the top byte of every character
    and, for Latin text, as the two bytes below it too.
    """
    sample = data[: _SAMPLE - _SAMPLE % 4]
    units = len(sample) // 4
    if units < 2 or len(data) % 4:
        return None
    for codec, top in (("utf-32-le", 3), ("utf-32-be", 0)):
        if (
            sample[top::4].count(0) == units
            and sample[1 if top == 3 else 2 :: 4].count(0) > units / 2
        ):
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def _explicit(data: bytes, path: Path | None, encoding: str) -> str:
    """Decode with the encoding the user named (``NAME-replace``: bad bytes become U+FFFD)."""
    codec, errors = encoding, "strict"
    if encoding.lower().endswith(REPLACE_SUFFIX):
        codec, errors = encoding[: -len(REPLACE_SUFFIX)], "replace"
    try:
        return data.decode(codec, errors)
    except LookupError:
        raise CaptionFileError(
            _("'{encoding}' is not an encoding Python knows (try 'utf-8' or 'cp1252')").format(
                encoding=encoding
            ),
            path=path,
        ) from None
    except UnicodeDecodeError as error:
        raise EncodingError(
            _(
                "byte 0x{data:02X} cannot be read as {encoding}; open the file "
                "without naming an encoding to get a suggestion"
            ).format(data=data[error.start], encoding=encoding),
            path=path,
            line=_line_of(data, error.start),
            guess=None,
        ) from None


def _decode(data: bytes, path: Path | None, encoding: str | None) -> str:
    if encoding is not None:
        return _explicit(data, path, encoding)
    wide = wide_codec(data)
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as error:
            raise _damaged_wide(data, path, wide, error) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if not _signed(data) and looks_binary(data[:_SAMPLE].decode("latin-1")):
            raise _not_text(path) from None
        damage = utf8_damage(data)
        if damage.mostly_utf8:
            raise _damaged_utf8(data, path, damage) from None
        guess = guess_encoding(data)
        letters = Counter(
            ch for ch in data.decode(guess) if not ch.isascii() and ch.isalpha()
        ).most_common(5)
        shown = " ".join(sorted((ch for ch, _ in letters), key=_nordic_order))
        name = _ENCODING_NAMES.get(guess, guess)
        raise EncodingError(
            _(
                "byte 0x{data:02X} is not UTF-8 — the file looks like "
                "{name}{value}. Open it with encoding='{guess}'"
            ).format(
                data=data[error.start], name=name, value=f" ({shown})" if shown else "", guess=guess
            ),
            path=path,
            line=_line_of(data, error.start),
            snippet=data[max(0, error.start - 20) : error.start + 20].decode(guess),
            guess=guess,
        ) from None


class Utf8Damage(NamedTuple):
    """What reading bytes as UTF-8 met: how many sequences are bad, how many characters good.

    ``bad`` counts the byte sequences that are not UTF-8 (each reads as one U+FFFD), ``good``
    the characters of two or more bytes that are valid UTF-8, and ``offsets`` holds the byte
    offsets of the first few bad sequences (to name their lines).
    """

    bad: int
    good: int
    offsets: list[int]

    @property
    def mostly_utf8(self) -> bool:
        """Return True when the bytes are UTF-8 with a few bad bytes rather than 8-bit text."""
        # In Windows-1252 or Latin-1 text nearly every letter beyond ASCII is a bad
        # sequence and valid UTF-8 pairs happen only by accident (Ã followed by ¥), so
        # more good characters than bad sequences means UTF-8 that was damaged.
        return 0 < self.bad <= self.good


_HIGH_BYTES = bytes(range(128, 256))
_SHOWN_OFFSETS = 20


def utf8_damage(data: bytes) -> Utf8Damage:
    """Return where and how much ``data`` is not UTF-8 (linear in its length)."""
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    good = len(replaced) - ascii_bytes - bad
    offsets: list[int] = []
    view = memoryview(data)
    pos = 0
    # The C decoder runs up to each bad sequence and says where it is; no copies are made.
    while len(offsets) < _SHOWN_OFFSETS and pos < len(data):
        try:
            codecs.utf_8_decode(view[pos:], "strict", True)
            break
        except UnicodeDecodeError as error:
            offsets.append(pos + error.start)
            pos += error.end
    return Utf8Damage(bad, good, offsets)


def _lines_of(data: bytes, offsets: Sequence[int]) -> list[int]:
    """Return the 1-based lines of ascending byte ``offsets`` (one pass over the bytes)."""
    newline = b"\n" if b"\n" in data else b"\r"
    lines: list[int] = []
    line, pos = 1, 0
    for offset in offsets:
        line += data.count(newline, pos, offset)
        pos = offset
        lines.append(line)
    return lines


def _line_list(lines: Sequence[int], total: int) -> str:
    """Return "7, 9, 12" for the lines of the first bad bytes ("7, 9, …" when there are more)."""
    shown = ", ".join(str(n) for n in dict.fromkeys(lines))
    return shown + ", …" if total > len(lines) else shown


def _damaged_utf8(data: bytes, path: Path | None, damage: Utf8Damage) -> EncodingError:
    """Return the error for UTF-8 with a few bad bytes: where they are and what to do."""
    first = damage.offsets[0]
    lines = _lines_of(data, damage.offsets)
    if damage.bad == 1 and _ends_mid_character(data):
        what = _("the file is UTF-8 but ends in the middle of a character (it was cut off)")
    else:
        # One bad byte's line is the error's own; for more, the message lists theirs.
        what = ngettext(
            "the file is UTF-8 except for {n} byte that is not",
            "the file is UTF-8 except for {n} bytes that are not (lines {lines})",
            damage.bad,
        ).format(n=damage.bad, lines=_line_list(lines, damage.bad))
    return EncodingError(
        _(
            "{what}. Open it with encoding='{replace}' to read it as UTF-8 with the bad "
            "bytes shown as \ufffd (reading it as Latin-1 would garble every å, ä and ö)"
        ).format(what=what, replace=UTF8_REPLACE),
        path=path,
        line=lines[0],
        snippet=data[max(0, first - 20) : first + 20].decode("utf-8", "replace"),
        guess=UTF8_REPLACE,
    )


def _ends_mid_character(data: bytes) -> bool:
    """Return True when the bytes end with the start of a UTF-8 character and no more."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.end == len(data) and error.reason == "unexpected end of data"
    return False


def _damaged_wide(
    data: bytes, path: Path | None, codec: str, error: UnicodeDecodeError
) -> EncodingError:
    """Return the error for a UTF-16 or UTF-32 file (by its BOM) whose bytes do not fit."""
    name = codec.upper()
    unit = 2 if codec == "utf-16" else 4
    if error.end == len(data) and len(data) % unit:
        what = _(
            "the file is {name} (it starts with a {name} byte-order mark) but ends in the "
            "middle of a character: it was cut off"
        ).format(name=name)
    else:
        what = _(
            "the file is {name} (it starts with a {name} byte-order mark) but byte {offset} "
            "is not: the file is damaged there"
        ).format(name=name, offset=error.start)
    text = data.decode(codec, "replace")
    return EncodingError(
        _(
            "{what}. Open it with encoding='{replace}' to read it with the damaged "
            "character shown as \ufffd"
        ).format(what=what, replace=codec + REPLACE_SUFFIX),
        path=path,
        line=text.count("\n", 0, text.find("\ufffd")) + 1 if "\ufffd" in text else None,
        guess=codec + REPLACE_SUFFIX,
    )


def replaced_bytes_problem(data: bytes, encoding: str) -> Problem | None:
    """Return the warning for a file read with ``NAME-replace``: which lines show U+FFFD."""
    codec = encoding[: -len(REPLACE_SUFFIX)]
    if codecs.lookup(codec).name != "utf-8":
        text = data.decode(codec, "replace")
        bad = text.count("\ufffd")
        where: list[int] = []
        at = text.find("\ufffd")
        while at != -1 and len(where) < _SHOWN_OFFSETS:
            where.append(at)
            at = text.find("\ufffd", at + 1)
        lines = [text.count("\n", 0, i) + 1 for i in where]
    else:
        damage = utf8_damage(data)
        bad = damage.bad
        lines = _lines_of(data, damage.offsets)
    if not bad:
        return None
    return Problem(
        lines[0],
        Severity.WARN,
        "VTT-ENC-01",
        ngettext(
            "{n} byte that was not {name} is shown as \ufffd (line {lines}); put the right "
            "character there before you save, since saving writes the \ufffd",
            "{n} bytes that were not {name} are shown as \ufffd (lines {lines}); put the "
            "right characters there before you save, since saving writes the \ufffd",
            bad,
        ).format(n=bad, name=codec.upper(), lines=_line_list(lines, bad)),
    )


def sniff_format(text: str, suffix: str = "") -> str:
    """Return "vtt", "srt" or "sbv" from a file's text (and, when unsure, its suffix)."""
    body = text.lstrip("\ufeff")
    if body.startswith("WEBVTT"):
        return "vtt"
    if _SRT_START_RE.match(body):
        return "srt"
    if _SBV_START_RE.match(body):
        return "sbv"
    if suffix.lower() in (".srt", ".sbv"):
        return suffix.lower()[1:]
    return "vtt"


def _chunks(text: str) -> list[tuple[int, list[str]]]:
    """Split text into runs of non-blank lines; return (first line number, lines) pairs."""
    out = []
    line = 1
    pos = 0
    for m in _CHUNK_RE.finditer(text):
        line += len(_EOL_RE.findall(text, pos, m.start(1)))
        lines = _EOL_RE.split(m.group(1).rstrip("\r\n"))
        out.append((line, lines))
        line += len(lines) - 1
        pos = m.start(1) + len(m.group(1).rstrip("\r\n"))
    return out


def srt_text_to_vtt(text: str) -> str:
    """Return SRT cue text as WebVTT payload (``<font>`` and ``{\\an8}`` codes removed)."""
    return sanitize_cue_text(_FONT_RE.sub("", text))


def _read_blocks(
    text: str, kind: str
) -> tuple[list[Cue], list[Problem], list[tuple[int, RawBlock]]]:
    cues: list[Cue] = []
    problems: list[Problem] = []
    raw: list[tuple[int, RawBlock]] = []
    for chunk_line, chunk in _chunks(text.lstrip("\ufeff")):
        for offset, lines in _cue_blocks(chunk, kind):
            line_no = chunk_line + offset
            # An SRT index line first (in SBV, only before a timing line with -->).
            index = len(lines) > 1 and lines[0].strip().isdigit()
            timing_at = 1 if index and (kind == "srt" or "-->" in lines[1]) else 0
            parsed = _parse_timing(lines[timing_at], kind)
            if parsed is None:
                problems.append(_bad_block(line_no + timing_at, lines, timing_at, kind))
                raw.append((len(cues), RawBlock("unparsed", "\n".join(lines) + "\n", line_no)))
                continue
            start, end = parsed
            body = "\n".join(lines[timing_at + 1 :])
            # A cue that ends before it starts is reported by the quality check VTT-TS-03.
            cues.append(Cue(start, end, srt_text_to_vtt(body), line=line_no))
    return cues, problems, raw


def _cue_blocks(lines: list[str], kind: str) -> list[tuple[int, list[str]]]:
    """Split a run of non-blank lines where a cue starts inside it: at a timing line with
    ``-->`` (and the index line before it), as where a blank line is missing between cues.

    Return (offset of the first line, lines) pairs. Saved as WebVTT, a block that cannot be
    read is written as it is, and a WebVTT reader starts a new cue at any such line: split
    here, the cue is read now as it will be read then.
    """
    starts = [0]
    for j in range(1, len(lines)):
        line = lines[j]
        if "-->" not in line:
            continue
        start = j - 1 if lines[j - 1].strip().isdigit() else j
        # The block's own timing line (after its index) is read once, by the caller.
        if start > starts[-1] and _arrow_timing(line) is not None:
            starts.append(start)
    if len(starts) == 1:
        return [(0, lines)]
    ends = [*starts[1:], len(lines)]
    return [(a, lines[a:b]) for a, b in zip(starts, ends, strict=True)]


def _arrow_timing(line: str) -> tuple[int, int] | None:
    """Return the times of a timing line with ``-->``, SRT's (lenient) or else WebVTT's (which
    may leave out the hours), None when it is neither."""
    m = _SRT_TIMING_RE.match(line)
    if m is not None:
        start, end = parse_srt_timestamp(m.group(1)), parse_srt_timestamp(m.group(2))
        if start is not None and end is not None:
            return start, end
    vtt = parse_timing_line(line)
    return None if vtt is None else (vtt[0], vtt[1])


def _parse_timing(line: str, kind: str) -> tuple[int, int] | None:
    """Return the times of a timing line: one with ``-->`` (SRT's or WebVTT's) or SBV's."""
    if "-->" in line:
        return _arrow_timing(line)
    if kind != "sbv":
        return None
    first, comma, second = line.partition(",")
    if not comma:
        return None
    start, end = parse_sbv_timestamp(first), parse_sbv_timestamp(second)
    if start is None or end is None:
        return None
    return start, end


def _bad_block(line_no: int, lines: list[str], timing_at: int, kind: str) -> Problem:
    example = "0:00:01.000,0:00:02.000" if kind == "sbv" else "00:00:01,000 --> 00:00:02,000"
    return Problem(
        line_no,
        Severity.ERROR,
        "VTT-TS-02" if kind == "srt" and "-->" not in lines[timing_at] else "VTT-TS-01",
        _(
            "this block has no timing line that can be read (expected a "
            "line like {example}); it is kept as it is but players will "
            "not show it"
        ).format(example=example),
        lines[timing_at][:80],
    )


def load(path: Path | str, encoding: str | None = None) -> Document:
    """Read a caption file (.vtt, .srt or .sbv) into a :class:`Document`.

    Raises CaptionFileError (EncodingError for undecodable bytes) only when the file cannot
    be read at all; malformed blocks are kept and listed in ``doc.problems``.
    """
    return read_caption_file(saving.absolute_path(path), encoding)


def read_caption_file(path: Path, encoding: str | None = None) -> Document:
    """Read a .vtt, .srt or .sbv file into a Document (see :func:`load`).

    Raises CaptionFileError when the file cannot be opened, is empty or is not captions;
    EncodingError when its bytes are not UTF-8 (or the given encoding).
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        # A FIFO or a device would block or never end: only regular files are read.
        if not stat.S_ISREG(info.st_mode):
            raise CaptionFileError(
                _("{name} is not a regular file: open a caption file").format(name=path.name),
                path=path,
            )
        if info.st_size > MAX_FILE_BYTES:
            raise CaptionFileError(
                _(
                    "{name} is {st_size} MB, far too big for a caption file (the "
                    "limit is {MAX_FILE_BYTES} MB): is it the right file?"
                ).format(
                    name=path.name,
                    st_size=info.st_size // (1024 * 1024),
                    MAX_FILE_BYTES=MAX_FILE_BYTES // (1024 * 1024),
                ),
                path=path,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise CaptionFileError(
            _("the file {path} does not exist").format(path=path), path=path
        ) from None
    except IsADirectoryError:
        raise CaptionFileError(
            _("{path} is a folder, not a caption file").format(path=path), path=path
        ) from None
    except OSError as error:
        raise CaptionFileError(
            _("cannot open {path}: {value}").format(path=path, value=error.strerror or error),
            path=path,
        ) from None
    text = decode(data, path, encoding)
    if not text.strip("\ufeff \t\r\n"):
        raise CaptionFileError(
            _("the file {name} is empty: it holds no captions").format(name=path.name), path=path
        )
    kind = sniff_format(text, path.suffix)
    if kind == "vtt":
        parsed = read_vtt(text)
        doc = Document(parsed, path, text=text)
        if not parsed.has_signature:
            # Saving adds the WEBVTT line the file lacks: there is something to save.
            doc.mark_unsaved()
    else:
        cues, problems, raw = _read_blocks(text, kind)
        if not cues:
            raise CaptionFileError(
                _("{name} is not a caption file: no cue with a timing line was found").format(
                    name=path.name
                ),
                path=path,
            )
        doc = Document.from_cues(cues, path, problems=problems, raw_blocks=raw, source_format=kind)
    mojibake = find_mojibake(text)
    if mojibake is not None:
        doc.problems.append(mojibake)
    _encoding_problems(doc, data, encoding)
    return doc


def source_codec(data: bytes, encoding: str | None) -> str:
    """Return the name of the encoding ``decode(data, encoding=encoding)`` read the bytes in."""
    if encoding is not None:
        codec = encoding
        if encoding.lower().endswith(REPLACE_SUFFIX):
            codec = encoding[: -len(REPLACE_SUFFIX)]
        return codecs.lookup(codec).name
    return codecs.lookup(wide_codec(data) or "utf-8").name


def _encoding_problems(doc: Document, data: bytes, encoding: str | None) -> None:
    """Say what saving does to the encoding: UTF-8, and U+FFFD where bytes were replaced."""
    codec = source_codec(data, encoding)
    converted = codec != "utf-8"
    if converted:
        what = codec.upper() if codec.startswith("utf-") else _("not UTF-8")
        doc.problems.append(
            Problem(
                1,
                Severity.INFO,
                "VTT-ENC-01",
                _("the file is {what}; it will be saved as UTF-8 as WebVTT requires").format(
                    what=what
                ),
            )
        )
    replaced = None
    if encoding is not None and encoding.lower().endswith(REPLACE_SUFFIX):
        replaced = replaced_bytes_problem(data, encoding)
    if replaced is not None:
        doc.problems.append(replaced)
        doc.problems.sort(key=lambda p: p.line)
    if converted or replaced is not None:
        doc.mark_unsaved()


def find_mojibake(text: str) -> Problem | None:
    """Return a warning for the first line that looks double-encoded ("VÃ¤lkommen"), if any."""
    # Every double-encoded character starts with one of these three letters; looking for
    # them is a fast scan, so a file without them (nearly all) skips the pattern.
    if "Ã" not in text and "Â" not in text and "â" not in text:
        return None
    for m in _MOJIBAKE_RE.finditer(text):
        try:
            fixed = m.group(0).encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end != -1 else len(text)].strip()
        return Problem(
            len(_EOL_RE.findall(text, 0, m.start())) + 1,
            Severity.WARN,
            "VTT-ENC-01",
            _(
                "the text looks double-encoded: '{group}' is probably "
                "'{fixed}' (the file was converted to UTF-8 twice); fix it "
                "with the clean-up or in the source"
            ).format(group=m.group(0), fixed=fixed),
            line[:80],
        )
    return None


def _srt_text(text: str) -> str:
    """Return cue payload as SRT text: only <i> <b> <u> kept, character references decoded."""
    parts = []
    pos = 0
    for start, end in tag_spans(text):
        parts.append(html.unescape(text[pos:start]))
        if _SRT_KEEP_TAGS.fullmatch(text, start, end):
            parts.append(text[start:end])
        pos = end
    parts.append(html.unescape(text[pos:]))
    return "".join(parts)


def _srt_lines(cue: Cue) -> list[str]:
    return [line for line in _srt_text(cue.text).split("\n") if line.strip()]


def write_srt(cues: Sequence[Cue]) -> str:
    """Return the cues as SubRip text: renumbered, comma timestamps, WebVTT markup removed.

    A cue without visible text is left out: in SubRip an empty block ends the file for many
    players (:func:`srt_export_notes` tells the user). Times are written as they are.
    """
    blocks: list[str] = []
    for cue in cues:
        lines = _srt_lines(cue)
        if not "".join(lines).strip() or not plain_text(cue.text).strip():
            continue
        timing = f"{format_srt_timestamp(cue.start_ms)} --> {format_srt_timestamp(cue.end_ms)}"
        blocks.append("\n".join([str(len(blocks) + 1), timing, *lines]))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def export_srt(doc: Document, path: Path | str) -> Path:
    """Write ``doc``'s cues as SubRip (.srt) atomically; raises SaveError on failure.

    Cues without text are left out and times are written as they are;
    :func:`srt_export_notes` says what was left out or looks wrong.
    """
    target = saving.absolute_path(path)
    saving.atomic_write(target, write_srt(doc.cues).encode("utf-8"))
    return target


def srt_export_notes(cues: Sequence[Cue]) -> list[str]:
    """Return plain sentences about what :func:`write_srt` does to these cues: the cues
    without text it leaves out and the cues it writes that end before they start."""
    empty = [i + 1 for i, cue in enumerate(cues) if not plain_text(cue.text).strip()]
    backwards = [
        i + 1
        for i, cue in enumerate(cues)
        if cue.end_ms <= cue.start_ms and plain_text(cue.text).strip()
    ]
    notes = []
    if empty:
        notes.append(
            ngettext(
                "{n} cue without text was left out (cue {numbers})",
                "{n} cues without text were left out (cue {numbers})",
                len(empty),
            ).format(n=len(empty), numbers=_numbers(empty))
        )
    if len(backwards) == 1:
        notes.append(
            _(
                "cue {backwards} ends before or when it starts; written as it is: fix the times"
            ).format(backwards=backwards[0])
        )
    elif backwards:
        notes.append(
            _(
                "cues {numbers} end before or when they start; written as they are: fix the times"
            ).format(numbers=_numbers(backwards))
        )
    return notes


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5])
    return shown + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")
