"""Where a carried note came from: ``Carried from Round 1 (7 Feb 2022)``, shown above the note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.errors import BriefbookError
from ui.timefmt import in_zone, short_date

if TYPE_CHECKING:
    from briefing.services import Services


def carried_from_text(services: Services, note_id: int) -> str:
    """``Carried from Round 1 (7 Feb 2022)``: the round a carried note came from (empty when its
    predecessor or that round is gone)."""
    previous = services.notes.previous(note_id)
    if previous is None:
        return ""
    try:
        meeting = services.meetings.get(previous.meeting_id)
    except BriefbookError:
        return ""
    name = f"Round {meeting.round_no}" if meeting.round_no else "the launch"
    return f"Carried from {name} ({short_date(in_zone(meeting.starts_at, meeting.timezone))})"
