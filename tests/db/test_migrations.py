"""The schema: created, stamped, upgraded, compared with the models, and refused when too new."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from db.engine import Database
from db.errors import SchemaTooNewError, StoreError
from db.migrate import HEAD, REVISIONS, current_revision, ensure_schema, upgrade
from db.models import Base


def _diff(database: Database) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.fts import include_in_autogenerate

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


def test_migrations_from_empty_give_exactly_the_models(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'migrated.db'}")
    upgrade(database)
    assert _diff(database) == []
    with database.engine.connect() as c:
        assert current_revision(c) == HEAD


def test_a_new_store_is_created_from_the_models_and_stamped(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'new.db'}")
    assert ensure_schema(database) == "created"
    assert _diff(database) == []
    assert ensure_schema(database) == "current"


def test_a_store_from_a_newer_briefbook_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.db"
    database = Database(f"sqlite:///{path}")
    ensure_schema(database)
    with database.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.dispose()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as caught:
        ensure_schema(Database(f"sqlite:///{path}"))
    assert str(path) in str(caught.value)
    assert "newer version of Briefbook" in str(caught.value)
    assert path.read_bytes() == before


def test_a_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not a Briefbook one"):
        ensure_schema(Database(f"sqlite:///{path}"))


def test_an_older_store_is_backed_up_then_upgraded(tmp_path, monkeypatch):
    import db.migrate as migrate

    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(database)
    # Pretend this build is one revision ahead of the store.
    monkeypatch.setattr(migrate, "REVISIONS", (*REVISIONS, "future"))
    monkeypatch.setattr(migrate, "HEAD", "future")
    calls: list[str] = []
    monkeypatch.setattr(migrate, "upgrade", lambda db: calls.append("upgrade"))
    assert migrate.ensure_schema(database, backup=lambda reason: calls.append(reason)) == "upgraded"
    assert calls == [f"before-upgrade-{HEAD}-to-future", "upgrade"]


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
