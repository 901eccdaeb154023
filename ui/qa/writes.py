"""``write_bank``: a change to the Q&A bank (a new entry, an edit, retiring one) run in the app's one
write lane (``ui.undo.lane_job``: after every write started before it, off the GUI thread, counted
among the window's writes), then announced (``sig_qa_changed``) so that every view of the bank and
of the notes using it reloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6

from briefing.errors import BriefbookError
from ui.context import AppContext
from ui.undo.lane_job import LaneJob, run_in_lane
from ui.widgets.field_error import FieldError


def write_bank(ctx: AppContext, work: Callable[[], Any], done: Callable[[Any], None] | None,
               error: FieldError, meeting_id: int | None = None,
               refused: Callable[[BriefbookError], None] | None = None) -> LaneJob:
    """Run ``work`` (a service call) in the write lane; ``done(result)`` on the GUI thread after it,
    or its refusal shown in ``error`` and the status bar (then ``refused(error)``)."""

    def finished(result: Any) -> None:
        if shiboken6.isValid(error):
            error.show_message(None)
        ctx.events.sig_qa_changed.emit()
        if meeting_id is not None:
            ctx.events.sig_notes_changed.emit(meeting_id)  # its book changes with the note's entries
        if done is not None:
            done(result)

    def failed(exception: BriefbookError) -> None:
        if shiboken6.isValid(error):
            error.show_message(str(exception))
        if refused is not None:
            refused(exception)

    return run_in_lane(ctx, work, finished, failed)
