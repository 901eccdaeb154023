"""The change log: every service records who changed what, in the transaction of the change.

``record(session, what, field, meeting_id, user=…)`` adds one row to ``changes``
(``db.models.Change``) inside the caller's write, so a change and its log entry
commit or roll back together. Saves of one editing burst fold into one entry,
as note revisions do (``briefing.revisions.service``): the same user, change,
field and row within ``BURST_GAP`` of the entry only moves its time forward,
so an autosave every second leaves one line per sitting, not hundreds.

``ChangeLogService.changes(meeting_id=…, since=…)`` lists them oldest first.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing.changelog.records import ChangeRecord
from db.engine import Database
from db.models import Change, Meeting

#: Entries of the same user, change, field and row closer together than this are one.
BURST_GAP = timedelta(minutes=2)
#: The longest a user name or a field name is kept (the column's width).
_SHORT, _NAME = 300, 64


def record(session: Session, what: str, field: str, meeting_id: int | None, *, user: str,
           row_id: int | None = None, now: datetime | None = None, burst: bool = False) -> Change:
    """Log one change in the caller's transaction; ``burst`` folds it into a recent twin entry."""
    now = now or datetime.now(UTC)
    user = (user.strip() or "unknown")[:_SHORT]
    what, field = what[:_NAME], field[:_NAME]
    if burst and row_id is not None:
        last = session.scalar(select(Change).where(Change.row_id == row_id, Change.what == what,
                                                   Change.field == field)
                              .order_by(Change.id.desc()).limit(1))
        if last is not None and last.user_name == user and timedelta(0) <= now - last.at <= BURST_GAP:
            last.at = now
            return last
    change = Change(at=now, user_name=user, meeting_id=meeting_id, what=what, field=field,
                    row_id=row_id)
    session.add(change)
    return change


def log_meetings(session: Session, what: str, meeting_ids: tuple[int, ...], user: str) -> None:
    """Log one change per meeting (an import, the sample), or one without a meeting when none came."""
    for meeting_id in meeting_ids or (None,):
        record(session, what, "", meeting_id, user=user, row_id=meeting_id)


def _record(change: Change, title: str | None) -> ChangeRecord:
    return ChangeRecord(id=change.id, at=change.at, user_name=change.user_name,
                        meeting_id=change.meeting_id, meeting_title=title or "", what=change.what,
                        field=change.field, row_id=change.row_id)


class ChangeLogService:
    """Reads the change log of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def changes(self, *, meeting_id: int | None = None, since: datetime | None = None,
                row_id: int | None = None, whats: tuple[str, ...] = ()) -> list[ChangeRecord]:
        """Changes oldest first, optionally of one meeting, from a moment on, of one row, of some kinds."""
        query = (select(Change, Meeting.title).outerjoin(Meeting, Meeting.id == Change.meeting_id)
                 .order_by(Change.at, Change.id))
        if meeting_id is not None:
            query = query.where(Change.meeting_id == meeting_id)
        if since is not None:
            query = query.where(Change.at >= since)
        if row_id is not None:
            query = query.where(Change.row_id == row_id)
        if whats:
            query = query.where(Change.what.in_(whats))
        with self.db.read() as s:
            return [_record(change, title) for change, title in s.execute(query)]
