"""Issue notes: one issue as prepared for one meeting, its sections and its sources."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefing import mapping
from briefing import validation as v
from briefing.changelog import records as log
from briefing.changelog.service import record
from briefing.config import Config
from briefing.editing import apply_changes, check_version, fetch, move_in, renumber, writing
from briefing.errors import ValidationError
from briefing.issues.service import unique_slug
from briefing.notes.records import NoteRecord, NoteSummary, SourceRecord
from briefing.revisions.service import current_author, record_save, snapshot
from briefing.vocabulary import DEFAULT_PRIORITY, NOTE_FIELDS, NOTE_STATUSES, PRIORITIES, TIERS
from db.engine import Database
from db.models import Issue, IssueNote, Meeting, Source

WHAT = "The issue note"

_FIELDS: dict[str, Any] = {name: v.text for name in NOTE_FIELDS} | {
    "status": lambda f, x: v.choice(f, x, NOTE_STATUSES),
    "priority": lambda f, x: v.choice(f, x, PRIORITIES),
    "owner": v.line,
    "tier": lambda f, x: v.choice(f, x, TIERS),
}

_SOURCE_FIELDS = {
    "title": lambda f, x: v.line(f, x, required=True),
    "publisher": v.line,
    "date": lambda f, x: v.line(f, x, max_length=64),
    "url": lambda f, x: v.line(f, x, max_length=2000),
}


def notes_of(session: Session, meeting_id: int) -> list[IssueNote]:
    """The meeting's notes (not in the Trash), in order, with issue and sources loaded."""
    return list(session.scalars(
        select(IssueNote)
        .where(IssueNote.meeting_id == meeting_id, IssueNote.deleted_at.is_(None))
        .options(selectinload(IssueNote.issue), selectinload(IssueNote.sources))
        .order_by(IssueNote.position, IssueNote.id)
    ))


