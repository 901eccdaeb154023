"""``LadderTableModel``: the marking ladder being edited, lowest first: code and name per row.

Rows carry their colour along (the banner band) without showing it; a row
added has the plain band. Checking (empty, repeated or unprintable codes)
is ``briefing.config.check_ladder``'s, when the window saves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.config import PLAIN_COLOUR
from briefing.markings.ladder import Marking

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
HEADERS = ("Code", "Name")


class LadderTableModel(QAbstractTableModel):
    """Markings as editable rows; ``markings()`` gives them back as typed."""

    def __init__(self, markings: tuple[Marking, ...], parent=None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = [[m.code, m.label, m.colour] for m in markings]

    def markings(self) -> tuple[Marking, ...]:
        """The rows as markings, lowest first (not checked)."""
        return tuple(Marking(code, label, colour) for code, label, colour in self._rows)

    def code(self, row: int) -> str:
        return self._rows[row][0].strip()

    # -- Qt ------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return str(section + 1)

    # -- editing -------------------------------------------------------------------

    def add(self, row: int) -> int:
        """An empty marking at ``row`` (its code to be typed); returns the row."""
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, ["", "", PLAIN_COLOUR])
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def move(self, row: int, step: int) -> int:
        """Move a row one place up (-1) or down (+1); returns where it is now."""
        target = row + step
        if not 0 <= row < len(self._rows) or not 0 <= target < len(self._rows):
            return row
        # Qt's destination is the row the moved one goes before (in the old numbering).
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if step > 0 else target)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return target
