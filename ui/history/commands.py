"""``RestoreRevisionCommand``: bring an issue note back to a saved version, undoably.

Redo restores through the history service (a ``restore`` revision of its own,
checked against the note's version like any save); undo writes back what the
note held before, as an ordinary save. It is an ``EditCommand`` of the note, so
the notes tab follows it like any edit (undoing it shows the note).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.notes.records import NoteRecord
from briefing.revisions.records import RevisionRecord
from briefing.revisions.service import TRACKED
from ui.undo.edit import EditCommand
from ui.undo.kinds import NOTE

if TYPE_CHECKING:
    from ui.context import AppContext


class RestoreRevisionCommand(EditCommand):
    """Restore ``revision`` over the note as it is now (``current``)."""

    def __init__(self, ctx: AppContext, revision: RevisionRecord, current: NoteRecord, label: str) -> None:
        old = {name: getattr(current, name) for name in TRACKED}
        new = {name: getattr(revision, name) for name in TRACKED}
        super().__init__(ctx, NOTE, current.id, old, new, text=f"Restore the version of {label}")
        self.revision_id = revision.id

    def redo(self) -> None:
        self.attempt(self._restore)

    def _restore(self) -> NoteRecord:
        ctx = self.ctx
        record = ctx.services.history.restore(self.revision_id, ctx.writer.version(NOTE, self.row_id))
        ctx.writer.remember(NOTE, record)
        NOTE.announce(ctx.events, record)
        ctx.events.sig_saved.emit()
        return record
