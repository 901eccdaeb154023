"""The Q&A bank: add, edit (the entry as it was is kept), retire, filter; attach entries to notes.

An entry lives once in the bank; a note names it (``note_qa``, in the note's
order), so an edit shows in every note and book that uses it. A carried-forward
note keeps its references (``briefing.rounds.carry_forward``). A retired entry
stays attached where it was used but is no longer offered, and books leave it out.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from briefing import validation as v
from briefing.config import Config
from briefing.editing import apply_changes, check_version, fetch, move_in, renumber, writing
from briefing.errors import ValidationError
from briefing.qa.records import QaEntryRecord, QaRevisionRecord
from briefing.revisions.service import current_author
from briefing.vocabulary import QA_KINDS, QA_STATUSES
from db.engine import Database
from db.models import Issue, IssueNote, NoteQa, QaEntry, QaRevision

WHAT = "The Q&A entry"
#: What an edit may change; ``retired`` goes through ``retire``.
_FIELDS: dict[str, Any] = {
    "question": lambda f, x: _required_text(f, x),
    "answer": v.text,
    "kind": lambda f, x: v.choice(f, x, QA_KINDS),
    "status": lambda f, x: v.choice(f, x, QA_STATUSES),
    "issue_id": v.optional_id,
}
#: The fields a revision keeps.
KEPT = ("kind", "question", "answer", "status")


def _required_text(field: str, value: object) -> str:
    text = v.text(field, value)
    if not text.strip():
        raise ValidationError(field, "must not be empty")
    return text


def entry_record(e: QaEntry) -> QaEntryRecord:
    """An ORM entry as its frozen record."""
    return QaEntryRecord(
        id=e.id, key=e.key, version=e.version, issue_id=e.issue_id,
        issue_slug=e.issue.slug if e.issue else None, issue_title=e.issue.title if e.issue else None,
        kind=e.kind, question=e.question, answer=e.answer, status=e.status, retired=e.retired,
        updated_at=e.updated_at,
    )


def _revision_record(r: QaRevision) -> QaRevisionRecord:
    return QaRevisionRecord(id=r.id, entry_id=r.entry_id, author=r.author, saved_at=r.saved_at,
                            kind=r.kind, question=r.question, answer=r.answer, status=r.status)


def key_for(question: str, taken: Collection[str]) -> str:
    """A fresh key for an entry: ``qa-`` and the first words of its question, made unique."""
    base = "qa-" + v.slugify(question)[:40].rstrip("-")
    key = base
    while key in taken:
        key = f"{base}-{secrets.token_hex(2)}"
    return key


def keep_revision(session: Session, entry: QaEntry, before: Mapping[str, str], author: str,
                  now: datetime) -> None:
    """Keep ``before`` (the entry's fields before an edit) when the edit changed any of them."""
    if all(before[name] == getattr(entry, name) for name in KEPT):
        return
    session.add(QaRevision(entry=entry, author=author, saved_at=now, **before))


def links_of(session: Session, note_ids: Collection[int]) -> dict[int, list[QaEntry]]:
    """The entries each of ``note_ids`` uses, in the note's order (one query)."""
    if not note_ids:
        return {}
    rows = session.scalars(
        select(NoteQa).where(NoteQa.note_id.in_(list(note_ids)))
        .options(selectinload(NoteQa.entry).selectinload(QaEntry.issue))
        .order_by(NoteQa.note_id, NoteQa.position, NoteQa.id)
    )
    out: dict[int, list[QaEntry]] = {}
    for link in rows:
        out.setdefault(link.note_id, []).append(link.entry)
    return out


def entries_of_notes(session: Session, note_ids: Collection[int], *,
                     include_retired: bool = False) -> dict[int, tuple[QaEntryRecord, ...]]:
    """The records of the entries each note uses, in order; retired ones left out unless asked."""
    return {note_id: tuple(entry_record(e) for e in entries if include_retired or not e.retired)
            for note_id, entries in links_of(session, note_ids).items()}


class QaService:
    """The Q&A bank and the notes' references to it.

    Every saved edit keeps the entry as it was (``history``), signed with the
    configured author (else the OS user name).
    """

    def __init__(self, db: Database, config: Config | None = None) -> None:
        self.db = db
        self.author = current_author((config or Config()).author)

    # -- reading -----------------------------------------------------------------

    def list(self, *, issue_id: int | None = None, status: str | None = None, kind: str | None = None,
             text: str = "", include_retired: bool = False) -> list[QaEntryRecord]:
        """The bank, filtered by issue, status, kind and words in the question or answer (any case)."""
        query = select(QaEntry).options(selectinload(QaEntry.issue)).order_by(QaEntry.id)
        if issue_id is not None:
            query = query.where(QaEntry.issue_id == issue_id)
        if status:
            query = query.where(QaEntry.status == v.choice("status", status, QA_STATUSES))
        if kind:
            query = query.where(QaEntry.kind == v.choice("kind", kind, QA_KINDS))
        if not include_retired:
            query = query.where(QaEntry.retired.is_(False))
        for word in text.split():
            query = query.where(or_(QaEntry.question.icontains(word, autoescape=True),
                                    QaEntry.answer.icontains(word, autoescape=True),
                                    QaEntry.key.icontains(word, autoescape=True)))
        with self.db.read() as s:
            return [entry_record(e) for e in s.scalars(query)]

    def get(self, entry_id: int) -> QaEntryRecord:
        with self.db.read() as s:
            return entry_record(fetch(s, QaEntry, entry_id, WHAT))

    def by_key(self, key: str) -> QaEntryRecord:
        """The entry with ``key`` (a ``ValidationError`` naming it when there is none)."""
        with self.db.read() as s:
            entry = s.scalar(select(QaEntry).where(QaEntry.key == key))
            if entry is None:
                raise ValidationError("key", f"no Q&A entry {key!r} in the bank")
            return entry_record(entry)

    def history(self, entry_id: int) -> list[QaRevisionRecord]:
        """The entry's earlier states, oldest first."""
        with self.db.read() as s:
            entry = fetch(s, QaEntry, entry_id, WHAT)
            return [_revision_record(r) for r in entry.revisions]

    def for_note(self, note_id: int) -> list[QaEntryRecord]:
        """The entries a note uses, in its order (retired ones too: the note still names them)."""
        with self.db.read() as s:
            fetch(s, IssueNote, note_id, "The issue note")
            return list(entries_of_notes(s, [note_id], include_retired=True).get(note_id, ()))

    def used_in(self, entry_id: int) -> int:
        """How many notes use the entry."""
        with self.db.read() as s:
            return len(s.scalars(select(NoteQa.id).where(NoteQa.entry_id == entry_id)).all())

    # -- writing -----------------------------------------------------------------

    def add(self, question: str, answer: str = "", *, issue_id: int | None = None,
            kind: str = QA_KINDS[0], status: str = QA_STATUSES[0], key: str | None = None,
            note_id: int | None = None) -> QaEntryRecord:
        """A new entry in the bank (attached at the end of note ``note_id`` when given)."""
        with writing(self.db, WHAT) as s:
            entry = QaEntry(kind=QA_KINDS[0], status=QA_STATUSES[0])
            apply_changes(entry, {"question": question, "answer": answer, "kind": kind,
                                  "status": status, "issue_id": issue_id}, _FIELDS)
            if entry.issue_id is not None:
                fetch(s, Issue, entry.issue_id, f"Issue {entry.issue_id}")
            taken = set(s.scalars(select(QaEntry.key)))
            if key is not None:
                key = v.line("key", key, required=True)
                if key in taken:
                    raise ValidationError("key", f"{key!r} is already the key of another Q&A entry")
            entry.key = key or key_for(entry.question, taken)
            s.add(entry)
            s.flush()
            if note_id is not None:
                self._attach(s, note_id, entry, None)
            s.flush()
            return entry_record(entry)

    def edit(self, entry_id: int, version: int | None, **changes: Any) -> QaEntryRecord:
        """Change an entry written at ``version``; the entry as it was is kept in its history."""
        with writing(self.db, WHAT) as s:
            entry = fetch(s, QaEntry, entry_id, WHAT)
            check_version(entry, version, WHAT, lambda: entry_record(entry))
            before = {name: getattr(entry, name) for name in KEPT}
            apply_changes(entry, changes, _FIELDS)
            if entry.issue_id is not None:
                fetch(s, Issue, entry.issue_id, f"Issue {entry.issue_id}")
            keep_revision(s, entry, before, self.author, datetime.now(UTC))
            s.flush()
            return entry_record(entry)

    def retire(self, entry_id: int, version: int | None = None, *, retired: bool = True) -> QaEntryRecord:
        """Retire an entry (no longer offered, left out of books), or bring it back."""
        with writing(self.db, WHAT) as s:
            entry = fetch(s, QaEntry, entry_id, WHAT)
            check_version(entry, version, WHAT, lambda: entry_record(entry))
            entry.retired = bool(retired)
            s.flush()
            return entry_record(entry)

    def attach(self, note_id: int, entry_id: int, position: int | None = None) -> list[QaEntryRecord]:
        """Use an entry in a note (at ``position``, default the end); the note's entries after it."""
        with writing(self.db, "The issue note") as s:
            entry = fetch(s, QaEntry, entry_id, WHAT)
            self._attach(s, note_id, entry, position)
            s.flush()
            return list(entries_of_notes(s, [note_id], include_retired=True).get(note_id, ()))

    def detach(self, note_id: int, entry_id: int) -> list[QaEntryRecord]:
        """Stop using an entry in a note (the entry stays in the bank); the note's entries after it."""
        with writing(self.db, "The issue note") as s:
            note = fetch(s, IssueNote, note_id, "The issue note")
            link = next((x for x in note.qa_links if x.entry_id == entry_id), None)
            if link is None:
                raise ValidationError("entry", "the note does not use this Q&A entry")
            note.qa_links.remove(link)
            s.flush()
            renumber(note.qa_links)
            s.flush()
            return list(entries_of_notes(s, [note_id], include_retired=True).get(note_id, ()))

    def _attach(self, s: Session, note_id: int, entry: QaEntry, position: int | None) -> None:
        note = fetch(s, IssueNote, note_id, "The issue note")
        if any(x.entry_id == entry.id for x in note.qa_links):
            raise ValidationError("entry", f"the note already uses Q&A entry {entry.key!r}")
        link = NoteQa(entry=entry, position=len(note.qa_links))
        note.qa_links.append(link)
        if position is not None:
            move_in(list(note.qa_links), link, position)
