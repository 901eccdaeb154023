"""Text analysis for search: what is indexed, how a query is read, and that both agree."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from db.search.searchable import NOTE_SECTIONS
from db.search.text import (
    CJK,
    WORD,
    Term,
    analyze,
    analyze_char_by_char,
    bigrams,
    index_chars,
    index_words,
    parse_query,
)


def test_words_are_folded_for_case_accents_and_width():
    assert index_words("Tariffs on ＷＴＯ Café") == "tariffs on wto cafe"
    assert index_words("Straße") == "strasse"
    assert index_chars("plain English") == ""


def test_japanese_runs_are_indexed_as_bigrams_and_characters():
    assert index_words("日米の鉄鋼") == "日米 米の の鉄 鉄鋼"
    assert index_chars("日米の鉄鋼") == "日 米 の 鉄 鋼"
    # A one-character run stays itself, so "林 Yoshimasa" keeps its word positions.
    assert index_words("林 Yoshimasa") == "林 yoshimasa"
    # Kana keep their voicing marks: が is not か.
    assert index_words("がか") == "がか"


def test_tokens_know_where_they_stand_in_the_original_text():
    text = "  Ｗｏｒｌｄ — 萩生田光一 "
    tokens = analyze(text)
    assert [(t.kind, t.text) for t in tokens] == [(WORD, "world"), (CJK, "萩生田光一")]
    assert [text[t.start:t.end] for t in tokens] == ["Ｗｏｒｌｄ", "萩生田光一"]


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_shortcut_gives_what_the_general_path_gives(text):
    assert analyze(text) == analyze_char_by_char(text)
    assert index_words(text) == " ".join(t.text for t in analyze_char_by_char(text))


#: Letters with accents, full- and half-width forms, kana with separate voicing marks, ligatures,
#: fractions, Hangul, ideographs, emoji, white space of every kind.
MIXED = "aZ9_ -.éÉe\u0301ＷＴＯｶﾞか\u3099がﬁ½ßİ日米鉄鋼萩生田林한국々〆\u3000\t\n🙂"


@given(st.text(alphabet=st.one_of(st.sampled_from(MIXED), st.characters()), max_size=60))
def test_the_index_functions_give_the_tokens_the_highlighter_finds(text):
    tokens = analyze_char_by_char(text)
    words = [piece for t in tokens for piece in (bigrams(t.text) if t.kind == CJK else [t.text])]
    assert index_words(text) == " ".join(words)
    assert index_chars(text) == " ".join(ch for t in tokens if t.kind == CJK for ch in t.text)


@given(st.text(alphabet=st.one_of(st.sampled_from(MIXED), st.characters()), max_size=60))
def test_the_shortcut_for_one_to_one_text_gives_what_the_general_path_gives(text):
    assert analyze(text) == analyze_char_by_char(text)


def test_a_hundred_page_mixed_paste_is_tokenized_as_its_words():
    para = "Japan's position on Section 232 has not changed. 日米の協議は続く。 Café ＷＴＯ "
    words = index_words(para)
    assert words.split()[:12] == ["japan", "s", "position", "on", "section", "232", "has", "not",
                                  "changed", "日米", "米の", "の協"]
    assert index_words(para * 4000) == " ".join([words] * 4000)
    assert index_chars(para * 4000) == " ".join([index_chars(para)] * 4000)


def test_a_query_is_read_as_words_phrases_exclusions_and_a_prefix():
    q = parse_query('"digital trade" -steel tari')
    assert q.terms == (
        Term(WORD, ("digital", "trade")),
        Term(WORD, ("steel",), negated=True),
        Term(WORD, ("tari",), prefix=True),
    )
    assert parse_query("steel ").terms == (Term(WORD, ("steel",)),)  # finished word: no prefix
    assert parse_query("U.S.-Japan").terms[0].parts == ("u", "s", "japan")
    assert parse_query("日米EPA").terms == (Term(CJK, ("日米",)), Term(WORD, ("epa",), prefix=True))


def test_operators_and_stray_quotes_are_just_text():
    for text in ['"', '""', "AND (", "*", "-", "NEAR(", "OR", ")", "^", ":", "{col}:"]:
        q = parse_query(text)
        assert all(t.kind in (WORD, CJK) for t in q.terms)
    assert parse_query('"').is_empty
    assert parse_query("-steel").is_empty  # only something to exclude: nothing to look for
    assert [t.parts for t in parse_query('AND ( "steel').terms] == [("and",), ("steel",)]


def test_a_pasted_novel_becomes_a_bounded_query():
    q = parse_query(" ".join(f"word{i}" for i in range(5000)))
    assert len(q.terms) <= 12


def test_the_index_covers_exactly_the_note_sections_of_the_domain():
    from briefing.vocabulary import NOTE_FIELDS

    assert NOTE_SECTIONS == NOTE_FIELDS
