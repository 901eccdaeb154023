"""Undo commands for whole meetings: new meeting, next round (carry forward), delete.

Deleting moves a meeting to the Trash, so undoing a creation deletes it and
redoing (or undoing a delete) restores it with everything in it. Each command
asks the window to open the meeting the user should now see.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ui.context import AppContext
from ui.undo.command import ServiceCommand
from ui.undo.kinds import MEETING


def new_meeting_fields(home_timezone: str, now: datetime | None = None) -> dict[str, Any]:
    """A blank meeting to start from: tomorrow 09:00–17:00 in the home time zone."""
    zone = ZoneInfo(home_timezone)
    day = (now or datetime.now(UTC)).astimezone(zone).date() + timedelta(days=1)
    start = datetime.combine(day, time(9, 0), zone)
    return {"title": "New meeting", "starts_at": start, "ends_at": start + timedelta(hours=8),
            "timezone": home_timezone, "home_timezone": home_timezone}


class _MeetingCommand(ServiceCommand):
    def __init__(self, ctx: AppContext, text: str, came_from: int | None) -> None:
        super().__init__(ctx, text, MEETING)
        self.came_from = came_from

    def _open(self, meeting_id: int | None) -> None:
        self.ctx.events.sig_meetings_changed.emit()
        self.ctx.events.sig_open_meeting_requested.emit(meeting_id or 0)

    def _back(self) -> None:
        """Open the meeting the user came from, else the one the app would open at start."""
        self._open(self.ctx.services.meetings.pick_initial(self.came_from))


class _CreatesMeeting(_MeetingCommand):
    """A command that makes a meeting once, then deletes and restores it on undo and redo."""

    created: int | None = None

    def create(self) -> Any:
        raise NotImplementedError

    def redo(self) -> None:
        services = self.ctx.services
        if self.created is None:
            ok = self.attempt(self.create)
            if ok:
                self.created = self.outcome.record.id
        else:
            ok = self.attempt(lambda: services.meetings.restore(self.created))
        if ok:
            self.ctx.writer.remember(MEETING, self.outcome.record)
            self._open(self.created)

    def undo(self) -> None:
        if self.created is not None and self.attempt(
            lambda: self.ctx.services.meetings.delete(self.created)
        ):
            self._back()


class NewMeetingCommand(_CreatesMeeting):
    """Create a meeting (and open it)."""

    def __init__(self, ctx: AppContext, came_from: int | None, fields: dict[str, Any]) -> None:
        super().__init__(ctx, "New meeting", came_from)
        self.fields = fields

    def create(self) -> Any:
        return self.ctx.services.meetings.create(**self.fields)


class NextRoundCommand(_CreatesMeeting):
    """Start the next round of a meeting: its agenda, notes, people and open actions carried forward."""

    def __init__(self, ctx: AppContext, meeting_id: int, options: dict[str, Any] | None = None) -> None:
        super().__init__(ctx, "Next round", meeting_id)
        self.meeting_id = meeting_id
        self.options = dict(options or {})  # RoundsService.carry_forward's keywords (the dialog's)

    def create(self) -> Any:
        return self.ctx.services.rounds.carry_forward(self.meeting_id, **self.options)


class DeleteMeetingCommand(_MeetingCommand):
    """Move a meeting to the Trash; undo brings it back."""

    def __init__(self, ctx: AppContext, meeting_id: int, title: str) -> None:
        super().__init__(ctx, f"Delete “{title}”", meeting_id)
        self.meeting_id = meeting_id
        self.title = title

    def redo(self) -> None:
        if self.attempt(lambda: self.ctx.services.meetings.delete(self.meeting_id)):
            self.ctx.status.info(f"Moved “{self.title}” to the Trash. Undo (Ctrl+Z) brings it back.")
            self._open(self.ctx.services.meetings.pick_initial(None))

    def undo(self) -> None:
        if self.attempt(lambda: self.ctx.services.meetings.restore(self.meeting_id)):
            self.ctx.writer.remember(MEETING, self.outcome.record)
            self._open(self.meeting_id)
