"""The full-text index: created with a new store, added (and filled) by migration 0002, kept exact."""

from __future__ import annotations

from sqlalchemy import text

from db.engine import Database
from db.migrate import current_revision, ensure_schema, upgrade
from db.revisions import HEAD
from db.search import fts


def index_rows(db: Database) -> list[tuple]:
    with db.engine.connect() as c:
        return c.exec_driver_sql(f"SELECT rowid, words, chars, scope FROM {fts.TABLE} ORDER BY rowid").all()


def assert_index_exact(db: Database) -> None:
    """The index holds exactly what rebuilding it from the base tables gives, and FTS5 agrees."""
    kept = index_rows(db)
    with db.engine.begin() as c:
        c.exec_driver_sql(f"INSERT INTO {fts.TABLE}({fts.TABLE}) VALUES ('integrity-check')")
        fts.install(c)
    assert kept == index_rows(db)


def test_a_new_store_has_the_index_and_its_triggers(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'new.db'}")
    ensure_schema(db)
    with db.engine.connect() as c:
        assert fts.installed(c)
        triggers = c.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
    assert triggers and all(name.startswith("fts_") for name in triggers)


def test_a_store_from_before_search_is_upgraded_and_its_content_indexed(tmp_path):
    from briefing.search.service import SearchService
    from tests.old_stores import sample_store_at

    db = sample_store_at(Database(f"sqlite:///{tmp_path / 'old.db'}"), "0001")  # no index, no triggers
    with db.engine.connect() as c:
        assert not fts.installed(c)
    backups: list[str] = []
    assert ensure_schema(db, backup=backups.append) == "upgraded"
    assert backups == [f"before-upgrade-0001-to-{HEAD}"]
    with db.engine.connect() as c:
        assert current_revision(c) == HEAD
        assert c.exec_driver_sql("SELECT count(*) FROM note_revisions").scalar() == 0
    hits = SearchService(db).search("萩生田").hits
    assert [(h.entity, h.field) for h in hits] == [("person", "native_name")]
    assert_index_exact(db)


def test_downgrading_0002_removes_the_index_and_the_history_table(tmp_path):
    from alembic import command

    from db.migrate import alembic_config

    db = Database(f"sqlite:///{tmp_path / 'down.db'}")
    upgrade(db)
    with db.engine.begin() as c:
        command.downgrade(alembic_config(c), "0001")
    with db.engine.connect() as c:
        names = c.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
    assert not [n for n in names if n.startswith("fts_") or n == "note_revisions"]


def test_the_index_stays_exact_through_every_kind_of_write(sample):
    s = sample
    round1 = s.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    note = s.notes.list_full(round1.id)[0]
    s.notes.update(note.id, note.version, background="Rewritten 日米 background", red_lines="")
    s.notes.add_source(note.id, "METI fact sheet", publisher="経済産業省")
    s.notes.delete(s.notes.list(round1.id)[1].id)
    s.agenda.update(s.agenda.list(round1.id)[0].id, None, outcome="Agreed to meet again")
    s.actions.delete(s.actions.list(round1.id)[0].id)
    person = s.people.list_people()[0]
    s.people.update_person(person.id, person.version, bio="A new bio")
    s.people.delete_person(s.people.list_people()[0].id)
    issue = s.issues.list()[0]
    s.issues.update(issue.id, issue.version, description="Library text")
    nxt = s.rounds.carry_forward(round1.id)
    s.meetings.update(nxt.id, None, objectives="Round 2 objectives")
    assert_index_exact(s.db)
    s.meetings.delete(round1.id)  # the Trash: everything inside drops out
    assert_index_exact(s.db)
    with s.db.write() as session:  # back from the Trash (as a restore will do)
        session.execute(text("UPDATE meetings SET deleted_at = NULL"))
    assert_index_exact(s.db)
    s.notes.delete_source(s.notes.get(note.id).sources[0].id)
    assert_index_exact(s.db)


def test_migration_0002_adds_only_the_history_table_on_other_backends(monkeypatch):
    """On PostgreSQL the index is not created (search falls back to LIKE); the history table is."""
    import importlib.util
    from pathlib import Path
    from types import SimpleNamespace

    import db.migrations.versions as versions

    path = Path(versions.__file__).with_name("0002_search_and_history.py")
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    calls: list[str] = []

    class Batch:
        def __enter__(self):
            return SimpleNamespace(create_index=lambda *a, **k: calls.append("index"), f=lambda n: n)

        def __exit__(self, *exc):
            return False

    fake_op = SimpleNamespace(
        create_table=lambda name, *cols: calls.append(f"table {name}"),
        batch_alter_table=lambda *a, **k: Batch(), f=lambda n: n,
        get_bind=lambda: SimpleNamespace(dialect=SimpleNamespace(name="postgresql")),
    )
    monkeypatch.setattr(migration, "op", fake_op)
    monkeypatch.setattr(migration.fts, "install", lambda bind: calls.append("fts"))
    migration.upgrade()
    assert calls == ["table note_revisions", "index"]


def test_a_store_without_the_index_is_searched_with_like(sample, monkeypatch):
    from briefing.search.service import LikeBackend, SearchService

    monkeypatch.setattr(sample.db, "is_sqlite", False)
    service = SearchService(sample.db)
    assert isinstance(service.backend, LikeBackend)
    assert service.search("萩生田").hits[0].field == "native_name"
