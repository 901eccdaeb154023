"""Each page of the book names only the fonts it draws with (issue 16): a viewer that checks every
page's objects as it opens the file (QtPdf) then does not walk every font subset of the book for
each page. Read back with pikepdf (qpdf's own content parser finds each ``Tf``) and pdftotext."""

from __future__ import annotations

import io
import os
from dataclasses import replace

import pikepdf
import pytest

from briefing.pdf import parallel
from briefing.pdf.incremental import BookSession
from briefing.pdf.page_fonts import SMALL_TABLE, names_few_fonts, selected_fonts
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import has_pdftotext, pdftotext
from tests.briefing.pdf.test_appended import preview
from tests.briefing.pdf.test_incremental import in_session

#: 600 distinct kanji: three subsets of the Japanese face beside the one the names use (more
#: fonts than a page's table keeps untrimmed).
KANJI = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 1200, 2))


@pytest.fixture(scope="module")
def japanese_brief(sample_brief):
    """The sample's Round 1 with a long Japanese passage in its first paper and one in its last."""
    notes = list(sample_brief.notes)
    for index, text in ((0, KANJI[:400]), (-1, KANJI[400:])):
        notes[index] = replace(notes[index], background=f"{notes[index].background}\n\n{text}。")
    return replace(sample_brief, notes=tuple(notes))


def _selected(holder) -> set[str]:
    """The fonts ``holder``'s content selects, as qpdf parses it (not as the builder scans it)."""
    return {str(operands[0]) for operands, _ in pikepdf.parse_content_stream(holder, "Tf")}


def _named(holder) -> set[str]:
    table = holder.Resources.get("/Font")
    return set(table.keys()) if table is not None else set()


def _own_fonts(holder) -> bool:
    """``holder`` names every font its content selects, and no other unless its table is small
    (``SMALL_TABLE``: kept as it is, cheap for a viewer to walk)."""
    named, selected = _named(holder), _selected(holder)
    return selected <= named and (named == selected or len(named) <= SMALL_TABLE)


def assert_each_page_names_its_own_fonts(data: bytes) -> int:
    """Every page and every form it draws names the fonts its content selects and, past a few,
    only those; how many subsets the book's pages and forms name."""
    subsets = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            assert _own_fonts(page.obj), f"page {number}"
            for name, form in (page.obj.Resources.get("/XObject") or {}).items():
                assert _own_fonts(form), f"page {number}, form {name}"
                subsets.update(str(font.BaseFont) for font in form.Resources.get("/Font", {}).values())
            subsets.update(str(font.BaseFont) for font in page.obj.Resources.get("/Font", {}).values())
    return len(subsets)


def test_the_preview_and_its_appended_update_name_only_each_pages_own_fonts(japanese_brief):
    session = BookSession()
    first = preview(session, japanese_brief)
    assert sum(1 for name in _subsets(first) if "BIZUDPGothic" in name) >= 3
    assert_each_page_names_its_own_fonts(first)
    notes = list(japanese_brief.notes)
    notes[1] = replace(notes[1], talking_points=notes[1].talking_points + " 顰蹙")
    typed = preview(session, replace(japanese_brief, notes=tuple(notes)))
    assert typed.startswith(first)  # an update appended to the last book
    assert_each_page_names_its_own_fonts(typed)


def test_the_export_joined_from_parts_names_only_each_pages_fonts_and_reads_as_before(japanese_brief):
    data, _ = in_session(BookSession(), japanese_brief)
    assert assert_each_page_names_its_own_fonts(data) >= 6
    one_process, _ = render(japanese_brief)  # laid out whole: its pages name the book's every font
    if has_pdftotext():
        assert pdftotext(data) == pdftotext(one_process)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="laying out in parallel needs fork")
def test_the_book_laid_out_by_two_processes_names_only_each_pages_fonts_and_reads_as_before(
        japanese_brief, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 0)  # the sample is short: shared all the same
    data, result = render(japanese_brief, jobs=2)
    assert not any("one process" in str(warning) for warning in result.warnings)
    assert assert_each_page_names_its_own_fonts(data) >= 6
    if has_pdftotext():
        assert pdftotext(data) == pdftotext(render(japanese_brief)[0])


def test_a_file_in_one_script_names_few_fonts_and_one_with_japanese_papers_more(
        sample_brief, japanese_brief):
    """What lets the parallel join skip trimming a book in one script: ReportLab's one table."""
    for brief, few in ((sample_brief, True), (japanese_brief, False)):
        with pikepdf.open(io.BytesIO(render(brief)[0])) as pdf:
            assert names_few_fonts(pdf) is few
            assert len(pdf.pages[0].obj.Resources.Font) > SMALL_TABLE or few


def test_a_font_selected_in_the_content_is_found_however_its_size_is_written():
    content = b"BT /F1+0 9 Tf (a) Tj /F2 10.5 Tf /F3+1 .5 Tf /F4\n-2 Tf ET q /F5 Do Q (/F6 1 Tf)"
    assert selected_fonts(content) == {"/F1+0", "/F2", "/F3+1", "/F4", "/F6"}
    assert selected_fonts(b"/F7 9 Tfx") == set()


def _subsets(data: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {str(font.BaseFont) for page in pdf.pages
                for font in (page.obj.Resources.get("/Font") or {}).values()}

