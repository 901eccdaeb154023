"""Undo commands for whole meetings: new meeting, next round (carry forward), delete.

Deleting moves a meeting to the Trash, so undoing a creation deletes it and
redoing (or undoing a delete) restores it with everything in it. Every store call
runs in the ``WRITES`` lane (``BackgroundCommand``): the window goes on while a
large meeting is carried forward, and once the store has answered the command
asks the window to open the meeting the user should now see (a refusal is said
in the status bar and the command dropped). A run that waits for a server that is
away is kept in the crash journal as a change (kind ``"meeting"``: the new meeting's
fields, or the next round's choices with ``carry_from``; a delete; a restore), so
that a kill loses nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from briefing.recovery.row_changes import ADD, CARRY_FROM, DELETE, RESTORE
from ui.context import AppContext
from ui.undo.background_command import BackgroundCommand
from ui.undo.kinds import MEETING


def new_meeting_fields(home_timezone: str, now: datetime | None = None) -> dict[str, Any]:
    """A blank meeting to start from: tomorrow 09:00–17:00 in the home time zone."""
    zone = ZoneInfo(home_timezone)
    day = (now or datetime.now(UTC)).astimezone(zone).date() + timedelta(days=1)
    start = datetime.combine(day, time(9, 0), zone)
    return {"title": "New meeting", "starts_at": start, "ends_at": start + timedelta(hours=8),
            "timezone": home_timezone, "home_timezone": home_timezone}


class _MeetingCommand(BackgroundCommand):
    def __init__(self, ctx: AppContext, text: str, came_from: int | None) -> None:
        super().__init__(ctx, text, MEETING)
        self.came_from = came_from

    def _open(self, meeting_id: int | None) -> None:
        self.ctx.events.sig_meetings_changed.emit()
        self.ctx.events.sig_open_meeting_requested.emit(meeting_id or 0)


class _CreatesMeeting(_MeetingCommand):
    """A command that makes a meeting once, then deletes and restores it on undo and redo."""

    created: int | None = None
    working: str | None = None
    """Said in the status bar while the first run waits for the store (a long carry forward)."""

    def create(self) -> Any:
        """Make the meeting (in the worker); returns its record."""
        raise NotImplementedError

    def kept_values(self) -> dict[str, Any]:
        """What ``create`` makes, as the crash journal keeps it (``briefing.recovery.replay``)."""
        raise NotImplementedError

    def redo(self) -> None:
        first = self.created is None
        values = self.kept_values()
        self.in_lane(self._make, self._made,
                     change=self.row_change(ADD, MEETING.name, self.came_from or 0, lambda: self.created,
                                            values=values, title=str(values.get("title") or "")))
        if first and self.working:
            self.ctx.status.info(self.working)

    def _make(self) -> Any:  # in the worker, after every write started before
        if self.created is None:
            record = self.create()
            self.created = record.id
            return record
        return self.ctx.services.meetings.restore(self.created)

    def _made(self, record: Any) -> None:
        self.ctx.writer.remember(MEETING, record)
        self._open(record.id)

    def undo(self) -> None:
        self.in_lane(self._delete, self._open,
                     change=self.row_change(DELETE, MEETING.name, self.came_from or 0, lambda: self.created))

    def _delete(self) -> int | None:  # in the worker: the meeting to open next
        meetings = self.ctx.services.meetings
        if self.created is not None:
            meetings.delete(self.created)
        return meetings.pick_initial(self.came_from)


class NewMeetingCommand(_CreatesMeeting):
    """Create a meeting (and open it once stored)."""

    def __init__(self, ctx: AppContext, came_from: int | None, fields: dict[str, Any]) -> None:
        super().__init__(ctx, "New meeting", came_from)
        self.fields = fields

    def create(self) -> Any:
        return self.ctx.services.meetings.create(**self.fields)

    def kept_values(self) -> dict[str, Any]:
        return dict(self.fields)


class NextRoundCommand(_CreatesMeeting):
    """Start the next round of a meeting: its agenda, notes, people and open actions carried forward."""

    working = "Working… carrying the meeting forward to its next round"

    def __init__(self, ctx: AppContext, meeting_id: int, options: dict[str, Any] | None = None) -> None:
        super().__init__(ctx, "Next round", meeting_id)
        self.meeting_id = meeting_id
        self.options = dict(options or {})  # RoundsService.carry_forward's keywords (the dialog's)

    def create(self) -> Any:
        return self.ctx.services.rounds.carry_forward(self.meeting_id, **self.options)

    def kept_values(self) -> dict[str, Any]:
        return {CARRY_FROM: self.meeting_id, **self.options}


class DeleteMeetingCommand(_MeetingCommand):
    """Move a meeting to the Trash; undo brings it back."""

    def __init__(self, ctx: AppContext, meeting_id: int, title: str) -> None:
        super().__init__(ctx, f"Delete “{title}”", meeting_id)
        self.meeting_id = meeting_id
        self.title = title

    def redo(self) -> None:
        self.in_lane(self._delete, self._open, then=self._say_trashed,
                     change=self.row_change(DELETE, MEETING.name, self.meeting_id, lambda: self.meeting_id,
                                            title=self.title))

    def _delete(self) -> int | None:  # in the worker: the meeting to open next
        meetings = self.ctx.services.meetings
        meetings.delete(self.meeting_id)
        return meetings.pick_initial(None)

    def _say_trashed(self, _next_id: object) -> None:
        self.ctx.status.info(f"Moved “{self.title}” to the Trash. Undo (Ctrl+Z) brings it back.")

    def undo(self) -> None:
        self.in_lane(lambda: self.ctx.services.meetings.restore(self.meeting_id), self._restored,
                     change=self.row_change(RESTORE, MEETING.name, self.meeting_id, lambda: self.meeting_id,
                                            title=self.title))

    def _restored(self, record: Any) -> None:
        self.ctx.writer.remember(MEETING, record)
        self._open(self.meeting_id)
