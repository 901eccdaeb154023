"""The index's triggers re-index what a write changed, no more: a note's other sections are left alone."""

from __future__ import annotations

import re

from briefing.config import Config
from briefing.services import Services
from db.engine import Database
from db.migrate import current_revision, ensure_schema, upgrade
from db.revisions import HEAD, REVISIONS
from db.search import fts
from db.search import text as search_text
from tests.db.test_fts_index import assert_index_exact


def counting_services(monkeypatch, db_url) -> tuple[Services, list[str]]:
    """Services whose connections count every text the triggers tokenize."""
    tokenized: list[str] = []

    def words(text):
        tokenized.append(text)
        return search_text.index_words(text)

    monkeypatch.setattr(fts, "index_words", words)  # registered on each new connection
    return Services.open(db_url, Config()), tokenized


def test_saving_one_section_re_indexes_that_section_only(sample, db_url, monkeypatch):
    services, tokenized = counting_services(monkeypatch, db_url)
    round1 = services.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    note = services.notes.list_full(round1.id)[0]
    note = services.notes.update(note.id, note.version, background="Fifty pages… " * 5000)
    tokenized.clear()
    note = services.notes.update(note.id, note.version, red_lines="- Nothing on rice, 日米")
    assert tokenized == ["- Nothing on rice, 日米"]
    tokenized.clear()
    services.notes.update(note.id, note.version, red_lines=note.red_lines, priority="high")
    assert tokenized == []  # named but unchanged: nothing to re-index
    assert services.search.search("rice 日米").hits[0].field == "red_lines"
    services.close()
    assert_index_exact(sample.db)


def test_a_note_out_of_the_trash_is_found_again_with_its_sources(sample, db_url, monkeypatch):
    services, tokenized = counting_services(monkeypatch, db_url)
    round1 = services.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    note = services.notes.list_full(round1.id)[0]
    services.notes.delete(note.id)
    assert not [h for h in services.search.search("excess capacity").hits if h.note_id == note.id]
    tokenized.clear()
    services.trash.restore("note", note.id)
    sections = [getattr(note, f) for f in ("background", "objectives", "their_position",
                                           "talking_points", "defensives", "red_lines")]
    sources = [text for s in note.sources for text in (s.title, s.publisher)]
    assert sorted(tokenized) == sorted(t for t in sections + sources if t)
    assert [h for h in services.search.search("excess capacity").hits if h.note_id == note.id]
    services.close()
    assert_index_exact(sample.db)


def test_a_store_with_the_triggers_of_0002_gets_this_builds_on_upgrade(tmp_path):
    from tests.old_stores import sample_store_at

    db = sample_store_at(Database(f"sqlite:///{tmp_path / 'old.db'}"), "0002")
    with db.engine.begin() as c:  # 0002's trigger: any update of a section re-indexed the whole note
        for name in fts.trigger_names(c):
            c.exec_driver_sql(f'DROP TRIGGER "{name}"')
        c.exec_driver_sql(
            "CREATE TRIGGER fts_issue_notes_update AFTER UPDATE OF background, red_lines ON issue_notes "
            "FOR EACH ROW BEGIN SELECT 1; END")
    assert ensure_schema(db) == "upgraded"
    with db.engine.connect() as c:
        assert current_revision(c) == HEAD == REVISIONS[-1]
        expected = sorted(re.match(r"CREATE TRIGGER (\w+)", s).group(1) for s in fts.trigger_ddl())
        assert fts.trigger_names(c) == expected
    assert "fts_issue_notes_set_red_lines" in expected
    assert_index_exact(db)


def test_migration_0003_alone_replaces_the_triggers_and_keeps_the_index(tmp_path):
    from alembic import command

    from db.migrate import alembic_config

    db = Database(f"sqlite:///{tmp_path / 'plain.db'}")
    upgrade(db, "0002")
    with db.engine.begin() as c:
        c.exec_driver_sql("DROP TRIGGER fts_issue_notes_set_red_lines")
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
        c.exec_driver_sql(f"INSERT INTO {fts.TABLE}(rowid, words, chars, scope) VALUES (999, 'kept', '', '')")
        command.upgrade(alembic_config(c), "0003")
    with db.engine.connect() as c:
        assert "fts_issue_notes_set_red_lines" in fts.trigger_names(c)
        assert c.exec_driver_sql(f"SELECT words FROM {fts.TABLE} WHERE rowid = 999").scalar() == "kept"
