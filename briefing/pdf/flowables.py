"""The few flowables of our own: contents entries, tables that keep rows whole, boxed panels."""

from __future__ import annotations

import copy

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, FrameBG, Indenter, Paragraph, Spacer, Table

from briefing.pdf import styles
from briefing.pdf.bidi import has_rtl, is_rtl_paragraph, visual_lines
from briefing.pdf.fonts import BODY

#: Room kept at the right of a contents entry for its page number.
NUMBER_ROOM = 34
LEADER_GAP = 4
NUMBER_COLUMN = 22


class BookParagraph(Paragraph):
    """A paragraph that lays its lines out once per width.

    Platypus asks a paragraph for its size more than once at the same width
    (a table measures its cells, a frame tries, then places it); ReportLab
    breaks the lines anew each time. The result depends on the width only,
    so it is kept: on a 300-page book this halves the line-breaking work.
    """

    _wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # ReportLab's split drops blPara to force a new layout: then lay out again
        if availWidth == self._wrapped_at and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size

    def drawPara(self, debug: int = 0) -> None:
        """Draw the lines, right-to-left text in visual order (``bidi.py``).

        Lines are broken in the order the text was typed; only drawing sees
        them reordered, so a paragraph split across pages splits typed text.
        """
        if self.blPara.kind == 0 and self.style.leftIndent and _decorated(self.frags):
            return self._draw_shifted(debug)
        return self._draw_in_visual_order(debug)

    def _draw_shifted(self, debug: int) -> None:
        """Draw a one-style underlined, struck or linked paragraph moved right by its indent.

        ReportLab draws such a paragraph (its "kind 0" lines) with the
        underline, strike-through and link areas of every line after the first
        left of the text by the paragraph's left indent; drawn unindented on a
        canvas moved by the indent, text and lines agree.
        """
        style, width = self.style, self.width
        indent = style.leftIndent
        self.style = ParagraphStyle(style.name + "+shifted", parent=style, leftIndent=0,
                                    bulletIndent=style.bulletIndent - indent)
        self.width = width - indent
        canv = self.canv
        canv.saveState()
        canv.translate(indent, 0)
        try:
            return self._draw_in_visual_order(debug)
        finally:
            canv.restoreState()
            self.style, self.width = style, width

    def _draw_in_visual_order(self, debug: int) -> None:
        laid_out = self.blPara
        text = "".join(_line_text(line, laid_out.kind) for line in laid_out.lines)
        if not has_rtl(text):
            return super().drawPara(debug)
        rtl = is_rtl_paragraph(text)
        style = self.style
        visual = copy.copy(laid_out)
        visual.lines = visual_lines(laid_out.lines, laid_out.kind, rtl)
        self.blPara = visual
        if rtl and style.alignment == TA_LEFT:
            self.style = ParagraphStyle(style.name + "+rtl", parent=style, alignment=TA_RIGHT)
        try:
            return super().drawPara(debug)
        finally:
            self.blPara, self.style = laid_out, style


def _decorated(frags) -> bool:
    return any(getattr(f, "us_lines", None) or getattr(f, "link", None) for f in frags)


def _line_text(line, kind: int) -> str:
    if kind == 0:
        return " ".join(line[1])
    return "".join(getattr(f, "text", "") for f in line.words)


class ContentsEntry(Flowable):
    """A contents line: the title, dotted leaders and the page number, all one link.

    The number is not known while the contents is laid out (it comes before
    the pages it lists), so the leaders and the number are a form that the
    document template writes when the book is finished (``BookTemplate.defer``).
    """

    def __init__(self, markup: str, key: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.key = key
        self.style = ParagraphStyle(style.name + "+toc", parent=style,
                                    rightIndent=style.rightIndent + NUMBER_ROOM)
        self.para = BookParagraph(markup, self.style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self.height = self.para.wrap(availWidth, availHeight)
        self.width = availWidth
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def draw(self) -> None:
        canv = self.canv
        self.para.drawOn(canv, 0, 0)
        widths = self.para.getActualLineWidths0() or [0.0]
        # ReportLab's line widths count the paragraph's indents: take the right one off
        text_end = widths[-1] - self.style.rightIndent
        baseline = self.height - self.style.fontSize - (len(widths) - 1) * self.style.leading
        name = f"toc-{self.key}"
        canv.doForm(name)
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)
        doc = canv._doctemplate
        width, font, size = self.width, self.style.fontName, self.style.fontSize

        def fill(_total: int) -> None:
            page = doc.pages.get(self.key)
            number = str(page) if page is not None else "–"
            c = doc.canv
            # leaders end in one column (dots line up from entry to entry) unless the number is wide
            stop = min(width - NUMBER_COLUMN, width - c.stringWidth(number, font, size) - LEADER_GAP)
            dot = c.stringWidth(". ", BODY, size)
            count = int((stop - text_end - LEADER_GAP) // dot)
            if count > 0:
                c.setFont(BODY, size)
                c.setFillColor(styles.MUTED)
                c.drawRightString(stop, baseline, ". " * count)
            c.setFont(font, size)
            c.setFillColor(styles.INK)
            c.drawRightString(width, baseline, number)

        doc.defer(name, fill)


class RowKeepingTable(Table):
    """A table that splits between rows, and inside a row only when it is taller than a page.

    ReportLab's ``splitInRow`` would also cut a row that merely does not fit
    in what is left of the current page; here a row moves whole to the next
    page when it fits there, and is cut only when it starts at the top of a
    page and still does not fit.
    """

    def __init__(self, data, *args, **kwargs) -> None:
        for row in data:
            for cell in row:
                for item in cell if isinstance(cell, list) else [cell]:
                    if type(item) is BookParagraph:
                        item.__class__ = CellParagraph
        super().__init__(data, *args, **kwargs)

    def split(self, availWidth: float, availHeight: float):
        frame = getattr(self, "_frame", None)
        self.splitInRow = 1 if frame is not None and getattr(frame, "_atTop", 0) else 0
        return super().split(availWidth, availHeight)


class CellParagraph(BookParagraph):
    """A paragraph inside a table cell.

    ReportLab's in-row split asks each paragraph of a cell to split and takes
    the second part unconditionally, but a paragraph that fits answers with
    one part; an empty second part keeps that from failing.
    """

    def split(self, availWidth: float, availHeight: float):
        parts = super().split(availWidth, availHeight)
        return [*parts, Spacer(0, 0)] if len(parts) == 1 else parts


def panel(heading: Flowable, body: list[Flowable]) -> list[Flowable]:
    """A boxed, tinted panel around ``heading`` and ``body``; it splits across pages like text."""
    pad = styles.PANEL_PADDING
    return [
        Spacer(1, 6),
        FrameBG(color=styles.RED_LINE_FILL, strokeColor=styles.RED_LINE, strokeWidth=0.9),
        Indenter(left=pad, right=pad),
        Spacer(1, pad / 2),
        heading,
        *body,
        Spacer(1, pad / 2),
        Indenter(left=-pad, right=-pad),
        FrameBG(start=False),
        Spacer(1, 6),
    ]
