"""``BackgroundTask``: one function run in the pool, reporting by signal (see ``ui.background``).

The task never touches a widget: from its worker thread it says
``sig_started``, ``sig_progress(value)``, then ``sig_finished(result)`` or
``sig_failed(error)``; the signals' object lives on the GUI thread, so they
arrive there. A task started is kept alive until its report has arrived, even
when whoever started it is gone (a closed window).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Signal

from briefing.errors import BriefbookError
from ui.background.pool import run_in_pool

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from ui.background.pool import Lane

#: What a task runs: ``work(progress)`` returns the result (or raises).
Work = Callable[["Progress"], Any]

_RUNNING: set[BackgroundTask] = set()


class TaskSignals(QObject):
    """What a background task reports (created on the GUI thread)."""

    sig_started = Signal()
    """The work started in its worker thread (a task in a lane may wait for its turn first)."""

    sig_progress = Signal(object)
    """What the work reported: a share done (0 to 1) or the work's own progress record."""

    sig_finished = Signal(object)
    """The work's result."""

    sig_failed = Signal(object)
    """The exception that stopped the work (a ``BriefbookError`` says what to do)."""


class Progress:
    """Handed to the work: call it to report progress; ``cancelled()`` says whether to stop early."""

    def __init__(self, task: BackgroundTask) -> None:
        self._task = task

    def __call__(self, value: object) -> None:
        self._task.report(self._task.signals.sig_progress, value)

    def cancelled(self) -> bool:
        return self._task.is_cancelled


class BackgroundTask(QRunnable):
    """``work(progress)`` run in the pool, in ``lane`` (None: at once, beside everything else)."""

    def __init__(self, work: Work | None = None, lane: Lane | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns the task (and its signals) until it is dropped
        self.work = work
        self.lane = lane
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._ended = threading.Event()

    def start(self) -> BackgroundTask:
        """Run it (in its lane's turn); connect to ``signals`` first. Returns the task."""
        _RUNNING.add(self)
        # Connected last, so that it runs after whoever asked has heard the report.
        self.signals.sig_finished.connect(self._forget)
        self.signals.sig_failed.connect(self._forget)
        if self.lane is None:
            run_in_pool(self)
        else:
            self.lane.submit(self)
        return self

    def start_after_first_paint(self, widget: QWidget) -> None:
        """``start()`` once ``widget`` has painted for the first time (start-up work)."""
        from ui.first_paint import after_first_paint

        after_first_paint(widget, self.start)

    def cancel(self) -> None:
        """Ask the work to stop (it sees ``progress.cancelled()``); it still reports how it ended."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def done(self) -> bool:
        """The task has ended, or was dropped by its lane without running."""
        return self._ended.is_set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the task has ended (closing, tests); False on timeout."""
        return self._ended.wait(None if msecs < 0 else msecs / 1000)

    def drop(self) -> None:
        """Its lane dropped it before it ran (superseded): it never runs nor reports."""
        self._cancel.set()
        self._ended.set()
        _RUNNING.discard(self)

    def execute(self, progress: Progress) -> Any:
        """The work (a subclass may override this instead of passing ``work``)."""
        assert self.work is not None
        return self.work(progress)

    def run(self) -> None:  # in the worker thread
        try:
            self.report(self.signals.sig_started)
            result = self.execute(Progress(self))
        except Exception as error:  # noqa: BLE001 - every failure is reported, never lost in a thread
            self.report(self.signals.sig_failed, error)
        else:
            self.report(self.signals.sig_finished, result)
        finally:
            self._ended.set()
            if self.lane is not None:
                self.lane.ended(self)

    def _forget(self, _result: object) -> None:
        _RUNNING.discard(self)

    def report(self, signal: SignalInstance, *values: object) -> None:
        """Emit ``signal`` from the worker (nobody listening any more is no error)."""
        try:
            signal.emit(*values)
        except RuntimeError:  # the signals' object was deleted with whoever asked
            self.cancel()


def failure_message(error: BaseException, doing: str) -> str:
    """Words for the user: a ``BriefbookError`` says itself; anything else says what failed and how."""
    if isinstance(error, BriefbookError):
        return str(error)
    return f"{doing} ({type(error).__name__}: {error})."
