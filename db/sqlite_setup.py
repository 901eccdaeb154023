"""How each SQLite connection of a store is set up: pragmas, transactions, the index's functions.

Foreign keys are enforced only when a connect hook sets the pragma; WAL and
``synchronous=FULL`` keep a crash mid-write from losing a committed action; a
write transaction takes the lock up front (``BEGIN IMMEDIATE``) so two writers
wait for each other (``BUSY_TIMEOUT_MS``) instead of failing. The search index's
triggers call SQL functions that each connection gets as stand-ins, loading the
tokenizer only at their first call.
"""

from __future__ import annotations

from sqlalchemy import Engine, event

BUSY_TIMEOUT_MS = 5000


#: The SQL functions the search index's triggers call (``db.search.fts.register_functions``), with
#: their number of arguments. Each connection gets stand-ins that load ``db.search.fts`` and its
#: tokenizer at their first call (the first write of a searchable field), not when the store
#: opens, and then call what ``db.search.fts`` registers; tests/db/test_index_functions.py checks
#: that this list matches ``db.search.fts``.
INDEX_FUNCTIONS = (("fts_words", 1), ("fts_chars", 1))


class _IndexFunction:
    """Calls the ``db.search.fts`` function of this name, importing ``db.search.fts`` on the first call."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._function = None

    def __call__(self, *args):
        if self._function is None:
            from db.search.fts import register_functions

            found = {}

            class _Collect:  # register_functions(...) as if on a connection: keep the functions
                def create_function(self, name, _narg, function, **_options) -> None:
                    found[name] = function

            register_functions(_Collect())
            self._function = found[self.name]
        return self._function(*args)


def register_index_functions(dbapi_connection) -> None:
    """Give one SQLite connection the index's SQL functions (``INDEX_FUNCTIONS``)."""
    for name, narg in INDEX_FUNCTIONS:
        dbapi_connection.create_function(name, narg, _IndexFunction(name), deterministic=True)


def install_sqlite_hooks(engine: Engine, *, read_only: bool = False) -> None:
    """Give every connection of ``engine`` foreign keys, WAL, the busy timeout and the index's
    functions (``query_only`` instead of WAL when ``read_only``), and make each transaction
    begin with SQLite's own ``BEGIN`` (``BEGIN IMMEDIATE`` for a write)."""
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" hook below issue BEGIN itself (pysqlite's own
        # implicit transactions do not cover SELECTs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()
        # The full-text index's triggers call these (db/search/fts.py).
        register_index_functions(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # A write transaction takes the write lock up front, so two writers wait
        # for each other (busy timeout) instead of failing when one upgrades.
        immediate = connection.get_execution_options().get("briefbook_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
