"""Note history: every saved change to an issue note kept as a revision, diffed and restorable.

The note service records revisions in its write path (``NoteService.update``),
in the same transaction as the change, so no save escapes the history — not the
GUI's, not an undo's, not a script's. A revision is the state of the note
*after* a save. The first recorded change also keeps the note as it stood
before (an ``original`` revision), so the text a note was created, imported or
carried forward with can always be restored.

Saves of one editing burst coalesce: a save by the same author within
``BURST_GAP`` of the last one (and within ``BURST_MAX`` of the burst's start)
updates that revision instead of adding one, so an autosave every second gives
one revision per sitting, not hundreds. Restoring is itself a revision
(``restore``), checked against the note's version like any update; it never
absorbs later saves.
"""

from __future__ import annotations

import getpass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing.editing import fetch
from briefing.notes.records import NoteRecord
from briefing.revisions.changes import VALUE_FIELDS, section_changes, value_changes
from briefing.revisions.records import RevisionRecord, SectionChange, ValueChange
from briefing.vocabulary import NOTE_FIELDS
from db.engine import Database
from db.models import IssueNote, NoteRevision

#: Saves closer together than this (same note, same author) are one burst.
BURST_GAP = timedelta(minutes=2)
#: …but a burst never spans more than this, so a long sitting still leaves steps.
BURST_MAX = timedelta(minutes=30)
#: Every field a revision keeps.
TRACKED = NOTE_FIELDS + VALUE_FIELDS

ORIGINAL, EDIT, RESTORE = "original", "edit", "restore"


def current_author(configured: str = "") -> str:
    """Who is saving: the configured author (``author`` in briefbook.json), else the OS user name."""
    if configured.strip():
        return configured.strip()
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no user name in the environment (some services, containers)
        return "unknown"


def snapshot(note: IssueNote) -> dict[str, str]:
    """The tracked fields of a note as they are now."""
    return {name: getattr(note, name) for name in TRACKED}


def record_save(session: Session, note: IssueNote, before: dict[str, str], *, before_at: datetime,
                author: str, now: datetime, restored_from: int | None = None) -> NoteRevision | None:
    """Keep the note's new state as a revision (or fold it into the current burst).

    ``before`` is ``snapshot(note)`` taken before the change, ``before_at`` the
    note's ``updated_at`` then. Nothing is kept when no tracked field changed.
    """
    after = snapshot(note)
    if after == before:
        return None
    last = session.scalar(select(NoteRevision).where(NoteRevision.note_id == note.id)
                          .order_by(NoteRevision.id.desc()).limit(1))
    if last is None:
        session.add(NoteRevision(note_id=note.id, kind=ORIGINAL, author="", created_at=before_at,
                                 saved_at=before_at, **before))
    elif (restored_from is None and last.kind == EDIT and last.author == author
          and now - last.saved_at <= BURST_GAP and now - last.created_at <= BURST_MAX):
        for name, value in after.items():
            setattr(last, name, value)
        last.saved_at = now
        return last
    revision = NoteRevision(note_id=note.id, kind=RESTORE if restored_from else EDIT, author=author,
                            created_at=now, saved_at=now, restored_from_id=restored_from, **after)
    session.add(revision)
    return revision


def _record(row: NoteRevision, changed: tuple[str, ...] = ()) -> RevisionRecord:
    return RevisionRecord(
        id=row.id, note_id=row.note_id, kind=row.kind, author=row.author, created_at=row.created_at,
        saved_at=row.saved_at, restored_from_id=row.restored_from_id,
        changed=changed, **{name: getattr(row, name) for name in TRACKED},
    )


class HistoryService:
    """The revisions of issue notes: list, read, compare with the note, restore."""

    def __init__(self, db: Database, notes) -> None:
        self.db = db
        self.notes = notes

    def revisions(self, note_id: int) -> list[RevisionRecord]:
        """The note's revisions, newest first, each saying which fields it changed."""
        with self.db.read() as s:
            fetch(s, IssueNote, note_id, "The issue note", include_deleted=True)
            rows = list(s.scalars(select(NoteRevision).where(NoteRevision.note_id == note_id)
                                  .order_by(NoteRevision.id)))
            out = [_record(rows[0])] if rows else []
            for before, row in zip(rows, rows[1:], strict=False):
                out.append(_record(row, tuple(f for f in TRACKED if getattr(before, f) != getattr(row, f))))
            return out[::-1]

    def get(self, revision_id: int) -> RevisionRecord:
        """One revision with every section."""
        with self.db.read() as s:
            return _record(fetch(s, NoteRevision, revision_id, "The revision"))

    def diff(self, revision_id: int) -> tuple[tuple[SectionChange, ...], tuple[ValueChange, ...]]:
        """How the note as it is now differs from a revision: changed sections (word diffs), values.

        Runs read from the revision (old) to the current text (new).
        """
        revision = self.get(revision_id)
        current = self.notes.get(revision.note_id)
        return section_changes(revision, current), value_changes(revision, current)

    def restore(self, revision_id: int, version: int | None) -> NoteRecord:
        """Bring a note back to a revision; ``version`` is the note's as the user saw it.

        Recorded as a revision of its own; a stale ``version`` is a ConflictError.
        """
        revision = self.get(revision_id)
        fields = {name: getattr(revision, name) for name in TRACKED}
        return self.notes.save(revision.note_id, version, fields, restored_from=revision.id)
