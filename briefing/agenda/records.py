"""Frozen records of an agenda: its items and their computed times (the schedule)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class AgendaItemRecord:
    """One agenda item, in order."""

    id: int
    meeting_id: int
    version: int
    position: int
    title: str
    minutes: int
    lead: str
    issue_id: int | None
    issue_slug: str | None
    issue_title: str | None
    status: str
    outcome: str
    #: The meeting record of the item (Markdown): what was said, agreed, and what stays open.
    record: str = ""
    agreed: str = ""
    open_points: str = ""
    #: The scenario (run of show): who speaks first for each side, press open or closed, the points.
    speaker_ours: str = ""
    speaker_theirs: str = ""
    press: str = "closed"
    points: str = ""


@dataclass(frozen=True, slots=True)
class AgendaSlot:
    """An agenda item with its computed start, in UTC and in both time zones."""

    item: AgendaItemRecord
    starts_at: datetime
    venue_start: datetime
    home_start: datetime


@dataclass(frozen=True, slots=True)
class Schedule:
    """A meeting's agenda laid out in time, and its total against the meeting's length."""

    slots: tuple[AgendaSlot, ...]
    total_minutes: int
    length_minutes: int | None

    @property
    def overrun_minutes(self) -> int:
        """How far the agenda runs past the meeting's end (0 when it fits or has no end)."""
        if self.length_minutes is None:
            return 0
        return max(0, self.total_minutes - self.length_minutes)
