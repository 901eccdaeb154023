"""``ParticipantsListModel``: one delegation of a meeting (ours or theirs), a row per person.

The panel hands every participant to both sides' models; each keeps its own
side, in the meeting's order. ``PARTICIPANT_ROLE`` gives the whole record to
the card delegate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.records import ParticipantRecord

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
PARTICIPANT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PARTICIPANT_ROLE = Qt.ItemDataRole.UserRole + 2


def card_lines(p: ParticipantRecord) -> list[str]:
    """What a card says, line by line: name (and native name), title, organization, role."""
    name = p.person.name + (f"  {p.person.native_name}" if p.person.native_name else "")
    return [name] + [x for x in (p.person.title, p.person.organization, p.role) if x]


class ParticipantsListModel(QAbstractListModel):
    """The participants on ``side`` ("ours" or "theirs")."""

    def __init__(self, side: str, parent=None) -> None:
        super().__init__(parent)
        self.side = side
        self._rows: tuple[ParticipantRecord, ...] = ()

    def set_participants(self, participants: Sequence[ParticipantRecord]) -> None:
        """Show this side's participants; rows update in place when they are the same people."""
        rows = tuple(p for p in participants if p.side == self.side)
        if [p.id for p in rows] == [p.id for p in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def participant(self, row: int) -> ParticipantRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def person_ids(self) -> set[int]:
        """The people on this side."""
        return {p.person.id for p in self._rows}

    def row_of(self, participant_id: int) -> int:
        return next((r for r, p in enumerate(self._rows) if p.id == participant_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return p.person.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(card_lines(p))
        if role == PARTICIPANT_ID_ROLE:
            return p.id
        if role == PARTICIPANT_ROLE:
            return p
        return None
