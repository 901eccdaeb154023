"""What waits offline is in the crash journal until written: an agenda item added and an action
item's due date given while the server is away are kept there (the date as a date), and let go
once the server is back and has them. Against a real PostgreSQL server."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.ui.tabs import show_tab
from tests.ui.test_offline import BACK_WITHIN_MS, cut, reconnect
from tests.ui.test_offline_row_commands import offline_waiting, stored_titles
from tests.ui.write_gate import written
from ui.models.actions_table import DUE

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)
DUE_GIVEN = date(2026, 12, 24)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A server store's crash journal lives in the user's data folder: a temp one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_a_row_added_and_a_cell_given_offline_wait_in_the_journal_until_the_server_has_them(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    agenda = show_tab(qtbot, window, "Agenda")
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    before = stored_titles(store, meeting_id)
    actions = show_tab(qtbot, window, "Action items")
    qtbot.waitUntil(lambda: actions.model.rowCount() > 0)
    action_id = actions.model.row_id(0)
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        agenda = show_tab(qtbot, window, "Agenda")
        agenda.view.selectRow(0)
        agenda.add_item()
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        actions = show_tab(qtbot, window, "Action items")
        actions.model.setData(actions.model.index(0, DUE), DUE_GIVEN, Qt.ItemDataRole.EditRole)
        qtbot.waitUntil(lambda: offline_waiting(window, 2), timeout=BACK_WITHIN_MS)
        (row,) = journal.pending_rows()  # what the status bar counts is in the journal already
        assert (row.change.what, row.change.kind, row.change.meeting_id, row.change.index) == \
            ("add", "agenda_item", meeting_id, 1)
        assert row.change.values == {"title": "New item", "minutes": 30}
        (cell,) = journal.pending()
        assert (cell.entity, cell.entity_id, cell.field, cell.meeting_id) == ("action", action_id, "due",
                                                                              meeting_id)
        assert cell.typed and cell.written == DUE_GIVEN
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()  # the checking connection was ended too
    qtbot.waitUntil(lambda: stored_titles(store, meeting_id) == [before[0], "New item", *before[1:]],
                    timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: journal.pending_rows() == () and journal.pending() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    assert store.actions.list(meeting_id)[0].due == DUE_GIVEN


def test_an_item_added_offline_then_taken_back_is_kept_as_both(qtbot, open_window, store, db_url,
                                                               postgres_server):
    window = open_window(sample=True)
    agenda = show_tab(qtbot, window, "Agenda")
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        agenda.view.selectRow(0)
        agenda.add_item()
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        window.undo()
        qtbot.waitUntil(lambda: offline_waiting(window, 2), timeout=BACK_WITHIN_MS)
        added, taken_back = journal.pending_rows()
        assert (added.change.what, taken_back.change.what) == ("add", "delete")
        assert taken_back.change.row_id is None and taken_back.change.row_of == added.token
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)


def test_participants_added_and_moved_offline_wait_in_the_journal_naming_the_add_until_written(
        qtbot, open_window, store, db_url, postgres_server):
    from ui.people.commands import AddParticipantCommand, MoveParticipantCommand

    window = open_window(sample=True)
    show_tab(qtbot, window, "Participants")
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    ours = [p for p in store.people.participants(meeting_id) if p.side == "ours"]
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(AddParticipantCommand(window.ctx, meeting_id, "ours", "Ambassador",
                                                         new_person={"name": "Rahm Emanuel"}))
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        window.ctx.undo_stack.push(MoveParticipantCommand(window.ctx, ours[0], 0, 1))
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 2, timeout=BACK_WITHIN_MS)
        added, moved = journal.pending_rows()
        assert (added.change.what, added.change.kind, added.change.values) == \
            ("add", "participant", {"side": "ours", "role": "Ambassador", "person.name": "Rahm Emanuel"})
        assert (moved.change.what, moved.change.row_id, moved.change.index) == ("move", ours[0].id, 1)
        window.undo()  # the move back: waits behind them
        window.undo()  # the add taken back: names the add, whose row has no id yet
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 4, timeout=BACK_WITHIN_MS)
        taken_back = journal.pending_rows()[3].change
        assert (taken_back.what, taken_back.row_id, taken_back.row_of) == ("delete", None, added.token)
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    assert [p.id for p in store.people.participants(meeting_id) if p.side == "ours"] == [p.id for p in ours]


def test_a_cell_given_offline_that_meets_a_conflict_when_back_stays_in_the_journal_until_chosen(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    """Refused on its retry because someone changed the same cell meanwhile, the value lives in the
    conflict dialog — and in the journal, so that a kill before the choice loses nothing."""
    monkeypatch.setattr("ui.live.updates.OFFLINE_POLL_MS", 600_000)  # the test says when to try again
    window = open_window(sample=True)
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))  # (after the first paint)
    actions = show_tab(qtbot, window, "Action items")
    qtbot.waitUntil(lambda: actions.model.rowCount() > 0)
    meeting_id, action_id = window.meeting.id, actions.model.row_id(0)
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        actions.model.setData(actions.model.index(0, DUE), DUE_GIVEN, Qt.ItemDataRole.EditRole)
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        qtbot.waitUntil(lambda: window.live.offline is not None, timeout=BACK_WITHIN_MS)
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    action = store.actions.list(meeting_id)[0]
    theirs = date(2027, 1, 15)
    store.actions.update(action_id, action.version, due=theirs)  # another member, meanwhile
    window.live.poll()  # the window finds the server again
    qtbot.waitUntil(lambda: window.conflicts.dialog is not None and window.conflicts.dialog.isVisible(),
                    timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    (cell,) = journal.pending()  # a kill now would offer it back
    assert (cell.entity, cell.entity_id, cell.field, cell.written) == ("action", action_id, "due", DUE_GIVEN)
    window.conflicts.dialog.theirs_button.click()
    qtbot.waitUntil(lambda: journal.pending() == (), timeout=BACK_WITHIN_MS)
    assert store.actions.list(meeting_id)[0].due == theirs


def test_a_new_persons_add_undone_and_redone_offline_names_the_first_add_and_makes_one_person(
        qtbot, open_window, store, db_url, postgres_server):
    from briefing.recovery.row_changes import PERSON_OF
    from ui.people.commands import AddParticipantCommand

    window = open_window(sample=True)
    show_tab(qtbot, window, "Participants")
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    journal = window.ctx.journal
    cut(postgres_server, db_url)
    try:
        window.ctx.undo_stack.push(AddParticipantCommand(window.ctx, meeting_id, "ours", "Ambassador",
                                                         new_person={"name": "Rahm Emanuel"}))
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        window.undo()
        window.redo()
        qtbot.waitUntil(lambda: len(journal.pending_rows()) == 3, timeout=BACK_WITHIN_MS)
        added, taken_back, again = journal.pending_rows()
        assert (taken_back.change.what, taken_back.change.row_of) == ("delete", added.token)
        assert again.change.what == "add" and again.change.values[PERSON_OF] == added.token
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: journal.pending_rows() == (), timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    assert [p.name for p in store.people.list_people()].count("Rahm Emanuel") == 1
    assert [p.person.name for p in store.people.participants(meeting_id)].count("Rahm Emanuel") == 1
