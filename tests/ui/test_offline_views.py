"""Offline, every view reads politely: with the server away, clicking through the meetings list
and the tabs raises nothing (pytest-qt fails a test on any exception escaping a Qt slot), each
view keeps what it showed, the status bar says "Offline", and all re-read once it is back.
Against a real PostgreSQL server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_offline import BACK_WITHIN_MS, cut, data_dir, reconnect  # noqa: F401 - fixture
from tests.ui.test_refused_edits import click_meeting, other_meeting

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


def click_tab(qtbot, window, title: str) -> None:
    tabs = window.workspace.tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def offline_said(window) -> bool:
    return window.status.state.text().startswith("Offline — 0 changes waiting")


def test_clicking_through_meetings_and_tabs_while_offline_raises_nothing_and_says_offline(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    monkeypatch.setattr("ui.live.updates.OFFLINE_POLL_MS", 600_000)  # the test says when to ask again
    window = open_window(sample=True)
    first = window.meeting.id
    rows_before = window.sidebar.model.rowCount()
    assert rows_before > 1
    second = other_meeting(window)
    # The window's start-up reads (the agenda summary after the first paint) are done.
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"), timeout=BACK_WITHIN_MS)
    summary = window.status.summary.text()
    cut(postgres_server, db_url)
    try:
        window.ctx.events.sig_meetings_changed.emit()  # a view re-reads: the store is away
        qtbot.waitUntil(lambda: offline_said(window), timeout=BACK_WITHIN_MS)
        assert window.sidebar.model.rowCount() == rows_before  # the list keeps what it showed
        for title in ("&Agenda", "Posi&tions", "&Participants", "Action &items", "Issue &notes",
                      "&Overview"):
            click_tab(qtbot, window, title)
        click_meeting(qtbot, window, second)  # it cannot be read: the open meeting stays, and says why
        assert window.status.state.text().startswith("Offline — another meeting opens once the store")
        qtbot.waitUntil(lambda: window.sidebar.view.currentIndex() == window.sidebar.model.index_of(first))
        click_meeting(qtbot, window, first)
        for title in ("&Agenda", "Action &items"):
            click_tab(qtbot, window, title)
        window.window_actions.search.trigger()  # Ctrl+K: the search popup reads the meetings
        window.window_actions.book_preview.setChecked(True)  # the book is gathered from the store
        qtbot.wait(300)
        assert window.status.state.text().startswith("Offline")
        assert window.live.offline is not None
        assert window.sidebar.model.rowCount() == rows_before
        assert window.meeting.id == first and window.status.summary.text() == summary
    finally:
        reconnect(postgres_server, db_url)
    window.live.poll()  # the window finds the server again
    qtbot.waitUntil(lambda: window.live.offline is None, timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(lambda: window.status.state.text().startswith("Back online"), timeout=BACK_WITHIN_MS)
    assert window.sidebar.model.rowCount() == rows_before
    click_meeting(qtbot, window, second)
    qtbot.waitUntil(lambda: window.meeting is not None and window.meeting.id == second,
                    timeout=BACK_WITHIN_MS)


def test_a_tab_first_opened_offline_says_it_was_not_loaded_and_loads_when_the_store_is_back(
        qtbot, open_window, store, db_url, postgres_server, monkeypatch):
    monkeypatch.setattr("ui.live.updates.OFFLINE_POLL_MS", 600_000)  # the test says when to ask again
    window = open_window(sample=True)
    meeting_id = window.meeting.id
    stored_items = len(store.actions.list(meeting_id))
    assert stored_items > 0
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"), timeout=BACK_WITHIN_MS)
    cut(postgres_server, db_url)
    try:
        click_tab(qtbot, window, "Action &items")  # never opened before: it cannot be read now
        holder = window.workspace.tabs.currentWidget()
        notice = window.workspace.not_loaded_notice("Action items")
        assert notice is not None and notice.isVisible()
        assert notice.headline.text() == "Offline — this part of the meeting was not loaded"
        assert notice.hint.text() == "It will load when the store is back."
        panel = window.workspace.panel("Action items")
        assert not panel.isVisible()  # no empty table to type into
        assert holder.isAncestorOf(notice)
        qtbot.waitUntil(lambda: window.status.state.text().startswith("Offline"), timeout=BACK_WITHIN_MS)
    finally:
        reconnect(postgres_server, db_url)
    window.live.poll()  # the window finds the server again
    qtbot.waitUntil(lambda: window.live.offline is None, timeout=BACK_WITHIN_MS)
    qtbot.waitUntil(panel.isVisible, timeout=BACK_WITHIN_MS)
    assert panel.model.rowCount() == stored_items
    assert window.workspace.not_loaded_notice("Action items") is None
