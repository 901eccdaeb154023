"""Copy a whole store into another (SQLite ⇄ PostgreSQL): every table of the models, rows as they are.

Generic over ``db.models``: the tables go in foreign-key order
(``MetaData.sorted_tables``), so a table added by a later feature comes along
without a change here. Each row is copied column by column through the models'
types (ids, version counters, Trash marks and times unchanged), in batches. A
column that points at its own table (a meeting's ``previous_id``, a revision's
``restored_from_id``) is copied empty and set once the whole table is in, so rows
may point forwards. Derived tables are not copied but rebuilt by the target's own
triggers as the rows arrive: SQLite's FTS5 index, PostgreSQL's search index.
PostgreSQL's id sequences are moved past the copied ids, so the next row added
there does not collide.

The whole copy is one transaction on the target (all of it, or nothing), read from
one snapshot of the source.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Table, bindparam, func, select, text

from db.engine import Database
from db.errors import StoreError

BATCH = 1000


def tables() -> list[Table]:
    """Every table of the models, parents before children."""
    from db.models import Base

    return list(Base.metadata.sorted_tables)


def row_counts(connection: Connection) -> dict[str, int]:
    """How many rows each table of the models holds."""
    return {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one() for t in tables()}


def _write_engine(database: Database):
    engine = database.engine
    return engine.execution_options(briefbook_write=True) if database.is_sqlite else engine


def copy_store(source: Database, target: Database, *, replace: bool = False,
               progress: Callable[[str, int], object] | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into ``target`` (both at this build's schema); rows per table.

    A target holding anything is refused (``StoreError``) unless ``replace``, which
    deletes what it holds first, in the same transaction as the copy.
    """
    target.check_writable()
    copied: dict[str, int] = {}
    with source.engine.connect() as reader, _write_engine(target).begin() as writer:
        if source.engine.dialect.name == "postgresql":
            reader.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        held = {name: n for name, n in row_counts(writer).items() if n}
        if held and not replace:
            listed = ", ".join(f"{n} {name}" for name, n in sorted(held.items()))
            raise StoreError(f"{target.location} is not empty ({listed}). Nothing was copied; "
                             "copy into a new store, or add --replace to overwrite it.")
        for table in reversed(tables()):
            if held.get(table.name):
                writer.execute(table.delete())
        for table in tables():
            copied[table.name] = _copy_table(reader, writer, table)
            if progress is not None:
                progress(table.name, copied[table.name])
        if target.engine.dialect.name == "postgresql":
            _move_sequences(writer)
    return copied


def _copy_table(reader: Connection, writer: Connection, table: Table) -> int:
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    key = [c.name for c in table.primary_key.columns]
    links: list[dict] = []
    count = 0
    result = reader.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(table).order_by(*table.primary_key.columns))
    for batch in result.mappings().partitions(BATCH):
        rows = [dict(row) for row in batch]
        for row in rows:
            if any(row[name] is not None for name in own):
                links.append({**{f"k_{k}": row[k] for k in key}, **{f"v_{n}": row[n] for n in own}})
                for name in own:
                    row[name] = None
        writer.execute(table.insert(), rows)
        count += len(rows)
    if links:
        update = table.update().where(*(table.c[k] == bindparam(f"k_{k}") for k in key)).values(
            {name: bindparam(f"v_{name}") for name in own})
        writer.execute(update, links)
    return count


def _move_sequences(writer: Connection) -> None:
    for table in tables():
        for column in table.primary_key.columns:
            sequence = writer.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                      {"t": table.name, "c": column.name}).scalar()
            if sequence:
                writer.execute(text(f"SELECT setval(:s, coalesce((SELECT max({column.name}) "
                                    f"FROM {table.name}), 0) + 1, false)"), {"s": sequence})
