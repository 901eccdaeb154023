"""Dates accept what people type or paste: the field's own format, ISO 8601, "15 Dec 2026 5pm",
"tomorrow 9:00"; anything else is refused with a message and kept for correcting. Ends moves with
Starts. (The reading itself is tested without Qt in tests/briefing/test_dates.py.)"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.ui.tabs import show_tab
from tests.ui.write_gate import written
from ui.models.actions_table import DUE


def stored(store, window):
    return store.meetings.get(window.meeting.id)


def type_keys(qtbot, text: str, then=None) -> None:
    """Key by key where the keyboard focus is, as the user types; then a key such as Tab."""
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)
    if then is not None:
        qtbot.keyClick(QApplication.focusWidget(), then)


def tab_into(qtbot, edit) -> None:
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: edit.lineEdit().selectedText() == edit.lineEdit().text())


def test_typing_the_fields_own_format_into_ends_gives_that_date(qtbot, window, store):
    when = show_tab(qtbot, window, "Overview").when
    tab_into(qtbot, when.end)
    type_keys(qtbot, "Mon 7 Feb 2022  18:30", then=Qt.Key.Key_Tab)
    written(qtbot, window)
    assert stored(store, window).ends_at == datetime(2022, 2, 7, 9, 30, tzinfo=UTC)  # 18:30 in Tokyo
    assert when.end.lineEdit().text() == "Mon 7 Feb 2022  18:30"
    assert not when.end.isAncestorOf(QApplication.focusWidget())  # Tab went on to the next field
    assert not when.error.isVisible()


def test_an_iso_date_pasted_into_starts_moves_the_end_with_it_in_one_undo_step(qtbot, window, store):
    when = show_tab(qtbot, window, "Overview").when
    tab_into(qtbot, when.start)
    QGuiApplication.clipboard().setText("2022-02-08T10:00:00+09:00")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert when.start.lineEdit().text() == "Tue 8 Feb 2022  10:00"
    assert when.end.lineEdit().text() == "Tue 8 Feb 2022  18:00"  # still eight hours
    show_tab(qtbot, window, "Overview").title.setFocus()
    written(qtbot, window)  # leaving the field writes in the background
    meeting = stored(store, window)
    assert (meeting.starts_at, meeting.ends_at) == (datetime(2022, 2, 8, 1, 0, tzinfo=UTC),
                                                    datetime(2022, 2, 8, 9, 0, tzinfo=UTC))
    window.undo()
    written(qtbot, window)
    meeting = stored(store, window)
    assert (meeting.starts_at.day, meeting.ends_at.day) == (7, 7)
    assert meeting.length_minutes == 8 * 60


def test_a_start_after_the_old_end_is_saved_the_end_following(qtbot, window, store):
    when = show_tab(qtbot, window, "Overview").when
    tab_into(qtbot, when.start)
    type_keys(qtbot, "15 Dec 2026 5pm", then=Qt.Key.Key_Return)
    written(qtbot, window)
    show_tab(qtbot, window, "Overview").title.setFocus()
    meeting = stored(store, window)
    assert meeting.starts_at == datetime(2026, 12, 15, 8, 0, tzinfo=UTC)
    assert meeting.length_minutes == 8 * 60
    assert not when.error.isVisible()


def test_tomorrow_counts_from_now_in_the_venues_zone(qtbot, window, store):
    when = show_tab(qtbot, window, "Overview").when
    when.now = lambda: datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # already 2 March in Tokyo
    tab_into(qtbot, when.start)
    type_keys(qtbot, "tomorrow 9:00", then=Qt.Key.Key_Tab)
    written(qtbot, window)
    assert stored(store, window).starts_at == datetime(2026, 3, 3, 0, 0, tzinfo=UTC)  # 09:00 JST


def test_a_date_that_is_not_one_is_refused_with_what_was_typed_and_kept(qtbot, window, store):
    when = show_tab(qtbot, window, "Overview").when
    before = stored(store, window)
    tab_into(qtbot, when.end)
    type_keys(qtbot, "12/15/2026 17:00", then=Qt.Key.Key_Return)
    written(qtbot, window)
    assert when.error.isVisible()
    assert "Ends: “12/15/2026 17:00” is not a date and time I can read" in when.error.message
    assert when.typed["ends_at"].line.text() == "12/15/2026 17:00"  # still there to correct
    assert when.typed["ends_at"].line.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # give up: the stored end again
    assert not when.error.isVisible()
    show_tab(qtbot, window, "Overview").title.setFocus()
    assert stored(store, window).ends_at == before.ends_at


def test_a_due_date_is_typed_in_its_cell_and_nonsense_is_refused(qtbot, window, store):
    panel = show_tab(qtbot, window, "Action items")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, DUE))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.view.indexWidget(panel.view.currentIndex())
    editor.lineEdit().selectAll()
    type_keys(qtbot, "31/3/2022", then=Qt.Key.Key_Return)
    written(qtbot, window)
    assert editor.typed.message.startswith("“31/3/2022” is not a date I can read")
    assert store.actions.list(window.meeting.id)[0].due == date(2022, 1, 21)  # unchanged
    editor.typed.line.selectAll()
    type_keys(qtbot, "31 March 2022", then=Qt.Key.Key_Return)
    written(qtbot, window)
    qtbot.waitUntil(lambda: store.actions.list(window.meeting.id)[0].due == date(2022, 3, 31))
    assert panel.model.index(0, DUE).data().startswith("31 Mar 2022")
