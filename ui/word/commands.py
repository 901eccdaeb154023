"""``ApplyReviewCommand``: the accepted changes of a returned Word file, applied to the note as one
undo step.

Redo saves through ``WordService.save_as`` so the revision is signed "review by AUTHOR (from
Word)"; undo writes back what the note held before, as an ordinary save. It is an
``EditCommand`` of the note, so the notes tab follows it like any edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.notes.records import NoteRecord
from ui.undo.edit import EditCommand
from ui.undo.kinds import NOTE

if TYPE_CHECKING:
    from ui.context import AppContext


class ApplyReviewCommand(EditCommand):
    """Set ``new`` sections on ``current`` (the note the review was read against)."""

    def __init__(self, ctx: AppContext, current: NoteRecord, new: dict[str, str], author: str) -> None:
        old = {name: current.section(name) for name in new}
        super().__init__(ctx, NOTE, current.id, old, new,
                         text=f"Apply the Word review of {current.issue_title}")
        self.author = author
        ctx.writer.remember(NOTE, current)  # the review was read at this version: checked against it

    def redo(self) -> None:
        self.attempt(self._apply)

    def _apply(self) -> NoteRecord:
        from briefing.word.service import WordService

        ctx = self.ctx
        version = ctx.writer.version(NOTE, self.row_id)
        record = WordService(ctx.services).save_as(self.author, self.row_id, version, self.new)
        ctx.writer.remember(NOTE, record)
        NOTE.announce(ctx.events, record)
        ctx.events.sig_saved.emit()
        return record
