"""The ``Brief``: everything a briefing book shows of one meeting, frozen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.actions.records import ActionRecord
    from briefing.agenda.records import Schedule
    from briefing.meetings.records import MeetingRecord
    from briefing.notes.records import NoteRecord
    from briefing.people.records import ParticipantRecord
    from briefing.rounds.records import RoundChanges


@dataclass(frozen=True, slots=True)
class Brief:
    """Everything a briefing book shows of one meeting, in presentation order."""

    meeting: MeetingRecord
    schedule: Schedule
    notes: tuple[NoteRecord, ...]
    participants: tuple[ParticipantRecord, ...]
    actions: tuple[ActionRecord, ...]
    previous_notes: dict[int, NoteRecord] = field(default_factory=dict)
    #: What changed in the notes since the previous round; None when there is no previous round.
    round_changes: RoundChanges | None = None
