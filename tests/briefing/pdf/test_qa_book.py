"""The book of issue 13, read back: Q&A bank entries under their papers and in the annex, papers
at their tier and grouped by tier, page budgets reported by name, the scenario."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import outline, page_texts

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
LAUNCH = "US–Japan trade talks, Tokyo"


def _book_text(services, meeting_id: int, **options) -> tuple[str, object]:
    data, result = render(services.briefs.load(meeting_id), **options)
    return " ".join(page_texts(data)), result


def test_a_bank_entry_edited_once_shows_changed_in_two_meetings_books(sample):
    launch, round1 = sample.meetings.resolve(LAUNCH), sample.meetings.resolve(ROUND_1)
    entry = sample.qa.by_key("qa-third-country-aimed-at-china")
    steel_at_launch = next(n for n in sample.notes.list(launch.id)
                           if n.issue_title == "Steel and aluminum excess capacity")
    sample.qa.attach(steel_at_launch.id, entry.id)
    for meeting in (launch, round1):
        assert "Is the partnership a front against China?" in _book_text(sample, meeting.id)[0]
    sample.qa.edit(entry.id, entry.version, question="Is the partnership directed at <China> & co?",
                   answer="It strengthens an alliance 同盟; it is directed at no one country.")
    for meeting in (launch, round1):
        text, _ = _book_text(sample, meeting.id, sections=frozenset({"papers"}))
        assert "Is the partnership a front against China?" not in text
        assert "Is the partnership directed at <China> & co?" in text
        assert "It strengthens an alliance 同盟; it is directed at no one country." in text


def test_a_paper_prints_its_entries_under_anticipated_questions_and_press_lines(sample_brief):
    data, result = render(sample_brief, sections=frozenset({"papers"}))
    pages = page_texts(data)
    section_232 = next(p for p in pages if "Section 232 tariffs on Japanese steel and aluminum" in p[:90])
    questions = section_232.index("ANTICIPATED QUESTIONS")
    press = section_232.index("PRESS LINES")
    assert questions < section_232.index("When will the 25% duties on steel") < press
    assert press < section_232.index("What came out of the first round?") < section_232.index(
        "The two governments held the first round")
    assert result.warnings == ()


def test_a_defensive_paper_prints_none_of_its_background(sample):
    round1 = sample.meetings.resolve(ROUND_1)
    steel = next(n for n in sample.notes.list_full(round1.id) if n.issue_slug.startswith("steel"))
    sample.notes.update(steel.id, steel.version, tier="defensive",
                        background="BACKGROUND-MARKER only for a full paper",
                        objectives="OBJECTIVES-MARKER", talking_points="1. POINTS-MARKER",
                        red_lines="- REDLINE-MARKER", their_position="THEIRS-MARKER")
    text, _ = _book_text(sample, round1.id, sections=frozenset({"papers", "red_lines"}))
    for marker in ("BACKGROUND-MARKER", "OBJECTIVES-MARKER", "POINTS-MARKER", "REDLINE-MARKER",
                   "THEIRS-MARKER"):
        assert marker not in text
    assert "Defensive paper" in text and "Is the partnership a front against China?" in text
    sample.notes.update(steel.id, None, tier="short")
    text, _ = _book_text(sample, round1.id, sections=frozenset({"papers", "red_lines"}))
    assert "OBJECTIVES-MARKER" in text and "POINTS-MARKER" in text
    assert "BACKGROUND-MARKER" not in text and "REDLINE-MARKER" not in text


def test_the_contents_group_the_papers_by_tier_full_first(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"contents", "papers"}))
    entries = [(level, title) for level, title, _ in outline(data)]
    groups = [title for level, title in entries if level == 1]
    assert groups == ["Full papers", "Short papers", "Defensive papers"]
    short = entries.index((1, "Short papers"))
    assert entries[short + 1:short + 3] == [(2, "WTO reform"), (2, "Labor")]
    assert entries[-1] == (2, "Environment")
    contents = page_texts(data)[0]
    assert contents.index("Full papers") < contents.index("Short papers") < contents.index(
        "Defensive papers") < contents.index("Environment")


def test_a_paper_over_its_budget_is_reported_by_name_with_its_page_count(sample):
    round1 = sample.meetings.resolve(ROUND_1)
    _, within = _book_text(sample, round1.id, sections=frozenset({"papers"}))
    assert within.warnings == ()  # the sample keeps to its budgets (full 3, short 1, defensive 1)
    steel = next(n for n in sample.notes.list_full(round1.id) if n.issue_slug.startswith("steel"))
    sample.notes.update(steel.id, steel.version, background="A long paragraph of background. " * 400)
    sample.meetings.update(round1.id, None, page_budget_full=2)
    _, over = _book_text(sample, round1.id, sections=frozenset({"papers"}))
    messages = [str(w) for w in over.warnings]
    assert len(messages) == 1
    assert messages[0].startswith("Issue paper “Steel and aluminum excess capacity”: ")
    pages = int(messages[0].split(": ")[1].split()[0])
    assert pages > 2 and messages[0].endswith(f"{pages} pages, over the full papers' budget of 2 pages")


def test_the_annex_lists_every_entry_used_by_the_meeting_grouped_by_issue(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"qa_annex"}))
    [annex] = page_texts(data)
    assert annex.count("Is the partnership a front against China?") == 1  # used by two papers, listed once
    order = [annex.index(t) for t in ("Annex: questions and press lines", "Third-country concerns",
                                      "Is the partnership a front against China?",
                                      "Section 232 tariffs on Japanese steel and aluminum",
                                      "When will the 25% duties", "The EU had its duties eased",
                                      "CPTPP and China's application", "WTO reform", "Environment",
                                      "Will the environmental commitments", "Not tied to an issue",
                                      "What came out of the first round?")]
    assert order == sorted(order)  # grouped by the issue each entry is tagged with
    assert "Steel and aluminum" not in annex  # its one entry is tagged "Third-country concerns"


def test_the_scenario_gives_each_item_its_times_in_both_zones_speakers_press_and_points(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"scenario", "papers"}))
    text = " ".join(page_texts(data))
    assert [t for lvl, t, _ in outline(data) if lvl == 0][0] == "Scenario"
    opening = text[text.index("1. Opening and terms of reference"):text.index("2. Steel")]
    assert "Time: Mon 09:00 JST · home Sun 19:00 EST · 30 min" in opening
    assert "Press: Open to the press" in opening
    assert "We speak first: Katherine Tai" in opening and "They speak first: Koichi Hagiuda" in opening
    assert "1. Thank the Minister for hosting" in opening
    steel = text[text.index("2. Steel"):text.index("3. Section 232")]
    assert "Press: Closed" in steel
    assert "Points: the talking points of the paper “Steel and aluminum excess capacity”" in steel


def test_without_qa_or_scenario_the_book_has_neither_section(services):
    m = services.meetings.create(title="Bare", starts_at=datetime(2022, 2, 7, tzinfo=UTC))
    services.notes.add_new_issue(m.id, "Steel")
    services.agenda.add(m.id, "Opening", minutes=30)
    data, _ = render(services.briefs.load(m.id))
    titles = [t for _, t, _ in outline(data)]
    assert "Scenario" not in titles and "Annex: questions and press lines" not in titles
    assert "Full papers" not in titles  # one tier: no grouping


@pytest.mark.parametrize("jobs", [1, 3])
def test_the_budget_check_works_when_the_book_is_laid_out_in_parts(sample, jobs):
    round1 = sample.meetings.resolve(ROUND_1)
    sample.meetings.update(round1.id, None, page_budget_short=1, page_budget_full=1)
    data, result = render(sample.briefs.load(round1.id), jobs=jobs)
    named = sorted(str(w).split("”")[0].removeprefix("Issue paper “") for w in result.warnings)
    assert "Section 232 tariffs on Japanese steel and aluminum" in named
    assert "Labor" not in named
