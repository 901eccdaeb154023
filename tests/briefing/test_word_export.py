"""The book and one note as Word files: Word's own headings, real lists and tables, the marking
in every header and footer, page numbers as fields, Japanese in a Japanese-capable font — and
the same file converted by LibreOffice (a Word-compatible client) keeps text, headings, marks."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import docx
import pytest

from briefing.pdf.options import BookOptions
from briefing.vocabulary import SECTION_TITLES
from briefing.word.page import EAST_ASIA_FONT
from briefing.word.service import WordService

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
SLUG = "steel-aluminum-excess-capacity"
#: A paper with every block Markdown has, Japanese, and characters that are markup elsewhere.
PAPER = (
    "Opening with **bold**, *italic*, ~~struck~~ and a [link](https://ustr.gov/).\n\n"
    "- first bullet\n- second bullet\n\n"
    "| Year | Share |\n|---|---|\n| 2025 | 40% |\n\n"
    "日米の協力 <tag> & more"
)


@pytest.fixture
def meeting(sample):
    return sample.meetings.resolve(ROUND_1)


def export(sample, meeting, options: BookOptions) -> docx.Document:
    out = io.BytesIO()
    WordService(sample).export(meeting.id, options, out)
    out.seek(0)
    return docx.Document(out)


def texts(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_the_book_uses_word_headings_for_its_parts_and_papers(sample, meeting):
    d = export(sample, meeting, BookOptions(paper="a4", invariant=True))
    headings = [(style, text) for style, text in texts(d) if style.startswith("Heading")]
    assert ("Heading 1", "Agenda") in headings
    assert ("Heading 1", "Participants") in headings and ("Heading 1", "Action items") in headings
    assert ("Heading 1", "Steel and aluminum excess capacity  [DRAFT]") in headings
    assert ("Heading 2", "Talking points") in headings and ("Heading 2", "Red lines") in headings
    assert any(style == "Title" and text == ROUND_1 for style, text in texts(d))
    assert len(d.tables) >= 2  # the agenda and the action items are Word tables
    assert d.tables[1].cell(0, 0).text in ("Start (venue)", "Issue")


def test_every_page_carries_the_marking_and_page_x_of_y_fields(sample, meeting):
    d = export(sample, meeting, BookOptions(paper="letter"))
    section = d.sections[0]
    assert section.header.paragraphs[0].text == "SENSITIVE BUT UNCLASSIFIED"
    assert section.footer.paragraphs[0].text == "SENSITIVE BUT UNCLASSIFIED"
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    assert round(section.page_width.inches, 2) == 8.5


def test_markdown_becomes_word_formatting_lists_tables_and_links(sample, meeting):
    note = next(n for n in sample.notes.list_full(meeting.id) if n.issue_slug == SLUG)
    sample.notes.update(note.id, note.version, background=PAPER)
    d = export(sample, meeting, BookOptions(sections=frozenset({"papers"}), notes=frozenset({SLUG})))
    body = texts(d)
    opening = next(p for p in d.paragraphs if p.text.startswith("Opening with"))
    assert opening.text == "Opening with bold, italic, struck and a link."
    runs = {r.text: r for r in opening.runs}
    assert runs["bold"].bold and runs["italic"].italic and runs["struck"].font.strike
    assert "https://ustr.gov/" in [r.target_ref for r in d.part.rels.values() if r.is_external]
    assert ("List Bullet", "first bullet") in body and ("List Bullet", "second bullet") in body
    table = next(t for t in d.tables if t.cell(0, 0).text == "Year")
    assert table.cell(1, 1).text == "40%"
    assert ("Normal", "日米の協力 <tag> & more") in body


def test_talking_points_are_a_numbered_list_that_starts_at_one_in_each_paper(sample, meeting):
    d = export(sample, meeting, BookOptions(sections=frozenset({"papers"})))
    numbered = [p for p in d.paragraphs if p.style.name == "List Number"]
    assert numbered
    num_ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(num_ids) >= len(sample.notes.list(meeting.id)) - 1  # a list of its own per paper
    numbering = d.part.numbering_part.element.xml
    assert '<w:startOverride w:val="1"/>' in numbering


def test_japanese_text_is_set_in_a_japanese_capable_font(sample, meeting):
    d = export(sample, meeting, BookOptions(sections=frozenset({"papers"})))
    styles = d.styles.element.xml
    assert f'w:eastAsia="{EAST_ASIA_FONT}"' in styles
    assert "w:eastAsiaTheme" not in styles.split("<w:docDefaults>")[1].split("</w:docDefaults>")[0]


def test_a_book_of_several_notes_records_no_note(sample, meeting, tmp_path):
    path = tmp_path / "book.docx"
    result = WordService(sample).export(meeting.id, BookOptions(), path)
    assert result.origin is None and result.notes > 1
    custom = zipfile.ZipFile(path).read("docProps/custom.xml").decode()
    assert "briefbook.note_id" not in custom and '<vt:lpwstr>book</vt:lpwstr>' in custom


def test_red_lines_can_be_left_out(sample, meeting):
    d = export(sample, meeting, BookOptions(sections=frozenset({"papers"})))
    assert "Red lines" not in [p.text for p in d.paragraphs]


def test_a_watermark_is_word_s_own_text_watermark(sample, meeting):
    d = export(sample, meeting, BookOptions(sections=frozenset({"papers"}), watermark="DRAFT <1>"))
    header = d.sections[0].header._element.xml
    assert 'string="DRAFT &lt;1&gt;"' in header


# -- LibreOffice ------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                              "apt-get install libreoffice-writer (.ci/run does)")
def test_libreoffice_converts_the_exported_docx_with_text_headings_and_markings(
        sample, meeting, tmp_path):
    import pypdf

    note = next(n for n in sample.notes.list_full(meeting.id) if n.issue_slug == SLUG)
    sample.notes.update(note.id, note.version, background=PAPER)
    path = tmp_path / "book.docx"
    WordService(sample).export(meeting.id, BookOptions(paper="a4", watermark="DRAFT"), path)
    profile = tmp_path / "lo-profile"  # never the user's own LibreOffice profile
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                         capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "book.pdf"
    assert pdf.exists(), run.stderr
    reader = pypdf.PdfReader(pdf)
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    assert len(pages) > 5
    # the marking at the top and bottom of every page, and "Page X of Y" filled in
    assert all(page.count("SENSITIVE BUT UNCLASSIFIED") >= 2 for page in pages)
    assert f"Page 2 of {len(pages)}" in text
    # the text and the Markdown made Word formatting, not asterisks
    paper = next(page for page in pages if "Opening with bold" in page)
    assert "Opening with bold, italic, struck and a link." in " ".join(paper.split())
    assert "**" not in paper and "first bullet" in paper and "40%" in paper
    assert "日米の協力" in text
    # Word's headings became the PDF's outline: the parts and the papers
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Agenda" in titles and "Participants" in titles
    assert "Steel and aluminum excess capacity  [DRAFT]" in [t.strip() for t in titles] or any(
        t.startswith("Steel and aluminum excess capacity") for t in titles)


def test_a_release_copy_in_word_leaves_out_what_is_marked_above_up_to(sample, meeting):
    note = next(n for n in sample.notes.list_full(meeting.id) if n.issue_slug == SLUG)
    sample.notes.update(note.id, note.version,
                        background="(C) We could go to 5%.\n\n(U) The duties hurt both sides.")
    d = export(sample, meeting, BookOptions(notes=frozenset({SLUG}), up_to="U"))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "(U) The duties hurt both sides." in text  # portion marks print in front, as typed
    assert "We could go to 5%" not in text
    assert "RELEASE COPY:" in text and "withheld" in text


def _bold_texts(document) -> set[str]:
    return {p.text for p in document.paragraphs if p.runs and all(r.bold for r in p.runs if r.text)}


def test_the_book_has_the_positions_matrix_scenario_and_qa_annex_in_the_pdf_s_order(sample, meeting):
    d = export(sample, meeting, BookOptions(paper="a4", invariant=True))
    parts = [text for style, text in texts(d) if style == "Heading 1"]
    order = ["Where each issue stands", "Agenda", "Scenario"]
    assert [p for p in parts if p in order] == order
    assert parts.index("Annex: questions and press lines") > parts.index(
        "Steel and aluminum excess capacity  [DRAFT]")
    assert parts.index("Annex: questions and press lines") < parts.index("Participants")
    matrix = next(t for t in d.tables if t.cell(0, 0).text == "Issue" and t.cell(0, 1).text == "State")
    assert [c.text for c in matrix.rows[0].cells] == ["Issue", "State", "Since", "Ours", "Theirs"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in matrix.rows[1:]}
    assert rows["Steel and aluminum excess capacity"][1:3] == ["Open", "round 1"]
    body = [text for _, text in texts(d)]
    assert "1. Opening and terms of reference" in body
    assert any(t.startswith("Time: ") and " · home " in t for t in body)
    assert "Press: Open to the press" in body and "We speak first: Katherine Tai" in body


def test_each_paper_shows_its_position_line_and_its_bank_questions_bold_with_the_answer_below(
        sample, meeting):
    d = export(sample, meeting, BookOptions(paper="a4", sections=frozenset({"papers"}),
                                            notes=(SLUG,)))
    body = [text for _, text in texts(d)]
    assert "Position: Open since round 1" in body
    headings = [text for style, text in texts(d) if style.startswith("Heading")]
    assert "Anticipated questions" in headings or "Press lines" in headings
    entry = sample.briefs.load(meeting.id)
    note = next(n for n in entry.notes if n.issue_slug == SLUG)
    e = entry.qa[note.id][0]
    question = e.question.strip().splitlines()[0]
    where = next(i for i, t in enumerate(body) if question in t)
    assert body[where] in _bold_texts(d)
    assert e.answer.strip().splitlines()[0][:30] in " ".join(body[where + 1:where + 4])


def test_a_short_paper_prints_its_objectives_points_and_q_a_and_a_defensive_paper_only_q_a(
        sample, meeting):
    d = export(sample, meeting, BookOptions(paper="a4", sections=frozenset({"papers"}),
                                            notes=("wto-reform", "environment")))
    sections: dict[str, list[str]] = {}
    current = None
    for style, text in texts(d):
        if style == "Heading 1":
            current = sections.setdefault(text.replace("  [DRAFT]", ""), [])
        elif current is not None:
            current.append(f"{style}|{text}")
    brief = sample.briefs.load(meeting.id)
    titles = {n.issue_slug: n.issue_title for n in brief.notes}
    short, defensive = sections[titles["wto-reform"]], sections[titles["environment"]]
    assert any("Short paper" in line for line in short)
    assert any("Defensive paper" in line for line in defensive)
    short_heads = [line.split("|", 1)[1] for line in short if line.startswith("Heading 2")]
    defensive_heads = [line.split("|", 1)[1] for line in defensive if line.startswith("Heading 2")]
    assert "Background" not in short_heads and "Their position" not in short_heads
    assert "Talking points" in short_heads
    assert set(defensive_heads) <= {SECTION_TITLES["defensives"], "Anticipated questions",
                                    "Press lines"}
    assert defensive_heads and "Sources" not in defensive_heads


def test_sections_chooses_the_new_sections_too(sample, meeting):
    d = export(sample, meeting, BookOptions(paper="a4", sections=frozenset({"positions", "qa_annex",
                                                                            "papers"})))
    parts = [text for style, text in texts(d) if style == "Heading 1"]
    assert "Where each issue stands" in parts and "Annex: questions and press lines" in parts
    assert "Scenario" not in parts and "Agenda" not in parts
    d = export(sample, meeting, BookOptions(paper="a4", sections=frozenset({"scenario"})))
    assert [text for style, text in texts(d) if style == "Heading 1"] == ["Scenario"]


def test_control_characters_and_a_long_paste_anywhere_export_to_word_as_the_pdf_shows_them(services):
    controls = "bell\x07 escape\x1b <b>&amp; 👍 日本"
    m = services.meetings.create(title="Hostile \x1b[31m", timezone="Asia/Tokyo",
                                 starts_at="2022-02-07T09:00:00+09:00", prepared_by="\x1b[31m")
    note = services.notes.add_new_issue(m.id, "Case \x07 bell")
    services.notes.update(note.id, note.version, talking_points=controls, defensives=controls)
    services.positions.set(m.id, note.issue_id, ours="word " * 20_000, theirs=controls, state="bracketed")
    services.qa.add(controls, controls, issue_id=note.issue_id, note_id=note.id)
    item = services.agenda.add(m.id, "Item \x1b", minutes=5)
    services.agenda.update(item.id, item.version, points=controls, speaker_ours="Tai \x07", press="open")
    for notes in (None, ("case-bell",)):
        out = io.BytesIO()
        WordService(services).export(m.id, BookOptions(paper="a4", notes=notes), out)
        out.seek(0)
        body = "\n".join(text for _, text in texts(docx.Document(out)))
        assert "bell␇ escape␛ <b>&amp; 👍 日本" in body
        assert "Case ␇ bell" in body and "\x07" not in body
