"""``RestoreCommand``: take something out of the Trash (undo puts it back in).

The restore and its undo run in the ``WRITES`` lane (``BackgroundCommand``): the window
goes on while the store works, and the restored thing is shown in its meeting and tab
once it is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefing.trash.records import TrashEntry
from ui.models.trash_table import KIND_LABELS
from ui.undo.background_command import BackgroundCommand

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


class RestoreCommand(BackgroundCommand):
    """Restore one entry of the Trash with everything that hung on it."""

    def __init__(self, ctx: AppContext, entry: TrashEntry) -> None:
        super().__init__(ctx, f"Restore {KIND_LABELS[entry.kind].lower()} “{entry.title}”")
        self.entry = entry

    def redo(self) -> None:
        e = self.entry
        self.in_lane(lambda: self.ctx.services.trash.restore(e.kind, e.id), self._restored)

    def undo(self) -> None:
        self.in_lane(self._send_back, self._trashed)

    def _send_back(self) -> int | None:  # in the worker: for a meeting, the meeting to open next
        e, services = self.entry, self.ctx.services
        DELETERS[e.kind](services)(e.id)
        return services.meetings.pick_initial(None) if e.kind == "meeting" else None

    def _restored(self, _record: object) -> None:
        """Once stored: tell the views, then show it in its meeting and tab."""
        e, events = self.entry, self.ctx.events
        announce(events, e.kind, e.meeting_id)
        if e.meeting_id is not None:
            events.sig_open_meeting_requested.emit(e.meeting_id)
        if e.kind != "meeting":
            events.sig_show_row_requested.emit(e.kind, e.id)

    def _trashed(self, next_meeting: int | None) -> None:
        e = self.entry
        announce(self.ctx.events, e.kind, e.meeting_id)
        if e.kind == "meeting":
            self.ctx.events.sig_open_meeting_requested.emit(next_meeting or 0)
