"""Ctrl+K: search everything as you type; Enter opens the result where it is, the words selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from tests.ui.search_steps import open_search, search_for, shown_hits
from tests.ui.tabs import show_tab
from tests.ui.typing import type_into

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
LAUNCH = "US–Japan trade talks, Tokyo"


def selected_text(widget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.textCursor().selectedText()
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    return ""


def current_tab(window) -> str:
    tabs = window.workspace.tabs
    return tabs.tabText(tabs.currentIndex()).replace("&", "")


def choose(qtbot, popup, entity: str, field: str | None = None):
    """Move the cursor (Down, as a user does) to the first hit of ``entity``; returns it."""
    wanted = next(h for h in shown_hits(popup) if h.entity == entity and field in (None, h.field))
    while popup.model.hit(popup.current_row()) is not wanted:
        qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    return wanted


def test_what_was_just_typed_in_a_note_is_found_as_you_type_and_enter_selects_it(qtbot, window):
    notes = show_tab(qtbot, window, "Issue notes")
    notes.view.setCurrentIndex(notes.model.index(1))
    editor = notes.editor.sections["talking_points"].editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(qtbot, editor, "\n5. Kagoshima wagyu quota 日米")  # not yet written: Ctrl+K writes it
    notes.view.setCurrentIndex(notes.model.index(0))  # somewhere else, to see the jump
    popup = open_search(qtbot, window)
    results = search_for(qtbot, popup, "kagos")  # a prefix, as while typing
    assert [(h.entity, h.field, h.context) for h in results.hits] == [
        ("note", "talking_points", "Section 232 tariffs on Japanese steel and aluminum")]
    assert popup.status.text() == "1 result"
    assert popup.model.data(popup.model.index(0)) == ROUND_1  # the meeting heads its hits
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert current_tab(window) == "Issue notes"
    assert notes.editor.title.text() == "Section 232 tariffs on Japanese steel and aluminum"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    assert selected_text(editor) == "Kagoshima"
    assert len(editor.extraSelections()) == 1  # the match is marked too


def test_a_two_word_query_marks_both_words_and_selects_the_first(qtbot, window):
    popup = open_search(qtbot, window)
    search_for(qtbot, popup, "excess capacity ")
    hit = choose(qtbot, popup, "note", "background")
    qtbot.keyClick(popup.field, Qt.Key.Key_Enter)
    editor = window.workspace.panel("Issue notes").editor.sections["background"].editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    assert selected_text(editor).lower() == "excess"
    assert len(editor.extraSelections()) == len(hit.matches) >= 2


@pytest.mark.parametrize(("query", "entity", "field", "tab", "selected"), [
    ("meaningful reform", "agenda_item", "outcome", "Agenda", "meaningful"),
    ("statement text", "action", "text", "Action items", "statement"),
    ("bloomberg", "source", "publisher", "Issue notes", "Bloomberg"),
    ("reference plan", "meeting", "objectives", "Overview", "reference"),
    ("林", "person", "native_name", "Participants", "林"),
])
def test_enter_opens_each_kind_of_result_in_its_tab_with_the_words_selected(
        qtbot, window, query, entity, field, tab, selected):
    popup = open_search(qtbot, window)
    search_for(qtbot, popup, query)
    hit = choose(qtbot, popup, entity, field)
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert current_tab(window) == tab
    if hit.meeting_id is not None:
        assert window.meeting.id == hit.meeting_id
    qtbot.waitUntil(lambda: selected_text(QApplication.focusWidget()) == selected)


def test_japanese_names_and_words_are_found(qtbot, window):
    popup = open_search(qtbot, window)
    hits = search_for(qtbot, popup, "萩生田").hits
    assert [(h.entity, h.field) for h in hits] == [("person", "native_name")]
    assert hits[0].snippet[slice(*hits[0].marks[0])] == "萩生田"
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    people = window.workspace.panel("Participants")
    assert people.editor.heading.text() == "Koichi Hagiuda"
    qtbot.waitUntil(lambda: selected_text(QApplication.focusWidget()) == "萩生田")


AWKWARD = [
    '"', "AND (", "*", "-", "NEAR", "steel AND (", '"digital trade', "-steel", "NEAR(steel tariff, 3)",
    "tariff*", "(((", "^steel", "{col}: x", "'; DROP TABLE meetings; --", "100%", "_", "\\", "<b>steel",
    "&amp;", "🙂", "日米", "林", "ｗｔｏ", "e-mail U.S.-Japan", "a" * 300, "- - -", '""', "OR", "NOT steel",
]


def test_anything_typed_is_a_valid_search_no_error_no_crash(qtbot, window):
    popup = open_search(qtbot, window)
    failures: list[str] = []
    popup.runner.sig_failed.connect(failures.append)
    for query in AWKWARD:
        popup.field.clear()
        type_into(qtbot, popup.field, query)
        popup.runner.start_now()
        qtbot.waitUntil(lambda: not popup.runner.waiting)
        assert popup.status.text(), query
        assert popup.isVisible()
    assert failures == []
    search_for(qtbot, popup, "steel")  # and searching goes on
    assert popup.model.hit_count() > 0


def test_no_results_says_so_and_what_to_try(qtbot, window):
    popup = open_search(qtbot, window)
    search_for(qtbot, popup, "zzqx ")
    assert popup.model.rowCount() == 0
    assert popup.status.text().startswith("No results for “zzqx”. Check the spelling")
    popup.section_filter.setCurrentIndex(popup.section_filter.findText("Red lines"))
    qtbot.waitUntil(lambda: not popup.runner.waiting)
    assert "clear the filters" in popup.status.text()


def test_filters_narrow_the_results(qtbot, window):
    popup = open_search(qtbot, window)
    search_for(qtbot, popup, "steel")
    assert {h.entity for h in shown_hits(popup)} >= {"note", "agenda_item", "issue"}
    launch = window.ctx.services.meetings.resolve(LAUNCH)
    popup.meeting_filter.setCurrentIndex(popup.meeting_filter.findData(launch.id))
    qtbot.waitUntil(lambda: not popup.runner.waiting)
    in_launch = shown_hits(popup)
    assert in_launch and {h.meeting_id for h in in_launch} == {launch.id}
    popup.section_filter.setCurrentIndex(popup.section_filter.findData("outcome"))
    qtbot.waitUntil(lambda: not popup.runner.waiting)
    assert {(h.entity, h.field) for h in shown_hits(popup)} == {("agenda_item", "outcome")}
    popup.meeting_filter.setCurrentIndex(0)
    popup.section_filter.setCurrentIndex(0)
    wto = next(i for i in window.ctx.services.issues.list() if i.title == "WTO reform")
    popup.issue_filter.setCurrentIndex(popup.issue_filter.findData(wto.id))
    search_for(qtbot, popup, "reform")
    assert shown_hits(popup) and {h.issue_id for h in shown_hits(popup)} == {wto.id}


def test_results_are_grouped_by_meeting_newest_round_first_and_arrows_skip_headings(qtbot, window):
    popup = open_search(qtbot, window)
    results = search_for(qtbot, popup, "steel")
    titles = [g.title for g in results.groups]
    assert titles[:3] == ["US–Japan Partnership on Trade — Round 2", ROUND_1, LAUNCH]
    model = popup.model
    assert model.hit(0) is None and model.hit(popup.current_row()) is results.hits[0]
    qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    assert model.hit(popup.current_row()) is results.hits[1]
    for _ in range(len(results.hits)):
        qtbot.keyClick(popup.field, Qt.Key.Key_Down)  # past a heading, to the last hit, no further
    assert model.hit(popup.current_row()) is results.hits[-1]
    qtbot.keyClick(popup.field, Qt.Key.Key_Up)
    assert model.hit(popup.current_row()) is results.hits[-2]
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_a_later_keystroke_supersedes_a_search_still_running(qtbot, window):
    from ui.search.runner import SearchRequest

    popup = open_search(qtbot, window)
    delivered = []
    popup.runner.sig_results.connect(lambda results: delivered.append(results.text))
    popup.runner.request(SearchRequest("steel"))
    popup.runner.start_now()
    popup.runner.request(SearchRequest("tariff"))
    popup.runner.start_now()
    qtbot.waitUntil(lambda: not popup.runner.waiting)
    qtbot.wait(100)  # the first one, had it run, would have arrived by now
    assert delivered == ["tariff"]


def test_a_hit_no_longer_there_is_said_in_the_status_bar(qtbot, window):
    popup = open_search(qtbot, window)
    search_for(qtbot, popup, "meaningful reform")
    hit = choose(qtbot, popup, "agenda_item")
    window.ctx.services.agenda.delete(hit.entity_id)  # deleted meanwhile (another window)
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert "is no longer where the search found it" in window.status.state.text()


def test_a_click_on_a_result_opens_it(qtbot, window):
    popup = open_search(qtbot, window)
    search_for(qtbot, popup, "statement text")
    row = next(r for r in range(popup.model.rowCount())
               if popup.model.hit(r) is not None and popup.model.hit(r).entity == "action")
    popup.view.scrollTo(popup.model.index(row))
    qtbot.mouseClick(popup.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=popup.view.visualRect(popup.model.index(row)).center())
    assert not popup.isVisible()
    assert current_tab(window) == "Action items"
    qtbot.waitUntil(lambda: selected_text(QApplication.focusWidget()) == "statement")
