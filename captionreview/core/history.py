"""Undo and redo: commands that store their inverse as data (ARCHITECTURE.md decision 4).

A :class:`Command` is a list of small :class:`Change` objects, each of which knows how to
apply and revert itself; undo reverts them in reverse order. Nothing snapshots the document.
The history also remembers which command was current when the document was saved, which is
what "modified" means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Change(Protocol):
    """One primitive, invertible change to a document."""

    def apply(self) -> None:
        """Make the change."""

    def revert(self) -> None:
        """Undo the change (only ever called right after :meth:`apply`)."""

    def absorb(self, later: Change) -> bool:
        """Fold ``later`` into this change when both touch the same thing; return success."""


@dataclass(slots=True)
class Command:
    """One undo step: a description for the Edit menu and the changes it made."""

    description: str
    changes: list[Change] = field(default_factory=list)
    merge_key: object = None

    def apply(self) -> None:
        """Redo every change, first to last."""
        for change in self.changes:
            change.apply()

    def revert(self) -> None:
        """Undo every change, last to first."""
        for change in reversed(self.changes):
            change.revert()


_NEVER_SAVED = object()


class History:
    """The undo and redo stacks plus the saved-state marker."""

    def __init__(self) -> None:
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._saved: object = None

    @property
    def can_undo(self) -> bool:
        """Return True when there is a step to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Return True when there is a step to redo."""
        return bool(self._redo)

    @property
    def undo_description(self) -> str | None:
        """Return the description of the step :meth:`undo` would undo."""
        return self._undo[-1].description if self._undo else None

    @property
    def redo_description(self) -> str | None:
        """Return the description of the step :meth:`redo` would redo."""
        return self._redo[-1].description if self._redo else None

    @property
    def modified(self) -> bool:
        """Return True when the current state is not the one last saved."""
        current = self._undo[-1] if self._undo else None
        return current is not self._saved

    def mark_saved(self) -> None:
        """Remember the current state as the saved one."""
        self._saved = self._undo[-1] if self._undo else None

    def mark_never_saved(self) -> None:
        """Make the document count as modified until it is saved (e.g. after a conversion)."""
        self._saved = _NEVER_SAVED

    def push(self, command: Command) -> None:
        """Record a command that has just been applied.

        A command with a ``merge_key`` equal to the previous command's is folded into it
        (consecutive typing in one cue), unless the previous one is the saved state.
        """
        self._redo.clear()
        top = self._undo[-1] if self._undo else None
        if (
            top is not None
            and command.merge_key is not None
            and command.merge_key == top.merge_key
            and top is not self._saved
        ):
            if (
                len(top.changes) == 1
                and len(command.changes) == 1
                and top.changes[0].absorb(command.changes[0])
            ):
                return
            top.changes.extend(command.changes)
            return
        self._undo.append(command)

    def undo(self) -> Command | None:
        """Revert the last command and return it (None when there is nothing to undo)."""
        if not self._undo:
            return None
        command = self._undo.pop()
        # The stacks show the state after the step before the step runs: the changes notify
        # listeners, and one that reads the history then must not see the command in neither.
        self._redo.append(command)
        try:
            command.revert()
        except BaseException:
            self._undo.append(self._redo.pop())
            raise
        return command

    def redo(self) -> Command | None:
        """Re-apply the last undone command and return it (None when there is none)."""
        if not self._redo:
            return None
        command = self._redo.pop()
        self._undo.append(command)
        try:
            command.apply()
        except BaseException:
            self._redo.append(self._undo.pop())
            raise
        return command

    def clear(self) -> None:
        """Forget every step (the saved marker then means 'as loaded')."""
        self._undo.clear()
        self._redo.clear()
        self._saved = None
