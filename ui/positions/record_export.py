"""File → Export meeting record…: ask where, then write the record PDF off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing.pdf.options import BookOptions, book_filename, default_paper
from ui.background import BackgroundTask, failure_message

if TYPE_CHECKING:
    from briefing.meetings.records import MeetingRecord
    from ui.context import AppContext

TITLE = "Export meeting record"


def record_filename(meeting: MeetingRecord) -> str:
    """``US–Japan Partnership on Trade — Round 2 - record.pdf``."""
    return book_filename(meeting.title).removesuffix(".pdf") + " - record.pdf"


def export_record(ctx: AppContext, meeting: MeetingRecord, parent: QWidget,
                  before_read: Callable[[], None]) -> BackgroundTask | None:
    """Ask for a file, then write ``meeting``'s record there in the background."""
    chosen, _ = QFileDialog.getSaveFileName(parent, TITLE, record_filename(meeting), "PDF files (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    before_read()  # what is being typed goes in too
    services = ctx.services
    paper = services.config.paper
    options = BookOptions(paper=paper if paper in ("a4", "letter") else default_paper())

    def work(_progress):
        from briefing.output import check_target
        from briefing.pdf.record import render_record

        check_target(path)
        return render_record(services.briefs.load(meeting.id), options, path,
                             ladder=services.config.ladder)

    task = BackgroundTask(work)

    def finished(result) -> None:
        ctx.status.info(f"Wrote the meeting record ({result.pages} page(s)) to {path.name}.")

    def failed(error: BaseException) -> None:
        QMessageBox.warning(parent, TITLE, failure_message(error, "The record was not written"))

    task.signals.sig_finished.connect(finished)
    task.signals.sig_failed.connect(failed)
    ctx.status.info("Writing the meeting record…")
    return task.start()
