"""Undo commands of the Issue notes tab beyond field edits: adding and removing a note's sources.

A removed source is deleted for good (sources have no Trash), so undo adds it
again with the same fields at the same number under a new id; the window's
writer is told (``relink``), so an earlier edit of the source still undoes.
Every store call runs in the ``WRITES`` lane (``ui.undo.background_command``); the
note re-reads when the outcome arrives, and the pusher hears of it by ``on_done``.
A run that waits for a server that is away is kept in the crash journal as a change
to the note's sources (kind ``"source"``: an add with its note, title, number and
fields; a removal), so that a kill loses nothing.
"""

from __future__ import annotations

from typing import Any

from briefing.notes.records import SourceRecord
from briefing.recovery.row_changes import ADD, DELETE
from ui.context import AppContext
from ui.undo.background_command import BackgroundCommand
from ui.undo.kinds import source_kind

SOURCE_FIELDS = ("publisher", "date", "url")


class _SourceCommand(BackgroundCommand):
    def __init__(self, ctx: AppContext, text: str, meeting_id: int, note_id: int) -> None:
        super().__init__(ctx, text, source_kind(meeting_id))
        self.meeting_id = meeting_id
        self.note_id = note_id
        self.source_id: int | None = None

    def add(self, position: int, title: str, fields: dict[str, Any]) -> None:
        values = {"note_id": self.note_id, "title": title, **fields}
        self._run(lambda: self._add(position, title, fields),
                  self.row_change(ADD, "source", self.meeting_id, lambda: self.source_id, values=values,
                                  index=position, title=title, restores=False))

    def _add(self, position: int, title: str, fields: dict[str, Any]) -> SourceRecord:  # in the worker
        record = self.ctx.services.notes.add_source(self.note_id, title, position=position, **fields)
        record = self.ctx.writer.recreated(self.kind, record)
        if self.source_id is not None:
            self.ctx.writer.relink(self.kind, self.source_id, record.id)
        self.source_id = record.id
        return record

    def remove(self, title: str) -> None:
        self._run(lambda: None if self.source_id is None else
                  self.ctx.services.notes.delete_source(self.source_id),
                  self.row_change(DELETE, "source", self.meeting_id, lambda: self.source_id, title=title))

    def row_to_show(self) -> tuple[str, int] | None:
        return ("note", self.note_id)

    def meeting_to_show(self) -> int | None:
        return self.meeting_id

    def _run(self, action, change) -> None:
        self.in_lane(action, lambda _record: self.ctx.events.sig_notes_changed.emit(self.meeting_id),
                     change=change)


class AddSourceCommand(_SourceCommand):
    """Cite a new source at ``position`` (1-based in print: position 0 is source 1)."""

    def __init__(self, ctx: AppContext, meeting_id: int, note_id: int, position: int,
                 title: str = "New source") -> None:
        super().__init__(ctx, "Add source", meeting_id, note_id)
        self.position = position
        self.title = title

    def redo(self) -> None:
        self.add(self.position, self.title, {})

    def undo(self) -> None:
        self.remove(self.title)


class RemoveSourceCommand(_SourceCommand):
    """Remove a source; undo cites it again, with the same fields, at the same number."""

    def __init__(self, ctx: AppContext, meeting_id: int, note_id: int, source: SourceRecord) -> None:
        super().__init__(ctx, f"Remove source “{source.title}”", meeting_id, note_id)
        self.source = source
        self.source_id = source.id

    def redo(self) -> None:
        self.remove(self.source.title)

    def undo(self) -> None:
        fields = {name: getattr(self.source, name) for name in SOURCE_FIELDS}
        self.add(self.source.position, self.source.title, fields)
