"""``captionreview clean`` run as a real subprocess on real files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import captionreview
from captionreview.core.vtt.cuetext import plain_lines, tag_spans

DEMO_YOUTUBE = Path("youtube") / "lecture.sv.vtt"


def run_clean(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "captionreview", "clean", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def distinct_words(path: Path) -> list[str]:
    """The spoken words of an auto-caption file, each shown line taken once (ASR-01)."""
    lines: list[str] = []
    for cue in captionreview.load(path).cues:
        for line in plain_lines(cue.text):
            line = " ".join(line.split())
            if line and (not lines or lines[-1] != line):
                lines.append(line)
    return " ".join(lines).split()


def spoken_words(path: Path) -> list[str]:
    return [
        w for c in captionreview.load(path).cues for ln in plain_lines(c.text) for w in ln.split()
    ]


@pytest.fixture()
def youtube_file(tmp_path: Path, demo_dir: Path) -> Path:
    source = demo_dir / DEMO_YOUTUBE
    if not source.exists():
        pytest.skip("the demo's YouTube-form captions are not in assets/demo")
    return Path(shutil.copy(source, tmp_path / "lecture.sv.vtt"))


def test_clean_writes_clean_webvtt_beside_the_input(youtube_file: Path) -> None:
    before = youtube_file.read_bytes()
    result = run_clean(youtube_file)
    assert result.returncode == 0, result.stderr
    out = youtube_file.with_name("lecture.sv.clean.vtt")
    text = out.read_text(encoding="utf-8")
    assert youtube_file.read_bytes() == before  # the input is left alone
    # YouTube's "Kind:" goes; the legal "Language:" line, which names the track, stays.
    assert "Kind:" not in text and text.startswith("WEBVTT\nLanguage: sv\n")
    assert not list(tag_spans(text))
    assert "align:start" not in text
    doc = captionreview.load(out)
    assert doc.problems == []
    assert spoken_words(out) == distinct_words(youtube_file)
    for a, b in zip(doc.cues, list(doc.cues)[1:], strict=False):
        assert a.end_ms <= b.start_ms
    # the figures are printed, and they are the real ones
    assert "Removed:" in result.stdout and "rolling duplicate lines" in result.stdout
    assert "Found: " in result.stdout and "carry word timings" in result.stdout
    cue_row = next(line for line in result.stdout.splitlines() if line.startswith("cues "))
    assert cue_row.split()[1:] == [str(len(captionreview.load(youtube_file).cues)), str(len(doc))]
    assert "Traceback" not in result.stderr


def test_output_to_stdout_keeps_the_figures_on_stderr(youtube_file: Path, tmp_path: Path) -> None:
    result = run_clean(youtube_file, "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("WEBVTT\n")
    assert "Removed:" in result.stderr and "Removed:" not in result.stdout
    saved = tmp_path / "from-stdout.vtt"
    saved.write_text(result.stdout, encoding="utf-8")
    assert spoken_words(saved) == distinct_words(youtube_file)


def test_profile_limits_are_used(youtube_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "bbc.vtt"
    result = run_clean(youtube_file, "-o", out, "--profile", "bbc")
    assert result.returncode == 0, result.stderr
    lines = [ln for c in captionreview.load(out).cues for ln in plain_lines(c.text)]
    assert max(len(line) for line in lines) <= 37
    assert "lines over 37" in result.stdout


@pytest.mark.corpus
def test_srt_auto_captions(corpus: Path, tmp_path: Path) -> None:
    source = corpus / "real/youtube-auto/wrolpi__example3.en.srt"
    out = tmp_path / "example3.vtt"
    result = run_clean(source, "-o", out, "--language", "en")
    assert result.returncode == 0, result.stderr
    assert spoken_words(out) == distinct_words(source)
    assert "NOTE Language: en" in out.read_text(encoding="utf-8")


@pytest.mark.corpus
def test_a_human_made_file_is_refused_unless_forced(corpus: Path, tmp_path: Path) -> None:
    source = corpus / "real/human-made/wrolpi__example2.en.vtt"
    out = tmp_path / "out.vtt"
    refused = run_clean(source, "-o", out)
    assert refused.returncode == 1
    assert "does not look like auto-captions" in refused.stderr and "--force" in refused.stderr
    assert not out.exists()
    forced = run_clean(source, "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert spoken_words(out) == spoken_words(source)


def test_missing_and_unreadable_files_give_a_plain_message(tmp_path: Path) -> None:
    missing = run_clean(tmp_path / "nowhere.vtt")
    assert missing.returncode == 2
    assert "nowhere.vtt" in missing.stderr and "Traceback" not in missing.stderr
    junk = tmp_path / "junk.vtt"
    junk.write_bytes(b"\x00\x01 this is not a caption file\n")
    unreadable = run_clean(junk)
    assert unreadable.returncode == 2
    assert "junk.vtt" in unreadable.stderr and "Traceback" not in unreadable.stderr


def test_output_over_the_input_is_refused(youtube_file: Path) -> None:
    before = youtube_file.read_bytes()
    result = run_clean(youtube_file, "-o", youtube_file)
    assert result.returncode == 2
    assert "is the input file" in result.stderr or "itself" in result.stderr
    assert youtube_file.read_bytes() == before


def test_special_files_are_refused_as_output(youtube_file: Path, tmp_path: Path) -> None:
    result = run_clean(youtube_file, "-o", "/dev/full")
    assert result.returncode == 2 and "not a regular file" in result.stderr
    assert Path("/dev/full").is_char_device()
    assert run_clean(youtube_file, "-o", tmp_path).returncode == 2


def test_profile_files_are_accepted_like_check(youtube_file: Path, tmp_path: Path) -> None:
    profile = tmp_path / "narrow.toml"
    profile.write_text("max_chars_per_line = 30\n", encoding="utf-8")
    out = tmp_path / "out.vtt"
    result = run_clean(youtube_file, "-o", out, "--profile", profile)
    assert result.returncode == 0, result.stderr
    lines = [ln for c in captionreview.load(out).cues for ln in plain_lines(c.text)]
    assert lines and max(len(ln) for ln in lines) <= 30
    bad = run_clean(youtube_file, "--profile", "no-such-profile")
    assert bad.returncode == 2 and "unknown profile" in bad.stderr


def test_unwritable_output_gives_a_plain_message(youtube_file: Path, tmp_path: Path) -> None:
    result = run_clean(youtube_file, "-o", tmp_path / "no" / "such" / "folder" / "x.vtt")
    assert result.returncode == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_wrong_encoding_names_the_option_to_use(tmp_path: Path) -> None:
    latin = tmp_path / "latin.vtt"
    latin.write_bytes(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nK\xf6ping \xe4r fint\n")
    refused = run_clean(latin, "--force")
    assert refused.returncode == 2
    assert "--encoding cp1252" in refused.stderr and "Traceback" not in refused.stderr
    done = run_clean(latin, "--force", "--encoding", "cp1252", "-o", tmp_path / "out.vtt")
    assert done.returncode == 0, done.stderr
    assert "Köping är fint" in (tmp_path / "out.vtt").read_text(encoding="utf-8")


def test_clean_writes_what_apply_in_the_window_makes(youtube_file: Path, tmp_path: Path) -> None:
    from captionreview.core.cleanup.rolling import apply_clean_up, clean_auto_captions
    from captionreview.core.profiles import DEFAULT_PROFILE

    out = tmp_path / "cli.vtt"
    assert run_clean(youtube_file, "-o", out).returncode == 0
    doc = captionreview.load(youtube_file)
    result = clean_auto_captions(
        list(doc.cues), DEFAULT_PROFILE, metadata=doc.header_metadata, language=doc.language
    )
    apply_clean_up(doc, result)
    assert out.read_text(encoding="utf-8") == doc.text()
    assert captionreview.load(out).language == "sv"


def test_help_explains_the_exit_status() -> None:
    result = run_clean("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Exit status: 0 the clean file was written; 1 IN does not look like" in text
    assert "--force was not given (nothing written); 2 IN, the profile or OUT" in text


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed")
def test_clean_with_video_and_glossary_cuts_at_pauses_and_keeps_terms_whole(
    youtube_file: Path, demo_dir: Path, tmp_path: Path
) -> None:
    result = subprocess.run(
        [
            sys.executable, "-m", "captionreview", "clean", str(youtube_file),
            "--video", str(demo_dir / "lecture.mp4"),
            "--glossary", str(demo_dir / "glossary.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    cues = captionreview.load(youtube_file.with_name("lecture.sv.clean.vtt")).cues
    texts = [" ".join(plain_lines(c.text)) for c in cues]
    assert spoken_words(youtube_file.with_name("lecture.sv.clean.vtt")) == distinct_words(
        youtube_file
    )
    for term in ("region styrelsen", "till växt verket", "anna söder gren"):
        assert any(term in text for text in texts), term
    assert "tack för i dag" in texts  # the last sentence, after a pause, stands alone


def test_clean_with_an_unusable_video_still_cleans(youtube_file: Path, tmp_path: Path) -> None:
    result = run_clean(youtube_file, "--video", tmp_path / "missing.mp4")
    assert result.returncode == 0
    assert "missing.mp4" in result.stderr and "Traceback" not in result.stderr
    assert youtube_file.with_name("lecture.sv.clean.vtt").exists()


def test_clean_uses_the_glossary_beside_the_file_as_the_window_does(
    youtube_file: Path, demo_dir: Path, tmp_path: Path
) -> None:
    # Without a glossary "till växt verket" is cut between two lines; glossary.txt beside
    # the file keeps it whole, as --glossary does and as the window's clean-up does.
    home = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}  # no personal glossary

    def cleaned(*extra: str | Path) -> list[str]:
        out = tmp_path / "out.vtt"
        command = [sys.executable, "-m", "captionreview", "clean", str(youtube_file), "-o"]
        result = subprocess.run(
            [*command, str(out), *map(str, extra)],
            capture_output=True,
            text=True,
            timeout=120,
            env=home,
        )
        assert result.returncode == 0, result.stderr
        return [line for c in captionreview.load(out).cues for line in plain_lines(c.text)]

    cut = "enligt anna söder gren på till växt"
    assert cut in cleaned()
    chosen = cleaned("--glossary", demo_dir / "glossary.txt")
    assert cut not in chosen
    shutil.copy(demo_dir / "glossary.txt", youtube_file.with_name("glossary.txt"))
    assert cleaned() == chosen
