"""``BackgroundWrite``: one field edit written in the ``WRITES`` lane, its outcome handled on the GUI thread.

Typing never waits for the store: the write runs in a worker (after every write
started before it, ``ui.undo.lane_write``), while the window goes on painting and
taking keystrokes; a locked SQLite file or a slow server only makes "Saving…" last
longer. The outcome is handled once, on the GUI thread, exactly as a write on the
GUI thread was: the record is announced, or the refusal said, the command dropped
from the undo stack and a conflict handed to the conflict dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import shiboken6

from briefing.errors import ConflictError
from ui.conflicts.conflict import Conflict
from ui.undo.command import Outcome, describe
from ui.undo.lane_write import pending_writes, wait_for_writes
from ui.undo.waiting_writes import WaitingWrite, waiting_writes

__all__ = ["BackgroundWrite", "pending_writes", "wait_for_writes"]


class EditCommand(Protocol):
    """What is written: ``ui.undo.edit.EditCommand`` (which starts a ``BackgroundWrite``)."""

    ctx: Any
    kind: Any
    row_id: int
    outcome: Outcome
    merged: bool
    broken: bool

    def setObsolete(self, obsolete: bool) -> None: ...  # noqa: N802 - Qt's name


class BackgroundWrite(WaitingWrite):
    """Write ``values`` for ``command`` (based on ``base``, for a conflict) in the ``WRITES`` lane.

    A table cell's write (or a conflict's resolution) that finds the server away waits
    (``ui.undo.waiting_writes``) and is written once the store is back. (An editor's typing
    waits in its form instead, ``EditorForm``, which tries again by itself.)"""

    def __init__(self, command: EditCommand, values: dict[str, Any], base: dict[str, Any],
                 on_done: Callable[[Outcome], None] | None, *, expected: bool = False) -> None:
        """``expected``: an undo or redo — views show ``values`` until the write has ended
        (``RecordWriter.expect``); refused, they re-read what the store holds."""
        super().__init__(command.ctx, command)
        self.kind, self.row_id = command.kind, command.row_id
        self.outcome = command.outcome
        self.values, self.base = dict(values), dict(base)
        writer = self.ctx.writer
        self.base_id = writer.current_id(self.kind, self.row_id)
        self.base_version = writer.version(self.kind, self.base_id)
        self.on_done = on_done
        self.record: Any = None
        self.expected = writer.expect(self.kind, self.row_id, values) if expected else None

    def may_wait(self) -> bool:
        return bool(getattr(self.command, "waits_offline", False))

    def keep_in_journal(self) -> None:
        """Each value waits in the crash journal too (a kill loses nothing), as the value it is."""
        journal = self.window_journal()
        if journal is None:
            return
        latest = self.ctx.writer.latest(self.kind, self.ctx.writer.current_id(self.kind, self.row_id))
        meeting_id = self.kind.meeting_of(latest) if latest is not None else None
        for field, value in self.values.items():
            journal.record_cell(self.kind.name, self.row_id, field, value, self.base_version, meeting_id)

    def settled(self) -> None:
        journal = self.window_journal()
        if self.journalled and journal is not None:
            for field, value in self.values.items():
                journal.cell_written(self.kind.name, self.row_id, field, value)

    def work(self) -> None:  # in the worker
        writer = self.ctx.writer
        # Re-created meanwhile by a write queued before this one (a source's removal undone, under a
        # new id or the same one again): the version it was based on is the old row's; the new
        # row's latest is the one to build on (versions only go up: a lower one is another row).
        row_id, base = writer.current_id(self.kind, self.row_id), self.base_version
        latest = writer.version(self.kind, row_id)
        if row_id != self.base_id or (base is not None and latest is not None and latest < base):
            base = None
        self.record = writer.write(self.kind, self.row_id, self.values, base=base)

    def finish(self) -> None:
        if self.waiting:  # the views go on showing the values; handled once written
            self.say_waiting()
            return
        if not isinstance(self.error, ConflictError):
            # (refused by a conflict, the values go to the conflict dialog and stay in the journal
            # until the user has chosen: ``ui.conflicts.resolver`` settles them then)
            self.settled()
        outcome = self.outcome
        writer = self.ctx.writer
        if self.expected is not None:
            writer.settled(self.kind, self.row_id, self.expected)
            latest = writer.latest(self.kind, writer.current_id(self.kind, self.row_id))
            if (self.error is not None or self.skipped) and latest is not None:
                self.kind.announce(self.ctx.events, latest)  # views showed the values: re-read the store
        if self.skipped:  # an earlier write of the command was refused: it is being dropped
            outcome.error, outcome.record = self.command.outcome.error, None
        elif self.error is None:
            outcome.error, outcome.record = None, self.record
            self.ctx.writer.announced(self.kind, self.record)
            if not waiting_writes(self.ctx):
                self.saved_if_last()
        else:
            error = self.refusal()
            outcome.error, outcome.record = error, None
            message = describe(error, self.kind)
            self.ctx.status.failed(message)
            self.ctx.events.sig_save_failed.emit(message)
            if not self.command.merged and shiboken6.isValid(self.command):
                self.command.setObsolete(True)  # Qt drops it when it is next undone or redone
            if isinstance(error, ConflictError):
                row_id = self.ctx.writer.current_id(self.kind, self.row_id)
                self.ctx.events.sig_conflict.emit(Conflict(self.kind, row_id, dict(self.values),
                                                           dict(self.base), error.current))
        if self.on_done is not None:
            self.on_done(outcome)
