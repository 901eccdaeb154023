"""From a meeting's record to the tracker and the action items: proposed first, then applied.

An agenda item's ``agreed`` text moves its issue's position in this meeting:
to ``bracketed`` when the agreed text holds a passage in square brackets (text
agreed ad referendum, "[…]"), else to ``agreed``. A follow-up line in any of the
item's record fields — one that starts with ``ACTION:`` (after an optional list
bullet) — becomes an action item on the item's issue::

    ACTION: send the revised annex text; owner: Trade counsel; due: 2022-03-04

The parts after the text, separated by ``;``, are ``owner:`` and ``due:`` (a
date as people type it, "4 Mar", "next Friday" counting from the meeting's
day); both may be left out. A line whose text an action of the meeting already
has is not proposed again, so applying a record twice changes nothing more.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from briefing.actions.service import actions_of
from briefing.agenda.service import agenda_of
from briefing.editing import fetch, move_in, writing
from briefing.errors import ValidationError
from briefing.positions.records import (
    AppliedRecord,
    PositionMove,
    ProposedAction,
    RecordProposal,
)
from briefing.positions.service import positions_of, put_position
from briefing.times.typed import parse_day
from briefing.times.zones import in_zone
from db.engine import Database
from db.models import ActionItem, Meeting, Position

ACTION_LINE = re.compile(r"^\s*(?:[-*+]\s+)?action\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
BRACKETED = re.compile(r"\[[^\]\n]+\]")
RECORD_FIELDS = ("record", "agreed", "open_points")


def agreed_state(agreed: str) -> str | None:
    """The state an item's agreed text gives its issue (None: nothing was agreed)."""
    if not agreed.strip():
        return None
    return "bracketed" if BRACKETED.search(agreed) else "agreed"


def parse_action(line: str, *, today, where: str) -> tuple[str, str, object] | None:
    """``(text, owner, due)`` of a follow-up line, or None when it is not one."""
    match = ACTION_LINE.match(line)
    if match is None:
        return None
    parts = [p.strip() for p in match["rest"].split(";")]
    text, owner, due = parts[0], "", None
    for part in parts[1:]:
        key, _, value = part.partition(":")
        key = key.strip().casefold()
        if key == "owner":
            owner = " ".join(value.split())
        elif key in ("due", "by"):
            if value.strip():
                due = parse_day(value, today=today, field=f"{where}: due date")
        elif part:
            text = f"{text}; {part}"
    if not text:
        raise ValidationError(where, f"“{line.strip()}” names no action after “ACTION:”")
    return text, owner, due


def _propose(session, meeting: Meeting) -> RecordProposal:
    local = in_zone(meeting.starts_at, meeting.timezone)
    today = (local or meeting.starts_at).date()
    current = {p.issue_id: p.state for p in positions_of(session, meeting.id)}
    known = {a.text.strip() for a in actions_of(session, meeting.id)}
    moves: dict[int, PositionMove] = {}
    actions: list[ProposedAction] = []
    for item in agenda_of(session, meeting.id):
        state = agreed_state(item.agreed)
        if item.issue is not None and state is not None:
            old = current.get(item.issue_id, "open")
            if old != state:
                moves[item.issue_id] = PositionMove(item.issue_id, item.issue.slug, item.issue.title,
                                                    old, state, item.id)
        for field in RECORD_FIELDS:
            for line in getattr(item, field).splitlines():
                parsed = parse_action(line, today=today,
                                      where=f"agenda item “{item.title}”, {field.replace('_', ' ')}")
                if parsed is None or parsed[0] in known:
                    continue
                known.add(parsed[0])
                actions.append(ProposedAction(text=parsed[0], owner=parsed[1], due=parsed[2],
                                              issue_id=item.issue_id, agenda_item_id=item.id,
                                              line=line.strip()))
    return RecordProposal(meeting.id, tuple(moves.values()), tuple(actions))


class RecordService:
    """The meeting record's changes: what it proposes, applying them in one write, undoing that."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def propose(self, meeting_id: int) -> RecordProposal:
        """The position moves and action items the meeting's record calls for (nothing written)."""
        with self.db.read() as s:
            return _propose(s, fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}"))

    def apply(self, proposal: RecordProposal) -> AppliedRecord:
        """Make the proposed changes in one write; the result says how to undo them."""
        with writing(self.db, "The meeting record") as s:
            meeting = fetch(s, Meeting, proposal.meeting_id, f"Meeting {proposal.meeting_id}")
            stored = {p.issue_id: p for p in positions_of(s, meeting.id)}
            before = []
            for move in proposal.moves:
                p = stored.get(move.issue_id)
                before.append((move.issue_id, None if p is None else (p.state, p.since_round)))
                put_position(s, meeting, move.issue_id, state=move.new_state)
            rows = actions_of(s, meeting.id)
            created = []
            for proposed in proposal.actions:
                action = ActionItem(meeting_id=meeting.id, text=proposed.text, owner=proposed.owner,
                                    due=proposed.due, status="open", issue_id=proposed.issue_id)
                s.add(action)
                rows = move_in(rows, action, len(rows))
                created.append(action)
            s.flush()
            return AppliedRecord(meeting.id, tuple(before), tuple(a.id for a in created))

    def undo(self, applied: AppliedRecord) -> None:
        """Put the positions back as they were and remove the actions the application created."""
        with writing(self.db, "The meeting record") as s:
            for issue_id, was in applied.before:
                p = s.scalar(select(Position).where(Position.meeting_id == applied.meeting_id,
                                                    Position.issue_id == issue_id))
                if p is None:
                    continue
                if was is None:
                    s.delete(p)
                else:
                    p.state, p.since_round = was
            for action_id in applied.action_ids:
                action = s.get(ActionItem, action_id)
                if action is not None:
                    s.delete(action)
