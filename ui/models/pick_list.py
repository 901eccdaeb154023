"""``PickListModel``: records to pick one from (library issues, people), searchable by a filter box.

How a record reads is given as three functions: its line in the list, its
tooltip, and the text a filter matches (``SEARCH_ROLE``, for a
``QSortFilterProxyModel``), so one model serves every picker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Everything a filter box should match (e.g. a person's names in both scripts).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2

Text = Callable[[Any], str]


class PickListModel(QAbstractListModel):
    """One row per record (anything with an ``id``)."""

    def __init__(self, display: Text, tooltip: Text, search: Text, parent=None) -> None:
        super().__init__(parent)
        self._records: tuple[Any, ...] = ()
        self._display, self._tooltip, self._search = display, tooltip, search

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = tuple(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record)
        if role == RECORD_ID_ROLE:
            return record.id
        if role == SEARCH_ROLE:
            return self._search(record)
        return None
