"""The schema: created, stamped, upgraded, compared with the models, and refused when too new.

The tests marked ``both_backends`` run on SQLite and on PostgreSQL (a new, empty
database each: ``new_database_url``)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, inspect, text

from db.engine import Database
from db.errors import SchemaTooNewError, StoreError
from db.migrate import current_revision, ensure_schema, upgrade
from db.models import Base
from db.revisions import HEAD, REVISIONS
from db.store_url import sqlite_path


def _diff(database: Database) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.search.fts import include_in_autogenerate

    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_in_autogenerate}
        )
        return compare_metadata(context, Base.metadata)


def test_revisions_list_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    chain = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(chain) == REVISIONS
    assert scripts.get_current_head() == HEAD


@pytest.mark.both_backends
def test_migrations_from_empty_give_exactly_the_models(new_database_url):
    database = Database(new_database_url())
    upgrade(database)
    assert _diff(database) == []
    with database.engine.connect() as c:
        assert current_revision(c) == HEAD
    database.dispose()


@pytest.mark.both_backends
def test_a_new_store_is_created_from_the_models_and_stamped(new_database_url):
    database = Database(new_database_url())
    assert ensure_schema(database) == "created"
    assert _diff(database) == []
    assert ensure_schema(database) == "current"
    database.dispose()


def _untouched_state(url: str) -> object:
    """All of an SQLite file's bytes; a server database's tables and revision."""
    path = sqlite_path(url)
    if path is not None:
        return path.read_bytes()
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return sorted(inspect(c).get_table_names()), current_revision(c)
    finally:
        engine.dispose()


@pytest.mark.both_backends
def test_a_store_from_a_newer_briefbook_is_refused_untouched(new_database_url):
    url = new_database_url()
    database = Database(url)
    ensure_schema(database)
    with database.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.dispose()
    before = _untouched_state(url)
    with pytest.raises(SchemaTooNewError) as caught:  # SQLite's probe refuses it before it opens
        ensure_schema(Database(url))
    assert database.location in str(caught.value)
    assert "newer version of Briefbook" in str(caught.value)
    assert _untouched_state(url) == before


def test_a_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not a Briefbook one"):
        ensure_schema(Database(f"sqlite:///{path}"))


@pytest.mark.both_backends
def test_a_server_database_of_another_program_is_refused_untouched(new_database_url, store_backend):
    if store_backend == "sqlite":
        pytest.skip("an SQLite file is refused by its probe (the test above)")
    url = new_database_url()
    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(text("CREATE TABLE accounts (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    database = Database(url)
    with pytest.raises(StoreError, match="not a Briefbook one"):
        ensure_schema(database)
    database.dispose()
    assert _untouched_state(url) == (["accounts"], None)


@pytest.mark.both_backends
def test_an_older_store_is_backed_up_then_upgraded(new_database_url, monkeypatch):
    import db.migrate as migrate
    import db.revisions as revisions

    database = Database(new_database_url())
    upgrade(database)
    # Pretend this build is one revision ahead of the store.
    monkeypatch.setattr(revisions, "REVISIONS", (*REVISIONS, "future"))
    monkeypatch.setattr(revisions, "HEAD", "future")
    calls: list[str] = []
    monkeypatch.setattr(migrate, "upgrade", lambda db: calls.append("upgrade"))
    assert migrate.ensure_schema(database, backup=lambda reason: calls.append(reason)) == "upgraded"
    assert calls == [f"before-upgrade-{HEAD}-to-future", "upgrade"]
    database.dispose()


@pytest.mark.both_backends
def test_a_store_with_data_from_the_first_release_is_upgraded_to_this_one(new_database_url):
    from briefing.interchange import dump_store
    from briefing.interchange.sample import sample_document
    from briefing.search.service import SearchService
    from tests.old_stores import sample_store_at

    database = sample_store_at(Database(new_database_url()), "0001")
    with database.engine.connect() as c:
        assert current_revision(c) == "0001"
        assert "is_sample" not in {col["name"] for col in inspect(c).get_columns("meetings")}
    assert ensure_schema(database) == "upgraded"
    assert _diff(database) == []
    from tests.db.test_migration_0005 import without_0005_fields
    from tests.db.test_migration_0006 import without_0006_fields

    # 0001 had no Q&A bank, no positions, no meeting record
    assert dump_store(database) == without_0005_fields(without_0006_fields(sample_document()))
    hits = SearchService(database).search("萩生田").hits
    assert [(h.entity, h.field) for h in hits] == [("person", "native_name")]
    database.dispose()


def test_sqlite_connections_enforce_foreign_keys_wal_and_a_busy_timeout(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'p.db'}")
    with database.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_opening_a_current_store_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'cheap.db'}"
    code = (
        "import sys\n"
        "from briefing.services import Services\n"
        f"Services.open({url!r}).close()\n"  # creates
        f"Services.open({url!r}).close()\n"  # checks
        "print('alembic' in sys.modules, 'reportlab' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
