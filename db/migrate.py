"""Bring a store's schema to this build's revision, cheaply when nothing is due.

The revision lives in Alembic's own ``alembic_version`` table. Start-up reads it
with one query; Alembic itself is imported only when an upgrade is due. A new
store is created from the models and stamped with the head revision; a store
stamped with a revision this build does not know (a newer Briefbook wrote it) is
refused untouched. On SQLite a new store also gets the full-text index
(``db/search/fts.py``), the same one migration 0002 adds to an older store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Column, Connection, MetaData, String, Table, inspect, select

from db import revisions
from db.engine import Database
from db.errors import ReadOnlyStoreError, SchemaTooNewError, StoreError

#: Every revision this build can upgrade from, oldest first; the last is the head.
#: tests/db/test_migrations.py checks this against the scripts in db/migrations.

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
        if revision == revisions.HEAD:
            return "current"
        has_tables = bool(inspect(connection).get_table_names())
    if revision is None:
        if has_tables:
            raise StoreError(
                f"{database.location} is a database, but not a Briefbook one. "
                "It has not been changed; choose another file."
            )
        if database.read_only:
            raise ReadOnlyStoreError(
                f"{database.location} is empty and read-only ({database.read_only_reason}), "
                "so no Briefbook store can be created in it. Choose a file you can write to."
            )
        if not _create(database):  # another process created it meanwhile: check what it made
            return ensure_schema(database, backup)
        return "created"
    if revision not in revisions.REVISIONS:
        raise SchemaTooNewError(database.location, revision)
    if database.read_only:
        raise ReadOnlyStoreError(
            f"{database.location} was written by an older Briefbook (schema {revision!r}) and must be "
            f"upgraded, but it is read-only ({database.read_only_reason}). It has not been changed. "
            "Open it once where it can be written (a backup is made before the upgrade)."
        )
    if backup is not None:
        backup(f"before-upgrade-{revision}-to-{revisions.HEAD}")
    try:
        upgrade(database)
    except StoreError:
        raise
    except Exception as error:  # a failed migration script: its transaction was rolled back
        raise StoreError(
            f"Upgrading {database.location} from schema {revision!r} to {revisions.HEAD!r} failed ({error}). "
            "The upgrade was undone and the store is as it was. Please report this."
        ) from error
    return "upgraded"


def _create(database: Database) -> bool:
    """Create the schema in one transaction; False when another process had created it meanwhile.

    Two processes may both find a new store empty (two ``briefbook --db new.db …``
    started together). On SQLite the creating transaction takes the write lock
    first (``BEGIN IMMEDIATE``), so the second waits for the first to commit, then
    finds its tables and creates nothing.
    """
    from db.models import Base  # the ORM: opening a current store does not declare it
    from db.search import fts  # the index's module and tokenizer: not needed to open a current store

    engine = database.engine
    if database.is_sqlite:
        engine = engine.execution_options(briefbook_write=True)
    with engine.begin() as connection:
        if inspect(connection).get_table_names():
            return False
        Base.metadata.create_all(connection)
        if database.is_sqlite:
            fts.install(connection)
        elif connection.dialect.name == "postgresql":
            from db.search import pg

            pg.install(connection)
        _version_table.create(connection)
        connection.execute(_version_table.insert().values(version_num=revisions.HEAD))
    return True


def alembic_config(connection: Connection | None = None):
    """An Alembic Config pointing at the migrations shipped inside this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(database: Database, revision: str = "head") -> None:
    """Run Alembic's upgrade to ``revision`` in one transaction (all of it, or none after a crash).

    On SQLite, foreign keys are off while it runs: batch mode rebuilds a table by
    copying it and dropping the original, and with foreign keys on that drop
    would cascade (rebuilding ``issue_notes`` would delete every source). They
    are checked with ``PRAGMA foreign_key_check`` before the upgrade commits.
    The full-text index is dropped for the upgrade and rebuilt from the base
    tables afterwards, so that no migration has to know about its triggers.
    """
    from alembic import command

    from db.search import fts

    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection if database.is_sqlite else None
        if driver is not None:
            driver.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it is ignored
        try:
            with connection.begin():
                # The index's triggers name other tables: a batch rebuild of one of them
                # would fail on them (or silently drop the triggers on the rebuilt table).
                # Take the index down for the upgrade and build it again afterwards.
                had_index = driver is not None and fts.installed(connection)
                if had_index:
                    fts.uninstall(connection)
                command.upgrade(alembic_config(connection), revision)
                if had_index:
                    fts.install(connection)
                if driver is not None:
                    _check_foreign_keys(connection, database)
        finally:
            if driver is not None:
                driver.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(connection: Connection, database: Database) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        tables = sorted({row[0] for row in broken})
        raise StoreError(
            f"Upgrading {database.location} would leave {len(broken)} broken link(s) in "
            f"{', '.join(tables)}; the upgrade was undone and the store is as it was. "
            "Please report this with a copy of the store."
        )
