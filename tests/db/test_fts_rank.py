"""Our BM25 for the candidate pool is FTS5's bm25(), computed without reading whole doclists."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.search import fts
from db.search.rank import Bm25
from db.search.text import parse_query


@pytest.fixture
def store(sample):
    s = sample
    note = s.notes.list_full(s.meetings.list()[-1].id)[0]
    s.notes.update(note.id, note.version,
                   their_position="日米の鉄鋼協議。林大臣。Steel, steel and more steel.")
    return s


@pytest.mark.parametrize("query", ["steel ", "steel japan ", '"excess capacity" ', "tarif", "日米 ", "林 ",
                                   "鉄鋼協議 steel ", "steel -aluminum ", "the of and "])
def test_scores_equal_fts5_bm25(store, query):
    parsed = parse_query(query)
    expression = fts.match_expression(parsed)
    weights = ", ".join(map(str, fts.WEIGHTS))
    with store.db.read() as s:
        expected = dict(s.execute(text(
            f"SELECT rowid, bm25(fts_index, {weights}) FROM fts_index WHERE fts_index MATCH :q"),
            {"q": expression}).all())
        rows = s.execute(text("SELECT rowid, words, chars, scope FROM fts_index WHERE fts_index MATCH :q"),
                         {"q": expression}).all()
        bm25 = Bm25.prepare(s, fts.TABLE, parsed.positive, fts._term_sql, fts.WEIGHTS)
        mine = {row[0]: bm25.score(row[1:]) for row in rows}
    assert expected and mine.keys() == expected.keys()
    for rowid, score in expected.items():
        assert mine[rowid] == pytest.approx(score, rel=1e-9, abs=1e-12)


def test_the_ranked_page_is_the_best_of_the_pool(store):
    parsed = parse_query("steel ")
    with store.db.read() as s:
        hits, more = fts.search(s, parsed, fts.Scope(), limit=3, pool=500)
        every, _ = fts.search(s, parsed, fts.Scope(), limit=500, pool=500)
    assert more and [h.score for h in hits] == sorted(h.score for h in every)[:3]
