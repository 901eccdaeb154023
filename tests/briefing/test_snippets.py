"""Excerpts: one line around the first match, cut at spaces, with the matches' positions right."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.search.snippets import SNIPPET_CHARS, excerpt, find_matches
from db.search.text import parse_query


def marked(text: str, query: str) -> tuple[str, list[str]]:
    snippet, marks = excerpt(text, find_matches(text, parse_query(query)))
    return snippet, [snippet[a:b] for a, b in marks]


def test_a_short_field_is_shown_whole_on_one_line():
    assert marked("  We seek\n\n  **removal** of the\ttariffs.  ", "tariffs ") == (
        "We seek **removal** of the tariffs.", ["tariffs"])


def test_a_long_field_is_cut_at_spaces_around_the_first_match():
    text = "Preamble words. " * 20 + "The decisive tariff point. " + "Trailing words. " * 20
    snippet, marks = marked(text, "tariff ")
    assert snippet.startswith("…") and snippet.endswith("…") and marks == ["tariff"]
    assert len(snippet) <= SNIPPET_CHARS + 2
    assert snippet[1] != " " and snippet[-2] != " "
    assert snippet[1:].split()[0] in text.split() and snippet[:-1].split()[-1] in text.split()
    assert marked("word " * 100, "nothing ")[0].endswith("word…")


def test_matches_are_the_original_characters_whatever_their_form():
    assert marked("ＷＴＯ reform; Café society; TARIFFS", "wto cafe tariff") == (
        "ＷＴＯ reform; Café society; TARIFFS", ["ＷＴＯ", "Café", "TARIFFS"])
    assert marked("会談に萩生田光一大臣が出席", "萩生田 大臣 ")[1] == ["萩生田", "大臣"]


@given(st.text(max_size=400), st.sampled_from(["tariff", "日米", "林", "a", "e"]))
def test_marks_always_point_at_the_matched_words(text, word):
    snippet, marks = excerpt(text, find_matches(text, parse_query(word)))
    assert "\n" not in snippet
    for a, b in marks:
        assert 0 <= a < b <= len(snippet)
