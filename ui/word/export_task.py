"""Writing a Word file from the window, off the GUI thread: the book (File → Export… with the Word
choice) or one note for clearance (the note editor's "Export for clearance…")."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from briefing.pdf.options import BookOptions
from ui.background import BackgroundTask, failure_message

if TYPE_CHECKING:
    from briefing.notes.records import NoteRecord
    from briefing.word.export import DocxResult
    from ui.context import AppContext

CLEARANCE_TITLE = "Export for clearance"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def word_export_task(ctx: AppContext, meeting_id: int, options: BookOptions, path: Path) -> BackgroundTask:
    """A task that writes the meeting's book (or its one chosen note) to ``path`` as a .docx."""
    from briefing.word.service import WordService

    services = ctx.services
    return BackgroundTask(lambda _progress: WordService(services).export(meeting_id, options, path))


def clearance_filename(note: NoteRecord) -> str:
    """``Steel and aluminum excess capacity - for clearance.docx``."""
    name = " ".join(_UNSAFE.sub(" ", note.issue_title).split())[:80].strip(" .") or "Issue note"
    return f"{name} - for clearance.docx"


def export_note_for_clearance(ctx: AppContext, note: NoteRecord, parent: QWidget,
                              before_read: Callable[[], None]) -> BackgroundTask | None:
    """Ask where, then write ``note`` alone (with its red lines) as a .docx in the background."""
    chosen, _ = QFileDialog.getSaveFileName(parent, CLEARANCE_TITLE, clearance_filename(note),
                                            "Word documents (*.docx)")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".docx":
        path = path.with_name(path.name + ".docx")
    before_read()  # what is being typed goes out too
    options = BookOptions(sections=frozenset({"papers", "red_lines"}),
                          notes=frozenset({note.issue_slug}))
    task = word_export_task(ctx, note.meeting_id, options, path)

    def finished(result: DocxResult) -> None:
        ctx.status.info(f"Exported {note.issue_title!r} for clearance to {path.name}: send it out, "
                        "then File → Review a returned Word file…")

    def failed(error: BaseException) -> None:
        from ui.word.review_dialog import tell

        tell(parent, CLEARANCE_TITLE, failure_message(error, "The file was not written"))

    task.signals.sig_finished.connect(finished)
    task.signals.sig_failed.connect(failed)
    ctx.status.info(f"Exporting {note.issue_title!r} for clearance…")
    return task.start()
