"""The Agenda tab: add, edit in place, reorder by keyboard and by drag and drop, undo, and the total."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.models.agenda_table import LEAD, MINUTES, START_HOME, START_VENUE, TITLE


def agenda(window):
    window.workspace.tabs.setCurrentIndex(1)
    return window.workspace.panel("Agenda")


def titles(panel):
    return [panel.model.index(r, TITLE).data() for r in range(panel.model.rowCount())]


def set_cell(panel, row, column, value):
    panel.model.setData(panel.model.index(row, column), value, Qt.ItemDataRole.EditRole)


def alt(qtbot, panel, key):
    qtbot.keyClick(panel.view, key, Qt.KeyboardModifier.AltModifier)
    written(qtbot, panel.window())  # the move is written in the background


def add_items(qtbot, panel, *items):
    for title, minutes in items:
        panel.add_action.trigger()
        written(qtbot, panel.window())  # added in the background, then its title opens
        row = panel.view.currentIndex().row()
        panel.flush()  # closes the title editor that adding opens
        set_cell(panel, row, TITLE, title)
        set_cell(panel, row, MINUTES, minutes)


def test_a_new_meeting_gets_an_agenda_that_is_reordered_undone_and_still_there_after_restart(
        qtbot, open_window, store):
    window = open_window()
    assert window.windowTitle() == "Briefbook"
    assert window.workspace.currentWidget() is window.workspace.empty
    window.window_actions.new_meeting.trigger()
    written(qtbot, window)  # opened once stored
    meeting_id = window.meeting.id
    overview = window.workspace.panel("Overview")
    assert overview.title.hasFocus() and overview.title.selectedText() == "New meeting"
    type_into(qtbot, overview.title, "Steel talks")
    overview.flush()
    assert window.windowTitle() == "Briefbook — Steel talks"

    panel = agenda(window)
    assert panel.stack.currentWidget() is panel.empty
    add_items(qtbot, panel, ("Opening", 15), ("Tariffs", 90), ("Wrap-up", 15))
    assert titles(panel) == ["Opening", "Tariffs", "Wrap-up"]

    panel.view.setFocus()
    panel.view.selectRow(2)
    alt(qtbot, panel, Qt.Key.Key_Up)  # Wrap-up before Tariffs
    assert titles(panel) == ["Opening", "Wrap-up", "Tariffs"]
    assert panel.view.currentIndex().row() == 1  # the moved item stays selected
    alt(qtbot, panel, Qt.Key.Key_Up)
    assert titles(panel) == ["Wrap-up", "Opening", "Tariffs"]
    alt(qtbot, panel, Qt.Key.Key_Down)
    assert titles(panel) == ["Opening", "Wrap-up", "Tariffs"]

    # drag "Tariffs" and drop it on the first row
    model = panel.model
    mime = model.mimeData([model.index(2, TITLE)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    written(qtbot, window)
    assert titles(panel) == ["Tariffs", "Opening", "Wrap-up"]
    assert [i.title for i in store.agenda.list(meeting_id)] == ["Tariffs", "Opening", "Wrap-up"]

    window.undo()  # the drop
    written(qtbot, window)
    assert titles(panel) == ["Opening", "Wrap-up", "Tariffs"]
    window.undo()  # Alt+Down
    written(qtbot, window)
    assert titles(panel) == ["Wrap-up", "Opening", "Tariffs"]
    window.redo()
    window.redo()
    written(qtbot, window)
    assert titles(panel) == ["Tariffs", "Opening", "Wrap-up"]

    window.close()
    again = open_window()
    assert again.windowTitle() == "Briefbook — Steel talks"
    assert titles(agenda(again)) == ["Tariffs", "Opening", "Wrap-up"]
    assert [i.minutes for i in store.agenda.list(meeting_id)] == [90, 15, 15]


def test_start_times_follow_the_minutes_in_both_time_zones(window):
    panel = agenda(window)
    model = panel.model
    assert model.headerData(START_VENUE, Qt.Orientation.Horizontal) == "Tokyo"
    assert model.headerData(START_HOME, Qt.Orientation.Horizontal) == "New York"
    assert [model.index(r, START_VENUE).data() for r in range(3)] == ["09:00", "09:30", "10:45"]
    assert model.index(0, START_HOME).data() == "Sun 19:00"
    set_cell(panel, 0, MINUTES, 45)
    assert [model.index(r, START_VENUE).data() for r in range(3)] == ["09:00", "09:45", "11:00"]
    assert model.index(2, START_HOME).data() == "Sun 21:00"
    window.undo()
    assert model.index(1, START_VENUE).data() == "09:30"


def test_an_overrunning_agenda_is_flagged_in_the_footer(qtbot, window):
    panel = agenda(window)
    assert panel.total.text() == "Total 7 h 30 of 8 h — 30 min to spare"
    assert not panel.total_icon.isVisible()
    set_cell(panel, 0, MINUTES, 90)  # 30 more than before: 8 h 30
    assert panel.total.text() == "Total 8 h 30 of 8 h — runs 30 min over"  # shown at once
    assert panel.total_icon.isVisible()
    written(qtbot, window)  # the status bar sums the stored agenda
    assert window.status.summary.text() == "Agenda 8 h 30 of 8 h"


def test_negative_minutes_are_refused_with_a_message(qtbot, window, store):
    panel = agenda(window)
    set_cell(panel, 1, MINUTES, -5)
    written(qtbot, window)  # refused by the store, in the background
    assert panel.error.isVisible()
    assert "Minutes: must not be negative" in panel.error.message
    assert "Minutes: must not be negative" in window.status.state.text()
    assert panel.model.index(1, MINUTES).data() == 75
    assert store.agenda.list(window.meeting.id)[1].minutes == 75
    set_cell(panel, 1, LEAD, "Trade Remedies & <Steel>")
    written(qtbot, window)
    assert not panel.error.isVisible()


def test_deleting_an_item_is_undone_in_place(qtbot, window, store):
    panel = agenda(window)
    before = titles(panel)
    panel.view.setFocus()
    panel.view.selectRow(2)
    panel.delete_action.trigger()
    written(qtbot, window)
    assert titles(panel) == before[:2] + before[3:]
    assert panel.view.currentIndex().row() == 2
    window.undo()
    written(qtbot, window)
    assert titles(panel) == before
    assert [i.title for i in store.agenda.list(window.meeting.id)] == before


def test_a_cell_being_edited_is_written_on_close(qtbot, open_window, store):
    window = open_window(sample=True)
    panel = agenda(window)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, TITLE))  # the cell the user opens
    panel.view.edit(panel.model.index(0, TITLE))
    editor = panel.view.indexWidget(panel.model.index(0, TITLE))
    editor.selectAll()
    type_into(qtbot, editor, "Opening remarks")
    meeting_id = window.meeting.id
    window.close()
    assert store.agenda.list(meeting_id)[0].title == "Opening remarks"
