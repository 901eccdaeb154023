"""Undo commands of the Participants tab: add someone to a meeting (perhaps a new person), remove them,
move them in their side's order of precedence.

Taking part is a row of its own that removing deletes, so undoing a removal
adds the person again on the same side, in the same role, at the same place,
under a new id; the window's writer is told (``relink``), so an earlier edit of
the role still undoes. A person created with the
participant goes to the Trash on undo and comes back on redo.

Every store call runs in the ``WRITES`` lane (``ui.undo.background_command``): the
window never waits for the store; the tab re-reads when the outcome arrives, and
the pusher hears of the first run through ``on_done``. A run that waits for a server
that is away is kept in the crash journal as well (``row_change``).
"""

from __future__ import annotations

from typing import Any

from briefing.people.names import shown_name
from briefing.people.records import ParticipantRecord, PersonRecord
from briefing.recovery.row_changes import ADD, DELETE, MOVE, PERSON_OF, PERSON_PREFIX
from ui.context import AppContext
from ui.undo.background_command import BackgroundCommand
from ui.undo.kinds import PARTICIPANT, PERSON


class _ParticipantCommand(BackgroundCommand):
    def __init__(self, ctx: AppContext, text: str, meeting_id: int) -> None:
        super().__init__(ctx, text, PARTICIPANT)
        self.meeting_id = meeting_id
        self.participant_id: int | None = None

    def meeting_to_show(self) -> int | None:
        return self.meeting_id

    def row_to_show(self) -> tuple[str, int] | None:
        return None if self.participant_id is None else (PARTICIPANT.name, self.participant_id)

    def run(self, action, what: str, title: str, *, values: dict[str, Any] | None = None,
            index: int | None = None) -> None:
        """``action`` in the lane (it reads this command's ids there); the tab re-reads after. ``what``
        (``values``, ``index``) says what it does, for the crash journal should it wait offline."""
        change = self.row_change(what, PARTICIPANT.name, self.meeting_id, lambda: self.participant_id,
                                 values=values, index=index, title=title, restores=False)
        self.in_lane(action, lambda _record: self.ctx.events.sig_people_changed.emit(self.meeting_id),
                     change=change)

    def take_part(self, person_id: int, side: str, role: str, position: int | None,
                  capacity: str = "delegate") -> ParticipantRecord:
        record = self.ctx.services.people.add_participant(self.meeting_id, person_id, side, role, position,
                                                          capacity)
        if self.participant_id is not None:
            self.ctx.writer.relink(PARTICIPANT, self.participant_id, record.id)
        self.participant_id = record.id
        return self.ctx.writer.recreated(PARTICIPANT, record)

    def leave(self) -> None:
        if self.participant_id is not None:
            self.ctx.services.people.remove_participant(self.participant_id)


class AddParticipantCommand(_ParticipantCommand):
    """Put a person (``person``, or a new one made from ``new_person`` fields) into the meeting."""

    def __init__(self, ctx: AppContext, meeting_id: int, side: str, role: str, *,
                 person: PersonRecord | None = None, new_person: dict[str, Any] | None = None) -> None:
        name = person.name if person is not None else (new_person or {}).get("name", "")
        super().__init__(ctx, f"Add participant “{name}”", meeting_id)
        self.side, self.role = side, role
        self.person_id = person.id if person is not None else None
        self.new_person = new_person
        self.position: int | None = None
        self.name = str(name)

    def redo(self) -> None:
        self.run(self._add, ADD, self.name, values=self._values(), index=self.position)

    def _values(self) -> dict[str, Any]:
        """What the add gives the service (a new person's fields as ``person.<field>``)."""
        values: dict[str, Any] = {"side": self.side, "role": self.role}
        if self.person_id is not None:
            values["person_id"] = self.person_id
        else:
            values.update({PERSON_PREFIX + k: v for k, v in (self.new_person or {}).items()})
            if self.add_token is not None:  # redone while the first add (which makes the person) waits
                values[PERSON_OF] = self.add_token
        return values

    def _add(self) -> ParticipantRecord:
        people = self.ctx.services.people
        if self.person_id is None:
            person = people.create_person(**(self.new_person or {}))
            self.person_id = self.ctx.writer.remember(PERSON, person).id
        elif self.new_person is not None:
            self.ctx.services.trash.restore("person", self.person_id)
        record = self.take_part(self.person_id, self.side, self.role, self.position)
        self.position = record.position
        return record

    def undo(self) -> None:
        self.run(self._remove, DELETE, self.name)

    def _remove(self) -> None:
        self.leave()
        if self.new_person is not None and self.person_id is not None:
            self.ctx.services.people.delete_person(self.person_id)


class RemoveParticipantCommand(_ParticipantCommand):
    """Take a person out of the meeting (they stay in the directory); undo puts them back."""

    def __init__(self, ctx: AppContext, participant: ParticipantRecord) -> None:
        super().__init__(ctx, f"Remove “{participant.person.name}” from the meeting", participant.meeting_id)
        self.participant = participant
        self.participant_id = participant.id

    def redo(self) -> None:
        self.run(self.leave, DELETE, self.participant.person.name)

    def undo(self) -> None:
        p = self.participant
        self.run(lambda: self.take_part(p.person.id, p.side, p.role, p.position, p.capacity), ADD,
                 p.person.name, values={"person_id": p.person.id, "side": p.side, "role": p.role,
                                        "capacity": p.capacity}, index=p.position)


class MoveParticipantCommand(_ParticipantCommand):
    """Move a participant within their side's order of precedence; undo moves them back."""

    def __init__(self, ctx: AppContext, participant: ParticipantRecord, from_index: int,
                 to_index: int) -> None:
        super().__init__(ctx, f"Move “{shown_name(participant.person)}”", participant.meeting_id)
        self.participant_id = self.moving_id = participant.id
        self.participant = participant
        self.from_index, self.to_index = from_index, to_index

    def redo(self) -> None:
        self.run(lambda: self._move(self.to_index), MOVE, shown_name(self.participant.person),
                 index=self.to_index)

    def undo(self) -> None:
        self.run(lambda: self._move(self.from_index), MOVE, shown_name(self.participant.person),
                 index=self.from_index)

    def _move(self, to_index: int) -> list[ParticipantRecord]:
        moved = self.ctx.services.people.move_participant(self.moving_id, to_index)
        self.ctx.writer.remember_all(PARTICIPANT, moved)  # their versions went up
        return moved
