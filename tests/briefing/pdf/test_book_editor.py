"""What the briefing-book editor sent back, read back from the PDF: nothing stranded, drafts
marked, home times with their day, defensive Q&A, print margins, the file's properties, line
breaks as typed, the papers chosen, the summary page and the agenda's page numbers."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import pikepdf
import pypdf
import pytest

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import has_pdftotext, link_targets, outline, page_texts, pdftotext, watermarks

pytestmark = pytest.mark.skipif(not has_pdftotext(), reason="needs poppler's pdftotext")

MM = 72 / 25.4
STEEL = "Steel and aluminum excess capacity"


def words(data: bytes) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page, every word as pdftotext -bbox reads it: (word, xMin, yMin, xMax, yMax), y down."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.pdf"
        path.write_bytes(data)
        html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, check=True).stdout.decode("utf-8")
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append([(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page)])
    return pages


def fonts_of(data: bytes, page: int, needle: str) -> set[str]:
    """The fonts (BaseFont, subset tag dropped) of the text runs on ``page`` that hold ``needle``."""
    found: set[str] = set()

    def visit(text, cm, tm, font, size):
        if needle in text and font is not None:
            found.add(str(font.get("/BaseFont", "")).split("+")[-1])

    pypdf.PdfReader(io.BytesIO(data)).pages[page - 1].extract_text(visitor_text=visit)
    return found


def with_note(brief, note_index: int = 0, **changes):
    """``brief`` with one note (of its notes) changed, and only that one."""
    return replace(brief, notes=(replace(brief.notes[note_index], **changes),), round_changes=None)


# -- 1. nothing stranded ------------------------------------------------------------------


def test_action_items_heading_is_never_alone_above_a_tall_row(sample_brief):
    tall = " ".join(f"step{n} of the long follow-up" for n in range(220))
    brief = replace(sample_brief, actions=(replace(sample_brief.actions[0], text=tall),))
    data, _ = render(brief, sections=frozenset({"actions"}))
    first = page_texts(data)[0]
    assert "Action items" in first
    assert "step0 of the long follow-up" in first  # the row starts under its heading


def test_the_cover_is_one_page_however_long_its_fields(sample_brief):
    long = "Negotiation " * 170  # 2,040 characters
    meeting = replace(sample_brief.meeting, title=long, counterpart=long, principal=long,
                      prepared_by=long, location=long)
    data, result = render(replace(sample_brief, meeting=meeting), sections=frozenset({"cover"}))
    assert result.pages == 1
    cover = page_texts(data)[0]
    assert "Negotiation…" in cover and "PREPARED FOR" in cover and "PREPARED ON" in cover


def test_a_paper_over_several_pages_says_continued_in_a_running_head(sample_brief):
    background = "\n\n".join(f"Paragraph {n}: " + "the history of the dispute " * 30
                             for n in range(12))
    brief = with_note(sample_brief, background=background)
    data, result = render(brief, sections=frozenset({"papers"}))
    assert result.pages >= 3
    texts = [pdftotext(data, n, n) for n in range(1, result.pages + 1)]
    assert f"{STEEL} (continued)" not in texts[0]
    for text in texts[1:]:
        assert f"{STEEL} (continued)" in " ".join(text.split())
    head = [w for w in words(data)[1] if w[0] == "(continued)"][0]
    first_body = min(w[2] for w in words(data)[1] if w[0].startswith("Paragraph") or w[0] == "the")
    assert head[4] < first_body  # above the body, under the top banner


# -- 2. drafts --------------------------------------------------------------------------


def test_draft_papers_say_draft_in_the_contents_and_in_their_header_box(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"contents", "papers"}))
    contents = page_texts(data)[0]
    assert f"{STEEL} DRAFT" in contents
    assert "WTO reform DRAFT" not in contents and "WTO reform" in contents  # cleared
    pages = page_texts(data)
    steel = next(p for p in pages[1:] if p.startswith(f"SENSITIVE BUT UNCLASSIFIED {STEEL}"))
    assert steel.startswith(f"SENSITIVE BUT UNCLASSIFIED {STEEL} DRAFT Status: Draft")
    wto = next(p for p in pages[1:] if "WTO reform Status" in p)
    assert "DRAFT" not in wto


# -- 3. home times past midnight -------------------------------------------------------


def test_home_times_past_midnight_show_their_day_in_the_agenda_and_on_the_cover(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"cover", "agenda"}))
    cover, agenda = page_texts(data)[:2]
    assert "Sunday 6 February 2022, 19:00–Mon 03:00 EST" in cover  # the home end time, its day
    # 14:15 in Tokyo is 00:15 on Monday in New York: the item after midnight says so
    assert "6 14:15 Mon 00:15 45 WTO reform" in agenda
    assert "2 09:30 Sun 19:30 75" in agenda


# -- 4. defensive Q&A --------------------------------------------------------------------


def test_each_question_prints_bold_on_its_own_line_and_its_answer_below(sample_brief):
    text = "Q: Will the duties end soon?\nA: We will not prejudge the outcome.\n" \
           "Q: Is this aimed at China?\nA: It addresses practices that distort markets."
    data, _ = render(with_note(sample_brief, defensives=text), sections=frozenset({"papers"}))
    page = words(data)[0]
    q = next(w for w in page if w[0] == "prejudge")
    question = next(w for w in page if w[0] == "soon?")
    assert q[2] > question[4] - 1  # the answer is on the line below the question
    assert {f for f in fonts_of(data, 1, "Q: Will the duties end soon?")} == {"NotoSans-Bold"}
    assert "NotoSans-Bold" not in fonts_of(data, 1, "We will not prejudge")


# -- 5. print margins --------------------------------------------------------------------


def test_nothing_prints_within_10_mm_of_the_edge_and_banners_are_9_pt_bold(sample_book):
    data = sample_book[0]
    height = float(pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox.height)
    for page in words(data):
        assert min(w[2] for w in page) >= 10 * MM - 0.01
        assert max(w[4] for w in page) <= height - 10 * MM + 0.01
        footer = [w for w in page if w[0] == "Page"]
        assert footer and footer[0][4] <= height - 10 * MM
    sizes: set[tuple[str, float]] = set()

    def visit(text, cm, tm, font, size):
        if "SENSITIVE" in text and font is not None:
            sizes.add((str(font.get("/BaseFont")).split("+")[-1], size * tm[3] * cm[3]))

    pypdf.PdfReader(io.BytesIO(data)).pages[2].extract_text(visitor_text=visit)
    assert sizes and all(f == "NotoSans-Bold" and s >= 9 for f, s in sizes)


# -- 6. the file --------------------------------------------------------------------------


def test_the_file_opens_on_its_bookmarks_says_its_language_and_tags_subsets_apart(sample_book):
    with pikepdf.open(io.BytesIO(sample_book[0])) as pdf:
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines
        assert str(pdf.Root.Lang) == "en"
        subsets: dict[str, str] = {}
        for font in (o for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                     and o.get("/Type") == pikepdf.Name.Font and "/BaseFont" in o):
            name = str(font.BaseFont)[1:]
            if re.match(r"[A-Z]{6}\+", name):
                tag = name[:6]
                assert subsets.setdefault(tag, name) == name, f"{name} and {subsets[tag]} share {tag}"
        assert len(subsets) >= 3


def test_the_watermark_is_an_artifact_with_no_text_to_copy_or_extract(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"cover", "agenda"}), watermark="EYESONLY")
    # its letters are filled outlines inside a pagination artifact: not text to any extractor
    assert [(shapes, texts) for shapes, texts, _ in watermarks(data)] == [(8, 0), (8, 0)]
    assert not any("EYESONLY" in page for page in page_texts(data))   # pypdf
    assert "EYESONLY" not in pdftotext(data)                          # poppler
    assert "SENSITIVE BUT UNCLASSIFIED" in pdftotext(data)  # the real text still reads


# -- 7. line breaks as typed -------------------------------------------------------------


def test_a_single_line_break_in_a_note_prints_as_a_line_break(sample_brief):
    text = "Ambassador Tai\nOffice of the USTR\n600 17th Street NW"
    data, _ = render(with_note(sample_brief, background=text), sections=frozenset({"papers"}))
    page = words(data)[0]
    tops = [next(w for w in page if w[0] == word)[2] for word in ("Tai", "Office", "600")]
    assert tops[0] < tops[1] < tops[2]


# -- 8. choosing the papers --------------------------------------------------------------


def test_chosen_notes_limit_the_papers_the_changes_and_the_summary(sample_brief):
    data, _ = render(sample_brief, notes=frozenset({"wto-reform"}))
    papers = [title for level, title, _ in outline(data) if level == 1]
    assert papers == ["WTO reform"]
    pages = page_texts(data)
    changes = [p for p in pages if p.startswith("SENSITIVE BUT UNCLASSIFIED Changes since")]
    assert changes and "WTO reform" in changes[0]
    assert not any(STEEL in p or "CPTPP and China" in p for p in changes)
    summary = pages[1]
    assert "WTO reform" in summary and "Section 232 tariffs" not in summary and STEEL not in summary


def test_an_unknown_issue_is_refused_by_name(sample_brief):
    from briefing.brief.select import check_notes
    from briefing.errors import ValidationError

    with pytest.raises(ValidationError, match="'no-such-issue'"):
        check_notes(sample_brief, ("wto-reform", "no-such-issue"))


# -- 9. the summary ----------------------------------------------------------------------


def test_the_summary_follows_the_cover_with_asks_red_lines_and_their_people(sample_brief):
    data, _ = render(sample_brief)
    summary = page_texts(data)[1]
    assert summary.startswith("SENSITIVE BUT UNCLASSIFIED Summary for the principal")
    assert "Agree a joint statement of the problem, naming its main source." in summary
    assert "No statement that overcapacity is a global problem without a main source." in summary
    assert "Koichi Hagiuda" in summary and "Katherine Tai —" not in summary  # their side only
    without, _ = render(sample_brief, sections=frozenset({"cover", "summary", "papers"}))
    assert "No statement that overcapacity" not in page_texts(without)[1]  # red_lines not chosen
    empty = replace(sample_brief, notes=(), round_changes=None)
    none, _ = render(empty, sections=frozenset({"cover", "summary"}))
    assert len(page_texts(none)) == 1  # no notes: no summary


# -- 10. the agenda's page numbers -------------------------------------------------------


def test_an_agenda_item_on_an_issue_gives_its_papers_page_as_a_link(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"agenda", "papers"}))
    pages = {title: page for level, title, page in outline(data) if level >= 1}  # (grouped by tier)
    agenda = page_texts(data)[0]
    assert f"p. {pages[STEEL]}" in agenda and f"p. {pages['WTO reform']}" in agenda
    assert pages[STEEL] in link_targets(data, 1) and pages["WTO reform"] in link_targets(data, 1)
