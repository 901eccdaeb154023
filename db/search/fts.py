"""The SQLite full-text index: its table, the triggers that keep it in step, and its queries.

**Shape.** One FTS5 table, ``fts_index``, with one row per non-empty searchable
field of each live row (``db/search/searchable.py``). Its rowid packs the row's id,
kind and field (``id * STRIDE + code * 8 + field``), so a row's index entries are
found and replaced by a rowid range without a lookup table. Columns: ``words``
and ``chars`` (the token streams of ``db/search/text.py``: words and CJK
bigrams; CJK unigrams) and ``scope``, tokens that let a filter run inside the
index: ``e<kind> f<field> m<meeting id> i<issue id>``.

**In step with every write.** Triggers on the base tables rewrite the affected
index rows in the same transaction as the write, whoever makes it: services,
import, undo, carry forward. Their cost follows what changed: an insert indexes
the row; an update re-indexes each field whose value changed, alone (one
trigger per field, ``WHEN OLD.f IS NOT NEW.f``: saving a line of a note beside a
100-page section does not re-tokenize that section); a change of a row's Trash
mark or links re-indexes the whole row, and a meeting or note moved to or from
the Trash everything inside it; a delete removes the row's entries. The
triggers call two SQL functions, ``fts_words`` and ``fts_chars``, that
``register_functions`` adds to every connection Briefbook opens
(``db/engine.py``); a program that writes the file without them gets an error
("no such function") rather than a silently stale index.

**One definition.** ``install`` creates the table and triggers and fills the
index from the base tables; both the fresh-store path (``db/migrate.py``) and
migration 0002 call it. A later change to the index is a new migration that
calls ``install`` again (it starts by dropping what is there); a change to the
triggers alone calls ``replace_triggers`` (migration 0003).

**The first page without scoring every match.** ``search`` ranks by BM25 only
within a bounded candidate set: the ``pool`` most recent matches (highest
rowid, i.e. most recently created rows; FTS5 walks a doclist backwards without
sorting), then keeps the best ``limit`` of those. For a rare or middling term
the pool holds every match and the ranking is exact; for a word found in half
the store, cost stays bounded by the pool and recent rounds win — what a
negotiator preparing the next round wants. Sorting all matches by rank (FTS5's
``ORDER BY rank``) would score every one of them first, and even scoring only
the pool with FTS5's ``bm25()`` reads the whole doclist of every query word to
count its rows; ``db/search/rank.py`` computes the same BM25 for the pool with
bounded work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from db.search.rank import Bm25
from db.search.searchable import BY_ENTITY, SEARCHABLE, STRIDE, Searchable, decode_rowid
from db.search.text import CJK, Query, Term, bigrams, index_chars, index_words

TABLE = "fts_index"
#: Column weights for BM25: words, chars, scope (filters must not change the ranking).
WEIGHTS = (1.0, 0.5, 0.0)
#: Prefix indexes for 2- and 3-letter prefixes keep as-you-type queries from merging
#: thousands of doclists ("co*"); longer prefixes expand to few terms.
PREFIX = "2 3"


def register_functions(dbapi_connection) -> None:
    """Add the token functions the index triggers call to one SQLite connection."""
    dbapi_connection.create_function("fts_words", 1, index_words, deterministic=True)
    dbapi_connection.create_function("fts_chars", 1, index_chars, deterministic=True)


# -- DDL -------------------------------------------------------------------------


def _token(prefix: str, name: str) -> str:
    return prefix + name.replace("_", "")


def _scope_sql(s: Searchable, field: str) -> str:
    fixed = f"{_token('e', s.entity)} {_token('f', field)}"
    return f"'{fixed}' || coalesce(' m' || {s.meeting}, '') || coalesce(' i' || {s.issue}, '')"


def _insert_sql(s: Searchable, where: str, only: str | None = None) -> str:
    """Index every searchable field (or field ``only``) of the live rows of ``s`` that satisfy ``where``."""
    selects = [
        f"SELECT t.id * {STRIDE} + {s.code * 8 + i}, fts_words(t.{f}), fts_chars(t.{f}), {_scope_sql(s, f)} "
        f"FROM {s.source} WHERE {s.alive} AND t.{f} <> '' AND ({where})"
        for i, f in enumerate(s.fields) if only in (None, f) and f not in _ABSENT.get(s.table, ())
    ]
    return f"INSERT INTO {TABLE}(rowid, words, chars, scope) " + " UNION ALL ".join(selects)


def _delete_one_sql(s: Searchable, row_id: str) -> str:
    low = f"{row_id} * {STRIDE} + {s.code * 8}"
    return f"DELETE FROM {TABLE} WHERE rowid BETWEEN {low} AND {low} + 7"


def _delete_where_sql(s: Searchable, where: str) -> str:
    ids = f"SELECT t.id FROM {s.table} AS t WHERE {where}"
    rowids = " UNION ALL ".join(f"SELECT id * {STRIDE} + {s.code * 8 + i} FROM ({ids})"
                                for i in range(len(s.fields)))
    return f"DELETE FROM {TABLE} WHERE rowid IN ({rowids})"


def _trigger(name: str, event: str, table: str, body: Sequence[str], when: str = "") -> str:
    statements = "".join(f"  {statement};\n" for statement in body)
    condition = f" WHEN {when}" if when else ""
    return f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{condition} BEGIN\n{statements}END"


def _changed(columns: Sequence[str]) -> str:
    """SQL true when an update really changed one of ``columns`` (not merely named it)."""
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


#: Rows inside a container: when the container goes to or comes back from the Trash,
#: these are re-indexed (condition on the child ``t`` given the container's NEW row).
_INSIDE = {
    "meetings": (
        ("agenda_item", "t.meeting_id = NEW.id"),
        ("note", "t.meeting_id = NEW.id"),
        ("action", "t.meeting_id = NEW.id"),
        ("position", "t.meeting_id = NEW.id"),
        ("source", "t.note_id IN (SELECT id FROM issue_notes WHERE meeting_id = NEW.id)"),
    ),
    "issue_notes": (("source", "t.note_id = NEW.id"),),
}


def _links(s: Searchable) -> list[str]:
    """The columns that place a row (its Trash mark and links): a change re-indexes all its fields."""
    links = re.findall(r"\bt\.(\w+)", f"{s.source} {s.issue}")
    columns = [*(["deleted_at"] if s.trashable else []), *links]
    return [c for c in dict.fromkeys(columns) if c != "id" and c not in s.fields]


def _field_triggers(s: Searchable) -> list[str]:
    """One trigger per field: an update that changes a field re-indexes that field alone.

    A save of one section of a note with a 100-page background re-tokenizes the
    section, not the background; an update that names a field without changing
    it (an ORM writing every column, an undo back to the same text) costs nothing.
    """
    one = "t.id = NEW.id"
    return [
        _trigger(f"fts_{s.table}_set_{field}", f"UPDATE OF {field}", s.table,
                 [f"DELETE FROM {TABLE} WHERE rowid = OLD.id * {STRIDE} + {s.code * 8 + index}",
                  _insert_sql(s, one, only=field)],
                 when=_changed([field]))
        for index, field in enumerate(s.fields) if field not in _ABSENT.get(s.table, ())
    ]


def ddl() -> list[str]:
    """Every statement that creates the index and its triggers (the one definition)."""
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(words, chars, scope, "
        f"tokenize = 'unicode61 remove_diacritics 0', prefix = '{PREFIX}')",
        *trigger_ddl(),
    ]


def trigger_ddl() -> list[str]:
    """The statements that create the triggers keeping the index in step with the base tables."""
    statements: list[str] = []
    for s in SEARCHABLE:
        if s.fields == _ABSENT.get(s.table):
            continue
        one = "t.id = NEW.id"
        statements += [
            _trigger(f"fts_{s.table}_insert", "INSERT", s.table, [_insert_sql(s, one)]),
            *_field_triggers(s),
            _trigger(f"fts_{s.table}_delete", "DELETE", s.table, [_delete_one_sql(s, "OLD.id")]),
        ]
        links = _links(s)
        if links:
            statements.append(_trigger(
                f"fts_{s.table}_placed", f"UPDATE OF {', '.join(links)}", s.table,
                [_delete_one_sql(s, "OLD.id"), _insert_sql(s, one)], when=_changed(links)))
    for table, children in _INSIDE.items():
        body: list[str] = []
        for entity, where in children:
            child = BY_ENTITY[entity]
            if child.fields == _ABSENT.get(child.table):
                continue
            body += [_delete_where_sql(child, where), _insert_sql(child, where)]
        statements.append(_trigger(f"fts_{table}_contents", "UPDATE OF deleted_at", table, body,
                                   when=_changed(["deleted_at"])))
    return statements


def installed(connection: Connection) -> bool:
    """Whether this store has the full-text index."""
    return connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :t"), {"t": TABLE}
    ).first() is not None


def trigger_names(connection: Connection) -> list[str]:
    """The index's triggers in this store (every trigger named ``fts_…``)."""
    return list(connection.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fts\\_%' ESCAPE '\\' "
        "ORDER BY name"
    )).scalars())


