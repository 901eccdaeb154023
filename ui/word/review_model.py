"""``ReviewTableModel``: a returned Word file's changes and comments, one row each, with the
decision taken on each change (accept, reject, or not yet).

A change that cannot be applied to the note as it is now (a conflict) says why and cannot be
accepted; a comment is there to be read. The model never writes: the dialog applies the
decisions as one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from briefing.vocabulary import SECTION_TITLES
from briefing.word.records import Review, ReviewItem, WordComment

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1  # the change's number; 0 for a comment

DECISION, NUMBER, SECTION, KIND, AUTHOR, DATE, TEXT = range(7)
HEADERS = ("Decision", "#", "Section", "Change", "Author", "Date", "Text")
ACCEPT, REJECT, UNDECIDED = "accept", "reject", ""
DECISION_TEXT = {ACCEPT: "Accept", REJECT: "Reject", UNDECIDED: ""}


def one_line(text: str) -> str:
    """A change's text on one line: a new paragraph is ¶, a line break ⏎."""
    return text.replace("\n\n", " ¶ ").replace("\n", " ⏎ ")


def when(date: str) -> str:
    """``2026-11-30T10:15:00Z`` → ``2026-11-30 10:15``."""
    return date.replace("T", " ")[:16] if date else ""


class ReviewTableModel(QAbstractTableModel):
    """The changes (in document order), then the comments."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ReviewItem | WordComment] = []
        self.decisions: dict[int, str] = {}

    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self.rows = [] if review is None else [*review.items, *review.comments]
        self.decisions = {}
        self.endResetModel()

    # -- decisions -------------------------------------------------------------------------

    def decide(self, numbers: list[int], decision: str) -> None:
        """Accept or reject the changes ``numbers`` (a conflict is never accepted)."""
        for row, item in enumerate(self.rows):
            if isinstance(item, ReviewItem) and item.change.number in numbers:
                if decision == ACCEPT and item.conflict:
                    continue
                self.decisions[item.change.number] = decision
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def accepted(self) -> list[int]:
        return sorted(n for n, d in self.decisions.items() if d == ACCEPT)

    def changes(self) -> list[int]:
        """The numbers of every change that can be applied."""
        return [i.change.number for i in self.rows if isinstance(i, ReviewItem) and not i.conflict]

    # -- the model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item = self.rows[index.row()]
        if role == NUMBER_ROLE:
            return item.change.number if isinstance(item, ReviewItem) else 0
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(item, ReviewItem):
                return item.reason or one_line(item.change.text)
            return f"On “{item.anchor}”: {item.text}" if item.anchor else item.text
        if role == Qt.ItemDataRole.FontRole and isinstance(item, ReviewItem) and item.conflict:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, item: ReviewItem | WordComment, column: int) -> str:
        if isinstance(item, WordComment):
            section = SECTION_TITLES.get(item.section or "", "")
            return {DECISION: "", NUMBER: item.label, SECTION: section, KIND: "comment",
                    AUTHOR: item.author, DATE: when(item.date),
                    TEXT: (f"on “{item.anchor}”: " if item.anchor else "") + one_line(item.text)
                    }[column]
        c = item.change
        decision = "Conflict" if item.conflict else DECISION_TEXT[self.decisions.get(c.number, "")]
        section = SECTION_TITLES.get(c.section or "", c.where)
        return {DECISION: decision, NUMBER: str(c.number), SECTION: section, KIND: c.kind,
                AUTHOR: c.author, DATE: when(c.date),
                TEXT: f"“{one_line(c.text)}”" + (f" — {item.reason}" if item.conflict else "")
                }[column]
