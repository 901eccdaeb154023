"""Editing a due date in a table cell: a date editor with a calendar, where "no date" is allowed.

``QDateEdit`` cannot be empty, so its earliest date stands for "no date" and
reads as such; Delete or Backspace with the whole date selected clears it. A
whole date typed or pasted ("15 Dec 2026", "2026-12-15", "tomorrow") is read by
``briefing.times.typed``; anything else stays in the cell with the reason in a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from briefing.times.typed import parse_day
from ui.widgets.typed_date import TypedDateEntry, english_dates

Index = QModelIndex | QPersistentModelIndex
NO_DATE = QDate(2000, 1, 1)
NO_DATE_TEXT = "No date"


class DueDateEdit(QDateEdit):
    """A date, or none (shown as "No date")."""

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        english_dates(self)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(NO_DATE_TEXT)
        self.setAccessibleName("Due date")
        self.setToolTip("Type or pick a date (15 Dec 2026, 2026-12-15, tomorrow); Delete clears it")
        self.calendarWidget().installEventFilter(self)
        self.typed = TypedDateEntry(
            self, lambda text: self.set_due(parse_day(text, today=today(), field="due")))
        self.typed.sig_refused.connect(self._show_refusal)

    def _show_refusal(self, message: str) -> None:
        line = self.typed.line
        if message:
            QToolTip.showText(line.mapToGlobal(line.rect().bottomLeft()), message, line)

    def due(self) -> date | None:
        return None if self.date() == NO_DATE else self.date().toPython()

    def set_due(self, due: date | None) -> None:
        self.setDate(NO_DATE if due is None else QDate(due.year, due.month, due.day))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Without a date the calendar opens on this month, not on the "no date" stand-in of 2000.
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.due() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self.typed.typing() and \
                self.lineEdit().selectedText() == self.lineEdit().text():
            self.set_due(None)
            return
        super().keyPressEvent(event)


class DueDateDelegate(QStyledItemDelegate):
    """Puts a ``DueDateEdit`` in the cell; the model receives a ``date`` or None."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = DueDateEdit(parent)
        calendar = editor.calendarWidget()
        calendar.clicked.connect(lambda _day, e=editor: self._picked(e))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, DueDateEdit)
        editor.set_due(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, DueDateEdit)
        model.setData(index, editor.due(), Qt.ItemDataRole.EditRole)

    def _picked(self, editor: DueDateEdit) -> None:
        # A day clicked in the calendar is the end of the edit, as a pick from a list is.
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
