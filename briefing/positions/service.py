"""The position tracker: per meeting and issue, our position, theirs and a state since a round.

A meeting's issues are those it has a note or an agenda item on, and any it
keeps a position for. A state set in a meeting holds since the meeting's round,
unless the previous round had the same state: then since that round's ``since``
(a state is dated by the round in which it last changed along the chain). Carry forward copies the
rows (``briefing.positions.carry``), so changing round 3 leaves round 2 as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from briefing import validation as v
from briefing.agenda.service import agenda_of
from briefing.changelog.records import POSITION_CHANGED
from briefing.changelog.service import record as log_change
from briefing.config import Config
from briefing.editing import check_version, fetch, writing
from briefing.errors import NotFoundError, ValidationError
from briefing.notes.service import notes_of
from briefing.positions.records import STATES, PositionRecord, PositionStep
from briefing.rounds.service import rounds_of
from db.engine import Database
from db.models import AgendaItem, Issue, IssueNote, Meeting, Position

WHAT = "The position"


def positions_of(session: Session, meeting_id: int) -> list[Position]:
    """The meeting's stored positions, each with its issue."""
    return list(session.scalars(
        select(Position).where(Position.meeting_id == meeting_id)
        .options(joinedload(Position.issue)).order_by(Position.id)))


def record(p: Position) -> PositionRecord:
    return PositionRecord(id=p.id, meeting_id=p.meeting_id, version=p.version, issue_id=p.issue_id,
                          issue_slug=p.issue.slug, issue_title=p.issue.title, ours=p.ours,
                          theirs=p.theirs, state=p.state, since_round=p.since_round)


def meeting_positions(session: Session, meeting: Meeting, notes: Sequence[IssueNote] | None = None,
                      agenda: Sequence[AgendaItem] | None = None) -> list[PositionRecord]:
    """Every issue of ``meeting`` with its position, in the order of its notes, then its agenda
    (``notes_of``, ``agenda_of``: read here unless the caller has read them)."""
    stored = {p.issue_id: p for p in positions_of(session, meeting.id)}
    issues: dict[int, Issue] = {}
    for note in notes if notes is not None else notes_of(session, meeting.id):
        issues.setdefault(note.issue_id, note.issue)
    for item in agenda if agenda is not None else agenda_of(session, meeting.id):
        if item.issue is not None:
            issues.setdefault(item.issue_id, item.issue)
    for p in sorted(stored.values(), key=lambda p: p.issue.title.casefold()):
        issues.setdefault(p.issue_id, p.issue)
    out = []
    for issue_id, issue in issues.items():
        p = stored.get(issue_id)
        out.append(record(p) if p is not None else PositionRecord(
            id=None, meeting_id=meeting.id, version=None, issue_id=issue_id, issue_slug=issue.slug,
            issue_title=issue.title, ours="", theirs="", state=STATES[0],
            since_round=_inherited_since(session, meeting, issue_id, STATES[0])))
    return out


def _previous_position(session: Session, meeting: Meeting, issue_id: int) -> Position | None:
    if meeting.previous_id is None:
        return None
    return session.scalar(select(Position).where(Position.meeting_id == meeting.previous_id,
                                                 Position.issue_id == issue_id))


def _inherited_since(session: Session, meeting: Meeting, issue_id: int, state: str) -> int:
    """The round since which ``state`` holds for a new position in ``meeting``: the previous
    round's when it had the same state, else this meeting's round."""
    before = _previous_position(session, meeting, issue_id)
    if before is not None and before.state == state:
        return before.since_round
    return meeting.round_no


def put_position(session: Session, meeting: Meeting, issue_id: int, *, ours: str | None = None,
                 theirs: str | None = None, state: str | None = None,
                 since_round: int | None = None) -> Position:
    """Create or change ``meeting``'s position on ``issue_id`` inside an open write (no version
    check): a changed state holds since this round — or since the previous round's, when that
    round had the same state — unless ``since_round`` says otherwise."""
    position = session.scalar(select(Position).where(Position.meeting_id == meeting.id,
                                                     Position.issue_id == issue_id))
    state = None if state is None else v.choice("state", state, STATES)
    if position is None:
        fetch(session, Issue, issue_id, f"Issue {issue_id}")
        first = state or STATES[0]
        position = Position(meeting_id=meeting.id, issue_id=issue_id, ours="", theirs="", state=first,
                            since_round=_inherited_since(session, meeting, issue_id, first))
        session.add(position)
    elif state is not None and state != position.state:
        position.state = state
        position.since_round = _inherited_since(session, meeting, issue_id, state)
    if ours is not None:
        position.ours = v.text("ours", ours)
    if theirs is not None:
        position.theirs = v.text("theirs", theirs)
    if since_round is not None:
        position.since_round = v.round_number("since_round", since_round)
    return position


