"""Restoring from the Trash while the store is slow: the window goes on while the store works,
the restored note is shown in its tab once stored, and undo and redo are written in turn."""

from __future__ import annotations

from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import listed, notes_tab
from tests.ui.test_trash_window import SECTION_232, open_trash
from tests.ui.test_undo_hard_deletes import current_tab
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written


def in_trash(store) -> list[str]:
    return [entry.title for entry in store.trash.list()]


def test_a_note_restored_while_the_store_is_slow_comes_back_once_stored(qtbot, window, store):
    notes = notes_tab(qtbot, window)
    notes.view.setCurrentIndex(notes.model.index(1))
    notes.delete_note()
    written(qtbot, window)
    show_tab(qtbot, window, "Overview")
    trash = open_trash(window)
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes", WRITE_VERBS)
    ticks = Ticks()
    try:
        trash.restore_button.click()
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.status.state.text() == "Saving…"
        assert in_trash(store) == [SECTION_232]
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert in_trash(store) == []
    assert current_tab(window) == "Issue notes" and listed(notes)[1] == SECTION_232
    assert window.status.state.text().startswith("Restored")
    qtbot.waitUntil(lambda: trash.model.rowCount() == 0)
    window.undo()
    written(qtbot, window)
    assert in_trash(store) == [SECTION_232] and SECTION_232 not in listed(notes)
    window.redo()
    written(qtbot, window)
    assert in_trash(store) == [] and SECTION_232 in listed(notes)


def test_a_meeting_restored_while_the_store_is_slow_opens_once_stored(qtbot, window, store):
    round_1 = window.meeting.id
    window.window_actions.delete_meeting.trigger()
    written(qtbot, window)
    assert window.meeting.id != round_1
    trash = open_trash(window)
    gate = WriteGate(window.ctx.services.db.engine, "meetings", WRITE_VERBS)
    ticks = Ticks()
    try:
        trash.restore_button.click()
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert window.meeting.id != round_1  # nothing to open yet
        assert round_1 not in [m.id for m in store.meetings.list()]
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert window.meeting.id == round_1 and round_1 in window.sidebar.meeting_ids()
    window.undo()  # back to the Trash: another meeting opens
    written(qtbot, window)
    assert round_1 not in [m.id for m in store.meetings.list()]
    assert window.meeting.id != round_1
    window.redo()
    written(qtbot, window)
    assert window.meeting.id == round_1
