"""Keeping a text the last session left unsaved while the store is slow: the recovery bar writes it
in the write lane (never on the GUI thread, even when nothing else waits), the window goes on
meanwhile, the text stays in the bar and the journal until stored, and a refusal says so."""

from __future__ import annotations

import threading

from tests.ui.test_crash_recovery import leave_a_journal_behind, recovery_bar
from tests.ui.write_gate import Ticks, WriteGate, written
from ui.undo.lane_job import run_in_lane

KEPT = "Kept objectives: 鉄鋼 <b>quota</b> & 50%"


def kept_values(window) -> list[str]:
    return [edit.value for edit in window.ctx.journal.pending()]


def a_window_offering(open_window, db_url, store):
    """The last session was killed with ``KEPT`` typed into the first note's objectives."""
    first = open_window(sample=True)
    note = store.notes.list_full(first.meeting.id)[0]
    first.close()
    leave_a_journal_behind(db_url, [("note", note.id, "objectives", KEPT, note.version)])
    window = open_window()
    return window, note


def test_keeping_a_recovered_text_while_the_store_is_slow_writes_it_in_the_background(
        qtbot, open_window, db_url, store):
    window, note = a_window_offering(open_window, db_url, store)
    bar = recovery_bar(window)
    row = bar.rows[0]
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes")
    ticks = Ticks()
    try:
        row.keep_button.click()  # nothing else waits in the lane
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.status.state.text() == "Saving…"
        assert store.notes.get(note.id).objectives == note.objectives  # not yet
        assert recovery_bar(window) is bar and bar.rows == [row]  # the kept text stays in the bar…
        assert kept_values(window) == [KEPT]  # …and in the journal
        assert not row.keep_button.isEnabled() and not row.discard_button.isEnabled()
        assert "Saving…" in row.detail.text()
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.notes.get(note.id).objectives == KEPT
    assert recovery_bar(window) is None
    assert window.ctx.journal.pending() == ()
    assert window.status.state.text() == "Saved"
    window.undo()  # keeping is an ordinary edit
    written(qtbot, window)
    assert store.notes.get(note.id).objectives == note.objectives


def test_a_recovered_text_kept_waits_its_turn_behind_the_writes_queued_before_it(
        qtbot, open_window, db_url, store):
    window, note = a_window_offering(open_window, db_url, store)
    earlier, order = threading.Event(), []
    run_in_lane(window.ctx, lambda: (earlier.wait(10), order.append("earlier")))  # a write queued before
    ticks = Ticks()
    try:
        recovery_bar(window).rows[0].keep_button.click()
        ticks.turned(qtbot)
        assert store.notes.get(note.id).objectives == note.objectives  # behind the earlier write
        assert order == []
    finally:
        earlier.set()
    written(qtbot, window)
    assert order == ["earlier"]
    assert store.notes.get(note.id).objectives == KEPT


def test_a_recovered_text_the_store_refuses_stays_in_the_bar_and_says_why(
        qtbot, open_window, db_url, store):
    first = open_window(sample=True)
    meeting = first.meeting
    first.close()
    leave_a_journal_behind(db_url, [("meeting", meeting.id, "title", " ", meeting.version)])
    window = open_window()
    bar = recovery_bar(window)
    row = bar.rows[0]
    row.keep_button.click()
    written(qtbot, window)
    assert row.error.message.startswith("Title:") and row.error.message.endswith("— not saved.")
    assert recovery_bar(window) is bar and bar.rows == [row]
    assert kept_values(window) == [" "]  # still kept for the next start
    assert row.keep_button.isEnabled() and row.discard_button.isEnabled()
    assert store.meetings.get(meeting.id).title == meeting.title
    row.discard_button.click()
    assert recovery_bar(window) is None and window.ctx.journal.pending() == ()
