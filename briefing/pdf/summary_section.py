"""The book's one-page summary for the principal, right after the cover.

The meeting's objectives; per issue one line of our ask (the first sentence of
the note's objectives) and, when the book has red lines, its red line; and the
key people on their side. It is one page: long texts are cut to a sentence
(with an ellipsis past ``ASK_MAX`` characters) and what still does not fit is
shrunk, never continued.
"""

from __future__ import annotations

import re

from reportlab.platypus import Flowable, KeepInFrame, Spacer, TableStyle

from briefing.brief.records import Brief
from briefing.notes.records import NoteRecord
from briefing.pdf import styles
from briefing.pdf.book import Book, cut, paper_key
from briefing.pdf.flowables import BookParagraph, RowKeepingTable
from briefing.pdf.options import BookOptions

SUMMARY_TITLE = "Summary for the principal"
#: An ask or a red line longer than this (characters) is cut with an ellipsis.
ASK_MAX = 220
#: The objectives of the meeting are cut (with an ellipsis) past this many characters.
OBJECTIVES_MAX = 900
#: Their side's people listed at most (the first, as the participants list orders them).
PEOPLE_MAX = 8

_MARKUP = re.compile(r"^\s{0,3}(?:[-*+]\s+|\d{1,3}[.)]\s+|#{1,6}\s+|>\s*)+")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+(?=[A-Z0-9\"“‘(])|(?<=。)")


def has_summary(brief: Brief, options: BookOptions) -> bool:
    """Whether the book has the summary page: chosen, and the meeting has issue notes."""
    return options.has("summary") and bool(brief.notes)


def first_sentence(text: str) -> str:
    """The first line of ``text`` without its list or heading marker, up to its first sentence."""
    for line in text.splitlines():
        line = _MARKUP.sub("", line).strip()
        if line:
            return _SENTENCE_END.split(line, maxsplit=1)[0]
    return ""


def summary(book: Book) -> list[Flowable]:
    """The summary page: objectives, our ask (and red line) per issue, their key people."""
    m = book.brief.meeting
    heading = book.section("summary", SUMMARY_TITLE)
    body: list[Flowable] = []
    if m.objectives.strip():
        body += book.heading("Objectives of the meeting")
        body += book.md.render(cut(m.objectives.strip(), OBJECTIVES_MAX), "Summary › Objectives",
                               style=styles.small)
    body += book.heading("Our ask, issue by issue")
    body.append(_asks(book))
    theirs = [p for p in book.brief.participants if p.side == "theirs"]
    if theirs:
        body += book.heading("Key people on their side")
        for p in theirs[:PEOPLE_MAX]:
            where = f"Summary › {p.person.name}"
            name = book.ts.markup(p.person.name, where, bold=True)
            if p.person.native_name:
                name += "  " + book.ts.markup(p.person.native_name, where, bold=True)
            role = " · ".join(x for x in (p.role, p.person.title, p.person.organization) if x)
            if role:
                name += " — " + book.ts.markup(cut(role, ASK_MAX), where)
            body.append(BookParagraph(name, styles.small))
        if len(theirs) > PEOPLE_MAX:
            body.append(book.label(f"and {len(theirs) - PEOPLE_MAX} more (see Participants)",
                                   styles.muted))
    room = book.frame_height - heading.wrap(book.width, book.frame_height)[1] - 12
    return [heading, KeepInFrame(book.width, room, body, mode="shrink")]


def _asks(book: Book) -> RowKeepingTable:
    red_lines = book.options.has("red_lines")
    head = ["Issue", "Our ask"] + (["Red line"] if red_lines else [])
    rows: list[list] = [head]
    for note in book.brief.notes:
        rows.append(_ask_row(book, note, red_lines))
    widths = [130.0, book.width - 130.0]
    if red_lines:
        widths = [120.0, (book.width - 120.0) * 0.55, (book.width - 120.0) * 0.45]
    table = RowKeepingTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        *styles.TABLE_BASE,
        ("FONTNAME", (0, 0), (-1, 0), styles.BODY_BOLD),
        ("FONTSIZE", (0, 0), (-1, 0), 8.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), styles.ACCENT),
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_FILL),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, styles.ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, styles.ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _ask_row(book: Book, note: NoteRecord, red_lines: bool) -> list:
    where = f"Summary › {note.issue_title}"
    title = book.ts.markup(note.issue_title, where)
    link = title
    if book.options.has("papers"):
        link = f'<a href="#{paper_key(note)}" color="{styles.LINK_HEX}">{title}</a>'
    row: list = [BookParagraph(link, styles.cell),
                 _line(book, cut(first_sentence(note.objectives), ASK_MAX), where)]
    if red_lines:
        row.append(_line(book, cut(first_sentence(note.red_lines), ASK_MAX), where))
    return row


def _line(book: Book, text: str, where: str) -> list[Flowable]:
    if not text:
        return [Spacer(1, 1)]
    return book.md.render(text, where, style=styles.cell, in_cell=True) or [Spacer(1, 1)]
