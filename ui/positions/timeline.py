"""One issue's positions across every round of the negotiation, oldest first, in a dialog."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from briefing.positions.records import STATE_TITLES, PositionStep
from ui.positions.chips import StateChipDelegate
from ui.positions.model import STATE_ROLE, since_text
from ui.timefmt import short_date, shown_in
from ui.widgets.char_width import char_width

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ROUND, MEETING, STATE, SINCE, OURS, THEIRS = range(6)
HEADERS = ("Round", "Meeting", "State", "Since", "Our position", "Their position")


def round_text(round_no: int) -> str:
    return "Launch" if round_no == 0 else f"Round {round_no}"


class PositionTimelineModel(QAbstractTableModel):
    """One row per round of the negotiation: the issue's state there (— when none was kept).

    ``zones`` names each meeting's venue zone (by meeting id): its date reads there, as
    everywhere else in the window (UTC for a meeting it does not name)."""

    def __init__(self, steps: Sequence[PositionStep] = (), parent=None, *,
                 zones: Mapping[int, str] | None = None) -> None:
        super().__init__(parent)
        self.steps = list(steps)
        self.zones = dict(zones or {})

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.steps):
            return None
        step = self.steps[index.row()]
        column = index.column()
        if role == STATE_ROLE:
            return step.state or ""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == ROUND:
            return round_text(step.round_no)
        if column == MEETING:
            day = shown_in(step.starts_at, self.zones.get(step.meeting_id, "UTC"), short_date)
            return f"{step.meeting_title} · {day}"
        if column == STATE:
            return STATE_TITLES.get(step.state, "—") if step.state else "—"
        if column == SINCE:
            return since_text(step.since_round) if step.since_round is not None else ""
        return step.ours if column == OURS else step.theirs


class PositionTimelineDialog(QDialog):
    """The timeline of one issue (read only)."""

    def __init__(self, issue_title: str, steps: Sequence[PositionStep],
                 parent: QWidget | None = None, *, zones: Mapping[int, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{issue_title} across the rounds")
        self.model = PositionTimelineModel(steps, self, zones=zones)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Position timeline")
        self.view.setItemDelegateForColumn(STATE, StateChipDelegate(self.view))
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for column in (ROUND, STATE, SINCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (MEETING, OURS, THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.view.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Where “{issue_title}” stood in each round, oldest first.", self))
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(char_width(self.fontMetrics()) * 130, self.fontMetrics().height() * 22)