#: The fields of a position whose changes the change log keeps.
_LOGGED = ("ours", "theirs", "state", "since_round")


class PositionService:
    """List, set and follow across rounds where each issue of a meeting stands."""

    def __init__(self, db: Database, config: Config | None = None) -> None:
        self.db = db
        self.user = (config or Config()).user_name  # who changed a position (the change log)

    def list(self, meeting_id: int) -> list[PositionRecord]:
        """Every issue of the meeting with its position (an issue without one reads as open)."""
        with self.db.read() as s:
            meeting = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            return meeting_positions(s, meeting)

    def set(self, meeting_id: int, issue_id: int, version: int | None = None, *,
            ours: str | None = None, theirs: str | None = None, state: str | None = None,
            since_round: int | None = None) -> PositionRecord:
        """Set fields of the meeting's position on an issue written at ``version`` (None: any, or
        none yet); a new state holds since this meeting's round."""
        with writing(self.db, WHAT) as s:
            meeting = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            existing = s.scalar(select(Position).where(Position.meeting_id == meeting_id,
                                                       Position.issue_id == issue_id))
            if existing is not None:
                check_version(existing, version, WHAT, lambda: record(existing))
            before = {f: getattr(existing, f, "") for f in _LOGGED}
            position = put_position(s, meeting, issue_id, ours=ours, theirs=theirs, state=state,
                                    since_round=since_round)
            s.flush()
            for name in (f for f in _LOGGED if getattr(position, f) != before[f]):
                log_change(s, POSITION_CHANGED, name, meeting_id, user=self.user, row_id=position.id,
                           burst=True)
            return record(position)

    def clear(self, meeting_id: int, issue_id: int, version: int | None = None) -> None:
        """Forget the meeting's position on an issue (the undo of setting the first one), when
        it is still at ``version`` (None: whatever it is)."""
        with writing(self.db, WHAT) as s:
            position = s.scalar(select(Position).where(Position.meeting_id == meeting_id,
                                                       Position.issue_id == issue_id))
            if position is not None:
                check_version(position, version, WHAT, lambda: record(position))
                log_change(s, POSITION_CHANGED, "cleared", meeting_id, user=self.user, row_id=position.id)
                s.delete(position)

    def issue_id(self, slug: str) -> int:
        """The library issue with ``slug`` (ValidationError naming it when there is none)."""
        with self.db.read() as s:
            found = s.scalar(select(Issue.id).where(Issue.slug == slug))
        if found is None:
            raise ValidationError("issue", f"there is no issue {slug!r} in the library")
        return found

    def history(self, meeting_id: int, issue_id: int) -> list[PositionStep]:
        """The issue's position in every round of the negotiation up to ``meeting_id``, oldest first."""
        with self.db.read() as s:
            meeting = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            if s.get(Issue, issue_id) is None:
                raise NotFoundError(f"Issue {issue_id}")
            chain = rounds_of(s, meeting)
            chain = chain[:chain.index(meeting) + 1] if meeting in chain else [meeting]
            return [_step(s, m, issue_id) for m in chain]

    def timeline(self, meeting_id: int, issue_id: int) -> list[PositionStep]:
        """The issue's position in every round of the negotiation, later rounds included."""
        with self.db.read() as s:
            meeting = fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            return [_step(s, m, issue_id) for m in rounds_of(s, meeting)]


def _step(session: Session, meeting: Meeting, issue_id: int) -> PositionStep:
    p = session.scalar(select(Position).where(Position.meeting_id == meeting.id,
                                              Position.issue_id == issue_id))
    return PositionStep(
        meeting_id=meeting.id, meeting_key=meeting.key, meeting_title=meeting.title,
        round_no=meeting.round_no, starts_at=meeting.starts_at, state=p.state if p else None,
        since_round=p.since_round if p else None, ours=p.ours if p else "",
        theirs=p.theirs if p else "")

