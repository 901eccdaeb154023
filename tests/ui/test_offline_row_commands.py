"""Row commands given while the server cannot be reached wait too: an agenda item added and one
deleted offline stay on the undo stack, count in "Offline — N changes waiting", and are written in
order once the server is back, after which the views show them; a table cell typed offline is
shown meanwhile and written too. Against a real PostgreSQL server
(the store's database stops taking connections and its sessions are ended, as a restart does)."""

from __future__ import annotations

import pytest

from tests.ui.tabs import show_tab
from tests.ui.test_agenda import set_cell, titles
from tests.ui.test_offline import BACK_WITHIN_MS, cut, reconnect
from tests.ui.write_gate import written
from ui.models.agenda_table import TITLE

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A server store's crash journal lives in the user's data folder: a temp one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def stored_titles(store, meeting_id) -> list[str]:
    return [item.title for item in store.agenda.list(meeting_id)]


def offline_waiting(window, count: int) -> bool:
    changes = f"{count} change{'s' if count != 1 else ''}"
    return window.status.state.text().startswith(f"Offline — {changes} waiting")


def test_agenda_items_added_and_deleted_offline_are_written_in_order_when_the_server_is_back(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    agenda = show_tab(qtbot, window, "Agenda")
    meeting_id = window.meeting.id
    before = stored_titles(store, meeting_id)
    assert titles(agenda) == before and len(before) >= 3
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))  # the window has read all
    steps = window.ctx.undo_stack.count()
    cut(postgres_server, db_url)
    try:
        agenda.view.selectRow(0)
        agenda.add_item()  # after the first item
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        agenda.view.selectRow(2)
        agenda.delete_item()  # the third item as shown (the new one is not shown yet)
        qtbot.waitUntil(lambda: offline_waiting(window, 2), timeout=BACK_WITHIN_MS)
        written(qtbot, window)  # nothing is left in the lane: the two writes wait for the server
        assert window.ctx.undo_stack.count() == steps + 2  # neither was dropped
        undo = window.window_actions.undo.text().replace("&", "")
        assert undo.startswith(f"Undo Delete agenda item “{before[2]}”")
        assert agenda.error.message == ""  # no refusal said next to the table
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()  # the checking connection was ended too
    expected = [before[0], "New item", before[1], *before[3:]]
    qtbot.waitUntil(lambda: stored_titles(store, meeting_id) == expected, timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: titles(agenda) == expected, timeout=BACK_WITHIN_MS)  # the view re-read
    written(qtbot, window)
    assert not window.status.state.text().startswith("Offline")
    window.undo()  # and they are undone as usual: the deleted item comes back…
    written(qtbot, window)
    assert stored_titles(store, meeting_id) == [before[0], "New item", *before[1:]]
    window.undo()  # …and the added one goes
    written(qtbot, window)
    assert stored_titles(store, meeting_id) == before
    qtbot.waitUntil(lambda: titles(agenda) == before)


def action_texts(store, meeting_id) -> list[str]:
    return [item.text for item in store.actions.list(meeting_id)]


def test_an_undo_given_offline_waits_behind_the_command_it_takes_back(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    actions = show_tab(qtbot, window, "Action items")
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    before = action_texts(store, meeting_id)
    assert len(before) >= 2
    cut(postgres_server, db_url)
    try:
        actions.view.selectRow(0)
        actions.move_current(1)  # the first action item one down
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        actions.add_item()
        qtbot.waitUntil(lambda: offline_waiting(window, 2), timeout=BACK_WITHIN_MS)
        window.undo()  # takes the add back: waits behind it
        qtbot.waitUntil(lambda: offline_waiting(window, 3), timeout=BACK_WITHIN_MS)
        written(qtbot, window)
        redo = window.window_actions.redo.text().replace("&", "")
        assert redo.startswith("Redo Add action item")  # the add stays in the history
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    moved = [before[1], before[0], *before[2:]]
    qtbot.waitUntil(lambda: action_texts(store, meeting_id) == moved, timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    assert len(store.trash.list()) == 1  # the added item was added, then taken back, in that order
    window.redo()
    written(qtbot, window)
    assert len(action_texts(store, meeting_id)) == len(before) + 1 and store.trash.list() == []


def test_a_cell_typed_offline_is_shown_meanwhile_and_written_when_the_server_is_back(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    agenda = show_tab(qtbot, window, "Agenda")
    meeting_id = window.meeting.id
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    before = stored_titles(store, meeting_id)
    typed = "Opening — typed offline: 鉄鋼 & <b>METI</b>"
    cut(postgres_server, db_url)
    try:
        set_cell(agenda, 0, TITLE, typed)
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
        written(qtbot, window)
        assert agenda.error.message == ""  # not refused: it waits
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: stored_titles(store, meeting_id) == [typed, *before[1:]], timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    assert titles(agenda)[0] == typed
    window.undo()
    written(qtbot, window)
    assert stored_titles(store, meeting_id) == before
