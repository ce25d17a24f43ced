#!/usr/bin/env python3
"""Build the CaptionReview demo lecture: video, auto-captions, reference transcript, glossary.

Run from anywhere: ``python3 assets/demo/make_demo.py``. Needs only the Python standard library
and the system tools ``espeak-ng`` (Swedish voice) and ``ffmpeg``. Everything is written next to
this script; see README.md in the same folder for what each file is.

Timing is real: each sentence or clause is synthesised to its own WAV file, its leading and
trailing silence is trimmed, its exact length is measured in samples, and the pieces are joined
with known pauses. Cue times are therefore exactly where that speech is in the audio track.
Word times inside a clause are an ESTIMATE: the clause's duration is shared among its words in
proportion to their length (letters plus one for the following space).
"""

from __future__ import annotations

import array
import json
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
VOICE = "sv"
RATE = 150  # espeak-ng words per minute: a natural lecturing pace
FAST_RATE = 205  # one clause is hurried, which gives a truthfully too-fast auto cue
LEAD_IN_MS = 800
PAUSE_MS = 400  # between sentences or clauses
PARAGRAPH_PAUSE_MS = 1100
TAIL_MS = 1500
SILENCE_THRESHOLD = 400  # of 32767: below this a sample counts as silence when trimming
TRIM_MARGIN_MS = 15
REF_MAX_LINE = 42
REF_MAX_CPS = 15.0
REF_MIN_MS = 1500
REF_GAP_MS = 120  # the reference may hang on after speech, but keeps this gap to the next cue
YT_LINE_CHARS = 38
YT_BRIDGE_MS = 10
TITLE = "Regional utveckling i en orolig tid"


@dataclass(frozen=True)
class Unit:
    """One synthesised sentence or clause with its three renderings."""

    ref: str  # correct transcript text
    auto: str  # what the speech recogniser "heard"
    spoken: str | None = None  # what espeak-ng reads, when it differs from ref
    errors: tuple[tuple[str, str, str], ...] = ()  # (wrong, right, kind)
    join_prev: bool = False  # auto track: continue the previous unit's cue
    rate: int = RATE
    pause_after: int | None = None  # ms of silence before the next unit, when not the default


@dataclass
class Placed:
    """A unit placed on the timeline (milliseconds)."""

    unit: Unit
    paragraph: int
    start: int
    end: int
    words: list[tuple[int, str]] = field(default_factory=list)  # (start_ms, auto word)


