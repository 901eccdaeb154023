"""Offline: a connection lost mid-session loses nothing — the window says "Offline — N changes
waiting", keeps every edit in its editor and in the crash journal, and saves them in order once
the server is back. Against a real PostgreSQL server: the store's database stops taking
connections and its sessions are ended, as a server restart does."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from sqlalchemy.engine import make_url

from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.typing import type_into
from tests.ui.write_gate import written

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)
BACK_WITHIN_MS = 30_000  # the watcher asks every 2 s while offline; generous on a shared machine


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A server store's crash journal lives in the user's data folder: a temp one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def cut(server, url: str) -> None:
    """The store's database refuses new connections and ends the open ones (a server going down)."""
    name = make_url(url).database
    with server.engine.connect() as connection:
        connection.exec_driver_sql(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        connection.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %(name)s AND pid <> pg_backend_pid()", {"name": name})


def reconnect(server, url: str) -> None:
    name = make_url(url).database
    with server.engine.connect() as connection:
        connection.exec_driver_sql(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


def journalled(window, note_id) -> list[str]:
    return [e.value for e in window.ctx.journal.pending() if (e.entity, e.entity_id) == ("note", note_id)]


def test_a_lost_connection_keeps_every_edit_says_offline_and_saves_them_when_back(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    monkeypatch.setattr("ui.forms.waiting.RETRY_FIRST_MS", 200)
    window = open_window(sample=True, autosave_ms=50)
    panel = notes_tab(qtbot, window)
    editor = section(panel)
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    note_id = panel.editor.note.id
    before = store.notes.get(note_id).background
    cut(postgres_server, db_url)
    try:
        type_into(qtbot, editor, " Offline 1 <&>")
        qtbot.waitUntil(lambda: window.status.state.text().startswith("Offline — 1 change waiting"),
                        timeout=BACK_WITHIN_MS)
        type_into(qtbot, editor, " then 二 🙂")
        typed = before + " Offline 1 <&> then 二 🙂"
        qtbot.waitUntil(lambda: journalled(window, note_id) == [typed], timeout=BACK_WITHIN_MS)
        assert editor.toPlainText() == typed
        qtbot.waitUntil(lambda: window.status.state.text().startswith("Offline — 1 change waiting"),
                        timeout=BACK_WITHIN_MS)
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()  # the checking connection was ended too
    qtbot.waitUntil(lambda: store.notes.get(note_id).background == typed, timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: journalled(window, note_id) == [], timeout=BACK_WITHIN_MS)
    assert editor.toPlainText() == typed
    # And the window works on: the next typing is saved as usual.
    type_into(qtbot, editor, " — back")
    panel.flush()
    assert store.notes.get(note_id).background == typed + " — back"


def test_a_field_someone_else_changed_while_offline_goes_to_the_conflict_dialog(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    monkeypatch.setattr("ui.forms.waiting.RETRY_FIRST_MS", 600_000)  # the test says when to try again
    monkeypatch.setattr("ui.live.updates.OFFLINE_POLL_MS", 600_000)
    window = open_window(sample=True, autosave_ms=50)
    panel = notes_tab(qtbot, window)
    qtbot.waitUntil(section(panel).hasFocus)
    editor = section(panel, "objectives")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    note_id = panel.editor.note.id
    cut(postgres_server, db_url)
    try:
        type_into(qtbot, editor, " Mine, typed offline 鉄鋼")
        qtbot.waitUntil(lambda: window.status.state.text().startswith("Offline — 1 change waiting"),
                        timeout=BACK_WITHIN_MS)
        qtbot.waitUntil(lambda: window.live.offline is not None, timeout=BACK_WITHIN_MS)
    finally:
        reconnect(postgres_server, db_url)
    mine = editor.toPlainText()
    store.db.dispose()
    note = store.notes.get(note_id)
    store.notes.update(note_id, note.version, objectives="Theirs, saved while I was away <&>")
    window.live.poll()  # the window finds the server again
    qtbot.waitUntil(lambda: window.conflicts.dialog is not None and window.conflicts.dialog.isVisible(),
                    timeout=BACK_WITHIN_MS)
    dialog = window.conflicts.dialog
    assert dialog.comparison.texts() == ("Theirs, saved while I was away <&>", mine)
    assert store.notes.get(note_id).objectives == "Theirs, saved while I was away <&>"
    assert editor.toPlainText() == mine
    dialog.mine_button.click()
    written(qtbot, window)  # in the write lane, like every write
    assert store.notes.get(note_id).objectives == mine
    assert journalled(window, note_id) == []
