"""Lanes: how a task runs beside the others of its kind, in the one pool.

``SerialLane``: one at a time, in the order started (``WRITES``, the app's one
lane for work that changes or copies the whole store). ``LatestLane``: one at a
time, the newest wins — a new task asks the running one to cancel and replaces
the one waiting, which is dropped without running or reporting. A lane starts
its next task from the worker thread of the one that ended, so it never waits
for the GUI thread.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

from ui.background.pool import Job, run_in_pool


class _Lane:
    """One task running at a time; ``_next()`` says which waiting task runs after it."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._running: Any = None

    def submit(self, job: Job) -> None:
        """Run ``job`` now, or when its turn comes."""
        with self._lock:
            start = self._running is None
            dropped = None
            if start:
                self._running = job
            else:
                dropped = self._queue(job)
        if dropped is not None:
            dropped.drop()
        if start:
            run_in_pool(job)  # type: ignore[arg-type]

    def ended(self, job: Job) -> None:
        """``job`` has ended (called from its worker thread): start the next one."""
        with self._lock:
            if job is not self._running:
                return
            self._running = self._next()
            following = self._running
            if following is None:
                self._lock.notify_all()
        if following is not None:
            run_in_pool(following)

    @property
    def busy(self) -> bool:
        """A task of this lane is running or waiting."""
        with self._lock:
            return self._running is not None

    def wait(self, msecs: int = -1) -> bool:
        """Block until the lane is idle (before the store closes, tests); False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._running is None, None if msecs < 0 else msecs / 1000)

    def _queue(self, job: Job) -> Job | None:
        raise NotImplementedError

    def _next(self) -> Job | None:
        raise NotImplementedError


class SerialLane(_Lane):
    """Tasks run one at a time, in the order they were started."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: deque[Job] = deque()

    def _queue(self, job: Job) -> None:
        self._waiting.append(job)

    def _next(self) -> Job | None:
        return self._waiting.popleft() if self._waiting else None


class LatestLane(_Lane):
    """One task at a time; a newer one cancels the running one and replaces (drops) the waiting one."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: Job | None = None

    def clear(self) -> None:
        """Cancel the running task and drop the waiting one (nothing newer is asked for)."""
        with self._lock:
            if self._running is not None:
                self._running.cancel()
            dropped, self._waiting = self._waiting, None
        if dropped is not None:
            dropped.drop()

    def _queue(self, job: Job) -> Job | None:
        self._running.cancel()
        dropped, self._waiting = self._waiting, job
        return dropped

    def _next(self) -> Job | None:
        following, self._waiting = self._waiting, None
        return following


#: The app's lane for writes (autosave, backups, restores): one after another, in order.
WRITES = SerialLane()