PARAGRAPHS: list[tuple[str, list[Unit]]] = [
    (
        "Svensk ekonomi efter kriserna",
        [
            Unit(
                "Välkomna till den här föreläsningen om regional utveckling.",
                "välkomna till den här föreläsningen om regional utveckling",
            ),
            Unit(
                "Svensk ekonomi har haft några tuffa år,",
                "svensk ekonomi har haft några tuffa år",
            ),
            Unit(
                "först med pandemin och sedan med kriget i Ukraina.",
                "först med pandemin och sedan med kriget i ukraina",
            ),
            Unit(
                "I vissa kommuner låg arbetslösheten på 11,8 procent.",
                "i vissa kommuner låg arbetslösheten på 11.8%",
                spoken="I vissa kommuner låg arbetslösheten på elva komma åtta procent.",
                errors=(("11.8%", "11,8 procent", "number"),),
            ),
        ],
    ),
    (
        "EU-budgeten och Tillväxtverket",
        [
            Unit(
                "Under 2024 fördelar Tillväxtverket pengar från EU-budgeten till regionerna.",
                "under två tusen tjugo fyra fördelar till växt verket pengar från eu-budgeten "
                "till regionerna",
                errors=(
                    ("två tusen tjugo fyra", "2024", "number"),
                    ("till växt verket", "Tillväxtverket", "split-compound"),
                ),
            ),
            Unit(
                "Professor Grünewald har visat",
                "professor grön vall har visat",
                errors=(("grön vall", "Grünewald", "name"),),
                pause_after=600,
            ),
            Unit(
                "att kvinnor och män på landsbygden får olika mycket stöd från staten.",
                "att kvinnor och men på landsbygden får olika mycket stöd från staten",
                errors=(("kvinnor och men", "kvinnor och män", "homophone"),),
                join_prev=True,
            ),
            Unit(
                "Regionstyrelsen i Västra Götalandsregionen har antagit en ny strategi.",
                "region styrelsen i västra götalands regionen har antagit en ny strategi",
                errors=(
                    ("västra götalands regionen", "Västra Götalandsregionen", "split-compound"),
                    ("region styrelsen", "Regionstyrelsen", "split-compound"),
                ),
            ),
        ],
    ),
    (
        "Tillitsbaserad styrning i Helsingborg",
        [
            Unit(
                "I Helsingborg arbetar kommunen med tillitsbaserad styrning.",
                "i helsingborg arbetar kommunen med tillits baserad styrning",
                errors=(("tillits baserad", "tillitsbaserad", "split-compound"),),
            ),
            Unit(
                "Det betyder att chefer och medarbetare får större frihet.",
                "det betyder att chefer och och medarbetare får större frihet",
                spoken="Det betyder att chefer och, och medarbetare får större frihet.",
                errors=(("och och", "och", "repeat"),),
            ),
            Unit(
                "En sjuksköterska i hemtjänsten kan själv planera sin dag.",
                "en sjuk sköterska i hemtjänsten kan själv planera sin dag",
                errors=(("sjuk sköterska", "sjuksköterska", "split-compound"),),
            ),
            Unit(
                "Kontrollen minskar, men ansvaret finns kvar.",
                "eh kontrollen minskar men ansvaret finns kvar",
                spoken="Eh, kontrollen minskar, men ansvaret finns kvar.",
                errors=(("eh", "", "filler"),),
            ),
        ],
    ),
    (
        "Vad händer nu?",
        [
            Unit(
                "Enligt Anna Södergren på Tillväxtverket måste regionerna samarbeta mer.",
                "enligt anna söder gren på till växt verket måste regionerna samarbeta mer",
                errors=(
                    ("söder gren", "Södergren", "name"),
                    ("till växt verket", "Tillväxtverket", "split-compound"),
                ),
            ),
            Unit(
                "Det gäller särskilt kompetensförsörjningen och kollektivtrafiken.",
                "det gäller särskilt kompetensförsörjningen och kollektivtrafiken",
                rate=FAST_RATE,
                # a breath after the hurried clause lets the reference cue stay readable
                pause_after=1100,
            ),
            Unit(
                "Nästa gång talar vi om hur landsbygden kan locka unga att stanna.",
                "nästa gång talar vi om hur landsbygden kan locka unga att stanna",
            ),
            Unit("Tack för i dag!", "tack för i dag"),
        ],
    ),
]

GLOSSARY = """\
# CaptionReview demo glossary: names and terms in the demo lecture.
# One entry per line; lines starting with # are comments.
# People
Grünewald
Anna Södergren
# Organisations and places
Tillväxtverket
Västra Götalandsregionen
Helsingborg
Ukraina
EU
# Terms
EU-budgeten
tillitsbaserad styrning
regionstyrelsen
sjuksköterska
hemtjänsten
kompetensförsörjningen
kollektivtrafiken
"""


def fail(message: str) -> None:
    """Print a plain message and stop (no traceback for a missing tool)."""
    print(f"make_demo: {message}", file=sys.stderr)
    raise SystemExit(1)


def need(tool: str, package: str) -> str:
    """Return the path of a system tool, or stop naming the package that provides it."""
    path = shutil.which(tool)
    if path is None:
        fail(f"'{tool}' not found; install it (Debian: apt-get install {package})")
    assert path is not None
    return path


