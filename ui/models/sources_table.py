"""``SourcesTableModel``: the sources an issue note cites, numbered as in print (1, 2, 3…).

The model never writes: an edited cell becomes ``sig_edit_requested``, which the
panel turns into an undo command; the model is then handed the note's sources again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefing.notes.records import SourceRecord
from ui.models.pending_values import Pending, no_pending, shown
from ui.models.record_rows import RecordRows

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument

TITLE, PUBLISHER, DATE, URL = range(4)
FIELDS = {TITLE: "title", PUBLISHER: "publisher", DATE: "date", URL: "url"}
HEADERS = {TITLE: "Title", PUBLISHER: "Publisher", DATE: "Date", URL: "URL"}
PLACEHOLDERS = {DATE: "e.g. 2021-11-17", URL: "https://…"}


class SourcesTableModel(RecordRows, QAbstractTableModel):
    """One row per source; every cell is editable."""

    pending: Pending = staticmethod(no_pending)
    """``pending(row_id)``: values a cell's edit is writing, shown before the store has them
    (the panel hands over the window's ``RecordWriter.expected``)."""

    sig_edit_requested = Signal(int, str, object)
    """The user set a cell: (source id, field, value)."""

    def set_sources(self, sources: Sequence[SourceRecord]) -> None:
        """Show ``sources`` (in place when they are the same, in the same order)."""
        self.replace_records([shown(r, self.pending) for r in sources])

    def source(self, row: int) -> SourceRecord:
        return self.records[row]

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return HEADERS.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self.record(index.row()) if index.isValid() else None
        if source is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(source, FIELDS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return getattr(source, FIELDS[index.column()]) or PLACEHOLDERS.get(index.column())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.request_edit(index.row(), FIELDS[index.column()], value)
