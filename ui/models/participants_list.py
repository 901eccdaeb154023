"""``ParticipantsListModel``: one delegation of a meeting (ours or theirs), a row per person.

The panel hands every participant to both sides' models; each keeps its own
side, in the meeting's order (its order of precedence). ``PARTICIPANT_ROLE``
gives the whole record to the card delegate. A drop elsewhere in the list
becomes ``sig_move_requested``, which the panel turns into an undo command.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefing.people.names import shown_name
from briefing.people.records import ParticipantRecord
from ui.models.record_rows import RecordRows
from ui.models.row_moves import RowMoves

Index = QModelIndex | QPersistentModelIndex
PARTICIPANT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PARTICIPANT_ROLE = Qt.ItemDataRole.UserRole + 2


def role_line(p: ParticipantRecord) -> str:
    """The role, led by the capacity of anyone who is not a delegate: ``Interpreter · For the minister``."""
    if p.capacity == "delegate":
        return p.role
    return " · ".join(x for x in (p.capacity.capitalize(), p.role) if x)


def card_lines(p: ParticipantRecord) -> list[str]:
    """What a card says, line by line: name as shown (and native name), title, organization, role."""
    name = shown_name(p.person) + (f"  {p.person.native_name}" if p.person.native_name else "")
    return [name] + [x for x in (p.person.title, p.person.organization, role_line(p)) if x]


class ParticipantsListModel(RowMoves, RecordRows, QAbstractListModel):
    """The participants on ``side`` ("ours" or "theirs")."""

    sig_move_requested = Signal(int, int)
    """A participant was dropped elsewhere in this side: (participant id, index in the new order)."""

    def __init__(self, side: str, parent=None) -> None:
        super().__init__(parent)
        self.side = side

    def set_participants(self, participants: Sequence[ParticipantRecord]) -> None:
        """Show this side's participants (in place when they are the same people, in the same order)."""
        self.replace_records([p for p in participants if p.side == self.side])

    def participant(self, row: int) -> ParticipantRecord | None:
        return self.record(row)

    def person_ids(self) -> set[int]:
        """The people on this side."""
        return {p.person.id for p in self.records}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.record(index.row()) if index.isValid() else None
        if p is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_name(p.person)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(card_lines(p))
        if role == PARTICIPANT_ID_ROLE:
            return p.id
        if role == PARTICIPANT_ROLE:
            return p
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
