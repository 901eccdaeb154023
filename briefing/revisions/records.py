"""Records of change: a note's saved revisions, and what differs between two versions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.revisions.diff import DiffRun


@dataclass(frozen=True, slots=True)
class RevisionRecord:
    """A saved state of an issue note (see ``db.models.NoteRevision``).

    ``changed`` names the fields that differ from the revision before it.
    """

    id: int
    note_id: int
    kind: str
    author: str
    created_at: datetime
    saved_at: datetime
    restored_from_id: int | None
    background: str
    objectives: str
    their_position: str
    talking_points: str
    defensives: str
    red_lines: str
    status: str
    priority: str
    owner: str
    changed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionChange:
    """One note section that differs between two versions, with its word-level diff."""

    field: str
    heading: str
    old: str
    new: str
    runs: tuple[DiffRun, ...]

    @property
    def kind(self) -> str:
        """``added`` (was empty), ``removed`` (is empty now) or ``changed``."""
        if not self.old:
            return "added"
        if not self.new:
            return "removed"
        return "changed"


@dataclass(frozen=True, slots=True)
class ValueChange:
    """A single-value field (status, priority, owner) that differs between two versions."""

    field: str
    old: str
    new: str
