"""``AgendaTableView``: the agenda table, reorderable by drag and drop, editable in place.

It keys like a spreadsheet: Tab and Shift+Tab write the cell and go on editing
the next (previous) editable cell, row after row; Enter writes the cell and goes
down a row, and on the last row asks for a new item (``sig_append_requested``).
Typing on a cell that cannot be edited (a start time) types the title.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QWidget,
)

from ui.models.agenda_table import ISSUE, LEAD, MINUTES, OUTCOME, START_HOME, START_VENUE, STATUS, TITLE
from ui.widgets.char_width import char_width
from ui.widgets.row_table import ReorderableTableView

#: How the width left after times, minutes and status is shared.
TEXT_SHARES = {TITLE: 0.38, LEAD: 0.18, ISSUE: 0.26, OUTCOME: 0.18}
Hint = QAbstractItemDelegate.EndEditHint
Move = QAbstractItemView.CursorAction
Trigger = QAbstractItemView.EditTrigger


class AgendaTableView(ReorderableTableView):
    """Whole rows are selected and dragged; typing on a cell starts editing it. The title gets the
    largest share of the width and the user may drag the text columns' edges."""

    sig_append_requested = Signal()
    """Enter was pressed in a cell of the last row: the user wants a new item after it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Agenda", parent)

    def set_column_sizes(self) -> None:
        """Times, minutes and status fit their contents; the text columns share the rest."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (START_VENUE, START_HOME, MINUTES, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in TEXT_SHARES:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._share_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        """Give the text columns the width left, the title the largest part (the user may drag)."""
        header = self.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in range(header.count())
                    if c not in TEXT_SHARES and not header.isSectionHidden(c))
        free = self.viewport().width() - fixed
        minimum = char_width(self.fontMetrics()) * 8
        for column, share in TEXT_SHARES.items():
            header.resizeSection(column, max(minimum, int(free * share)))

    # -- spreadsheet keys ------------------------------------------------------------

    def edit_cell(self, index: QModelIndex) -> None:
        """Make ``index`` the current cell and edit it (Tab then goes on from there)."""
        self.setCurrentIndex(index)
        self.edit(index)

    def moveCursor(self, action: Move, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab and Shift+Tab go to the next (previous) editable cell, on to the next row."""
        if action not in (Move.MoveNext, Move.MovePrevious) or self.model() is None:
            return super().moveCursor(action, modifiers)
        current = self.currentIndex()
        model, columns = self.model(), self.model().columnCount()
        step = 1 if action == Move.MoveNext else -1
        place = current.row() * columns + current.column() + step
        while 0 <= place < model.rowCount() * columns:
            index = model.index(*divmod(place, columns))
            if not self.isColumnHidden(index.column()) and \
                    index.flags() & Qt.ItemFlag.ItemIsEditable:
                return index
            place += step
        return current  # the first (last) cell: stay there

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        """Enter writes the cell and goes down a row; on the last row it asks for a new item."""
        row, column = self.currentIndex().row(), self.currentIndex().column()
        super().closeEditor(editor, hint)
        if hint != Hint.SubmitModelCache or row < 0:
            return
        if row == self.model().rowCount() - 1:
            self.sig_append_requested.emit()
        else:
            self.setCurrentIndex(self.model().index(row + 1, column))

    def edit(self, index: QModelIndex | QPersistentModelIndex, trigger: Trigger | None = None,
             event: QEvent | None = None) -> bool:
        """Typing on a start time (which cannot be edited) edits the row's title instead."""
        if trigger is None:
            return super().edit(index)  # type: ignore[func-returns-value]
        if trigger == Trigger.AnyKeyPressed and index.isValid() and \
                not index.flags() & Qt.ItemFlag.ItemIsEditable:
            index = index.siblingAtColumn(TITLE)
            self.setCurrentIndex(index)
        return super().edit(index, trigger, event)
