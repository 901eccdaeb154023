"""``NotesListModel``: a meeting's issue notes as the notes list shows them (no section text).

Rows hold ``NoteSummary`` records. The model never writes: a row dropped
elsewhere becomes ``sig_move_requested``, which the panel turns into an undo
command; the panel then hands the model the new list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefing.notes.records import NoteSummary
from briefing.tiers.budget import BUDGET_WORDS, paper_place
from ui.models.record_rows import RecordRows
from ui.models.row_moves import RowMoves

Index = QModelIndex | QPersistentModelIndex
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
PRIORITY_ROLE = Qt.ItemDataRole.UserRole + 3
#: The note's tier tag ("Short", "Defensive"; "" for a full paper) and its over-budget message
#: ("" when its paper kept to its tier's page budget in the meeting's last laid-out book).
TIER_ROLE = Qt.ItemDataRole.UserRole + 4
OVER_BUDGET_ROLE = Qt.ItemDataRole.UserRole + 5
#: The tag a tier shows in the list (none for a full paper).
TIER_TAGS = {"short": "Short", "defensive": "Defensive"}


def describe(note: NoteSummary) -> str:
    """``Draft · high priority · Trade Remedies``: the note's state in words."""
    parts = [note.status.capitalize(), f"{note.priority} priority"]
    if note.owner:
        parts.append(note.owner)
    return " · ".join(parts)


def tier_tag(note: NoteSummary) -> str:
    """``Short`` / ``Defensive``; empty for a full paper."""
    return TIER_TAGS.get(note.tier, "")


class NotesListModel(RowMoves, RecordRows, QAbstractListModel):
    """One row per issue note, in the meeting's order."""

    MIME_TYPE = "application/x-briefbook-issue-notes"

    sig_move_requested = Signal(int, int)
    """The user dropped a note at a new place: (note id, index in the new order)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.meeting_id: int | None = None
        self.last_layouts: dict[int, dict[str, str]] = {}  # meeting id → where → its overrun

    def laid_out(self, meeting_id: int, warnings: Iterable[object] | None) -> None:
        """A book of ``meeting_id`` was laid out: its papers over budget (its warnings) are marked."""
        self.last_layouts[meeting_id] = {
            w.where: w.message for w in warnings or ()
            if getattr(w, "where", "") and BUDGET_WORDS in getattr(w, "message", "")}
        if meeting_id == self.meeting_id and self.records:
            self.dataChanged.emit(self.index(0), self.index(len(self.records) - 1))

    def over_budget(self, note: NoteSummary) -> str:
        """What the last layout of the shown meeting said of the note's paper over budget ("": none)."""
        return self.last_layouts.get(self.meeting_id or 0, {}).get(paper_place(note.issue_title), "")

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
        tag, over = tier_tag(note), self.over_budget(note)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [note.issue_title, describe(note)] + ([f"{tag} paper"] if tag else []) + (
                [f"Over its page budget: {over} (last layout)"] if over else [])
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join([note.issue_title, describe(note)] + ([f"{tag} paper"] if tag else [])
                             + (["over its page budget"] if over else []))
        if role == TIER_ROLE:
            return tag
        if role == OVER_BUDGET_ROLE:
            return over
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
