"""The meeting record as a PDF, in the book's house style: ``render_record(brief, options, out)``.

Date, place and participants; per agenda item what was said, what was agreed
and what stays open; the action items; the positions that moved (their state
in the previous round against this one's). The same page furniture as the book
(marking banners, running line, "Page X of Y") and the same Markdown renderer;
nothing here touches the store.
"""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer, TableStyle

from briefing.brief.records import Brief
from briefing.markings.ladder import Ladder
from briefing.output import write_atomically
from briefing.pdf import styles
from briefing.pdf.book import Book
from briefing.pdf.cover_section import time_span
from briefing.pdf.flowables import BookParagraph, RowKeepingTable
from briefing.pdf.fonts import register_fonts
from briefing.pdf.options import BookOptions
from briefing.pdf.positions_section import STATE_INKS
from briefing.pdf.render import ExportResult, released
from briefing.pdf.story import actions
from briefing.pdf.templates import book_template, with_outline
from briefing.pdf.typeset import Typesetter
from briefing.positions.records import STATE_TITLES

RECORD_TITLE = "Meeting record"
#: The record's parts, for its outline: (key, title).
PARTS = (("record-items", "What was said, agreed and left open"), ("actions", "Action items"),
         ("record-moved", "Positions that moved"))


def render_record(brief: Brief, options: BookOptions, out: str | os.PathLike | BinaryIO, *,
                  ladder: Ladder | None = None) -> ExportResult:
    """Write the record of ``brief``'s meeting to ``out`` (a path or a binary file object)."""
    ladder = ladder or Ladder()
    brief, options = released(brief, options, ladder)  # a release copy (--up-to) withholds here too
    ts = Typesetter(register_fonts())
    book = Book(brief, options, ts, options.pagesize[0] - 2 * styles.MARGIN, ladder)
    buffer = BytesIO()
    doc = book_template(buffer, brief, options, ts, ladder, None, None)
    doc.build(record_story(book))
    data = buffer.getvalue()
    path = None
    if hasattr(out, "write"):
        out.write(data)  # type: ignore[union-attr]
    else:
        path = Path(out)
        write_atomically(path, data)
    return ExportResult(doc.page_count, ts.warnings, path=path)


def record_story(book: Book) -> list[Flowable]:
    """The record's flowables: head, items, actions, positions that moved."""
    m = book.brief.meeting
    round_name = "Launch" if m.round_no == 0 else f"Round {m.round_no}"
    out: list[Flowable] = [
        book.label(f"MEETING RECORD · {round_name.upper()}", styles.cover_label),
        with_outline(book.text(m.title, "Record", styles.section), ("record", RECORD_TITLE, 0)),
    ]
    facts = [("Date", time_span(m.starts_at, m.ends_at, m.timezone)), ("Place", m.location),
             ("Counterpart", m.counterpart)]
    for label, value in facts:
        if value:
            out.append(BookParagraph(book.ts.markup(f"{label}: ", "", bold=True)
                                     + book.ts.markup(value, f"Record › {label}"), styles.small))
    for side, title in (("ours", "Our delegation"), ("theirs", "Their delegation")):
        people = [p for p in book.brief.participants if p.side == side]
        if people:
            names = "; ".join(" — ".join(x for x in (p.person.name, p.role) if x) for p in people)
            out.append(BookParagraph(book.ts.markup(f"{title}: ", "", bold=True)
                                     + book.ts.markup(names, f"Record › {title}"), styles.small))
    out.append(Spacer(1, 6))
    out += _items(book)
    out.append(Spacer(1, 10))
    out += actions(book)
    out += _moved(book)
    return out


def _items(book: Book) -> list[Flowable]:
    key, title = PARTS[0]
    out: list[Flowable] = [with_outline(book.label(title, styles.subsection), (key, title, 1))]
    written = False
    for number, slot in enumerate(book.brief.schedule.slots, 1):
        item = slot.item
        parts = [("Said", item.record), ("Agreed", item.agreed), ("Open", item.open_points)]
        if not any(text.strip() for _, text in parts):
            continue
        written = True
        where = f"Record › item {number}"
        out.append(book.text(f"{number}. {item.title}", where, styles.issue_meta))
        for label, text in parts:
            if text.strip():
                out.append(book.label(label.upper(), styles.cell_head))
                out += book.md.render(text, f"{where} › {label}", style=styles.small)
    if not written:
        out.append(book.label("Nothing was recorded.", styles.muted))
    return out


def _moved(book: Book) -> list[Flowable]:
    key, title = PARTS[2]
    m = book.brief.meeting
    before = book.brief.previous_states
    moved = [p for p in book.brief.positions
             if p.id is not None and p.since_round == m.round_no and before.get(p.issue_id) != p.state]
    out: list[Flowable] = [Spacer(1, 10),
                           with_outline(book.label(title, styles.subsection), (key, title, 1))]
    if not moved:
        return [*out, book.label("No position moved in this round.", styles.muted)]
    rows: list[list] = [[book.label(h, styles.cell_head) for h in ("Issue", "Before", "Now")]]
    for p in moved:
        where = f"Record › {p.issue_title}"
        was = before.get(p.issue_id)
        now = book.ts.markup(STATE_TITLES.get(p.state, p.state), where, bold=True)
        rows.append([book.text(p.issue_title, where, styles.cell),
                     book.label(STATE_TITLES.get(was, "—") if was else "—", styles.cell_muted),
                     BookParagraph(f'<font color="{STATE_INKS.get(p.state, "#000000")}">{now}</font>',
                                   styles.cell)])
    table = RowKeepingTable(rows, colWidths=[book.width - 200, 100, 100], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([*styles.TABLE_BASE, ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_FILL),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, styles.ZEBRA]),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, styles.ACCENT),
                               ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [*out, table]
