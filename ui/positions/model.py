"""``PositionsTableModel``: one row per issue — state, since which round, ours and theirs.

The model never writes: an edited cell becomes ``sig_edit_requested`` that the
panel turns into an undo command; the values it is writing are shown at once
(``pending``, by issue id).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefing.positions.records import STATE_TITLES, PositionRecord
from ui.models.pending_values import Pending, no_pending, shown

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
STATE_ROLE = Qt.ItemDataRole.UserRole + 1

ISSUE, STATE, SINCE, OURS, THEIRS = range(5)
FIELDS = {STATE: "state", OURS: "ours", THEIRS: "theirs"}
HEADERS = {ISSUE: "Issue", STATE: "State", SINCE: "Since", OURS: "Our position",
           THEIRS: "Their position"}


def since_text(since_round: int) -> str:
    """``since round 2`` (``since the launch`` for round 0)."""
    return "since the launch" if since_round == 0 else f"since round {since_round}"


class PositionsTableModel(QAbstractTableModel):
    """The meeting's positions, in the tracker's order."""

    sig_edit_requested = Signal(int, str, object)
    """The user set a cell: (issue id, field, value)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PositionRecord] = []
        self.pending: Pending = no_pending
        """``pending(issue_id)``: values a cell's edit is writing, shown before the store has them."""

    def set_positions(self, rows: Sequence[PositionRecord]) -> None:
        """Show ``rows``; the same issues in the same order are updated in place (an editor open in a
        cell, whose own write brought the change, stays valid), others reset the model."""
        rows = [shown(p, self.pending, key="issue_id") for p in rows]
        if [p.issue_id for p in rows] == [p.issue_id for p in self._rows]:
            for index, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
                if old != new:
                    self._rows[index] = new
                    self.dataChanged.emit(self.index(index, 0), self.index(index, len(HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def position(self, row: int) -> PositionRecord:
        return self._rows[row]

    def row_of(self, issue_id: int) -> int:
        return next((i for i, p in enumerate(self._rows) if p.issue_id == issue_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in FIELDS else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        column = index.column()
        if role == STATE_ROLE:
            return p.state
        if role == Qt.ItemDataRole.EditRole and column in FIELDS:
            return getattr(p, FIELDS[column])
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ISSUE:
                return p.issue_title
            if column == STATE:
                return STATE_TITLES.get(p.state, p.state)
            if column == SINCE:
                return since_text(p.since_round)
            if column in (OURS, THEIRS):
                return getattr(p, FIELDS[column])
        if role == Qt.ItemDataRole.ToolTipRole and column in (OURS, THEIRS):
            return getattr(p, FIELDS[column]) or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == STATE:
            return f"{STATE_TITLES.get(p.state, p.state)}, {since_text(p.since_round)}"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in FIELDS:
            return False
        p = self._rows[index.row()]
        field = FIELDS[index.column()]
        if getattr(p, field) != value:
            self.sig_edit_requested.emit(p.issue_id, field, value)
        return True
