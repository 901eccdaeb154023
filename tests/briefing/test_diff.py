"""The word-level diff reads like an editor's mark-up and always gives both texts back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.revisions.diff import DELETE, EQUAL, INSERT, word_diff


def old_text(runs) -> str:
    """The old version, rebuilt from the runs."""
    return "".join(r.text for r in runs if r.kind != INSERT)


def new_text(runs) -> str:
    """The new version, rebuilt from the runs."""
    return "".join(r.text for r in runs if r.kind != DELETE)

def marked(old: str, new: str) -> str:
    signs = {EQUAL: "{}", DELETE: "[-{}-]", INSERT: "{{+{}+}}"}
    return "".join(signs[r.kind].format(r.text) for r in word_diff(old, new))


def test_changed_words_are_shown_whole_and_in_place():
    assert marked("Japan seeks removal of the duties.", "Japan seeks full removal of all duties.") == \
        "Japan seeks {+full +}removal of [-the-]{+all+} duties."
    assert marked("a b c d", "a x y d") == "a [-b c-]{+x y+} d"


def test_only_changed_lines_are_compared_word_by_word():
    old = "1. Keep the tracks apart.\n2. No quotas.\n3. Meet again.\n"
    new = "1. Keep the tracks apart.\n2. No quotas, no caps.\n3. Meet again.\n4. Brief the Hill.\n"
    assert marked(old, new) == ("1. Keep the tracks apart.\n2. No quotas{+, no caps+}.\n3. Meet again.\n"
                                "{+4. Brief the Hill.\n+}")


def test_japanese_is_compared_character_by_character():
    assert marked("日米の鉄鋼協議", "日米の鉄鋼・アルミ協議") == "日米の鉄鋼{+・アルミ+}協議"


def test_identical_and_empty_texts():
    assert word_diff("same", "same") == word_diff("same", "same")
    assert [r.kind for r in word_diff("same", "same")] == [EQUAL]
    assert word_diff("", "") == ()
    assert marked("", "new") == "{+new+}" and marked("old", "") == "[-old-]"


def test_a_huge_rewrite_stays_cheap():
    old = " ".join(f"w{i}" for i in range(30000))
    new = " ".join(f"v{i}" for i in range(30000))
    runs = word_diff(old, new)
    assert old_text(runs) == old and new_text(runs) == new


@given(st.text(), st.text())
def test_the_runs_give_both_texts_back(old, new):
    runs = word_diff(old, new)
    assert old_text(runs) == old and new_text(runs) == new
    assert all(r.text for r in runs)
    assert all(not (a.kind == b.kind == EQUAL) for a, b in zip(runs, runs[1:], strict=False))
