"""A new meeting, the next round of one, or a meeting moved to the Trash given while the server is
away waits, and is in the crash journal until the server is back and has it (a kill meanwhile
loses nothing). Against a real PostgreSQL server."""

from __future__ import annotations

import pytest

from briefing.recovery.row_changes import ADD, DELETE
from tests.ui.test_offline import BACK_WITHIN_MS, cut, data_dir, reconnect  # noqa: F401 - fixture
from tests.ui.test_offline_row_commands import offline_waiting
from tests.ui.write_gate import written
from ui.meetings.commands import DeleteMeetingCommand, NewMeetingCommand, NextRoundCommand, new_meeting_fields

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


def test_a_new_meeting_and_a_next_round_given_offline_wait_in_the_journal_until_written(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    before = [m.id for m in store.meetings.list()]
    notes = [n.id for n in store.notes.list(meeting_id)][:1]
    fields = new_meeting_fields("America/New_York")
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(NewMeetingCommand(window.ctx, meeting_id, fields))
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        window.ctx.undo_stack.push(NextRoundCommand(window.ctx, meeting_id, {"note_ids": notes}))
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 2, timeout=BACK_WITHIN_MS)
        made, carried = (p.change for p in journal.pending_rows())
        assert (made.what, made.kind, made.values, made.title) == (ADD, "meeting", fields, "New meeting")
        assert (carried.what, carried.values) == (ADD, {"carry_from": meeting_id, "note_ids": notes})
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()  # the checking connection was ended too
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    new = [m for m in store.meetings.list() if m.id not in before]
    assert sorted(m.title for m in new)[0] == "New meeting" and len(new) == 2


def test_a_meeting_deleted_offline_waits_in_the_journal_until_written(qtbot, open_window, store, db_url,
                                                                      postgres_server):
    window = open_window(sample=True)
    meeting = window.meeting
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(DeleteMeetingCommand(window.ctx, meeting.id, meeting.title))
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 1, timeout=BACK_WITHIN_MS)
        (gone,) = (p.change for p in journal.pending_rows())
        assert (gone.what, gone.kind, gone.row_id) == (DELETE, "meeting", meeting.id)
        assert gone.title == meeting.title
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    assert meeting.id not in [m.id for m in store.meetings.list()]
