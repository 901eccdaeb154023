"""A choice made in the conflict dialog while the server is away is not lost: "Keep mine" waits
("Offline — 1 change waiting", the text still in the editor and the crash journal) and is written
once the server is back. Against a real PostgreSQL server."""

from __future__ import annotations

import pytest

from tests.ui.test_live import SHOWN_WITHIN_MS, THEIRS, typing_in_objectives
from tests.ui.test_offline import BACK_WITHIN_MS, cut, journalled, reconnect
from tests.ui.test_offline_row_commands import offline_waiting
from tests.ui.write_gate import written

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A server store's crash journal lives in the user's data folder: a temp one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_keep_mine_chosen_while_the_server_is_away_is_written_when_it_is_back(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    panel, editor = typing_in_objectives(qtbot, window)
    note = store.notes.get(panel.editor.note.id)
    mine = editor.toPlainText()
    store.notes.update(note.id, note.version, objectives=THEIRS)  # another member, meanwhile
    qtbot.waitUntil(lambda: window.conflicts.dialog is not None and window.conflicts.dialog.isVisible(),
                    timeout=SHOWN_WITHIN_MS)
    cut(postgres_server, db_url)
    try:
        window.conflicts.dialog.mine_button.click()
        qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)  # the one text
        written(qtbot, window)
        assert editor.toPlainText() == mine  # kept in the editor…
        assert journalled(window, note.id) == [mine]  # …and in the journal
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    qtbot.waitUntil(lambda: store.notes.get(note.id).objectives == mine, timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    qtbot.waitUntil(lambda: journalled(window, note.id) == [], timeout=BACK_WITHIN_MS)
    assert editor.toPlainText() == mine
    assert not window.conflicts.dialog.isVisible()
