"""Closing the window while changes wait for the server: row commands and table cells given offline
wait in memory only, so the close asks first — "N changes are waiting for the server. If you close
now, they are lost." — with "Keep the window open" (the default: they are written once the server is
back) and "Close and lose them". Typed text is in the crash journal either way, and a close with
nothing else waiting asks nothing. Against a real PostgreSQL server (its database stops taking
connections and its sessions are ended, as a restart does)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from tests.ui.tabs import show_tab
from tests.ui.test_agenda import set_cell
from tests.ui.test_crash_recovery import recovery_bar
from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.test_offline import BACK_WITHIN_MS, cut, reconnect
from tests.ui.test_offline_row_commands import offline_waiting, stored_titles
from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.background.lanes import WRITES
from ui.models.agenda_table import TITLE

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)

TYPED_CELL = "Opening — typed offline: 鉄鋼 & <b>METI</b>"
TYPED_NOTE = " Typed offline: 二 🙂 <&>"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A server store's crash journal lives in the user's data folder: a temp one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def answer(monkeypatch, button: str) -> list[dict]:
    """Answer every message box by clicking ``button``; returns what each showed and offered first."""
    asked: list[dict] = []

    def exec_(box):
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        asked.append({"title": box.windowTitle(), "text": box.text(), "informative": box.informativeText(),
                      "buttons": sorted(buttons),
                      "default": box.defaultButton().text().replace("&", ""),
                      "escape": box.escapeButton().text().replace("&", "")})
        buttons[button].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def agenda_offline_with_two_changes_waiting(qtbot, window, postgres_server, db_url):
    """An agenda item added and a cell typed while the server is away: both wait."""
    agenda = show_tab(qtbot, window, "Agenda")
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))  # the window has read all
    cut(postgres_server, db_url)
    agenda.view.selectRow(0)
    agenda.add_item()  # after the first item
    qtbot.waitUntil(lambda: offline_waiting(window, 1), timeout=BACK_WITHIN_MS)
    set_cell(agenda, 0, TITLE, TYPED_CELL)
    qtbot.waitUntil(lambda: offline_waiting(window, 2), timeout=BACK_WITHIN_MS)
    written(qtbot, window)  # nothing left in the lane: the two wait for the server
    return agenda


def test_closing_while_changes_wait_for_the_server_asks_and_keeping_the_window_open_writes_them(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    window = open_window(sample=True)
    meeting_id = window.meeting.id
    before = stored_titles(store, meeting_id)
    try:
        agenda_offline_with_two_changes_waiting(qtbot, window, postgres_server, db_url)
        asked = answer(monkeypatch, "Keep the window open")
        window.close()
        assert window.isVisible()  # kept open
        assert len(asked) == 1
        box = asked[0]
        assert box["text"] == "2 changes are waiting for the server. If you close now, they are lost."
        assert "crash journal" in box["informative"]  # typed text survives a close anyway
        assert box["buttons"] == ["Close and lose them", "Keep the window open"]
        assert box["default"] == box["escape"] == "Keep the window open"
        assert offline_waiting(window, 2)  # still waiting, in order
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()  # the checking connection was ended too
    expected = [TYPED_CELL, "New item", *before[1:]]
    qtbot.waitUntil(lambda: stored_titles(store, meeting_id) == expected, timeout=BACK_WITHIN_MS)
    written(qtbot, window)
    asked = answer(monkeypatch, "Keep the window open")
    window.close()  # nothing waits now: closed without a question
    assert asked == [] and not window.isVisible()


def test_closing_and_losing_the_changes_that_wait_closes_the_window(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    window = open_window(sample=True)
    meeting_id = window.meeting.id
    before = stored_titles(store, meeting_id)
    try:
        agenda_offline_with_two_changes_waiting(qtbot, window, postgres_server, db_url)
        asked = answer(monkeypatch, "Close and lose them")
        window.close()
        assert len(asked) == 1 and not window.isVisible()
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    assert stored_titles(store, meeting_id) == before  # lost, as the question said


def test_closing_offline_with_only_typed_text_waiting_asks_nothing_and_the_next_start_offers_it(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    monkeypatch.setattr("ui.forms.waiting.RETRY_FIRST_MS", 200)
    window = open_window(sample=True, autosave_ms=50)
    panel = notes_tab(qtbot, window)
    editor = section(panel)
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    note_id = panel.editor.note.id
    stored = store.notes.get(note_id).background
    asked = answer(monkeypatch, "Keep the window open")
    cut(postgres_server, db_url)
    try:
        type_into(qtbot, editor, TYPED_NOTE)
        qtbot.waitUntil(lambda: window.status.state.text().startswith("Offline — 1 change waiting"),
                        timeout=BACK_WITHIN_MS)
        window.close()  # the text waits in the crash journal: nothing to ask
        assert asked == [] and not window.isVisible()
        # The close's own last try goes to the server while it is still away (a server back
        # within milliseconds of the close would take that try: the text stored, nothing lost).
        qtbot.waitUntil(lambda: not WRITES.busy, timeout=BACK_WITHIN_MS)
    finally:
        reconnect(postgres_server, db_url)
    qtbot.wait(5000)  # past the closed window's next retry (doubling while offline): it writes nothing
    store.db.dispose()
    assert store.notes.get(note_id).background == stored
    bar = recovery_bar(open_window())  # offered back at the next start
    assert bar is not None and bar.rows[0].comparison.texts() == (stored, stored + TYPED_NOTE)
