"""Agenda timing: each item's start in UTC, the venue's zone and the home delegation's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from briefing.times.zones import in_zone_or_utc

if TYPE_CHECKING:
    from briefing.agenda.records import AgendaItemRecord, Schedule
    from briefing.meetings.records import MeetingRecord


def build_schedule(meeting: MeetingRecord, items: Sequence[AgendaItemRecord]) -> Schedule:
    """Lay ``items`` out back to back from the meeting's start.

    A start that cannot be shown in a zone (a stored value outside the years Briefbook
    keeps, see ``briefing.times.zones``) is given in UTC; the schedule never raises.
    """
    # Imported here: the window's header formats a length (format_minutes) before its first
    # paint, which needs no agenda record (a module of frozen dataclasses, several ms to make).
    from briefing.agenda.records import AgendaSlot, Schedule

    at = meeting.starts_at
    slots = []
    total = 0
    for item in items:
        slots.append(AgendaSlot(item=item, starts_at=at,
                                venue_start=in_zone_or_utc(at, meeting.timezone),
                                home_start=in_zone_or_utc(at, meeting.home_timezone)))
        try:
            at += timedelta(minutes=item.minutes)
        except OverflowError:  # a stored start at the very end of the year 9999
            pass
        total += item.minutes
    return Schedule(slots=tuple(slots), total_minutes=total, length_minutes=meeting.length_minutes)


def format_minutes(minutes: int) -> str:
    """``450`` → ``7 h 30``; ``45`` → ``45 min``."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"
