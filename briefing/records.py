"""Frozen records the services return: safe to hand to a worker thread, a Qt model or the PDF builder.

Each record of an editable row carries its ``version``; pass it back with an
update so that a stale write is refused (``ConflictError``). A meeting and its agenda are in
``meeting_records``; what search returns in ``search_records``; note history and round-to-round
changes in ``change_records``; a backup in ``briefing.backups``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from briefing.vocabulary import NOTE_FIELDS

if TYPE_CHECKING:
    from briefing.change_records import RoundChanges
    from briefing.meeting_records import MeetingRecord, Schedule


@dataclass(frozen=True, slots=True)
class IssueRecord:
    """A topic of the issue library."""

    id: int
    slug: str
    title: str
    description: str
    version: int


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A citation of an issue note, numbered by its position (1-based in print)."""

    id: int
    version: int
    position: int
    title: str
    publisher: str
    date: str
    url: str


@dataclass(frozen=True, slots=True)
class NoteSummary:
    """An issue note as the notes list shows it."""

    id: int
    issue_id: int
    issue_title: str
    position: int
    status: str
    priority: str
    owner: str
    version: int


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """One issue as prepared for one meeting: its sections, status and sources."""

    id: int
    meeting_id: int
    issue_id: int
    issue_slug: str
    issue_title: str
    version: int
    position: int
    background: str
    objectives: str
    their_position: str
    talking_points: str
    defensives: str
    red_lines: str
    status: str
    priority: str
    owner: str
    previous_id: int | None
    updated_at: datetime
    sources: tuple[SourceRecord, ...] = ()

    def section(self, name: str) -> str:
        """The Markdown of one section by its field name (see ``vocabulary.NOTE_FIELDS``)."""
        if name not in NOTE_FIELDS:
            raise KeyError(name)
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """Someone in the people directory."""

    id: int
    key: str
    version: int
    name: str
    native_name: str
    title: str
    organization: str
    bio: str


@dataclass(frozen=True, slots=True)
class ParticipantRecord:
    """A person's place in one meeting."""

    id: int
    meeting_id: int
    version: int
    position: int
    side: str
    role: str
    person: PersonRecord


@dataclass(frozen=True, slots=True)
class ActionRecord:
    """An action item of a meeting."""

    id: int
    meeting_id: int
    version: int
    position: int
    text: str
    owner: str
    due: date | None
    status: str
    issue_id: int | None
    issue_slug: str | None
    issue_title: str | None
    previous_id: int | None

    def is_overdue(self, today: date) -> bool:
        """Open and past its due date."""
        return self.status == "open" and self.due is not None and self.due < today


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


@dataclass(frozen=True, slots=True)
class TrashEntry:
    """Something in the Trash: its kind (see ``briefing.trash.KINDS``), what it was, and when it went.

    ``meeting_in_trash`` marks an item whose meeting is in the Trash too: it comes
    back only after its meeting does.
    """

    kind: str
    id: int
    title: str
    meeting_id: int | None
    meeting_title: str | None
    deleted_at: datetime
    detail: str = ""
    meeting_in_trash: bool = False
