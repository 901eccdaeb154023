"""Markdown (a note section, a bio) → ReportLab flowables, from markdown-it-py's tokens: the blocks.

No regular expressions parse Markdown here and no user text is concatenated
into markup: block tokens (paragraphs, headings, lists, quotes, code, tables,
rules) are laid out here; their inline text becomes ``Span`` values
(``briefing.pdf.mdinline``), printed as paragraphs by ``briefing.pdf.mdparagraphs``
(escaping, font fallback, a long paragraph cut into pieces). Raw HTML is off,
so ``<img src=…>`` is text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Spacer

from briefing.markings.ladder import Ladder
from briefing.markings.portions import highest
from briefing.pdf import styles
from briefing.pdf.flowables import BookParagraph
from briefing.pdf.marks import PortionMark, marked_lines
from briefing.pdf.mdinline import Span, inline_spans
from briefing.pdf.mdparagraphs import paragraph_flowables
from briefing.pdf.mdtables import aligned, fits_as_table, overfull_rows, table_flowables, typed_cells
from briefing.pdf.typeset import Typesetter

#: markdown-it stops parsing (and drops the rest) below this depth of nested blocks; a text that
#: deep prints as its literal lines instead (see ``MarkdownRenderer.render``).
MAX_NESTING = 60
#: Nested lists and quotes indent at most this far (points), however deep they go.
MAX_INDENT = 160
#: The blocks a portion mark can begin (``briefing.markings.portions``).
_PORTIONS = ("paragraph_open", "heading_open", "fence", "code_block", "table_open")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # html off: tags are text; entity off: "&amp;" prints as typed
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
    return md.enable(["table", "strikethrough"]).disable("entity")


class MarkdownRenderer:
    """Renders Markdown for one export; ``sources`` maps a note's ``[n]`` to an anchor name."""

    def __init__(self, ts: Typesetter, width: float) -> None:
        self.ts = ts
        self.width = width
        #: The ladder whose portion marks are noted for the page banners (``briefing.pdf.marks``).
        self.ladder: Ladder | None = None

    def render(self, text: str, where: str, *, numbered: bool = False,
               style: ParagraphStyle = styles.body,
               sources: Callable[[int], str | None] | None = None,
               in_cell: bool = False) -> list[Flowable]:
        """The flowables of ``text``; ``numbered`` numbers every top-level paragraph and item.

        ``in_cell``: the flowables go into a table cell, where tables print as lists of rows.
        """
        if not text.strip():
            return []
        if "\x00" in text:  # the parser would make NUL a U+FFFD: it prints as ␀, with a warning
            text = text.replace("\x00", self.ts.mark_control("\x00", where))
        block = _Block(self, where, style, sources or (lambda n: None), text.splitlines())
        block.in_cell = in_cell
        block.marks = marked_lines(text, self.ladder) if self.ladder is not None else {}
        tokens = _parser().parse(text)
        if any(tok.level >= MAX_NESTING - 1 for tok in tokens):
            if block.marks:  # printed as typed: the field's highest mark holds for all of it
                top = highest(block.marks.values(), self.ladder)  # type: ignore[arg-type]
                return [PortionMark(top), *self.literal(text, where, style), PortionMark(None)]
            return self.literal(text, where, style)
        marked = bool(block.marks)  # (``blocks`` takes each mark as it places it)
        out = block.blocks(tokens, 0, len(tokens), numbered=numbered)
        return [*out, PortionMark(None)] if marked else out

    def literal(self, text: str, where: str, style: ParagraphStyle = styles.body) -> list[Flowable]:
        """``text`` as typed, line by line, without Markdown: for what the parser cannot take."""
        out: list[Flowable] = []
        for block in text.replace("\r\n", "\n").split("\n\n"):
            spans: list[Span] = []
            for line in block.split("\n"):
                if spans:
                    spans.append(Span("", kind="hard"))
                spans.append(Span(line))
            out += self.paragraphs(spans, style, where)
        return out

    def paragraphs(self, spans: Sequence[Span], style: ParagraphStyle, where: str,
                   bullet: str | None = None) -> list[Flowable]:
        """The paragraph of ``spans`` (``mdparagraphs.paragraph_flowables``)."""
        return paragraph_flowables(self.ts, spans, style, where, bullet)


