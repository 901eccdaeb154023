"""Frozen records of a meeting and its timetable: what the first screen (the meetings list, a
meeting's header and Overview) and the agenda show.

They are apart from ``briefing.records`` (notes, people, actions, the book) so that start-up
creates only these dataclasses: on Python 3.11 each costs about a millisecond to make.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """A meeting as the meetings list shows it."""

    id: int
    key: str
    title: str
    round_no: int
    starts_at: datetime
    ends_at: datetime | None
    timezone: str
    status: str


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """Everything about one meeting itself (its agenda, notes and people are separate)."""

    id: int
    key: str
    version: int
    title: str
    round_no: int
    counterpart: str
    location: str
    starts_at: datetime
    ends_at: datetime | None
    timezone: str
    home_timezone: str
    status: str
    sensitivity: str
    objectives: str
    principal: str
    prepared_by: str
    previous_id: int | None
    next_ids: tuple[int, ...] = ()

    @property
    def length_minutes(self) -> int | None:
        """The meeting's planned length, or None when it has no end."""
        if self.ends_at is None:
            return None
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


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
