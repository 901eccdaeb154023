"""The main window: which meeting opens at start, the meetings list, rounds, delete and undo, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.write_gate import written
from ui.main_window import LAST_MEETING_KEY

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
ROUND_2 = "US–Japan Partnership on Trade — Round 2"
LAUNCH = "US–Japan trade talks, Tokyo"


def test_with_no_last_meeting_and_none_upcoming_the_latest_opens(open_window):
    window = open_window(sample=True)
    assert window.windowTitle() == f"Briefbook — {ROUND_2}"
    assert window.sidebar.meeting_ids()[0] == window.meeting.id


def test_the_next_upcoming_meeting_opens_before_past_ones(open_window, services):
    soon = datetime.now(UTC) + timedelta(days=3)
    services.meetings.create(title="Later talks", starts_at=soon + timedelta(days=30))
    services.meetings.create(title="Next talks", starts_at=soon)
    window = open_window(sample=True)
    assert window.windowTitle() == "Briefbook — Next talks"
    # Upcoming (soonest first), then past (latest first)
    titles = [services.meetings.get(i).title for i in window.sidebar.meeting_ids()]
    assert titles == ["Next talks", "Later talks", ROUND_2, ROUND_1, LAUNCH]


def test_the_meeting_last_open_opens_again(qtbot, open_window, settings_file):
    window = open_window(sample=True)
    launch = window.sidebar.meeting_ids()[2]
    window.sidebar.view.setCurrentIndex(window.sidebar.model.index_of(launch))
    assert window.windowTitle() == f"Briefbook — {LAUNCH}"
    # A size between the window's minimum (which depends on this machine's fonts) and the
    # screen (the offscreen screen is small), unlike the default.
    smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
    room = window.screen().availableGeometry()
    assert smallest.width() < room.width() - 20 and smallest.height() < room.height() - 20
    wanted = ((smallest.width() + room.width() - 20) // 2, (smallest.height() + room.height() - 20) // 2)
    window.resize(*wanted)
    assert (window.width(), window.height()) == wanted
    window.close()
    assert QSettings(settings_file, QSettings.Format.IniFormat).value(LAST_MEETING_KEY) == launch
    again = open_window()
    assert again.windowTitle() == f"Briefbook — {LAUNCH}"
    assert (again.width(), again.height()) == wanted


def test_the_filter_narrows_the_list(qtbot, window):
    sidebar = window.sidebar
    assert len(sidebar.meeting_ids()) == 3
    qtbot.keyClicks(sidebar.filter, "round")
    assert len(sidebar.meeting_ids()) == 2 and window.meeting.id in sidebar.meeting_ids()
    sidebar.filter.clear()
    assert len(sidebar.meeting_ids()) == 3


def test_next_round_carries_forward_and_undo_takes_it_back(qtbot, window, store):
    from ui.meetings.next_round_dialog import NextRoundDialog

    round_1 = window.meeting.id
    window.window_actions.next_round.trigger()
    dialog = window.findChild(NextRoundDialog)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)  # the defaults
    written(qtbot, window)
    assert window.windowTitle() == "Briefbook — US–Japan Partnership on Trade — Round 2"
    round_2 = window.meeting.id
    assert store.meetings.get(round_2).previous_id == round_1
    assert len(store.agenda.list(round_2)) == 8
    assert round_2 in window.sidebar.meeting_ids()
    window.undo()
    written(qtbot, window)
    assert window.meeting.id == round_1
    assert round_2 not in window.sidebar.meeting_ids()
    window.redo()
    written(qtbot, window)
    assert window.meeting.id == round_2
    assert len(store.agenda.list(round_2)) == 8


def test_deleting_a_meeting_moves_it_to_the_trash_and_undo_restores_it(qtbot, window, store):
    round_1 = window.meeting.id
    window.window_actions.delete_meeting.trigger()
    written(qtbot, window)
    assert window.windowTitle() == f"Briefbook — {ROUND_2}"  # the meeting above it in the list
    assert "Trash" in window.status.state.text()
    assert [m.title for m in store.meetings.list()] == [LAUNCH, ROUND_2]
    window.undo()
    written(qtbot, window)
    assert window.meeting.id == round_1
    assert len(store.meetings.list()) == 3


def test_deleting_the_last_meeting_leaves_an_empty_state_that_says_what_to_do(qtbot, open_window,
                                                                              services):
    services.meetings.create(title="Only one", starts_at="2030-01-01T09:00:00+00:00")
    window = open_window()
    window.window_actions.delete_meeting.trigger()
    written(qtbot, window)
    assert window.windowTitle() == "Briefbook"
    assert window.workspace.currentWidget() is window.workspace.empty
    assert window.workspace.empty.button.text() == "New meeting"
    assert not window.window_actions.next_round.isEnabled()


def test_the_about_box_names_the_app(window, monkeypatch):
    shown = {}
    monkeypatch.setattr(QMessageBox, "about",
                        lambda parent, title, text: shown.update(title=title, text=text))
    window.window_actions.about.trigger()
    assert shown["title"] == "About Briefbook"
    assert "Briefbook" in shown["text"] and "briefbook.db" in shown["text"]


def test_menus_have_the_platform_shortcuts(window):
    a = window.window_actions
    assert a.undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in a.redo.shortcuts()]
    assert a.new_meeting.shortcut().toString() == "Ctrl+N"
    assert a.search.shortcut().toString() == "Ctrl+K"
    menus = [a.menu().title().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "Meeting", "View", "Help"]


def test_undo_of_a_change_in_another_meeting_opens_that_meeting(qtbot, window, store):
    from tests.ui.typing import type_into

    round_1 = window.meeting.id
    overview = window.workspace.panel("Overview")
    overview.location.selectAll()
    type_into(qtbot, overview.location, "Geneva")
    launch = window.sidebar.meeting_ids()[2]
    window.sidebar.view.setCurrentIndex(window.sidebar.model.index_of(launch))  # writes, then switches
    assert window.meeting.id == launch
    written(qtbot, window)  # the switch wrote the typing in the background
    assert store.meetings.get(round_1).location == "Geneva"
    window.undo()
    written(qtbot, window)
    assert window.meeting.id == round_1
    assert overview.location.text() == "Tokyo"
    assert store.meetings.get(round_1).location == "Tokyo"


def test_ctrl_f_goes_to_the_meetings_filter(qtbot, window):
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.filter.hasFocus()


def test_a_last_meeting_no_store_could_hold_in_a_hand_edited_settings_file_opens_the_latest(
        open_window, settings_file):
    for odd in ("99999999999999999999", "²", "-1", "x"):
        QSettings(settings_file, QSettings.Format.IniFormat).setValue(LAST_MEETING_KEY, odd)
        window = open_window(sample=True)
        assert window.windowTitle() == f"Briefbook — {ROUND_2}"
        window.close()
