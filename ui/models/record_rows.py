"""``RecordRows``: the rows of a list or table model as frozen records with ids, refilled from the store.

Mixed into a ``QAbstractListModel``/``QAbstractTableModel`` (before it in the
bases). ``replace_records`` updates the rows in place when the same records
come back in the same order (an edit: the view keeps its selection and editor)
and resets the model otherwise (an add, a delete, a move). An editable model
declares ``sig_edit_requested = Signal(int, str, object)`` and its ``setData``
calls ``request_edit``: the panel turns the request into an undo command.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument


class RecordRows:
    """Rows held as ``records`` (anything with an ``id``), one record per row."""

    records: tuple[Any, ...] = ()

    def replace_records(self, records: Sequence[Any]) -> None:
        records = tuple(records)
        if [r.id for r in records] == [r.id for r in self.records]:
            self.records = records
            if records:
                last = self.columnCount() - 1 if isinstance(self, QAbstractTableModel) else 0
                self.dataChanged.emit(self.index(0, 0), self.index(len(records) - 1, last))
        else:
            self.beginResetModel()
            self.records = records
            self.endResetModel()

    def record(self, row: int) -> Any | None:
        """The record shown at ``row`` (None outside the rows)."""
        return self.records[row] if 0 <= row < len(self.records) else None

    def row_id(self, row: int) -> int | None:
        record = self.record(row)
        return None if record is None else record.id

    def row_of(self, record_id: int) -> int:
        """The row of a record, or -1."""
        return next((r for r, record in enumerate(self.records) if record.id == record_id), -1)

    def request_edit(self, row: int, field: str, value: Any) -> bool:
        """Ask (``sig_edit_requested``) for ``field`` of the record at ``row`` to become ``value``."""
        record = self.record(row)
        if record is None or getattr(record, field) == value:
            return False
        self.sig_edit_requested.emit(record.id, field, value)
        return True

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.records)
