"""Rounds of a negotiation: an issue's timeline, and what changed since the previous round.

The rounds of a negotiation are the chain of meetings linked by
``Meeting.previous_id`` (carry forward sets it). Back from a meeting the chain
follows ``previous_id``; forward it takes the earliest next round not in the
Trash. An issue's note in a round is the note on that library issue in that
meeting (one note per issue per meeting); ``IssueNote.previous_id`` decides
which note of the previous round a note continues, falling back to the same
issue when the link is missing.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing import mapping
from briefing.editing import fetch
from briefing.meetings.records import MeetingRecord
from briefing.notes.records import NoteRecord
from briefing.notes.service import notes_of
from briefing.revisions.changes import section_changes, value_changes
from briefing.rounds.records import IssueChange, IssueTimeline, RoundChanges, RoundEntry
from db.engine import Database
from db.models import Issue, IssueNote, Meeting

#: Between rounds, status is reset by carry forward (every note starts as a draft
#: again), so only these single values count as a change.
ROUND_VALUES = ("priority", "owner")


def rounds_of(session: Session, meeting: Meeting) -> list[Meeting]:
    """The meeting's negotiation, oldest round first (meetings in the Trash left out)."""
    back: list[Meeting] = []
    seen = {meeting.id}
    current = meeting
    while current.previous_id is not None and current.previous_id not in seen:
        current = session.get(Meeting, current.previous_id)
        if current is None:
            break
        seen.add(current.id)
        back.append(current)
    forward: list[Meeting] = []
    current = meeting
    while True:
        following = session.scalar(
            select(Meeting).where(Meeting.previous_id == current.id, Meeting.deleted_at.is_(None))
            .order_by(Meeting.starts_at, Meeting.id).limit(1))
        if following is None or following.id in seen:
            break
        seen.add(following.id)
        forward.append(following)
        current = following
    chain = [*reversed(back), meeting, *forward]
    return [m for m in chain if m.deleted_at is None]


class RoundsService:
    """Round-to-round views of issues and meetings."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def timeline(self, issue_id: int, meeting_id: int) -> IssueTimeline:
        """An issue across the rounds of ``meeting_id``'s negotiation: our objectives, their
        position and the note's status in each round (a round without a note on it included)."""
        with self.db.read() as s:
            issue = fetch(s, Issue, issue_id, f"Issue {issue_id}")
            chain = rounds_of(s, fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}"))
            notes = {n.meeting_id: n for n in s.scalars(select(IssueNote).where(
                IssueNote.issue_id == issue_id, IssueNote.deleted_at.is_(None),
                IssueNote.meeting_id.in_([m.id for m in chain])))}
            entries: list[RoundEntry] = []
            last: IssueNote | None = None
            for m in chain:
                note = notes.get(m.id)
                entries.append(RoundEntry(
                    meeting_id=m.id, meeting_title=m.title, round_no=m.round_no, starts_at=m.starts_at,
                    meeting_status=m.status, note_id=note.id if note else None,
                    status=note.status if note else None, priority=note.priority if note else None,
                    objectives=note.objectives if note else "",
                    their_position=note.their_position if note else "",
                    objectives_changed=bool(note and last and note.objectives != last.objectives),
                    their_position_changed=bool(
                        note and last and note.their_position != last.their_position),
                    timezone=m.timezone,
                ))
                last = note or last
            return IssueTimeline(issue.id, issue.title, tuple(entries))

    def carry_forward(self, meeting_id: int, *, title: str | None = None,
                      starts_at: datetime | None = None, ends_at: datetime | None = None,
                      location: str | None = None, timezone: str | None = None,
                      note_ids: Collection[int] | None = None, carry_actions: bool = True,
                      carry_agenda: bool = True) -> MeetingRecord:
        """Start the next round of a meeting, in one write (see ``briefing.rounds.carry_forward``):
        by default everything is carried and the venue kept; the options choose otherwise."""
        from briefing.rounds.carry_forward import carry_forward

        return carry_forward(self.db, meeting_id, title=title, starts_at=starts_at, ends_at=ends_at,
                             location=location, timezone=timezone, note_ids=note_ids,
                             carry_actions=carry_actions, carry_agenda=carry_agenda)

    def changes(self, meeting_id: int) -> RoundChanges:
        """Per issue, what changed in this meeting's notes since the previous round (see
        ``round_changes``)."""
        with self.db.read() as s:
            return round_changes(s, meeting_id)


def round_changes(session: Session, meeting_id: int) -> RoundChanges:
    """Per issue, what changed in ``meeting_id``'s notes since the previous round, in one read.

    Every issue of either round is listed: ``new`` (all sections added),
    ``dropped`` (all sections removed), ``changed`` (only the sections and
    values that differ, with word diffs) or ``unchanged``.
    """
    s = session
    meeting = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
    previous = s.get(Meeting, meeting.previous_id) if meeting.previous_id else None
    if previous is not None and previous.deleted_at is not None:
        previous = None
    notes = [mapping.note(n) for n in notes_of(s, meeting.id)]
    before = [mapping.note(n) for n in notes_of(s, previous.id)] if previous else []
    by_id = {n.id: n for n in before}
    by_issue = {n.issue_id: n for n in before}
    issues: list[IssueChange] = []
    continued: set[int] = set()
    for note in notes:
        old = by_id.get(note.previous_id) if note.previous_id else None
        old = old or by_issue.get(note.issue_id)
        if old is not None:
            continued.add(old.id)
        issues.append(_issue_change(note, old))
    issues += [_issue_change(None, old) for old in before if old.id not in continued]
    return RoundChanges(meeting.id, meeting.title, previous.id if previous else None,
                        previous.title if previous else None, tuple(issues))


def _issue_change(note: NoteRecord | None, old: NoteRecord | None) -> IssueChange:
    either = note or old
    assert either is not None
    sections = section_changes(old, note)
    values = value_changes(old, note, ROUND_VALUES)
    if old is None:
        kind = "new"
    elif note is None:
        kind = "dropped"
    else:
        kind = "changed" if sections or values else "unchanged"
    return IssueChange(
        issue_id=either.issue_id, issue_slug=either.issue_slug, issue_title=either.issue_title,
        kind=kind, note_id=note.id if note else None, previous_note_id=old.id if old else None,
        sections=sections, values=values,
    )
