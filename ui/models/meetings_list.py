"""``MeetingsListModel``: the meetings as one flat list with two captions, Upcoming and Past.

Upcoming meetings (not yet over) come soonest first, past ones latest first.
Two columns: the title and the date. The model keeps the summaries the service
returns and filters them itself (by title or date), so that a thousand meetings
list and filter in a few milliseconds: a flat list lets the view lay out only
the rows it shows.

At start-up it may hold only the top of the list (``set_top``): a caption then
shows its count only once its group is complete. When new rows begin with the
rows shown (the rest of the list arriving, a title edited), the model tells the
view which rows changed and which were added instead of resetting it, so that
the view keeps its place and its selection.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from briefing.meetings.records import MeetingsListTop, MeetingSummary
from ui.rich_text import plain
from ui.timefmt import short_date, shown_in

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_CAPTION_ROLE = Qt.ItemDataRole.UserRole + 2
GROUPS = ("Upcoming", "Past")
# Made once: combining Python enum flags costs microseconds, and the view asks for every row's
# flags whenever it lays the list out (1,000 rows at start-up).
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CAPTION_FLAGS = Qt.ItemFlag.ItemIsEnabled
_MEETING_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
TITLE, DATE = range(2)


def split_upcoming(meetings: Sequence[MeetingSummary], now: datetime) -> tuple[list, list]:
    """Meetings not yet over (soonest first) and those over (latest first)."""
    upcoming = [m for m in meetings if (m.ends_at or m.starts_at) >= now]
    past = [m for m in meetings if (m.ends_at or m.starts_at) < now]
    upcoming.sort(key=lambda m: (m.starts_at, m.id))
    past.sort(key=lambda m: (m.starts_at, m.id), reverse=True)
    return upcoming, past


class _Row:
    """A caption (``meeting`` None) or a meeting, with its date as shown (worked out when first asked).

    ``key`` says which row it is, whatever it shows: the meeting's id, or the caption's group.
    """

    __slots__ = ("caption", "meeting", "key", "_date")

    def __init__(self, caption: str, meeting: MeetingSummary | None = None, group: str = "") -> None:
        self.caption = caption
        self.meeting = meeting
        self.key: int | str = meeting.id if meeting else group
        self._date: str | None = None if meeting else ""

    @property
    def date(self) -> str:
        if self._date is None:
            assert self.meeting is not None
            self._date = shown_in(self.meeting.starts_at, self.meeting.timezone, short_date)
        return self._date


class MeetingsListModel(QAbstractTableModel):
    """Captions and meetings, filtered by ``set_filter``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: tuple[list[_Row], list[_Row]] = ([], [])
        self._complete = (True, True)  # False: the group holds only the top of its meetings
        self._rows: list[_Row] = []
        self._row_of: dict[int, int] = {}
        self._filter = ""

    def set_meetings(self, meetings: Sequence[MeetingSummary], now: datetime | None = None) -> None:
        """Show these meetings (the whole list is replaced)."""
        upcoming, past = split_upcoming(meetings, now or datetime.now(UTC))
        self._groups = ([_Row("", m) for m in upcoming], [_Row("", m) for m in past])
        self._complete = (True, True)
        self._refill()

    def set_top(self, top: MeetingsListTop) -> None:
        """Show the top of the list (``MeetingService.list_top``); ``set_meetings`` adds the rest later."""
        self._groups = ([_Row("", m) for m in top.upcoming], [_Row("", m) for m in top.past])
        self._complete = (top.upcoming_complete, top.past_complete)
        self._refill()

    def is_complete(self) -> bool:
        """False while the model holds only the top of the list."""
        return all(self._complete)

    def set_filter(self, text: str) -> None:
        """Keep the meetings whose title or date contains ``text`` (any case)."""
        self._filter = text.strip().casefold()
        self._refill()

    def _refill(self) -> None:
        rows: list[_Row] = []
        for name, group, complete in zip(GROUPS, self._groups, self._complete, strict=True):
            shown = [r for r in group if self._matches(r)]
            if not complete:  # the top of the group: its count comes with the rest
                rows.append(_Row(name.upper(), group=name))
                rows += shown
                break  # the next group's rows would come after the rest of this one
            if shown or not self._filter:
                rows.append(_Row(f"{name.upper()}  ·  {len(shown)}", group=name))
                rows += shown
        kept = len(self._rows)
        if kept and [r.key for r in rows[:kept]] == [r.key for r in self._rows]:
            self._grow(rows)
            return
        self.beginResetModel()
        self._rows = rows
        self._row_of = {r.meeting.id: i for i, r in enumerate(rows) if r.meeting}
        self.endResetModel()

    def _grow(self, rows: list[_Row]) -> None:
        """Show ``rows``, which begin with the rows shown now: those change, the others are added."""
        kept = len(self._rows)
        self._rows[:] = rows[:kept]
        self.dataChanged.emit(self.index(0, TITLE), self.index(kept - 1, DATE))
        if len(rows) > kept:
            self.beginInsertRows(ROOT, kept, len(rows) - 1)
            self._rows += rows[kept:]
            self._row_of.update((r.meeting.id, i) for i, r in enumerate(rows[kept:], kept) if r.meeting)
            self.endInsertRows()

    def _matches(self, row: _Row) -> bool:
        if not self._filter:
            return True
        assert row.meeting is not None
        return self._filter in row.meeting.title.casefold() or self._filter in row.date.casefold()

    def index_of(self, meeting_id: int | None) -> QModelIndex:
        """The index of a meeting's row (invalid when it is not listed)."""
        row = self._row_of.get(meeting_id) if meeting_id is not None else None
        return QModelIndex() if row is None else self.index(row, TITLE)

    def meeting_ids(self) -> list[int]:
        """The meetings listed, top to bottom."""
        return [r.meeting.id for r in self._rows if r.meeting]

    def caption_rows(self) -> list[int]:
        """The rows that are captions (the view spans them over both columns)."""
        return [i for i, r in enumerate(self._rows) if r.meeting is None]

    # -- QAbstractTableModel -------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _CAPTION_FLAGS if self._rows[index.row()].meeting is None else _MEETING_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        meeting = row.meeting
        if role == IS_CAPTION_ROLE:
            return meeting is None
        if meeting is None:
            return self._caption_data(row, index.column(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return meeting.title if index.column() == TITLE else row.date
        if role == MEETING_ID_ROLE:
            return meeting.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(f"{meeting.title}\n{row.date} · {meeting.status}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{meeting.title}, {row.date}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == DATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _caption_data(row: _Row, column: int, role: int) -> Any:
        if column != TITLE:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.caption
        if role == Qt.ItemDataRole.FontRole:  # small bold caps
            font = QFont(QApplication.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None
