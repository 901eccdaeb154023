"""A page's furniture is drawn into the page itself; only its number is a form (issue 16).

A viewer walks every form a page draws, with its resources, for every page as
it opens the file (QtPdf did: twice as long with six forms a page). The bands,
the running line and the running head are part of the page's own content,
the bands and the running head still read before the page's text; "Page X of
Y" stays a form, written once the numbers are known. Read back with pikepdf
(qpdf's content parser), pypdf's text in content order and pdftotext.
"""

from __future__ import annotations

import io
from dataclasses import replace

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from briefing.pdf import templates
from briefing.pdf.incremental import BookSession
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import page_texts, pdftotext
from tests.briefing.pdf.test_appended import preview

SBU = "SENSITIVE BUT UNCLASSIFIED"


def _forms(page: pikepdf.Page) -> list[str]:
    """The names of the forms ``page`` draws (``Do`` in its content), as qpdf parses it."""
    return [str(operands[0]) for operands, _ in pikepdf.parse_content_stream(page, "Do")]


def _long_paper(brief):
    notes = list(brief.notes)
    background = "\n\n".join(f"Paragraph {n}: " + "the history of the dispute " * 30 for n in range(12))
    notes[0] = replace(notes[0], background=background)
    return replace(brief, notes=tuple(notes)), notes[0].issue_title


def _assert_one_form_a_page_its_number(data: bytes) -> None:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            drawn = [name for name in _forms(page) if "pageof" in name]
            assert len(drawn) == 1, f"page {number} draws {_forms(page)}"
            furniture = [name for name in _forms(page)
                         if any(word in name for word in ("band", "runhead", "book-head", "book-foot"))]
            assert furniture == [], f"page {number} draws its furniture as forms: {furniture}"
            (form,) = (page.obj.Resources.XObject[name] for name in drawn)
            assert f"Page {number} of {len(pdf.pages)}" in " ".join(
                str(operands[0]) for operands, _ in pikepdf.parse_content_stream(form, "Tj"))


def test_each_page_draws_one_form_its_number_and_reads_marking_running_head_then_text(sample_brief):
    brief, title = _long_paper(sample_brief)
    data, result = render(brief, sections=frozenset({"contents", "papers"}))
    _assert_one_form_a_page_its_number(data)
    texts = page_texts(data)  # in the order the page's content draws them
    assert all(text.startswith(SBU) for text in texts)
    assert texts[1].startswith(f"{SBU} {title}")  # the paper's first page: no running head
    continued = [n for n, text in enumerate(texts) if f"{title} (continued)" in text]
    assert continued
    for n in continued:  # marking, running head, the paper's text, marking, running line
        head = f"{SBU} {title} (continued) "
        assert texts[n].startswith(head)
        assert len(head) < texts[n].rindex(SBU) < texts[n].index(f"Page {n + 1} of {result.pages}")
    words = " ".join(pdftotext(data, 1, result.pages).split())
    assert f"Page {result.pages} of {result.pages}" in words


def test_the_preview_session_and_its_update_draw_only_the_page_number_as_a_form(sample_brief):
    session = BookSession()
    brief, _ = _long_paper(sample_brief)
    first = preview(session, brief)
    _assert_one_form_a_page_its_number(first)
    notes = list(brief.notes)
    notes[1] = replace(notes[1], talking_points=notes[1].talking_points + " typed")
    typed = preview(session, replace(brief, notes=tuple(notes)))
    assert typed.startswith(first)  # an update appended to the last book
    _assert_one_form_a_page_its_number(typed)
    assert any("typed" in text for text in page_texts(typed))


def test_a_watermark_still_comes_last_and_gives_no_text(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"cover", "papers"}), watermark="DRAFT COPY 7")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        content = pdf.pages[1].obj.Contents.read_bytes()
    assert content.rindex(b"/Artifact") > content.rindex(b"Do")  # over the page number too
    assert all("COPY 7" not in text for text in page_texts(data))


def test_reportlab_still_keeps_a_pages_content_as_the_list_the_furniture_is_moved_in():
    """``templates._content`` relies on ``Canvas._code`` (a list of operators, edited in place):
    without it the bands would read after the page's text. Fails, not skips, when ReportLab
    changes (review ``templates._at_head`` before raising its bound)."""
    canvas = Canvas(io.BytesIO())
    assert templates._content(canvas) is canvas._code
    canvas.drawString(10, 10, "here")
    assert any("here" in line for line in templates._content(canvas))
