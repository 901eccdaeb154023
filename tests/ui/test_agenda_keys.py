"""The agenda as a staffer keys it all day: Tab / Shift+Tab from cell to cell, Enter on the last row
adds one, the minutes editor shows its digits, one time column when there is one zone, and items that
run past the meeting's end are marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from tests.ui.tabs import show_tab
from tests.ui.write_gate import written
from ui.models.agenda_table import LEAD, MINUTES, OUTCOME, START_HOME, TITLE

TAB, BACKTAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return


def press(qtbot, key, text: str = "") -> None:
    """Type ``text`` then press ``key`` where the keyboard focus is, as the user does."""
    for char in text:  # key by key: the first key of a cell opens its editor, which takes the rest
        qtbot.keyClicks(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), key)


def editing(panel) -> tuple[int, int]:
    """The (row, column) being edited; fails when no cell editor has the focus."""
    view = panel.view
    assert view.state() == view.State.EditingState
    assert view.indexWidget(view.currentIndex()) is not None
    assert view.indexWidget(view.currentIndex()).isAncestorOf(QApplication.focusWidget()) or \
        view.indexWidget(view.currentIndex()) is QApplication.focusWidget()
    return view.currentIndex().row(), view.currentIndex().column()


def test_tab_after_typing_a_new_items_title_goes_on_to_its_lead_and_shift_tab_comes_back(
        qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    panel.view.setFocus()
    panel.view.selectRow(panel.model.rowCount() - 1)
    qtbot.keyClick(panel.view, Qt.Key.Key_Insert)  # a new item, its title ready for typing
    written(qtbot, window)  # (added in the background)
    new_row = panel.model.rowCount() - 1
    assert editing(panel) == (new_row, TITLE)
    QApplication.focusWidget().selectAll()
    press(qtbot, TAB, "Closing remarks")
    assert editing(panel) == (new_row, LEAD)  # not the table, not a start time
    press(qtbot, BACKTAB, "Katherine Tai")
    assert editing(panel) == (new_row, TITLE)
    press(qtbot, BACKTAB)
    assert editing(panel) == (new_row, MINUTES)
    press(qtbot, BACKTAB)  # back past the row's start: the previous row's last cell
    assert editing(panel) == (new_row - 1, OUTCOME)
    written(qtbot, window)  # (the lead's write runs in the lane: the store has it once that is done)
    items = store.agenda.list(window.meeting.id)
    assert (items[-1].title, items[-1].lead) == ("Closing remarks", "Katherine Tai")
    assert panel.model.index(new_row, LEAD).data() == "Katherine Tai"


def test_tab_from_a_rows_last_cell_goes_on_to_the_next_rows_minutes(qtbot, window):
    panel = show_tab(qtbot, window, "Agenda")
    panel.view.setFocus()
    panel.view.selectRow(0)
    qtbot.keyClicks(panel.view, "O")  # typing on the (read-only) start time types the title
    assert editing(panel) == (0, TITLE)
    qtbot.keyClicks(QApplication.focusWidget(), "pening")
    for _ in range(4):  # lead, issue, status, outcome
        press(qtbot, TAB)
    press(qtbot, TAB)
    assert editing(panel) == (1, MINUTES)
    assert panel.model.index(0, TITLE).data() == "Opening"


def test_enter_on_the_last_row_adds_an_item_and_undo_takes_it_away(qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    count = panel.model.rowCount()
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(count - 1, LEAD))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    QApplication.focusWidget().selectAll()
    press(qtbot, ENTER, "Deputy USTR")
    qtbot.waitUntil(lambda: panel.model.rowCount() == count + 1)
    assert editing(panel) == (count, TITLE)  # the new item's title, ready for typing
    items = store.agenda.list(window.meeting.id)
    assert len(items) == count + 1 and items[-2].lead == "Deputy USTR"
    press(qtbot, ENTER, "Press line")  # the new item's title; Enter adds yet another after it
    qtbot.waitUntil(lambda: panel.model.rowCount() == count + 2)
    assert store.agenda.list(window.meeting.id)[-2].title == "Press line"
    press(qtbot, Qt.Key.Key_Escape)
    assert panel.view.state() != panel.view.State.EditingState
    window.undo()  # the second item added
    window.undo()  # "Press line"
    written(qtbot, window)
    assert panel.model.rowCount() == count + 1 and titles(store, window)[-1] == "New item"
    window.undo()  # the first item added
    written(qtbot, window)
    assert panel.model.rowCount() == count
    assert store.agenda.list(window.meeting.id)[-1].lead == "Deputy USTR"


def titles(store, window):
    return [i.title for i in store.agenda.list(window.meeting.id)]


def test_enter_on_another_row_writes_the_cell_and_goes_down(qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, LEAD))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    QApplication.focusWidget().selectAll()
    press(qtbot, ENTER, "USTR")
    qtbot.waitUntil(lambda: panel.view.currentIndex().row() == 1)
    assert panel.view.currentIndex().column() == LEAD
    assert store.agenda.list(window.meeting.id)[0].lead == "USTR"
    assert panel.model.rowCount() == 8


def test_the_minutes_editor_shows_three_digits_whole(qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, MINUTES))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    spin = panel.view.indexWidget(panel.view.currentIndex())
    assert isinstance(spin, QSpinBox)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "300")
    assert spin.lineEdit().text() == "300"
    text_room = spin.style().subControlRect(
        spin.style().ComplexControl.CC_SpinBox, _spin_option(spin),
        spin.style().SubControl.SC_SpinBoxEditField, spin).width()
    assert spin.lineEdit().width() >= spin.fontMetrics().horizontalAdvance("300")
    assert text_room >= spin.fontMetrics().horizontalAdvance("10080")  # the largest value, too
    assert panel.view.columnWidth(MINUTES) >= spin.width()
    press(qtbot, TAB)
    written(qtbot, window)
    assert store.agenda.list(window.meeting.id)[0].minutes == 300


def _spin_option(spin):
    from PySide6.QtWidgets import QStyleOptionSpinBox

    option = QStyleOptionSpinBox()
    option.initFrom(spin)
    option.frame = spin.hasFrame()
    option.subControls = (spin.style().SubControl.SC_SpinBoxEditField
                          | spin.style().SubControl.SC_SpinBoxUp | spin.style().SubControl.SC_SpinBoxDown)
    return option


def test_one_time_column_when_the_venue_is_in_the_home_zone(qtbot, window):
    panel = show_tab(qtbot, window, "Agenda")
    assert not panel.view.isColumnHidden(START_HOME)  # Tokyo and New York
    overview = show_tab(qtbot, window, "Overview")
    overview.home_zone.setFocus()
    overview.home_zone.setEditText("Asia/Tokyo")
    qtbot.keyClick(overview.home_zone, Qt.Key.Key_Return)
    written(qtbot, window)  # Enter writes in the background
    assert window.meeting.home_timezone == "Asia/Tokyo"
    panel = show_tab(qtbot, window, "Agenda")
    assert panel.view.isColumnHidden(START_HOME)
    window.undo()
    written(qtbot, window)
    assert not panel.view.isColumnHidden(START_HOME)


def test_items_past_the_meetings_end_are_marked_and_one_longer_than_the_meeting_is_a_warning(
        qtbot, window):
    from ui.widgets.palette import warning_colour

    panel = show_tab(qtbot, window, "Agenda")
    model, last = panel.model, panel.model.rowCount() - 1
    assert model.index(last, TITLE).data(Qt.ItemDataRole.ForegroundRole) is None
    model.setData(model.index(0, MINUTES), 90, Qt.ItemDataRole.EditRole)  # 8 h 30 in a meeting of 8 h
    assert model.index(last, TITLE).data(Qt.ItemDataRole.ForegroundRole) == warning_colour(panel.palette())
    assert model.index(last, TITLE).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Runs 30 min past the meeting's end")
    assert model.index(last - 1, TITLE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "longer than the meeting" not in panel.total.text()
    model.setData(model.index(0, MINUTES), 600, Qt.ItemDataRole.EditRole)
    title = model.index(0, TITLE).data()
    assert f"“{title}” (600 min) is longer than the meeting (480 min)" in panel.total.text()
    assert panel.total_icon.isVisible()
