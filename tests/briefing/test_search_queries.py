"""Whatever a user types is a valid search; Japanese is found down to one-character names;
the portable LIKE search (PostgreSQL today) finds the same things on plain words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.search.service import LikeBackend, SearchService

ROUND1 = "US–Japan Partnership on Trade — Round 1"

AWKWARD = [
    '"', '""', '"""', "'", "AND (", "OR", "NOT", "NEAR", "NEAR(steel tariffs, 3)", "steel AND (",
    "*", "**", "steel*", "*steel", "-", "--", "-steel", "- steel", "steel -", "(", ")", "()", "{", "}",
    "^", ":", "col:steel", "{words}: steel", "words : steel", "scope : m1", "m1", "e note", "+", "%", "_",
    "%_%", "\\", "\\\\", "'; DROP TABLE meetings; --", "steel\x00", "\t\n", " ", "", "日米",
    "「鉄鋼」", "林", "萩生田", "ＷＴＯ", "café", "🙂", "🙂 steel", "a" * 5000, "steel " * 500,
    '"unbalanced phrase', 'phrase" unbalanced', "a\u0301", "\u200b", "\ufeffsteel", "ﬁ",
    "\udcff", "x" + "\u0300" * 50,
]


@pytest.mark.parametrize("query", AWKWARD)
def test_awkward_queries_never_fail(sample, query):
    results = sample.search.search(query)
    assert isinstance(results.hits, tuple)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80))
def test_any_text_is_a_valid_search(sample, query):
    for hit in sample.search.search(query, limit=5).hits:
        assert all(0 <= a < b <= len(hit.snippet) for a, b in hit.marks)


@pytest.fixture
def japanese(sample):
    """Round 1 with Japanese in a note, a source and the people directory."""
    s = sample
    note = s.notes.list_full(s.meetings.resolve(ROUND1).id)[0]
    s.notes.update(note.id, note.version,
                   their_position="日米の鉄鋼・アルミ協議では、経済産業省が第232条の関税撤廃を求めている。",
                   talking_points="林大臣との会談で、日米協力を確認する。")
    return s, note


@pytest.mark.parametrize("word", ["日米", "鉄鋼", "林", "萩生田", "関税撤廃", "経済産業省", "アルミ"])
def test_japanese_words_and_names_are_found(japanese, word):
    s, note = japanese
    hits = s.search.search(word).hits
    assert hits, word
    for hit in hits:
        assert word in hit.snippet and any(hit.snippet[a:b] == word for a, b in hit.marks)


def test_one_character_and_two_character_japanese_find_the_right_fields(japanese):
    s, note = japanese
    assert {(h.entity, h.field) for h in s.search.search("林").hits} == {
        ("note", "talking_points"), ("person", "native_name")}
    assert {(h.entity, h.entity_id, h.field) for h in s.search.search("日米").hits} == {
        ("note", note.id, "their_position"), ("note", note.id, "talking_points")}
    assert not s.search.search("米鉄").hits  # not a substring of anything written
    assert not s.search.search("鉄米").hits


def test_japanese_mixed_with_english(japanese):
    s, note = japanese
    hits = s.search.search("232 関税").hits
    assert [(h.entity_id, h.field) for h in hits] == [(note.id, "their_position")]


def found(service, query):
    return {(h.entity, h.entity_id, h.field) for h in service.search(query, limit=500).hits}


@pytest.mark.sqlite_only(reason="compares the scan with the full-text index, which only SQLite has")
@pytest.mark.parametrize("query", ["steel", "tariffs", "excess capacity", "日米", "林", "steel -aluminum",
                                   '"aluminum excess"'])
def test_the_like_fallback_finds_what_the_index_finds(japanese, query):
    s, _ = japanese
    indexed = found(s.search, f"{query} ")
    assert indexed and indexed == found(SearchService(s.db, LikeBackend()), f"{query} ")


@pytest.mark.sqlite_only(reason="compares the scan with the full-text index, which only SQLite has")
def test_the_like_fallback_matches_inside_words(japanese):
    s, _ = japanese
    indexed, scanned = found(s.search, "Japan "), found(SearchService(s.db, LikeBackend()), "Japan ")
    assert indexed < scanned  # "Japanese" too
    assert all("japan" in s.issues.get(i).title.lower() for kind, i, _ in scanned - indexed
               if kind == "issue")


def test_the_like_fallback_filters_and_escapes(japanese):
    s, note = japanese
    like = SearchService(s.db, LikeBackend())
    hits = like.search("日米", meeting_id=note.meeting_id, section="talking_points").hits
    assert [(h.entity_id, h.field) for h in hits] == [(note.id, "talking_points")]
    assert like.search("100%").hits == ()
    assert all(h.rank == 0 for h in like.search("steel").hits)
    for query in AWKWARD:
        like.search(query)
