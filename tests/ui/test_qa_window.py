"""Issue 13 in the window: the Q&A bank window (filter, add, edit, retire), a note's entries in its
editor ("Add from bank…", "New entry…", remove), the tier selector, page budgets on the Overview
and their marker on an over-budget note, and the scenario fields of an agenda item."""

from __future__ import annotations

import io
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.tabs import show_tab
from tests.ui.typing import type_into

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
SECTION_232 = "Section 232 tariffs on Japanese steel and aluminum"


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_round_1(window):
    window.open_meeting(window.ctx.services.meetings.resolve(ROUND_1).id)


def shown_questions(model) -> list[str]:
    return [model.entry(r).question for r in range(model.rowCount())]


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as a user's pick does


def open_note(qtbot, window, title: str):
    panel = show_tab(qtbot, window, "Issue notes")
    row = next(r for r in range(panel.model.rowCount()) if panel.model.summary(r).issue_title == title)
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    qtbot.waitUntil(lambda: panel.editor.title.text() == title)
    return panel.editor


def test_the_bank_window_filters_adds_edits_and_retires(qtbot, window, store):
    window.window_actions.qa_bank.trigger()
    bank = window.show_qa_bank()
    qtbot.waitExposed(bank)
    assert bank.model.rowCount() == 7 and bank.summary.text() == "7 entries"
    bank.issue.setCurrentIndex(bank.issue.findText(SECTION_232))
    assert shown_questions(bank.model) == [
        "When will the 25% duties on steel and the 10% on aluminum from Japan be lifted?",
        "The EU had its duties eased. Why is Japan, a treaty ally, still paying them?"]
    bank.status.setCurrentIndex(bank.status.findText("Draft"))
    assert [q[:6] for q in shown_questions(bank.model)] == ["The EU"]
    bank.status.setCurrentIndex(0)
    bank.issue.setCurrentIndex(0)
    type_into(qtbot, bank.text, "ministerial")
    qtbot.waitUntil(lambda: shown_questions(bank.model) == ["WTO reform"])
    bank.text.clear()
    qtbot.waitUntil(lambda: bank.model.rowCount() == 7)

    click(qtbot, bank.new_button)
    dialog = bank.dialog
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.question, "Will <you> & 日本 agree? 🙂")
    type_into(qtbot, dialog.answer, "**Not** today.")
    click(qtbot, dialog.buttons.buttons()[0])  # OK
    qtbot.waitUntil(lambda: bank.model.rowCount() == 8)
    added = store.qa.list()[-1]
    assert (added.question, added.answer) == ("Will <you> & 日本 agree? 🙂", "**Not** today.")
    assert bank.current().id == added.id

    bank.edit_selected()
    qtbot.waitExposed(bank.dialog)
    bank.dialog.answer.clear()
    type_into(qtbot, bank.dialog.answer, "Yes.")
    bank.dialog.status.setCurrentIndex(bank.dialog.status.findText("Cleared"))
    click(qtbot, bank.dialog.buttons.buttons()[0])
    qtbot.waitUntil(lambda: not bank.dialog.isVisible())
    qtbot.waitUntil(lambda: store.qa.get(added.id).answer == "Yes.")
    assert store.qa.get(added.id).status == "cleared"
    assert [r.answer for r in store.qa.history(added.id)] == ["**Not** today."]
    history = bank.show_history()
    assert history.model.rowCount() == 1 and history.model.index(0, 4).data() == "**Not** today."
    history.close()

    bank.view.selectRow(bank.model.row_of(added.id))
    click(qtbot, bank.retire_button)
    qtbot.waitUntil(lambda: bank.model.rowCount() == 7)
    assert store.qa.get(added.id).retired
    bank.retired.setChecked(True)
    assert bank.model.rowCount() == 8


def test_an_empty_question_is_refused_in_the_dialog_with_what_was_typed_kept(qtbot, window, store):
    bank = window.show_qa_bank()
    click(qtbot, bank.new_button)
    dialog = bank.dialog
    type_into(qtbot, dialog.answer, "An answer without a question")
    click(qtbot, dialog.buttons.buttons()[0])
    qtbot.waitUntil(lambda: dialog.error.message != "")
    assert "question" in dialog.error.message and "must not be empty" in dialog.error.message
    assert dialog.isVisible() and dialog.answer.toPlainText() == "An answer without a question"
    assert len(store.qa.list()) == 7


