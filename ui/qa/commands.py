"""Undoable changes to a note's Q&A entries: using a bank entry in a note, and no longer using it.

The entry itself stays in the bank either way; undo takes the reference back (or
puts it back where it was in the note's order). Both run in the ``WRITES`` lane
(``BackgroundCommand``): the window goes on while the store works. A run that waits for a
server that is away is kept in the crash journal too (``use``), so that a kill loses nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.notes.records import NoteRecord
from briefing.qa.records import QaEntryRecord
from briefing.recovery.row_changes import ADD, DELETE, QA_USE, RowChange
from ui.undo.background_command import BackgroundCommand
from ui.undo.kinds import NOTE

if TYPE_CHECKING:
    from ui.context import AppContext


def use(what: str, note: NoteRecord, entry: QaEntryRecord, position: int | None = None):
    """What a run does to the note's list of entries, for the crash journal should it wait offline."""
    return lambda: RowChange(what, QA_USE, note.meeting_id, entry.id, {"note_id": note.id}, position,
                             entry.key)


def _announce(ctx: AppContext, note: NoteRecord) -> None:
    ctx.events.sig_qa_changed.emit()
    ctx.events.sig_notes_changed.emit(note.meeting_id)  # its book changes with the note's entries


class AttachQaCommand(BackgroundCommand):
    """Use a bank entry in a note (at ``position``, default the end)."""

    def __init__(self, ctx: AppContext, note: NoteRecord, entry: QaEntryRecord,
                 position: int | None = None) -> None:
        super().__init__(ctx, f"Add Q&A entry “{entry.key}” to the note")
        self.note, self.entry, self.position = note, entry, position

    def meeting_to_show(self) -> int | None:
        return self.note.meeting_id

    def row_to_show(self) -> tuple[str, int] | None:
        return (NOTE.name, self.note.id)

    def redo(self) -> None:
        qa = self.ctx.services.qa
        self.in_lane(lambda: qa.attach(self.note.id, self.entry.id, self.position), self._announce,
                     change=use(ADD, self.note, self.entry, self.position))

    def undo(self) -> None:
        self.in_lane(lambda: self.ctx.services.qa.detach(self.note.id, self.entry.id), self._announce,
                     change=use(DELETE, self.note, self.entry))

    def _announce(self, _record: object) -> None:
        _announce(self.ctx, self.note)


class DetachQaCommand(BackgroundCommand):
    """Stop using a bank entry in a note (undo puts it back at its place)."""

    def __init__(self, ctx: AppContext, note: NoteRecord, entry: QaEntryRecord, position: int) -> None:
        super().__init__(ctx, f"Remove Q&A entry “{entry.key}” from the note")
        self.note, self.entry, self.position = note, entry, position

    def meeting_to_show(self) -> int | None:
        return self.note.meeting_id

    def row_to_show(self) -> tuple[str, int] | None:
        return (NOTE.name, self.note.id)

    def redo(self) -> None:
        self.in_lane(lambda: self.ctx.services.qa.detach(self.note.id, self.entry.id), self._announce,
                     change=use(DELETE, self.note, self.entry))

    def undo(self) -> None:
        qa = self.ctx.services.qa
        self.in_lane(lambda: qa.attach(self.note.id, self.entry.id, self.position), self._announce,
                     change=use(ADD, self.note, self.entry, self.position))

    def _announce(self, _record: object) -> None:
        _announce(self.ctx, self.note)
