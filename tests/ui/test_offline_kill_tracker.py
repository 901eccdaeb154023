"""A kill while offline loses no position set in the tracker, no change to a note's sources and no new
meeting: a position's state, a source cited, a source's publisher and a new meeting given while the
server was away are in the crash journal; after the kill the next window says what waited (the
source's cell placed in its note), and Keep writes them all to the store. Against a real
PostgreSQL server, with a real process killed by SIGKILL."""

from __future__ import annotations

import os
import sys

import pytest

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.services import Services
from tests.ui.offline_tracker_window import PUBLISHER_GIVEN, SOURCE_ADDED, STATE_GIVEN, steel
from tests.ui.test_offline import BACK_WITHIN_MS
from tests.ui.test_offline_kill import kill_offline
from tests.ui.write_gate import written
from ui.recovery.bar import RecoveryBar

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


def test_a_position_set_and_sources_changed_offline_survive_a_kill_and_are_kept_at_the_next_start(
        qtbot, open_window, db_url, postgres_server, settings_file, tmp_path, monkeypatch):
    with Services.open(db_url, Config()) as services:
        load_sample(services.db, services.config)
        meeting = services.meetings.list()[-1]  # the meeting the window opens on
        position, note = steel(services, meeting.id)
        meetings_before = [m.id for m in services.meetings.list()]
    first = note.sources[0]
    assert position.state != STATE_GIVEN and first.publisher != PUBLISHER_GIVEN
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}  # the server store's journal
    kill_offline([sys.executable, "-m", "tests.ui.offline_tracker_window", db_url, settings_file],
                 postgres_server, db_url, env, tmp_path / "child.log",
                 said="offline 'Offline — 4 changes waiting")

    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    window = open_window()  # the next start, the server back
    bar = next(b for b in window.bars.bars() if isinstance(b, RecoveryBar))
    assert getattr(bar, "lists", None) is not None, "the position and the source added were not kept"
    assert bar.lists.text.text() == ("3 changes to lists made offline were not saved: set position on "
                                     f"“{position.issue_title}”: state {STATE_GIVEN}, added source "
                                     f"“{SOURCE_ADDED}”, added meeting “New meeting”.")
    (publisher,) = bar.rows
    assert publisher.recovered.where == f"“{meeting.title}” · issue note “{note.issue_title}” · source 1"
    assert publisher.recovered.edit.written == PUBLISHER_GIVEN and publisher.keep_button.isEnabled()
    bar.keep_all()
    written(qtbot, window)
    store = window.ctx.services
    qtbot.waitUntil(lambda: steel(store, meeting.id)[0].state == STATE_GIVEN, timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: [(s.title, s.publisher) for s in steel(store, meeting.id)[1].sources] ==
                    [(first.title, PUBLISHER_GIVEN), (SOURCE_ADDED, "")], timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: [m.title for m in store.meetings.list() if m.id not in meetings_before] ==
                    ["New meeting"], timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: bar.lists is None and not bar.rows, timeout=BACK_WITHIN_MS)
    assert window.ctx.journal.pending() == () and window.ctx.journal.pending_rows() == ()
