"""``BackgroundWrite``: one field edit written in the ``WRITES`` lane, its outcome handled on the GUI thread.

Typing never waits for the store: the write runs in a worker (after every write
started before it), while the window goes on painting and taking keystrokes; a
locked SQLite file or a slow server only makes "Saving…" last longer. The outcome
is handled once, on the GUI thread — when the worker's report arrives, or earlier
when someone waits for the writes (``wait_for_writes``: a flush before the window
shows another meeting, closes, or exports) — exactly as a write on the GUI thread
was: the record is announced, or the refusal said, the command dropped from the
undo stack and a conflict handed to the conflict dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import shiboken6

from briefing.errors import BriefbookError, ConflictError, StoreError
from ui.background import WRITES, BackgroundTask, failure_message
from ui.conflicts.conflict import Conflict
from ui.undo.command import Outcome, describe


class EditCommand(Protocol):
    """What is written: ``ui.undo.edit.EditCommand`` (which starts a ``BackgroundWrite``)."""

    ctx: Any
    kind: Any
    row_id: int
    outcome: Outcome
    merged: bool

    def setObsolete(self, obsolete: bool) -> None: ...  # noqa: N802 - Qt's name

#: Writes started and not yet handled, oldest first.
_PENDING: list[BackgroundWrite] = []


class BackgroundWrite:
    """Write ``values`` for ``command`` (based on ``base``, for a conflict) in the ``WRITES`` lane."""

    def __init__(self, command: EditCommand, values: dict[str, Any], base: dict[str, Any],
                 on_done: Callable[[Outcome], None] | None) -> None:
        self.command = command  # the Python side: Qt may delete a merged command's C++ side
        self.ctx, self.kind, self.row_id = command.ctx, command.kind, command.row_id
        self.outcome = command.outcome
        self.values, self.base = dict(values), dict(base)
        writer = self.ctx.writer
        self.base_version = writer.version(self.kind, writer.current_id(self.kind, self.row_id))
        self.on_done = on_done
        self.record: Any = None
        self.error: BaseException | None = None
        self.handled = False
        self.task = BackgroundTask(self._work, WRITES)
        self.task.signals.sig_finished.connect(lambda _result: self.handle())

    def start(self) -> None:
        _PENDING.append(self)
        self.ctx.status.saving()
        self.task.start()

    def _work(self, _progress: object) -> None:  # in the worker
        try:
            self.record = self.ctx.writer.write(self.kind, self.row_id, self.values, base=self.base_version)
        except Exception as error:  # noqa: BLE001 - every failure is handled on the GUI thread
            self.error = error

    def handle(self) -> None:
        """On the GUI thread, once the write has ended: announce it, or say why not."""
        if self.handled:
            return
        self.handled = True
        if self in _PENDING:
            _PENDING.remove(self)
        outcome = self.outcome
        if self.error is None:
            outcome.error, outcome.record = None, self.record
            self.ctx.writer.announced(self.kind, self.record)
            if not any(w.ctx is self.ctx for w in _PENDING):
                self.ctx.status.saved()
        else:
            error = self.error if isinstance(self.error, BriefbookError) else StoreError(
                failure_message(self.error, "The change could not be saved"))
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


def pending_writes(ctx: object | None = None) -> int:
    """How many background writes (of ``ctx``'s window, or of any) have not been handled yet."""
    return sum(1 for write in _PENDING if ctx is None or write.ctx is ctx)


def wait_for_writes(msecs: int = -1) -> bool:
    """Block until every write started has ended, and handle their outcomes now, in order
    (a flush that must leave everything written). False when ``msecs`` passed first."""
    if not WRITES.wait(msecs):
        return False
    for write in list(_PENDING):
        write.handle()
    return True
