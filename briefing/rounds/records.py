"""Records of an issue from round to round: what changed since the last round, and its timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.revisions.records import SectionChange, ValueChange


@dataclass(frozen=True, slots=True)
class IssueChange:
    """One issue between two rounds: ``changed``, ``unchanged``, ``new`` or ``dropped``."""

    issue_id: int
    issue_slug: str
    issue_title: str
    kind: str
    note_id: int | None
    previous_note_id: int | None
    sections: tuple[SectionChange, ...] = ()
    values: tuple[ValueChange, ...] = ()


@dataclass(frozen=True, slots=True)
class RoundChanges:
    """What changed in a meeting's issue notes since the previous round, issue by issue."""

    meeting_id: int
    meeting_title: str
    previous_meeting_id: int | None
    previous_meeting_title: str | None
    issues: tuple[IssueChange, ...]

    @property
    def changed(self) -> tuple[IssueChange, ...]:
        """The issues that are new, dropped or changed (not the unchanged ones)."""
        return tuple(i for i in self.issues if i.kind != "unchanged")


@dataclass(frozen=True, slots=True)
class RoundEntry:
    """One round of an issue's timeline; ``note_id`` is None when the issue was not on the table."""

    meeting_id: int
    meeting_title: str
    round_no: int
    starts_at: datetime
    meeting_status: str
    note_id: int | None
    status: str | None
    priority: str | None
    objectives: str
    their_position: str
    objectives_changed: bool
    their_position_changed: bool
    timezone: str = "UTC"  # the venue's: the day the round was held there


@dataclass(frozen=True, slots=True)
class IssueTimeline:
    """An issue across the rounds of one negotiation, oldest round first."""

    issue_id: int
    issue_title: str
    rounds: tuple[RoundEntry, ...]
