"""Frozen records of action items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ActionRecord:
    """An action item of a meeting."""

    id: int
    meeting_id: int
    version: int
    position: int
    text: str
    owner: str
    due: date | None
    status: str
    issue_id: int | None
    issue_slug: str | None
    issue_title: str | None
    previous_id: int | None

    def is_overdue(self, today: date) -> bool:
        """Open and past its due date."""
        return self.status == "open" and self.due is not None and self.due < today
