"""Kinds of rows the GUI edits: which service method writes one and which event announces it.

A command names its row by ``(kind, id)``. To edit a new kind of row, add a
``RowKind`` here (or build one in the panel, e.g. when the event needs a meeting id
the record does not carry).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.services import Services
    from ui.events import AppEvents


@dataclass(frozen=True)
class RowKind:
    """How to write one kind of row and whom to tell.

    ``update(services)`` returns the service's ``update(id, version, **changes)``;
    ``announce(events, record)`` emits the signals for the written record;
    ``labels`` name fields for messages ("starts_at" → "Start"); ``read(services)``,
    when given, reads one row by id (to show it as it is now).
    """

    name: str
    what: str
    update: Callable[[Services], Callable[..., Any]]
    announce: Callable[[AppEvents, Any], None]
    labels: dict[str, str] = field(default_factory=dict)
    read: Callable[[Services], Callable[[int], Any]] | None = None

    def meeting_of(self, record: Any) -> int | None:
        """The meeting a record belongs to (its own id for a meeting; None for a person or an issue)."""
        if self.name == "meeting":
            return record.id
        return getattr(record, "meeting_id", None)

    def label(self, field_name: str) -> str:
        """A field's name as the user sees it."""
        return self.labels.get(field_name) or field_name.replace("_", " ").capitalize()


def _meeting_changed(events: AppEvents, record: Any) -> None:
    events.sig_meeting_changed.emit(record.id)
    events.sig_meetings_changed.emit()


MEETING = RowKind(
    "meeting", "the meeting",
    update=lambda s: s.meetings.update,
    announce=_meeting_changed,
    read=lambda s: s.meetings.get,
    labels={"starts_at": "Start", "ends_at": "End", "timezone": "Venue time zone",
            "home_timezone": "Home time zone", "location": "Venue", "round_no": "Round",
            "prepared_by": "Prepared by", "principal": "Prepared for"},
)

AGENDA_ITEM = RowKind(
    "agenda_item", "the agenda item",
    update=lambda s: s.agenda.update,
    announce=lambda events, r: events.sig_agenda_changed.emit(r.meeting_id),
    labels={"issue_id": "Issue"},
)

NOTE = RowKind(
    "note", "the issue note",
    update=lambda s: s.notes.update,
    announce=lambda events, r: events.sig_notes_changed.emit(r.meeting_id),
    read=lambda s: s.notes.get,
    labels={"their_position": "Their position", "objectives": "Our objectives",
            "defensives": "Defensive Q&A", "red_lines": "Red lines",
            "talking_points": "Talking points"},
)

ISSUE = RowKind(
    "issue", "the issue",
    update=lambda s: s.issues.update,
    announce=lambda events, r: events.sig_issues_changed.emit(),
    read=lambda s: s.issues.get,
)

PERSON = RowKind(
    "person", "the person",
    update=lambda s: s.people.update_person,
    announce=lambda events, r: events.sig_people_changed.emit(0),
    read=lambda s: s.people.get_person,
    labels={"native_name": "Name in native script"},
)

PARTICIPANT = RowKind(
    "participant", "the participant",
    update=lambda s: s.people.update_participant,
    announce=lambda events, r: events.sig_people_changed.emit(r.meeting_id),
    read=lambda s: s.people.get_participant,
)

ACTION = RowKind(
    "action", "the action item",
    update=lambda s: s.actions.update,
    announce=lambda events, r: events.sig_actions_changed.emit(r.meeting_id),
    labels={"issue_id": "Issue", "due": "Due date"},
)


#: An entry of the Q&A bank (its dialog writes it; the crash-recovery bar keeps its typed text).
QA_ENTRY = RowKind(
    "qa_entry", "the Q&A entry",
    update=lambda s: s.qa.edit,
    announce=lambda events, _r: events.sig_qa_changed.emit(),
    labels={"question": "Question", "answer": "Answer"},
    read=lambda s: s.qa.get,
)


#: The kinds by name, as the crash-recovery journal names rows.
KINDS: dict[str, RowKind] = {kind.name: kind for kind in
                             (MEETING, AGENDA_ITEM, NOTE, ISSUE, PERSON, PARTICIPANT, ACTION, QA_ENTRY)}


def source_kind(meeting_id: int) -> RowKind:
    """Sources do not carry their meeting: the kind for the sources of one meeting's notes."""
    return RowKind(
        "source", "the source",
        update=lambda s: s.notes.update_source,
        announce=lambda events, r: events.sig_notes_changed.emit(meeting_id),
        labels={"url": "URL"},
    )


def kind_named(name: str, meeting_id: int | None) -> RowKind | None:
    """The kind the crash-recovery journal names ``name`` (a source's: of ``meeting_id``'s notes);
    None for one the window cannot write."""
    if name == "source":
        return None if meeting_id is None else source_kind(meeting_id)
    return KINDS.get(name)
