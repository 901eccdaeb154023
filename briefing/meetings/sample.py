"""Help → Remove the sample: the sample's meetings, and the people only they name, to the Trash;
the Q&A bank entries only they use are retired.

The Trash rather than a real delete: the user may have typed into the sample
(to try the app out) and can still restore any of it from Edit → Trash, and the
window's undo puts it all back in one step (``restore_sample``). Issues are
not trashable and stay in the library; they are the same issues a user's own
meetings may well go on to use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from briefing.editing import writing
from db.engine import Database


@dataclass(frozen=True, slots=True)
class SampleRemoval:
    """What one removal moved to the Trash (what its undo brings back)."""

    meeting_ids: tuple[int, ...]
    person_ids: tuple[int, ...]
    #: The Q&A bank entries only the sample's notes used, retired (the bank has no Trash).
    qa_ids: tuple[int, ...] = ()


def remove_sample(db: Database) -> SampleRemoval:
    """Move every sample meeting, and everyone who takes part in sample meetings only, to the Trash."""
    from db.models import Meeting, Participant, Person

    with writing(db, "The sample") as s:
        meetings = list(s.scalars(select(Meeting).where(Meeting.is_sample.is_(True),
                                                        Meeting.deleted_at.is_(None))))
        ids = [m.id for m in meetings]
        in_sample = select(Participant.person_id).where(Participant.meeting_id.in_(ids))
        elsewhere = select(Participant.person_id).where(Participant.meeting_id.not_in(ids))
        people = list(s.scalars(select(Person).where(
            Person.id.in_(in_sample), Person.id.not_in(elsewhere), Person.deleted_at.is_(None))))
        now = datetime.now(UTC)
        for row in (*meetings, *people):
            row.deleted_at = now
        entries = _sample_only_entries(s, ids)
        for entry in entries:
            entry.retired = True
        return SampleRemoval(tuple(ids), tuple(p.id for p in people), tuple(e.id for e in entries))


def _sample_only_entries(s, meeting_ids: list[int]) -> list:
    """The Q&A bank entries (not retired) that notes of ``meeting_ids`` use and no other note does."""
    from db.models import IssueNote, NoteQa, QaEntry

    notes = select(IssueNote.id).where(IssueNote.meeting_id.in_(meeting_ids))
    in_sample = select(NoteQa.entry_id).where(NoteQa.note_id.in_(notes))
    elsewhere = select(NoteQa.entry_id).where(NoteQa.note_id.not_in(notes))
    return list(s.scalars(select(QaEntry).where(QaEntry.id.in_(in_sample), QaEntry.id.not_in(elsewhere),
                                                QaEntry.retired.is_(False))))


def restore_sample(db: Database, removal: SampleRemoval) -> None:
    """Bring back from the Trash what ``removal`` moved there (what is still in it)."""
    from db.models import Meeting, Person, QaEntry

    with writing(db, "The sample") as s:
        for model, ids in ((Meeting, removal.meeting_ids), (Person, removal.person_ids)):
            for row in s.scalars(select(model).where(model.id.in_(ids), model.deleted_at.is_not(None))):
                row.deleted_at = None
        for entry in s.scalars(select(QaEntry).where(QaEntry.id.in_(removal.qa_ids))):
            entry.retired = False
