"""``SearchRunner``: search as the user types, off the GUI thread, newest query only.

Each change of the query restarts a short debounce timer; when it fires, the
search runs in a worker of the runner's own one-thread pool (``QRunnable``),
which reports by signal. A query typed while another runs supersedes it: one
not started yet is dropped from the pool, one already running finishes but its
results are ignored (each request has a generation number). The service opens
its own session per call and holds no state, so the worker shares nothing with
the GUI thread but the frozen results it hands back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from briefing.errors import BriefbookError

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from briefing.services import Services

#: Typing pause before a search starts (milliseconds): one search per burst, not per key.
DEBOUNCE_MS = 120


@dataclass(frozen=True)
class SearchRequest:
    """What to search for: the text as typed and the filters (``SearchService.search`` arguments)."""

    text: str
    filters: dict[str, Any] = field(default_factory=dict)


class _SearchTask(QRunnable):
    """One search in a pool thread; reports ``(generation, results, problem)`` through ``done``."""

    def __init__(self, services: Services, generation: int, request: SearchRequest,
                 done: SignalInstance) -> None:
        super().__init__()
        self.services = services
        self.generation = generation
        self.request = request
        self.done = done

    def run(self) -> None:
        try:
            results = self.services.search.search(self.request.text, **self.request.filters)
        except BriefbookError as error:
            self.done.emit(self.generation, None, str(error))
        except Exception as error:  # noqa: BLE001 - a failed search is said in the popup, never a crash
            self.done.emit(self.generation, None, f"The search failed ({type(error).__name__}: {error}).")
        else:
            self.done.emit(self.generation, results, "")


class SearchRunner(QObject):
    """Debounced, threaded searches whose results arrive in order of asking, stale ones dropped."""

    sig_results = Signal(object)
    """The ``SearchResults`` of the latest request (a ``SearchRequest`` with empty text: None)."""

    sig_failed = Signal(str)
    """The latest search failed: what went wrong, in words."""

    _sig_done = Signal(int, object, str)

    def __init__(self, services: Services, debounce_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.generation = 0
        self.busy = False
        self.pending: SearchRequest | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.start_now)
        self._sig_done.connect(self._on_done)  # queued: the worker emits from its thread

    def request(self, request: SearchRequest) -> None:
        """Search for ``request`` after the typing pause (an empty text clears the results at once)."""
        self.pending = request
        if not request.text.strip():
            self.timer.stop()
            self.generation += 1  # whatever runs now is stale
            self.busy = False
            self.pool.clear()
            self.sig_results.emit(None)
            return
        self.timer.start()

    def start_now(self) -> None:
        """Start the pending search without waiting for the pause."""
        self.timer.stop()
        if self.pending is None or not self.pending.text.strip():
            return
        self.generation += 1
        self.pool.clear()  # a superseded search not started yet never runs
        self.busy = True
        self.pool.start(_SearchTask(self.services, self.generation, self.pending, self._sig_done))

    @property
    def waiting(self) -> bool:
        """True while the latest request has not reported yet (typing pause or search running)."""
        return self.timer.isActive() or self.busy

    def wait(self) -> None:
        """Stop asking and let a running search finish (before the store closes)."""
        self.timer.stop()
        self.busy = False
        self.generation += 1
        self.pool.clear()
        self.pool.waitForDone()

    def _on_done(self, generation: int, results: object, problem: str) -> None:
        if generation != self.generation:
            return  # superseded by a later keystroke
        self.busy = False
        if problem:
            self.sig_failed.emit(problem)
        else:
            self.sig_results.emit(results)
