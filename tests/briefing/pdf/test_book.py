"""The sample round's briefing book, read back: every section in order, contents, outline, furniture."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pypdf
import pytest

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import (
    BASE_14,
    check,
    fonts,
    link_targets,
    outline,
    page_texts,
    pdftotext,
    watermarks,
)

TITLE = "US–Japan Partnership on Trade — Round 1"
MARKING = "SENSITIVE BUT UNCLASSIFIED"
#: Round 1 has a previous round: the changes since it take these pages after the agenda.
CHANGES_PAGES = 2
#: The summary for the principal follows the cover (the meeting has notes).
SUMMARY_PAGES = 1
#: The positions matrix follows the contents (issue 12); the scenario follows the agenda (issue 13).
POSITIONS_PAGES, SCENARIO_PAGES = 1, 2
#: Round 1's papers use Q&A bank entries: the annex follows the papers; the Section 232 paper
#: (with its three entries) takes two pages.
ANNEX_PAGES, LONG_PAPERS = 1, 1
FIRST_PAPER = 4 + SUMMARY_PAGES + POSITIONS_PAGES + SCENARIO_PAGES + CHANGES_PAGES  # (1-based)
CONTENTS, AGENDA = 2 + SUMMARY_PAGES, 3 + SUMMARY_PAGES + POSITIONS_PAGES  # page numbers (1-based)
#: The papers in the contents, grouped by tier (issue 13): the group headings and their levels.
TIER_GROUPS = {"full": "Full papers", "short": "Short papers", "defensive": "Defensive papers"}


def draft(note) -> str:
    """The tag after a paper's title in the contents and its header box."""
    return " DRAFT" if note.status == "draft" else ""


def test_the_cover_shows_the_meeting_in_both_time_zones_and_who_it_is_for(sample_book):
    cover = page_texts(sample_book[0])[0]
    for expected in ("BRIEFING BOOK · ROUND 1", TITLE, "Government of Japan (METI, MOFA)", "Tokyo",
                     "Monday 7 February 2022, 09:00–17:00 JST",
                     "Sunday 6 February 2022, 19:00–Mon 03:00 EST",
                     "PREPARED FOR Katherine Tai, United States Trade Representative",
                     "PREPARED BY USTR Office of Japan", "PREPARED ON Tuesday 1 February 2022"):
        assert expected in cover
    assert cover.count(MARKING) == 3  # the two bands and the large marking


def test_sections_come_in_book_order_each_paper_on_its_own_page(sample_book, sample_brief):
    pages = page_texts(sample_book[0])
    assert pages[1].startswith(f"{MARKING} Summary for the principal")
    assert pages[CONTENTS - 1].startswith(f"{MARKING} Contents")
    assert f"{MARKING} Agenda" in pages[AGENDA - 1]
    assert pages[AGENDA].startswith(f"{MARKING} Scenario")
    assert pages[AGENDA + SCENARIO_PAGES].startswith(f"{MARKING} Changes since the last round")
    starts = {title: page for _, title, page in outline(sample_book[0])}
    assert starts[sample_brief.notes[0].issue_title] == FIRST_PAPER
    for note in sample_brief.notes:  # each paper starts a page
        assert pages[starts[note.issue_title] - 1].startswith(f"{MARKING} {note.issue_title}{draft(note)}")
    assert [n.issue_title for n in sample_brief.notes][:2] == [
        "Steel and aluminum excess capacity", "Section 232 tariffs on Japanese steel and aluminum"]
    assert "Participants Our delegation Katherine Tai" in pages[-2]
    assert pages[-2].index("Our delegation") < pages[-2].index("Their delegation")
    assert pages[-1].startswith(f"{MARKING} Action items # Action Owner Due Status Issue")


