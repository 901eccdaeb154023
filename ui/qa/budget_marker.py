"""``BudgetMarker``: on a note, "Over its page budget: 3 pages (full papers: 2)" after the last layout
of its meeting's book (an export or the preview) found its paper over its tier's budget."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from briefing.notes.records import NoteRecord
from briefing.tiers.budget import BUDGET_WORDS, paper_place
from ui.context import AppContext


def overruns(warnings: Iterable[object]) -> dict[str, str]:
    """The papers over budget in a layout's warnings: where (``Issue paper “…”``) → what it says."""
    return {w.where: w.message for w in warnings
            if getattr(w, "where", "") and BUDGET_WORDS in getattr(w, "message", "")}


class BudgetMarker(QLabel):
    """Shown on a note whose paper went over its budget in its meeting's last laid-out book."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Page budget")
        self.setStyleSheet("color: palette(link); font-weight: bold;")
        self.note: NoteRecord | None = None
        self.last: dict[int, dict[str, str]] = {}  # meeting id → its last layout's overruns
        ctx.events.sig_book_laid_out.connect(self._laid_out)
        self.hide()

    def _laid_out(self, meeting_id: int, warnings: object) -> None:
        self.last[meeting_id] = overruns(warnings or ())
        self.show_for(self.note)

    def show_for(self, note: NoteRecord | None) -> None:
        self.note = note
        message = None
        if note is not None:
            message = self.last.get(note.meeting_id, {}).get(paper_place(note.issue_title))
        self.setText(f"Over its page budget: {message} (last layout)" if message else "")
        self.setToolTip("The last export or preview of this meeting's book laid this paper out on "
                        "more pages than its tier's budget (Overview)" if message else "")
        self.setVisible(bool(message))
