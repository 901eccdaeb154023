"""An issue paper in the book: its header box, its sections, Q&A set as questions and answers,
red lines in a panel, its numbered sources. Pure, like ``story.py``, which lays the papers out."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Table,
    TableStyle,
)

from briefing.notes.records import NoteRecord
from briefing.pdf import styles
from briefing.pdf.book import Book, paper_key, source_anchor, under_heading
from briefing.pdf.budget_marks import budget_marks
from briefing.pdf.flowables import BookParagraph, panel
from briefing.pdf.positions_section import state_line
from briefing.pdf.qa_section import paper_qa
from briefing.pdf.templates import OutlineEntry, with_outline
from briefing.pdf.typeset import escape
from briefing.tiers.budget import budget_of
from briefing.vocabulary import NOTE_SECTIONS, TIER_TITLES


def draft_tag(book: Book) -> str:
    """The "DRAFT" tag of a paper not yet cleared (the builder's own word, bold, in red)."""
    return f'<font color="{styles.DRAFT_HEX}" size="{styles.DRAFT_SIZE}">' \
           f'{book.ts.markup("DRAFT", "", bold=True)}</font>'


#: The sections each tier prints (issue 13): the whole paper; objectives, talking points and its
#: Q&A; its Q&A only (the defensive Q&A section and the bank's entries).
TIER_SECTIONS: dict[str, tuple[str, ...]] = {
    "full": tuple(field for field, _ in NOTE_SECTIONS),
    "short": ("objectives", "talking_points", "defensives"),
    "defensive": ("defensives",),
}


def grouped_by_tier(notes: Sequence[NoteRecord]) -> bool:
    """Whether the contents group the papers by tier: when they are of more than one tier."""
    return len({n.tier for n in notes}) > 1


def paper_entries(notes: Sequence[NoteRecord], note: NoteRecord) -> list[OutlineEntry]:
    """The contents (and outline) entries a paper opens: "Issue papers" before the first, its tier's
    group ("Short papers") before the first of a tier when grouped, then the paper itself."""
    entries: list[OutlineEntry] = []
    if note is notes[0]:
        entries.append(("papers", "Issue papers", 0))
    if not grouped_by_tier(notes):
        return [*entries, (paper_key(note), note.issue_title, 1)]
    if next(n for n in notes if n.tier == note.tier) is note:
        entries.append((f"tier-{note.tier}", TIER_TITLES.get(note.tier, note.tier), 1))
    return [*entries, (paper_key(note), note.issue_title, 2)]


def paper(book: Book, *, note: NoteRecord) -> list[Flowable]:
    """One issue paper at its tier: header box, its sections, its Q&A bank entries, red lines
    boxed, its sources; marks that count its pages when its tier has a page budget."""
    where = f"Issue paper “{note.issue_title}”"
    entries = paper_entries(book.brief.notes, note)
    out: list[Flowable] = [with_outline(_header_box(book, note, where), *entries)]
    tier = note.tier if note.tier in TIER_SECTIONS else "full"
    printed = TIER_SECTIONS[tier]
    cited = tier != "defensive"

    def sources(number: int) -> str | None:
        return source_anchor(note, number) if cited and 1 <= number <= len(note.sources) else None

    for field, heading in NOTE_SECTIONS:
        if field not in printed:
            continue
        text = note.section(field)
        if field == "defensives":
            if text.strip():
                out += book.heading(heading)
                out += under_heading(questions_and_answers(book, text, f"{where} › {heading}", sources))
            out += paper_qa(book, book.brief.qa.get(note.id, ()), where)
            continue
        if not text.strip():
            continue
        at = f"{where} › {heading}"
        if field == "red_lines":
            if book.options.has("red_lines"):
                body = book.md.render(text, at, sources=sources)
                out += [CondPageBreak(styles.KEEP_WITH_NEXT),
                        *panel(book.label(heading, styles.red_lines_heading), body)]
            continue
        out += book.heading(heading)
        out += under_heading(book.md.render(text, at, numbered=field == "talking_points",
                                            sources=sources))
    if note.sources and cited:
        out += book.heading("Sources")
        for number, src in enumerate(note.sources, 1):
            out.append(_source(book, note, number, src, f"{where} › Sources [{number}]"))
    marks = budget_marks(note, budget_of(book.brief.meeting, tier), book.ts, where)
    if marks is not None:
        out = [marks[0], *out, marks[1]]
    return out


def _header_box(book: Book, note: NoteRecord, where: str) -> Table:
    m = book.brief.meeting
    meta = [f"Status: {note.status.capitalize()}", f"Priority: {note.priority.capitalize()}",
            "Launch" if m.round_no == 0 else f"Round {m.round_no}"]
    if note.tier in TIER_TITLES and note.tier != "full":
        meta.append(f"{note.tier.capitalize()} paper")
    meta_markup = " · ".join(book.ts.markup(x, where) for x in meta)
    if note.owner:
        meta_markup += " · " + book.ts.markup(f"Owner: {note.owner}", where)
    title = book.ts.markup(note.issue_title, where, bold=True)
    if note.status == "draft":
        title += "  " + draft_tag(book)
    rows = [[BookParagraph(title, styles.issue)], [BookParagraph(meta_markup, styles.issue_meta)]]
    position = state_line(book, note.issue_id, where)  # the paper opens with where the issue stands
    if position is not None:
        rows.append([BookParagraph(position, styles.issue_meta)])
    box = Table(rows, colWidths=[book.width])
    box.setStyle(TableStyle([
        *styles.TABLE_BASE,
        ("BACKGROUND", (0, 0), (-1, -1), styles.HEADER_FILL),
        ("LINEABOVE", (0, 0), (-1, 0), 2, styles.ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
    ]))
    box.spaceAfter = 4
    return box


#: A question of the defensive Q&A: a line that starts ``Q:`` (``**Q:``, ``Q.`` too).
_QUESTION = re.compile(r"^ {0,3}(?:[*_]{1,3})?\s*Q\s*[:.]", re.IGNORECASE)


_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def questions_and_answers(book: Book, text: str, where: str,
                          sources: Callable[[int], str | None]) -> list[Flowable]:
    """The defensive Q&A: each ``Q:`` line on a line of its own in bold, kept with the answer
    below it; the rest is Markdown as typed (a code fence is never cut at a ``Q:`` line)."""
    out: list[Flowable] = []
    rest: list[str] = []
    fenced = False

    def flush() -> None:
        if rest:
            out.extend(book.md.render("\n".join(rest), where, sources=sources))
            rest.clear()

    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and _QUESTION.match(line):
            flush()
            out += [CondPageBreak(styles.KEEP_WITH_NEXT),
                    *book.md.render(line.strip(), where, style=styles.question, sources=sources)]
        else:
            rest.append(line)
    flush()
    return out


def _source(book: Book, note: NoteRecord, number: int, src, where: str) -> BookParagraph:
    parts = [f'<a name="{source_anchor(note, number)}"/>[{number}] ',
             "<b>" + book.ts.markup(src.title, where, bold=True) + "</b>"]
    detail = ", ".join(x for x in (src.publisher, src.date) if x)
    if detail:
        parts.append(". " + book.ts.markup(detail, where))
    if src.url:
        url = book.ts.markup(src.url, where)
        if src.url.startswith(("http://", "https://")):
            url = f'<a href="{escape(src.url)}" color="{styles.LINK_HEX}">{url}</a>'
        parts.append(". " + url)
    return BookParagraph("".join(parts), styles.source)
