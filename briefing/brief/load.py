"""Gather everything a briefing book shows of one meeting into one frozen ``Brief``."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from briefing import mapping
from briefing.actions.service import actions_of
from briefing.agenda.records import AgendaItemRecord
from briefing.agenda.schedule import build_schedule
from briefing.agenda.service import agenda_of
from briefing.brief.records import Brief
from briefing.editing import fetch
from briefing.notes.records import NoteRecord
from briefing.notes.service import notes_of
from briefing.people.names import shown_name
from briefing.people.records import ParticipantRecord
from briefing.people.service import participants_of
from briefing.positions.service import meeting_positions, positions_of
from briefing.qa.service import entries_of_notes
from briefing.rounds.service import round_changes
from briefing.vocabulary import CAPACITIES, PRIORITIES, SIDES, TIERS
from db.engine import Database
from db.models import IssueNote, Meeting


def paper_order(notes: Sequence[NoteRecord], agenda: Sequence[AgendaItemRecord]) -> list[NoteRecord]:
    """Issue papers by tier (full, short, defensive: issue 13), within a tier in agenda order,
    then the rest by priority (highest first), then as listed."""
    first_on_agenda: dict[int, int] = {}
    for index, item in enumerate(agenda):
        if item.issue_id is not None:
            first_on_agenda.setdefault(item.issue_id, index)
    rank = {p: i for i, p in enumerate(PRIORITIES)}

    def key(note: NoteRecord) -> tuple:
        on_agenda = first_on_agenda.get(note.issue_id)
        tier = TIERS.index(note.tier) if note.tier in TIERS else 0
        return (tier, on_agenda is None, on_agenda or 0, rank.get(note.priority, len(rank)),
                note.position)

    return sorted(notes, key=key)


def protocol_order(participants: Sequence[ParticipantRecord]) -> tuple[ParticipantRecord, ...]:
    """The people as the book lists them: our side, then theirs, each in its order of precedence
    with the delegates first, then interpreters, observers and note-takers.

    Names are as protocol shows them (``briefing.people.names``: "HAGIUDA Koichi"),
    and someone who is not a delegate has the capacity leading the role
    ("Interpreter · Trade minister's interpreter").
    """
    def key(p: ParticipantRecord) -> tuple:
        side = SIDES.index(p.side) if p.side in SIDES else len(SIDES)
        capacity = CAPACITIES.index(p.capacity) if p.capacity in CAPACITIES else len(CAPACITIES)
        return side, capacity, p.position

    def shown(p: ParticipantRecord) -> ParticipantRecord:
        role = p.role
        if p.capacity != CAPACITIES[0]:
            role = " · ".join(x for x in (p.capacity.capitalize(), p.role) if x)
        return dataclasses.replace(p, role=role,
                                   person=dataclasses.replace(p.person, name=shown_name(p.person)))

    return tuple(shown(p) for p in sorted(participants, key=key))


def load_brief(db: Database, meeting_id: int) -> Brief:
    """One read of the store: the meeting, its schedule, papers, people and actions, and what
    changed in the notes since the previous round (when there is one)."""
    with db.read() as s:
        meeting = mapping.meeting(fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}"))
        agenda_rows = agenda_of(s, meeting_id)
        note_rows = notes_of(s, meeting_id)  # read once: the positions list the same notes' issues
        agenda = [mapping.agenda_item(a) for a in agenda_rows]
        notes = [mapping.note(n) for n in note_rows]
        previous = {}
        for note in notes:
            if note.previous_id is not None:
                prev = s.get(IssueNote, note.previous_id)
                if prev is not None:
                    previous[note.id] = mapping.note(prev)
        participants = protocol_order([mapping.participant(p) for p in participants_of(s, meeting_id)])
        actions = tuple(mapping.action(a) for a in actions_of(s, meeting_id))
        qa = entries_of_notes(s, [n.id for n in notes])
        row = s.get(Meeting, meeting_id)
        positions = tuple(meeting_positions(s, row, note_rows, agenda_rows))
        before = s.get(Meeting, row.previous_id) if row.previous_id is not None else None
        previous_states = ({p.issue_id: p.state for p in positions_of(s, before.id)}
                           if before is not None and before.deleted_at is None else {})
        changes = round_changes(s, meeting_id) if meeting.previous_id is not None else None
        if changes is not None and changes.previous_meeting_id is None:
            changes = None  # the previous round is in the Trash
    return Brief(
        meeting=meeting,
        schedule=build_schedule(meeting, agenda),
        notes=tuple(paper_order(notes, agenda)),
        participants=participants,
        actions=actions,
        previous_notes=previous,
        round_changes=changes,
        qa={note_id: entries for note_id, entries in qa.items() if entries},
        positions=positions,
        previous_states=previous_states,
        previous_sensitivity=before.sensitivity if before is not None else None,
    )


class BriefService:
    """Gathers the ``Brief`` of a meeting: what its briefing book shows."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def load(self, meeting_id: int) -> Brief:
        """Everything the briefing book of a meeting shows."""
        return load_brief(self.db, meeting_id)
