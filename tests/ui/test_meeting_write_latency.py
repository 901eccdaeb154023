"""A new meeting, a deleted meeting and the next round while the store is slow: the window goes
on while the store works, opens (and the list selects) the meeting once it is stored, and undo
and redo are written in turn."""

from __future__ import annotations

from tests.store_files import SAMPLE_MEETINGS
from tests.ui.typing import type_into
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written
from ui.meetings.commands import NextRoundCommand
from ui.models.meetings_list import MEETING_ID_ROLE


def selected_in_sidebar(window) -> int | None:
    return window.sidebar.view.currentIndex().data(MEETING_ID_ROLE)


def test_a_new_meeting_made_while_the_store_is_slow_opens_once_stored(qtbot, window, store):
    came_from = window.meeting.id
    gate = WriteGate(window.ctx.services.db.engine, "meetings", WRITE_VERBS)
    ticks = Ticks()
    try:
        window.window_actions.new_meeting.trigger()
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.meeting.id == came_from  # nothing to open yet
        assert window.status.state.text() == "Saving…"
        assert len(store.meetings.list()) == SAMPLE_MEETINGS
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert len(store.meetings.list()) == SAMPLE_MEETINGS + 1
    new_id = window.meeting.id
    assert new_id != came_from and window.meeting.title == "New meeting"
    assert selected_in_sidebar(window) == new_id  # the list selects it once stored
    window.undo()
    written(qtbot, window)
    assert window.meeting.id == came_from
    assert new_id not in [m.id for m in store.meetings.list()]
    window.redo()
    written(qtbot, window)
    assert window.meeting.id == new_id
    assert new_id in [m.id for m in store.meetings.list()]


def test_a_meeting_deleted_while_the_store_is_slow_goes_to_the_trash_once_stored(qtbot, window, store):
    round_1 = window.meeting.id
    gate = WriteGate(window.ctx.services.db.engine, "meetings", WRITE_VERBS)
    ticks = Ticks()
    try:
        window.window_actions.delete_meeting.trigger()
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert round_1 in [m.id for m in store.meetings.list()]
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert round_1 not in [m.id for m in store.meetings.list()]
    assert window.meeting.id != round_1 and round_1 not in window.sidebar.meeting_ids()
    assert "Trash" in window.status.state.text()
    window.undo()
    written(qtbot, window)
    assert window.meeting.id == round_1 and selected_in_sidebar(window) == round_1
    assert len(store.meetings.list()) == SAMPLE_MEETINGS


def test_the_next_round_is_carried_forward_while_the_window_works(qtbot, window, store):
    round_1 = window.meeting.id
    gate = WriteGate(window.ctx.services.db.engine, "meetings", WRITE_VERBS)
    ticks = Ticks()
    try:
        window.ctx.undo_stack.push(NextRoundCommand(window.ctx, round_1))
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert window.status.state.text().startswith("Working…")
        assert window.meeting.id == round_1
        assert len(store.meetings.list()) == SAMPLE_MEETINGS
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    new = store.meetings.get(window.meeting.id)
    assert new.previous_id == round_1
    assert selected_in_sidebar(window) == new.id
    assert len(store.notes.list(new.id)) == len(store.notes.list(round_1))
    window.undo()  # the whole carry forward is one step
    written(qtbot, window)
    assert window.meeting.id == round_1 and new.id not in window.sidebar.meeting_ids()
    window.redo()
    written(qtbot, window)
    assert window.meeting.id == new.id


def test_a_new_meeting_asked_for_while_an_autosave_waits_does_not_freeze_the_window(
        qtbot, open_window, store):
    window = open_window(sample=True, autosave_ms=50)
    came_from = window.meeting.id
    overview = window.workspace.panel("Overview")
    gate = WriteGate(window.ctx.services.db.engine, "meetings")  # the overview's autosave is held
    ticks = Ticks()
    try:
        overview.location.selectAll()
        type_into(qtbot, overview.location, "Geneva")
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        window.window_actions.new_meeting.trigger()  # queued behind the autosave
        ticks.turned(qtbot)
        assert window.meeting.id == came_from
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.meetings.get(came_from).location == "Geneva"
    assert window.meeting.id != came_from and window.meeting.title == "New meeting"
    assert len(store.meetings.list()) == SAMPLE_MEETINGS + 1
