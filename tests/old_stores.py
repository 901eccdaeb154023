"""Stores of an earlier schema revision holding the sample, for the upgrade tests.

This build's models have columns an older schema lacks, so the sample cannot be
written into an old store through them. Instead it is loaded at the head and the
store is taken down to the older revision by the shipped downgrades (foreign keys
off and the full-text index down meanwhile, as ``db.migrate.upgrade`` does going
up): what is left is that revision's tables holding the sample's rows.
"""

from __future__ import annotations

from db.engine import Database


def sample_store_at(database: Database, revision: str) -> Database:
    """``database`` (new and empty) at schema ``revision``, holding the sample's historical dates."""
    from alembic import command

    from briefing.interchange.sample import load_sample
    from db.migrate import alembic_config, upgrade
    from db.search import fts

    upgrade(database)
    load_sample(database)
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection if database.is_sqlite else None
        if driver is not None:
            driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                if driver is not None:
                    fts.uninstall(connection)
                command.downgrade(alembic_config(connection), revision)
                if driver is not None and revision >= "0002":
                    fts.install(connection)
        finally:
            if driver is not None:
                driver.execute("PRAGMA foreign_keys = ON")
    return database
