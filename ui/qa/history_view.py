"""``QaHistoryView``: a bank entry's earlier states, newest first — when each edit was saved, by whom,
and the question, answer and status it replaced. A window beside the bank (not modal)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from briefing.qa.records import QaEntryRecord, QaRevisionRecord
from ui.models.listing_table import ListingTable
from ui.qa.table_model import one_line
from ui.timefmt import day_time
from ui.widgets.char_width import char_width
from ui.widgets.side_window import SideWindow

SAVED, AUTHOR, STATUS, QUESTION, ANSWER = range(5)


class QaRevisionsModel(ListingTable):
    """One row per earlier state of the entry."""

    HEADERS = {SAVED: "Replaced", AUTHOR: "By", STATUS: "Status", QUESTION: "Question", ANSWER: "Answer"}

    def cell(self, r: QaRevisionRecord, column: int) -> str:
        if column == SAVED:
            return day_time(r.saved_at.astimezone())
        if column == AUTHOR:
            return r.author
        if column == STATUS:
            return r.status.capitalize()
        return one_line(r.question if column == QUESTION else r.answer)

    def tooltip(self, r: QaRevisionRecord, column: int) -> str:
        return f"{r.question}\n\n{r.answer}" if column in (QUESTION, ANSWER) else self.cell(r, column)


class QaHistoryView(SideWindow):
    """The history of one entry (empty: it was never edited)."""

    def __init__(self, entry: QaEntryRecord, revisions: list[QaRevisionRecord],
                 parent: QWidget | None = None) -> None:
        legend = ("Each row is the entry as it was before an edit, newest first; the entry now is "
                  "in the bank." if revisions else "This entry has not been edited since it was added.")
        super().__init__(f"History of Q&A entry “{entry.key}” — Briefbook", legend, parent,
                         heading=one_line(entry.question, 80))
        self.model = QaRevisionsModel(self)
        self.model.set_records(list(reversed(revisions)))
        view = QTableView(self)
        view.setModel(self.model)
        view.setAccessibleName("Earlier states")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        for column in (SAVED, AUTHOR, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (QUESTION, ANSWER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(view)
        metrics = self.fontMetrics()
        self.resize(char_width(metrics) * 130, metrics.lineSpacing() * 20)
