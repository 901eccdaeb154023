"""The portable search: plain case-insensitive ``LIKE`` over the same fields, for stores without FTS5.

What happens on PostgreSQL today: this. Each searchable field (``db/searchable.py``)
is scanned with ``lower(field) LIKE '%term%'`` for every term (a phrase is
its words joined by one space; excluded terms are ``NOT LIKE``), newest rows
first, without ranking (every score is 0). It finds substrings, so Japanese of
any length works; it does not fold accents or full-width letters the way the
SQLite index does, and it scans the tables, so it slows down with the store's
size. A PostgreSQL full-text backend (``tsvector`` with a GIN index, or
``pg_trgm``) can replace it behind ``briefing.search.SearchBackend``.
An SQLite store whose SQLite lacks FTS5 uses it too.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.fts import IndexHit, Scope
from db.search_text import CJK, Query, Term
from db.searchable import SEARCHABLE, Searchable


def like_pattern(term: Term) -> str:
    """``%…%`` for a term, with LIKE's own wildcards escaped (``\\`` is the escape character)."""
    needle = term.parts[0] if term.kind == CJK else " ".join(term.parts)
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _field_sql(s: Searchable, field: str, query: Query, scope: Scope, params: dict) -> str:
    conditions = [s.alive, f"t.{field} <> ''"]
    for number, term in enumerate(query.terms):
        name = f"p{number}"
        params[name] = like_pattern(term)
        negation = "NOT " if term.negated else ""
        conditions.append(f"lower(t.{field}) {negation}LIKE :{name} ESCAPE '\\'")
    if scope.meeting_id is not None:
        conditions.append(f"{s.meeting} = :meeting_id")
        params["meeting_id"] = scope.meeting_id
    if scope.issue_id is not None:
        conditions.append(f"{s.issue} = :issue_id")
        params["issue_id"] = scope.issue_id
    return f"SELECT t.id FROM {s.source} WHERE {' AND '.join(conditions)} ORDER BY t.id DESC LIMIT :n"


def search(session: Session, query: Query, scope: Scope, *, limit: int) -> tuple[list[IndexHit], bool]:
    """Up to ``limit`` matching fields, newest rows first; and whether there were more."""
    if query.is_empty:
        return [], False
    hits: list[IndexHit] = []
    for s in SEARCHABLE:
        if scope.meeting_id is not None and s.meeting == "NULL":
            continue
        if scope.issue_id is not None and s.issue == "NULL":
            continue
        for field in s.fields:
            if scope.field is not None and field != scope.field:
                continue
            params: dict = {"n": limit + 1}
            sql = _field_sql(s, field, query, scope, params)
            hits += [IndexHit(s.entity, row_id, field, 0.0)
                     for row_id in session.execute(text(sql), params).scalars()]
    hits.sort(key=lambda h: -h.entity_id)
    return hits[:limit], len(hits) > limit
