"""A paper written in Word brought into an issue note: headings choose the sections, formatting
becomes Markdown, anything else goes to Background with a warning."""

from __future__ import annotations

import docx
import pytest

from briefing.word.opening import WordFileError
from briefing.word.service import WordService

ROUND_1 = "US–Japan Partnership on Trade — Round 1"


def paper(path, *, intro: bool = True):
    d = docx.Document()
    d.add_heading("Rules of origin for autos", 0)
    if intro:
        d.add_paragraph("A line before any section heading.")
    d.add_heading("OUR OBJECTIVES", 1)
    p = d.add_paragraph("Keep the ")
    p.add_run("regional value content").bold = True
    p.add_run(" at ")
    p.add_run("75%").italic = True
    p.add_run(".")
    d.add_paragraph("First ask", style="List Bullet")
    d.add_paragraph("Second ask", style="List Bullet")
    d.add_heading("Their Position", 2)
    d.add_paragraph("日本は慎重 (cautious) *not markup*")
    d.add_heading("Talking points", 2)
    d.add_paragraph("We welcome cooperation", style="List Number")
    d.add_paragraph("Point two", style="List Number")
    d.add_heading("Defensive Q&A", 2)
    d.add_paragraph("Q: Why now?")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Year", (0, 1): "Share", (1, 0): "2025", (1, 1): "40%"}.items():
        table.cell(r, c).text = text
    d.add_heading("Red lines:", 2)
    d.add_paragraph("No tariff above 2.5%")
    d.add_heading("Sources", 2)
    d.add_paragraph("[1] USTR fact sheet, 2021")
    d.save(path)
    return path


def test_headings_choose_sections_and_formatting_becomes_markdown(sample, tmp_path):
    word = WordService(sample)
    note, read, created = word.import_paper(paper(tmp_path / "p.docx"), ROUND_1, "rules-of-origin")
    assert created and note.issue_title == "Rules of origin for autos"
    assert note.objectives == ("Keep the **regional value content** at *75%*.\n\n"
                               "- First ask\n- Second ask")
    assert note.their_position == r"日本は慎重 (cautious) \*not markup\*"
    assert note.talking_points == "1. We welcome cooperation\n1. Point two"
    assert note.defensives == "Q: Why now?\n\n| Year | Share |\n|---|---|\n| 2025 | 40% |"
    assert note.red_lines == "No tariff above 2.5%"
    assert note.background == "A line before any section heading."
    assert [s.title for s in note.sources] == ["USTR fact sheet, 2021"]
    assert any("went to Background" in w for w in read.warnings)


def test_into_an_existing_note_is_one_save_with_a_revision(sample, tmp_path):
    meeting = sample.meetings.resolve(ROUND_1)
    before = next(n for n in sample.notes.list_full(meeting.id) if n.issue_slug == "labor")
    note, _, created = WordService(sample).import_paper(paper(tmp_path / "p.docx", intro=False),
                                                        str(meeting.id), "labor")
    assert not created and note.id == before.id and note.version > before.version
    assert note.red_lines == "No tariff above 2.5%"
    assert note.background == before.background  # the paper has no Background: kept
    latest = sample.history.revisions(note.id)[0]
    assert "import from Word: p.docx" in latest.author and latest.red_lines == note.red_lines


def test_a_link_becomes_a_markdown_link(sample, tmp_path):
    from briefing.word.markdown_docx import Style, add_run

    d = docx.Document()
    d.add_heading("Background", 1)
    p = d.add_paragraph("See ")
    add_run(p, "the fact sheet", Style(href="https://ustr.gov/x"))
    d.save(tmp_path / "l.docx")
    read = WordService(sample).read_paper(tmp_path / "l.docx")
    assert read.sections["background"] == "See [the fact sheet](https://ustr.gov/x)"


def test_a_file_that_is_not_a_docx_changes_nothing(sample, tmp_path):
    meeting = sample.meetings.resolve(ROUND_1)
    before = sample.notes.list_full(meeting.id)
    bad = tmp_path / "notes.docx"
    bad.write_text("just text")
    with pytest.raises(WordFileError, match="not a Word .docx file; nothing was changed"):
        WordService(sample).import_paper(bad, ROUND_1, "labor")
    assert sample.notes.list_full(meeting.id) == before
