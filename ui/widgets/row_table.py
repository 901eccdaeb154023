"""``ReorderableTableView``: whole rows are selected, dragged to a new place and edited in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.widgets.table_editing import commit_open_editor


class ReorderableTableView(QTableView):
    """One row selected at a time; drag and drop moves it (the model asks for the move)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
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
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def size_columns(self, fit: tuple[int, ...], stretch: tuple[int, ...]) -> None:
        """Columns in ``fit`` take their contents' width; those in ``stretch`` share the rest."""
        header = self.horizontalHeader()
        for column in fit:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def commit_open_editor(self) -> None:
        """Write the cell being edited, if any (before switching meeting or closing)."""
        commit_open_editor(self)
