"""``TimelineTableModel``: one issue across the rounds of a negotiation, a row per round, oldest first.

Columns: the round (name, date, meeting status), the note's status and
priority that round, our objectives and their position. A text that changed
since the last round with a note starts with ``CHANGED`` (so that the change
reads without colour) and gives its word diff (``RUNS_ROLE``), which the view
draws with only the changed words struck out or underlined; a round where the
issue was not on the table says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.revisions.diff import word_diff
from briefing.rounds.records import IssueTimeline, RoundEntry
from ui.timefmt import in_zone, short_date

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ROUND, STATUS, OBJECTIVES, THEIR_POSITION = range(4)
HEADERS = {ROUND: "Round", STATUS: "Note", OBJECTIVES: "Our objectives", THEIR_POSITION: "Their position"}
#: The first line of a text that changed since the last round with a note.
CHANGED = "\u25b2 Changed since the last round"
NOT_ON_THE_TABLE = "Not on the table this round"
#: A changed text's word diff against the last round with a note (``DiffRun``s), for the delegate
#: that strikes out and underlines only the words that changed.
RUNS_ROLE = Qt.ItemDataRole.UserRole + 1


def round_name(entry: RoundEntry) -> str:
    return f"Round {entry.round_no}" if entry.round_no else "Launch"


class TimelineTableModel(QAbstractTableModel):
    """The rounds of one ``IssueTimeline``; ``current_meeting_id``'s row is marked "this meeting"."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.timeline: IssueTimeline | None = None
        self.current_meeting_id: int | None = None

    def set_timeline(self, timeline: IssueTimeline | None, current_meeting_id: int | None = None) -> None:
        self.beginResetModel()
        self.timeline = timeline
        self.current_meeting_id = current_meeting_id
        self.endResetModel()

    def entry(self, row: int) -> RoundEntry | None:
        rounds = self.timeline.rounds if self.timeline else ()
        return rounds[row] if 0 <= row < len(rounds) else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() or self.timeline is None else len(self.timeline.rounds)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, column)
        if role == RUNS_ROLE and self._changed(entry, column):
            before = self._last_noted(index.row())
            field = "objectives" if column == OBJECTIVES else "their_position"
            return word_diff(getattr(before, field) if before else "", getattr(entry, field))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _text(self, entry: RoundEntry, column: int) -> str:
        if column == ROUND:
            here = " (this meeting)" if entry.meeting_id == self.current_meeting_id else ""
            status = entry.meeting_status.capitalize()
            day = short_date(in_zone(entry.starts_at, entry.timezone))
            return f"{round_name(entry)}{here}\n{day}\n{status}"
        if entry.note_id is None:
            return NOT_ON_THE_TABLE if column == STATUS else ""
        if column == STATUS:
            return f"{(entry.status or '').capitalize()}\n{entry.priority} priority"
        text = entry.objectives if column == OBJECTIVES else entry.their_position
        body = text.strip() or "(empty)"
        return f"{CHANGED}\n{body}" if self._changed(entry, column) else body

    def _last_noted(self, row: int) -> RoundEntry | None:
        """The last round before ``row`` with a note on the issue (what a change is against)."""
        for earlier in range(row - 1, -1, -1):
            entry = self.entry(earlier)
            if entry is not None and entry.note_id is not None:
                return entry
        return None

    @staticmethod
    def _changed(entry: RoundEntry, column: int) -> bool:
        return ((column == OBJECTIVES and entry.objectives_changed)
                or (column == THEIR_POSITION and entry.their_position_changed))
