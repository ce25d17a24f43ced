"""One error hierarchy with data (ARCHITECTURE.md decision 8).

Every error carries where it happened (``path``, ``line``, ``column``, ``snippet``) and a plain
``message`` that says what is wrong and what to do; ``str(error)`` is that message, prefixed by
the line number when there is one, so the UI and the CLI can show it as it is.
"""

from __future__ import annotations

from pathlib import Path


class CaptionReviewError(Exception):
    """The root of every error CaptionReview raises on purpose (bad files, profiles,
    glossaries, a missing speller…): ``except CaptionReviewError`` catches them all, and
    anything else is a bug."""


class CaptionFileError(CaptionReviewError):
    """A caption file cannot be read or written at all."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
        snippet: str = "",
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.snippet = snippet
        super().__init__(str(self))

    def __str__(self) -> str:
        """Return the plain message, with the line number in front when it is known."""
        if self.line is not None:
            return f"line {self.line}: {self.message}"
        return self.message


class EncodingError(CaptionFileError):
    """The file's bytes are not in the expected encoding; ``guess`` names a likely one."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
        snippet: str = "",
        guess: str | None = None,
    ) -> None:
        self.guess = guess
        super().__init__(message, path=path, line=line, column=column, snippet=snippet)


class SaveError(CaptionFileError):
    """Saving failed; the file that was on disk before is left as it was."""
