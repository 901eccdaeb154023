"""Undo commands of the Participants tab: add someone to a meeting (perhaps a new person), remove them,
move them in their side's order of precedence.

Taking part is a row of its own that removing deletes, so undoing a removal
adds the person again on the same side, in the same role, at the same place,
under a new id; the window's writer is told (``relink``), so an earlier edit of
the role still undoes. A person created with the
participant goes to the Trash on undo and comes back on redo.

Every store call runs in the ``WRITES`` lane (``ui.undo.background_command``): the
window never waits for the store; the tab re-reads when the outcome arrives, and
the pusher hears of the first run through ``on_done``.
"""

from __future__ import annotations

from typing import Any

from briefing.people.names import shown_name
from briefing.people.records import ParticipantRecord, PersonRecord
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

    def run(self, action) -> None:
        """``action`` in the lane (it reads this command's ids there); the tab re-reads after."""
        self.in_lane(action, lambda _record: self.ctx.events.sig_people_changed.emit(self.meeting_id))

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

    def redo(self) -> None:
        self.run(self._add)

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
        self.run(self._remove)

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
        self.run(self.leave)

    def undo(self) -> None:
        p = self.participant
        self.run(lambda: self.take_part(p.person.id, p.side, p.role, p.position, p.capacity))


class MoveParticipantCommand(_ParticipantCommand):
    """Move a participant within their side's order of precedence; undo moves them back."""

    def __init__(self, ctx: AppContext, participant: ParticipantRecord, from_index: int,
                 to_index: int) -> None:
        super().__init__(ctx, f"Move “{shown_name(participant.person)}”", participant.meeting_id)
        self.participant_id = self.moving_id = participant.id
        self.from_index, self.to_index = from_index, to_index

    def redo(self) -> None:
        self.run(lambda: self._move(self.to_index))

    def undo(self) -> None:
        self.run(lambda: self._move(self.from_index))

    def _move(self, to_index: int) -> list[ParticipantRecord]:
        moved = self.ctx.services.people.move_participant(self.moving_id, to_index)
        self.ctx.writer.remember_all(PARTICIPANT, moved)  # their versions went up
        return moved
