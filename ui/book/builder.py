"""``PreviewBuilder``: the book rebuilt in memory as edits come in — one build at a time, latest wins.

The builds run in a ``LatestLane`` of the one background pool: a request
while a build runs cancels that build (the builder stops at its next
flowable) and is kept as the one to build next; a request that comes while
another waits replaces it. So however fast edits come, at most one
build runs and the next one reads the store as it is when it starts. A build
that finished before it could be cancelled is still shown: it is newer than
what the preview shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from ui.background import LatestLane
from ui.book.job import BookJob, BookOutcome, book_failure

if TYPE_CHECKING:
    from briefing.brief.records import Brief
    from briefing.markings.ladder import Ladder
    from briefing.pdf import BookOptions

class PreviewBuilder(QObject):
    """Builds books in memory off the GUI thread for a preview."""

    sig_started = Signal()
    """A build started (the preview may say "Updating…")."""

    sig_built = Signal(object, object)
    """A build finished: its ``BookOutcome`` (with the PDF bytes, and the document read from them
    in the worker: show it with ``BookPreview.show_book(outcome.book)`` or ``outcome.discard()``
    it) and the request's ``tag``."""

    sig_failed = Signal(str)
    """The latest build failed: what went wrong."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lane = LatestLane()
        self._latest: BookJob | None = None  # the newest request, until it has reported here
        self.builds = 0  # builds started, for tests and the benchmark

    @property
    def busy(self) -> bool:
        """A build is running or waiting, or the latest one has not reported yet."""
        return self._latest is not None

    def request(self, read_brief: Callable[[], Brief], options: BookOptions, ladder: Ladder | None = None,
                tag: object = None) -> None:
        """Build the book of ``read_brief()`` with ``options``; ``tag`` comes back with the result."""
        job = BookJob(read_brief, options, None, ladder, self.lane, read=True)
        job.signals.sig_started.connect(self._on_started)
        job.signals.sig_finished.connect(lambda outcome: self._on_finished(job, outcome, tag))
        job.signals.sig_failed.connect(lambda error: self._on_failed(job, error))
        self._latest = job
        job.start()  # supersedes the running build (cancelled) and the waiting one (dropped)

    def stop(self) -> None:
        """Drop the waiting request and cancel the running build (nothing is reported for them)."""
        self._latest = None
        self.lane.clear()

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the running build has ended (closing, tests)."""
        return self.lane.wait(msecs)

    def _on_started(self) -> None:
        self.builds += 1
        self.sig_started.emit()

    def _on_finished(self, job: BookJob, outcome: BookOutcome, tag: object) -> None:
        if not isValid(self):
            outcome.discard()
            return  # the pane or dialog closed while the build ran: nobody to tell
        self._reported(job)
        if outcome.cancelled:
            outcome.discard()
        else:
            self.sig_built.emit(outcome, tag)  # the receiver shows its document or discards it

    def _on_failed(self, job: BookJob, error: Exception) -> None:
        if not isValid(self):
            return
        self._reported(job)
        if not job.is_cancelled:  # superseded: the newer request may well succeed (the meeting is back)
            self.sig_failed.emit(book_failure(error))

    def _reported(self, job: BookJob) -> None:
        if job is self._latest:
            self._latest = None
