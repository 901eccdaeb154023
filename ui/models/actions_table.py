"""``ActionsTableModel``: a meeting's action items — text, owner, due date, status, linked issue.

An open item past its due date is overdue: its row is drawn in the warning
colour, its due date says "overdue" and carries the warning icon, so that
colour is never the only sign. The model never writes: an edited cell or a
dropped row becomes a request signal that the panel turns into an undo command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon

from briefing.actions.records import ActionRecord
from ui.models.pending_values import Pending, no_pending, shown
from ui.models.record_rows import RecordRows
from ui.models.row_moves import RowMoves
from ui.timefmt import short_date

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2

TEXT, OWNER, DUE, STATUS, ISSUE = range(5)
FIELDS = {TEXT: "text", OWNER: "owner", DUE: "due", STATUS: "status", ISSUE: "issue_id"}
HEADERS = {TEXT: "Action", OWNER: "Owner", DUE: "Due", STATUS: "Status", ISSUE: "Issue"}


def day_text(day: date) -> str:
    """``21 Jan 2022``."""
    return short_date(day)


def due_text(item: ActionRecord, today: date) -> str:
    """``21 Jan 2022``, ``21 Jan 2022 · overdue``, or empty without a due date."""
    if item.due is None:
        return ""
    return f"{day_text(item.due)} · overdue" if item.is_overdue(today) else day_text(item.due)


class ActionsTableModel(RowMoves, RecordRows, QAbstractTableModel):
    """One row per action item, in the meeting's order."""

    MIME_TYPE = "application/x-briefbook-action-items"

    pending: Pending = staticmethod(no_pending)
    """``pending(row_id)``: values a cell's edit is writing, shown before the store has them
    (the panel hands over the window's ``RecordWriter.expected``)."""

    sig_edit_requested = Signal(int, str, object)
    """The user set a cell: (item id, field, value)."""

    sig_move_requested = Signal(int, int)
    """The user dropped an item at a new place: (item id, index in the new order)."""

    def __init__(self, today: Callable[[], date] = date.today, parent=None) -> None:
        super().__init__(parent)
        self.today = today
        self.warning_colour = QColor("#b3261e")
        self.warning_icon = QIcon()

    def set_items(self, items: Sequence[ActionRecord]) -> None:
        """Show ``items`` (in place when they are the same, in the same order)."""
        self.replace_records([shown(r, self.pending) for r in items])

    def item(self, row: int) -> ActionRecord:
        return self.records[row]

    def overdue_count(self) -> int:
        today = self.today()
        return sum(i.is_overdue(today) for i in self.records)

    def open_count(self) -> int:
        return sum(i.status == "open" for i in self.records)

    # -- reading -------------------------------------------------------------------

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(section + 1) if orientation == Qt.Orientation.Vertical else HEADERS.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.record(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        overdue = item.is_overdue(self.today())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(item, FIELDS[column])
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return self.warning_colour
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == DUE and overdue:
            return self.warning_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DUE and overdue:
                return f"Overdue: due {day_text(item.due)} and still open"
            return item.text if column == TEXT else None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == DUE:
            return due_text(item, self.today()) or "No due date"
        if role == ACTION_ID_ROLE:
            return item.id
        if role == OVERDUE_ROLE:
            return overdue
        return None

    def _display(self, item: ActionRecord, column: int) -> Any:
        if column == TEXT:
            return " ".join(item.text.split())  # one line in the table; the tooltip has it all
        if column == DUE:
            return due_text(item, self.today())
        if column == STATUS:
            return item.status.capitalize()
        if column == ISSUE:
            return item.issue_title or ""
        return getattr(item, FIELDS[column])

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsEditable)

    # -- editing: requests only ------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.request_edit(index.row(), FIELDS[index.column()], value)
