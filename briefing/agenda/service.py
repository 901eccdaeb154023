"""A meeting's agenda: ordered items with minutes, lead, linked issue, status and outcome."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from briefing import mapping
from briefing import validation as v
from briefing.agenda.records import AgendaItemRecord, Schedule
from briefing.agenda.schedule import build_schedule
from briefing.changelog.records import TRASHED
from briefing.changelog.service import record
from briefing.editing import (
    apply_changes,
    check_version,
    fetch,
    move_in,
    renumber,
    writing,
)
from briefing.vocabulary import AGENDA_STATUSES, PRESS_MODES
from db.engine import Database
from db.models import AgendaItem, Issue, Meeting

WHAT = "The agenda item"

_FIELDS = {
    "title": lambda f, x: v.line(f, x, required=True),
    "minutes": v.minutes,
    "lead": v.line,
    "issue_id": v.optional_id,
    "status": lambda f, x: v.choice(f, x, AGENDA_STATUSES),
    "outcome": v.text,
    "record": v.text,
    "agreed": v.text,
    "open_points": v.text,
    "speaker_ours": v.line,
    "speaker_theirs": v.line,
    "press": lambda f, x: v.choice(f, x, PRESS_MODES),
    "points": v.text,
}


def agenda_of(session: Session, meeting_id: int) -> list[AgendaItem]:
    """The meeting's live agenda items in order, each with its issue (one query, not one per item)."""
    return list(session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.deleted_at.is_(None))
        .order_by(AgendaItem.position, AgendaItem.id).options(joinedload(AgendaItem.issue))
    ))


def _check_issue(session: Session, item: AgendaItem) -> None:
    if item.issue_id is not None:
        fetch(session, Issue, item.issue_id, f"Issue {item.issue_id}")


class AgendaService:
    """Add, edit, reorder and time agenda items."""

    def __init__(self, db: Database, user: str = "") -> None:
        self.db = db
        #: Who is working, for the change log (``briefing.changelog``).
        self.user = user

    def list(self, meeting_id: int) -> list[AgendaItemRecord]:
        """The meeting's agenda in order."""
        with self.db.read() as s:
            return [mapping.agenda_item(a) for a in agenda_of(s, meeting_id)]

    def schedule(self, meeting_id: int) -> Schedule:
        """The agenda with computed start times and its total against the meeting's length."""
        with self.db.read() as s:
            meeting = mapping.meeting(fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}"))
            items = [mapping.agenda_item(a) for a in agenda_of(s, meeting_id)]
        return build_schedule(meeting, items)

    def add(self, meeting_id: int, title: str, *, position: int | None = None,
            **fields: Any) -> AgendaItemRecord:
        """A new item at ``position`` (default: the end)."""
        with writing(self.db, WHAT) as s:
            fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            item = AgendaItem(meeting_id=meeting_id, status=AGENDA_STATUSES[0])
            apply_changes(item, {"title": title, **fields}, _FIELDS)
            _check_issue(s, item)
            rows = agenda_of(s, meeting_id)
            s.add(item)
            move_in(rows, item, len(rows) if position is None else position)
            s.flush()
            return mapping.agenda_item(item)

    def update(self, item_id: int, version: int | None, **changes: Any) -> AgendaItemRecord:
        """Change fields of an item written at ``version``."""
        with writing(self.db, WHAT) as s:
            item = fetch(s, AgendaItem, item_id, WHAT)
            check_version(item, version, WHAT, lambda: mapping.agenda_item(item))
            apply_changes(item, changes, _FIELDS)
            _check_issue(s, item)
            s.flush()
            return mapping.agenda_item(item)

    def move(self, item_id: int, to_index: int) -> list[AgendaItemRecord]:
        """Move an item to ``to_index``; returns the whole agenda in its new order."""
        with writing(self.db, WHAT) as s:
            item = fetch(s, AgendaItem, item_id, WHAT)
            rows = move_in(agenda_of(s, item.meeting_id), item, to_index)
            s.flush()
            return [mapping.agenda_item(a) for a in rows]

    def delete(self, item_id: int) -> None:
        """Move an item to the Trash and close the gap it leaves."""
        with writing(self.db, WHAT) as s:
            item = fetch(s, AgendaItem, item_id, WHAT)
            item.deleted_at = datetime.now(UTC)
            record(s, TRASHED, "agenda item", item.meeting_id, user=self.user, row_id=item.id)
            s.flush()
            renumber(agenda_of(s, item.meeting_id))

    def restore(self, item_id: int, position: int | None = None) -> list[AgendaItemRecord]:
        """Bring an item back from the Trash at ``position`` (default: where it was); the new order."""
        with writing(self.db, WHAT) as s:
            item = fetch(s, AgendaItem, item_id, WHAT, include_deleted=True)
            fetch(s, Meeting, item.meeting_id, f"Meeting {item.meeting_id}")
            rows = agenda_of(s, item.meeting_id)
            item.deleted_at = None
            rows = move_in(rows, item, item.position if position is None else position)
            s.flush()
            return [mapping.agenda_item(a) for a in rows]
