"""Page budgets in the layout (issue 13): two marks, invisible and of no size, at the start and
the end of an issue paper; when the end is drawn, the pages between them are counted and a paper
over its tier's budget is reported among the export's warnings (``briefing.tiers.budget``).

The count is made while the book is laid out, in whichever process lays the paper out (a paper
is never split between the processes of a parallel layout), so it needs no second pass.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from briefing.notes.records import NoteRecord
from briefing.pdf.typeset import Typesetter
from briefing.tiers.budget import overrun


class PaperStart(Flowable):
    """Marks the page a paper starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.page: int | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


class PaperEnd(Flowable):
    """Marks the page a paper ends on; reports the paper when it is over ``budget`` pages."""

    def __init__(self, start: PaperStart, note: NoteRecord, budget: int | None, ts: Typesetter,
                 where: str) -> None:
        super().__init__()
        self.start, self.note, self.budget, self.ts, self.where = start, note, budget, ts, where

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.start.page is None:
            return
        pages = self.canv.getPageNumber() - self.start.page + 1
        over = overrun(self.note.id, self.note.issue_title, self.note.tier, pages, self.budget)
        if over is not None:
            self.ts.warn(self.where, over.message)


def budget_marks(note: NoteRecord, budget: int | None, ts: Typesetter,
                 where: str) -> tuple[PaperStart, PaperEnd] | None:
    """The two marks of a paper (None when its tier has no budget)."""
    if budget is None:
        return None
    start = PaperStart()
    return start, PaperEnd(start, note, budget, ts, where)
