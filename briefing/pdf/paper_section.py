"""An issue paper in the book: its header box, its sections, Q&A set as questions and answers,
red lines in a panel, its numbered sources. Pure, like ``story.py``, which lays the papers out."""

from __future__ import annotations

import re
from collections.abc import Callable

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Table,
    TableStyle,
)

from briefing.notes.records import NoteRecord
from briefing.pdf import styles
from briefing.pdf.book import Book, paper_key, source_anchor, under_heading
from briefing.pdf.flowables import BookParagraph, panel
from briefing.pdf.templates import OutlineEntry, with_outline
from briefing.pdf.typeset import escape
from briefing.vocabulary import NOTE_SECTIONS


def draft_tag(book: Book) -> str:
    """The "DRAFT" tag of a paper not yet cleared (the builder's own word, bold, in red)."""
    return f'<font color="{styles.DRAFT_HEX}" size="{styles.DRAFT_SIZE}">' \
           f'{book.ts.markup("DRAFT", "", bold=True)}</font>'


def paper(book: Book, *, note: NoteRecord) -> list[Flowable]:
    """One issue paper: header box, its sections, red lines boxed, its sources."""
    where = f"Issue paper “{note.issue_title}”"
    entries: list[OutlineEntry] = []
    if note is book.brief.notes[0]:
        entries.append(("papers", "Issue papers", 0))
    entries.append((paper_key(note), note.issue_title, 1))
    out: list[Flowable] = [with_outline(_header_box(book, note, where), *entries)]

    def sources(number: int) -> str | None:
        return source_anchor(note, number) if 1 <= number <= len(note.sources) else None

    for field, heading in NOTE_SECTIONS:
        text = note.section(field)
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
        if field == "defensives":
            out += under_heading(questions_and_answers(book, text, at, sources))
        else:
            out += under_heading(book.md.render(text, at, numbered=field == "talking_points",
                                                sources=sources))
    if note.sources:
        out += book.heading("Sources")
        for number, src in enumerate(note.sources, 1):
            out.append(_source(book, note, number, src, f"{where} › Sources [{number}]"))
    return out


def _header_box(book: Book, note: NoteRecord, where: str) -> Table:
    m = book.brief.meeting
    meta = [f"Status: {note.status.capitalize()}", f"Priority: {note.priority.capitalize()}",
            "Launch" if m.round_no == 0 else f"Round {m.round_no}"]
    meta_markup = " · ".join(book.ts.markup(x, where) for x in meta)
    if note.owner:
        meta_markup += " · " + book.ts.markup(f"Owner: {note.owner}", where)
    title = book.ts.markup(note.issue_title, where, bold=True)
    if note.status == "draft":
        title += "  " + draft_tag(book)
    box = Table([[BookParagraph(title, styles.issue)],
                 [BookParagraph(meta_markup, styles.issue_meta)]], colWidths=[book.width])
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
