"""Frozen records of the position tracker and of what applying a meeting record changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

#: The states of a position, in the order a matrix sorts them; the first is the default.
STATES = ("open", "bracketed", "agreed", "dropped")
STATE_TITLES = {"open": "Open", "bracketed": "Bracketed", "agreed": "Agreed", "dropped": "Dropped"}


@dataclass(frozen=True, slots=True)
class PositionRecord:
    """One issue of a meeting: our position, theirs, its state and the round since which it holds.

    ``id`` and ``version`` are None for an issue of the meeting (it has a note or
    an agenda item on it) that no position was set for yet: it reads as ``open``.
    """

    id: int | None
    meeting_id: int
    version: int | None
    issue_id: int
    issue_slug: str
    issue_title: str
    ours: str
    theirs: str
    state: str
    since_round: int


@dataclass(frozen=True, slots=True)
class PositionStep:
    """An issue's position in one round of a negotiation (``state`` None: none was kept)."""

    meeting_id: int
    meeting_key: str
    meeting_title: str
    round_no: int
    starts_at: datetime
    state: str | None
    since_round: int | None
    ours: str
    theirs: str


@dataclass(frozen=True, slots=True)
class PositionMove:
    """A position the record moves: the issue, its state before and after (since this round)."""

    issue_id: int
    issue_slug: str
    issue_title: str
    old_state: str
    new_state: str
    agenda_item_id: int


@dataclass(frozen=True, slots=True)
class ProposedAction:
    """A follow-up line of the record that becomes an action item."""

    text: str
    owner: str
    due: date | None
    issue_id: int | None
    agenda_item_id: int
    line: str


@dataclass(frozen=True, slots=True)
class RecordProposal:
    """What applying a meeting's record would change, shown before it is applied."""

    meeting_id: int
    moves: tuple[PositionMove, ...]
    actions: tuple[ProposedAction, ...]

    @property
    def is_empty(self) -> bool:
        return not self.moves and not self.actions


@dataclass(frozen=True, slots=True)
class AppliedRecord:
    """What an application did, enough to undo it: positions as they were, actions created.

    ``before`` holds, per issue id, ``(state, since_round)`` before (None: there
    was no position row, the application created it).
    """

    meeting_id: int
    before: tuple[tuple[int, tuple[str, int] | None], ...]
    action_ids: tuple[int, ...]
