"""Frozen records of what the Trash holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class TrashEntry:
    """Something in the Trash: its kind (see ``briefing.trash.service.KINDS``), what it was, and when it went.

    ``meeting_in_trash`` marks an item whose meeting is in the Trash too: it comes
    back only after its meeting does.
    """

    kind: str
    id: int
    title: str
    meeting_id: int | None
    meeting_title: str | None
    deleted_at: datetime
    detail: str = ""
    meeting_in_trash: bool = False
