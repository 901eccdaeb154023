"""The generic field edit: old and new values of some fields of one row, merged per typing burst."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtGui import QUndoCommand

from briefing.errors import ConflictError
from ui.background import WRITES
from ui.conflicts.conflict import Conflict
from ui.undo.background_write import BackgroundWrite
from ui.undo.command import Outcome, ServiceCommand, describe
from ui.undo.kinds import RowKind

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.widgets.field_error import FieldError

#: Commands that may merge share this id (Qt only asks commands with equal ids).
EDIT_MERGE_ID = 1


class EditCommand(ServiceCommand):
    """Set ``new`` values on a row (``undo`` puts ``old`` back), written through the services.

    Two edits of the same row with the same ``burst`` token merge into one undo
    step: the first one's old values, the last one's new values. ``burst=None``
    never merges (a pick from a list, a cell edited in a table). ``shows`` names
    the row undo and redo select when it is not the edited row itself (a source
    is shown by selecting its note).
    """

    def __init__(self, ctx: AppContext, kind: RowKind, row_id: int, old: dict[str, Any],
                 new: dict[str, Any], *, burst: object | None = None, text: str | None = None,
                 shows: tuple[str, int] | None = None, background: bool = False,
                 on_done: Callable[[Outcome], None] | None = None,
                 follow: Callable[[dict[str, Any]], Callable[[Outcome], None] | None] | None = None,
                 cell: bool = False) -> None:
        super().__init__(ctx, text or edit_text(kind, new), kind)
        self.row_id = row_id
        self.shows = shows
        self.old = dict(old)
        self.new = dict(new)
        self.burst = burst
        self._fixed_text = text is not None
        self.background = background
        """Written in the ``WRITES`` lane (``ui.undo.background_write``): the push returns at once
        and ``on_done(outcome)`` is called on the GUI thread when the first write has ended."""
        self._on_done = on_done
        self.cell = cell
        """A table's cell: written in the lane like a background edit, every write (the first
        too) shown at once by the views that lay ``RecordWriter.expected`` over their rows."""
        self.follow = follow
        """For a background edit: ``follow(values)`` is called when undo or redo is about to write
        ``values`` (the editor shows them at once, the store follows); it returns what hears
        that write's outcome."""
        self.waits_offline = cell
        """Its writes wait for a server that is away (``ui.undo.waiting_writes``) instead of being
        refused: a cell's, a conflict's resolution. (An editor's typing waits in its form.)"""
        self._written_once = False
        self.merged = False  # folded into the command before it (Qt deletes this one's C++ side)

    def id(self) -> int:
        return -1 if self.burst is None else EDIT_MERGE_ID

    def redo(self) -> None:
        self._write(self.new, self.old)

    def undo(self) -> None:
        if (self.background or self.cell) and self.outcome.error is not None:
            self.setObsolete(True)  # its write never reached the store: nothing to take back
            return
        self._write(self.old, self.new)

    def _write(self, values: dict[str, Any], base: dict[str, Any]) -> None:
        """Write ``values``; a refusal because the row changed elsewhere is announced as a conflict.

        A cell of a table is always written in the lane, its value shown at once (``expected``).
        Any other edit not meant for the background (a conflict's resolution, a recovered value)
        is written at once when no other write waits, else in turn in the lane (written now it
        would overtake them: an undo of a source's title before the undo that brings it back)."""
        if self.background or self.cell or WRITES.busy:
            on_done, self._on_done = self._on_done, None  # the pusher hears of the first write
            again, self._written_once = self._written_once, True
            if again and self.follow is not None:
                on_done = self.follow(values)  # undo or redo: shown at once, written in turn
            BackgroundWrite(self, values, base, on_done, expected=again or self.cell).start()
            if again and self.cell:  # an undo or redo of a cell: the views show it at once
                latest = self.ctx.writer.latest(self.kind, self.ctx.writer.current_id(self.kind, self.row_id))
                if latest is not None:
                    self.kind.announce(self.ctx.events, latest)
            return
        if self.attempt(lambda: self.ctx.writer.update(self.kind, self.row_id, values)):
            return
        error = self.outcome.error
        if isinstance(error, ConflictError):
            row_id = self.ctx.writer.current_id(self.kind, self.row_id)
            self.ctx.events.sig_conflict.emit(Conflict(self.kind, row_id, dict(values), dict(base),
                                                       error.current))

    def meeting_to_show(self) -> int | None:
        record = self.outcome.record  # (None while its first write waits: the row as last known)
        if record is None:
            record = self.ctx.writer.latest(self.kind, self.ctx.writer.current_id(self.kind, self.row_id))
        return None if record is None else self.kind.meeting_of(record)

    def row_to_show(self) -> tuple[str, int] | None:
        return self.shows or (self.kind.name, self.ctx.writer.current_id(self.kind, self.row_id))

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditCommand)
            or other.isObsolete()
            or self.isObsolete()
            or self.background != other.background
            or self.burst is None
            or other.burst is not self.burst
            or (other.kind.name, other.row_id) != (self.kind.name, self.row_id)
        ):
            return False
        for name, value in other.old.items():
            self.old.setdefault(name, value)
        self.new.update(other.new)
        other.merged = True
        if not self._fixed_text:
            self.setText(edit_text(self.kind, self.new))
        return True


def push_cell_edit(ctx: AppContext, command: EditCommand, error: FieldError) -> None:
    """Push a cell's edit (``cell=True``): it is written in the lane and shown at once; when the
    store has answered, say next to the table (``error``) whether it refused it."""

    def done(outcome: Outcome) -> None:
        if shiboken6.isValid(error):
            error.show_message(None if outcome.ok else describe(outcome.error, command.kind))

    command._on_done = done
    error.show_message(None)
    ctx.undo_stack.push(command)


def edit_text(kind: RowKind, changes: dict[str, Any]) -> str:
    """The undo menu's name for an edit: "Edit title", "Edit start, end"."""
    return "Edit " + ", ".join(kind.label(name).lower() for name in changes)
