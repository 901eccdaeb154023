"""A kill while offline loses no change to a list either: an agenda item added and an action item's
due date given while the server was away are in the crash journal; after the kill the next window
says what waited, and Keep writes both to the store. Against a real PostgreSQL server, with a real
process killed by SIGKILL."""

from __future__ import annotations

import os
import sys

import pytest

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.services import Services
from tests.ui.offline_lists_window import DUE_GIVEN
from tests.ui.test_offline import BACK_WITHIN_MS
from tests.ui.test_offline_kill import kill_offline
from tests.ui.write_gate import written
from ui.recovery.bar import RecoveryBar

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def kill_a_window_changing_lists_offline(db_url, postgres_server, settings_file, env, log) -> None:
    kill_offline([sys.executable, "-m", "tests.ui.offline_lists_window", db_url, settings_file],
                 postgres_server, db_url, env, log, said="offline 'Offline — 2 changes waiting")


def test_an_item_added_and_a_due_date_given_offline_survive_a_kill_and_are_kept_at_the_next_start(
        qtbot, open_window, db_url, postgres_server, settings_file, tmp_path, monkeypatch):
    with Services.open(db_url, Config()) as services:
        load_sample(services.db, services.config)
        meeting = services.meetings.list()[-1]  # the meeting the window opens on
        agenda_before = [item.title for item in services.agenda.list(meeting.id)]
        first_action = services.actions.list(meeting.id)[0]
    assert first_action.due != DUE_GIVEN
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}  # the server store's journal
    kill_a_window_changing_lists_offline(db_url, postgres_server, settings_file, env, tmp_path / "child.log")

    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    window = open_window()  # the next start, the server back
    bar = next(b for b in window.bars.bars() if isinstance(b, RecoveryBar))
    assert getattr(bar, "lists", None) is not None, "the changes to lists were not kept"
    assert bar.lists.text.text() == ("1 change to a list made offline was not saved: "
                                     "added agenda item “New item”.")
    (due,) = bar.rows
    assert due.recovered.edit.entity == "action" and due.recovered.edit.written == DUE_GIVEN
    assert due.recovered.where.endswith(f"action item “{first_action.text}”")
    bar.keep_all()
    written(qtbot, window)
    store = window.ctx.services
    qtbot.waitUntil(lambda: [i.title for i in store.agenda.list(meeting.id)] ==
                    [agenda_before[0], "New item", *agenda_before[1:]], timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: store.actions.list(meeting.id)[0].due == DUE_GIVEN, timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: bar.lists is None and not bar.rows, timeout=BACK_WITHIN_MS)
    assert window.ctx.journal.pending() == () and window.ctx.journal.pending_rows() == ()
