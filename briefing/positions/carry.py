"""Carry forward of positions: the next round starts where this one left each issue."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Meeting, Position


def copy_positions(session: Session, old: Meeting, new: Meeting) -> None:
    """Start ``new`` (the next round, flushed) from ``old``'s positions: texts, state and since."""
    for p in session.scalars(select(Position).where(Position.meeting_id == old.id).order_by(Position.id)):
        session.add(Position(meeting_id=new.id, issue_id=p.issue_id, ours=p.ours, theirs=p.theirs,
                             state=p.state, since_round=p.since_round))
