"""The Issue notes list shows each note's tier as a tag and marks a paper over its page budget
(issue 13): what the list's model says (display roles, tooltip) as the user sees it."""

from __future__ import annotations

import io
from datetime import date

from PySide6.QtCore import Qt

from tests.ui.tabs import show_tab
from ui.models.notes_list import OVER_BUDGET_ROLE, TIER_ROLE

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
SECTION_232 = "Section 232 tariffs on Japanese steel and aluminum"
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _notes(qtbot, window):
    window.open_meeting(window.ctx.services.meetings.resolve(ROUND_1).id)
    return show_tab(qtbot, window, "Issue notes")


def _index(panel, title):
    row = next(r for r in range(panel.model.rowCount()) if panel.model.summary(r).issue_title == title)
    return panel.model.index(row, 0)


def test_the_list_tags_short_and_defensive_papers_and_nothing_for_a_full_one(qtbot, window, store):
    panel = _notes(qtbot, window)
    assert _index(panel, "WTO reform").data(TIER_ROLE) == "Short"
    assert "Short paper" in _index(panel, "WTO reform").data(TOOLTIP)
    assert _index(panel, "Environment").data(TIER_ROLE) == "Defensive"
    assert "Defensive paper" in _index(panel, "Environment").data(TOOLTIP)
    assert _index(panel, SECTION_232).data(TIER_ROLE) == ""
    assert "paper" not in _index(panel, SECTION_232).data(TOOLTIP).split("\n", 2)[-1]
    assert not panel.view.grab().isNull()  # the delegate paints the tags


def test_a_tier_picked_in_the_editor_shows_in_the_list(qtbot, window, store):
    panel = _notes(qtbot, window)
    panel.view.setCurrentIndex(_index(panel, SECTION_232))
    qtbot.waitUntil(lambda: panel.editor.title.text() == SECTION_232)
    box = panel.editor.tier_box
    box.setCurrentIndex(box.findText("Defensive"))
    box.activated.emit(box.findText("Defensive"))  # as a user's pick does
    qtbot.waitUntil(lambda: _index(panel, SECTION_232).data(TIER_ROLE) == "Defensive")


def test_a_paper_over_its_budget_is_marked_in_the_list_after_a_layout(qtbot, window, store):
    from briefing.pdf import BookOptions, render_pdf

    meeting = store.meetings.get(store.meetings.resolve(ROUND_1).id)
    store.meetings.update(meeting.id, meeting.version, page_budget_full=1)
    panel = _notes(qtbot, window)
    assert _index(panel, SECTION_232).data(OVER_BUDGET_ROLE) == ""
    result = render_pdf(store.briefs.load(meeting.id), BookOptions(
        paper="a4", invariant=True, prepared_on=date(2022, 2, 1)), io.BytesIO())
    window.ctx.events.sig_book_laid_out.emit(meeting.id, result.warnings)  # as an export reports
    over = _index(panel, SECTION_232)
    assert over.data(OVER_BUDGET_ROLE) == "2 pages, over the full papers' budget of 1 page"
    assert ("Over its page budget: 2 pages, over the full papers' budget of 1 page (last layout)"
            in over.data(TOOLTIP))
    assert _index(panel, "WTO reform").data(OVER_BUDGET_ROLE) == ""  # a short paper within its budget
    assert not panel.view.grab().isNull()
    other = next(m for m in store.meetings.list() if m.id != meeting.id)
    window.open_meeting(other.id)  # another meeting's list carries no mark from this layout
    assert not any(panel.model.index(r, 0).data(OVER_BUDGET_ROLE) for r in range(panel.model.rowCount()))
