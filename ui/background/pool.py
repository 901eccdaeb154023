"""The one thread pool every background task runs in, and what a lane is.

Qt's global pool, with room for a few tasks at once: an export, a preview, a
search and a backup each get a thread (lanes, not pools, keep a feature's own
tasks one at a time). Qt waits for it when the application ends.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRunnable, QThreadPool

#: Threads at least: the features that may run at once (export, preview, search, backup).
MIN_THREADS = 4


class Job(Protocol):
    """What a lane schedules: a ``BackgroundTask``."""

    def cancel(self) -> None: ...

    def drop(self) -> None: ...


class Lane(Protocol):
    """How a task runs beside the others of its lane (``SerialLane``, ``LatestLane``)."""

    def submit(self, job: Job) -> None: ...

    def ended(self, job: Job) -> None: ...


def the_pool() -> QThreadPool:
    """The pool (Qt's global one, with at least ``MIN_THREADS`` threads)."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    return pool


def run_in_pool(runnable: QRunnable) -> None:
    """Start ``runnable`` in the pool (from any thread)."""
    the_pool().start(runnable)
