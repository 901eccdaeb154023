"""The schema: one typed SQLAlchemy model per table, importable from here.

``base`` holds the declarative base and what every table shares (the version
counter of an edited row, the Trash's ``deleted_at``); ``content`` the tables of
what users write (meetings and their parts, issues, people, the Q&A bank);
``history`` each saved state of a note and the change log; ``ladder`` the
store's marking ladder. Importing this package declares every table on
``Base.metadata`` (what ``create_all`` and Alembic's ``env.py`` read).
"""

from __future__ import annotations

from db.models.base import Base
from db.models.content import (
    ActionItem,
    AgendaItem,
    Issue,
    IssueNote,
    Meeting,
    NoteQa,
    Participant,
    Person,
    Position,
    QaEntry,
    QaRevision,
    Source,
)
from db.models.history import Change, NoteRevision
from db.models.ladder import LadderStep

__all__ = [
    "ActionItem", "AgendaItem", "Base", "Change", "Issue", "IssueNote", "LadderStep", "Meeting",
    "NoteQa", "NoteRevision", "Participant", "Person", "Position", "QaEntry", "QaRevision", "Source",
]
