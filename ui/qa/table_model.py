"""``QaTableModel``: the Q&A bank as a table — issue, kind, status, question, answer (one line each)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from briefing.qa.records import QaEntryRecord
from ui.models.listing_table import Index, ListingTable
from ui.widgets.char_width import char_width

ISSUE, KIND, STATUS, QUESTION, ANSWER = range(5)
KIND_LABELS = {"defensive": "Question", "press": "Press line"}


def one_line(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut with an ellipsis past ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


class QaTableModel(ListingTable):
    """One row per bank entry; a retired one says so and is greyed."""

    HEADERS = {ISSUE: "Issue", KIND: "Kind", STATUS: "Status", QUESTION: "Question", ANSWER: "Answer"}

    def entry(self, row: int) -> QaEntryRecord | None:
        return self.record(row)

    def row_of(self, entry_id: int) -> int:
        return next((r for r, e in enumerate(self.records) if e.id == entry_id), -1)

    def cell(self, e: QaEntryRecord, column: int) -> str:
        if column == ISSUE:
            return e.issue_title or "—"
        if column == KIND:
            return KIND_LABELS.get(e.kind, e.kind)
        if column == STATUS:
            return e.status.capitalize() + (" · retired" if e.retired else "")
        if column == QUESTION:
            return one_line(e.question)
        return one_line(e.answer)

    def tooltip(self, e: QaEntryRecord, column: int) -> str:
        if column in (QUESTION, ANSWER):
            return f"{e.question}\n\n{e.answer}\n\n(key: {e.key})"
        return self.cell(e, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole:
            e = self.record(index.row()) if index.isValid() else None
            if e is not None and e.retired:
                from PySide6.QtGui import QPalette
                from PySide6.QtWidgets import QApplication

                return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                    QPalette.ColorRole.Text)
        return super().data(index, role)


def qa_table_view(parent: QWidget, model: QaTableModel, name: str) -> QTableView:
    """A read-only, one-row-at-a-time table of Q&A entries, its columns sized as every Q&A list
    sizes them (kind and status to their contents, the issue to 24 letters, the texts stretched)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    for column in (KIND, STATUS):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.resizeSection(ISSUE, char_width(parent.fontMetrics()) * 24)  # long titles elided
    for column in (QUESTION, ANSWER):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return view
