"""Search everything a user wrote: one query, ranked hits with the matching words marked.

``SearchService.search(text, …)`` takes anything typed (it never raises for what
the query says; see ``db.search.text.parse_query``) and returns a frozen
``SearchResults``: hits grouped by meeting, newest round first, then people and
the issue library; in each group the best-ranked first. Each hit says where it
is (meeting, kind of row, row id, field) and carries an excerpt plus the
positions of the matches in the excerpt and in the whole field, so that a GUI
can show the excerpt and jump to the exact words. The service opens its own
read session per call and holds no state: safe to call from a worker thread.

Two backends sit behind ``SearchBackend``:

* ``FtsBackend`` — SQLite with the FTS5 index (``db/search/fts.py``): ranked by BM25
  within the most recent ``CANDIDATE_POOL`` matches, so the first page never
  waits for every match of a common word to be scored (see ``db/search/fts.py``).
* ``PgBackend`` — PostgreSQL with its index (``db/search/pg.py``, ``pg_query.py``; migrations 0008–0009):
  the same tokens, matches and BM25 order as ``FtsBackend``.
* ``LikeBackend`` — any other store, or an SQLite without FTS5: a plain
  case-insensitive ``LIKE`` scan, newest first, unranked (``db/search/like.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from briefing.errors import ValidationError
from briefing.search.hit_places import HitPlace, place_of
from briefing.search.records import SearchGroup, SearchHit, SearchResults
from briefing.search.snippets import excerpt, find_matches
from briefing.vocabulary import NOTE_SECTIONS, SECTION_TITLES
from db.engine import Database
from db.models import ActionItem, AgendaItem, Issue, IssueNote, Meeting, Person, Position, QaEntry, Source
from db.search import fts
from db.search import like as search_like
from db.search import pg as search_pg
from db.search import pg_query as search_pg_query
from db.search.fts import IndexHit, Scope
from db.search.searchable import FIELDS
from db.search.text import Query, parse_query

#: Hits on the first page.
PAGE = 20
#: How many of the most recent matches the FTS backend ranks (see db/search/fts.py).
CANDIDATE_POOL = 500

PEOPLE, LIBRARY = "People", "Issue library"

_MODELS = {"meeting": Meeting, "agenda_item": AgendaItem, "note": IssueNote, "source": Source,
           "action": ActionItem, "person": Person, "issue": Issue, "qa": QaEntry, "position": Position}
_LABELS = {
    "counterpart": "Counterpart", "location": "Location", "lead": "Lead", "outcome": "Outcome",
    "publisher": "Publisher", "text": "Action", "owner": "Owner", "name": "Name",
    "native_name": "Name in native script", "organization": "Organization", "bio": "Bio",
    "title": "Title", "description": "Description",
    "question": "Question (Q&A bank)", "answer": "Answer (Q&A bank)",
    "record": "Record", "agreed": "Agreed", "open_points": "Open points",
    "ours": "Our position (tracker)", "theirs": "Their position (tracker)",
}


def field_label(entity: str, field: str) -> str:
    """The heading a user knows a field by ("Their position", "Outcome", "Bio")."""
    if entity == "note":
        return SECTION_TITLES[field]
    if field == "objectives":
        return "Objectives"
    return _LABELS[field]


def section_choices() -> tuple[tuple[str, str], ...]:
    """The fields a search can be narrowed to, as ``(field, label)``: the note's sections first.

    A field name covers every kind of row that has it: "Title" finds meeting,
    agenda item, source, person and issue titles; "Objectives" a note's and a meeting's.
    """
    sections = tuple((f, "Objectives" if f == "objectives" else heading) for f, heading in NOTE_SECTIONS)
    others = sorted((f for f in FIELDS if f not in SECTION_TITLES), key=lambda f: _LABELS[f])
    return (*sections, *((f, _LABELS[f]) for f in others))


class SearchBackend(Protocol):
    """Finds the fields that match a query: the best ``limit``, and whether there were more."""

    def candidates(self, session: Session, query: Query, scope: Scope,
                   limit: int) -> tuple[list[IndexHit], bool]: ...


class FtsBackend:
    """SQLite's FTS5 index, ranked by BM25 within a bounded candidate pool."""

    def candidates(self, session: Session, query: Query, scope: Scope,
                   limit: int) -> tuple[list[IndexHit], bool]:
        return fts.search(session, query, scope, limit=limit, pool=max(CANDIDATE_POOL, limit))


class LikeBackend:
    """A portable LIKE scan for stores without a full-text index (unranked, newest first)."""

    def candidates(self, session: Session, query: Query, scope: Scope,
                   limit: int) -> tuple[list[IndexHit], bool]:
        return search_like.search(session, query, scope, limit=limit)


class PgBackend:
    """PostgreSQL's index (``db/search/pg.py``): the same tokens and BM25 order as the FTS backend."""

    def candidates(self, session: Session, query: Query, scope: Scope,
                   limit: int) -> tuple[list[IndexHit], bool]:
        return search_pg_query.search(session, query, scope, limit=limit,
                                      pool=max(CANDIDATE_POOL, limit))


def choose_backend(db: Database) -> SearchBackend:
    """FTS5 when the store has the index (SQLite), PostgreSQL's own when it has it, else the portable scan."""
    with db.engine.connect() as connection:
        if db.is_sqlite and fts.installed(connection):
            return FtsBackend()
        if connection.dialect.name == "postgresql" and search_pg.installed(connection):
            return PgBackend()
    return LikeBackend()


