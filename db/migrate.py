"""Bring a store's schema to this build's revision, cheaply when nothing is due.

The revision lives in Alembic's own ``alembic_version`` table. Start-up reads it
with one query; Alembic itself is imported only when an upgrade is due. A new
store is created from the models and stamped with the head revision; a store
stamped with a revision this build does not know (a newer Briefbook wrote it) is
refused untouched. On SQLite a new store also gets the full-text index
(``db/fts.py``), the same one migration 0002 adds to an older store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Column, Connection, MetaData, String, Table, inspect, select

from db import fts
from db.engine import Database
from db.errors import SchemaTooNewError, StoreError
from db.models import Base

#: Every revision this build can upgrade from, oldest first; the last is the head.
#: tests/db/test_migrations.py checks this against the scripts in db/migrations.
REVISIONS: tuple[str, ...] = ("0001", "0002")
HEAD = REVISIONS[-1]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

_version_table = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), primary_key=True),
)


def current_revision(connection: Connection) -> str | None:
    """The store's revision, or None for a store Alembic never stamped."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(select(_version_table.c.version_num)).scalar()


def ensure_schema(database: Database, backup: Callable[[str], object] | None = None) -> str:
    """Create, check or upgrade the schema; returns what was done ("created", "current", "upgraded").

    ``backup(reason)`` is called before an upgrade touches an existing store.
    """
    with database.engine.connect() as connection:
        revision = current_revision(connection)
        has_tables = bool(inspect(connection).get_table_names())
    if revision == HEAD:
        return "current"
    if revision is None:
        if has_tables:
            raise StoreError(
                f"{database.location} is a database, but not a Briefbook one. "
                "It has not been changed; choose another file."
            )
        _create(database)
        return "created"
    if revision not in REVISIONS:
        raise SchemaTooNewError(database.location, revision)
    if backup is not None:
        backup(f"before-upgrade-{revision}-to-{HEAD}")
    upgrade(database)
    return "upgraded"


def _create(database: Database) -> None:
    with database.engine.begin() as connection:
        Base.metadata.create_all(connection)
        if database.is_sqlite:
            fts.install(connection)
        _version_table.create(connection)
        connection.execute(_version_table.insert().values(version_num=HEAD))


def alembic_config(connection: Connection | None = None):
    """An Alembic Config pointing at the migrations shipped inside this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(database: Database, revision: str = "head") -> None:
    """Run Alembic's upgrade to ``revision`` in one transaction."""
    from alembic import command

    with database.engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
