"""``PreviewBuilder``: the book rebuilt in memory as edits come in — one build at a time, latest wins.

A request while a build runs cancels that build (the builder stops at its
next flowable) and is kept as the one to build next; a request that comes
while another waits replaces it. So however fast edits come, at most one
build runs and the next one reads the store as it is when it starts. A build
that finished before it could be cancelled is still shown: it is newer than
what the preview shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from ui.book.job import BookJob, BookOutcome

if TYPE_CHECKING:
    from briefing.brief.records import Brief
    from briefing.markings.ladder import Ladder
    from briefing.pdf import BookOptions

Request = tuple["Callable[[], Brief]", "BookOptions", "Ladder | None", object]


class PreviewBuilder(QObject):
    """Builds books in memory off the GUI thread for a preview."""

    sig_started = Signal()
    """A build started (the preview may say "Updating…")."""

    sig_built = Signal(object, object)
    """A build finished: its ``BookOutcome`` (with the PDF bytes) and the request's ``tag``."""

    sig_failed = Signal(str)
    """The latest build failed: what went wrong."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: tuple[BookJob, object] | None = None
        self._pending: Request | None = None
        self.builds = 0  # builds started, for tests and the benchmark

    @property
    def busy(self) -> bool:
        """A build is running or waiting."""
        return self._running is not None or self._pending is not None

    def request(self, read_brief: Callable[[], Brief], options: BookOptions, ladder: Ladder | None = None,
                tag: object = None) -> None:
        """Build the book of ``read_brief()`` with ``options``; ``tag`` comes back with the result."""
        self._pending = (read_brief, options, ladder, tag)
        if self._running is not None:
            self._running[0].cancel()  # superseded: the pending request starts when it stops
        else:
            self._start()

    def stop(self) -> None:
        """Drop the waiting request and cancel the running build (nothing is reported for them)."""
        self._pending = None
        if self._running is not None:
            self._running[0].cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the running build has ended (closing, tests)."""
        return self.pool.waitForDone(msecs)

    def _start(self) -> None:
        assert self._pending is not None
        read_brief, options, ladder, tag = self._pending
        self._pending = None
        job = BookJob(read_brief, options, None, ladder)
        job.signals.sig_finished.connect(self._on_finished)
        job.signals.sig_failed.connect(self._on_failed)
        self._running = (job, tag)
        self.builds += 1
        self.sig_started.emit()
        self.pool.start(job)

    def _on_finished(self, outcome: BookOutcome) -> None:
        _job, tag = self._ended()
        if not outcome.cancelled:
            self.sig_built.emit(outcome, tag)
        if self._pending is not None:
            self._start()

    def _on_failed(self, message: str) -> None:
        self._ended()
        if self._pending is not None:
            self._start()  # the newer request may well succeed (e.g. the meeting is back)
        else:
            self.sig_failed.emit(message)

    def _ended(self) -> tuple[BookJob, object]:
        running = self._running
        assert running is not None
        self._running = None
        return running
