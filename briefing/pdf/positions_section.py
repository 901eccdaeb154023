"""The positions matrix: one page, right after the contents, of where each issue stands.

Per issue: its state (a coloured chip), the round since which it holds, our
position and theirs, each cut to what fits on one line of its column; a cut
text ends "… see paper" (a link to the issue's paper when the book has it). The page never continues: what
still does not fit is shrunk. Issue papers open with the same state line
(``state_line``).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepInFrame, TableStyle

from briefing.brief.records import Brief
from briefing.pdf import styles
from briefing.pdf.book import Book, paper_key
from briefing.pdf.flowables import BookParagraph, RowKeepingTable
from briefing.pdf.options import BookOptions
from briefing.pdf.summary_section import first_sentence
from briefing.positions.records import STATE_TITLES, PositionRecord

POSITIONS_TITLE = "Where each issue stands"
#: The matrix's text style: smaller than a table cell, so that a line holds more.
LINE_STYLE = ParagraphStyle("position_line", parent=styles.cell, fontSize=8.5, leading=11)
#: Column widths (points) of issue, state and since; ours and theirs share the rest.
FIXED_WIDTHS = (96.0, 60.0, 48.0)
PADDING = 12.0  # a cell's left and right padding together
#: No line of a column holds more words than this: a 50-page paste is not laid out whole.
WORDS_SCANNED = 60
#: The state chips' colours: fill and text (the same hues as the app's Positions tab).
STATE_FILLS = {
    "open": colors.HexColor("#e8eef7"), "bracketed": colors.HexColor("#fbecc8"),
    "agreed": colors.HexColor("#d9f0dc"), "dropped": colors.HexColor("#e6e6e6"),
}
STATE_INKS = {"open": "#1b4f9c", "bracketed": "#8a5a00", "agreed": "#1e6b2e", "dropped": "#555555"}


def has_positions(brief: Brief, options: BookOptions) -> bool:
    """Whether the book has the matrix: chosen, and the meeting has issues."""
    return options.has("positions") and bool(brief.positions)


def since_text(brief: Brief, p: PositionRecord) -> str:
    """"since round 2" ("since the launch" for round 0)."""
    return "since the launch" if p.since_round == 0 else f"since round {p.since_round}"


def state_line(book: Book, issue_id: int, where: str) -> str | None:
    """Markup of "Position: Bracketed since round 2" for an issue paper's header (None: no issue)."""
    p = next((p for p in book.brief.positions if p.issue_id == issue_id), None)
    if p is None:
        return None
    ink = STATE_INKS.get(p.state, "#000000")
    state = book.ts.markup(STATE_TITLES.get(p.state, p.state), where, bold=True)
    return (book.ts.markup("Position: ", where) + f'<font color="{ink}">{state}</font> '
            + book.ts.markup(since_text(book.brief, p), where))


def positions_matrix(book: Book) -> list[Flowable]:
    """The matrix page: issue, state, since, ours, theirs; one line each, one page."""
    heading = book.section("positions", POSITIONS_TITLE)
    papers = {n.issue_id: n for n in book.brief.notes} if book.options.has("papers") else {}
    rows: list[list] = [[book.label(h, styles.cell_head)
                         for h in ("Issue", "State", "Since", "Ours", "Theirs")]]
    style: list[tuple] = []
    text_width = (book.width - sum(FIXED_WIDTHS)) / 2
    for index, p in enumerate(book.brief.positions, start=1):
        where = f"Positions › {p.issue_title}"
        note = papers.get(p.issue_id)
        title = book.ts.markup(p.issue_title, where)
        if note is not None:
            title = f'<a href="#{paper_key(note)}" color="{styles.LINK_HEX}">{title}</a>'
        ink = STATE_INKS.get(p.state, "#000000")
        state = book.ts.markup(STATE_TITLES.get(p.state, p.state), where, bold=True)
        rows.append([
            BookParagraph(title, styles.cell),
            BookParagraph(f'<font color="{ink}">{state}</font>', styles.cell),
            book.label("launch" if p.since_round == 0 else f"round {p.since_round}", styles.cell_muted),
            _one_line(book, p.ours, where, note, text_width - PADDING),
            _one_line(book, p.theirs, where, note, text_width - PADDING),
        ])
        fill = STATE_FILLS.get(p.state)
        if fill is not None:
            style.append(("BACKGROUND", (1, index), (1, index), fill))
    table = RowKeepingTable(rows, colWidths=[*FIXED_WIDTHS, text_width, text_width],
                            repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        *styles.TABLE_BASE,
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_FILL),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, styles.ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, styles.ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *style,
    ]))
    body: list[Flowable] = [table]
    room = book.frame_height - heading.wrap(book.width, book.frame_height)[1] - 12
    return [heading, KeepInFrame(book.width, room, body, mode="shrink")]


def _one_line(book: Book, text: str, where: str, note, width: float) -> BookParagraph:
    """``text`` on one line of ``width``: its first line, cut at a word to what fits with
    "… see paper" after it when it does not fit whole (or has more lines)."""
    whole = text.strip()
    first = first_line(whole)
    short = len(first) <= WORDS_SCANNED * 20  # else it cannot be one line: not laid out whole
    if first == whole and short and _lines(book, book.ts.markup(first, where), width) <= 1:
        return BookParagraph(book.ts.markup(first, where), LINE_STYLE)
    see = book.ts.markup("see paper", "", italic=True)
    if note is not None:
        see = f'<a href="#{paper_key(note)}" color="{styles.LINK_HEX}">{see}</a>'
    words = first[:WORDS_SCANNED * 20].split(" ")[:WORDS_SCANNED]  # a line holds fewer
    low, high = 0, len(words)  # the most words that fit with the pointer after them
    while low < high:
        middle = (low + high + 1) // 2
        if _lines(book, _cut_markup(book, words[:middle], where, see), width) <= 1:
            low = middle
        else:
            high = middle - 1
    if low == 0 and words:  # not even one word fits: cut by characters
        chars = words[0]
        while chars and _lines(book, _cut_markup(book, [chars], where, see), width) > 1:
            chars = chars[:-1]
        return BookParagraph(_cut_markup(book, [chars] if chars else [], where, see), LINE_STYLE)
    return BookParagraph(_cut_markup(book, words[:low], where, see), LINE_STYLE)


def first_line(text: str) -> str:
    """The first sentence of the first non-empty line of ``text``, without its list or heading
    marker."""
    return first_sentence(text) if text else ""


def _cut_markup(book: Book, words: list[str], where: str, see: str) -> str:
    shown = " ".join(words).rstrip(" ,;:.–—")
    return (book.ts.markup(shown, where) + "… " if shown else "") + see


def _lines(book: Book, markup: str, width: float) -> int:
    paragraph = BookParagraph(markup, LINE_STYLE)
    paragraph.wrap(width, 1_000)
    return len(getattr(paragraph.blPara, "lines", ())) or 1
