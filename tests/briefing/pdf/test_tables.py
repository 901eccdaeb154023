"""Whatever table a user types in Markdown, the book exports and every cell's words are in it.

A table too wide for the page (50 columns) or inside a table cell (an
agenda item's outcome, an action) prints as a list of its rows, with a
warning; a cell taller than a page is split across pages. Tables are also
generated at random (rows × columns × cell lengths, CJK, long unbreakable
words) and each book is read back.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import check, page_texts

BOOK = frozenset({"agenda", "papers", "actions"})
FURNITURE = re.compile(r"Page \d+ of \d+")


def table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def with_table(brief, text: str):
    """``brief`` with ``text`` as its first paper's background, its first agenda item's outcome
    and its first action: only those three (a small book)."""
    note, slot, action = brief.notes[0], brief.schedule.slots[0], brief.actions[0]
    schedule = replace(brief.schedule, slots=(replace(slot, item=replace(slot.item, outcome=text)),))
    return replace(brief, notes=(replace(note, background=text),), schedule=schedule,
                   actions=(replace(action, text=text),))


def read_back(brief) -> tuple[str, list[str]]:
    """The book's text without white space or page furniture, and its warnings."""
    data, result = render(brief, sections=BOOK)
    assert check(data) == []
    marking = brief.meeting.title
    pages = [FURNITURE.sub("", page).replace(marking, "") for page in page_texts(data)]
    return "".join("".join(pages).split()), [str(w) for w in result.warnings]


def words_of(cells: list[str]) -> list[str]:
    return [word for cell in cells for word in cell.split()]


def test_a_cell_of_hundreds_of_words_in_an_agenda_outcome_exports(sample_brief):
    words = [f"outcome{n}" for n in range(350)]
    text, warnings = read_back(with_table(sample_brief, table(["Point", "Detail"],
                                                              [[" ".join(words), "short"]])))
    assert all(word in text for word in words)
    assert "Agenda item 1 › Outcome: a table inside a table cell; it is printed as a list of its rows" \
        in warnings


def test_a_table_of_fifty_five_columns_prints_as_a_list_of_its_rows(sample_brief):
    head = [f"h{n}" for n in range(55)]
    rows = [[f"r{r}c{n}" for n in range(55)] for r in range(3)]
    text, warnings = read_back(with_table(sample_brief, table(head, rows)))
    assert all(f"h{n}:r{r}c{n}" in text for r in range(3) for n in range(55))
    assert any("a table of 55 columns is too wide for the page; it is printed as a list of its rows"
               in w and "Background" in w for w in warnings)


def test_a_table_that_fits_stays_a_table(sample_brief):
    text, warnings = read_back(with_table(sample_brief, table(["Term", "Meaning"], [["TRQ", "quota"]])))
    assert "TermMeaningTRQquota" in text  # the paper's: a table, no "Term:" labels
    assert not any("Background" in w for w in warnings)


_WORD = st.one_of(
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"), min_size=1, max_size=12),
    st.text(st.sampled_from("日本語貿易交渉関税協定市場"), min_size=1, max_size=12),
    st.text(st.sampled_from("abcdefghij"), min_size=40, max_size=90),        # long, unbreakable
)
_CELL = st.lists(_WORD, min_size=0, max_size=40).map(" ".join)
_BIG_CELL = st.lists(_WORD, min_size=250, max_size=330).map(" ".join)


@st.composite
def tables(draw) -> tuple[list[str], list[list[str]]]:
    columns = draw(st.one_of(st.integers(1, 6), st.integers(7, 60)))
    head = [f"H{n}" for n in range(columns)]
    rows = draw(st.lists(st.lists(_CELL, min_size=columns, max_size=columns), min_size=1, max_size=4))
    if draw(st.booleans()):  # one cell of hundreds of words
        row, column = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, columns - 1))
        rows[row][column] = draw(_BIG_CELL)
    return head, rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(typed=tables())
def test_any_table_exports_with_every_word_of_every_cell(sample_brief, typed):
    head, rows = typed
    text, _ = read_back(with_table(sample_brief, table(head, rows)))
    for word in words_of(head + [cell for row in rows for cell in row]):
        assert word in text
