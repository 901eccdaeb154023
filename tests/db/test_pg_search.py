"""Search on PostgreSQL as good as on SQLite: the same hits in the same order for one query set,
an index kept in step with every write, text of any size, and migration 0008 installing it.

Skipped unless ``BRIEFBOOK_TEST_PG_URL`` names a server (``.ci/run`` starts one)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.search.service import FtsBackend, PgBackend
from briefing.services import Services
from db.copy import copy_store
from db.search import pg, pg_counts
from db.search.fts import Scope
from db.search.text import parse_query

ROUND1 = "US–Japan Partnership on Trade — Round 1"

#: Every kind of query the search takes: words, phrases, prefixes, exclusions, Japanese of one,
#: two and more characters, mixed scripts, full-width and accented letters, operators as words.
QUERIES = (
    "steel", "steel ", "tariff steel", '"section 232"', "sect", "st", "japan -steel",
    "日米", "林", "萩生田", "鉄鋼", "経済産業省", "232 関税", "ＷＴＯ", "Côte", "cote d'ivoire",
    "trade partnership", "the", "the of", "NOT", "steel AND (", "*steel", "🙂 steel", "a",
    "U.S.-Japan", "talking points", "ﬁrst", "Hagiuda", "aluminum", "aluminum tariff",
)


@pytest.fixture
def server_url(postgres_server):
    made: list[str] = []

    def new() -> str:
        made.append(postgres_server.create_database())
        return made[-1]

    yield new
    for url in made:
        postgres_server.release(url)


def _store_with_everything(url: str) -> None:
    with Services.open(url, Config(user_name="alice")) as s:
        load_sample(s.db, s.config)
        round1 = s.meetings.resolve(ROUND1)
        notes = s.notes.list_full(round1.id)
        s.notes.update(notes[0].id, notes[0].version,
                       their_position="日米の鉄鋼・アルミ協議では、経済産業省が第232条の関税撤廃を求めている。",
                       talking_points="林大臣との会談で、日米協力を確認する。 Talks on Côte d'Ivoire, "
                                      "ＷＴＯ, "
                                      "the ﬁrst steel steel steel point.")
        for number, note in enumerate(notes[1:6], 1):
            s.notes.update(note.id, note.version, red_lines=" ".join(["steel tariff"] * number))
        s.actions.add(round1.id, "Ask about steel quotas 🙂", owner="林")
        s.notes.delete(notes[6].id)


def _hits(services: Services, query: str, **scope) -> list[tuple]:
    return [(h.entity, h.entity_id, h.field) for h in services.search.search(query, **scope).hits]


def _scores(services: Services, query: str) -> list[tuple]:
    with services.db.read() as session:
        hits, _more = services.search.backend.candidates(session, parse_query(query), Scope(), 20)
    return [h.score for h in hits]


def test_one_query_set_gives_the_same_top_results_on_both_stores(tmp_path, server_url):
    lite = f"sqlite:///{tmp_path / 'lite.db'}"
    _store_with_everything(lite)
    server = server_url()
    with Services.open(lite, Config()) as a, Services.open(server, Config()) as b:
        copy_store(a.db, b.db)  # the same rows under the same ids
        assert isinstance(a.search.backend, FtsBackend) and isinstance(b.search.backend, PgBackend)
        round1 = a.meetings.resolve(ROUND1).id
        compared = 0
        for query in QUERIES:
            on_sqlite, on_server = a.search.search(query), b.search.search(query)
            assert _hits(b, query) == _hits(a, query), query
            # The same BM25, not only the order (FTS5 counts a lone "・" as no token: a hair apart).
            assert _scores(b, query) == pytest.approx(_scores(a, query), rel=1e-3), query
            assert on_server.more == on_sqlite.more
            for scope in ({"meeting_id": round1}, {"section": "red_lines"}, {"issue_id": 1}):
                assert _hits(b, query, **scope) == _hits(a, query, **scope), (query, scope)
            compared += bool(on_sqlite.hits)
        assert compared >= 20  # most queries find something: the comparison is not of empty lists


def test_japanese_one_and_two_character_words_and_phrases_are_found_on_the_server(server_url):
    url = server_url()
    _store_with_everything(url)
    with Services.open(url, Config()) as s:
        note = s.notes.list_full(s.meetings.resolve(ROUND1).id)[0]
        for query, field in (("林", "talking_points"), ("日米", "their_position"), ("鉄鋼", "their_position"),
                             ("経済産業省", "their_position"), ('"steel point"', "talking_points"),
                             ("ﬁrst steel poi", "talking_points")):
            assert ("note", note.id, field) in _hits(s, query), query
        assert ("note", note.id, "their_position") not in _hits(s, "産経")  # not a substring of a run
        assert _hits(s, '"point steel"') == []


def test_the_index_follows_every_write_trash_and_restore(server_url):
    url = server_url()
    _store_with_everything(url)
    with Services.open(url, Config()) as s:
        round1 = s.meetings.resolve(ROUND1)
        note = s.notes.list_full(round1.id)[0]
        saved = s.notes.update(note.id, note.version, background="zanzibar clove exports")
        assert ("note", note.id, "background") in _hits(s, "zanzibar")
        s.notes.update(note.id, saved.version, background="nothing here")
        assert _hits(s, "zanzibar") == []
        s.notes.update(note.id, s.notes.get(note.id).version, objectives="quokka")
        s.notes.delete(note.id)
        assert _hits(s, "quokka") == []
        s.trash.restore("note", note.id)
        assert _hits(s, "quokka") == [("note", note.id, "objectives")]
        s.meetings.delete(round1.id)  # everything inside the meeting goes with it…
        assert _hits(s, "quokka") == []
        s.meetings.restore(round1.id)  # …and comes back with it
        assert _hits(s, "quokka") == [("note", note.id, "objectives")]
        s.meetings.delete(round1.id)
        s.trash.empty()
        assert _hits(s, "quokka") == []
        with s.db.engine.connect() as c:
            assert c.execute(text(f"SELECT count(*) FROM {pg.QUEUE}")).scalar() == 0


def test_a_rolled_back_write_leaves_the_index_as_it_was(server_url):
    url = server_url()
    _store_with_everything(url)
    with Services.open(url, Config()) as s:
        note = s.notes.list_full(s.meetings.resolve(ROUND1).id)[0]
        with pytest.raises(RuntimeError), s.db.write() as session:
            session.execute(text("UPDATE issue_notes SET background = 'wombat' WHERE id = :id"),
                            {"id": note.id})
            raise RuntimeError("the user's action failed")
        assert _hits(s, "wombat") == []


def test_huge_and_strange_text_saves_and_is_found(server_url):
    url = server_url()
    _store_with_everything(url)
    word = "x" * 5000  # longer than a tsvector word may be
    fifty_pages = " ".join(f"paragraph{i % 4000} steel 日米 ' \\ <b>&amp;</b> 🙂" for i in range(45_000))
    with Services.open(url, Config()) as s:
        note = s.notes.list_full(s.meetings.resolve(ROUND1).id)[0]
        saved = s.notes.update(note.id, note.version, background=fifty_pages + " tailword", objectives=word)
        assert ("note", note.id, "background") in _hits(s, "tailword")
        assert ("note", note.id, "background") in _hits(s, "paragraph3999")
        assert ("note", note.id, "objectives") in _hits(s, word)
        unique = " ".join(f"w{i}x{i * 7919 % 100003}" for i in range(150_000))  # past 1 MB of words
        s.notes.update(note.id, saved.version, defensives=unique)
        assert ("note", note.id, "defensives") in _hits(s, "w5x39595")


def test_migration_0008_installs_the_index_over_an_older_store_and_removes_it_on_downgrade(server_url):
    from alembic import command

    from db.engine import Database
    from db.migrate import alembic_config, upgrade

    url = server_url()
    _store_with_everything(url)
    database = Database(url)
    with database.engine.begin() as c:
        command.downgrade(alembic_config(c), "0007")
    with database.engine.connect() as c:
        assert not pg.installed(c)
        assert "changes" not in c.dialect.get_table_names(c)
    upgrade(database)
    database.dispose()
    with Services.open(url, Config()) as s:
        assert isinstance(s.search.backend, PgBackend)
        assert _hits(s, "経済産業省")
        note = s.notes.list_full(s.meetings.resolve(ROUND1).id)[0]
        s.notes.update(note.id, note.version, background="platypus")
        assert _hits(s, "platypus") == [("note", note.id, "background")]


def _miscounted(connection) -> list[tuple]:
    """Lexemes whose kept row count differs from a count made now from the index itself."""
    return connection.execute(text(f"""
        SELECT coalesce(kept.lexeme, now.lexeme), kept.rows, now.rows
        FROM {pg_counts.COUNTS} AS kept FULL JOIN (
            SELECT lexeme, count(*) AS rows FROM {pg.TABLE}, unnest(tsvector_to_array(terms)) AS lexeme
            WHERE left(lexeme, 1) <> '#' GROUP BY lexeme) AS now ON now.lexeme = kept.lexeme
        WHERE kept.rows IS DISTINCT FROM now.rows AND NOT (kept.rows = 0 AND now.rows IS NULL)""")).all()


def test_row_counts_follow_every_write_trash_restore_and_purge(server_url):
    url = server_url()
    _store_with_everything(url)
    with Services.open(url, Config()) as s:
        with s.db.engine.connect() as c:
            assert c.execute(text(f"SELECT rows FROM {pg_counts.COUNTS} WHERE lexeme = 'steel'")).scalar() > 5
            assert _miscounted(c) == []
        round1 = s.meetings.resolve(ROUND1)
        note = s.notes.list_full(round1.id)[0]
        s.notes.update(note.id, note.version, background="zanzibar zanzibar clove", objectives="")
        s.notes.delete(note.id)
        s.trash.restore("note", note.id)
        s.meetings.delete(round1.id)
        s.meetings.restore(round1.id)
        s.meetings.delete(round1.id)
        s.trash.empty()
        with s.db.engine.connect() as c:
            assert _miscounted(c) == []


def test_two_words_are_weighed_by_their_row_counts_as_on_sqlite(tmp_path, server_url):
    # "steel" is in many more fields than "zanzibar": a field holding zanzibar once ranks above
    # one holding steel once, on both stores, with the same scores.
    lite = f"sqlite:///{tmp_path / 'lite.db'}"
    _store_with_everything(lite)
    server = server_url()
    with Services.open(lite, Config()) as a, Services.open(server, Config()) as b:
        copy_store(a.db, b.db)
        for services in (a, b):
            notes = services.notes.list_full(services.meetings.resolve(ROUND1).id)
            services.notes.update(notes[1].id, services.notes.get(notes[1].id).version,
                                  objectives="zanzibar steel cloves", background="steel zanzibar")
            services.notes.update(notes[2].id, services.notes.get(notes[2].id).version,
                                  objectives="zanzibar and steel, steel")
        for query in ("steel zanzibar", "zanzibar stee", '"steel zanzibar"', "zanzibar -cloves"):
            assert _hits(b, query) == _hits(a, query), query
            assert _scores(b, query) == pytest.approx(_scores(a, query), rel=1e-3), query


def test_a_phrase_is_found_behind_many_newer_fields_holding_its_words_apart(tmp_path, server_url):
    lite = f"sqlite:///{tmp_path / 'lite.db'}"
    _store_with_everything(lite)
    server = server_url()
    with Services.open(lite, Config()) as a, Services.open(server, Config()) as b:
        copy_store(a.db, b.db)
        for services in (a, b):
            round1 = services.meetings.resolve(ROUND1).id
            old = services.notes.list_full(round1)[0]
            services.notes.update(old.id, old.version, background="the quota bracket is closed")
            for number in range(600):  # newer fields with both words, never side by side
                services.actions.add(round1, f"bracket {number} before the quota")
        assert _hits(a, '"quota bracket"') == [("note", old.id, "background")]
        assert _hits(b, '"quota bracket"') == _hits(a, '"quota bracket"')
        assert _hits(b, "bracket quota") == _hits(a, "bracket quota")
        assert b.search.search("bracket quota").more == a.search.search("bracket quota").more


def test_migration_0009_gives_an_older_server_index_its_recency_lexemes_and_row_counts(server_url):
    from alembic import command

    from db.engine import Database
    from db.migrate import alembic_config, upgrade

    url = server_url()
    _store_with_everything(url)
    database = Database(url)
    with database.engine.connect() as c:
        installed = dict(c.execute(text(f"SELECT rowid, terms::text FROM {pg.TABLE}")).all())
    with database.engine.begin() as c:
        command.downgrade(alembic_config(c), "0008")
        # As 0008 wrote it: no recency lexemes.
        c.execute(text(f"UPDATE {pg.TABLE} SET terms = ts_delete(terms, ARRAY(SELECT lexeme FROM "
                       "unnest(tsvector_to_array(terms)) AS lexeme WHERE lexeme LIKE '#r%'))"))
    with database.engine.connect() as c:
        assert c.execute(text("SELECT to_regclass(:t)"), {"t": pg_counts.COUNTS}).scalar() is None
    upgrade(database)
    with database.engine.connect() as c:
        assert dict(c.execute(text(f"SELECT rowid, terms::text FROM {pg.TABLE}")).all()) == installed
        assert _miscounted(c) == []
    database.dispose()
    with Services.open(url, Config()) as s:
        note = s.notes.list_full(s.meetings.resolve(ROUND1).id)[0]
        s.notes.update(note.id, note.version, background="platypus")
        assert _hits(s, "platypus") == [("note", note.id, "background")]
        with s.db.engine.connect() as c:
            assert _miscounted(c) == []


def test_each_search_is_planned_for_its_own_words(server_url):
    # psycopg prepares a statement run five times; the server may then keep one plan for all words.
    # A plan made for a common word (walk the rowids backwards) reads the whole index for a rare one.
    url = server_url()
    _store_with_everything(url)
    with Services.open(url, Config()) as s, s.db.read() as session:
        for _ in range(7):
            s.search.backend.candidates(session, parse_query("the"), Scope(), 20)
        setting = session.execute(text("SELECT current_setting('plan_cache_mode')")).scalar()
        assert setting == "force_custom_plan"