def test_a_notes_entries_are_listed_added_from_the_bank_created_and_removed(qtbot, window, store):
    open_round_1(window)
    editor = open_note(qtbot, window, SECTION_232)
    entries = editor.qa_list
    assert [e.key for e in entries.model.records] == [
        "qa-232-when-lifted", "qa-232-eu-precedent", "press-round-1-summary"]
    click(qtbot, entries.add_button)
    picker = entries.dialog
    qtbot.waitExposed(picker)
    assert picker.all_issues.isChecked()  # nothing else is tagged with this issue
    type_into(qtbot, picker.text, "CPTPP")
    assert shown_questions(picker.model) == ["Will the United States rejoin the CPTPP now that China "
                                             "has applied?"]
    click(qtbot, picker.ok)
    qtbot.waitUntil(lambda: entries.model.rowCount() == 4)
    note_id = editor.note.id
    assert [e.key for e in store.qa.for_note(note_id)][-1] == "qa-cptpp-rejoin"

    click(qtbot, entries.new_button)
    dialog = entries.dialog
    qtbot.waitExposed(dialog)
    assert dialog.issue.currentText() == SECTION_232  # tagged with the note's issue
    type_into(qtbot, dialog.question, "Melted and poured?")
    click(qtbot, dialog.buttons.buttons()[0])
    qtbot.waitUntil(lambda: entries.model.rowCount() == 5)
    assert store.qa.for_note(note_id)[-1].question == "Melted and poured?"

    entries.view.selectRow(0)
    click(qtbot, entries.remove_button)
    qtbot.waitUntil(lambda: entries.model.rowCount() == 4)
    assert "qa-232-when-lifted" not in [e.key for e in store.qa.for_note(note_id)]
    assert store.qa.by_key("qa-232-when-lifted").question.startswith("When will")  # still in the bank
    window.undo()  # puts it back at its place
    qtbot.waitUntil(lambda: entries.model.rowCount() == 5)
    assert [e.key for e in store.qa.for_note(note_id)][0] == "qa-232-when-lifted"


def test_the_tier_selector_writes_the_notes_tier(qtbot, window, store):
    open_round_1(window)
    editor = open_note(qtbot, window, SECTION_232)
    assert editor.tier_box.currentText() == "Full"
    choose(editor.tier_box, "Defensive")
    qtbot.waitUntil(lambda: store.notes.get(editor.note.id).tier == "defensive")


def test_page_budgets_on_the_overview_and_the_marker_on_a_note_over_its_budget(qtbot, window, store):
    from briefing.pdf import BookOptions, render_pdf

    open_round_1(window)
    overview = show_tab(qtbot, window, "Overview")
    assert overview.budget.spins["full"].value() == 3
    assert overview.budget.spins["short"].text() == "1 page"
    assert overview.budget.spins["full"].text() == "3 pages"
    spin = overview.budget.spins["full"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "1")
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: store.meetings.get(meeting_id).page_budget_full == 1)
    assert spin.text() == "1 page"
    spin.setValue(0)
    overview.flush()
    qtbot.waitUntil(lambda: store.meetings.get(meeting_id).page_budget_full is None)
    assert spin.text() == "No budget"
    spin.setValue(1)
    overview.flush()

    editor = open_note(qtbot, window, SECTION_232)
    assert not editor.budget_marker.isVisible()
    result = render_pdf(store.briefs.load(meeting_id), BookOptions(paper="a4", invariant=True,
                                                                 prepared_on=date(2022, 2, 1)), io.BytesIO())
    window.ctx.events.sig_book_laid_out.emit(meeting_id, result.warnings)  # as an export reports
    assert editor.budget_marker.isVisible()
    assert editor.budget_marker.text() == (
        "Over its page budget: 2 pages, over the full papers' budget of 1 page (last layout)")
    open_note(qtbot, window, "WTO reform")  # a short paper within its budget
    assert not editor.budget_marker.isVisible()


def test_the_scenario_of_an_agenda_item_is_edited_below_the_table(qtbot, window, store):
    open_round_1(window)
    agenda = show_tab(qtbot, window, "Agenda")
    agenda.view.selectRow(1)
    scenario = agenda.scenario
    assert scenario.isVisible() and scenario.speaker_ours.text() == "Katherine Tai"
    assert scenario.press.currentText() == "Closed"
    scenario.speaker_ours.clear()
    type_into(qtbot, scenario.speaker_ours, "Deputy USTR <Bianchi> & 代表")
    choose(scenario.press, "Open to the press")
    type_into(qtbot, scenario.points.editor, "- Overcapacity: **our** ask")
    item_id = agenda.current_item_id()
    agenda.flush()
    qtbot.waitUntil(lambda: store.agenda.list(window.meeting.id)[1].points == "- Overcapacity: **our** ask")
    item = next(i for i in store.agenda.list(window.meeting.id) if i.id == item_id)
    assert (item.speaker_ours, item.press) == ("Deputy USTR <Bianchi> & 代表", "open")
    agenda.view.selectRow(0)
    assert scenario.speaker_theirs.text() == "Koichi Hagiuda" and scenario.press.currentText() == \
        "Open to the press"
    QApplication.processEvents()


def test_a_search_hit_in_the_bank_opens_the_bank_at_the_entry(qtbot, window):
    from ui.search.jump import show_hit

    results = window.ctx.services.search.search("treaty ally")
    hit = next(h for g in results.groups for h in g.hits if h.entity == "qa")
    assert show_hit(window, hit)
    bank = window.show_qa_bank()
    assert bank.current().key == "qa-232-eu-precedent"


def test_the_book_preview_marks_a_note_over_its_budget(qtbot, window, store):
    open_round_1(window)
    store.meetings.update(window.meeting.id, None, page_budget_full=1)
    window.ctx.events.sig_meeting_changed.emit(window.meeting.id)
    editor = open_note(qtbot, window, SECTION_232)
    window.window_actions.book_preview.setChecked(True)
    qtbot.waitUntil(editor.budget_marker.isVisible, timeout=60_000)
    assert "2 pages, over the full papers' budget of 1 page" in editor.budget_marker.text()
    open_note(qtbot, window, "Labor")  # a short paper, within its budget of 1
    assert not editor.budget_marker.isVisible()
