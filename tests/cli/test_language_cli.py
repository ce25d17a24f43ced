"""``--lang sv|en`` and the system locale choose the language of ``check``, ``clean`` and the
report; JSON keys, rule ids and severities stay the same in every language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BROKEN = """WEBVTT

00:00:01.000 --> 00:00:04.000
Svensson & Son

00:00:03.000 --> 00:00:03.200
Ja.
"""


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m captionreview`` with ``args`` (and extra environment variables)."""
    return subprocess.run(
        [sys.executable, "-m", "captionreview", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def caption_file(tmp_path: Path) -> Path:
    """A caption file with an overlap, an unescaped '&' and a too short cue."""
    path = tmp_path / "bad.vtt"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_check_with_lang_sv_speaks_swedish(tmp_path: Path) -> None:
    out = run("check", caption_file(tmp_path), "--no-words", "--lang", "sv")
    assert out.returncode == 1
    assert "Överlappar föregående undertext med 1000 ms" in out.stdout
    assert "1 fil kontrollerad mot se-public" in out.stderr
    assert "3 fel, 0 varningar, 1 anmärkning" in out.stderr


def test_check_follows_the_system_language_and_lang_overrides_it(tmp_path: Path) -> None:
    path = caption_file(tmp_path)
    swedish = run("check", path, "--no-words", env={"LANGUAGE": "sv_SE:en", "LANG": "C.UTF-8"})
    assert "Överlappar" in swedish.stdout
    english = run("check", path, "--no-words", "--lang=en", env={"LANGUAGE": "sv"})
    assert "Overlaps the previous cue by 1000 ms" in english.stdout


def test_json_keys_rule_ids_and_severities_do_not_change_with_the_language(
    tmp_path: Path,
) -> None:
    path = caption_file(tmp_path)
    results = [
        json.loads(run("check", path, "--format", "json", "--lang", lang).stdout)[0]
        for lang in ("en", "sv")
    ]
    english, swedish = results
    assert english.keys() == swedish.keys()
    for key in ("problems", "findings"):
        assert [(f["rule"], f["severity"], sorted(f)) for f in english[key]] == [
            (f["rule"], f["severity"], sorted(f)) for f in swedish[key]
        ]
    assert {f["message"] for f in english["findings"]}.isdisjoint(
        f["message"] for f in swedish["findings"]
    )


def test_help_is_translated(tmp_path: Path) -> None:
    out = run("check", "--help", "--lang", "sv")
    assert out.returncode == 0
    assert "Kontrollera undertextfiler mot en kvalitetsprofil" in out.stdout


def test_the_swedish_report_has_lang_links_and_what_it_cannot_see(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    out = run("report", caption_file(tmp_path), "--no-words", "-o", target, "--lang", "sv")
    assert out.returncode == 0, out.stderr
    assert "Rapporten skrevs till" in out.stdout
    page = target.read_text(encoding="utf-8")
    assert '<html lang="sv">' in page
    assert '<td class="text" lang="sv">' in page
    assert "Vad den här kontrollen inte kan se" in page
    assert '<a href="https://www.w3.org/TR/webvtt1/">VTT-ESC-01</a>' in page
    assert "https://www.w3.org/WAI/WCAG22/Understanding/captions-prerecorded.html" in page
    assert "Underkänd enligt profilen se-public" in page


def test_clean_speaks_swedish(tmp_path: Path) -> None:
    out = run("clean", caption_file(tmp_path), "--lang", "sv")
    assert out.returncode == 1
    assert "ser inte ut som automatisk textning" in out.stderr
