"""``SearchRunner``: search as the user types, off the GUI thread, newest query only.

Each change of the query restarts a short debounce timer; when it fires, the
search runs as a ``BackgroundTask`` in the runner's ``LatestLane``, and reports
by signal. A query typed while another runs supersedes it: one not started yet
is dropped, one already running finishes but its results are ignored (it was
cancelled). The service opens its own session per call and holds no state, so
the worker shares nothing with the GUI thread but the frozen results it hands
back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.background import BackgroundTask, LatestLane, failure_message

if TYPE_CHECKING:
    from briefing.services import Services

#: Typing pause before a search starts (milliseconds): one search per burst, not per key.
DEBOUNCE_MS = 120


@dataclass(frozen=True)
class SearchRequest:
    """What to search for: the text as typed and the filters (``SearchService.search`` arguments)."""

    text: str
    filters: dict[str, Any] = field(default_factory=dict)


class SearchRunner(QObject):
    """Debounced, threaded searches whose results arrive in order of asking, stale ones dropped."""

    sig_results = Signal(object)
    """The ``SearchResults`` of the latest request (a ``SearchRequest`` with empty text: None)."""

    sig_failed = Signal(str)
    """The latest search failed: what went wrong, in words."""

    def __init__(self, services: Services, debounce_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.pending: SearchRequest | None = None
        self.lane = LatestLane()
        self.task: BackgroundTask | None = None  # the latest search, until it has reported
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.start_now)

    def request(self, request: SearchRequest) -> None:
        """Search for ``request`` after the typing pause (an empty text clears the results at once)."""
        self.pending = request
        if not request.text.strip():
            self.timer.stop()
            self._drop_all()  # whatever runs now is stale
            self.sig_results.emit(None)
            return
        self.timer.start()

    def start_now(self) -> None:
        """Start the pending search without waiting for the pause."""
        self.timer.stop()
        request = self.pending
        if request is None or not request.text.strip():
            return
        search = self.services.search
        task = BackgroundTask(lambda _progress: search.search(request.text, **request.filters), self.lane)
        task.signals.sig_finished.connect(lambda results: self._on_done(task, results, ""))
        task.signals.sig_failed.connect(
            lambda error: self._on_done(task, None, failure_message(error, "The search failed")))
        self.task = task
        task.start()  # a superseded search not started yet never runs

    @property
    def busy(self) -> bool:
        """The latest search has not reported yet."""
        return self.task is not None

    @property
    def waiting(self) -> bool:
        """True while the latest request has not reported yet (typing pause or search running)."""
        return self.timer.isActive() or self.busy

    def wait(self) -> None:
        """Stop asking and let a running search finish (before the store closes)."""
        self.timer.stop()
        self._drop_all()
        self.lane.wait()

    def _drop_all(self) -> None:
        self.task = None
        self.lane.clear()

    def _on_done(self, task: BackgroundTask, results: object, problem: str) -> None:
        if task is not self.task:
            return  # superseded by a later keystroke
        self.task = None
        if problem:
            self.sig_failed.emit(problem)
        else:
            self.sig_results.emit(results)
