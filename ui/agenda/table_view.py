"""``AgendaTableView``: the agenda table, reorderable by drag and drop, editable in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView, QWidget

from ui.models.agenda_table import MINUTES, OUTCOME, START_HOME, START_VENUE, STATUS, TITLE


class AgendaTableView(QTableView):
    """Whole rows are selected and dragged; typing on a cell starts editing it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setAccessibleName("Agenda")
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def set_column_sizes(self) -> None:
        """Times, minutes and status fit their contents; title and outcome share the rest."""
        header = self.horizontalHeader()
        for column in (START_VENUE, START_HOME, MINUTES, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (TITLE, OUTCOME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def commit_open_editor(self) -> None:
        """Write the cell being edited, if any (before switching meeting or closing)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
