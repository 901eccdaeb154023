"""``BookJob``: read a meeting's brief and build its book as a ``BackgroundTask``, reporting by signal.

The job never touches a widget: it reports ``sig_progress`` with an
``ExportProgress`` (pages laid out so far, a rough fraction done, the section),
then ``sig_finished`` with a ``BookOutcome`` (also when cancelled) or
``sig_failed`` with the exception (``book_failure`` puts it in words).
``cancel()`` may be called from the GUI thread at any time; the builder checks
it between flowables and then writes nothing, so an earlier file of the same
name stays as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ui.background import BackgroundTask, Progress, failure_message

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

    from briefing.brief.records import Brief
    from briefing.markings.ladder import Ladder
    from briefing.pdf import BookOptions, ExportProgress, ExportResult
    from briefing.pdf.incremental import BookSession
    from ui.background.pool import Lane


@dataclass(frozen=True, slots=True)
class BookOutcome:
    """A finished job: what the builder reports, and the PDF itself when built in memory (and,
    for a preview, already read into a ``QPdfDocument`` that lives in the GUI thread:
    ``ui.book.loaded_book``)."""

    result: ExportResult
    data: bytes | None = None
    document: QPdfDocument | None = None

    @property
    def cancelled(self) -> bool:
        return self.result.cancelled

    @property
    def book(self) -> QPdfDocument | bytes | None:
        """What a preview shows: the document read in the worker, else the bytes."""
        return self.document if self.document is not None else self.data

    def discard(self) -> None:
        """Nobody will show this outcome: its document goes (in the GUI thread, where it lives)."""
        if self.document is not None:
            self.document.deleteLater()


_session: BookSession | None = None
_session_made = threading.Lock()


def book_session() -> BookSession:
    """The window's one ``BookSession``: the parts of the books built last, kept between builds.

    The preview pane, the export dialog's preview and its export all build through it, so an
    export after an edit lays out only what the edit changed, as the preview did (one build at
    a time: the session has a lock)."""
    global _session
    with _session_made:
        if _session is None:
            from briefing.pdf.incremental import BookSession

            _session = BookSession()
        return _session


def book_failure(error: BaseException) -> str:
    """What went wrong with a build, in words for the user (nothing was written)."""
    return failure_message(error, "The book could not be built")


class BookJob(BackgroundTask):
    """One build of a book: to ``path`` (written atomically), or in memory when ``path`` is None
    (with ``read``, also read into a ``QPdfDocument`` for a preview, in the worker thread)."""

    def __init__(self, read_brief: Callable[[], Brief], options: BookOptions, path: Path | None = None,
                 ladder: Ladder | None = None, lane: Lane | None = None, *, read: bool = False) -> None:
        super().__init__(lane=lane)
        self.read = read
        self.read_brief = read_brief
        self.options = options
        self.path = path
        self.ladder = ladder

    def execute(self, progress: Progress) -> BookOutcome:  # in the worker thread
        from io import BytesIO

        from briefing.pdf import render_pdf

        if self.is_cancelled:
            from briefing.pdf import ExportResult

            return BookOutcome(ExportResult(0, (), cancelled=True))
        brief = self.read_brief()
        buffer = BytesIO() if self.path is None else None
        # a preview (in memory) is the last one with an update appended; an export is joined whole
        session = book_session() if self.path is not None else book_session().preview
        result = render_pdf(brief, self.options, self.path or buffer, progress=self._progress,
                            cancelled=progress.cancelled, ladder=self.ladder, session=session)
        data = buffer.getvalue() if buffer is not None and not result.cancelled else None
        document = None
        if self.read and data is not None and not progress.cancelled():
            from ui.book.loaded_book import load_book

            document = load_book(data)  # the view's page layout, off the GUI thread
        return BookOutcome(result, data, document)

    def _progress(self, progress: ExportProgress) -> None:
        self.report(self.signals.sig_progress, progress)