def test_a_paper_has_its_sections_in_order_talking_points_numbered_and_sources_listed(sample_book):
    steel = page_texts(sample_book[0])[FIRST_PAPER - 1]
    headings = ["BACKGROUND", "OUR OBJECTIVES", "THEIR POSITION", "TALKING POINTS",
                "ANTICIPATED ASKS / DEFENSIVE Q&A", "RED LINES", "SOURCES"]
    positions = [steel.index(h) for h in headings]
    assert positions == sorted(positions)
    points = steel[steel.index("TALKING POINTS"):steel.index("ANTICIPATED")]
    assert re.findall(r"(\d)\. ", points) == ["1", "2", "3", "4"]
    source = "[1] U.S., Japan Form Trade Partnership to Strengthen Alliance. Bloomberg L.P., 2021-11-17"
    assert source in steel


def test_an_in_text_reference_links_to_its_source(sample_book, sample_brief):
    note = sample_brief.notes[0]
    assert "[1]" in note.background and len(note.sources) == 1
    # the Sources list closes the same paper
    assert link_targets(sample_book[0], FIRST_PAPER) == [FIRST_PAPER]


def test_the_agenda_shows_start_times_in_both_zones_and_the_total(sample_book):
    agenda = page_texts(sample_book[0])[AGENDA - 1]
    assert "# Venue JST Home EST Min Item Lead Issue" in agenda
    # a held round's outcome prints under the item it belongs to, before its lead
    assert ("1 09:00 Sun 19:00 30 Opening and terms of reference "
            "Terms of reference agreed ad referendum. Katherine Tai") in agenda
    assert "Total 7 h 30 of 8 h planned" in agenda
    # the linked issue of an agenda row jumps to its paper
    papers = set(range(FIRST_PAPER, FIRST_PAPER + 9 + LONG_PAPERS))
    targets = link_targets(sample_book[0], AGENDA)
    assert targets and set(targets) <= papers


def test_contents_gives_the_page_of_every_entry_and_the_outline_mirrors_it(sample_book, sample_brief):
    data = sample_book[0]
    pages = page_texts(data)
    entries = re.findall(r"([^.]+?) (?:\. ?)+(\d+)", pages[CONTENTS - 1].split("Contents", 1)[1])
    contents = [(title.strip(), int(page)) for title, page in entries]
    marked = [t for t, _ in contents if t.startswith("(SBU) ")]  # each paper's highest marking (issue 11)
    assert len(marked) == len(sample_brief.notes)
    contents = [(t.removeprefix("(SBU) "), p) for t, p in contents]
    papers, levels = [], []
    for note in sample_brief.notes:  # grouped by tier, full first
        if note is next(n for n in sample_brief.notes if n.tier == note.tier):
            papers.append(TIER_GROUPS[note.tier])
            levels.append(1)
        papers.append(note.issue_title + draft(note))
        levels.append(2)
    titles = ["Summary for the principal", "Where each issue stands", "Agenda", "Scenario",
              "Changes since the last round", "Issue papers", *papers,
              "Annex: questions and press lines", "Participants", "Action items"]
    assert [t for t, _ in contents] == titles
    contents = [(t.removesuffix(" DRAFT"), p) for t, p in contents]
    assert [(t, p) for _, t, p in outline(data)] == contents
    assert [level for level, _, _ in outline(data)] == [0] * 6 + levels + [0, 0, 0]
    first_of = {"Issue papers": sample_brief.notes[0].issue_title} | {
        group: next(n.issue_title for n in sample_brief.notes if n.tier == tier)
        for tier, group in TIER_GROUPS.items()}
    for title, page in contents:  # each entry's page is where that section (or its first paper) starts
        assert first_of.get(title, title) in pages[page - 1]
    assert link_targets(data, CONTENTS) == [page for _, page in contents]  # every entry jumps to its page


def test_every_page_has_the_marking_top_and_bottom_and_page_x_of_y(sample_book):
    data, result = sample_book
    pages = page_texts(data)
    assert result.pages == len(pages) == 14 + SUMMARY_PAGES + CHANGES_PAGES + POSITIONS_PAGES \
        + SCENARIO_PAGES + ANNEX_PAGES + LONG_PAPERS
    for number, text in enumerate(pages, 1):
        assert text.startswith(MARKING)
        assert text.endswith(f"{MARKING} {TITLE} Page {number} of {len(pages)}")


