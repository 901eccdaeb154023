"""``BackgroundCommand``: an undo command whose store calls (add, delete, move a row…) run in ``WRITES``.

``redo()`` and ``undo()`` hand a store call to ``in_lane(action, announce)`` and
return at once: the call runs in a worker after every write started before it
(``ui.undo.lane_write``), so a slow or locked store never freezes the window, and
an undo pressed while the command's own write waits simply runs after it. The
action reads the command's state in the worker (an id the add made, say), where
the lane's order has made it current. When the outcome arrives on the GUI thread,
``announce(record)`` tells the views (which re-read and show it); a refusal is
said in the status bar and by ``sig_save_failed``, a conflict goes to the conflict
dialog (``in_lane(…, conflict=…)``), and the command drops out of the undo stack, as a
refused field edit does. The pusher hears of the first run through ``on_done``
(``push_in_background``). A write that finds the server away is no refusal: it waits,
in order, with the command on the undo stack, and is written once the store is back
(``ui.undo.waiting_writes``); the outcome is handled then. So that a kill meanwhile
loses nothing, a waiting run is kept in the crash journal as a change to a list
(``in_lane(…, change=…)``, built by ``row_change``) until it has been written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import shiboken6

from briefing.errors import ConflictError
from briefing.recovery.row_changes import ADD, RESTORE, RowChange
from ui.undo.command import Outcome, ServiceCommand, describe
from ui.undo.waiting_writes import WaitingWrite, waiting_writes

if TYPE_CHECKING:
    from ui.conflicts.conflict import Conflict
    from ui.context import AppContext
    from ui.widgets.field_error import FieldError


class BackgroundCommand(ServiceCommand):
    """A command whose ``redo``/``undo`` write through ``in_lane``."""

    def __init__(self, ctx: AppContext, text: str, kind: Any = None) -> None:
        super().__init__(ctx, text, kind)
        self.on_done: Callable[[Outcome], None] | None = None
        """Called (on the GUI thread) with the outcome of the command's first run."""
        self.add_token: str | None = None
        """The crash journal's token of this command's add, kept while its write waited: later
        runs on the row (whose id the add makes) name it until the id is known."""

    def in_lane(self, action: Callable[[], Any], announce: Callable[[Any], None] | None = None,
                conflict: Callable[[ConflictError], Conflict] | None = None, *,
                then: Callable[[Any], None] | None = None,
                ended: Callable[[], None] | None = None,
                change: Callable[[], RowChange | None] | None = None) -> None:
        """Run ``action()`` in the ``WRITES`` lane; then ``announce(record)`` on the GUI thread, or,
        when the store refused a stale write, hand ``conflict(error)`` to the conflict dialog.
        ``then(record)`` runs after "Saved" is said (a note for the status bar in its place);
        ``ended()`` first, however the write ended (written, refused or skipped). ``change()``
        says what the run does to a list, for the crash journal should it wait for the store."""
        on_done, self.on_done = self.on_done, None
        write = CommandWrite(self, action, announce, on_done, conflict)
        write.then, write.ended, write.change = then, ended, change
        write.start()

    def row_change(self, what: str, kind: str, meeting_id: int, row: Callable[[], int | None], *,
                   values: dict[str, Any] | None = None, index: int | None = None,
                   title: str = "", restores: bool = True) -> Callable[[], RowChange | None]:
        """What a run does to a list (``row()``: the row's id, read when the run starts waiting).

        An ``ADD`` of a row that exists (or whose waiting add was kept) brings it back
        (``RESTORE``), unless the list makes a new row each time (``restores=False``: a
        participant); an add whose ``values`` are not known is not kept (None). While this
        command's add waits unwritten, its row is named by the add (``row_of``)."""

        def change() -> RowChange | None:
            row_id = None if self.add_token is not None else row()
            of = self.add_token
            if what != ADD:
                return RowChange(what, kind, meeting_id, row_id, index=index, title=title, row_of=of)
            if restores and (row_id is not None or of is not None):
                return RowChange(RESTORE, kind, meeting_id, row_id, index=index, title=title, row_of=of)
            if values is None:
                return None
            return RowChange(ADD, kind, meeting_id, None, dict(values), index, title)

        return change


