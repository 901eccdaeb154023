"""Undo commands for the agenda's structure: add an item, delete it (to the Trash), move it.

Each store call runs in the ``WRITES`` lane (``ui.undo.background_command``): the
window never waits for the store; the agenda re-reads when the outcome arrives.
A run that waits for a server that is away is kept in the crash journal as well.
"""

from __future__ import annotations

from typing import Any

from briefing.recovery.row_changes import ADD, DELETE, MOVE, RESTORE
from ui.context import AppContext
from ui.undo.background_command import BackgroundCommand
from ui.undo.kinds import AGENDA_ITEM


class _AgendaCommand(BackgroundCommand):
    def __init__(self, ctx: AppContext, text: str, meeting_id: int) -> None:
        super().__init__(ctx, text, AGENDA_ITEM)
        self.meeting_id = meeting_id
        self.item_id: int | None = None

    def meeting_to_show(self) -> int | None:
        return self.meeting_id

    def row_to_show(self) -> tuple[str, int] | None:
        return None if self.item_id is None else (AGENDA_ITEM.name, self.item_id)

    def index_now(self) -> int:
        """Where the item is in the stored agenda now (in the worker: the view may show an older order)."""
        ids = [item.id for item in self.ctx.services.agenda.list(self.meeting_id)]
        return ids.index(self.item_id) if self.item_id in ids else 0

    def write(self, action, what: str, *, index: int | None = None, values: dict | None = None) -> None:
        """``action`` in the lane; the agenda's views re-read when it has been written. ``what``
        (``index``, ``values``) says what it does, for the crash journal should it wait offline."""
        change = self.row_change(what, AGENDA_ITEM.name, self.meeting_id, lambda: self.item_id,
                                 values=values, index=index, title=str((values or {}).get("title", "")))
        self.in_lane(action, lambda _record: self.ctx.events.sig_agenda_changed.emit(self.meeting_id),
                     change=change)


class AddAgendaItemCommand(_AgendaCommand):
    """Add an item at ``position``; undo deletes it, redo restores the same item."""

    def __init__(self, ctx: AppContext, meeting_id: int, position: int, fields: dict[str, Any]) -> None:
        super().__init__(ctx, "Add agenda item", meeting_id)
        self.position = position
        self.fields = fields

    def redo(self) -> None:
        self.write(self._add, ADD, index=self.position, values=self.fields)

    def _add(self) -> Any:  # in the worker: the first run adds, later ones restore the same item
        agenda = self.ctx.services.agenda
        if self.item_id is None:
            record = agenda.add(self.meeting_id, position=self.position, **self.fields)
            self.item_id = record.id
            return record
        return agenda.restore(self.item_id, self.position)

    def undo(self) -> None:
        self.write(lambda: None if self.item_id is None else self.ctx.services.agenda.delete(self.item_id),
                   DELETE)


class DeleteAgendaItemCommand(_AgendaCommand):
    """Move an item to the Trash; undo puts it back where it was."""

    def __init__(self, ctx: AppContext, meeting_id: int, item_id: int, position: int, title: str) -> None:
        super().__init__(ctx, f"Delete agenda item “{title}”", meeting_id)
        self.item_id = item_id
        self.position = position

    def redo(self) -> None:
        self.write(self._delete, DELETE)

    def _delete(self) -> None:  # in the worker: the place it had, for the undo
        self.position = self.index_now()
        self.ctx.services.agenda.delete(self.item_id)

    def undo(self) -> None:
        self.write(lambda: self.ctx.services.agenda.restore(self.item_id, self.position), RESTORE,
                   index=self.position)


class MoveAgendaItemCommand(_AgendaCommand):
    """Move an item from one place in the agenda to another."""

    def __init__(self, ctx: AppContext, meeting_id: int, item_id: int, from_index: int,
                 to_index: int) -> None:
        super().__init__(ctx, "Move agenda item", meeting_id)
        self.item_id = item_id
        self.from_index = from_index
        self.to_index = to_index

    def redo(self) -> None:
        self.write(self._move, MOVE, index=self.to_index)

    def _move(self) -> Any:  # in the worker: where it was, for the undo
        self.from_index = self.index_now()
        return self.ctx.services.agenda.move(self.item_id, self.to_index)

    def undo(self) -> None:
        self.write(lambda: self.ctx.services.agenda.move(self.item_id, self.from_index), MOVE,
                   index=self.from_index)
