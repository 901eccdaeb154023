"""Markdown tables as book tables: cells sized to the room they get, rows kept whole.

GitHub-flavoured Markdown drops the cells of a row typed wider than its
header; so that nothing typed is lost, such a row is printed in full under
the table, and the export says so in a warning.

A table that cannot be a table is printed as a list of its rows, each cell
as "header: text" (``markdown._Block._rows_as_list``), with a warning: one
with more columns than the room allows (``MIN_COLUMN`` points each), and one
inside a table cell (an agenda item's outcome, an action), where ReportLab
cannot split a table inside a row that is taller than a page.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle

from briefing.pdf import styles
from briefing.pdf.flowables import BookParagraph, RowKeepingTable
from briefing.pdf.typeset import Typesetter

#: The narrowest column a Markdown table is printed with (points, padding included); a table
#: with more columns than its room holds at this width is printed as a list of rows.
MIN_COLUMN = 40


def table_flowables(rows: list[list[list[Flowable]]], header_rows: int, overfull: list[str],
                    ts: Typesetter, where: str) -> list[Flowable]:
    """The table of ``rows`` (cells of flowables), then any ``overfull`` source rows as typed."""
    columns = max((len(r) for r in rows), default=1)
    for row in rows:
        row += [[] for _ in range(columns - len(row))]
    # widths relative to the room the table gets (a panel's is narrower than the page's)
    table = RowKeepingTable(rows, colWidths=[f"{100 / columns:.4f}%"] * columns,
                            repeatRows=header_rows, hAlign="LEFT")
    commands = [*styles.TABLE_BASE, ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), styles.HEADER_FILL))
    table.setStyle(TableStyle(commands))
    table.spaceBefore, table.spaceAfter = 3, 8
    return [table, *overfull_rows(overfull, ts, where)]


def overfull_rows(overfull: list[str], ts: Typesetter, where: str) -> list[Flowable]:
    """The source lines of rows typed wider than their table's header, with a warning."""
    if not overfull:
        return []
    ts.warn(where, f"{len(overfull)} table row(s) have more cells than the header; "
                   "they are printed in full under the table")
    return [BookParagraph("Row as typed: " + ts.markup(line, where), styles.muted) for line in overfull]


def fits_as_table(columns: int, room: float, in_cell: bool) -> bool:
    """Whether a table of ``columns`` is printed as a table in ``room`` points (never in a cell)."""
    return not in_cell and columns * MIN_COLUMN <= room


def typed_cells(line: str) -> int:
    """How many cells a table row's source line has (pipes not escaped, outside code spans)."""
    line = line.strip().lstrip(">").strip()
    count, escaped, in_code = 0, False, False
    for char in line.strip("|"):
        if char == "`" and not escaped:
            in_code = not in_code
        elif char == "|" and not escaped and not in_code:
            count += 1
        escaped = char == "\\" and not escaped
    return count + 1


@lru_cache(maxsize=64)
def aligned(style: ParagraphStyle, css: str) -> ParagraphStyle:
    """``style`` aligned as a table column's ``text-align`` asks."""
    if "right" in css:
        return ParagraphStyle(style.name + "+right", parent=style, alignment=TA_RIGHT)
    if "center" in css:
        return ParagraphStyle(style.name + "+center", parent=style, alignment=TA_CENTER)
    return style
