"""Frozen records of issue notes: a note, its summary in a list, its sources.

Each record of an editable row carries its ``version``; pass it back with an
update so that a stale write is refused (``ConflictError``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from briefing.vocabulary import NOTE_FIELDS


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A citation of an issue note, numbered by its position (1-based in print)."""

    id: int
    version: int
    position: int
    title: str
    publisher: str
    date: str
    url: str


@dataclass(frozen=True, slots=True)
class NoteSummary:
    """An issue note as the notes list shows it."""

    id: int
    issue_id: int
    issue_title: str
    position: int
    status: str
    priority: str
    owner: str
    version: int
    #: How deep its paper prints (issue 13): ``full``, ``short`` or ``defensive``.
    tier: str = "full"


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """One issue as prepared for one meeting: its sections, status and sources."""

    id: int
    meeting_id: int
    issue_id: int
    issue_slug: str
    issue_title: str
    version: int
    position: int
    background: str
    objectives: str
    their_position: str
    talking_points: str
    defensives: str
    red_lines: str
    status: str
    priority: str
    owner: str
    previous_id: int | None
    updated_at: datetime
    sources: tuple[SourceRecord, ...] = ()
    #: How deep its paper prints (issue 13): ``full``, ``short`` or ``defensive``.
    tier: str = "full"

    def section(self, name: str) -> str:
        """The Markdown of one section by its field name (see ``vocabulary.NOTE_FIELDS``)."""
        if name not in NOTE_FIELDS:
            raise KeyError(name)
        return getattr(self, name)