def synthesise(text: str, rate: int, wav_path: Path) -> tuple[array.array[int], int]:
    """Speak text to a WAV with espeak-ng; return its samples trimmed of silence, and the rate."""
    subprocess.run(
        [need("espeak-ng", "espeak-ng"), "-v", VOICE, "-s", str(rate), "-w", str(wav_path), text],
        check=True,
    )
    with wave.open(str(wav_path), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            fail(f"espeak-ng wrote an unexpected WAV format in {wav_path}")
        sample_rate = wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    loud = [i for i, s in enumerate(samples) if abs(s) > SILENCE_THRESHOLD]
    if not loud:
        fail(f"espeak-ng produced silence for: {text!r}")
    margin = sample_rate * TRIM_MARGIN_MS // 1000
    first = max(0, loud[0] - margin)
    last = min(len(samples), loud[-1] + margin)
    return samples[first:last], sample_rate


def word_times(words: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """Estimate word start times by sharing [start, end) in proportion to word length."""
    weights = [len(w) + 1 for w in words]
    total = sum(weights)
    out = []
    acc = 0
    for word, weight in zip(words, weights, strict=True):
        out.append((start + round((end - start) * acc / total), word))
        acc += weight
    return out


def build_audio(workdir: Path) -> tuple[list[Placed], int, Path]:
    """Synthesise every unit, join with pauses, write audio.wav; return placements and length."""
    timeline = array.array("h")
    sample_rate = 0
    placed: list[Placed] = []

    def ms(n_samples: int) -> int:
        return round(n_samples * 1000 / sample_rate)

    def silence(duration_ms: int) -> None:
        timeline.extend([0] * (sample_rate * duration_ms // 1000))

    counter = 0
    previous: Unit | None = None
    for p_index, (_heading, units) in enumerate(PARAGRAPHS):
        for u_index, unit in enumerate(units):
            samples, rate = synthesise(
                unit.spoken or unit.ref, unit.rate, workdir / f"u{counter:02d}.wav"
            )
            counter += 1
            if sample_rate == 0:
                sample_rate = rate
                silence(LEAD_IN_MS)
            elif rate != sample_rate:
                fail("espeak-ng changed its sample rate between sentences")
            elif u_index == 0:
                silence(PARAGRAPH_PAUSE_MS)
            elif previous is not None and previous.pause_after is not None:
                silence(previous.pause_after)
            else:
                silence(PAUSE_MS)
            previous = unit
            start = ms(len(timeline))
            timeline.extend(samples)
            end = ms(len(timeline))
            item = Placed(unit, p_index, start, end)
            item.words = word_times(unit.auto.split(), start, end)
            placed.append(item)
    silence(TAIL_MS)
    wav_path = workdir / "audio.wav"
    out = array.array("h", timeline)
    if sys.byteorder == "big":
        out.byteswap()
    with wave.open(str(wav_path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(out.tobytes())
    return placed, ms(len(timeline)), wav_path


def ts(ms_value: int) -> str:
    """Format milliseconds as a WebVTT timestamp HH:MM:SS.mmm."""
    h, rest = divmod(ms_value, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{milli:03d}"


def wrap_two_lines(text: str) -> str:
    """Break text into at most two balanced lines of <= REF_MAX_LINE, preferring punctuation."""
    if len(text) <= REF_MAX_LINE:
        return text
    best: tuple[float, int] | None = None
    for i, ch in enumerate(text):
        if ch != " ":
            continue
        first, second = text[:i], text[i + 1 :]
        if len(first) > REF_MAX_LINE or len(second) > REF_MAX_LINE:
            continue
        score = abs(len(first) - len(second)) - (8 if first.endswith(",") else 0)
        if best is None or score < best[0]:
            best = (score, i)
    if best is None:
        fail(f"reference text does not fit two lines of {REF_MAX_LINE}: {text!r}")
    assert best is not None
    return text[: best[1]] + "\n" + text[best[1] + 1 :]


def reference_cues(placed: list[Placed], total_ms: int) -> list[tuple[int, int, str]]:
    """One cue per unit; the end may hang on into the pause for reading speed or minimum time."""
    cues = []
    for i, item in enumerate(placed):
        text = wrap_two_lines(item.unit.ref)
        chars = len(item.unit.ref)
        wanted = max(REF_MIN_MS, round(chars / REF_MAX_CPS * 1000))
        limit = (placed[i + 1].start if i + 1 < len(placed) else total_ms) - REF_GAP_MS
        end = max(item.end, min(item.start + wanted, limit))
        cues.append((item.start, end, text))
    return cues


def auto_groups(placed: list[Placed]) -> list[list[int]]:
    """Group unit indices into auto-caption cues (a unit may continue the previous cue)."""
    groups: list[list[int]] = []
    for i, item in enumerate(placed):
        if item.unit.join_prev and groups:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def auto_cues(placed: list[Placed], groups: list[list[int]]) -> list[tuple[int, int, str]]:
    """Auto-caption cues: exact speech span of their units, lower-case text on one line."""
    return [
        (placed[g[0]].start, placed[g[-1]].end, " ".join(placed[i].unit.auto for i in g))
        for g in groups
    ]


def planted_errors(
    placed: list[Placed],
    groups: list[list[int]],
    autos: list[tuple[int, int, str]],
    refs: list[tuple[int, int, str]],
) -> list[dict[str, object]]:
    """List every planted word error and every auto cue that breaks the timing rules."""
    out: list[dict[str, object]] = []
    for cue_index, group in enumerate(groups):
        for unit_index in group:
            for wrong, right, kind in placed[unit_index].unit.errors:
                ref_text = refs[unit_index][2].replace("\n", " ")
                if wrong not in autos[cue_index][2] or right not in ref_text:
                    fail(f"planted error {wrong!r} -> {right!r} does not match the texts")
                out.append(
                    {
                        "cue": cue_index,
                        "ref_cue": unit_index,
                        "wrong": wrong,
                        "right": right,
                        "kind": kind,
                    }
                )
        start, end, text = autos[cue_index]
        seconds = (end - start) / 1000
        cps = len(text) / seconds
        if seconds > 7 or len(text) > 84:
            detail = f"too long: {seconds:.2f} s, {len(text)} characters (max 7 s, 84)"
            out.append(_timing(cue_index, group, detail, "TIM-02"))
        if cps > 17:
            detail = f"too fast: {cps:.1f} characters per second (max 17)"
            out.append(_timing(cue_index, group, detail, "TIM-04"))
    return out


def _timing(cue_index: int, group: list[int], detail: str, rule: str) -> dict[str, object]:
    """One timing entry: no wrong word; the fix is the reference cue timing."""
    return {
        "cue": cue_index,
        "ref_cue": group[0],
        "wrong": "",
        "right": "",
        "kind": "timing",
        "rule": rule,
        "detail": detail,
    }


def youtube_rolling(placed: list[Placed]) -> str:
    """The auto track in YouTube's rolling form: karaoke words, repeated lines, 10 ms bridges."""
    words = [w for item in placed for w in item.words]
    last_end = placed[-1].end
    lines: list[list[tuple[int, str]]] = [[]]
    for word in words:
        current = lines[-1]
        length = sum(len(w) + 1 for _, w in current) + len(word[1])
        if current and length > YT_LINE_CHARS:
            lines.append([word])
        else:
            current.append(word)
    settings = "align:start position:0%"
    blocks = ["WEBVTT\nKind: captions\nLanguage: sv\n"]
    previous = " "
    for k, line in enumerate(lines):
        start = line[0][0]
        end = lines[k + 1][0][0] - YT_BRIDGE_MS if k + 1 < len(lines) else last_end
        karaoke = line[0][1] + "".join(f"<{ts(t)}><c> {w}</c>" for t, w in line[1:])
        plain = " ".join(w for _, w in line)
        blocks.append(f"{ts(start)} --> {ts(end)} {settings}\n{previous}\n{karaoke}\n")
        blocks.append(f"{ts(end)} --> {ts(end + YT_BRIDGE_MS)} {settings}\n{plain}\n \n")
        previous = plain
    return "\n".join(blocks)


def write_vtt(path: Path, header: str, cues: list[tuple[int, int, str]]) -> None:
    """Write a simple WebVTT file."""
    blocks = [header]
    blocks += [f"{ts(s)} --> {ts(e)}\n{text}\n" for s, e, text in cues]
    path.write_text("\n".join(blocks), encoding="utf-8")


def build_video(workdir: Path, wav: Path, placed: list[Placed], total_ms: int, out: Path) -> None:
    """Encode the slide (title, heading and slide number per paragraph) with the speech."""
    ffmpeg = need("ffmpeg", "ffmpeg")
    if not FONT.is_file():
        fail(f"font {FONT} not found (Debian: apt-get install fonts-dejavu-core)")
    bold = FONT_BOLD if FONT_BOLD.is_file() else FONT
    n = len(PARAGRAPHS)
    filters = []

    def text_file(name: str, text: str) -> str:
        path = workdir / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    title = text_file("title.txt", TITLE)
    filters.append(
        f"drawbox=x=0:y=0:w=iw:h=96:color=0x12263a:t=fill,"
        f"drawtext=fontfile={bold}:textfile={title}:fontcolor=white:fontsize=28:"
        f"x=(w-text_w)/2:y=34"
    )
    footer = text_file("footer.txt", "Demoföreläsning – syntetiskt tal (espeak-ng)")
    filters.append(
        f"drawtext=fontfile={FONT}:textfile={footer}:fontcolor=0xa8c0d8:fontsize=14:x=24:y=h-34"
    )
    for p, (heading, _units) in enumerate(PARAGRAPHS):
        starts = [item.start for item in placed if item.paragraph == p]
        begin = 0 if p == 0 else starts[0] / 1000 - 0.4
        nexts = [item.start for item in placed if item.paragraph == p + 1]
        stop = nexts[0] / 1000 - 0.4 if nexts else total_ms / 1000 + 1
        enable = f"enable='between(t,{begin:.3f},{stop:.3f})'"
        head = text_file(f"h{p}.txt", heading)
        number = text_file(f"n{p}.txt", f"Bild {p + 1} av {n}")
        filters.append(
            f"drawtext=fontfile={bold}:textfile={head}:fontcolor=0xffd166:fontsize=26:"
            f"x=(w-text_w)/2:y=(h-text_h)/2+10:{enable}"
        )
        filters.append(
            f"drawtext=fontfile={FONT}:textfile={number}:fontcolor=0xa8c0d8:fontsize=14:"
            f"x=w-text_w-24:y=h-34:{enable}"
        )
    duration = f"{total_ms / 1000:.3f}"
    cmd = [
        ffmpeg, "-v", "error", "-y",
        "-f", "lavfi", "-i", f"color=c=0x1f3b57:s=640x360:r=25:d={duration}",
        "-i", str(wav),
        "-vf", ",".join(filters),
        "-c:v", "libx264", "-preset", "slow", "-tune", "stillimage", "-crf", "28",
        "-pix_fmt", "yuv420p", "-g", "250",
        "-c:a", "aac", "-b:a", "64k", "-ac", "1", "-ar", "44100",
        "-movflags", "+faststart", "-map_metadata", "-1", "-shortest",
        str(out),
    ]  # fmt: skip
    subprocess.run(cmd, check=True)


def main() -> int:
    """Build every demo asset next to this script."""
    need("espeak-ng", "espeak-ng")
    need("ffmpeg", "ffmpeg")
    with tempfile.TemporaryDirectory(prefix="captionreview-demo-") as tmp:
        workdir = Path(tmp)
        placed, total_ms, wav = build_audio(workdir)
        groups = auto_groups(placed)
        autos = auto_cues(placed, groups)
        refs = reference_cues(placed, total_ms)
        errors = planted_errors(placed, groups, autos, refs)
        (HERE / "reference").mkdir(exist_ok=True)
        (HERE / "youtube").mkdir(exist_ok=True)
        write_vtt(HERE / "lecture.sv.vtt", "WEBVTT\nKind: captions\nLanguage: sv\n", autos)
        write_vtt(HERE / "reference" / "lecture.sv.vtt", "WEBVTT\n", refs)
        (HERE / "youtube" / "lecture.sv.vtt").write_text(youtube_rolling(placed), encoding="utf-8")
        (HERE / "glossary.txt").write_text(GLOSSARY, encoding="utf-8")
        (HERE / "planted_errors.json").write_text(
            json.dumps(errors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        build_video(workdir, wav, placed, total_ms, HERE / "lecture.mp4")
    size = (HERE / "lecture.mp4").stat().st_size
    print(
        f"lecture.mp4: {total_ms / 1000:.2f} s, {size / 1024:.0f} KiB; "
        f"{len(autos)} auto cues, {len(refs)} reference cues, {len(errors)} planted errors"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