def _drop_triggers(connection: Connection) -> None:
    for name in trigger_names(connection):
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')


def uninstall(connection: Connection) -> None:
    """Drop the index and its triggers (the base tables are untouched)."""
    _drop_triggers(connection)
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


#: Searchable fields (by table) that the store being indexed has not got yet: a migration
#: older than the field (0002 installs the index from this build's list) indexes the rest.
_ABSENT: dict[str, tuple[str, ...]] = {}


def _note_absent(connection: Connection) -> None:
    """Fill ``_ABSENT`` for ``connection``'s schema (a missing table: all its fields)."""
    _ABSENT.clear()
    for s in SEARCHABLE:
        columns = {row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({s.table})")}
        missing = tuple(f for f in s.fields if f not in columns)
        if missing:
            _ABSENT[s.table] = s.fields if not columns else missing


def replace_triggers(connection: Connection) -> None:
    """Put this build's triggers in place of the store's, keeping the index as it is.

    For a change to the triggers alone (what they re-index, not what a field's
    tokens are): the index's content stays valid, so it is not rebuilt.
    """
    _drop_triggers(connection)
    _note_absent(connection)
    try:
        for statement in trigger_ddl():
            connection.exec_driver_sql(statement)
    finally:
        _ABSENT.clear()


def install(connection: Connection) -> None:
    """(Re)create the index and its triggers and fill it from the base tables."""
    uninstall(connection)
    _note_absent(connection)
    try:
        for statement in ddl():
            connection.exec_driver_sql(statement)
        for s in SEARCHABLE:
            if s.fields != _ABSENT.get(s.table):
                connection.exec_driver_sql(_insert_sql(s, "1 = 1"))
    finally:
        _ABSENT.clear()
    connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")


# -- queries -----------------------------------------------------------------------


def _quote(words: Sequence[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def _term_sql(term: Term) -> str:
    if term.kind == CJK:
        run = term.parts[0]
        if len(run) == 1:
            return f"chars : {_quote([run])}"
        return f"words : {_quote(bigrams(run))}"
    return f"words : {_quote(term.parts)}{' *' if term.prefix else ''}"


@dataclass(frozen=True, slots=True)
class Scope:
    """Filters that run inside the index: a meeting, a library issue, a field."""

    meeting_id: int | None = None
    issue_id: int | None = None
    field: str | None = None

    def tokens(self) -> list[str]:
        out = []
        if self.meeting_id is not None:
            out.append(f"m{int(self.meeting_id)}")
        if self.issue_id is not None:
            out.append(f"i{int(self.issue_id)}")
        if self.field is not None:
            out.append(_token("f", self.field))
        return out


def match_expression(query: Query, scope: Scope = Scope()) -> str | None:
    """The FTS5 MATCH string for a parsed query, built from its tokens (never the user's raw text)."""
    if query.is_empty:
        return None
    positive = [f"({_term_sql(t)})" for t in query.positive]
    positive += [f"(scope : {_quote([token])})" for token in scope.tokens()]
    expression = " AND ".join(positive)
    if query.negative:
        expression = f"({expression}) NOT ({' OR '.join(_term_sql(t) for t in query.negative)})"
    return expression


@dataclass(frozen=True, slots=True)
class IndexHit:
    """One matching field of one row, with its BM25 score (lower is better)."""

    entity: str
    entity_id: int
    field: str
    score: float


def search(session: Session, query: Query, scope: Scope, *, limit: int,
           pool: int) -> tuple[list[IndexHit], bool]:
    """The best ``limit`` hits among the ``pool`` most recent matches; and whether there were more."""
    expression = match_expression(query, scope)
    if expression is None:
        return [], False
    rows = session.execute(text(
        f"SELECT rowid, words, chars, scope FROM {TABLE} WHERE {TABLE} MATCH :q "
        "ORDER BY rowid DESC LIMIT :pool"), {"q": expression, "pool": pool}).all()
    if not rows:
        return [], False
    alone = len(query.positive) == 1 and not query.negative and not scope.tokens()
    bm25 = Bm25.prepare(session, TABLE, query.positive, _term_sql, WEIGHTS,
                        matches=[row[0] for row in rows] if alone else None)
    ranked = sorted((bm25.score(row[1:]), -row[0]) for row in rows)
    hits = []
    for score, negative_rowid in ranked[:limit]:
        s, entity_id, field = decode_rowid(-negative_rowid)
        hits.append(IndexHit(s.entity, entity_id, field, score))
    return hits, len(rows) > limit


def include_in_autogenerate(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's ``include_object``: the index's tables (``fts_…``) have no model and are left out."""
    return not (type_ == "table" and name is not None and name.startswith("fts_"))


def document_counts(connection: Connection, terms: Sequence[str]) -> dict[str, int]:
    """How many index rows hold each term in ``words`` (fts5vocab; used to pick benchmark queries)."""
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, {TABLE}, 'col')")
    counts: dict[str, int] = {}
    for term in terms:
        counts[term] = connection.execute(text(
            "SELECT doc FROM temp.fts_vocab WHERE term = :t AND col = 'words'"), {"t": term}).scalar() or 0
    return counts
