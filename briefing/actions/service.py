"""Action items: what must be done after a meeting, by whom and when."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing import mapping
from briefing import validation as v
from briefing.actions.records import ActionRecord
from briefing.changelog import records as log
from briefing.changelog.service import record
from briefing.config import Config
from briefing.editing import apply_changes, check_version, fetch, move_in, renumber, writing
from briefing.vocabulary import ACTION_STATUSES
from db.engine import Database
from db.models import ActionItem, Issue, Meeting

WHAT = "The action item"

_FIELDS = {
    "text": v.text,
    "owner": v.line,
    "due": v.day,
    "status": lambda f, x: v.choice(f, x, ACTION_STATUSES),
    "issue_id": v.optional_id,
}


def actions_of(session: Session, meeting_id: int) -> list[ActionItem]:
    return list(session.scalars(
        select(ActionItem).where(ActionItem.meeting_id == meeting_id, ActionItem.deleted_at.is_(None))
        .order_by(ActionItem.position, ActionItem.id)
    ))


class ActionService:
    """Add, edit, order and close action items."""

    def __init__(self, db: Database, config: Config | None = None) -> None:
        self.db = db
        self.user = (config or Config()).user_name

    def list(self, meeting_id: int) -> list[ActionRecord]:
        with self.db.read() as s:
            return [mapping.action(a) for a in actions_of(s, meeting_id)]

    def add(self, meeting_id: int, text: str = "", *, position: int | None = None,
            **fields: Any) -> ActionRecord:
        with writing(self.db, WHAT) as s:
            fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            item = ActionItem(meeting_id=meeting_id, status=ACTION_STATUSES[0])
            apply_changes(item, {"text": text, **fields}, _FIELDS)
            if item.issue_id is not None:
                fetch(s, Issue, item.issue_id, f"Issue {item.issue_id}")
            rows = actions_of(s, meeting_id)
            s.add(item)
            move_in(rows, item, len(rows) if position is None else position)
            s.flush()
            record(s, log.ACTION_ADDED, "", meeting_id, user=self.user, row_id=item.id)
            return mapping.action(item)

    def update(self, action_id: int, version: int | None, **changes: Any) -> ActionRecord:
        with writing(self.db, WHAT) as s:
            item = fetch(s, ActionItem, action_id, WHAT)
            check_version(item, version, WHAT, lambda: mapping.action(item))
            before = {name: getattr(item, name) for name in _FIELDS}
            apply_changes(item, changes, _FIELDS)
            for name in (n for n in _FIELDS if getattr(item, n) != before[n]):
                record(s, log.ACTION_EDITED, name, item.meeting_id, user=self.user, row_id=item.id,
                       burst=True)
            if item.issue_id is not None:
                fetch(s, Issue, item.issue_id, f"Issue {item.issue_id}")
            s.flush()
            return mapping.action(item)

    def move(self, action_id: int, to_index: int) -> list[ActionRecord]:
        with writing(self.db, WHAT) as s:
            item = fetch(s, ActionItem, action_id, WHAT)
            rows = move_in(actions_of(s, item.meeting_id), item, to_index)
            s.flush()
            return [mapping.action(a) for a in rows]

    def delete(self, action_id: int) -> None:
        """Move an action item to the Trash."""
        with writing(self.db, WHAT) as s:
            item = fetch(s, ActionItem, action_id, WHAT)
            item.deleted_at = datetime.now(UTC)
            s.flush()
            renumber(actions_of(s, item.meeting_id))
            record(s, log.TRASHED, "action", item.meeting_id, user=self.user, row_id=item.id)
