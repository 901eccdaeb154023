"""The portable search: case-insensitive ``LIKE`` over the same fields, for stores without FTS5.

What happens on PostgreSQL today: this. Each searchable field (``db/search/searchable.py``)
is scanned with ``fold(field) LIKE '%term%'`` for every term (a phrase is
its words joined by one space; excluded terms are ``NOT LIKE``), newest rows
first, without ranking (every score is 0). It finds substrings, so Japanese of
any length works; it scans the tables, so it slows down with the store's size.
A PostgreSQL full-text backend (``tsvector`` with a GIN index, or ``pg_trgm``)
can replace it behind ``briefing.search.service.SearchBackend``.

The query's terms come folded the way the index folds text (``db.search.text``:
NFKC, case folding, accents removed), so the field must be folded alike or a
word typed exactly as written would not be found (``México`` is the term
``mexico``). On PostgreSQL ``fold`` is ``lower`` between Unicode normalisations,
with combining accents removed (NFKD decomposes ``é`` into ``e`` and an accent;
the voicing marks of kana are not accents and stay, on both sides); the term is
decomposed the same way. An SQLite store whose SQLite lacks FTS5 uses this scan
too, with SQLite's ``lower`` (ASCII letters only), which folds nothing else: there
a word with accents or full-width letters is not found.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.search.fts import IndexHit, Scope
from db.search.searchable import SEARCHABLE, Searchable
from db.search.text import CJK, Query, Term

#: Combining accents (diacritical marks and their supplements, half marks), removed on PostgreSQL.
ACCENTS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_ACCENT = re.compile(f"[{ACCENTS}]")
#: Between the words of a phrase on PostgreSQL: anything that is not a letter or digit.
_SEPARATOR = "[^[:alnum:]]+"


def folded(expression: str, dialect: str) -> str:
    """SQL for ``expression`` folded for matching (see the module docstring).

    On PostgreSQL, ``lower`` is made a case fold for the two letters whose fold
    differs (``ß`` is ``ss``, final ``ς`` is ``σ``), as the query's terms are.
    """
    if dialect != "postgresql":
        return f"lower({expression})"
    lowered = f"replace(translate(lower(normalize({expression}, NFKC)), 'ς', 'σ'), 'ß', 'ss')"
    return f"regexp_replace(normalize({lowered}, NFKD), '[{ACCENTS}]', '', 'g')"


def like_pattern(term: Term) -> str:
    """``%…%`` for a term, with LIKE's own wildcards escaped (``\\`` is the escape character)."""
    needle = term.parts[0] if term.kind == CJK else " ".join(term.parts)
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _decomposed(part: str) -> str:
    return _ACCENT.sub("", unicodedata.normalize("NFKD", part))


def _condition(column: str, term: Term, name: str, params: dict, dialect: str) -> str:
    """SQL that is true when ``column`` holds ``term`` (or does not, for an excluded term)."""
    negation = "NOT " if term.negated else ""
    if dialect != "postgresql":
        params[name] = like_pattern(term)
        return f"{folded(column, dialect)} {negation}LIKE :{name} ESCAPE '\\'"
    if term.kind == CJK or len(term.parts) == 1:
        params[name] = like_pattern(Term(term.kind, tuple(_decomposed(p) for p in term.parts)))
        return f"{folded(column, dialect)} {negation}LIKE :{name} ESCAPE '\\'"
    # A phrase: its words with any punctuation or spacing between them, as the index matches
    # it ("d'Ivoire" is the phrase "d ivoire"). Words are letters and digits: nothing to escape.
    params[name] = _SEPARATOR.join(_decomposed(p) for p in term.parts)
    return f"{folded(column, dialect)} {'!' if term.negated else ''}~ :{name}"


def _field_sql(s: Searchable, field: str, query: Query, scope: Scope, params: dict, dialect: str) -> str:
    conditions = [s.alive, f"t.{field} <> ''"]
    for number, term in enumerate(query.terms):
        conditions.append(_condition(f"t.{field}", term, f"p{number}", params, dialect))
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
    dialect = session.get_bind().dialect.name
    for s in SEARCHABLE:
        if scope.meeting_id is not None and s.meeting == "NULL":
            continue
        if scope.issue_id is not None and s.issue == "NULL":
            continue
        for field in s.fields:
            if scope.field is not None and field != scope.field:
                continue
            params: dict = {"n": limit + 1}
            sql = _field_sql(s, field, query, scope, params, dialect)
            hits += [IndexHit(s.entity, row_id, field, 0.0)
                     for row_id in session.execute(text(sql), params).scalars()]
    hits.sort(key=lambda h: -h.entity_id)
    return hits[:limit], len(hits) > limit
