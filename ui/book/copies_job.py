"""``CopiesJob``: numbered copies of a book (``write_copies``) as a ``BackgroundTask``.

Reports as ``BookJob`` does — ``sig_progress`` with an ``ExportProgress`` (the
copy being stamped), ``sig_finished`` with a ``BookOutcome`` whose result's
``path`` is the register — so the export dialog treats both alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ui.background import BackgroundTask, Progress
from ui.book.job import BookOutcome

if TYPE_CHECKING:
    from briefing.brief.records import Brief
    from briefing.markings.ladder import Ladder
    from briefing.pdf import BookOptions


#: The part of the progress bar the layout takes; stamping the copies takes the rest.
LAYOUT_SHARE = 0.8


class CopiesJob(BackgroundTask):
    """Lay the book out once and write a stamped copy per recipient (or ``who`` copies) beside
    ``path``, then the register."""

    def __init__(self, read_brief: Callable[[], Brief], options: BookOptions, path: Path,
                 who: int | Path, ladder: Ladder | None = None) -> None:
        super().__init__()
        self.read_brief = read_brief
        self.options = options
        self.path = path
        self.who = who
        self.ladder = ladder

    def execute(self, progress: Progress) -> BookOutcome:  # in the worker thread
        from briefing.pdf import ExportProgress, ExportResult
        from briefing.pdf.copies import read_recipients, write_copies

        who = self.who if isinstance(self.who, int) else read_recipients(self.who)
        if self.is_cancelled:
            return BookOutcome(ExportResult(0, (), cancelled=True))

        pages = 0

        def laid_out(report: ExportProgress) -> None:  # the layout: the first LAYOUT_SHARE of the bar
            nonlocal pages
            pages = report.page
            self.report(self.signals.sig_progress,
                        ExportProgress(report.page, report.fraction * LAYOUT_SHARE, report.section))

        def stamped(done: int, total: int) -> None:
            self.report(self.signals.sig_progress, ExportProgress(
                pages, LAYOUT_SHARE + (1 - LAYOUT_SHARE) * done / total, f"copy {done} of {total}"))

        result = write_copies(self.read_brief(), self.options, self.path, who, ladder=self.ladder,
                              progress=stamped, cancelled=progress.cancelled, layout_progress=laid_out)
        if result is None:
            return BookOutcome(ExportResult(0, (), cancelled=True))
        return BookOutcome(ExportResult(result.pages, result.warnings, path=result.register))
