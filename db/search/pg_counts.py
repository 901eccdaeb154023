"""How many index rows hold each lexeme, kept exact by the queue flush: BM25's row counts in one read.

BM25 weighs each query word by how many index rows hold it. SQLite reads that
from FTS5's doclist; the PostgreSQL index would have to fetch the matching rows
(GIN knows row positions, not rowids, and cannot count without visiting the
heap): 1,000 heap pages for a middling word, each time two words are searched.
Instead ``fts_pg_counts`` holds, for every lexeme of the index that is not a
``#`` token (scope, recency), the number of index rows whose ``tsvector`` holds
it. ``db/search/pg.py`` adds the changes of each flush (rows it removed count
down, rows it wrote count up) in one statement, in lexeme order, so two
desktops saving at once lock shared rows ("the", "trade") in the same order
and wait for each other briefly instead of deadlocking.

A phrase's or a long prefix's row count is not a lexeme's: those are still
counted from their matches (``pg.search``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

COUNTS = "fts_pg_counts"


def ddl() -> list[str]:
    """The statement creating the counts table."""
    return [f"CREATE TABLE {COUNTS} (lexeme text PRIMARY KEY, rows integer NOT NULL)"]


def counted(lexemes: Iterable[str]) -> list[str]:
    """The lexemes of one index row that are counted (its distinct non-``#`` ones)."""
    return [lexeme for lexeme in lexemes if not lexeme.startswith("#")]


def apply(cursor, changes: Counter) -> None:
    """Add ``changes`` (lexeme → rows gained, negative for rows lost) in lexeme order.

    ``cursor`` is a DB-API cursor in the writing transaction.
    """
    moved = sorted((lexeme, delta) for lexeme, delta in changes.items() if delta)
    if not moved:
        return
    cursor.execute(
        f"INSERT INTO {COUNTS} (lexeme, rows) SELECT * FROM unnest(%s::text[], %s::integer[]) "
        f"ORDER BY 1 ON CONFLICT (lexeme) DO UPDATE SET rows = {COUNTS}.rows + EXCLUDED.rows",
        ([lexeme for lexeme, _ in moved], [delta for _, delta in moved]))


def fill(connection: Connection, table: str) -> None:
    """Count every lexeme of the index ``table`` afresh (when the table was filled without counting)."""
    connection.exec_driver_sql(f"TRUNCATE {COUNTS}")
    connection.exec_driver_sql(
        f"INSERT INTO {COUNTS} (lexeme, rows) SELECT lexeme, count(*) FROM {table}, "
        "unnest(tsvector_to_array(terms)) AS lexeme WHERE left(lexeme, 1) <> '#' GROUP BY lexeme")


def rows_holding(session: Session, lexemes: Sequence[str]) -> dict[str, int]:
    """How many index rows hold each of ``lexemes`` (0 for a lexeme no row holds)."""
    if not lexemes:
        return {}
    found = dict(session.execute(text(f"SELECT lexeme, rows FROM {COUNTS} WHERE lexeme = ANY(:l)"),
                                 {"l": list(lexemes)}).all())
    return {lexeme: found.get(lexeme, 0) for lexeme in lexemes}
