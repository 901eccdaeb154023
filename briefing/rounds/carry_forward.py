"""Carry forward: start the next round of a meeting from what this round prepared."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from briefing import mapping
from briefing import validation as v
from briefing.actions.service import actions_of
from briefing.agenda.service import agenda_of
from briefing.editing import fetch, writing
from briefing.errors import ValidationError
from briefing.meetings.records import MeetingRecord
from briefing.meetings.service import new_meeting_key
from briefing.notes.service import notes_of
from briefing.people.service import participants_of
from briefing.positions.carry import copy_positions
from briefing.rounds.next_round import DEFAULT_GAP, next_round_title
from briefing.times.zones import EARLIEST_YEAR, LATEST_YEAR, in_years
from briefing.vocabulary import NOTE_FIELDS
from db.engine import Database
from db.models import ActionItem, AgendaItem, IssueNote, Meeting, NoteQa, Participant, Source


def carry_forward(db: Database, meeting_id: int, *, title: str | None = None,
                  starts_at: datetime | None = None, ends_at: datetime | None = None,
                  location: str | None = None, timezone: str | None = None,
                  note_ids: Collection[int] | None = None, carry_actions: bool = True,
                  carry_agenda: bool = True) -> MeetingRecord:
    """A new meeting, the next round of ``meeting_id``.

    It copies the agenda (statuses reset, outcomes cleared), the issue notes
    (as drafts linked to their predecessors, with their sources), the
    participants, the action items still open (linked to the originals) and the
    positions (texts, state and the round since which it holds).
    ``location`` and ``timezone`` (the venue's) default to the old round's;
    ``note_ids`` names the notes of the old round to carry (None: all of them,
    empty: none); ``carry_actions`` and ``carry_agenda`` False leave those out.
    """
    with writing(db, "The meeting") as s:
        old = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
        venue_zone = v.timezone("timezone", timezone) if timezone is not None else old.timezone
        start = (v.moment("starts_at", starts_at) if starts_at
                 else _default("starts_at", old.starts_at, DEFAULT_GAP, "four weeks after this round"))
        if ends_at is not None:
            end = v.moment("ends_at", ends_at)
        elif old.ends_at is not None:
            end = _default("ends_at", start, old.ends_at - old.starts_at, "as long as this round")
        else:
            end = None
        if end is not None and end < start:
            raise ValidationError("ends_at", "the meeting ends before it starts")
        new = Meeting(
            key=new_meeting_key(),
            title=v.line("title", title, required=True) if title
            else next_round_title(old.title, old.round_no),
            round_no=old.round_no + 1, counterpart=old.counterpart,
            location=old.location if location is None else v.line("location", location),
            starts_at=start, ends_at=end, timezone=venue_zone, home_timezone=old.home_timezone,
            status="planned", sensitivity=old.sensitivity, objectives=old.objectives,
            principal=old.principal, prepared_by=old.prepared_by, previous_id=old.id,
        )
        s.add(new)
        for item in agenda_of(s, old.id) if carry_agenda else ():
            new.agenda.append(AgendaItem(
                position=item.position, title=item.title, minutes=item.minutes, lead=item.lead,
                issue_id=item.issue_id, status="pending", outcome="",
            ))
        for note in notes_of(s, old.id):
            if note_ids is None or note.id in note_ids:
                new.notes.append(_copy_note(note))
        for p in participants_of(s, old.id):
            new.participants.append(Participant(
                person_id=p.person_id, position=p.position, side=p.side, role=p.role,
            ))
        carried = [a for a in actions_of(s, old.id) if a.status == "open"] if carry_actions else []
        for index, action in enumerate(carried):
            new.actions.append(ActionItem(
                position=index, text=action.text, owner=action.owner, due=action.due,
                status="open", issue_id=action.issue_id, previous_id=action.id,
            ))
        s.flush()
        copy_positions(s, old, new)
        s.flush()
        return mapping.meeting(new)


def _default(field: str, moment: datetime, gap: timedelta, what: str) -> datetime:
    """``moment + gap``, the next round's default ``field``; a ValidationError asking for the value
    when that falls outside the years Briefbook keeps (a round an older build stored at 9999-12-31)."""
    try:
        value = moment + gap
    except OverflowError:
        value = None
    if value is None or not in_years(value):
        raise ValidationError(field, f"by default {what}, which falls outside the years Briefbook keeps "
                                     f"({EARLIEST_YEAR} to {LATEST_YEAR}); give the next round's date")
    return value


def _copy_note(note: IssueNote) -> IssueNote:
    sections: dict[str, Any] = {name: getattr(note, name) for name in NOTE_FIELDS}
    copy = IssueNote(
        issue_id=note.issue_id, position=note.position, status="draft",
        priority=note.priority, owner=note.owner, previous_id=note.id, tier=note.tier, **sections,
    )
    copy.sources = [
        Source(position=src.position, title=src.title, publisher=src.publisher,
               date=src.date, url=src.url)
        for src in note.sources
    ]
    # the Q&A bank entries by reference (issue 13): the same entries, in the same order
    copy.qa_links = [NoteQa(entry_id=link.entry_id, position=link.position) for link in note.qa_links]
    return copy
