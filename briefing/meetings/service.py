"""Meetings: create, read, update, delete (to the Trash), look up, and choose which to open.

Reads go through the light Core table of ``db.core_tables``, not the ORM: the
first screen (the list, the meeting to open, its fields) is shown before the
mapped classes are declared. Writes use the ORM model (and ``briefing.mapping``),
imported when first needed.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from briefing import validation as v
from briefing.config import Config
from briefing.editing import apply_changes, check_version, fetch, writing
from briefing.errors import NotFoundError, ValidationError
from briefing.meetings.records import MeetingRecord, MeetingsListTop, MeetingSummary
from briefing.tiers.budget import page_budget
from briefing.vocabulary import MEETING_STATUSES
from db.core_tables import meetings as table
from db.engine import Database

if TYPE_CHECKING:
    from briefing.meetings.sample import SampleRemoval
    from db.models import Meeting

SUMMARY_FIELDS = tuple(f.name for f in fields(MeetingSummary))
RECORD_COLUMNS = tuple(table.c[f.name] for f in fields(MeetingRecord) if f.name != "next_ids")


def new_meeting_key() -> str:
    """A fresh, stable key for a meeting (what interchange files use to link rounds)."""
    return "m-" + secrets.token_hex(5)


class MeetingService:
    """The meetings of the store."""

    def __init__(self, db: Database, config: Config) -> None:
        self.db = db
        self.config = config
        sensitivity: Callable[[str, Any], str] = lambda f, x: v.choice(  # noqa: E731
            f, x, config.ladder.codes
        )
        self._fields: dict[str, Callable[[str, Any], Any]] = {
            "title": lambda f, x: v.line(f, x, required=True),
            "round_no": v.round_number,
            "counterpart": v.line,
            "location": v.line,
            "starts_at": v.moment,
            "ends_at": lambda f, x: v.moment(f, x, required=False),
            "timezone": v.timezone,
            "home_timezone": lambda f, x: v.timezone(f, x, config.home_timezone),
            "status": lambda f, x: v.choice(f, x, MEETING_STATUSES),
            "sensitivity": sensitivity,
            "objectives": v.text,
            "principal": v.line,
            "prepared_by": v.line,
            "classified_by": v.line,
            "classification_reason": v.line,
            "declassify_on": v.line,
            "page_budget_full": page_budget,
            "page_budget_short": page_budget,
            "page_budget_defensive": page_budget,
        }

    # -- reading -----------------------------------------------------------------

    def list(self) -> list[MeetingSummary]:
        """Every meeting not in the Trash, by start time."""
        # Only the summary's columns, not whole rows: the list of a large store
        # is read at every start-up.
        columns = [table.c[name] for name in SUMMARY_FIELDS]
        with self.db.read() as s:
            rows = s.execute(
                select(*columns).where(table.c.deleted_at.is_(None)).order_by(table.c.starts_at, table.c.id)
            ).all()  # fetchall: a thousand rows one fetchone at a time cost milliseconds
        return [MeetingSummary(*row) for row in rows]

    def list_top(self, rows: int, now: datetime | None = None) -> MeetingsListTop:
        """The first ``rows`` meetings of the list as the sidebar orders it: those not yet over
        (soonest first), then those over (latest first); not in the Trash.

        What start-up shows before the rest of ``list()``: at most ``rows + 1`` of each
        group are read (the one more says whether the group is complete), so that the first
        paint costs the same on a store of three meetings and on one of thousands.
        """
        now = now or datetime.now(UTC)
        columns = [table.c[name] for name in SUMMARY_FIELDS]
        alive = table.c.deleted_at.is_(None)
        over = func.coalesce(table.c.ends_at, table.c.starts_at) < now
        with self.db.read() as s:
            upcoming = s.execute(
                select(*columns).where(alive, ~over).order_by(table.c.starts_at, table.c.id).limit(rows + 1)
            ).all()
            past = [] if len(upcoming) > rows else s.execute(
                select(*columns).where(alive, over)
                .order_by(table.c.starts_at.desc(), table.c.id.desc()).limit(rows - len(upcoming) + 1)
            ).all()
        upcoming_complete = len(upcoming) <= rows
        past_complete = upcoming_complete and len(past) <= rows - len(upcoming)
        return MeetingsListTop(
            upcoming=tuple(MeetingSummary(*row) for row in upcoming[:rows]),
            past=tuple(MeetingSummary(*row) for row in past[:rows - len(upcoming)]),
            upcoming_complete=upcoming_complete, past_complete=past_complete)

    def get(self, meeting_id: int) -> MeetingRecord:
        """One meeting with the ids of the rounds that follow it."""
        with self.db.read() as s:
            row = s.execute(
                select(*RECORD_COLUMNS).where(table.c.id == meeting_id, table.c.deleted_at.is_(None))
            ).first()
            if row is None:
                raise NotFoundError(f"Meeting {meeting_id}")
            next_ids = tuple(s.scalars(
                select(table.c.id).where(table.c.previous_id == meeting_id, table.c.deleted_at.is_(None))
                .order_by(table.c.starts_at)
            ))
            return MeetingRecord(*row, next_ids=next_ids)

    def count(self) -> int:
        """How many meetings the store holds (not counting the Trash)."""
        with self.db.read() as s:
            return s.scalar(select(func.count(table.c.id)).where(table.c.deleted_at.is_(None))) or 0

    def has_any(self) -> bool:
        """True when the store holds a meeting outside the Trash (reads one row, whatever the size)."""
        with self.db.read() as s:
            return s.scalar(select(table.c.id).where(table.c.deleted_at.is_(None)).limit(1)) is not None

    def count_marked(self, code: str) -> int:
        """How many meetings carry the sensitivity marking ``code`` (the Trash's too: they
        may come back), e.g. before the code is taken off the ladder."""
        with self.db.read() as s:
            return s.scalar(select(func.count(table.c.id)).where(table.c.sensitivity == code)) or 0

    def resolve(self, ref: str) -> MeetingSummary:
        """A meeting named on the command line: its id, key or title (case-insensitive)."""
        ref = ref.strip()
        meetings = self.list()
        if ref.isdecimal():  # not "²": int() refuses it
            for m in meetings:
                if m.id == int(ref):
                    return m
        matches = [m for m in meetings if m.key == ref] or [
            m for m in meetings if m.title.casefold() == ref.casefold()
        ]
        if not matches:
            raise NotFoundError(f"Meeting {ref!r}")
        if len(matches) > 1:
            ids = ", ".join(str(m.id) for m in matches)
            raise ValidationError("meeting", f"{ref!r} names several meetings ({ids}); give the id")
        return matches[0]

    def pick_initial(self, last_id: int | None = None, now: datetime | None = None) -> int | None:
        """The meeting to open at start: the last one open, else the next upcoming, else the latest."""
        now = now or datetime.now(UTC)
        with self.db.read() as s:
            alive = table.c.deleted_at.is_(None)
            if last_id is not None and s.scalar(
                select(table.c.id).where(table.c.id == last_id, alive)
            ):
                return last_id
            upcoming = s.scalar(
                select(table.c.id).where(alive, table.c.starts_at >= now)
                .order_by(table.c.starts_at, table.c.id).limit(1)
            )
            if upcoming is not None:
                return upcoming
            return s.scalar(
                select(table.c.id).where(alive).order_by(table.c.starts_at.desc(), table.c.id.desc())
                .limit(1)
            )

    # -- writing -----------------------------------------------------------------

    def create(self, *, title: str, starts_at: datetime | str, key: str | None = None,
               **fields: Any) -> MeetingRecord:
        """A new meeting; any field of ``update`` may be given too."""
        from briefing import mapping
        from db.models import Meeting

        with writing(self.db, "The meeting") as s:
            m = Meeting(
                key=v.line("key", key, max_length=64) if key else new_meeting_key(),
                timezone="UTC", home_timezone=self.config.home_timezone,
                status=MEETING_STATUSES[0], sensitivity=self.config.ladder.lowest.code,
            )
            if fields.get("previous_id") is not None:
                fetch(s, Meeting, fields["previous_id"], "The previous round")
                m.previous_id = fields.pop("previous_id")
            fields.pop("previous_id", None)
            apply_changes(m, {"title": title, "starts_at": starts_at, **fields}, self._fields)
            _check_times(m)
            if s.scalar(select(Meeting.id).where(Meeting.key == m.key)):
                raise ValidationError("key", f"a meeting with key {m.key!r} exists already")
            s.add(m)
            s.flush()
            return mapping.meeting(m)

    def update(self, meeting_id: int, version: int | None, **changes: Any) -> MeetingRecord:
        """Change fields of a meeting written at ``version``; returns it as now stored."""
        from briefing import mapping
        from db.models import Meeting

        with writing(self.db, "The meeting") as s:
            m = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            check_version(m, version, "The meeting", lambda: mapping.meeting(m))
            apply_changes(m, changes, self._fields)
            _check_times(m)
            s.flush()
            return mapping.meeting(m)

    def delete(self, meeting_id: int) -> None:
        """Move a meeting (with everything in it) to the Trash."""
        from briefing.changelog.records import TRASHED
        from briefing.changelog.service import record
        from db.models import Meeting

        with writing(self.db, "The meeting") as s:
            m = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            m.deleted_at = datetime.now(UTC)
            record(s, TRASHED, "meeting", m.id, user=self.config.user_name, row_id=m.id)

    def restore(self, meeting_id: int) -> MeetingRecord:
        """Bring a meeting (with everything in it) back from the Trash."""
        from briefing import mapping
        from db.models import Meeting

        with writing(self.db, "The meeting") as s:
            m = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}", include_deleted=True)
            m.deleted_at = None
            s.flush()
            return mapping.meeting(m)

    # -- the sample ------------------------------------------------------------------

    def sample_ids(self) -> tuple[int, ...]:
        """The sample meetings not in the Trash (empty once Help → Remove the sample has run)."""
        with self.db.read() as s:  # (the window asks at start-up: not through the removal's module)
            return tuple(s.scalars(select(table.c.id).where(
                table.c.is_sample.is_(True), table.c.deleted_at.is_(None)).order_by(table.c.starts_at)))

    def remove_sample(self) -> SampleRemoval:
        """Move the sample (its meetings, and people no other meeting names) to the Trash."""
        from briefing.meetings.sample import remove_sample

        return remove_sample(self.db)

    def restore_sample(self, removal: SampleRemoval) -> None:
        """Undo ``remove_sample``: what it moved comes back from the Trash."""
        from briefing.meetings.sample import restore_sample

        restore_sample(self.db, removal)


def _check_times(m: Meeting) -> None:
    if m.ends_at is not None and m.ends_at < m.starts_at:
        raise ValidationError("ends_at", "the meeting ends before it starts")
