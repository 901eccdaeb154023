"""The few flowables of our own: contents entries, tables that keep rows whole, boxed panels."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import lru_cache

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
        markup = self.text
        if markup and "&#" not in markup and not has_rtl(markup):  # every letter is in its markup
            return super().drawPara(debug)
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


class ChunkedParagraph(Flowable):
    """One long paragraph laid out as pieces that read as one: a huge paste stays fast.

    ReportLab lays a paragraph split across pages out again from the split on,
    page after page (quadratic in its length), so a long paragraph comes cut
    into pieces of text (``mdparagraphs.chunks``). Each piece is laid out at the
    width it gets; its last line, not full, is carried to the start of the next
    piece (at the cut there is a space, or a line break, or a sentence end), so
    every piece but the last ends with a full justified line, and the pieces
    have no space between them and no first-line indent after the first. A
    piece that ends with a line break typed ends there.
    """

    def __init__(self, pieces: Sequence[tuple[str, bool, bool]], style: ParagraphStyle,
                 bulletText: str | None = None) -> None:
        """``pieces``: (markup, space at the cut, ends with a line break) each."""
        super().__init__()
        self.pieces = list(pieces)
        self.style = style
        self.bulletText = bulletText
        self._parts: list[BookParagraph] = []
        self._laid_out_at: float | None = None

    def parts(self, width: float) -> list[BookParagraph]:
        """The paragraphs this one is laid out as at ``width``."""
        if self._laid_out_at == width:
            return self._parts
        out: list[BookParagraph] = []
        carry: list = []
        spaced = False       # whether the cut before this piece was at a space
        last = len(self.pieces) - 1
        for n, (markup, space, ends_line) in enumerate(self.pieces):
            style = _piece_style(self.style, first=not out, last=n == last)
            frags = BookParagraph(markup, style).frags if markup else []
            if carry and spaced and frags:
                carry[-1] = _with_trailing_space(carry[-1])
            spaced = space
            para = BookParagraph("", style, bulletText=self.bulletText if not out else None,
                                 frags=_joined(carry, frags))
            carry = []
            if n == last or ends_line:
                out.append(para)
                continue
            _, height = para.wrap(width, 1e9)
            lines = para.blPara.lines
            if len(lines) < 2:         # one line: all of it goes on to the next piece
                carry = [*carry, *frags]
                continue
            carry = _line_frags(para, lines[-1])    # the last line starts the next piece
            out.append(_without_last_line(para, width))
        self._parts, self._laid_out_at = out, width
        return out

    def paragraphs(self) -> list[BookParagraph]:
        """The pieces as paragraphs of their own, without spacing between them (no line carried
        over: for where the width is not known beforehand, a table cell)."""
        last = len(self.pieces) - 1
        return [BookParagraph(markup, _piece_style(self.style, first=not n, last=n == last),
                              bulletText=self.bulletText if not n else None)
                for n, (markup, _, _) in enumerate(self.pieces)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = sum(p.wrap(availWidth, availHeight)[1] for p in self.parts(availWidth))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The pieces that fit in ``availHeight``, the one that does not split in two, the rest."""
        parts = self.parts(availWidth)
        room = availHeight
        for n, part in enumerate(parts):
            _, height = part.wrap(availWidth, room)
            if height <= room + 1e-6:
                room -= height
                continue
            cut = part.split(availWidth, room)
            if not cut and not n:
                return []
            return [*parts[:n], *cut, *parts[n + (1 if cut else 0):]]
        return list(parts)

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def draw(self) -> None:
        y = self.height
        for part in self.parts(self.width):
            y -= part.height
            part.drawOn(self.canv, 0, y)


@lru_cache(maxsize=256)
def _piece_style(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    if first and last:
        return style
    return ParagraphStyle(f"{style.name}+piece{int(first)}{int(last)}", parent=style,
                          spaceBefore=style.spaceBefore if first else 0,
                          spaceAfter=style.spaceAfter if last else 0,
                          firstLineIndent=style.firstLineIndent if first else 0)


def _line_frags(para: BookParagraph, line) -> list:
    """The fragments of one laid-out line, as fragments with text to lay out again."""
    if para.blPara.kind == 0:   # (extra space, words) in the paragraph's one style
        frag = copy.copy(para.frags[0])
        frag.__dict__.pop("words", None)
        frag.text = " ".join(line[1])
        return [frag]
    return [copy.copy(f) for f in line.words if hasattr(f, "text")]


def _without_last_line(para: BookParagraph, width: float) -> BookParagraph:
    """``para`` as laid out, less its last line, its new last line justified like the others.

    Its lines are kept (``blPara``, as ``bidi.py`` reads them) rather than laid out again: with
    the public ``split`` every piece of a long paste was laid out twice (about 40 % slower).
    """
    laid_out = copy.copy(para.blPara)
    laid_out.lines = para.blPara.lines[:-1]
    para.blPara = laid_out
    para.height = para.style.leading * len(laid_out.lines)
    para._JustifyLast = 1         # ReportLab's own split marks a page's last line so
    para._wrapped_at = width      # BookParagraph.wrap: laid out at this width
    return para


def _joined(carry: list, frags: list) -> list:
    """``carry + frags``, the fragments where they meet made one if they are of one style: a
    paragraph of one fragment is laid out several times faster by ReportLab."""
    if not carry or not frags:
        return carry + frags
    end, start = carry[-1], frags[0]
    style = {k: v for k, v in end.__dict__.items() if k != "text"}
    if not hasattr(end, "text") or not hasattr(start, "text") or style != {
            k: v for k, v in start.__dict__.items() if k != "text"}:
        return carry + frags
    merged = copy.copy(end)
    merged.text = end.text + start.text
    return [*carry[:-1], merged, *frags[1:]]


def _with_trailing_space(frag):
    text = getattr(frag, "text", None)
    if text is None or text.endswith(" "):
        return frag
    piece = copy.copy(frag)
    piece.text = text + " "
    return piece


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
        data = [[_cell_pieces(cell) for cell in row] for row in data]
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


def _cell_pieces(cell):
    """A long paragraph in a cell as its pieces, one paragraph each: a table splits a row
    between paragraphs, and a cell is narrow and seldom that long."""
    if isinstance(cell, ChunkedParagraph):
        return cell.paragraphs()
    if isinstance(cell, list) and any(isinstance(item, ChunkedParagraph) for item in cell):
        return [p for item in cell for p in (item.paragraphs() if isinstance(item, ChunkedParagraph)
                                             else [item])]
    return cell


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
