"""Write a parsed interchange document into the store, all or nothing.

Issues are matched by slug and people by key (and updated); meetings are always
added as new meetings, a key already in use getting a fresh one. Notes link to
the same issue's note in the previous round.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from briefing.interchange.parse import Document, InterchangeError, MeetingIn
from briefing.meetings.service import new_meeting_key
from briefing.qa.service import KEPT, keep_revision
from db.models import (
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
    Source,
)


@dataclass(frozen=True)
class ImportSummary:
    """What an import did."""

    issues_added: int
    issues_updated: int
    people_added: int
    people_updated: int
    meetings_added: int
    meeting_ids: tuple[int, ...]
    renamed_keys: dict[str, str]
    #: Q&A bank entries (issue 13), matched by key like people.
    qa_added: int = 0
    qa_updated: int = 0


def write_document(session: Session, doc: Document) -> ImportSummary:
    """Apply ``doc`` inside the caller's transaction (which rolls back on any error)."""
    if doc.markings is not None:
        _take_ladder(session, doc)
    issues, issues_added, issues_updated = _upsert_issues(session, doc)
    people, people_added, people_updated = _upsert_people(session, doc)
    qa, qa_added, qa_updated = _upsert_qa(session, doc, issues)
    known_keys = set(session.scalars(select(Meeting.key)))
    renamed: dict[str, str] = {}
    by_doc_key: dict[str, Meeting] = {}
    created: list[tuple[MeetingIn, Meeting]] = []
    for m_in in doc.meetings:
        key = m_in.key or new_meeting_key()
        if key in known_keys:
            fresh = new_meeting_key()
            while fresh in known_keys:
                fresh = new_meeting_key()
            renamed[key], key = fresh, fresh
        known_keys.add(key)
        meeting = Meeting(key=key, **m_in.fields)
        session.add(meeting)
        if m_in.key:
            by_doc_key[m_in.key] = meeting
        created.append((m_in, meeting))
        _fill(meeting, m_in, issues, people)
        _link_qa(meeting, m_in, qa)
    session.flush()
    for m_in, meeting in created:
        if m_in.previous:
            meeting.previous_id = _previous(session, m_in, by_doc_key).id
            _link_notes(session, meeting)
    _positions_since(session, [m for _, m in created])
    session.flush()
    return ImportSummary(
        issues_added=issues_added, issues_updated=issues_updated,
        people_added=people_added, people_updated=people_updated,
        meetings_added=len(created), meeting_ids=tuple(m.id for _, m in created),
        renamed_keys=renamed, qa_added=qa_added, qa_updated=qa_updated,
    )


def _upsert_qa(session: Session, doc: Document,
               issues: dict[str, Issue]) -> tuple[dict[str, QaEntry], int, int]:
    """The file's Q&A entries added, or (matched by key) updated with their earlier text kept."""
    existing = {e.key: e for e in session.scalars(select(QaEntry))}
    added = updated = 0
    for q_in in doc.qa:
        issue = _issue(issues, q_in.issue, f"{q_in.path}.issue")
        entry = existing.get(q_in.key)
        if entry is None:
            entry = existing[q_in.key] = QaEntry(key=q_in.key, issue=issue, retired=False, **q_in.fields)
            session.add(entry)
            added += 1
            continue
        before = {name: getattr(entry, name) for name in KEPT}
        changed = {k: v for k, v in q_in.fields.items() if getattr(entry, k) != v}
        for name, value in changed.items():
            setattr(entry, name, value)
        if entry.issue is not issue:
            entry.issue = issue
            changed["issue"] = issue
        if entry.retired:
            entry.retired = False  # importing an entry brings it back into use
            changed["retired"] = False
        keep_revision(session, entry, before, "import", datetime.now(UTC))
        updated += bool(changed)
    return existing, added, updated


def _link_qa(meeting: Meeting, m_in: MeetingIn, qa: dict[str, QaEntry]) -> None:
    """The notes' references to Q&A entries, each a key in this file or in the store."""
    for note, n_in in zip(meeting.notes, m_in.notes, strict=True):
        for index, (path, key) in enumerate(n_in.qa):
            entry = qa.get(key)
            if entry is None:
                raise InterchangeError(
                    path, f"names Q&A entry {key!r}, which is neither in this file nor in the store")
            note.qa_links.append(NoteQa(entry=entry, position=index))


def _take_ladder(session: Session, doc: Document) -> None:
    """The file's ``markings`` become the store's ladder, unless that would orphan marks in use
    (then the import is refused). A code the store or the default ladder knows keeps its colour."""
    from briefing.config import PLAIN_COLOUR
    from briefing.errors import ValidationError
    from briefing.markings.ladder import DEFAULT_LADDER, Ladder, Marking
    from briefing.markings.service import check_removal, read_ladder, write_ladder

    old = read_ladder(session)
    known = Ladder(DEFAULT_LADDER)
    steps = tuple(Marking(m.code, m.name, old.get(m.code).colour if m.code in old
                          else known.get(m.code).colour if m.code in known else PLAIN_COLOUR)
                  for m in doc.markings or ())
    if [(m.code, m.label) for m in steps] == [(m.code, m.label) for m in old.markings]:
        return
    try:
        check_removal(session, old, steps)
    except ValidationError as error:
        raise InterchangeError("$.markings", f"does not fit this store: {error.message}") from None
    write_ladder(session, steps)


