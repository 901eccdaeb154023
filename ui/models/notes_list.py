"""``NotesListModel``: a meeting's issue notes as the notes list shows them (no section text).

Rows hold ``NoteSummary`` records. The model never writes: a row dropped
elsewhere becomes ``sig_move_requested``, which the panel turns into an undo
command; the panel then hands the model the new list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefing.notes.records import NoteSummary
from ui.models.record_rows import RecordRows
from ui.models.row_moves import RowMoves

Index = QModelIndex | QPersistentModelIndex
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
PRIORITY_ROLE = Qt.ItemDataRole.UserRole + 3


def describe(note: NoteSummary) -> str:
    """``Draft · high priority · Trade Remedies``: the note's state in words."""
    parts = [note.status.capitalize(), f"{note.priority} priority"]
    if note.owner:
        parts.append(note.owner)
    return " · ".join(parts)


class NotesListModel(RowMoves, RecordRows, QAbstractListModel):
    """One row per issue note, in the meeting's order."""

    MIME_TYPE = "application/x-briefbook-issue-notes"

    sig_move_requested = Signal(int, int)
    """The user dropped a note at a new place: (note id, index in the new order)."""

    def set_notes(self, notes: Sequence[NoteSummary]) -> None:
        """Show ``notes`` (in place when they are the same, in the same order)."""
        self.replace_records(notes)

    def summary(self, row: int) -> NoteSummary:
        return self.records[row]

    def issue_ids(self) -> set[int]:
        """The library issues that already have a note here."""
        return {n.issue_id for n in self.records}

    # -- QAbstractListModel ----------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        note = self.record(index.row()) if index.isValid() else None
        if note is None:
            return None
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
