"""Drag and drop that reorders a list model's rows by asking, not by moving rows itself.

Mixed into an item model that has ``row_id(row)``, ``row_of(id)``, ``rowCount()``
and a ``sig_move_requested = Signal(int, int)`` (row id, index in the new
order). A drop only emits the request; the panel turns it into an undo command
and the model is refilled from the store afterwards.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowMoves:
    """The drag-and-drop half of a reorderable model (see the module docstring)."""

    MIME_TYPE = "application/x-briefbook-rows"

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(self.MIME_TYPE, QByteArray(json.dumps([self.row_id(r) for r in rows]).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(self.MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Ask for the move; returns False so that the view does not also remove the dragged rows."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = json.loads(bytes(data.data(self.MIME_TYPE).data()).decode() or "[]")
        if len(ids) != 1 or self.row_of(ids[0]) < 0:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        source = self.row_of(ids[0])
        target = row - 1 if row > source else row
        if target != source:
            self.sig_move_requested.emit(ids[0], target)
        return False