def test_every_font_is_embedded_and_none_is_a_base_14_font(sample_book):
    used = fonts(sample_book[0])
    assert used and all(used.values()), used
    assert not [name for name in used if any(base in name for base in BASE_14)]
    families = {name.split("+")[-1] for name in used}
    assert {"NotoSans-Regular", "NotoSans-Bold", "BIZUDPGothic-Bold"} <= families


def test_japanese_names_come_back_out_as_the_same_text(sample_book):
    data = sample_book[0]
    participants = page_texts(data)[-2]
    assert "Koichi Hagiuda 萩生田光一" in participants and "Yoshimasa Hayashi 林芳正" in participants
    poppler = pdftotext(data)
    assert "萩生田光一" in poppler and "林芳正" in poppler


def test_accented_latin_comes_back_out_as_the_same_text(sample_brief):
    from dataclasses import replace

    people = list(sample_brief.participants)
    person = replace(people[0].person, name="José Ñúñez-Łódź", bio="Ærøskøbing, São Paulo, İstanbul, Zürich.")
    people[0] = replace(people[0], person=person)
    data, result = render(replace(sample_brief, participants=tuple(people)),
                          sections=frozenset({"participants"}))
    text = page_texts(data)[0]
    assert "José Ñúñez-Łódź" in text and "Ærøskøbing, São Paulo, İstanbul, Zürich." in text
    assert result.warnings == ()


def test_the_document_says_what_it_is(sample_book):
    info = pypdf.PdfReader(io.BytesIO(sample_book[0])).metadata
    assert info.title == TITLE
    assert info.author == "USTR Office of Japan"
    assert info.subject == "Briefing book, round 1, with Government of Japan (METI, MOFA)"
    assert info.creator == "Briefbook"
    assert info.creation_date is not None


def test_sections_left_out_are_truly_absent(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"cover", "contents", "agenda", "papers"}))
    text = " ".join(page_texts(data))
    assert "RED LINES" not in text
    for note in sample_brief.notes:  # not one red line, anywhere
        for line in note.red_lines.splitlines():
            assert line.lstrip("- ").strip() not in text
    assert "Participants" not in text and "Action items" not in text
    assert [t for _, t, _ in outline(data)][-1] == sample_brief.notes[-1].issue_title
    assert "Koichi Hagiuda" not in text


def test_a_book_of_only_the_participants_has_nothing_else(sample_brief):
    data, result = render(sample_brief, sections=frozenset({"participants"}))
    pages = page_texts(data)
    assert result.pages == len(pages) == 1
    assert "Contents" not in pages[0] and "Agenda" not in pages[0]
    assert [t for _, t, _ in outline(data)] == ["Participants"]


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_is_a4_or_letter(sample_brief, paper, size):
    data, _ = render(sample_brief, paper=paper, sections=frozenset({"cover"}))
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(box.width), round(box.height)) == size


def test_a_watermark_is_on_every_page_as_the_shapes_of_its_letters(sample_brief):
    data, _ = render(sample_brief, watermark="DRAFT — 草案", sections=frozenset({"cover", "agenda"}))
    drawn = watermarks(data)
    assert len(drawn) == 2
    # D R A F T — 草 案: one filled shape a letter, no text, the same on every page
    assert [(shapes, texts) for shapes, texts, _ in drawn] == [(8, 0), (8, 0)]
    assert drawn[0][2] == drawn[1][2]
    plain, _ = render(sample_brief, sections=frozenset({"cover", "agenda"}))
    assert [shapes for shapes, _, _ in watermarks(plain)] == [0, 0]


def test_the_file_passes_qpdfs_structural_check(sample_book):
    assert check(sample_book[0]) == []


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_the_qpdf_command_finds_no_error(sample_book, tmp_path):
    path = tmp_path / "book.pdf"
    path.write_bytes(sample_book[0])
    out = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No syntax or stream encoding errors found" in out.stdout
