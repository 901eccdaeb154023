"""The PostgreSQL server the tests may run against: one fresh database per store a test opens.

``BRIEFBOOK_TEST_PG_URL`` names the server's admin database as a SQLAlchemy URL
(``.ci/postgres start DIR`` prints one for a throw-away cluster). Without it the
PostgreSQL variants of the tests are skipped; with it, a server that cannot be
reached is an error, never a skip, so CI cannot pass without having run them.
"""

from __future__ import annotations

import itertools
import os

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

URL_VARIABLE = "BRIEFBOOK_TEST_PG_URL"
SKIP_REASON = f"{URL_VARIABLE} is not set: no PostgreSQL server to run the PostgreSQL variant on"


def configured_url() -> str | None:
    """The admin URL from the environment, or None."""
    return os.environ.get(URL_VARIABLE) or None


class PostgresServer:
    """Hands out databases for the tests' stores and takes them back when a test ends.

    ``create_database()`` is new and empty (for the tests of creating and
    upgrading a schema); it is dropped afterwards. ``create_store()`` holds this
    build's schema and no data: the first is created by ``Services.open``; given
    back (``release``), a store is emptied (connections closed, every row
    deleted, ids restarted) and handed out again, which is ten times faster
    than creating a database and leaves it as a new store would be.
    """

    _numbers = itertools.count(1)

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine

        self.admin_url = make_url(admin_url)
        self.engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.prefix = f"briefbook_test_{os.getpid()}_"
        self._free_stores: list[str] = []
        self._stores: set[str] = set()
        self._made: list[str] = []

    def check(self) -> str:
        """The server's version string; raises when the server cannot be reached."""
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("SHOW server_version").scalar()

    def create_database(self) -> str:
        """A new, empty database; returns its URL."""
        name = f"{self.prefix}{next(self._numbers)}"
        with self.engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        self._made.append(name)
        return self._url(name)

    def create_store(self) -> str:
        """A database holding an empty store of this build's schema; returns its URL."""
        if self._free_stores:
            return self._free_stores.pop()
        from briefing.services import Services

        url = self.create_database()
        Services.open(url).close()
        self._stores.add(url)
        return url

    def release(self, url: str) -> None:
        """Take back a database handed out here: a store is emptied for reuse, anything else dropped."""
        if url in self._stores and self._empty(url):
            self._free_stores.append(url)
        else:
            self._stores.discard(url)
            self._drop(make_url(url).database)

    def dispose(self) -> None:
        """Drop every database made here and close the admin connection."""
        for name in self._made:
            self._drop(name)
        self.engine.dispose()

    def _url(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def _close_connections(self, name: str) -> None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %(name)s AND pid <> pg_backend_pid()", {"name": name})

    def _empty(self, url: str) -> bool:
        """Delete every row of a store and restart its ids; False when it is no longer this build's schema."""
        from sqlalchemy import create_engine

        from db.models import Base
        from db.revisions import HEAD

        self._close_connections(make_url(url).database)
        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.begin() as connection:
                revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                if revision != HEAD:
                    return False
                # DELETE is much faster than TRUNCATE on tables this small (no new files).
                for table in reversed(Base.metadata.sorted_tables):
                    connection.execute(table.delete())
                # db/search/pg.py: the index, its queue and its row counts
                connection.exec_driver_sql("TRUNCATE fts_pg_index, fts_pg_queue, fts_pg_counts")
                connection.exec_driver_sql(
                    "SELECT setval(oid, 1, false) FROM pg_class WHERE relkind = 'S'")
            return True
        except Exception:  # a test broke the store (dropped a table…): it is dropped instead
            return False
        finally:
            engine.dispose()

    def _drop(self, name: str | None) -> None:
        assert name and name.startswith(self.prefix)
        with self.engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def connect(url: str | None) -> PostgresServer:
    """The server at ``url``; skips without one, fails loudly when it is configured but unreachable."""
    if url is None:
        pytest.skip(SKIP_REASON)
    server = PostgresServer(url)
    try:
        server.check()
    except Exception as error:  # any driver or connection error: say which server and why
        pytest.fail(f"{URL_VARIABLE}={url} is set but the server cannot be used: {error}", pytrace=False)
    return server
