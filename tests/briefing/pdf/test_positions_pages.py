"""The book's positions matrix, the state each paper opens with, and the meeting record PDF: read back."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import outline, page_texts

ROUND2 = "US–Japan Partnership on Trade — Round 2"


@pytest.fixture(scope="module")
def round2_brief(tmp_path_factory):
    """The brief of the sample's Round 2 (held, with its record and moved positions)."""
    from briefing.config import Config
    from briefing.interchange.sample import load_sample
    from briefing.services import Services

    services = Services.open(f"sqlite:///{tmp_path_factory.mktemp('rec') / 's.db'}", Config())
    try:
        load_sample(services.db, services.config)
        return services.briefs.load(services.meetings.resolve(ROUND2).id)
    finally:
        services.close()


def _entry(entries, title):
    return next(page for _, t, page in entries if t == title)


def test_the_matrix_is_one_page_right_after_the_contents(round2_brief):
    data, _ = render(round2_brief)
    entries = outline(data)
    page = _entry(entries, "Where each issue stands")
    texts = page_texts(data)
    assert texts[page - 2].startswith("SENSITIVE BUT UNCLASSIFIED Contents")
    matrix = texts[page - 1]
    for words in ("Issue State Since Ours Theirs", "Agreed round 2", "Bracketed round 2", "Open round 1",
                  "No U.S. accession on the table", "see paper"):
        assert words in matrix
    assert "review clause" not in matrix  # the long text is cut, the paper has it
    assert _entry(entries, "Agenda") == page + 1


def test_the_sections_option_leaves_the_matrix_out(round2_brief):
    data, _ = render(round2_brief, sections=("cover", "contents", "agenda"))
    assert "Where each issue stands" not in [t for _, t, _ in outline(data)]
    assert not any("Where each issue stands" in t for t in page_texts(data))


def test_a_fifty_page_paste_stays_on_one_line_of_one_page(round2_brief):
    long = "Ünïcode <b>&amp; 日本語の立場 🙂 " + "word " * 60_000
    positions = tuple(dataclasses.replace(p, ours=long) for p in round2_brief.positions)
    data, _ = render(dataclasses.replace(round2_brief, positions=positions),
                     sections=("contents", "positions", "agenda"))
    entries = outline(data)
    page = _entry(entries, "Where each issue stands")
    assert _entry(entries, "Agenda") == page + 1
    matrix = page_texts(data)[page - 1]
    assert matrix.count("see paper") >= len(positions)
    assert "Ünïcode <b>&amp" in matrix and "word word word word word word word word" not in matrix


def test_each_paper_opens_with_its_state(round2_brief):
    data, _ = render(round2_brief)
    entries = outline(data)
    texts = page_texts(data)
    paper = texts[_entry(entries, "Section 232 tariffs on Japanese steel and aluminum") - 1]
    assert "Position: Bracketed since round 2" in paper
    wto = texts[_entry(entries, "WTO reform") - 1]
    assert "Position: Open since round 1" in wto


def test_the_record_pdf_has_what_was_said_agreed_open_the_actions_and_what_moved(round2_brief):
    from briefing.pdf import BookOptions
    from briefing.pdf.record import render_record

    out = io.BytesIO()
    result = render_record(round2_brief, BookOptions(invariant=True, paper="a4",
                                                     prepared_on=date(2022, 3, 15)), out)
    data = out.getvalue()
    text = " ".join(page_texts(data))
    assert result.pages == len(page_texts(data)) >= 1
    assert "MEETING RECORD · ROUND 2" in text and "Place: Washington, DC" in text
    assert "Monday 14 March 2022" in text
    assert "Their delegation:" in text and "Koichi Hagiuda" in text
    assert "AGREED A tariff-rate quota as the model" in text
    assert "OPEN • The quota volumes and the review clause." in text
    assert "Propose quota volumes and a review clause" in text  # the action items
    moved = text[text.index("POSITIONS THAT MOVED"):]
    assert "Section 232 tariffs on Japanese steel and aluminum Open Bracketed" in moved
    assert "WTO reform" not in moved
    titles = [t for _, t, _ in outline(data)]
    assert titles[:2] == ["Meeting record", "What was said, agreed and left open"]


def test_a_record_of_hostile_text_prints(round2_brief):
    from briefing.pdf import BookOptions
    from briefing.pdf.record import render_record

    slots = round2_brief.schedule.slots
    item = dataclasses.replace(slots[0].item, record="<script> & 日本語 🙂\n\n" + "para\n\n" * 3000,
                               agreed="[x] & <y>", open_points="")
    schedule = dataclasses.replace(round2_brief.schedule,
                                   slots=(dataclasses.replace(slots[0], item=item), *slots[1:]))
    out = io.BytesIO()
    result = render_record(dataclasses.replace(round2_brief, schedule=schedule),
                           BookOptions(invariant=True, paper="letter"), out)
    text = " ".join(page_texts(out.getvalue()))
    assert result.pages > 5 and "<script> & 日本語" in text and "[x] & <y>" in text
