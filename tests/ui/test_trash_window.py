"""Edit → Trash: what each tab deleted is listed (kind, title, meeting, when), restored with all
that hung on it (undoably), or emptied for good after asking; it keeps up through AppEvents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import listed, notes_tab
from tests.ui.test_undo_hard_deletes import current_tab
from tests.ui.write_gate import written
from ui.models.trash_table import DELETED, DETAIL, KIND, MEETING, TITLE, TrashTableModel

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
SECTION_232 = "Section 232 tariffs on Japanese steel and aluminum"


def open_trash(window):
    window.window_actions.trash.trigger()
    return window.tools.trash_window


def shown(trash) -> list[tuple[str, str, str]]:
    model = trash.model
    return [tuple(model.index(r, c).data() for c in (KIND, TITLE, MEETING)) for r in range(model.rowCount())]


def answer(monkeypatch, button) -> list[str]:
    asked: list[str] = []

    def question(_parent, title, text, *_args):
        asked.append(f"{title} {text}")
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_deletes_in_every_tab_show_up_in_the_open_trash_and_undo_takes_them_out(qtbot, window, store):
    trash = open_trash(window)
    assert trash.isVisible() and trash.summary.text() == "The Trash is empty."
    notes = notes_tab(qtbot, window)
    notes.view.setCurrentIndex(notes.model.index(1))
    notes.delete_note()
    written(qtbot, window)
    agenda = show_tab(qtbot, window, "Agenda")
    agenda.view.selectRow(0)
    agenda.delete_item()
    actions = show_tab(qtbot, window, "Action items")
    actions.view.selectRow(0)
    actions.delete_item()
    qtbot.waitUntil(lambda: trash.model.rowCount() == 3)
    assert shown(trash) == [("Action item", store.trash.list()[0].title, ROUND_1),
                            ("Agenda item", "Opening and terms of reference", ROUND_1),
                            ("Issue note", SECTION_232, ROUND_1)]
    assert trash.summary.text().startswith("3 things in the Trash.")
    assert trash.model.index(0, DELETED).data()  # when, in local time
    window.undo()
    written(qtbot, window)
    window.undo()
    written(qtbot, window)
    window.undo()
    written(qtbot, window)
    qtbot.waitUntil(lambda: trash.model.rowCount() == 0)
    assert SECTION_232 in listed(notes)


def test_restoring_a_note_shows_it_in_its_tab_and_undo_sends_it_back(qtbot, window, store):
    notes = notes_tab(qtbot, window)
    notes.view.setCurrentIndex(notes.model.index(1))
    notes.delete_note()
    written(qtbot, window)
    show_tab(qtbot, window, "Overview")
    trash = open_trash(window)
    assert shown(trash) == [("Issue note", SECTION_232, ROUND_1)]
    trash.restore_button.click()
    written(qtbot, window)
    assert current_tab(window) == "Issue notes"
    assert notes.editor.title.text() == SECTION_232 and listed(notes)[1] == SECTION_232
    qtbot.waitUntil(lambda: trash.model.rowCount() == 0)
    assert "Restored" in window.status.state.text()
    window.undo()
    written(qtbot, window)
    assert SECTION_232 not in listed(notes)
    qtbot.waitUntil(lambda: trash.model.rowCount() == 1)


def test_a_deleted_meeting_comes_back_with_everything_in_it(qtbot, window, store):
    round_1 = window.meeting.id
    window.window_actions.delete_meeting.trigger()
    trash = open_trash(window)
    assert shown(trash) == [("Meeting", ROUND_1, "")]
    detail = trash.model.index(0, DETAIL).data()
    assert detail == "8 agenda items, 9 issue notes, 4 participants, 3 action items"
    trash.view.doubleClicked.emit(trash.model.index(0, TITLE))  # a double click restores too
    written(qtbot, window)
    assert window.meeting.id == round_1
    assert len(store.agenda.list(round_1)) == 8 and len(store.notes.list(round_1)) == 9


def test_a_restore_the_store_refuses_says_why_in_the_trash(qtbot, window, store):
    notes = notes_tab(qtbot, window)
    notes.delete_note()  # the steel note, then its whole meeting
    written(qtbot, window)
    window.window_actions.delete_meeting.trigger()
    trash = open_trash(window)
    trash.view.selectRow(trash.model.row_of("note", store.trash.list()[1].id))
    assert trash.restore_selected()  # asked: the store's answer comes from the background
    written(qtbot, window)
    assert "restore the meeting first" in trash.error.message
    assert len(store.trash.list()) == 2
    assert trash.model.rowCount() == 2


def test_emptying_the_trash_asks_first_and_then_deletes_for_good(qtbot, window, store, monkeypatch):
    notes = notes_tab(qtbot, window)
    notes.delete_note()
    written(qtbot, window)
    trash = open_trash(window)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not trash.empty()
    assert asked == ["Empty the Trash? Delete the 1 thing in the Trash for good, with everything that "
                     "hangs on them? This cannot be undone."]
    assert store.trash.count() == 1
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    trash.empty_button.click()
    assert trash.summary.text() == "The Trash is empty."  # at once; the store follows
    written(qtbot, window)
    assert store.trash.count() == 0 and trash.summary.text() == "The Trash is empty."
    assert not trash.empty_button.isEnabled()


def test_one_thing_is_deleted_for_good_after_asking(qtbot, window, store, monkeypatch):
    notes = notes_tab(qtbot, window)
    notes.delete_note()
    written(qtbot, window)
    notes.delete_note()
    written(qtbot, window)
    trash = open_trash(window)
    trash.view.selectRow(1)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    trash.purge_button.click()
    assert "cannot be undone" in asked[0]
    written(qtbot, window)
    assert store.trash.count() == 1 and trash.model.rowCount() == 1


def test_a_person_created_with_a_participant_goes_to_the_trash_on_undo(qtbot, window, store):
    panel = show_tab(qtbot, window, "Participants")
    panel.columns["theirs"].add_button.click()
    picker = panel.picker
    picker.start_new_person()
    picker.fields["name"].setText("Yasutoshi Nishimura")
    picker.add_button.click()
    written(qtbot, window)
    window.undo()
    written(qtbot, window)
    trash = open_trash(window)
    assert shown(trash) == [("Person", "Yasutoshi Nishimura", "")]
    assert trash.model.index(0, DETAIL).data() == "in no meeting"


def test_the_trash_model_is_a_correct_model(qtmodeltester, sample):
    meeting = sample.meetings.list()[-1]
    sample.notes.delete(sample.notes.list(meeting.id)[0].id)
    sample.meetings.delete(meeting.id)
    model = TrashTableModel()
    model.set_records(sample.trash.list())
    qtmodeltester.check(model)
    assert model.index(1, MEETING).data().endswith("(in the Trash too)")
    assert model.index(0, KIND).data(Qt.ItemDataRole.ToolTipRole) == "Meeting"
