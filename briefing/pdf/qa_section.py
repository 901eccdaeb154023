"""The Q&A bank in the book (issue 13): a paper's "Anticipated questions" and "Press lines", and
the annex of every entry the meeting's papers use, grouped by issue. Pure, like ``story.py``."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable

from briefing.brief.records import Brief
from briefing.pdf import styles
from briefing.pdf.book import Book, under_heading
from briefing.pdf.options import BookOptions
from briefing.qa.records import QaEntryRecord

QA_ANNEX_TITLE = "Annex: questions and press lines"
#: The headings under a paper, by kind of entry.
KIND_HEADINGS = (("defensive", "Anticipated questions"), ("press", "Press lines"))
#: The annex's group of entries without an issue.
NO_ISSUE = "Not tied to an issue"


def entry(book: Book, e: QaEntryRecord, where: str) -> list[Flowable]:
    """One entry: the question in bold on its own line, kept with the answer below it."""
    at = f"{where} › {e.key}"
    out: list[Flowable] = [CondPageBreak(styles.KEEP_WITH_NEXT)]
    out += under_heading(book.md.render(e.question, at, style=styles.question))
    if e.answer.strip():
        out += under_heading(book.md.render(e.answer, f"{at} › answer"))
    return out


def paper_qa(book: Book, entries: Sequence[QaEntryRecord], where: str) -> list[Flowable]:
    """A paper's entries under "Anticipated questions" (defensive) and "Press lines" (press)."""
    out: list[Flowable] = []
    for kind, heading in KIND_HEADINGS:
        chosen = [e for e in entries if e.kind == kind]
        if not chosen:
            continue
        out += book.heading(heading)
        for number, e in enumerate(chosen):
            block = entry(book, e, f"{where} › {heading}")
            out += under_heading(block) if number == 0 else block
    return out


def annex_entries(brief: Brief) -> list[tuple[str, list[QaEntryRecord]]]:
    """Every entry the papers use, each once, grouped by issue (in paper order; no issue last)."""
    seen: set[int] = set()
    groups: dict[str, list[QaEntryRecord]] = {}
    titles = {n.issue_id: n.issue_title for n in brief.notes}
    for note in brief.notes:
        for e in brief.qa.get(note.id, ()):
            if e.id in seen:
                continue
            seen.add(e.id)
            title = e.issue_title or titles.get(e.issue_id) if e.issue_id is not None else None
            groups.setdefault(title or NO_ISSUE, []).append(e)
    if NO_ISSUE in groups:
        groups[NO_ISSUE] = groups.pop(NO_ISSUE)
    return list(groups.items())


def has_qa_annex(brief: Brief, options: BookOptions) -> bool:
    """Whether the book has the annex: chosen, and the papers use bank entries."""
    return options.has("qa_annex") and any(brief.qa.get(n.id) for n in brief.notes)


def qa_annex(book: Book) -> list[Flowable]:
    """Every entry used by the meeting, grouped by issue; in each group questions, then press lines."""
    out: list[Flowable] = [book.section("qa_annex", QA_ANNEX_TITLE)]
    for title, entries in annex_entries(book.brief):
        out += book.heading(title, styles.group) if title == NO_ISSUE else \
            [book.text(title, "Annex", styles.group)]
        out += under_heading(paper_qa(book, entries, f"Annex › {title}"))
    return out
