"""The report's section "Accuracy of the automatic captions": WER, the NER estimate, the
confusions, a chart of errors by kind, and the review progress with its comments.

Every number comes from :func:`captionreview.core.compare.compare` (as in ``captionreview
compare`` and the window) and from the review sidecar (:mod:`captionreview.core.review`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from captionreview.core.compare import (
    ChangeKind,
    Comparison,
    kind_label,
    percent,
    summary_lines,
)
from captionreview.core.i18n import _, ngettext
from captionreview.core.model import Cue, ErrorSeverity
from captionreview.core.review import ReviewCounts
from captionreview.core.timecode import format_vtt_timestamp


@dataclass(frozen=True, slots=True)
class AccuracyInput:
    """What the section is about: the comparison, the reviewer's severities and the review."""

    original_name: str
    comparison: Comparison
    cues: Sequence[Cue]
    severities: Mapping[str, ErrorSeverity] = field(default_factory=dict)
    review: ReviewCounts | None = None
    comments: Sequence[tuple[int, str]] = ()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def accuracy_section(data: AccuracyInput) -> str:
    """Return the section as HTML (headings, a summary list, a chart and tables)."""
    result = data.comparison
    ner = result.ner(data.severities)
    verdict = _("passes") if ner.passed else _("fails")
    parts = [
        f"<h2>{_e(_('Accuracy of the automatic captions'))}</h2>",
        "<p>"
        + _e(
            _("Auto track {name} compared with these captions (the reference).").format(
                name=data.original_name
            )
        )
        + "</p>",
        f'<p class="verdict {"pass" if ner.passed else "fail"}">'
        + _e(
            _("NER estimate {accuracy}: {verdict} the usual 98 % mark. WER {wer}.").format(
                accuracy=percent(ner.accuracy), verdict=verdict, wer=percent(result.wer)
            )
        )
        + "</p>",
        '<ul class="accuracy">',
        *(f"<li>{_e(line.strip())}</li>" for line in summary_lines(result, data.severities)[:5]),
        "</ul>",
        f"<h3>{_e(_('Errors by kind'))}</h3>",
        kind_chart(result),
        _confusions_table(result),
    ]
    if data.review is not None:
        parts.append(_review_part(data))
    return "\n".join(parts)


def kind_chart(result: Comparison) -> str:
    """Return an SVG bar chart of the word errors per kind of change, each bar labelled with
    its kind and numbers (not told by colour alone)."""
    errors = result.kind_errors()
    changes = result.kinds()
    top = max(errors.values(), default=0)
    if top == 0:
        return f'<p class="none">{_e(_("No word errors."))}</p>'
    row, label_w, bar_w = 22, 240, 380
    kinds = list(ChangeKind)
    summary = "; ".join(f"{kind_label(k)}: {errors.get(k, 0)}" for k in kinds)
    out = [
        f'<svg class="chart" width="{label_w + bar_w + 160}" height="{row * len(kinds) + 10}" '
        f'role="img" aria-label="{_e(_("Word errors by kind: ") + summary)}">'
    ]
    for n, kind in enumerate(kinds):
        y = 5 + n * row
        count = errors.get(kind, 0)
        width = round(bar_w * count / top)
        text = ngettext(
            "{errors} word errors in {n} change",
            "{errors} word errors in {n} changes",
            changes.get(kind, 0),
        ).format(errors=count, n=changes.get(kind, 0))
        out.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{_e(kind_label(kind))}</text>'
        )
        out.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row - 6}" '
            f'fill="#5c6bc0"><title>{_e(text)}</title></rect>'
        )
        out.append(f'<text x="{label_w + width + 6}" y="{y + 15}">{_e(text)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _confusions_table(result: Comparison) -> str:
    confusions = result.confusions(20)
    if not confusions:
        return ""
    rows = "\n".join(
        f"<tr><td>{_e(c.auto or '∅')}</td><td>{_e(c.corrected or '∅')}</td><td>{c.count}</td></tr>"
        for c in confusions
    )
    return (
        f"<h3>{_e(_('Most frequent confusions'))}</h3>\n<table><thead><tr>"
        f"<th>{_e(_('Auto captions said'))}</th><th>{_e(_('Corrected to'))}</th>"
        f"<th>{_e(_('Times'))}</th></tr></thead><tbody>\n{rows}\n</tbody></table>"
    )


def _review_part(data: AccuracyInput) -> str:
    review = data.review
    assert review is not None
    parts = [
        f"<h3>{_e(_('Review progress'))}</h3>",
        "<p>"
        + _e(review.progress())
        + "; "
        + _e(
            _("{corrected} corrected, {unreviewed} unreviewed.").format(
                corrected=review.corrected, unreviewed=review.unreviewed
            )
        )
        + "</p>",
    ]
    if data.comments:
        rows = "\n".join(
            f"<tr><td>{index + 1}</td><td>{_e(format_vtt_timestamp(data.cues[index].start_ms))}"
            f"</td><td>{_e(data.cues[index].text)}</td><td>{_e(comment)}</td></tr>"
            for index, comment in data.comments
            if index < len(data.cues)
        )
        parts.append(
            f"<table><thead><tr><th>{_e(_('Cue'))}</th><th>{_e(_('Time'))}</th>"
            f"<th>{_e(_('Text'))}</th><th>{_e(_('Comment'))}</th></tr></thead><tbody>\n"
            f"{rows}\n</tbody></table>"
        )
    return "\n".join(parts)
