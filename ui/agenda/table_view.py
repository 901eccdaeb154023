"""``AgendaTableView``: the agenda table, reorderable by drag and drop, editable in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView, QWidget

from ui.models.agenda_table import ISSUE, LEAD, MINUTES, OUTCOME, START_HOME, START_VENUE, STATUS, TITLE

#: How the width left after times, minutes and status is shared.
TEXT_SHARES = {TITLE: 0.38, LEAD: 0.18, ISSUE: 0.26, OUTCOME: 0.18}


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
        fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in TEXT_SHARES)
        free = self.viewport().width() - fixed
        minimum = self.fontMetrics().averageCharWidth() * 8
        for column, share in TEXT_SHARES.items():
            header.resizeSection(column, max(minimum, int(free * share)))

    def commit_open_editor(self) -> None:
        """Write the cell being edited, if any (before switching meeting or closing)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
