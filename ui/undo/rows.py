"""Undo commands for a meeting's ordered lists (issue notes, action items): add, delete, move.

A ``RowList`` names the service (with ``delete(id)`` and ``move(id, to_index)``),
the row's kind in the Trash, and the event that announces a change to the list.
Deleting moves a row to the Trash and the Trash gives it back at the place it
had, so undoing an add deletes the row and redoing it restores the very same
row, where it was.

With ``background=True`` each store call runs in the ``WRITES`` lane
(``ui.undo.background_command``) and the pusher hears of the outcome through
``on_done``; without it (the Issue notes list, for now) it runs on the GUI thread.
A background run that waits for a server that is away is kept in the crash journal
as a change to the list (``BackgroundCommand.row_change``); an add is kept when the
pusher said the values it creates the row with (``values``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.recovery.row_changes import ADD, DELETE, MOVE, RESTORE
from ui.undo.background_command import BackgroundCommand

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from briefing.services import Services
    from ui.context import AppContext
    from ui.events import AppEvents


@dataclass(frozen=True)
class RowList:
    """One kind of ordered list of a meeting: its service and the signal that announces changes."""

    noun: str
    trash_kind: str
    service: Callable[[Services], Any]
    changed: Callable[[AppEvents], SignalInstance]


NOTES = RowList("issue note", "note", lambda s: s.notes, lambda e: e.sig_notes_changed)
ACTIONS = RowList("action item", "action", lambda s: s.actions, lambda e: e.sig_actions_changed)


class _RowCommand(BackgroundCommand):
    def __init__(self, ctx: AppContext, rows: RowList, meeting_id: int, text: str, *,
                 background: bool = False) -> None:
        super().__init__(ctx, text)
        self.rows = rows
        self.meeting_id = meeting_id
        self.row_id: int | None = None
        self.background = background

    def meeting_to_show(self) -> int | None:
        return self.meeting_id

    def row_to_show(self) -> tuple[str, int] | None:
        return None if self.row_id is None else (self.rows.trash_kind, self.row_id)

    def service(self) -> Any:
        return self.rows.service(self.ctx.services)

    def restore(self, row_id: int) -> Any:
        """Take the row out of the Trash, back at its place."""
        return self.ctx.services.trash.restore(self.rows.trash_kind, row_id)

    def run(self, action: Callable[[], Any], what: str | None = None, *, index: int | None = None,
            values: dict[str, Any] | None = None, title: str = "") -> None:
        """Run the action (in the lane, or ``attempt`` it here) and, when it worked, tell every
        view the list changed. ``what`` (and ``index``…) says what it does, for the crash journal."""
        changed = self.rows.changed(self.ctx.events)
        if self.background:
            change = None if what is None else self.row_change(
                what, self.rows.trash_kind, self.meeting_id, lambda: self.row_id, values=values,
                index=index, title=title)
            self.in_lane(action, lambda _record: changed.emit(self.meeting_id), change=change)
        elif self.attempt(action):
            changed.emit(self.meeting_id)
            self.ctx.events.sig_saved.emit()


class AddRowCommand(_RowCommand):
    """Add the row ``create()`` makes (once); undo moves it to the Trash, redo brings it back."""

    def __init__(self, ctx: AppContext, rows: RowList, meeting_id: int, create: Callable[[], Any],
                 text: str, *, background: bool = False, values: dict[str, Any] | None = None,
                 index: int | None = None) -> None:
        """``values`` and ``index``: what ``create()`` makes, as the service's ``add(meeting_id,
        position=index, **values)`` would (so that the crash journal can make it again)."""
        super().__init__(ctx, rows, meeting_id, text, background=background)
        self.create = create
        self.values, self.index = values, index

    def redo(self) -> None:
        self.run(self._add, ADD, values=self.values, index=self.index)

    def _add(self) -> Any:  # (in the worker when in the background: ``row_id`` is current there)
        if self.row_id is not None:
            return self.restore(self.row_id)
        record = self.create()
        self.row_id = record.id
        return record

    def undo(self) -> None:
        self.run(lambda: None if self.row_id is None else self.service().delete(self.row_id), DELETE)


class DeleteRowCommand(_RowCommand):
    """Move a row to the Trash; undo puts it back where it was."""

    def __init__(self, ctx: AppContext, rows: RowList, meeting_id: int, row_id: int, title: str, *,
                 background: bool = False) -> None:
        super().__init__(ctx, rows, meeting_id, f"Delete {rows.noun} “{title}”", background=background)
        self.row_id = row_id
        self.title = title

    def redo(self) -> None:
        self.run(lambda: self.service().delete(self.row_id), DELETE, title=self.title)

    def undo(self) -> None:
        self.run(lambda: self.restore(self.row_id), RESTORE, title=self.title)


class MoveRowCommand(_RowCommand):
    """Move a row from one place in its list to another."""

    def __init__(self, ctx: AppContext, rows: RowList, meeting_id: int, row_id: int, from_index: int,
                 to_index: int, *, background: bool = False) -> None:
        super().__init__(ctx, rows, meeting_id, f"Move {rows.noun}", background=background)
        self.row_id = row_id
        self.from_index = from_index
        self.to_index = to_index

    def redo(self) -> None:
        self.run(self._move, MOVE, index=self.to_index)

    def _move(self) -> Any:
        if self.background:  # in the worker: where it is now (the view may show an older order)
            ids = [row.id for row in self.service().list(self.meeting_id)]
            self.from_index = ids.index(self.row_id) if self.row_id in ids else self.from_index
        return self.service().move(self.row_id, self.to_index)

    def undo(self) -> None:
        self.run(lambda: self.service().move(self.row_id, self.from_index), MOVE, index=self.from_index)
