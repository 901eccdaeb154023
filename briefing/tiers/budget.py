"""Page budgets: the most pages a paper of each tier should take, and the papers that take more.

A meeting may set a budget per tier (``page_budget_full`` and so on, None for
none). After a layout the book's builder knows how many pages each paper took;
``overrun`` says whether that is over its tier's budget, and the message the
export's warnings carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.errors import ValidationError
from briefing.meetings.records import MeetingRecord

#: The largest budget a tier can have (a bigger number is a typing slip).
MAX_PAGES = 999
#: The words every over-budget warning carries (the app finds its markers by them).
BUDGET_WORDS = "papers' budget of"


def paper_place(issue_title: str) -> str:
    """Where a paper's warnings say they are: ``Issue paper “Steel”``."""
    return f"Issue paper “{issue_title}”"


def page_budget(field: str, value: object) -> int | None:
    """A page budget: a whole number of pages from 1 to ``MAX_PAGES``, or None (empty) for none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(field, f"must be a whole number of pages; got {value!r}")
    if not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValidationError(field, f"must be a whole number of pages; got {value!r}") from None
    if not 1 <= value <= MAX_PAGES:
        raise ValidationError(field, f"must be from 1 to {MAX_PAGES} pages (empty for no budget); "
                                     f"got {value}")
    return value


def budget_of(meeting: MeetingRecord, tier: str) -> int | None:
    """The meeting's page budget for papers of ``tier`` (None: none)."""
    return getattr(meeting, f"page_budget_{tier}", None)


@dataclass(frozen=True, slots=True)
class Overrun:
    """A paper that took more pages than its tier's budget."""

    note_id: int
    issue_title: str
    tier: str
    pages: int
    budget: int

    @property
    def message(self) -> str:
        """What the export's warnings say (after "Issue paper “…”: ")."""
        return (f"{self.pages} pages, over the {self.tier} {BUDGET_WORDS} {self.budget} "
                f"page{'s' if self.budget != 1 else ''}")


def overrun(note_id: int, issue_title: str, tier: str, pages: int, budget: int | None) -> Overrun | None:
    """The overrun of a paper of ``pages`` pages, or None when it keeps to ``budget`` (or has none)."""
    if budget is None or pages <= budget:
        return None
    return Overrun(note_id, issue_title, tier, pages, budget)
