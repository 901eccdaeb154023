"""``ApplyReviewCommand``: the accepted changes of a returned Word file, applied to the note as one
undo step.

Redo saves through ``WordService.save_as`` so the revision is signed "review by AUTHOR (from
Word)"; undo writes back what the note held before, as an ordinary save. It is an
``EditCommand`` of the note, so the notes tab follows it like any edit. Both run in the
``WRITES`` lane: the window goes on while the store works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing.notes.records import NoteRecord
from ui.undo.background_write import BackgroundWrite
from ui.undo.command import Outcome
from ui.undo.edit import EditCommand
from ui.undo.kinds import NOTE

if TYPE_CHECKING:
    from ui.context import AppContext


class ApplyReviewCommand(EditCommand):
    """Set ``new`` sections on ``current`` (the note the review was read against); ``on_done(outcome)``
    hears the first write's outcome on the GUI thread."""

    def __init__(self, ctx: AppContext, current: NoteRecord, new: dict[str, str], author: str,
                 on_done: Callable[[Outcome], None] | None = None) -> None:
        old = {name: current.section(name) for name in new}
        super().__init__(ctx, NOTE, current.id, old, new,
                         text=f"Apply the Word review of {current.issue_title}",
                         background=True, on_done=on_done)
        self.author = author
        ctx.writer.remember(NOTE, current)  # the review was read at this version: checked against it

    def redo(self) -> None:
        on_done, self._on_done = self._on_done, None
        again, self._written_once = self._written_once, True
        ReviewWrite(self, self.new, self.old, on_done, expected=again).start()


class ReviewWrite(BackgroundWrite):
    """The review's save, in the lane, signed by its reviewers."""

    def work(self) -> None:  # in the worker
        from briefing.word.service import WordService

        writer, command = self.ctx.writer, self.command
        row_id = writer.current_id(NOTE, self.row_id)
        record = WordService(self.ctx.services).save_as(command.author, row_id,
                                                        writer.version(NOTE, row_id), command.new)
        self.record = writer.remember(NOTE, record)
