"""``run_in_lane``: a write that is no undo command (deleting for good, a new bank entry) run in ``WRITES``.

Some writes cannot be undone or are not steps of the undo history — deleting from
the Trash for good, emptying it, adding an entry to the Q&A bank. They run in the
same ordered lane as every other write (``ui.undo.lane_write``): after the writes
started before them, off the GUI thread, and counted by ``pending_writes`` (so that
the window's close, an export and the tests' ``written`` wait for them). The
outcome is handled once, on the GUI thread: ``done(record)`` after "Saved", or the
refusal said in the status bar and handed to ``failed(error)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefing.errors import BriefbookError
from ui.undo.lane_write import LaneWrite


class _NoCommand:
    """What a ``LaneWrite`` marks when its write failed (a job has no command behind it)."""

    broken = False


class LaneJob(LaneWrite):
    """``action()`` in the lane; ``done(record)`` or ``failed(error)`` on the GUI thread."""

    def __init__(self, ctx: Any, action: Callable[[], Any], done: Callable[[Any], None] | None,
                 failed: Callable[[BriefbookError], None] | None) -> None:
        super().__init__(ctx, _NoCommand())
        self.action, self.done, self.failed = action, done, failed
        self.record: Any = None

    def work(self) -> None:  # in the worker
        self.record = self.action()

    def finish(self) -> None:
        if self.error is None:
            self.ctx.events.sig_saved.emit()
            self.saved_if_last()
            if self.done is not None:
                self.done(self.record)
            return
        error = self.refusal()
        self.ctx.status.failed(str(error))
        self.ctx.events.sig_save_failed.emit(str(error))
        if self.failed is not None:
            self.failed(error)


def run_in_lane(ctx: Any, action: Callable[[], Any], done: Callable[[Any], None] | None = None,
                failed: Callable[[BriefbookError], None] | None = None) -> LaneJob:
    """Start ``action`` (a service call) in the ``WRITES`` lane, after every write started before
    it, and return at once; ``done(record)`` once it is stored, or ``failed(error)`` after the
    refusal was said in the status bar (both on the GUI thread)."""
    job = LaneJob(ctx, action, done, failed)
    job.start()
    return job
