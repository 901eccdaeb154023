"""Frozen records of the Q&A bank: an entry, and an entry as it was before one of its edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class QaEntryRecord:
    """One bank entry: a defensive question and its answer, or a press line (``kind`` ``press``).

    ``key`` is its stable identifier (what interchange files name); pass
    ``version`` back with an edit so that a stale write is refused.
    """

    id: int
    key: str
    version: int
    issue_id: int | None
    issue_slug: str | None
    issue_title: str | None
    kind: str
    question: str
    answer: str
    status: str
    retired: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class QaRevisionRecord:
    """An entry as it stood before a saved edit: who changed it, and when."""

    id: int
    entry_id: int
    author: str
    saved_at: datetime
    kind: str
    question: str
    answer: str
    status: str
