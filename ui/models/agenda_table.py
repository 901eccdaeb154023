"""``AgendaTableModel``: a meeting's agenda with live start times in the venue's and home zones.

A row whose item runs past the meeting's end reads in the warning colour the
panel gives (``set_warning_colour``), with a tooltip that says by how much.

The model shows a ``Schedule`` (from ``services.agenda.schedule``) and never
writes: an edit in a cell or a row dropped elsewhere becomes a request signal
that the panel turns into an undo command; the panel then hands the model the
new schedule.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from briefing.agenda.records import AgendaSlot, Schedule
from briefing.agenda.schedule import format_minutes
from ui.rich_text import plain
from ui.timefmt import clock, day_time
from ui.timefmt import weekday as weekday_name
from ui.widgets.zone_combo import zone_city

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
MIME_TYPE = "application/x-briefbook-agenda-items"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1

START_VENUE, START_HOME, MINUTES, TITLE, LEAD, ISSUE, STATUS, OUTCOME = range(8)
#: Editable columns and the field each one writes.
FIELDS = {MINUTES: "minutes", TITLE: "title", LEAD: "lead", ISSUE: "issue_id", STATUS: "status",
          OUTCOME: "outcome"}
HEADERS = {MINUTES: "Min", TITLE: "Title", LEAD: "Lead", ISSUE: "Issue", STATUS: "Status",
           OUTCOME: "Outcome"}


class AgendaTableModel(QAbstractTableModel):
    """One row per agenda item; the first two columns are computed start times."""

    sig_edit_requested = Signal(int, str, object)
    """The user set a cell: (item id, field, value)."""

    sig_move_requested = Signal(int, int)
    """The user dropped an item at a new place: (item id, index in the new order)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._slots: tuple[AgendaSlot, ...] = ()
        self._zones = ("UTC", "UTC")
        self._venue_days = self._home_days = False
        self._past_end: dict[int, int] = {}  # row → minutes it runs past the meeting's end
        self._warning = QColor("red")

    # -- contents ------------------------------------------------------------------

    def set_schedule(self, schedule: Schedule | None, venue_zone: str = "UTC",
                     home_zone: str = "UTC") -> None:
        """Show ``schedule``; rows update in place when the items are the same, in the same order."""
        slots = schedule.slots if schedule is not None else ()
        # Show weekdays when the agenda crosses a day in the venue or at home.
        days = {s.venue_start.date() for s in slots[:1]}
        self._venue_days = len({s.venue_start.date() for s in slots}) > 1
        self._home_days = any(s.home_start.date() not in days for s in slots)
        self._past_end = _past_end(schedule) if schedule is not None else {}
        zones_changed = (venue_zone, home_zone) != self._zones
        self._zones = (venue_zone, home_zone)
        if [s.item.id for s in slots] == [s.item.id for s in self._slots]:
            self._slots = slots
            if slots:
                self.dataChanged.emit(self.index(0, 0), self.index(len(slots) - 1, OUTCOME))
        else:
            self.beginResetModel()
            self._slots = slots
            self.endResetModel()
        if zones_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, START_VENUE, START_HOME)

    def set_warning_colour(self, colour: QColor) -> None:
        """The colour of rows that run past the meeting's end (the palette's warning colour)."""
        self._warning = QColor(colour)

    @property
    def one_zone(self) -> bool:
        """True when the venue and the home delegation share a time zone (one time column is enough)."""
        return self._zones[0] == self._zones[1]

    def minutes_past_end(self, row: int) -> int:
        """How far the item of ``row`` runs past the meeting's end (0: it ends in time)."""
        return self._past_end.get(row, 0)

    def item_id(self, row: int) -> int | None:
        return self._slots[row].item.id if 0 <= row < len(self._slots) else None

    def row_of(self, item_id: int) -> int:
        """The row of an item, or -1."""
        return next((r for r, s in enumerate(self._slots) if s.item.id == item_id), -1)

    def slot(self, row: int) -> AgendaSlot:
        return self._slots[row]

    # -- reading -------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._slots)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else OUTCOME + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section in (START_VENUE, START_HOME):
            zone = self._zones[section - START_VENUE]
            if role == Qt.ItemDataRole.DisplayRole:
                return zone_city(zone)
            if role == Qt.ItemDataRole.ToolTipRole:
                where = "venue" if section == START_VENUE else "home delegation"
                return f"Start time in the {where}'s time zone ({zone})"
            return None
        return HEADERS.get(section) if role == Qt.ItemDataRole.DisplayRole else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._slots):
            return None
        slot = self._slots[index.row()]
        item, column = slot.item, index.column()
        if role == ITEM_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(slot, column)
        if role == Qt.ItemDataRole.EditRole and column in FIELDS:
            return getattr(item, FIELDS[column])
        over = self._past_end.get(index.row(), 0)
        if role == Qt.ItemDataRole.ForegroundRole and over:
            return self._warning
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (START_VENUE, START_HOME):
                tip = day_time(slot.venue_start if column == START_VENUE else slot.home_start)
            else:
                text = self._display(slot, column)
                tip = plain(str(text)) if text != "" else None  # the whole text of a cut-off cell
            if over:
                warning = f"Runs {format_minutes(over)} past the meeting's end"
                return f"{warning}\n\n{tip}" if tip else warning
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (START_VENUE, START_HOME, MINUTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, slot: AgendaSlot, column: int) -> Any:
        item = slot.item
        if column in (START_VENUE, START_HOME):
            moment = slot.venue_start if column == START_VENUE else slot.home_start
            weekday = self._venue_days if column == START_VENUE else self._home_days
            return f"{weekday_name(moment)} {clock(moment)}" if weekday else clock(moment)
        if column == ISSUE:
            return item.issue_title or ""
        if column == STATUS:
            return item.status.capitalize()
        return getattr(item, FIELDS[column])

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing: requests only ------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in FIELDS:
            return False
        item = self._slots[index.row()].item
        field = FIELDS[index.column()]
        if getattr(item, field) == value:
            return False
        self.sig_edit_requested.emit(item.id, field, value)
        return True

    # -- drag and drop: a move request -------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps([self.item_id(r) for r in rows]).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Ask for the move; returns False so that the view does not also remove the dragged rows."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode() or "[]")
        if len(ids) != 1 or self.row_of(ids[0]) < 0:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._slots)
        source = self.row_of(ids[0])
        target = row - 1 if row > source else row
        if target != source:
            self.sig_move_requested.emit(ids[0], target)
        return False


def _past_end(schedule: Schedule) -> dict[int, int]:
    """Row → how many minutes after the meeting's end each item that ends after it ends."""
    if schedule.length_minutes is None or not schedule.slots:
        return {}
    end = schedule.slots[0].starts_at + timedelta(minutes=schedule.length_minutes)
    over = {}
    for row, slot in enumerate(schedule.slots):
        ends = slot.starts_at + timedelta(minutes=slot.item.minutes)
        if ends > end:
            over[row] = int((ends - end).total_seconds() // 60)
    return over
