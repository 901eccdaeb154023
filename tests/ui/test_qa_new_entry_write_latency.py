"""A new Q&A entry saved while the store is slow: the window goes on while the store works, the
entry shows in the bank (and in the note that asked for it) once stored, and the tests' ``written``
(like the window's close and an export) waits for it as for every other write."""

from __future__ import annotations

from tests.ui.test_qa_window import SECTION_232, click, open_note, open_round_1
from tests.ui.typing import type_into
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written

QUESTION = "Will <you> & 日本 agree? 🙂"


def test_a_new_bank_entry_saved_while_the_store_is_slow_shows_once_stored(qtbot, window, store):
    bank = window.show_qa_bank()
    qtbot.waitExposed(bank)
    click(qtbot, bank.new_button)
    dialog = bank.dialog
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.question, QUESTION)
    gate = WriteGate(window.ctx.services.db.engine, "qa_entries", WRITE_VERBS)
    ticks = Ticks()
    try:
        click(qtbot, dialog.buttons.buttons()[0])  # OK
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.status.state.text() == "Saving…"
        assert len(store.qa.list()) == 7 and bank.model.rowCount() == 7
        assert dialog.question.toPlainText() == QUESTION  # kept until stored
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)  # counted among the window's writes
    assert store.qa.list()[-1].question == QUESTION
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: bank.model.rowCount() == 8)
    assert bank.current().question == QUESTION


def test_a_new_entry_for_a_note_saved_while_the_store_is_slow_joins_the_note_once_stored(
        qtbot, window, store):
    open_round_1(window)
    editor = open_note(qtbot, window, SECTION_232)
    entries, note_id = editor.qa_list, editor.note.id
    click(qtbot, entries.new_button)
    dialog = entries.dialog
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.question, "Melted and poured?")
    gate = WriteGate(window.ctx.services.db.engine, "qa_entries", WRITE_VERBS)
    ticks = Ticks()
    try:
        click(qtbot, dialog.buttons.buttons()[0])
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert len(store.qa.for_note(note_id)) == 3 and entries.model.rowCount() == 3
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.qa.for_note(note_id)[-1].question == "Melted and poured?"
    qtbot.waitUntil(lambda: entries.model.rowCount() == 4)


def test_a_new_entry_the_store_refuses_stays_in_the_dialog_with_what_was_typed(qtbot, window, store):
    bank = window.show_qa_bank()
    click(qtbot, bank.new_button)
    dialog = bank.dialog
    type_into(qtbot, dialog.answer, "An answer without a question")
    click(qtbot, dialog.buttons.buttons()[0])
    written(qtbot, window)
    assert "question" in dialog.error.message and "must not be empty" in dialog.error.message
    assert dialog.isVisible() and dialog.answer.toPlainText() == "An answer without a question"
    assert dialog.buttons.isEnabled()
    assert len(store.qa.list()) == 7
