"""``LaneWrite``: one write of an undo command in the ``WRITES`` lane, its outcome handled on the GUI thread.

Every command's store call (a field edit, adding, deleting or moving a row,
their undo and redo) is one ``LaneWrite``: it runs in a worker after every write
started before it, so the GUI thread never waits for the store, and the lane's
order is the order the user acted in — an undo pressed while its command's write
still waits runs right after it. The outcome is handled once, on the GUI thread:
when the worker's report arrives, or earlier when someone must have everything
written (``wait_for_writes``: only the window's close and readers of the whole
store — export, search — wait).

A command whose write failed is *broken*: its later writes (an undo queued
behind the refused redo) are skipped in the worker — there is nothing to take back.
A row command's or a cell's write that finds the server away is not failed but
waits for it (``wait_for_store``, ``ui.undo.waiting_writes``).
"""

from __future__ import annotations

from typing import Any

from briefing.errors import BriefbookError, StoreError
from ui.background import WRITES, BackgroundTask, failure_message
from ui.live.offline import is_offline

#: Writes started and not yet handled, oldest first.
_PENDING: list[LaneWrite] = []


class LaneWrite:
    """``work()`` in the ``WRITES`` lane (for ``command``, of the window of ``ctx``); ``finish()``
    on the GUI thread once it has ended (``self.error`` holds what stopped it)."""

    def __init__(self, ctx: Any, command: Any) -> None:
        self.ctx = ctx
        self.command = command  # the Python side: Qt may delete a merged or dropped command's C++ side
        self.error: BaseException | None = None
        self.skipped = False
        self.handled = False
        self.task = BackgroundTask(self._run, WRITES)
        self.task.signals.sig_finished.connect(lambda _result: self.handle())

    def start(self) -> None:
        _PENDING.append(self)
        if not is_offline(self.ctx):  # (offline, a retry must not say "Saving…" over "Offline — N waiting")
            self.ctx.status.saving()
        self.task.start()

    def _run(self, _progress: object) -> None:  # in the worker, after every write started before
        self.attempt()

    def attempt(self) -> None:
        """In the worker: ``work()``, or note why not (skipped, failed; or, for a write that may
        wait for the store, ``wait_for_store``)."""
        if getattr(self.command, "broken", False):
            self.skipped = True  # its earlier write was refused: nothing to write, nothing to take back
            return
        try:
            self.work()
        except Exception as error:  # noqa: BLE001 - every failure is handled on the GUI thread
            if self.wait_for_store(error):
                return
            self.error = error
            self.command.broken = True

    def wait_for_store(self, error: BaseException) -> bool:
        """In the worker: True when ``error`` (the store away) makes this write wait instead of
        failing (``ui.undo.waiting_writes``); a plain write fails."""
        return False

    def work(self) -> None:
        """The store call (in the worker)."""
        raise NotImplementedError

    def finish(self) -> None:
        """On the GUI thread: announce the outcome, or say why not."""
        raise NotImplementedError

    def handle(self) -> None:
        """On the GUI thread, once the write has ended (called once)."""
        if self.handled:
            return
        self.handled = True
        if self in _PENDING:
            _PENDING.remove(self)
        self.finish()

    def refusal(self) -> BriefbookError:
        """What stopped the write, as an error the user can read."""
        error = self.error
        if isinstance(error, BriefbookError):
            return error
        return StoreError(failure_message(error or RuntimeError(), "The change could not be saved"))

    def saved_if_last(self) -> None:
        """Say "Saved" when no other write of this window waits."""
        if not any(w.ctx is self.ctx for w in _PENDING):
            self.ctx.status.saved()


def pending_writes(ctx: object | None = None) -> int:
    """How many background writes (of ``ctx``'s window, or of any) have not been handled yet."""
    return sum(1 for write in _PENDING if ctx is None or write.ctx is ctx)


def wait_for_writes(msecs: int = -1) -> bool:
    """Block until every write started has ended, and handle their outcomes now, in order
    (a flush that must leave everything written: the window's close, an export). False when
    ``msecs`` passed first."""
    if not WRITES.wait(msecs):
        return False
    for write in list(_PENDING):
        write.handle()
    return True
