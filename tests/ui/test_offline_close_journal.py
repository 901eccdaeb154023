"""Closing while changes wait for the server, and the crash journal: "Close and lose them" drops them
from the journal too (the next start offers nothing the user chose to lose); a close by a signal,
which asks nothing, leaves them in the journal and the next start offers them. Against a real
PostgreSQL server."""

from __future__ import annotations

import pytest

from tests.ui.test_crash_recovery import recovery_bar
from tests.ui.test_offline import reconnect
from tests.ui.test_offline_close import agenda_offline_with_two_changes_waiting, answer
from tests.ui.test_offline_row_commands import stored_titles

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A server store's crash journal lives in the user's data folder: a temp one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_closing_and_losing_what_waits_leaves_nothing_for_the_next_start(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    window = open_window(sample=True)
    try:
        agenda_offline_with_two_changes_waiting(qtbot, window, postgres_server, db_url)
        qtbot.waitUntil(lambda: len(window.ctx.journal.pending_rows()) == 1
                        and len(window.ctx.journal.pending()) == 1)
        answer(monkeypatch, "Close and lose them")
        window.close()
        assert not window.isVisible()
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    assert recovery_bar(open_window()) is None


def test_a_close_that_asks_nothing_keeps_what_waits_for_the_next_start(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    meeting_id = window.meeting.id
    before = stored_titles(store, meeting_id)
    try:
        agenda_offline_with_two_changes_waiting(qtbot, window, postgres_server, db_url)
        qtbot.waitUntil(lambda: len(window.ctx.journal.pending_rows()) == 1
                        and len(window.ctx.journal.pending()) == 1)
        window.ask_on_close = False  # as SIGTERM or the session's end closes it
        window.close()
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    assert stored_titles(store, meeting_id) == before
    bar = recovery_bar(open_window())
    assert bar is not None and bar.lists is not None and len(bar.rows) == 1
    assert bar.lists.text.text().endswith("added agenda item “New item”.")
    assert bar.title.text() == "Briefbook kept typing that was not saved last time."  # a clean exit

