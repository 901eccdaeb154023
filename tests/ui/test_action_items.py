"""The Action items tab: overdue items stand out (not by colour alone); edits, adds, moves are undoable."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from briefing.actions.records import ActionRecord
from tests.ui.tabs import show_tab
from tests.ui.write_gate import written
from ui.action_items.due_date import DueDateEdit
from ui.models.actions_table import DUE, STATUS, TEXT, ActionsTableModel


def actions_tab(qtbot, window):
    return show_tab(qtbot, window, "Action items")


def texts(panel):
    return [panel.model.item(r).text for r in range(panel.model.rowCount())]


def cell(panel, row, column, role=Qt.ItemDataRole.DisplayRole):
    return panel.model.index(row, column).data(role)


def test_overdue_open_items_stand_out_in_colour_bold_icon_and_words(qtbot, window, store):
    panel = actions_tab(qtbot, window)
    items = store.actions.list(window.meeting.id)
    store.actions.update(items[1].id, items[1].version, status="done")
    store.actions.update(items[2].id, items[2].version, due=date.today() + timedelta(days=30))
    panel.reload()
    assert cell(panel, 0, DUE) == "21 Jan 2022 · overdue"
    assert cell(panel, 0, TEXT, Qt.ItemDataRole.ForegroundRole) == panel.model.warning_colour
    assert cell(panel, 0, TEXT, Qt.ItemDataRole.FontRole).bold()
    assert not cell(panel, 0, DUE, Qt.ItemDataRole.DecorationRole).isNull()
    for row in (1, 2):  # done though late; open but not yet due
        assert "overdue" not in cell(panel, row, DUE)
        assert cell(panel, row, TEXT, Qt.ItemDataRole.ForegroundRole) is None
        assert cell(panel, row, DUE, Qt.ItemDataRole.DecorationRole) is None
    assert panel.summary.text().startswith("2 open · 1 overdue")


def test_a_due_date_is_picked_cleared_and_undone(qtbot, window, store):
    panel = actions_tab(qtbot, window)
    item_id = panel.model.row_id(0)
    index = panel.model.index(0, DUE)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.view.indexWidget(index)
    assert isinstance(editor, DueDateEdit)
    editor.set_due(date(2022, 3, 31))
    panel.flush()
    assert cell(panel, 0, DUE) == "31 Mar 2022 · overdue"  # shown at once…
    written(qtbot, window)
    assert store.actions.list(window.meeting.id)[0].due == date(2022, 3, 31)  # …then stored
    panel.view.edit(index)
    editor = panel.view.indexWidget(index)
    editor.lineEdit().selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == "No date"
    panel.flush()
    assert cell(panel, 0, DUE) == ""
    written(qtbot, window)
    assert store.actions.list(window.meeting.id)[0].due is None
    window.undo()
    assert cell(panel, 0, DUE) == "31 Mar 2022 · overdue"  # the undo is shown at once
    window.undo()
    written(qtbot, window)
    assert [a.due for a in store.actions.list(window.meeting.id) if a.id == item_id] == [date(2022, 1, 21)]


def test_status_is_picked_from_a_list_and_a_done_item_is_no_longer_overdue(qtbot, window, store):
    panel = actions_tab(qtbot, window)
    panel.model.setData(panel.model.index(0, STATUS), "done")
    assert "overdue" not in cell(panel, 0, DUE)  # shown at once
    written(qtbot, window)
    assert store.actions.list(window.meeting.id)[0].status == "done"
    window.undo()
    assert "overdue" in cell(panel, 0, DUE)
    written(qtbot, window)
    assert store.actions.list(window.meeting.id)[0].status == "open"


def test_items_are_added_typed_deleted_and_moved_undoably(qtbot, window, store):
    panel = actions_tab(qtbot, window)
    panel.view.setFocus()
    panel.view.selectRow(2)
    panel.add_action.trigger()
    written(qtbot, window)  # added in the background, then its text opens for typing
    assert panel.view.state() == QAbstractItemView.State.EditingState
    editor = panel.view.indexWidget(panel.view.currentIndex())
    editor.selectAll()
    qtbot.keyClicks(editor, "Send the <draft> & notes")
    panel.flush()
    assert texts(panel)[3] == "Send the <draft> & notes"
    panel.view.selectRow(3)
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    written(qtbot, window)
    assert texts(panel)[2] == "Send the <draft> & notes"
    assert [a.text for a in store.actions.list(window.meeting.id)] == texts(panel)
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    written(qtbot, window)
    assert len(texts(panel)) == 3 and "Circulate" not in texts(panel)[0]
    for _ in range(4):
        window.undo()
    written(qtbot, window)
    assert texts(panel) == [a.text for a in store.actions.list(window.meeting.id)]
    assert len(texts(panel)) == 3 and texts(panel)[0].startswith("Circulate")


def test_a_meeting_without_action_items_says_what_to_do(qtbot, window):
    window.new_meeting()
    written(qtbot, window)
    panel = actions_tab(qtbot, window)
    assert panel.stack.currentWidget() is panel.empty
    panel.empty.button.click()
    written(qtbot, window)
    assert panel.model.rowCount() == 1


def test_the_action_items_model_is_a_correct_model(qtmodeltester):
    model = ActionsTableModel(lambda: date(2022, 2, 1))
    model.set_items([ActionRecord(1, 1, 1, 0, "Circulate", "USTR", date(2022, 1, 21), "open", None, None,
                                  None, None),
                     ActionRecord(2, 1, 1, 1, "Options\npaper", "", None, "done", 3, "s232", "Section 232",
                                  None)])
    qtmodeltester.check(model)
    assert model.index(1, TEXT).data() == "Options paper"
