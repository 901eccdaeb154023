"""What waits offline is in the crash journal until written, in the tracker and the sources too: a
position set and a source added while the server is away are kept there (the position with the
version it was set on), and let go once the server is back and has them. Against a real
PostgreSQL server."""

from __future__ import annotations

import pytest

from briefing.recovery.row_changes import ADD, CLEAR, DELETE, SET, RowChange
from tests.ui.test_offline import BACK_WITHIN_MS, cut, data_dir, reconnect  # noqa: F401 - fixture
from tests.ui.test_offline_row_commands import offline_waiting
from tests.ui.write_gate import written
from ui.notes.commands import AddSourceCommand, RemoveSourceCommand
from ui.positions.commands import SetPositionCommand

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


def steel(store, meeting_id):
    """The meeting's position on steel and the issue note on it."""
    position = next(p for p in store.positions.list(meeting_id) if p.issue_title.startswith("Steel"))
    note = next(n for n in store.notes.list(meeting_id) if n.issue_id == position.issue_id)
    return position, store.notes.get(note.id)


def test_a_position_set_and_a_source_added_offline_wait_in_the_journal_until_the_server_has_them(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    position, note = steel(store, meeting_id)
    assert position.state != "dropped"
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(SetPositionCommand(window.ctx, position, {"state": "dropped"}))
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        window.ctx.undo_stack.push(AddSourceCommand(window.ctx, meeting_id, note.id, 1, "Reuters"))
        qtbot.waitUntil(lambda: offline_waiting(window, 2), timeout=BACK_WITHIN_MS)
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 2, timeout=BACK_WITHIN_MS)
        set_, added = journal.pending_rows()  # what the status bar counts is in the journal already
        assert set_.change == RowChange(SET, "position", meeting_id, position.issue_id, {"state": "dropped"},
                                        title=position.issue_title, version=position.version)
        assert added.change == RowChange(ADD, "source", meeting_id, values={"note_id": note.id,
                                                                           "title": "Reuters"},
                                         index=1, title="Reuters")
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()  # the checking connection was ended too
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    now, cited = steel(store, meeting_id)
    assert now.state == "dropped"
    assert [s.title for s in cited.sources] == [note.sources[0].title, "Reuters"]


def test_a_first_position_set_offline_and_undone_and_a_source_removed_are_kept_in_order(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    position, note = steel(store, meeting_id)
    store.positions.clear(meeting_id, position.issue_id)
    position, _ = steel(store, meeting_id)  # no position kept for steel: it reads as open
    assert position.id is None
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(SetPositionCommand(window.ctx, position, {"state": "agreed"}))
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        window.undo()  # forgets the position again: waits behind it
        window.ctx.undo_stack.push(RemoveSourceCommand(window.ctx, meeting_id, note.id, note.sources[0]))
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 3, timeout=BACK_WITHIN_MS)
        set_, cleared, removed = (p.change for p in journal.pending_rows())
        assert (set_.what, set_.values, set_.version) == (SET, {"state": "agreed"}, None)
        assert (cleared.what, cleared.row_id, cleared.version) == (CLEAR, position.issue_id, None)
        assert (removed.what, removed.kind, removed.row_id) == ("delete", "source", note.sources[0].id)
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    now, cited = steel(store, meeting_id)
    assert now.id is None and cited.sources == ()


def test_a_position_set_offline_that_meets_a_conflict_when_back_stays_in_the_journal_until_chosen(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    """Refused on its retry because someone set the same position meanwhile, the state lives in the
    conflict dialog — and in the journal, so that a kill before the choice loses nothing."""
    monkeypatch.setattr("ui.live.updates.OFFLINE_POLL_MS", 600_000)  # the test says when to try again
    window = open_window(sample=True)
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    position, _ = steel(store, meeting_id)
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(SetPositionCommand(window.ctx, position, {"state": "dropped"}))
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 1, timeout=BACK_WITHIN_MS)
        qtbot.waitUntil(lambda: window.live.offline is not None, timeout=BACK_WITHIN_MS)
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    store.positions.set(meeting_id, position.issue_id, position.version, state="bracketed")  # meanwhile
    window.live.poll()  # the window finds the server again
    qtbot.waitUntil(lambda: window.conflicts.dialog is not None and window.conflicts.dialog.isVisible(),
                    timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    (kept,) = journal.pending_rows()  # a kill now would offer it back
    assert (kept.change.what, kept.change.values) == (SET, {"state": "dropped"})
    window.conflicts.dialog.theirs_button.click()
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    assert steel(store, meeting_id)[0].state == "bracketed"


def test_a_q_and_a_entry_used_in_a_note_offline_waits_in_the_journal_until_written(
        qtbot, open_window, store, db_url, postgres_server):
    from briefing.recovery.row_changes import QA_USE
    from ui.qa.commands import AttachQaCommand

    window = open_window(sample=True)
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    _, note = steel(store, meeting_id)
    entry = next(e for e in store.qa.list() if e.id not in {u.id for u in store.qa.for_note(note.id)})
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(AttachQaCommand(window.ctx, note, entry, 0))
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 1, timeout=BACK_WITHIN_MS)
        (used,) = journal.pending_rows()
        assert used.change == RowChange(ADD, QA_USE, meeting_id, entry.id, {"note_id": note.id}, 0, entry.key)
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    assert store.qa.for_note(note.id)[0].id == entry.id


def test_the_meeting_record_applied_and_taken_back_offline_waits_in_the_journal_in_order(
        qtbot, open_window, store, db_url, postgres_server):
    from briefing.recovery.replay_record import RECORD, proposal_values
    from tests.briefing.test_replay_record import state_of, with_a_record
    from ui.positions.commands import ApplyRecordCommand

    window = open_window(sample=True)
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    meeting, item = with_a_record(store)
    before = state_of(store, meeting.id, item.issue_id)
    proposal = store.records.propose(meeting.id)
    assert proposal.moves and proposal.actions
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(ApplyRecordCommand(window.ctx, proposal))
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 1, timeout=BACK_WITHIN_MS)
        window.undo()
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 2, timeout=BACK_WITHIN_MS)
        applied, taken_back = journal.pending_rows()
        assert applied.change == RowChange(ADD, RECORD, meeting.id, values=proposal_values(proposal))
        assert taken_back.change == RowChange(DELETE, RECORD, meeting.id, row_of=applied.token)
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    assert state_of(store, meeting.id, item.issue_id) == before