class SearchService:
    """Full-text search over meetings, agendas, notes, sources, actions, people and issues."""

    def __init__(self, db: Database, backend: SearchBackend | None = None) -> None:
        self.db = db
        self._backend = backend

    @property
    def backend(self) -> SearchBackend:
        if self._backend is None:
            self._backend = choose_backend(self.db)
        return self._backend

    def search(self, text: str, *, meeting_id: int | None = None, issue_id: int | None = None,
               section: str | None = None, limit: int = PAGE) -> SearchResults:
        """The best ``limit`` hits for ``text``, optionally within a meeting, an issue or a field.

        ``section`` is a field name: a note section (``their_position``…) or any
        other searchable field (``outcome``, ``bio``…; ``db.search.searchable.FIELDS``).
        """
        if section is not None and section not in FIELDS:
            raise ValidationError("section", f"{section!r} is not a searchable field; "
                                             f"choose one of {', '.join(FIELDS)}")
        if limit < 1:
            raise ValidationError("limit", "must be at least 1")
        query = parse_query(text)
        if query.is_empty:
            return SearchResults(text, ())
        with self.db.read() as s:
            found, more = self.backend.candidates(s, query, Scope(meeting_id, issue_id, section), limit)
            groups = _group(_hits(s, found, query))
        return SearchResults(text, groups, more)

    def place(self, hit: SearchHit, current_meeting_id: int | None = None) -> HitPlace:
        """Where the app shows a hit: the meeting to open and what to select there
        (``briefing.search.hit_places``; the meeting open now is preferred for people and issues)."""
        return place_of(self.db, hit, current_meeting_id)


def _meeting_of(row) -> Meeting | None:
    if isinstance(row, Meeting):
        return row
    if isinstance(row, Source):
        return row.note.meeting
    return getattr(row, "meeting", None)


def _context(entity: str, row) -> tuple[str, int | None, int | None]:
    """What the row is (for a result line), the note to open and the issue it is about."""
    if entity == "note":
        return row.issue.title, row.id, row.issue_id
    if entity == "source":
        return f"{row.note.issue.title}: source {row.position + 1}", row.note_id, row.note.issue_id
    if entity == "agenda_item":
        return f"Agenda: {row.title}", None, row.issue_id
    if entity == "action":
        return "Action item", None, row.issue_id
    if entity == "person":
        return row.name, None, None
    if entity == "issue":
        return f"Issue: {row.title}", None, row.id
    if entity == "qa":
        return f"Q&A bank: {row.key}", None, row.issue_id
    if entity == "position":
        return f"Position: {row.issue.title}", None, row.issue_id
    return "Meeting", None, None


#: What each kind of row needs loaded with it to place a hit (one query per kind of row).
_WITH = {
    "agenda_item": (joinedload(AgendaItem.meeting),),
    "note": (joinedload(IssueNote.meeting), joinedload(IssueNote.issue)),
    "source": (joinedload(Source.note).joinedload(IssueNote.meeting),
               joinedload(Source.note).joinedload(IssueNote.issue)),
    "action": (joinedload(ActionItem.meeting),),
    "position": (joinedload(Position.meeting), joinedload(Position.issue)),
}


def _rows(session: Session, found: Iterable[IndexHit]) -> dict[tuple[str, int], object]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for hit in found:
        wanted[hit.entity].add(hit.entity_id)
    rows: dict[tuple[str, int], object] = {}
    for entity, ids in wanted.items():
        model = _MODELS[entity]
        query = select(model).where(model.id.in_(ids)).options(*_WITH.get(entity, ()))
        rows.update(((entity, row.id), row) for row in session.scalars(query).unique())
    return rows


def _hits(session: Session, found: list[IndexHit], query: Query) -> list[tuple[SearchHit, Meeting | None]]:
    """Each found field as a hit (with its excerpt and marks), and the meeting it belongs to."""
    rows = _rows(session, found)
    out = []
    for hit in found:
        row = rows.get((hit.entity, hit.entity_id))
        if row is None:
            continue
        text = getattr(row, hit.field) or ""
        matches = find_matches(text, query)
        snippet, marks = excerpt(text, matches)
        meeting = _meeting_of(row)
        context, note_id, issue_id = _context(hit.entity, row)
        out.append((SearchHit(
            meeting_id=meeting.id if meeting else None, meeting_title=meeting.title if meeting else None,
            entity=hit.entity, entity_id=hit.entity_id, field=hit.field,
            field_label=field_label(hit.entity, hit.field), context=context, note_id=note_id,
            issue_id=issue_id, snippet=snippet, marks=marks, matches=matches, rank=hit.score,
        ), meeting))
    return out


def _group(hits: Iterable[tuple[SearchHit, Meeting | None]]) -> tuple[SearchGroup, ...]:
    """Hits by meeting (newest round first), then people, then the issue library."""
    buckets: dict[object, list[SearchHit]] = defaultdict(list)
    meetings: dict[int, Meeting] = {}
    for hit, meeting in hits:
        if meeting is not None:
            meetings[meeting.id] = meeting
            buckets[meeting.id].append(hit)
        else:
            buckets[PEOPLE if hit.entity == "person" else LIBRARY].append(hit)

    def best_first(key: object) -> tuple[SearchHit, ...]:
        return tuple(sorted(buckets[key], key=lambda h: h.rank))

    ordered = sorted(meetings.values(), key=lambda m: (m.starts_at, m.id), reverse=True)
    groups = [SearchGroup(m.id, m.title, m.starts_at, m.round_no, best_first(m.id)) for m in ordered]
    groups += [SearchGroup(None, name, None, None, best_first(name))
               for name in (PEOPLE, LIBRARY) if name in buckets]
    return tuple(groups)
