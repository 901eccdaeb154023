"""``ChecklistModel``: records to tick (the notes the next round carries), all ticked at first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
CHECK = Qt.ItemDataRole.CheckStateRole


class ChecklistModel(QAbstractListModel):
    """One checkable row per record (anything with an ``id``); ``display`` says how it reads."""

    sig_ticks_changed = Signal()
    """A row was ticked or unticked (by the user or by ``tick_all``)."""

    def __init__(self, display: Callable[[Any], str], parent=None) -> None:
        super().__init__(parent)
        self._display = display
        self._records: tuple[Any, ...] = ()
        self._ticked: set[int] = set()

    def set_records(self, records: Sequence[Any]) -> None:
        """Show ``records``, every one ticked."""
        self.beginResetModel()
        self._records = tuple(records)
        self._ticked = {r.id for r in self._records}
        self.endResetModel()
        self.sig_ticks_changed.emit()

    def ticked_ids(self) -> tuple[int, ...]:
        """The ids of the ticked records, in list order."""
        return tuple(r.id for r in self._records if r.id in self._ticked)

    def tick_all(self, ticked: bool) -> None:
        """Tick (or untick) every row."""
        self._ticked = {r.id for r in self._records} if ticked else set()
        if self._records:
            self.dataChanged.emit(self.index(0), self.index(len(self._records) - 1), [CHECK])
        self.sig_ticks_changed.emit()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(record)
        if role == CHECK:
            return Qt.CheckState.Checked if record.id in self._ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = CHECK) -> bool:
        if role != CHECK or not index.isValid() or not 0 <= index.row() < len(self._records):
            return False
        record_id = self._records[index.row()].id
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self._ticked.add(record_id)
        else:
            self._ticked.discard(record_id)
        self.dataChanged.emit(index, index, [CHECK])
        self.sig_ticks_changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
