"""Telling open windows that someone else changed the store, and whether this role may write.

A write on PostgreSQL ends with ``NOTIFY briefbook_changes, '<origin>'`` in its own
transaction (``announce``), so it is sent at commit and never for a rollback, with no
trigger in the schema. ``ChangeWatcher(database).poll()`` says whether another writer
committed since the last poll: on PostgreSQL from a ``LISTEN`` connection of its own
(notifications from this ``Database``'s own writes are skipped), on SQLite from
``PRAGMA data_version`` on a read-only connection of its own, which changes with every
commit made through any other connection (this process's own writes included). A
poll is cheap (a few microseconds on SQLite, one socket read on PostgreSQL) and
raises ``TransientStoreError`` while the server cannot be reached; the next poll
connects again.

``may_write(database)`` asks PostgreSQL whether the current role may change the
store's tables (``has_table_privilege``), so that a read-only member gets a
read-only window rather than an error per keystroke.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from db.errors import TransientStoreError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: A ``db.engine.Database`` (not imported: db.engine imports this module).
Database = Any

#: The PostgreSQL channel every write notifies.
CHANNEL = "briefbook_changes"
#: How long one PostgreSQL poll waits for a notification to arrive (seconds).
POLL_WAIT_S = 0.05
#: The tables a writer must be allowed to change (a read-only role may change none of them).
WRITTEN_TABLES = ("meetings", "issue_notes")


def announce(session: Session, origin: str) -> None:
    """Queue the change notification in ``session``'s transaction (PostgreSQL only; sent at commit)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :origin)"),
                        {"channel": CHANNEL, "origin": origin})


def may_write(database: Database) -> bool:
    """Whether the current PostgreSQL role may insert and update the store's tables
    (True on SQLite, and for a store whose tables do not exist yet)."""
    if database.is_sqlite:
        return True
    with database.engine.connect() as connection:
        for table in WRITTEN_TABLES:
            if connection.execute(text("SELECT to_regclass(:t)"), {"t": table}).scalar() is None:
                return True
            allowed = connection.execute(
                text("SELECT has_table_privilege(current_user, :t, 'INSERT') "
                     "AND has_table_privilege(current_user, :t, 'UPDATE')"), {"t": table}).scalar()
            if not allowed:
                return False
    return True


def current_role(database: Database) -> str:
    """The PostgreSQL role this store is used as (empty on SQLite)."""
    if database.is_sqlite:
        return ""
    with database.engine.connect() as connection:
        return str(connection.execute(text("SELECT current_user")).scalar())


class ChangeWatcher:
    """Says whether another writer changed the store since the last ``poll()``.

    Safe to poll from any thread, one poll at a time (a lock keeps it so); ``close()``
    when the window closes.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self._lock = threading.Lock()
        self._connection: Any = None
        self._last: int | None = None
        # The first connection on PostgreSQL, and any after a lost one, says "changed": what
        # happened while nobody listened is unknown (the window read the store before).
        self._lost = not database.is_sqlite
        database.after_commit.append(self._absorb)

    def poll(self) -> bool:
        """True when someone else committed since the last poll (the first poll only connects)."""
        with self._lock:
            try:
                if self.database.is_sqlite:
                    return self._poll_sqlite()
                return self._poll_postgresql()
            except (sqlite3.Error, OSError, TransientStoreError) as error:
                self._drop()
                raise TransientStoreError(f"{self.database.location} cannot be reached ({error}).") from None
            except Exception as error:  # noqa: BLE001 - the driver's own errors: the connection is gone
                self._drop()
                raise TransientStoreError(
                    f"{self.database.location} cannot be reached ({type(error).__name__}: {error})."
                ) from None

    def begin(self) -> None:
        """Note where the store is now, before the window reads it (SQLite: a connection and one
        pragma, well under a millisecond; on PostgreSQL the first poll connects, in the background)."""
        if self.database.is_sqlite:
            self.poll()

    def _absorb(self) -> None:
        """This store's own write has committed: on SQLite, it is no change from someone else
        (a commit by another writer in the same instant goes unseen until the next change)."""
        if not self.database.is_sqlite:
            return
        with self._lock:
            if self._connection is not None and self._last is not None:
                try:
                    self._last = self._connection.execute("PRAGMA data_version").fetchone()[0]
                except sqlite3.Error:
                    self._last = None

    def _poll_sqlite(self) -> bool:
        if self._connection is None:
            path = self.database.path
            if path is None:
                return False  # an in-memory store has no other writers
            self._connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                               check_same_thread=False, isolation_level=None)
        version = self._connection.execute("PRAGMA data_version").fetchone()[0]
        changed = self._last is not None and version != self._last
        self._last = version
        return changed

    def _poll_postgresql(self) -> bool:
        if self._connection is None:
            raw = self.database.engine.raw_connection()
            connection = raw.driver_connection
            raw.detach()  # ours for good: a LISTEN must outlive the pool's resets
            connection.rollback()
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            self._connection = connection
            lost, self._lost = self._lost, False
            return lost
        origin = self.database.origin
        return any(note.payload != origin for note in self._connection.notifies(timeout=POLL_WAIT_S))

    def _drop(self) -> None:
        connection, self._connection, self._last = self._connection, None, None
        self._lost = True
        if connection is not None:
            try:
                connection.close()
            except Exception:  # noqa: BLE001,S110 - already broken: nothing more to close
                pass

    def close(self) -> None:
        """Close the watcher's own connection."""
        if self._absorb in self.database.after_commit:
            self.database.after_commit.remove(self._absorb)
        with self._lock:
            self._drop()
            self._lost = False
