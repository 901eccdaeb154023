"""The round-to-round word diff: it names the words that changed and rebuilds both texts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.word_diff import DELETE, EQUAL, INSERT, DiffRun, new_text, old_text, word_diff


def test_a_changed_word_is_deleted_then_inserted():
    runs = word_diff("Japan seeks removal of the duties.", "Japan seeks full removal of the duties.")
    assert DiffRun(INSERT, "full ") in runs or DiffRun(INSERT, " full") in runs
    assert all(r.kind != DELETE for r in runs)


def test_japanese_is_compared_character_by_character():
    runs = word_diff("萩生田大臣と会談", "林大臣と会談")
    assert [r for r in runs if r.kind != EQUAL] == [DiffRun(DELETE, "萩生田"), DiffRun(INSERT, "林")]


def test_unchanged_lines_stay_whole():
    old = "1. Overcapacity harms us both.\n2. Act together.\n"
    runs = word_diff(old, old + "3. Name China.\n")
    assert runs[0] == DiffRun(EQUAL, old)
    assert runs[-1].kind == INSERT and "Name China" in runs[-1].text


def test_no_previous_text_is_all_inserted():
    assert word_diff("", "New section") == (DiffRun(INSERT, "New section"),)


@given(st.text(), st.text())
def test_the_runs_rebuild_both_texts(old, new):
    runs = word_diff(old, new)
    assert old_text(runs) == old and new_text(runs) == new
