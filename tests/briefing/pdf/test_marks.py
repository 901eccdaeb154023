"""Computed banners (issue 11): each page's banner is the highest marking on it; the cover and the
metadata carry the book's highest; the contents give each paper's; marked portions print their mark
in front; above the second step the cover carries the classification authority. Read back from the
PDF (pypdf text per page, metadata), in one process and laid out in parts by several."""

from __future__ import annotations

import dataclasses
import io

import pypdf
import pytest

from briefing.pdf import parallel
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import page_texts, pdftotext

SBU, C = "SENSITIVE BUT UNCLASSIFIED", "CONFIDENTIAL"
TITLE = "US–Japan Partnership on Trade — Round 1"
SECTION_232 = "Section 232 tariffs on Japanese steel and aluminum"
FALLBACK = "(C) Fallback: a quota at 2015–2017 average volumes."


def with_note(brief, issue_title: str, **changes):
    notes = tuple(dataclasses.replace(n, **changes) if n.issue_title == issue_title else n
                  for n in brief.notes)
    return dataclasses.replace(brief, notes=notes)


def marked_brief(brief, **authority):
    """The sample's Round 1 (SBU) with a confidential fallback among the Section 232 red lines."""
    note = next(n for n in brief.notes if n.issue_title == SECTION_232)
    brief = with_note(brief, SECTION_232, red_lines=f"{note.red_lines}\n- {FALLBACK}",
                      background=f"(U) {note.background}")
    return dataclasses.replace(brief, meeting=dataclasses.replace(brief.meeting, **authority))


def banners(text: str) -> tuple[str, str]:
    """(top, bottom) banner of a page's text: the first words and the words before the running line."""
    top = C if text.startswith(C) else SBU if text.startswith(SBU) else text[:30]
    before_running = text.rsplit(f" {TITLE} Page ", 1)[0]
    bottom = (C if before_running.endswith(C) else SBU if before_running.endswith(SBU)
              else before_running[-30:])
    return top, bottom


@pytest.fixture(scope="module")
def marked_book(sample_brief):
    return render(marked_brief(sample_brief, classified_by="K. Tai, USTR"))[0]


def test_the_page_with_the_confidential_portion_is_banded_confidential_top_and_bottom(marked_book):
    pages = page_texts(marked_book)
    with_fallback = [n for n, text in enumerate(pages, 1) if FALLBACK in text]
    assert len(with_fallback) == 1
    for number, text in enumerate(pages, 1):
        expected = C if number in (1, *with_fallback) else SBU  # the cover: the book's highest
        assert banners(text) == (expected, expected), number


def test_a_marked_portion_prints_its_mark_in_front(marked_book):
    text = pdftotext(marked_book)
    assert FALLBACK in " ".join(text.split())
    assert "(U) In 2018 the United States imposed duties" in " ".join(text.split())


def test_the_cover_and_the_metadata_carry_the_books_highest_marking(marked_book):
    cover = page_texts(marked_book)[0]
    assert cover.count(C) == 3 and SBU not in cover  # the two bands and the large marking
    info = pypdf.PdfReader(io.BytesIO(marked_book)).metadata
    assert info["/Keywords"] == C


def test_above_the_second_step_the_cover_has_the_authority_block_with_dashes_for_what_is_missing(
        marked_book):
    cover = page_texts(marked_book)[0]
    assert "CLASSIFIED BY K. Tai, USTR REASON — DECLASSIFY ON —" in cover


def test_the_contents_give_each_papers_highest_marking(marked_book, sample_brief):
    contents = next(text for text in page_texts(marked_book) if " Contents " in text[:40])
    assert f"(C) {SECTION_232}" in contents
    for note in sample_brief.notes:
        if note.issue_title != SECTION_232:
            assert f"(SBU) {note.issue_title}" in contents


def test_a_book_with_nothing_above_its_sensitivity_has_no_authority_block(sample_book):
    cover = page_texts(sample_book[0])[0]
    assert "CLASSIFIED BY" not in cover
    assert cover.count(SBU) == 3


def test_a_marked_paragraph_that_runs_on_marks_the_next_page_too(sample_brief):
    long = "(C) " + " ".join(f"Confidential sentence {n} on the quota volumes." for n in range(400))
    brief = with_note(sample_brief, SECTION_232, background=long)
    pages = page_texts(render(brief, sections=frozenset({"papers", "red_lines"}))[0])
    holding = [n for n, text in enumerate(pages, 1) if "Confidential sentence" in text]
    assert len(holding) >= 2
    for number, text in enumerate(pages, 1):
        expected = C if number in holding else SBU
        assert banners(text) == (expected, expected), number


def test_parts_laid_out_by_other_processes_band_their_pages_the_same(sample_brief, monkeypatch,
                                                                     marked_book):
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 0)
    data, result = render(marked_brief(sample_brief, classified_by="K. Tai, USTR"), jobs=3)
    assert not [w for w in result.warnings if "one process" in w.message]
    assert [banners(t) for t in page_texts(data)] == [banners(t) for t in page_texts(marked_book)]


def test_a_list_item_mark_and_an_unknown_code(sample_brief):
    brief = with_note(sample_brief, SECTION_232, red_lines="- (X) Not a marking we know\n- (SBU) Known")
    pages = page_texts(render(brief, sections=frozenset({"papers", "red_lines"}))[0])
    page = next(text for text in pages if "Not a marking we know" in text)
    assert "(X) Not a marking we know" in page and banners(page) == (SBU, SBU)
