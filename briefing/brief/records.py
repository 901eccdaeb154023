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
    from briefing.positions.records import PositionRecord
    from briefing.qa.records import QaEntryRecord
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
    #: The Q&A bank entries each note uses (by note id), in the note's order; retired ones left out.
    qa: dict[int, tuple[QaEntryRecord, ...]] = field(default_factory=dict)
    #: Where each issue of the meeting stands (issue 12), in the tracker's order.
    positions: tuple[PositionRecord, ...] = ()
    #: Each issue's state in the previous round (by issue id), for "the positions that moved".
    previous_states: dict[int, str] = field(default_factory=dict)
    #: The previous round's own marking, which its unmarked text carries (a release copy's
    #: "changes since the last round" withholds by it); None without a previous round.
    previous_sensitivity: str | None = None