class NoteService:
    """Add, edit, order and cite the issue notes of a meeting.

    Every saved change is kept in the note's history (``briefing.revisions.service``),
    signed with ``author`` (the configured author, else the OS user name).
    """

    def __init__(self, db: Database, config: Config | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        config = config or Config()
        self.author = current_author(config.author or config.user_name)
        self.clock = clock or (lambda: datetime.now(UTC))

    # -- reading -----------------------------------------------------------------

    def list(self, meeting_id: int) -> list[NoteSummary]:
        """The meeting's notes as the notes list shows them (no section text)."""
        with self.db.read() as s:
            rows = s.execute(
                select(IssueNote, Issue.title).join(Issue, IssueNote.issue_id == Issue.id)
                .where(IssueNote.meeting_id == meeting_id, IssueNote.deleted_at.is_(None))
                .order_by(IssueNote.position, IssueNote.id)
            )
            return [mapping.note_summary(n, title) for n, title in rows]

    def list_full(self, meeting_id: int) -> list[NoteRecord]:
        """The meeting's notes with every section and source."""
        with self.db.read() as s:
            return [mapping.note(n) for n in notes_of(s, meeting_id)]

    def get(self, note_id: int) -> NoteRecord:
        with self.db.read() as s:
            return mapping.note(fetch(s, IssueNote, note_id, WHAT))

    def note_of_source(self, source_id: int) -> NoteRecord:
        """The note that cites the source ``source_id`` (sources are read through their note)."""
        with self.db.read() as s:
            return mapping.note(fetch(s, Source, source_id, "The source").note)

    def previous(self, note_id: int) -> NoteRecord | None:
        """The same issue's note in the previous round, if there is one."""
        with self.db.read() as s:
            note = fetch(s, IssueNote, note_id, WHAT)
            if note.previous_id is None:
                return None
            prev = s.get(IssueNote, note.previous_id)
            return mapping.note(prev) if prev is not None else None

    # -- writing -----------------------------------------------------------------

    def add(self, meeting_id: int, issue_id: int, *, position: int | None = None,
            previous_id: int | None = None, **fields: Any) -> NoteRecord:
        """A note on a library issue for this meeting (one note per issue per meeting)."""
        with writing(self.db, WHAT) as s:
            fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            issue = fetch(s, Issue, issue_id, f"Issue {issue_id}")
            rows = notes_of(s, meeting_id)
            if any(n.issue_id == issue_id for n in rows):
                raise ValidationError("issue", f"{issue.title!r} already has a note in this meeting")
            note = IssueNote(meeting_id=meeting_id, issue=issue, status=NOTE_STATUSES[0],
                             priority=DEFAULT_PRIORITY, previous_id=previous_id)
            apply_changes(note, fields, _FIELDS)
            s.add(note)
            move_in(rows, note, len(rows) if position is None else position)
            s.flush()
            record(s, log.NOTE_ADDED, "", meeting_id, user=self.author, row_id=note.id)
            return mapping.note(note)

    def add_new_issue(self, meeting_id: int, title: str, description: str = "") -> NoteRecord:
        """A new library issue and its note for this meeting, in one step."""
        with writing(self.db, WHAT) as s:
            fetch(s, Meeting, meeting_id, f"Meeting {meeting_id}")
            issue = Issue(title=v.line("title", title, required=True),
                          description=v.text("description", description))
            issue.slug = unique_slug(s, v.slugify(issue.title))
            rows = notes_of(s, meeting_id)
            note = IssueNote(meeting_id=meeting_id, issue=issue, status=NOTE_STATUSES[0],
                             priority=DEFAULT_PRIORITY)
            s.add_all([issue, note])
            move_in(rows, note, len(rows))
            s.flush()
            record(s, log.NOTE_ADDED, "", meeting_id, user=self.author, row_id=note.id)
            return mapping.note(note)

    def update(self, note_id: int, version: int | None, **changes: Any) -> NoteRecord:
        """Change sections, status, priority or owner of a note written at ``version``."""
        return self.save(note_id, version, changes)

    def save(self, note_id: int, version: int | None, changes: Mapping[str, Any], *,
             restored_from: int | None = None) -> NoteRecord:
        """``update``, saying which revision is being restored when it is a restore."""
        with writing(self.db, WHAT) as s:
            note = fetch(s, IssueNote, note_id, WHAT)
            check_version(note, version, WHAT, lambda: mapping.note(note))
            before, before_at = snapshot(note), note.updated_at
            apply_changes(note, changes, _FIELDS)
            now = self.clock()
            record_save(s, note, before, before_at=before_at, author=self.author, now=now,
                        restored_from=restored_from)
            what = log.NOTE_RESTORED if restored_from else log.NOTE_EDITED
            for name in (n for n, value in snapshot(note).items() if before[n] != value):
                record(s, what, name, note.meeting_id, user=self.author, row_id=note.id, now=now,
                       burst=not restored_from)
            s.flush()
            return mapping.note(note)

    def move(self, note_id: int, to_index: int) -> list[NoteSummary]:
        """Move a note within its meeting; returns the new order."""
        with writing(self.db, WHAT) as s:
            note = fetch(s, IssueNote, note_id, WHAT)
            rows = move_in(notes_of(s, note.meeting_id), note, to_index)
            s.flush()
            return [mapping.note_summary(n, n.issue.title) for n in rows]

    def delete(self, note_id: int) -> None:
        """Move a note to the Trash."""
        with writing(self.db, WHAT) as s:
            note = fetch(s, IssueNote, note_id, WHAT)
            note.deleted_at = datetime.now(UTC)
            s.flush()
            renumber(notes_of(s, note.meeting_id))
            record(s, log.TRASHED, "note", note.meeting_id, user=self.author, row_id=note.id)

    # -- sources -----------------------------------------------------------------

    def add_source(self, note_id: int, title: str, *, position: int | None = None,
                   **fields: Any) -> SourceRecord:
        """Cite a source in a note, numbered after the existing ones or at ``position``."""
        with writing(self.db, "The source") as s:
            note = fetch(s, IssueNote, note_id, WHAT)
            source = Source(position=len(note.sources))
            apply_changes(source, {"title": title, **fields}, _SOURCE_FIELDS)
            note.sources.append(source)
            if position is not None:
                move_in(list(note.sources), source, position)
            s.flush()
            return mapping.source(source)

    def update_source(self, source_id: int, version: int | None, **changes: Any) -> SourceRecord:
        with writing(self.db, "The source") as s:
            source = fetch(s, Source, source_id, "The source")
            check_version(source, version, "The source", lambda: mapping.source(source))
            apply_changes(source, changes, _SOURCE_FIELDS)
            s.flush()
            return mapping.source(source)

    def delete_source(self, source_id: int) -> None:
        """Remove a citation; the ones after it are renumbered."""
        with writing(self.db, "The source") as s:
            source = fetch(s, Source, source_id, "The source")
            note = source.note
            note.sources.remove(source)
            renumber(note.sources)
