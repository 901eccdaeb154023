"""The base of every command: a refused write is reported, not raised, and the command drops out.

``QUndoStack.push()`` calls ``redo()``; a command whose write fails marks itself
obsolete, so the stack discards it (Qt does the same when ``undo()`` fails). The
failure goes to the status bar and to ``sig_save_failed``, and ``outcome`` lets
the pusher (who keeps a reference to it: Qt may delete a merged command)
keep the user's text and show the message next to the field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from briefing.errors import BriefbookError, ValidationError
from ui.undo.kinds import RowKind

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.widgets.field_error import FieldError


@dataclass
class Outcome:
    """What became of a command's last run: the error, if any, and the record written."""

    error: BriefbookError | None = None
    record: Any = None

    @property
    def ok(self) -> bool:
        return self.error is None


def describe(error: BriefbookError, kind: RowKind | None = None) -> str:
    """A message for the status bar that says what and where."""
    if isinstance(error, ValidationError):
        where = kind.label(error.field) if kind else error.field
        return f"{where}: {error.message} — not saved."
    return str(error)


class ServiceCommand(QUndoCommand):
    """A command whose ``redo``/``undo`` run service calls through ``attempt``."""

    def __init__(self, ctx: AppContext, text: str, kind: RowKind | None = None) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.kind = kind
        self.outcome = Outcome()
        self.broken = False
        """A write of it was refused in the ``WRITES`` lane: its later writes are skipped."""

    def meeting_to_show(self) -> int | None:
        """The meeting this change belongs to: undo and redo show it (None: the command itself
        asks for the meeting to open, or belongs to none)."""
        return None

    def row_to_show(self) -> tuple[str, int] | None:
        """The row this change is about, as ``(kind name, id)``: undo and redo select it in its tab
        (None: nothing to select)."""
        return None

    def attempt(self, action: Callable[[], Any]) -> bool:
        """Run ``action``; on a Briefbook error report it and drop this command from the stack."""
        try:
            record = action()
        except BriefbookError as error:
            self.outcome.error, self.outcome.record = error, None
            message = describe(error, self.kind)
            self.ctx.status.failed(message)
            self.ctx.events.sig_save_failed.emit(message)
            self.setObsolete(True)
            return False
        self.outcome.error, self.outcome.record = None, record
        self.ctx.status.saved()
        return True


def push_shown(ctx: AppContext, command: ServiceCommand, error: FieldError) -> bool:
    """Push ``command``; say next to what was edited (``error``) whether the store refused it."""
    outcome = command.outcome  # (kept before the push: Qt may delete a merged command)
    ctx.undo_stack.push(command)
    error.show_message(None if outcome.error is None else ctx.status.text)
    return outcome.error is None