class _Block:
    """Walks block tokens of one text; an instance per ``render`` call."""

    def __init__(self, r: MarkdownRenderer, where: str, style: ParagraphStyle,
                 sources: Callable[[int], str | None], lines: list[str]) -> None:
        self.r, self.where, self.style, self.sources = r, where, style, sources
        self.lines = lines
        self.indent = 0.0
        self.in_cell = False
        self.marks: dict[int, str] = {}  # line → code of each marked portion (``marks.marked_lines``)

    def blocks(self, tokens: list[Token], start: int, end: int, *, numbered: bool = False,
               first_bullet: str | None = None) -> list[Flowable]:
        """The flowables of the blocks in ``tokens[start:end]`` (see ``MarkdownRenderer.render``)."""
        out: list[Flowable] = []
        bullet = first_bullet
        point = 0
        i = start
        while i < end:
            tok = tokens[i]
            close = _closing(tokens, i) if tok.nesting == 1 else i
            if numbered and tok.type == "paragraph_open":
                point += 1
                out += self._item(tokens, i, close + 1, f"{point}.")
            elif numbered and tok.type in ("bullet_list_open", "ordered_list_open"):
                for item_start, item_end in _children(tokens, i, close):
                    point += 1
                    out += self._item(tokens, item_start + 1, item_end, f"{point}.")
            else:
                out += self._block(tokens, i, close, bullet)
            if out:
                bullet = None
            i = close + 1
        return out

    def _block(self, tokens: list[Token], i: int, close: int, bullet: str | None) -> list[Flowable]:
        out = self._unmarked_block(tokens, i, close, bullet)
        tok = tokens[i]
        if self.marks and tok.map and tok.type in _PORTIONS and tok.map[0] in self.marks:
            # the portion's mark is noted where it begins (after a heading's page-break check)
            at = 1 if out and isinstance(out[0], CondPageBreak) else 0
            out.insert(at, PortionMark(self.marks.pop(tok.map[0])))
        return out

    def _unmarked_block(self, tokens: list[Token], i: int, close: int,
                        bullet: str | None) -> list[Flowable]:
        tok = tokens[i]
        kind = tok.type
        if kind == "paragraph_open":
            return self._inline(tokens[i + 1], self._styled(self.style), bullet)
        if kind == "heading_open":
            level = min(int(tok.tag[1:]), len(styles.md_headings)) - 1
            heading = self._inline(tokens[i + 1], self._styled(styles.md_headings[level]), bullet)
            return [CondPageBreak(styles.KEEP_WITH_NEXT), *heading]
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            number = int(tok.attrs.get("start", 1) or 1) if ordered else 1
            out: list[Flowable] = []
            for item_start, item_end in _children(tokens, i, close):
                mark = f"{number}." if ordered else "\u2022"
                out += self._item(tokens, item_start + 1, item_end, mark)
                number += 1
            return out
        if kind == "blockquote_open":
            return self._indented(styles.BULLET_INDENT, tokens, i + 1, close, bullet, styles.quote)
        if kind in ("fence", "code_block"):
            return self._code(tok.content, bullet)
        if kind == "table_open":
            return self._table(tokens, i, close)
        if kind == "hr":
            return [HRFlowable(width="100%", thickness=0.6, color=styles.RULE,
                               spaceBefore=4, spaceAfter=6)]
        if kind == "inline":
            return self._inline(tok, self._styled(self.style), bullet)
        return []

    def _item(self, tokens: list[Token], start: int, end: int, mark: str) -> list[Flowable]:
        return self._indented(styles.LIST_INDENT, tokens, start, end, mark, None)

    def _indented(self, by: float, tokens: list[Token], start: int, end: int,
                  bullet: str | None, style: ParagraphStyle | None) -> list[Flowable]:
        # indentation lives in the paragraph styles (not Indenters), so lists also work in cells
        saved = self.style
        self.indent += by
        if style is not None:
            self.style = style
        try:
            inner = self.blocks(tokens, start, end, first_bullet=bullet)
            if bullet and not inner:    # an empty list item still shows its bullet
                inner = [BookParagraph("", self._styled(self.style), bulletText=bullet)]
        finally:
            self.indent -= by
            self.style = saved
        return inner

    def _inline(self, tok: Token, style: ParagraphStyle, bullet: str | None) -> list[Flowable]:
        return self.r.paragraphs(self.spans(tok), style, self.where, bullet)

    def _styled(self, style: ParagraphStyle) -> ParagraphStyle:
        return _indented_style(style, min(self.indent, MAX_INDENT))

    def spans(self, tok: Token) -> list[Span]:
        """The inline children of ``tok`` as spans (``mdinline.inline_spans``)."""
        return inline_spans(tok, self.sources)

    def _code(self, content: str, bullet: str | None) -> list[Flowable]:
        lines = content.rstrip("\n").split("\n")
        out: list[Flowable] = []
        for first in range(0, len(lines), 40):
            markup = "<br/>".join(
                self.r.ts.markup(line, self.where).replace("  ", "&nbsp; ") or "&nbsp;"
                for line in lines[first:first + 40]
            )
            first_bullet = bullet if not out else None
            out.append(BookParagraph(markup, self._styled(styles.code), bulletText=first_bullet))
        return out

    def _table(self, tokens: list[Token], start: int, close: int) -> list[Flowable]:
        rows: list[list[list[Flowable]]] = []
        typed: list[list[list[Span]]] = []   # each cell's spans, for a table printed as a list
        aligns: list[str] = []
        header_rows = 0
        overfull: list[str] = []   # rows typed with more cells than the header: GFM drops the rest
        for i in range(start, close):
            tok = tokens[i]
            if tok.type == "tr_open":
                rows.append([])
                typed.append([])
                if tok.map and rows[1:] and typed_cells(self.lines[tok.map[0]]) > len(rows[0]):
                    overfull.append(self.lines[tok.map[0]].strip())
            elif tok.type in ("th_open", "td_open"):
                if tok.type == "th_open" and len(rows) > header_rows:
                    header_rows = len(rows)
                align = str(tok.attrs.get("style", ""))
                if len(rows) == 1:
                    aligns.append(align)
                base = styles.cell_head if tok.type == "th_open" else styles.cell
                style = aligned(base, align)
                spans = self.spans(tokens[i + 1])
                typed[-1].append(spans)
                rows[-1].append(self.r.paragraphs(spans, style, self.where))
        columns = max((len(row) for row in rows), default=1)
        room = self.r.width - min(self.indent, MAX_INDENT) - 2 * styles.PANEL_PADDING
        if fits_as_table(columns, room, self.in_cell):
            return table_flowables(rows, header_rows, overfull, self.r.ts, self.where)
        why = "inside a table cell" if self.in_cell else f"of {columns} columns is too wide for the page"
        self.r.ts.warn(self.where, f"a table {why}; it is printed as a list of its rows")
        return [*self._rows_as_list(typed, header_rows), *overfull_rows(overfull, self.r.ts, self.where)]

    def _rows_as_list(self, typed: list[list[list[Span]]], header_rows: int) -> list[Flowable]:
        """Each row below the header as a bulleted item, each cell "header: text" on a line."""
        heads = typed[header_rows - 1] if header_rows else []
        style = _indented_style(self._styled(self.style), styles.LIST_INDENT)
        out: list[Flowable] = []
        for row in typed[header_rows:] or typed:
            spans: list[Span] = []
            for column, cell in enumerate(row):
                head = [s._replace(bold=True) for s in heads[column]] if column < len(heads) else []
                if spans:
                    spans.append(Span("", kind="hard"))
                spans += [*head, Span(": ", bold=True)] if head else []
                spans += cell
            out += self.r.paragraphs(spans, style, self.where, "\u2022")
            out.append(Spacer(1, 2))
        return out


def _closing(tokens: list[Token], i: int) -> int:
    """The index of the token that closes ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _children(tokens: list[Token], i: int, close: int) -> list[tuple[int, int]]:
    """(open, close) of each direct child of the container ``tokens[i]``."""
    out = []
    j = i + 1
    while j < close:
        end = _closing(tokens, j) if tokens[j].nesting == 1 else j
        out.append((j, end))
        j = end + 1
    return out


@lru_cache(maxsize=256)
def _indented_style(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    """``style`` indented by ``indent``, with a bullet hung in the indent."""
    if not indent:
        return style
    return ParagraphStyle(f"{style.name}+{indent:g}", parent=style, leftIndent=style.leftIndent + indent,
                          bulletIndent=style.leftIndent + indent - styles.LIST_INDENT + 2,
                          bulletFontName=style.fontName, bulletFontSize=style.fontSize)
