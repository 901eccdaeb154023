"""A kill while offline loses no number typed in a form either: the round set on the Overview while
the server was away is in the crash journal as the number it is (not text), and the next start
offers it and Keep writes it. Against a real PostgreSQL server, with a real process killed by SIGKILL."""

from __future__ import annotations

import os
import sys

import pytest

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.services import Services
from tests.ui.offline_form_window import ROUND_GIVEN
from tests.ui.test_offline import BACK_WITHIN_MS
from tests.ui.test_offline_kill import kill_offline
from tests.ui.write_gate import written
from ui.recovery.bar import RecoveryBar

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


def test_a_round_number_set_offline_survives_a_kill_and_is_kept_at_the_next_start(
        qtbot, open_window, db_url, postgres_server, settings_file, tmp_path, monkeypatch):
    with Services.open(db_url, Config()) as services:
        load_sample(services.db, services.config)
        meeting = services.meetings.list()[-1]  # the meeting the window opens on
    assert meeting.round_no != ROUND_GIVEN
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}  # the server store's journal
    kill_offline([sys.executable, "-m", "tests.ui.offline_form_window", db_url, settings_file],
                 postgres_server, db_url, env, tmp_path / "child.log",
                 said="offline 'Offline — 1 change waiting")

    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    window = open_window()  # the next start, the server back
    bar = next(b for b in window.bars.bars() if isinstance(b, RecoveryBar))
    (kept,) = bar.rows
    edit = kept.recovered.edit
    assert (edit.entity, edit.entity_id, edit.field, edit.typed, edit.written) == \
        ("meeting", meeting.id, "round_no", True, ROUND_GIVEN)
    bar.keep_all()
    written(qtbot, window)
    store = window.ctx.services
    qtbot.waitUntil(lambda: store.meetings.get(meeting.id).round_no == ROUND_GIVEN, timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: not bar.rows, timeout=BACK_WITHIN_MS)
    assert window.ctx.journal.pending() == ()
