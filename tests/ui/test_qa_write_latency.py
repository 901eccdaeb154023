"""A note's Q&A entries added from the bank and removed while the store is slow: the window goes
on while the store works, the list follows once stored, and undo and redo are written in turn."""

from __future__ import annotations

from tests.ui.test_qa_window import SECTION_232, click, open_note, open_round_1
from tests.ui.typing import type_into
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written

FIRST = ["qa-232-when-lifted", "qa-232-eu-precedent", "press-round-1-summary"]


def keys(records) -> list[str]:
    return [e.key for e in records]


def test_an_entry_removed_while_the_store_is_slow_leaves_the_note_once_stored(qtbot, window, store):
    open_round_1(window)
    editor = open_note(qtbot, window, SECTION_232)
    entries, note_id = editor.qa_list, editor.note.id
    entries.view.selectRow(0)
    gate = WriteGate(window.ctx.services.db.engine, "note_qa", WRITE_VERBS)
    ticks = Ticks()
    try:
        click(qtbot, entries.remove_button)
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.status.state.text() == "Saving…"
        assert keys(store.qa.for_note(note_id)) == FIRST
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert keys(store.qa.for_note(note_id)) == FIRST[1:]
    assert keys(entries.model.records) == FIRST[1:]
    assert store.qa.by_key(FIRST[0]) is not None  # still in the bank
    window.undo()  # puts it back at its place
    written(qtbot, window)
    assert keys(store.qa.for_note(note_id)) == FIRST
    qtbot.waitUntil(lambda: keys(entries.model.records) == FIRST)
    window.redo()
    written(qtbot, window)
    assert keys(store.qa.for_note(note_id)) == FIRST[1:]


def test_an_entry_added_from_the_bank_while_the_store_is_slow_shows_once_stored(qtbot, window, store):
    open_round_1(window)
    editor = open_note(qtbot, window, SECTION_232)
    entries, note_id = editor.qa_list, editor.note.id
    click(qtbot, entries.add_button)
    picker = entries.dialog
    qtbot.waitExposed(picker)
    type_into(qtbot, picker.text, "CPTPP")
    gate = WriteGate(window.ctx.services.db.engine, "note_qa", WRITE_VERBS)
    ticks = Ticks()
    try:
        click(qtbot, picker.ok)
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert keys(store.qa.for_note(note_id)) == FIRST
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert keys(store.qa.for_note(note_id)) == [*FIRST, "qa-cptpp-rejoin"]
    qtbot.waitUntil(lambda: entries.model.rowCount() == 4)
    window.undo()
    written(qtbot, window)
    assert keys(store.qa.for_note(note_id)) == FIRST
    window.redo()
    written(qtbot, window)
    assert keys(store.qa.for_note(note_id)) == [*FIRST, "qa-cptpp-rejoin"]
