"""``IssueTimelineView``: one issue across the rounds — our objectives, their position, status per round."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from briefing.rounds.records import IssueTimeline
from ui.models.timeline_table import CHANGED, OBJECTIVES, ROUND, STATUS, THEIR_POSITION, TimelineTableModel
from ui.rounds.diff_cell import DiffCellDelegate
from ui.widgets.side_window import SideWindow

LEGEND = (f"Oldest round first. \u201c{CHANGED}\u201d: the text differs from the last round that had a "
          "note on this issue. Struck through: no longer there · Underlined: new in that round.")


class IssueTimelineView(SideWindow):
    """A window beside the main one (not modal) with the timeline of one issue."""

    def __init__(self, timeline: IssueTimeline, current_meeting_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"{timeline.issue_title} \u2014 across the rounds", LEGEND, parent,
                         heading=timeline.issue_title)
        self.model = TimelineTableModel(self)
        self.model.set_timeline(timeline, current_meeting_id)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.cells = DiffCellDelegate(self.view)  # only the changed words marked
        for column in (OBJECTIVES, THEIR_POSITION):
            self.view.setItemDelegateForColumn(column, self.cells)
        self.view.setAccessibleName("Rounds")
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in (ROUND, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (OBJECTIVES, THEIR_POSITION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.body.addWidget(self.view, 1)
        self.resize_to_text(150, 36)

    def rows(self) -> list[list[str]]:
        """What the table shows, row by row (as plain text)."""
        return [[self.model.index(r, c).data() or "" for c in range(self.model.columnCount())]
                for r in range(self.model.rowCount())]
