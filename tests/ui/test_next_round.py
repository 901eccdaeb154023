"""Meeting → Next round asks when, where and what to carry; Enter takes the defaults; one undo step."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.tabs import show_tab
from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.meetings import next_round_dialog
from ui.meetings.next_round_dialog import NextRoundDialog
from ui.models.checklist import ChecklistModel

ROUND_2 = "US–Japan Partnership on Trade — Round 2"
#: A Wednesday, long after the sample's Round 1 (Mon 7 Feb 2022, 09:00 in Tokyo).
TODAY = datetime(2026, 5, 13, 3, 0, tzinfo=UTC)


@pytest.fixture
def asked(qtbot, window, monkeypatch):
    """Ctrl+Shift+N on the sample's Round 1, with the clock at ``TODAY``: the dialog shown."""
    monkeypatch.setattr(next_round_dialog, "clock", lambda: TODAY)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_N, ctrl_shift)
    qtbot.waitUntil(lambda: window.findChild(NextRoundDialog) is not None
                    and window.findChild(NextRoundDialog).isVisible())
    return window.findChild(NextRoundDialog)


def test_enter_accepts_a_future_date_on_the_same_weekday_and_venue(qtbot, window, store, asked):
    round_1 = window.meeting.id
    assert asked.title.text() == ROUND_2
    assert (asked.venue.text(), asked.zone.currentText()) == ("Tokyo", "Asia/Tokyo")
    wall = asked.starts.dateTime()
    assert (wall.date().toString(Qt.DateFormat.ISODate), wall.time().hour()) == ("2026-05-18", 9)
    assert asked.actions.isChecked() and asked.agenda.isChecked()
    assert asked.which.checkedButton().text().replace("&", "").startswith("All")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.windowTitle() == f"Briefbook — {ROUND_2}")
    new = store.meetings.get(window.meeting.id)
    assert new.previous_id == round_1
    assert new.starts_at == datetime(2026, 5, 18, 0, 0, tzinfo=UTC)  # Mon 09:00 in Tokyo
    assert (new.location, new.timezone) == ("Tokyo", "Asia/Tokyo")
    assert len(store.notes.list(new.id)) == len(store.notes.list(round_1))
    assert len(store.agenda.list(new.id)) == 8
    window.undo()  # the whole carry forward is one step
    written(qtbot, window)
    assert window.meeting.id == round_1 and new.id not in window.sidebar.meeting_ids()


def test_the_choices_are_carried_venue_zone_one_note_no_agenda_no_actions(qtbot, window, store, asked):
    round_1 = window.meeting.id
    notes = store.notes.list(round_1)
    qtbot.mouseClick(asked.which.button(next_round_dialog.NONE), Qt.MouseButton.LeftButton)
    assert asked.notes.ticked_ids() == ()
    asked.note_list.setFocus()
    asked.note_list.setCurrentIndex(asked.notes.index(1))
    qtbot.keyClick(asked.note_list, Qt.Key.Key_Space)
    assert asked.notes.ticked_ids() == (notes[1].id,)
    assert asked.which.checkedId() == next_round_dialog.CHOSEN
    asked.venue.selectAll()
    type_into(qtbot, asked.venue, "Washington, D.C.")
    asked.zone.lineEdit().selectAll()
    type_into(qtbot, asked.zone.lineEdit(), "Washington")
    qtbot.keyClick(QApplication.activePopupWidget() or asked.zone.lineEdit(), Qt.Key.Key_Escape)
    assert asked.isVisible()
    for box in (asked.agenda, asked.actions):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
        assert not box.isChecked()
    qtbot.keyClick(asked.venue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.meeting.id != round_1)
    new = store.meetings.get(window.meeting.id)
    assert (new.location, new.timezone) == ("Washington, D.C.", "America/New_York")
    assert new.starts_at == datetime(2026, 5, 18, 13, 0, tzinfo=UTC)  # 09:00 in Washington (EDT)
    assert [n.previous_id for n in store.notes.list_full(new.id)] == [notes[1].id]
    assert store.agenda.list(new.id) == [] and store.actions.list(new.id) == []


def test_escape_starts_no_round(qtbot, window, store, asked):
    before = len(store.meetings.list())
    qtbot.keyClick(asked, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not asked.isVisible())
    assert len(store.meetings.list()) == before
    assert window.windowTitle() != f"Briefbook — {ROUND_2}"


def test_a_zone_that_is_none_keeps_the_dialog_open_and_says_what_was_typed(qtbot, window, store, asked):
    before = len(store.meetings.list())
    asked.zone.lineEdit().selectAll()
    type_into(qtbot, asked.zone.lineEdit(), "Atlantis")
    qtbot.keyClick(asked.title, Qt.Key.Key_Return)
    assert asked.isVisible()
    assert "“Atlantis”" in asked.zone_error.message
    assert len(store.meetings.list()) == before


def test_the_date_cannot_be_set_in_the_past(qtbot, asked):
    asked.starts.setDate(asked.starts.date().addYears(-10))
    assert asked.starts.dateTime().date().year() >= 2026


def test_carried_notes_say_from_which_round(qtbot, window, asked):
    qtbot.keyClick(asked.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.windowTitle() == f"Briefbook — {ROUND_2}")
    panel = show_tab(qtbot, window, "Issue notes")
    qtbot.waitUntil(lambda: panel.editor.note is not None)
    assert panel.editor.carried.isVisible()
    assert panel.editor.carried.text() == "Carried from Round 1 (7 Feb 2022)"


def test_a_note_written_in_this_round_says_nothing_of_carrying(qtbot, open_window, services):
    meeting = services.meetings.create(title="Fresh talks", starts_at="2030-01-01T09:00:00+00:00")
    services.notes.add_new_issue(meeting.id, "Steel")
    window = open_window()
    panel = show_tab(qtbot, window, "Issue notes")
    qtbot.waitUntil(lambda: panel.editor.note is not None)
    assert not panel.editor.carried.isVisible() and panel.editor.carried.text() == ""


def test_the_checklist_model(qtmodeltester, sample):
    round_1 = sample.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    model = ChecklistModel(lambda n: n.issue_title)
    model.set_records(sample.notes.list(round_1.id))
    qtmodeltester.check(model)
    model.tick_all(False)
    assert model.ticked_ids() == ()
