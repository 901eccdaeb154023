"""``MeetingsTreeModel``: the meetings grouped Upcoming (soonest first) and Past (latest first).

Two group rows, each with its meetings as children; two columns, title and date.
The model keeps the summaries the service returns (a thousand meetings are a
few hundred kilobytes) and is refilled with ``set_meetings``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.records import MeetingSummary
from ui.timefmt import in_zone, short_date

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
GROUPS = ("Upcoming", "Past")
COLUMNS = 2

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument


def split_upcoming(meetings: Sequence[MeetingSummary], now: datetime) -> tuple[list, list]:
    """Meetings not yet over (soonest first) and those over (latest first)."""
    upcoming = [m for m in meetings if (m.ends_at or m.starts_at) >= now]
    past = [m for m in meetings if (m.ends_at or m.starts_at) < now]
    upcoming.sort(key=lambda m: (m.starts_at, m.id))
    past.sort(key=lambda m: (m.starts_at, m.id), reverse=True)
    return upcoming, past


class MeetingsTreeModel(QAbstractItemModel):
    """Group rows (internal id 0) and meeting rows (internal id = group number + 1)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: tuple[list[MeetingSummary], list[MeetingSummary]] = ([], [])
        self._row_of: dict[int, tuple[int, int]] = {}

    def set_meetings(self, meetings: Sequence[MeetingSummary], now: datetime | None = None) -> None:
        """Show these meetings (the whole list is replaced)."""
        self.beginResetModel()
        self._groups = split_upcoming(meetings, now or datetime.now(UTC))
        self._row_of = {m.id: (g, r) for g, group in enumerate(self._groups) for r, m in enumerate(group)}
        self.endResetModel()

    def index_of(self, meeting_id: int) -> QModelIndex:
        """The index of a meeting's row (invalid when it is not listed)."""
        where = self._row_of.get(meeting_id)
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], 0, where[0] + 1)

    def meeting_at(self, index: Index) -> MeetingSummary | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][index.row()]

    def group_count(self, group: int) -> int:
        return len(self._groups[group])

    # -- QAbstractItemModel --------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(GROUPS)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        meeting = self._groups[index.internalId() - 1][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return meeting.title
            return short_date(in_zone(meeting.starts_at, meeting.timezone))
        if role == Qt.ItemDataRole.ToolTipRole:
            when = short_date(in_zone(meeting.starts_at, meeting.timezone))
            return f"{meeting.title}\n{when} · {meeting.status}"
        if role == MEETING_ID_ROLE:
            return meeting.id
        if role == IS_GROUP_ROLE:
            return False
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{GROUPS[index.row()].upper()}  ·  {len(self._groups[index.row()])}"
        if role == IS_GROUP_ROLE:
            return True
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            return f"{GROUPS[index.row()]} meetings: {len(self._groups[index.row()])}"
        return None
