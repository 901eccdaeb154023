"""Where the app shows a search hit: the meeting to open, the note to select, the row and field.

Most hits belong to one meeting (``SearchHit.meeting_id``). Two kinds do not:
a person (the directory) and a library issue. A person is shown where they take
part: in the meeting open now if they are in it, else in the latest meeting they
attend. An issue is shown as its note: in the meeting open now if it has one,
else in the latest meeting with a note on it. Either may be in no meeting at all
(``meeting_id`` None), which the app says in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from briefing.search.records import SearchHit
from db.engine import Database
from db.models import IssueNote, Meeting, Participant


@dataclass(frozen=True, slots=True)
class HitPlace:
    """What to open for a hit: ``meeting_id`` (None: no meeting shows it), the note to select
    first (``note_id``, for a note, a source or an issue), then ``entity``/``entity_id``/``field``."""

    meeting_id: int | None
    note_id: int | None
    entity: str
    entity_id: int
    field: str


def _latest_first(current_meeting_id: int | None):
    """Order meetings: the one open now first, then the latest round first."""
    first = (Meeting.id == current_meeting_id) if current_meeting_id is not None else Meeting.id.is_(None)
    return first.desc(), Meeting.starts_at.desc(), Meeting.id.desc()


def place_of(db: Database, hit: SearchHit, current_meeting_id: int | None = None) -> HitPlace:
    """Where to show ``hit``, preferring the meeting open now when it can show it."""
    if hit.entity == "person":
        with db.read() as s:
            meeting_id = s.scalar(
                select(Meeting.id).join(Participant, Participant.meeting_id == Meeting.id)
                .where(Participant.person_id == hit.entity_id, Meeting.deleted_at.is_(None))
                .order_by(*_latest_first(current_meeting_id)).limit(1))
        return HitPlace(meeting_id, None, hit.entity, hit.entity_id, hit.field)
    if hit.entity == "issue":
        with db.read() as s:
            found = s.execute(
                select(Meeting.id, IssueNote.id).join(IssueNote, IssueNote.meeting_id == Meeting.id)
                .where(IssueNote.issue_id == hit.entity_id, IssueNote.deleted_at.is_(None),
                       Meeting.deleted_at.is_(None))
                .order_by(*_latest_first(current_meeting_id)).limit(1)).first()
        meeting_id, note_id = found if found is not None else (None, None)
        return HitPlace(meeting_id, note_id, hit.entity, hit.entity_id, hit.field)
    return HitPlace(hit.meeting_id, hit.note_id, hit.entity, hit.entity_id, hit.field)
