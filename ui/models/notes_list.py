"""``NotesListModel``: a meeting's issue notes as the notes list shows them (no section text).

Rows hold ``NoteSummary`` records. The model never writes: a row dropped
elsewhere becomes ``sig_move_requested``, which the panel turns into an undo
command; the panel then hands the model the new list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefing.records import NoteSummary
from ui.models.row_moves import RowMoves

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
PRIORITY_ROLE = Qt.ItemDataRole.UserRole + 3


def describe(note: NoteSummary) -> str:
    """``Draft · high priority · Trade Remedies``: the note's state in words."""
    parts = [note.status.capitalize(), f"{note.priority} priority"]
    if note.owner:
        parts.append(note.owner)
    return " · ".join(parts)


class NotesListModel(RowMoves, QAbstractListModel):
    """One row per issue note, in the meeting's order."""

    MIME_TYPE = "application/x-briefbook-issue-notes"

    sig_move_requested = Signal(int, int)
    """The user dropped a note at a new place: (note id, index in the new order)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._notes: tuple[NoteSummary, ...] = ()

    def set_notes(self, notes: Sequence[NoteSummary]) -> None:
        """Show ``notes``; rows update in place when the notes are the same, in the same order."""
        notes = tuple(notes)
        if [n.id for n in notes] == [n.id for n in self._notes]:
            self._notes = notes
            if notes:
                self.dataChanged.emit(self.index(0), self.index(len(notes) - 1))
        else:
            self.beginResetModel()
            self._notes = notes
            self.endResetModel()

    def row_id(self, row: int) -> int | None:
        return self._notes[row].id if 0 <= row < len(self._notes) else None

    def row_of(self, note_id: int) -> int:
        """The row of a note, or -1."""
        return next((r for r, n in enumerate(self._notes) if n.id == note_id), -1)

    def summary(self, row: int) -> NoteSummary:
        return self._notes[row]

    def issue_ids(self) -> set[int]:
        """The library issues that already have a note here."""
        return {n.issue_id for n in self._notes}

    # -- QAbstractListModel ----------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return note.issue_title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{note.issue_title}\n{describe(note)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{note.issue_title}, {describe(note)}"
        if role == NOTE_ID_ROLE:
            return note.id
        if role == STATUS_ROLE:
            return note.status
        if role == PRIORITY_ROLE:
            return note.priority
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
