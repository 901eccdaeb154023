"""Removing the sample while the store is slow: the window goes on while the store works, the
sample leaves the list once stored, and undo and redo are written in turn."""

from __future__ import annotations

from tests.store_files import SAMPLE_MEETINGS
from tests.ui.conftest import answer_box
from tests.ui.test_sample import ROUND_1, _help_action
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written


def test_the_sample_removed_while_the_store_is_slow_goes_to_the_trash_once_stored(
        qtbot, window, store, monkeypatch):
    answer_box(monkeypatch, "Remove the sample")
    gate = WriteGate(window.ctx.services.db.engine, "meetings", WRITE_VERBS)
    ticks = Ticks()
    try:
        _help_action(window, "Remove the sample…").trigger()
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.status.state.text() == "Saving…"
        assert window.meeting.title == ROUND_1
        assert len(store.meetings.list()) == SAMPLE_MEETINGS
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.meetings.list() == [] and window.sidebar.meeting_ids() == []
    assert window.workspace.currentWidget() is window.workspace.empty
    assert "Trash" in window.status.state.text()
    window.undo()
    written(qtbot, window)
    assert len(store.meetings.list()) == SAMPLE_MEETINGS and store.trash.count() == 0
    assert len(window.sidebar.meeting_ids()) == SAMPLE_MEETINGS
    window.redo()
    written(qtbot, window)
    assert store.meetings.list() == [] and window.sidebar.meeting_ids() == []
