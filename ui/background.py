"""Work off the GUI thread: a function run in Qt's thread pool, reporting by signal.

``BackgroundTask(work)`` runs ``work(progress)`` in ``QThreadPool``; ``progress``
takes the share done (0 to 1). The task never touches a widget: it says
``sig_progress``, then ``sig_finished(result)`` or ``sig_failed(error)``, which
arrive on the GUI thread (the signals' object lives there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Work = Callable[[Callable[[float], None]], Any]

#: Tasks under way: kept alive until they end, even when whoever started them is gone (a closed window).
_RUNNING: set[BackgroundTask] = set()


class TaskSignals(QObject):
    """What a background task reports (created on the GUI thread)."""

    sig_progress = Signal(float)
    """The share of the work done, 0 to 1."""

    sig_finished = Signal(object)
    """The work's result."""

    sig_failed = Signal(object)
    """The exception that stopped the work (a ``BriefbookError`` says what to do)."""


class BackgroundTask(QRunnable):
    """One function run in the thread pool."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # the caller keeps it until it reported

    def run(self) -> None:
        try:
            result = self.work(self.signals.sig_progress.emit)
        except Exception as error:  # noqa: BLE001 - every failure is reported, never lost in a thread
            self.signals.sig_failed.emit(error)
        else:
            self.signals.sig_finished.emit(result)
        finally:
            _RUNNING.discard(self)

    def start(self) -> None:
        """Run it in the application's thread pool."""
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(self)
