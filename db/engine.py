"""Engine and session set-up: the one place that knows which database is in use.

The store is a SQLAlchemy URL. SQLite (the default, a file in the user's data
directory) gets foreign keys, WAL, a busy timeout and real transactions through
connect/begin hooks; any other backend (PostgreSQL for a shared team store) is
used as SQLAlchemy configures it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "Briefbook"
DB_FILENAME = "briefbook.db"
BUSY_TIMEOUT_MS = 5000


def default_data_dir() -> Path:
    """The user's data directory for Briefbook (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    """The default store: an SQLite file in the user's data directory."""
    return f"sqlite:///{default_data_dir() / DB_FILENAME}"


def normalize_url(url_or_path: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as an SQLite file)."""
    if "://" in url_or_path:
        return url_or_path
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other backends and in-memory stores."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def _install_sqlite_hooks(engine: Engine) -> None:
    from db.fts import register_functions

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" hook below issue BEGIN itself (pysqlite's own
        # implicit transactions do not cover SELECTs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()
        # The full-text index's triggers call these (db/fts.py).
        register_functions(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # A write transaction takes the write lock up front, so two writers wait
        # for each other (busy timeout) instead of failing when one upgrades.
        immediate = connection.get_execution_options().get("briefbook_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """An open store: its URL, engine, and sessions for reading or writing."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self.is_sqlite = make_url(url).get_backend_name() == "sqlite"
        self.engine = create_engine(url, echo=echo)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
            writer = self.engine.execution_options(briefbook_write=True)
        else:
            writer = self.engine
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer = sessionmaker(bind=writer, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for one read-only action."""
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session for one user action that writes; commits on success, rolls back on error."""
        with self._writer() as session, session.begin():
            yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    @property
    def location(self) -> str:
        """A human-readable name for the store (the file, or the URL without password)."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)
