"""Migration 0007 (issue 11): the store's ladder seeded with the default; the authority fields empty
for the meetings a store already holds; and back down again."""

from __future__ import annotations

from sqlalchemy import inspect, text

from db.engine import Database
from db.migrate import upgrade


def test_0007_seeds_the_default_ladder_and_gives_old_meetings_empty_authority_fields(new_database_url):
    from tests.old_stores import sample_store_at

    database = sample_store_at(Database(new_database_url()), "0006")
    try:
        assert "markings" not in inspect(database.engine).get_table_names()
        upgrade(database, "0007")
        with database.engine.connect() as c:
            steps = c.execute(text("SELECT position, code, name FROM markings ORDER BY position")).all()
            authority = c.execute(text(
                "SELECT classified_by, classification_reason, declassify_on FROM meetings")).all()
        assert [tuple(s) for s in steps] == [
            (0, "U", "UNCLASSIFIED"), (1, "SBU", "SENSITIVE BUT UNCLASSIFIED"), (2, "C", "CONFIDENTIAL")]
        assert authority and all(tuple(row) == ("", "", "") for row in authority)
    finally:
        database.dispose()


def test_0007_downgrades_to_0006_keeping_the_meetings(new_database_url):
    from tests.old_stores import sample_store_at

    database = sample_store_at(Database(new_database_url()), "0006")
    try:
        with database.engine.connect() as c:
            before = c.execute(text("SELECT count(*) FROM meetings")).scalar()
        upgrade(database, "0007")
        from alembic import command

        from db.migrate import alembic_config

        with database.engine.connect() as connection:
            driver = connection.connection.driver_connection if database.is_sqlite else None
            if driver is not None:
                driver.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                command.downgrade(alembic_config(connection), "0006")  # the index goes down and up
            if driver is not None:
                driver.execute("PRAGMA foreign_keys = ON")
        names = inspect(database.engine).get_table_names()
        columns = {c["name"] for c in inspect(database.engine).get_columns("meetings")}
        assert "markings" not in names and "classified_by" not in columns
        with database.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM meetings")).scalar() == before
    finally:
        database.dispose()
