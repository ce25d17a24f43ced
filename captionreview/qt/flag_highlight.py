"""Underlines for flagged words in the cue editor: one style and colour per kind of flag."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from captionreview.core.model import Finding, Severity
from captionreview.core.words.flags import RULE_GLOSSARY, RULE_SPELLING
from captionreview.qt.severity import TEXT_COLOURS

# Each kind of flag is underlined in its own style as well as its own colour, so that the
# kinds differ without colour (WCAG 1.4.1); every colour is 3:1 or more on the editor's base.
_COLOURS = {
    RULE_SPELLING: TEXT_COLOURS[Severity.ERROR],
    RULE_GLOSSARY: "#6a1b9a",
    Severity.WARN: TEXT_COLOURS[Severity.WARN],
    Severity.INFO: TEXT_COLOURS[Severity.INFO],
}
_STYLES = {
    RULE_SPELLING: QTextCharFormat.UnderlineStyle.SpellCheckUnderline,
    RULE_GLOSSARY: QTextCharFormat.UnderlineStyle.DashUnderline,
    Severity.WARN: QTextCharFormat.UnderlineStyle.SingleUnderline,
    Severity.INFO: QTextCharFormat.UnderlineStyle.DotLine,
}


def _format(finding: Finding) -> QTextCharFormat:
    kind = finding.rule if finding.rule in _STYLES else finding.severity
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(_STYLES.get(kind, QTextCharFormat.UnderlineStyle.DotLine))
    fmt.setUnderlineColor(QColor(_COLOURS.get(kind, TEXT_COLOURS[Severity.INFO])))
    return fmt


class FlagHighlighter(QSyntaxHighlighter):
    """Underlines the flagged spans of the cue shown in the editor."""

    def __init__(
        self, document: QTextDocument, spans: Callable[[], list[tuple[int, int, Finding]]]
    ):
        super().__init__(document)
        self._spans = spans
        self.enabled = True

    def highlightBlock(self, text: str) -> None:
        """Apply the underline formats that fall in this block (one editor line)."""
        if not self.enabled:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        for start, end, finding in self._spans():
            if end <= block_start or start >= block_end:
                continue
            a = max(start, block_start) - block_start
            b = min(end, block_end) - block_start
            self.setFormat(a, b - a, _format(finding))
