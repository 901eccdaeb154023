"""``write_bank``: a change to the Q&A bank run off the GUI thread (the app's one write lane), then
announced (``sig_qa_changed``) so that every view of the bank and of the notes using it reloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefing.errors import BriefbookError
from ui.background import WRITES, BackgroundTask, failure_message
from ui.context import AppContext
from ui.widgets.field_error import FieldError


def write_bank(ctx: AppContext, work: Callable[[], Any], done: Callable[[Any], None] | None,
               error: FieldError, doing: str, meeting_id: int | None = None) -> BackgroundTask:
    """Run ``work`` (a service call) in the write lane; ``done(result)`` on the GUI thread after it,
    or its refusal shown in ``error`` and the status bar."""
    task = BackgroundTask(lambda _progress: work(), WRITES)

    def finished(result: Any) -> None:
        error.show_message(None)
        ctx.events.sig_saved.emit()
        ctx.events.sig_qa_changed.emit()
        if meeting_id is not None:
            ctx.events.sig_notes_changed.emit(meeting_id)  # its book changes with the note's entries
        if done is not None:
            done(result)

    def failed(exception: BaseException) -> None:
        message = str(exception) if isinstance(exception, BriefbookError) else failure_message(
            exception, doing)
        error.show_message(message)
        ctx.status.failed(message)

    task.signals.sig_finished.connect(finished)
    task.signals.sig_failed.connect(failed)
    return task.start()
