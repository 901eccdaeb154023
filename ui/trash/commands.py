"""``RestoreCommand``: take something out of the Trash (undo puts it back in)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefing.trash.records import TrashEntry
from ui.models.trash_table import KIND_LABELS
from ui.undo.command import ServiceCommand

if TYPE_CHECKING:
    from briefing.services import Services
    from ui.context import AppContext
    from ui.events import AppEvents

#: How each kind goes back into the Trash (the undo of a restore).
DELETERS: dict[str, Callable[[Services], Callable[[int], Any]]] = {
    "meeting": lambda s: s.meetings.delete,
    "agenda_item": lambda s: s.agenda.delete,
    "note": lambda s: s.notes.delete,
    "action": lambda s: s.actions.delete,
    "person": lambda s: s.people.delete_person,
}


def announce(events: AppEvents, kind: str, meeting_id: int | None) -> None:
    """Tell every view that a thing of ``kind`` came back or went (the Trash window listens too)."""
    mid = meeting_id or 0
    if kind == "meeting":
        events.sig_meetings_changed.emit()
    elif kind == "agenda_item":
        events.sig_agenda_changed.emit(mid)
    elif kind == "note":
        events.sig_notes_changed.emit(mid)
    elif kind == "action":
        events.sig_actions_changed.emit(mid)
    else:
        events.sig_people_changed.emit(0)
    events.sig_saved.emit()


class RestoreCommand(ServiceCommand):
    """Restore one entry of the Trash with everything that hung on it."""

    def __init__(self, ctx: AppContext, entry: TrashEntry) -> None:
        super().__init__(ctx, f"Restore {KIND_LABELS[entry.kind].lower()} “{entry.title}”")
        self.entry = entry

    def meeting_to_show(self) -> int | None:
        return self.entry.meeting_id

    def row_to_show(self) -> tuple[str, int] | None:
        return None if self.entry.kind == "meeting" else (self.entry.kind, self.entry.id)

    def redo(self) -> None:
        e = self.entry
        if self.attempt(lambda: self.ctx.services.trash.restore(e.kind, e.id)):
            announce(self.ctx.events, e.kind, e.meeting_id)

    def undo(self) -> None:
        e = self.entry
        if self.attempt(lambda: DELETERS[e.kind](self.ctx.services)(e.id)):
            announce(self.ctx.events, e.kind, e.meeting_id)
