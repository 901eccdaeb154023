"""The tables of what happened: each saved state of an issue note, and each change someone made.

Neither is edited by hand: the services write them in the transaction of the
change itself (``briefing.revisions``, ``briefing.changelog``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import TEXT_DEFAULT, Base, short_column, text_column, utcnow
from db.types import UTCDateTime


class NoteRevision(Base):
    """A saved state of an issue note: who saved it and when, and every section as it was.

    ``kind`` is ``original`` (the note as it stood before its first recorded
    change), ``edit`` (the state after a burst of saves by one author; later
    saves of the burst update it and ``saved_at``) or ``restore`` (a restore of
    the revision ``restored_from_id``).
    """

    __tablename__ = "note_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("issue_notes.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="edit")
    author: Mapped[str] = short_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    restored_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("note_revisions.id", ondelete="SET NULL")
    )
    background: Mapped[str] = text_column()
    objectives: Mapped[str] = text_column()
    their_position: Mapped[str] = text_column()
    talking_points: Mapped[str] = text_column()
    defensives: Mapped[str] = text_column()
    red_lines: Mapped[str] = text_column()
    status: Mapped[str] = mapped_column(String(16), default="draft")
    priority: Mapped[str] = mapped_column(String(16), default="medium")
    owner: Mapped[str] = short_column()


class Change(Base):
    """One change someone made to the store: when, who, in which meeting, what and which field.

    Written by the services in the transaction of the change itself
    (``briefing.changelog``); ``main.py log`` lists them. ``row_id`` is the id of the
    row changed (a note, an action item…), when there is one; ``meeting_id`` is
    cleared when the meeting is deleted for good, the change stays.
    """

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_name: Mapped[str] = short_column()
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    what: Mapped[str] = mapped_column(String(64), nullable=False, default=TEXT_DEFAULT)
    field: Mapped[str] = mapped_column(String(64), nullable=False, default=TEXT_DEFAULT)
    row_id: Mapped[int | None] = mapped_column(Integer, index=True)
