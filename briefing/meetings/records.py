"""Frozen records of a meeting: what the meetings list, a meeting's header and its Overview show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """A meeting as the meetings list shows it."""

    id: int
    key: str
    title: str
    round_no: int
    starts_at: datetime
    ends_at: datetime | None
    timezone: str
    status: str


@dataclass(frozen=True, slots=True)
class MeetingsListTop:
    """The first rows of the meetings list, as it is ordered: what start-up shows before the rest.

    ``upcoming`` are meetings not yet over (soonest first), ``past`` those over
    (latest first), read only while the rows asked for are not filled by the
    upcoming ones. A group is complete when it holds every meeting of its kind.
    """

    upcoming: tuple[MeetingSummary, ...]
    past: tuple[MeetingSummary, ...]
    upcoming_complete: bool
    past_complete: bool

    @property
    def complete(self) -> bool:
        """True when these are all the meetings of the store."""
        return self.upcoming_complete and self.past_complete


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """Everything about one meeting itself (its agenda, notes and people are separate)."""

    id: int
    key: str
    version: int
    title: str
    round_no: int
    counterpart: str
    location: str
    starts_at: datetime
    ends_at: datetime | None
    timezone: str
    home_timezone: str
    status: str
    sensitivity: str
    objectives: str
    principal: str
    prepared_by: str
    previous_id: int | None
    #: One of the sample meetings a new store opens on (Help → Remove the sample).
    is_sample: bool = False
    #: The classification authority (issue 11): printed on the cover of a book above the second step.
    classified_by: str = ""
    classification_reason: str = ""
    declassify_on: str = ""
    #: The most pages a paper of each tier should take (issue 13); None: no budget.
    page_budget_full: int | None = None
    page_budget_short: int | None = None
    page_budget_defensive: int | None = None
    next_ids: tuple[int, ...] = ()

    @property
    def length_minutes(self) -> int | None:
        """The meeting's planned length, or None when it has no end."""
        if self.ends_at is None:
            return None
        return int((self.ends_at - self.starts_at).total_seconds() // 60)
