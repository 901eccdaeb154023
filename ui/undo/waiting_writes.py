"""Row commands given while the store cannot be reached: kept in order, counted, written once it is back.

A row command's write (add, delete or move an agenda item, an action item, a
participant…, and their undo and redo) or a table cell's that finds the server away is not a
refusal: the command stays on the undo stack and its write *waits* here, in the
order the user acted in. Every command write that comes to its turn in the lane
while some wait joins them without trying the store (it would overtake them).
"Offline — N changes waiting" counts them with the typing that waits. When the
store answers again (``ui.live``), ``write_waiting`` starts one lane write that
runs them in order in the worker; each outcome is then handled as if it had
just been written (the views re-read), and what finds the store away again
waits again, in its place.

The list lives on the window's context (``ctx.waiting``, a ``WaitingList``), and
each write that waits is kept in the crash journal too, from the moment it starts
waiting until it has been written (``keep_in_journal``, ``settled``): a row command as
a change to its list, a cell as its field's exact value. A kill while offline loses
nothing — the next start offers them back (``ui.recovery``), as it offers the text
typed in an editor. Closing the window while they wait asks first
(``ui.shutdown.close_loses_nothing``).
"""

from __future__ import annotations

from typing import Any

from briefing.errors import TransientStoreError
from ui.live.offline import store_unreachable
from ui.undo.lane_write import LaneWrite


def is_offline_error(error: BaseException) -> bool:
    """The store could not be reached at all (nothing was written: trying again later may work)."""
    return isinstance(error, TransientStoreError) and bool(getattr(error, "offline", False))


def hold(write: WaitingWrite) -> None:
    """In the worker: ``write`` waits for the store, after those already waiting."""
    write.ctx.waiting.add(write)


def any_waiting(ctx: Any) -> bool:
    """In the worker: writes of ``ctx``'s window wait for the store (a later one must wait behind them)."""
    return len(ctx.waiting) > 0


def waiting_writes(ctx: Any) -> int:
    """How many writes of ``ctx``'s window (row commands', cells') wait for the store."""
    return len(ctx.waiting)


def waiting_list(ctx: Any) -> list[WaitingWrite]:
    """The writes of ``ctx``'s window that wait for the store, oldest first (a copy)."""
    return ctx.waiting.snapshot()


def drop_from_journal(ctx: Any) -> None:
    """The user chose to close and lose what waits: the crash journal lets it go too (else the
    next start would offer what the user chose to lose)."""
    for write in waiting_list(ctx):
        write.settled()


def forget_waiting(ctx: Any) -> None:
    """The window closes: what waits for the store is dropped with it."""
    ctx.waiting.clear()


class WaitingWrite(LaneWrite):
    """A lane write that waits when the store is away (``may_wait``): a row command's, a cell's."""

    waiting = False
    """The store was away: this write waits here (its outcome is handled once written)."""
    parked = False
    """Its waiting has been handled on the GUI thread: it may be tried again."""
    reason: BaseException | None = None

    def may_wait(self) -> bool:
        """This write waits for the store instead of failing when it is away."""
        return True

    def attempt(self) -> None:  # in the worker
        self.waiting = False
        if self.may_wait() and not getattr(self.command, "broken", False) and any_waiting(self.ctx):
            self.waiting = True  # writes given before it wait for the store: it waits behind them
            hold(self)
            return
        super().attempt()

    def wait_for_store(self, error: BaseException) -> bool:  # in the worker
        if not (self.may_wait() and is_offline_error(error)):
            return False
        self.waiting, self.reason = True, error
        hold(self)
        return True

    def say_waiting(self) -> None:
        """On the GUI thread: the window goes (or stays) offline; "Offline — N changes waiting"
        counts this write."""
        reason = self.reason
        if reason is None:  # held behind others without trying: the store was away for them
            reason = TransientStoreError(f"{self.ctx.services.db.location} cannot be reached.")
            reason.offline = True  # type: ignore[attr-defined]
        if not self.journalled:
            self.journalled = True
            self.keep_in_journal()  # before saying so: a kill from now on loses nothing
        store_unreachable(self.ctx, reason)
        self.parked = True

    journalled = False
    """It has been handed to the crash journal (once, when it first waited)."""

    def keep_in_journal(self) -> None:
        """On the GUI thread, when it first waits: keep it in the crash journal (``ctx.journal``)."""

    def settled(self) -> None:
        """On the GUI thread, once written or refused (said then): the crash journal lets it go."""

    def window_journal(self) -> Any:
        """The window's crash journal while its session runs (None once the window has closed)."""
        return None if getattr(self.ctx, "closed", False) else getattr(self.ctx, "journal", None)


class _NoCommand:
    broken = False


class WriteWaiting(LaneWrite):
    """One lane write that runs every waiting write of a window in order (the store is back)."""

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx, _NoCommand())
        self.batch: list[WaitingWrite] = []
        self.again = False

    def work(self) -> None:  # in the worker: nothing else of the lane runs meanwhile
        batch = self.ctx.waiting.take_all_if(lambda write: write.parked)
        if batch is None:
            self.again = True  # one's first outcome is not handled yet: next turn
            return
        self.batch = batch
        for write in self.batch:  # one that finds the store away again waits; the rest behind it
            write.parked = False
            write.attempt()

    def finish(self) -> None:
        for write in self.batch:
            write.finish()  # written (the views re-read), refused (said), or waiting again
        if self.again:
            write_waiting(self.ctx)
        elif self.error is None and not waiting_writes(self.ctx):
            self.saved_if_last()


def write_waiting(ctx: Any) -> bool:
    """The store answers again: write what waits, in order, in the lane. False when nothing waits."""
    if not waiting_writes(ctx):
        return False
    WriteWaiting(ctx).start()
    return True
