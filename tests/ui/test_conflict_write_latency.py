"""A conflict resolved while the store is slow: "Keep mine" and a merged text are written in the
write lane (never on the GUI thread, even when nothing else waits), after every write queued before
them; the window goes on meanwhile and the text stays in the editor and the journal until stored."""

from __future__ import annotations

import threading

from tests.ui.test_issue_notes import section
from tests.ui.test_two_windows import MINE, conflict  # noqa: F401 - the fixture
from tests.ui.write_gate import Ticks, WriteGate, written
from ui.undo.lane_job import run_in_lane


def test_keep_mine_is_written_in_the_background_while_the_store_is_slow(qtbot, conflict, store):  # noqa: F811
    _a, b, pb, dialog, note_id, before = conflict
    theirs = store.notes.get(note_id).objectives
    gate = WriteGate(b.ctx.services.db.engine, "issue_notes")
    ticks = Ticks()
    try:
        dialog.mine_button.click()  # nothing else waits in the lane
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert not dialog.isVisible()
        assert b.status.state.text() == "Saving…"
        assert store.notes.get(note_id).objectives == theirs  # not yet
        assert section(pb, "objectives").toPlainText() == MINE + before  # kept meanwhile…
        assert [e.value for e in b.ctx.journal.pending()] == [MINE + before]  # …here too
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, b)
    assert store.notes.get(note_id).objectives == MINE + before
    assert not dialog.isVisible()  # nothing asked again once it is stored
    assert b.ctx.journal.pending() == ()
    assert b.status.state.text() == "Saved"
    b.undo()
    written(qtbot, b)
    assert store.notes.get(note_id).objectives == theirs


def test_a_merged_text_waits_its_turn_behind_the_writes_queued_before_it(qtbot, conflict, store):  # noqa: F811
    _a, b, _pb, dialog, note_id, before = conflict
    theirs = store.notes.get(note_id).objectives
    earlier, order = threading.Event(), []
    run_in_lane(b.ctx, lambda: (earlier.wait(10), order.append("earlier")))  # a write queued before
    ticks = Ticks()
    try:
        dialog.tabs.setCurrentIndex(dialog.merge_tab)
        dialog.merge_editor.setPlainText(theirs + " + " + MINE)
        dialog.merged_button.click()
        ticks.turned(qtbot)
        assert store.notes.get(note_id).objectives == theirs  # behind the earlier write
        assert order == []
    finally:
        earlier.set()
    written(qtbot, b)
    assert order == ["earlier"]
    assert store.notes.get(note_id).objectives == theirs + " + " + MINE