class CommandWrite(WaitingWrite):
    """One run of a ``BackgroundCommand`` (its redo or its undo) in the lane."""

    def __init__(self, command: BackgroundCommand, action: Callable[[], Any],
                 announce: Callable[[Any], None] | None, on_done: Callable[[Outcome], None] | None,
                 conflict: Callable[[ConflictError], Conflict] | None = None) -> None:
        super().__init__(command.ctx, command)
        self.action, self.announce, self.on_done = action, announce, on_done
        self.conflict = conflict
        self.record: Any = None
        self.then: Callable[[Any], None] | None = None
        self.ended: Callable[[], None] | None = None
        self.change: Callable[[], RowChange | None] | None = None
        self.token: str | None = None
        """Its crash journal token, while it waited."""
        self.adds = False

    def keep_in_journal(self) -> None:
        journal = self.window_journal()
        kept = self.change() if journal is not None and self.change is not None else None
        if kept is None:
            return
        self.token = journal.record_row(kept)
        self.adds = kept.what == ADD
        if self.adds and self.token is not None:
            self.command.add_token = self.token

    def settled(self) -> None:
        journal = self.window_journal()
        if self.token is not None and journal is not None:
            made = getattr(self.record, "id", None) if self.adds and self.error is None else None
            journal.row_written(self.token, made if isinstance(made, int) else None)
            if self.adds and self.command.add_token == self.token:
                self.command.add_token = None  # written: the row has its id now
            self.token = None

    def work(self) -> None:  # in the worker
        self.record = self.action()

    def finish(self) -> None:
        command, outcome = self.command, self.command.outcome
        if self.waiting:  # kept, with the command on the undo stack; handled once written
            self.say_waiting()
            return
        conflict_token = None
        if isinstance(self.error, ConflictError) and self.conflict is not None:
            conflict_token, self.token = self.token, None  # kept until chosen in the conflict dialog
        self.settled()
        if self.ended is not None:
            self.ended()
        if self.skipped:
            pass  # an earlier run was refused: already said, the command is being dropped
        elif self.error is None:
            outcome.error, outcome.record = None, self.record
            if self.announce is not None:
                self.announce(self.record)
            self.ctx.events.sig_saved.emit()
            if not waiting_writes(self.ctx):
                self.saved_if_last()
            if self.then is not None:
                self.then(self.record)
        else:
            error = self.refusal()
            outcome.error, outcome.record = error, None
            message = describe(error, command.kind)
            self.ctx.status.failed(message)
            self.ctx.events.sig_save_failed.emit(message)
            if shiboken6.isValid(command):
                command.setObsolete(True)  # Qt drops it when it is next undone or redone
            if isinstance(error, ConflictError) and self.conflict is not None:
                self.ctx.events.sig_conflict.emit(replace(self.conflict(error), journal_token=conflict_token))
        if self.on_done is not None:
            self.on_done(outcome)


def push_in_background(ctx: AppContext, command: BackgroundCommand, error: FieldError,
                       then: Callable[[Any], None] | None = None) -> None:
    """Push ``command`` (its write starts in the lane) and return at once; when the outcome
    arrives, say next to the list (``error``) whether the store refused it, or call
    ``then(record)``."""

    def done(outcome: Outcome) -> None:
        if shiboken6.isValid(error):
            error.show_message(None if outcome.ok else describe(outcome.error, command.kind))
        if outcome.ok and then is not None:
            then(outcome.record)

    command.on_done = done
    if shiboken6.isValid(error):
        error.show_message(None)
    ctx.undo_stack.push(command)
