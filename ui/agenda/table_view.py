"""``AgendaTableView``: the agenda table, reorderable by drag and drop, editable in place."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from ui.models.agenda_table import ISSUE, LEAD, MINUTES, OUTCOME, START_HOME, START_VENUE, STATUS, TITLE
from ui.widgets.row_table import ReorderableTableView

#: How the width left after times, minutes and status is shared.
TEXT_SHARES = {TITLE: 0.38, LEAD: 0.18, ISSUE: 0.26, OUTCOME: 0.18}


class AgendaTableView(ReorderableTableView):
    """Whole rows are selected and dragged; typing on a cell starts editing it. The title gets the
    largest share of the width and the user may drag the text columns' edges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Agenda", parent)

    def set_column_sizes(self) -> None:
        """Times, minutes and status fit their contents; the text columns share the rest."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (START_VENUE, START_HOME, MINUTES, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in TEXT_SHARES:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._share_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        """Give the text columns the width left, the title the largest part (the user may drag)."""
        header = self.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in TEXT_SHARES)
        free = self.viewport().width() - fixed
        minimum = self.fontMetrics().averageCharWidth() * 8
        for column, share in TEXT_SHARES.items():
            header.resizeSection(column, max(minimum, int(free * share)))
