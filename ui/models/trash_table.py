"""``TrashTableModel``: what is in the Trash — kind, title, meeting, when deleted, what hangs on it.

Rows are ``TrashEntry`` records, newest first as the service lists them. Ids are
unique per kind only, so a row is named by ``(kind, id)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.records import TrashEntry
from ui.timefmt import day_time

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument

KIND, TITLE, MEETING, DELETED, DETAIL = range(5)
HEADERS = {KIND: "Kind", TITLE: "Title", MEETING: "Meeting", DELETED: "Deleted", DETAIL: "With it"}
KIND_LABELS = {"meeting": "Meeting", "agenda_item": "Agenda item", "note": "Issue note",
               "action": "Action item", "person": "Person"}


def deleted_text(entry: TrashEntry) -> str:
    """When it was deleted, in the computer's time zone: ``Mon 7 Feb 2022 14:03 EST``."""
    return day_time(entry.deleted_at.astimezone())


class TrashTableModel(QAbstractTableModel):
    """One row per thing in the Trash."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: tuple[TrashEntry, ...] = ()

    def set_entries(self, entries: Sequence[TrashEntry]) -> None:
        self.beginResetModel()
        self.entries = tuple(entries)
        self.endResetModel()

    def entry(self, row: int) -> TrashEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def row_of(self, kind: str, entry_id: int) -> int:
        """The row of ``(kind, id)``, or -1."""
        return next((r for r, e in enumerate(self.entries) if (e.kind, e.id) == (kind, entry_id)), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == KIND:
            return KIND_LABELS.get(entry.kind, entry.kind)
        if column == TITLE:
            return entry.title
        if column == MEETING:
            if entry.meeting_title is None or entry.kind == "meeting":
                return ""
            return entry.meeting_title + (" (in the Trash too)" if entry.meeting_in_trash else "")
        if column == DELETED:
            return deleted_text(entry)
        return entry.detail

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
