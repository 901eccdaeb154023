"""Note sections are Markdown: headings, emphasis, nested lists, links, quotes and tables become
real flowables, and long or tall content splits across pages instead of breaking the book."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reportlab.platypus import Table

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import link_targets, page_texts

NOTE = """\
# Where we stand

Talks resumed in **January** after a *long* pause; see [the joint statement](https://ustr.gov/x).

- Steel
  - flat products
  - long products
- Aluminum

1. First
2. Second

> Quoted from the minister: we will not move first.

| Product | Duty |
|---|--:|
| Steel | 25% |
| Aluminum | 10% |

```
code stays   as typed
```
"""


@pytest.fixture
def renderer():
    from briefing.pdf.fonts import register_fonts
    from briefing.pdf.markdown import MarkdownRenderer
    from briefing.pdf.typeset import Typesetter

    return MarkdownRenderer(Typesetter(register_fonts()), 480)


def test_markdown_becomes_paragraphs_bullets_and_tables(renderer):
    flowables = renderer.render(NOTE, "test")
    texts = [f.text for f in flowables if hasattr(f, "text")]
    assert texts[0] == "Where we stand" and flowables[1].style.name == "md_h1"
    bullets = [(f.text, f.bulletText, f.style.leftIndent)
               for f in flowables if getattr(f, "bulletText", None)]
    assert bullets == [("Steel", "\u2022", 16), ("flat products", "\u2022", 32),
                       ("long products", "\u2022", 32), ("Aluminum", "\u2022", 16),
                       ("First", "1.", 16), ("Second", "2.", 16)]
    tables = [f for f in flowables if isinstance(f, Table)]
    assert len(tables) == 1 and tables[0]._cellvalues[1][0][0].text == "Steel"
    code = next(f for f in flowables if hasattr(f, "style") and f.style.name.startswith("code"))
    assert code.text.startswith("code stays&nbsp;") and code.text.endswith("as typed")


def test_talking_points_are_numbered_across_paragraphs_and_lists(renderer):
    text = "Open warmly.\n\n- Press on steel\n- Listen on CPTPP\n\nClose with next steps."
    points = [f.bulletText for f in renderer.render(text, "tp", numbered=True)]
    assert points == ["1.", "2.", "3.", "4."]


def test_a_long_paragraph_is_cut_before_layout_into_pieces_of_one_paragraph(renderer):
    text = " ".join(f"word{n}" for n in range(3000))
    [paragraph] = renderer.render(text, "long")
    assert len(paragraph.pieces) > 10
    assert " ".join(markup for markup, _, _ in paragraph.pieces).split() == text.split()
    assert all(at_space for _, at_space, _ in paragraph.pieces[:-1])  # cut between words


def test_markdown_in_the_book_reads_back_in_order(sample_brief):
    note = replace(sample_brief.notes[0], background=NOTE, sources=sample_brief.notes[0].sources)
    data, _ = render(replace(sample_brief, notes=(note,)), sections=frozenset({"papers"}))
    page = page_texts(data)[0]
    order = ["Where we stand", "Talks resumed in January after a long pause; see the joint statement "
             "(https://ustr.gov/x).", "• Steel", "• flat products", "• long products", "• Aluminum",
             "1. First", "2. Second", "Quoted from the minister", "Product Duty Steel 25% Aluminum 10%",
             "code stays as typed"]
    positions = [page.index(x) for x in order]
    assert positions == sorted(positions)


def test_red_lines_taller_than_a_page_split_across_pages_in_their_panel(sample_brief):
    tall = "\n".join(f"- Red line {n}: no concession on schedule {n} without reciprocity."
                     for n in range(120))
    note = replace(sample_brief.notes[0], red_lines=tall)
    data, result = render(replace(sample_brief, notes=(note,)), sections=frozenset({"papers", "red_lines"}))
    pages = page_texts(data)
    assert result.pages >= 3
    holding = [i for i, p in enumerate(pages) if "Red line " in p]
    assert len(holding) >= 2 and " ".join(pages).count("RED LINES") == 1
    for n in range(120):
        assert f"Red line {n}: no concession on schedule {n} without reciprocity." in " ".join(pages)


def test_an_agenda_row_moves_whole_to_the_next_page(sample_brief):
    from briefing.agenda.records import AgendaSlot

    slot = sample_brief.schedule.slots[0]
    slots = []
    for n in range(40):
        outcome = "\n\n".join(f"Outcome line {n}.{k}" for k in range(4))
        item = replace(slot.item, title=f"Session {n}", outcome=outcome)
        slots.append(AgendaSlot(item=item, starts_at=slot.starts_at, venue_start=slot.venue_start,
                                home_start=slot.home_start))
    brief = replace(sample_brief, schedule=replace(sample_brief.schedule, slots=tuple(slots)))
    data, _ = render(brief, sections=frozenset({"agenda"}))
    pages = page_texts(data)
    assert len(pages) > 2
    for n in range(40):  # every row with all of its outcome lines on one page
        assert sum(f"Session {n} Outcome line {n}.0" in p and f"Outcome line {n}.3" in p for p in pages) == 1
    assert all(p.count("# Venue JST Home EST Min Item Lead Issue") == 1 for p in pages)  # header repeats


def test_a_table_row_taller_than_a_page_is_split(sample_brief):
    steps = "\n\n".join(f"Step {n} of a very long action." for n in range(150))
    action = replace(sample_brief.actions[0], text=steps)
    data, result = render(replace(sample_brief, actions=(action,)), sections=frozenset({"actions"}))
    text = " ".join(page_texts(data))
    assert result.pages >= 2
    assert all(f"Step {n} of a very long action." in text for n in range(150))


def test_source_references_link_only_to_sources_that_exist(sample_brief):
    note = replace(sample_brief.notes[0], background="See [1], not [7] or [0].")
    data, _ = render(replace(sample_brief, notes=(note,)), sections=frozenset({"papers"}))
    assert "See [1], not [7] or [0]." in page_texts(data)[0]
    assert link_targets(data, 1) == [1]


def test_table_cells_beyond_the_header_are_not_lost(sample_brief):
    ragged = "| Product | Duty |\n|---|---|\n| Steel | 25% | until 2022 | see annex |\n| Aluminum |"
    note = replace(sample_brief.notes[0], background=ragged)
    data, result = render(replace(sample_brief, notes=(note,)), sections=frozenset({"papers"}))
    page = page_texts(data)[0]
    assert "Product Duty Steel 25% Aluminum" in page
    assert "Row as typed: | Steel | 25% | until 2022 | see annex |" in page
    assert [str(w) for w in result.warnings] == [
        "Issue paper “Steel and aluminum excess capacity” › Background: 1 table row(s) have more "
        "cells than the header; they are printed in full under the table"]
