"""People (a directory shared by all meetings) and their participation in meetings."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefing import mapping
from briefing import validation as v
from briefing.changelog.records import TRASHED
from briefing.changelog.service import record
from briefing.editing import apply_changes, check_version, fetch, move_in, renumber, writing
from briefing.errors import ValidationError
from briefing.people.records import ParticipantRecord, PersonRecord
from briefing.vocabulary import CAPACITIES, NAME_ORDERS, SIDES
from db.engine import Database
from db.models import Meeting, Participant, Person

_PERSON_FIELDS = {
    "name": lambda f, x: v.line(f, x, required=True),
    "native_name": v.line,
    "title": v.line,
    "organization": v.line,
    "bio": v.text,
    "name_order": lambda f, x: v.choice(f, x, NAME_ORDERS),
}
_PARTICIPANT_FIELDS = {
    "side": lambda f, x: v.choice(f, x, SIDES),
    "role": v.line,
    "capacity": lambda f, x: v.choice(f, x, CAPACITIES),
}


def unique_person_key(session: Session, wanted: str) -> str:
    key, n = wanted, 1
    while session.scalar(select(Person.id).where(Person.key == key)) is not None:
        n += 1
        key = f"{wanted}-{n}"
    return key


def participants_of(session: Session, meeting_id: int) -> list[Participant]:
    """A meeting's participants in order (people in the Trash left out)."""
    return list(session.scalars(
        select(Participant).join(Person)
        .where(Participant.meeting_id == meeting_id, Person.deleted_at.is_(None))
        .options(selectinload(Participant.person))
        .order_by(Participant.position, Participant.id)
    ))


class PeopleService:
    """The people directory and who takes part in which meeting."""

    def __init__(self, db: Database, user: str = "") -> None:
        self.db = db
        #: Who is working, for the change log (``briefing.changelog``).
        self.user = user

    # -- people ------------------------------------------------------------------

    def list_people(self) -> list[PersonRecord]:
        """Everyone not in the Trash, by name."""
        with self.db.read() as s:
            rows = s.scalars(select(Person).where(Person.deleted_at.is_(None))
                             .order_by(Person.name, Person.id))
            return [mapping.person(p) for p in rows]

    def get_person(self, person_id: int) -> PersonRecord:
        with self.db.read() as s:
            return mapping.person(fetch(s, Person, person_id, f"Person {person_id}"))

    def create_person(self, name: str, key: str | None = None, **fields: Any) -> PersonRecord:
        """A new person; without a key one is made from the name (and kept unique)."""
        with writing(self.db, "The person") as s:
            person = Person()
            apply_changes(person, {"name": name, **fields}, _PERSON_FIELDS)
            if key is None:
                person.key = unique_person_key(s, v.slugify(person.name))
            else:
                person.key = v.line("key", key, required=True)
                if s.scalar(select(Person.id).where(Person.key == person.key)) is not None:
                    raise ValidationError("key", f"a person with key {person.key!r} exists already")
            s.add(person)
            s.flush()
            return mapping.person(person)

    def update_person(self, person_id: int, version: int | None, **changes: Any) -> PersonRecord:
        with writing(self.db, "The person") as s:
            person = fetch(s, Person, person_id, f"Person {person_id}")
            check_version(person, version, "The person", lambda: mapping.person(person))
            apply_changes(person, changes, _PERSON_FIELDS)
            s.flush()
            return mapping.person(person)

    def delete_person(self, person_id: int) -> None:
        """Move a person to the Trash (they drop out of every meeting until restored)."""
        with writing(self.db, "The person") as s:
            person = fetch(s, Person, person_id, f"Person {person_id}")
            person.deleted_at = datetime.now(UTC)
            record(s, TRASHED, "person", None, user=self.user, row_id=person.id)

    # -- participants ------------------------------------------------------------

    def participants(self, meeting_id: int) -> list[ParticipantRecord]:
        """Who takes part in a meeting, in order."""
        with self.db.read() as s:
            return [mapping.participant(p) for p in participants_of(s, meeting_id)]

    def get_participant(self, participant_id: int) -> ParticipantRecord:
        """One participation (NotFoundError when it was removed, or its person is in the Trash)."""
        with self.db.read() as s:
            p = fetch(s, Participant, participant_id, "The participant")
            if p.person.deleted_at is not None:
                fetch(s, Person, p.person_id, f"Person {p.person_id}")  # raises: in the Trash
            return mapping.participant(p)

    def add_participant(self, meeting_id: int, person_id: int, side: str = "ours",
                        role: str = "", position: int | None = None,
                        capacity: str = "delegate") -> ParticipantRecord:
        """Put a person into a meeting, on a side, in a role and capacity (once per meeting)."""
        with writing(self.db, "The participant") as s:
            fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            person = fetch(s, Person, person_id, f"Person {person_id}")
            rows = participants_of(s, meeting_id)
            if any(p.person_id == person_id for p in rows):
                raise ValidationError("person", f"{person.name} already takes part in this meeting")
            participant = Participant(meeting_id=meeting_id, person=person)
            apply_changes(participant, {"side": side, "role": role, "capacity": capacity},
                          _PARTICIPANT_FIELDS)
            s.add(participant)
            move_in(rows, participant, len(rows) if position is None else position)
            s.flush()
            return mapping.participant(participant)

    def update_participant(self, participant_id: int, version: int | None,
                           **changes: Any) -> ParticipantRecord:
        with writing(self.db, "The participant") as s:
            p = fetch(s, Participant, participant_id, "The participant")
            check_version(p, version, "The participant", lambda: mapping.participant(p))
            apply_changes(p, changes, _PARTICIPANT_FIELDS)
            s.flush()
            return mapping.participant(p)

    def move_participant(self, participant_id: int, to_index: int) -> list[ParticipantRecord]:
        """Move a participant to ``to_index`` (clamped) in the order of precedence of its own side;
        returns the meeting's participants in their new order.

        The other side keeps its order and its places in the meeting's list: the
        moved side's people are put back into the places its people held.
        """
        with writing(self.db, "The participant") as s:
            moving = fetch(s, Participant, participant_id, "The participant")
            rows = participants_of(s, moving.meeting_id)
            if moving not in rows:
                fetch(s, Person, moving.person_id, f"Person {moving.person_id}")  # raises: in the Trash
            places = [i for i, r in enumerate(rows) if r.side == moving.side]
            side = move_in([rows[i] for i in places], moving, to_index)
            for place, row in zip(places, side, strict=True):
                rows[place] = row
            renumber(rows)
            s.flush()
            return [mapping.participant(p) for p in rows]

    def remove_participant(self, participant_id: int) -> None:
        """Take a person out of a meeting (the person stays in the directory)."""
        with writing(self.db, "The participant") as s:
            p = fetch(s, Participant, participant_id, "The participant")
            meeting_id = p.meeting_id
            s.delete(p)
            s.flush()
            renumber(participants_of(s, meeting_id))
