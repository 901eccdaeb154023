"""``SearchResultsModel``: a page of search results as one list, a heading row before each meeting's hits.

Rows are either a group heading (the meeting, newest round first, then People
and the Issue library) or a hit. Headings can be neither selected nor opened;
``hit_row_after`` gives the keyboard the next hit above or below a row. The
text of a row is plain: the delegate (``ui.search.hit_delegate``) marks the
matched words from ``SearchHit.marks``, never by reading the text as HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.search.records import SearchGroup, SearchHit, SearchResults

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 3


def hit_line(hit: SearchHit) -> str:
    """``Steel and aluminum › Their position``: where the hit is."""
    return f"{hit.context} › {hit.field_label}"


class SearchResultsModel(QAbstractListModel):
    """The rows of one ``SearchResults``; ``subtitle(group)`` says when a meeting took place."""

    def __init__(self, subtitle: Callable[[SearchGroup], str] = lambda group: "", parent=None) -> None:
        super().__init__(parent)
        self.subtitle = subtitle
        self.results: SearchResults | None = None
        self._rows: list[SearchGroup | SearchHit] = []

    def set_results(self, results: SearchResults | None) -> None:
        """Show ``results`` (None: nothing)."""
        self.beginResetModel()
        self.results = results
        self._rows = [row for group in (results.groups if results else ())
                      for row in (group, *group.hits)]
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        """The hit at ``row`` (None for a heading or outside the rows)."""
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return item if isinstance(item, SearchHit) else None

    def hit_count(self) -> int:
        return sum(isinstance(row, SearchHit) for row in self._rows)

    def hit_row_after(self, row: int, step: int) -> int:
        """The next hit's row from ``row`` going ``step`` (±n hits); it stays on the first or last hit."""
        rows = [r for r, item in enumerate(self._rows) if isinstance(item, SearchHit)]
        if not rows:
            return -1
        if row not in rows:
            return rows[0] if step > 0 else rows[-1]
        return rows[max(0, min(len(rows) - 1, rows.index(row) + step))]

    # -- QAbstractListModel ----------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if isinstance(item, SearchGroup):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return item.title
            if role == SUBTITLE_ROLE:
                return self.subtitle(item)
            if role == GROUP_ROLE:
                return item
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit_line(item)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{hit_line(item)}: {item.snippet}"
        if role == SUBTITLE_ROLE:
            return item.snippet
        if role == HIT_ROLE:
            return item
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], SearchGroup):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