def _upsert_issues(session: Session, doc: Document) -> tuple[dict[str, Issue], int, int]:
    existing = {i.slug: i for i in session.scalars(select(Issue))}
    added = updated = 0
    for i_in in doc.issues:
        issue = existing.get(i_in.slug)
        if issue is None:
            issue = existing[i_in.slug] = Issue(slug=i_in.slug, title=i_in.title,
                                                description=i_in.description)
            session.add(issue)
            added += 1
        elif (issue.title, issue.description) != (i_in.title, i_in.description):
            issue.title, issue.description = i_in.title, i_in.description
            updated += 1
    return existing, added, updated


def _upsert_people(session: Session, doc: Document) -> tuple[dict[str, Person], int, int]:
    existing = {p.key: p for p in session.scalars(select(Person))}
    added = updated = 0
    for p_in in doc.people:
        values = {"name": p_in.name, **p_in.fields}
        person = existing.get(p_in.key)
        if person is None:
            person = existing[p_in.key] = Person(key=p_in.key, **values)
            session.add(person)
            added += 1
            continue
        changed = {k: v for k, v in values.items() if getattr(person, k) != v}
        for name, value in changed.items():
            setattr(person, name, value)
        if person.deleted_at is not None:
            person.deleted_at = None  # importing a person brings them back from the Trash
            changed["deleted_at"] = None
        updated += bool(changed)
    return existing, added, updated


def _issue(issues: dict[str, Issue], slug: str | None, path: str) -> Issue | None:
    if slug is None:
        return None
    issue = issues.get(slug)
    if issue is None:
        raise InterchangeError(
            path, f"names issue {slug!r}, which is neither in this file nor in the store")
    return issue


def _fill(meeting: Meeting, m_in: MeetingIn, issues: dict[str, Issue], people: dict[str, Person]) -> None:
    for index, (path, slug, fields) in enumerate(m_in.agenda):
        meeting.agenda.append(AgendaItem(position=index, issue=_issue(issues, slug, f"{path}.issue"),
                                         **fields))
    seen: set[str] = set()
    for index, n_in in enumerate(m_in.notes):
        if n_in.issue in seen:
            raise InterchangeError(f"{n_in.path}.issue",
                                   f"issue {n_in.issue!r} has two notes in this meeting")
        seen.add(n_in.issue)
        note = IssueNote(position=index, issue=_issue(issues, n_in.issue, f"{n_in.path}.issue"),
                         **n_in.fields)
        note.sources = [Source(position=i, **src) for i, src in enumerate(n_in.sources)]
        meeting.notes.append(note)
    taken: set[str] = set()
    for index, (path, key, fields) in enumerate(m_in.participants):
        person = people.get(key)
        if person is None:
            raise InterchangeError(
                f"{path}.person", f"names person {key!r}, who is neither in this file nor in the store")
        if key in taken:
            raise InterchangeError(f"{path}.person", f"{key!r} appears twice in this meeting")
        taken.add(key)
        meeting.participants.append(Participant(position=index, person=person, **fields))
    for index, (path, slug, fields) in enumerate(m_in.actions):
        meeting.actions.append(ActionItem(position=index, issue=_issue(issues, slug, f"{path}.issue"),
                                          **fields))
    placed: set[str] = set()
    for path, slug, fields in m_in.positions:
        if slug in placed:
            raise InterchangeError(f"{path}.issue", f"issue {slug!r} has two positions in this meeting")
        placed.add(slug)
        object_session(meeting).add(Position(meeting=meeting, issue=_issue(issues, slug, f"{path}.issue"),
                                             since_round=meeting.round_no, **fields))


def _positions_since(session: Session, meetings: list[Meeting]) -> None:
    """A position imported holds since the previous round's when its state is the same there
    (the file does not carry ``since``: it follows from the chain), else since its own round."""
    ids = [m.id for m in meetings]
    mine = list(session.scalars(select(Position).where(Position.meeting_id.in_(ids))))
    if not mine:
        return
    by_meeting = {m.id: m for m in meetings}
    ordered = sorted(mine, key=lambda p: (by_meeting[p.meeting_id].round_no, p.meeting_id))
    for p in ordered:
        previous_id = by_meeting[p.meeting_id].previous_id
        if previous_id is None:
            continue
        before = session.scalar(select(Position).where(Position.meeting_id == previous_id,
                                                       Position.issue_id == p.issue_id))
        if before is not None and before.state == p.state:
            p.since_round = before.since_round


def _previous(session: Session, m_in: MeetingIn, by_doc_key: dict[str, Meeting]) -> Meeting:
    previous = by_doc_key.get(m_in.previous)
    if previous is None:
        previous = session.scalar(select(Meeting).where(Meeting.key == m_in.previous))
    if previous is None:
        raise InterchangeError(
            f"{m_in.path}.previous",
            f"names meeting {m_in.previous!r}, which is neither in this file nor in the store")
    return previous


def _link_notes(session: Session, meeting: Meeting) -> None:
    previous_notes = {
        n.issue_id: n.id for n in session.scalars(
            select(IssueNote).where(IssueNote.meeting_id == meeting.previous_id,
                                    IssueNote.deleted_at.is_(None)))
    }
    for note in meeting.notes:
        note.previous_id = previous_notes.get(note.issue_id)
