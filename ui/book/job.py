"""``BookJob``: read a meeting's brief and build its book in a worker thread, reporting by signal.

The job never touches a widget: it reports ``sig_progress`` (pages laid out so
far), then ``sig_finished`` with a ``BookOutcome`` (also when cancelled) or
``sig_failed`` with a message for the user. ``cancel()`` may be called from
the GUI thread at any time; the builder checks it between flowables and then
writes nothing, so an earlier file of the same name stays as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from briefing.errors import BriefbookError

if TYPE_CHECKING:
    from briefing.brief.records import Brief
    from briefing.markings.ladder import Ladder
    from briefing.pdf import BookOptions, ExportProgress, ExportResult


@dataclass(frozen=True, slots=True)
class BookOutcome:
    """A finished job: what the builder reports, and the PDF itself when built in memory."""

    result: ExportResult
    data: bytes | None = None

    @property
    def cancelled(self) -> bool:
        return self.result.cancelled


class BookJobSignals(QObject):
    """The job's signals (a ``QRunnable`` is not a ``QObject``)."""

    sig_progress = Signal(int, float, str)
    """Pages laid out so far, a rough fraction done (0–1), and the section being laid out."""

    sig_finished = Signal(object)
    """The job ended: a ``BookOutcome`` (``cancelled`` when it was stopped; nothing was written)."""

    sig_failed = Signal(str)
    """The job could not finish: what went wrong, in words for the user (nothing was written)."""


class BookJob(QRunnable):
    """One build of a book: to ``path`` (written atomically), or in memory when ``path`` is None."""

    def __init__(self, read_brief: Callable[[], Brief], options: BookOptions, path: Path | None = None,
                 ladder: Ladder | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns the job (and its signals) until it is dropped
        self.read_brief = read_brief
        self.options = options
        self.path = path
        self.ladder = ladder
        self.signals = BookJobSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at the next flowable (it then reports a cancelled outcome)."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # in the worker thread
        try:
            outcome = self._build()
        except BriefbookError as error:
            self._emit(self.signals.sig_failed, str(error))
        except Exception as error:  # noqa: BLE001 - shown to the user, never a crash of the app
            self._emit(self.signals.sig_failed,
                       f"The book could not be built ({type(error).__name__}: {error}).")
        else:
            self._emit(self.signals.sig_finished, outcome)

    def _emit(self, signal, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window that asked was closed meanwhile: nobody is listening
            pass

    def _build(self) -> BookOutcome:
        from io import BytesIO

        from briefing.pdf import render_pdf

        if self.is_cancelled:
            from briefing.pdf import ExportResult

            return BookOutcome(ExportResult(0, (), cancelled=True))
        brief = self.read_brief()
        buffer = BytesIO() if self.path is None else None
        result = render_pdf(brief, self.options, self.path or buffer, progress=self._progress,
                            cancelled=self._cancel.is_set, ladder=self.ladder)
        data = buffer.getvalue() if buffer is not None and not result.cancelled else None
        return BookOutcome(result, data)

    def _progress(self, progress: ExportProgress) -> None:
        try:
            self.signals.sig_progress.emit(progress.page, progress.fraction, progress.section)
        except RuntimeError:  # nobody is listening any more: stop
            self.cancel()
