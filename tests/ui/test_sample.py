"""The sample stays out of the way: labelled in the header, removed whole by Help → Remove the sample."""

from __future__ import annotations

from tests.ui.conftest import answer_box
from tests.ui.write_gate import written

ROUND_1 = "US–Japan Partnership on Trade — Round 1"


def _help_action(window, text: str):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")
    return next(a for a in help_menu.actions() if a.text().replace("&", "") == text)


def test_a_sample_meeting_says_so_under_its_times(window):
    header = window.workspace.header
    assert window.meeting.title == ROUND_1
    assert header.sample_note.isVisible()
    assert header.sample_note.text() == "Sample meeting — Help → Remove the sample"


def test_a_meeting_of_ones_own_is_not_labelled_and_there_is_no_sample_to_remove(open_window, services):
    services.meetings.create(title="Round 3 with Korea", starts_at="2031-10-06T09:00:00+09:00")
    window = open_window()
    assert window.meeting.title == "Round 3 with Korea"
    assert not window.workspace.header.sample_note.isVisible()
    assert not _help_action(window, "Remove the sample…").isEnabled()


def test_remove_the_sample_asks_then_moves_it_to_the_trash_and_undo_brings_it_back(
        qtbot, window, store, monkeypatch):
    asked = answer_box(monkeypatch, "Remove the sample")
    action = _help_action(window, "Remove the sample…")
    assert action.isEnabled()
    action.trigger()
    written(qtbot, window)

    assert asked[0]["text"] == "Remove the sample meetings?"
    assert "The 3 sample meetings" in asked[0]["informative"] and "Trash" in asked[0]["informative"]
    assert store.meetings.list() == [] and store.people.list_people() == []
    assert {e.kind for e in store.trash.list()} == {"meeting", "person"}
    assert window.sidebar.meeting_ids() == []
    assert window.workspace.currentWidget() is window.workspace.empty
    assert "Trash" in window.status.state.text()
    assert not action.isEnabled()

    window.undo()
    written(qtbot, window)
    assert [m.title for m in store.meetings.list()] == ["US–Japan trade talks, Tokyo", ROUND_1,
                                                        "US–Japan Partnership on Trade — Round 2"]
    assert store.trash.count() == 0
    assert window.meeting.title == "US–Japan Partnership on Trade — Round 2"  # the latest, as at start
    assert window.workspace.header.sample_note.isVisible()
    assert len(window.sidebar.meeting_ids()) == 3 and action.isEnabled()


def test_keeping_the_sample_changes_nothing(window, store, monkeypatch):
    asked = answer_box(monkeypatch, "Keep it")
    _help_action(window, "Remove the sample…").trigger()
    assert len(asked) == 1
    assert len(store.meetings.list()) == 3 and store.trash.count() == 0
    assert not window.ctx.undo_stack.canUndo()
