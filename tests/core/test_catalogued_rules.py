"""Every catalogued WebVTT rule is reported for some input: none is listed and never emitted."""

from __future__ import annotations

import pytest

from captionreview.core.checks import check_cues, check_document
from captionreview.core.checks.catalogue import RULE_TITLES
from captionreview.core.document import Document
from captionreview.core.formats import load
from captionreview.core.model import Cue
from captionreview.core.profiles import DEFAULT_PROFILE

CUE = "00:01.000 --> 00:04.000\nHej där.\n"
EXAMPLES: dict[str, bytes | str | list[Cue]] = {
    "VTT-ENC-01": b"WEBVTT\n\n" + CUE.encode() + b"H\xe4j d\xc3\xa4r. \xc3\xa5\xc3\xa4\xc3\xb6\n",
    "VTT-NUL-01": "WEBVTT\n\n00:01.000 --> 00:04.000\nHej\0 där.\n",
    "VTT-SIG-01": "WEBVTTX\n\n" + CUE,
    "VTT-HDR-02": "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n" + CUE,
    "VTT-HDR-03": "WEBVTT\n" + CUE,
    "VTT-TS-01": "WEBVTT\n\n00:01 --> 00:04.000\nHej där.\n",
    "VTT-TS-02": "WEBVTT\n\n00:01.000 -> 00:04.000\nHej där.\n",
    "VTT-TS-03": "WEBVTT\n\n00:04.000 --> 00:01.000\nHej där.\n",
    "VTT-TS-04": "WEBVTT\n\n00:05.000 --> 00:08.000\nHej där.\n\n" + CUE,
    "VTT-TS-05": "WEBVTT\n\n00:01.000 --> 00:04.000\nHej <00:09.000>där.\n",
    "VTT-ID-01": "WEBVTT\n\na\n" + CUE + "\na\n00:05.000 --> 00:08.000\nDå.\n",
    "VTT-SET-01": "WEBVTT\n\n00:01.000 --> 00:04.000 colour:red\nHej där.\n",
    "VTT-SET-02": "WEBVTT\n\n00:01.000 --> 00:04.000 align:middle-ish\nHej där.\n",
    "VTT-SET-03": "WEBVTT\n\n00:01.000 --> 00:04.000 region:nowhere\nHej där.\n",
    # An edited text (a file's "-->" line would start a new block): checked as a cue.
    "VTT-TXT-01": [Cue(1000, 4000, "Hej --> där.")],
    "VTT-TXT-02": "WEBVTT\n\n00:01.000 --> 00:04.000\nHej\n\ndär.\n",
    "VTT-TXT-03": "WEBVTT\n\n00:01.000 --> 00:04.000\n\n\n00:05.000 --> 00:08.000\nDå.\n",
    "VTT-ESC-01": "WEBVTT\n\n00:01.000 --> 00:04.000\nHej 3 < 4 där.\n",
    "VTT-TAG-01": "WEBVTT\n\n00:01.000 --> 00:04.000\n<i>Hej där.\n",
    "VTT-NOTE-01": "WEBVTT\n\nNOTE a --> b\n\n" + CUE,
    "VTT-STY-01": "WEBVTT\n\n" + CUE + "\nSTYLE\n::cue { color: red }\n",
    "VTT-REG-01": "WEBVTT\n\n" + CUE + "\nREGION\nid:r\n",
}


def reported(source: bytes | str | list[Cue], tmp_path) -> set[str]:  # type: ignore[no-untyped-def]
    """Rule ids of the reading problems and the quality findings of ``source``."""
    if isinstance(source, list):
        return {f.rule for f in check_cues(source, DEFAULT_PROFILE)}
    if isinstance(source, bytes):
        path = tmp_path / "x.vtt"
        path.write_bytes(source)
        doc = load(path, encoding="cp1252")
    else:
        doc = Document.from_text(source)
    return {p.rule for p in doc.problems} | {f.rule for f in check_document(doc, DEFAULT_PROFILE)}


def test_every_catalogued_webvtt_rule_has_an_example() -> None:
    assert {r for r in RULE_TITLES if r.startswith("VTT-")} == set(EXAMPLES)


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_the_rule_is_reported_for_its_example(rule: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert rule in reported(EXAMPLES[rule], tmp_path)
