"""``RestoreRevisionCommand``: bring an issue note back to a saved version, undoably.

Redo restores through the history service (a ``restore`` revision of its own,
checked against the note's version like any save); undo writes back what the
note held before, as an ordinary save. It is an ``EditCommand`` of the note, so
the notes tab follows it like any edit (undoing it shows the note). Both run in
the ``WRITES`` lane: the window goes on while the store works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing.notes.records import NoteRecord
from briefing.revisions.records import RevisionRecord
from briefing.revisions.service import TRACKED
from ui.undo.background_write import BackgroundWrite
from ui.undo.command import Outcome
from ui.undo.edit import EditCommand
from ui.undo.kinds import NOTE

if TYPE_CHECKING:
    from ui.context import AppContext


class RestoreRevisionCommand(EditCommand):
    """Restore ``revision`` over the note as it is now (``current``); ``on_done(outcome)`` hears
    the first restore's outcome on the GUI thread."""

    def __init__(self, ctx: AppContext, revision: RevisionRecord, current: NoteRecord, label: str,
                 on_done: Callable[[Outcome], None] | None = None) -> None:
        old = {name: getattr(current, name) for name in TRACKED}
        new = {name: getattr(revision, name) for name in TRACKED}
        super().__init__(ctx, NOTE, current.id, old, new, text=f"Restore the version of {label}",
                         background=True, on_done=on_done)
        self.revision_id = revision.id

    def redo(self) -> None:
        on_done, self._on_done = self._on_done, None
        again, self._written_once = self._written_once, True
        RevisionWrite(self, self.new, self.old, on_done, expected=again).start()


class RevisionWrite(BackgroundWrite):
    """The restore of a revision, in the lane: based on the note's version once the writes
    queued before it have run."""

    def work(self) -> None:  # in the worker
        writer, command = self.ctx.writer, self.command
        row_id = writer.current_id(NOTE, self.row_id)
        record = self.ctx.services.history.restore(command.revision_id, writer.version(NOTE, row_id))
        self.record = writer.remember(NOTE, record)
