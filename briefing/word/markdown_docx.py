"""Markdown (a note section, a bio) → Word paragraphs, from markdown-it-py's tokens.

The same parser settings as the PDF (``briefing.pdf.markdown``): raw HTML is text, entities
print as typed. Blocks become Word's own styles — ``List Bullet`` / ``List Number`` (a
numbered list restarts at 1: principals refer to "point 3"), ``Quote``, real tables with
``Table Grid`` — and inline spans become runs (bold, italic, strike, code, links as real
hyperlinks). A typed line break is a Word line break, as the book prints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from markdown_it.token import Token

from briefing.pdf.markdown import _parser
from briefing.pdf.typeset import REPLACEMENT, visible_controls

#: What Word shows for a link and for inline code.
LINK_COLOUR = RGBColor(0x1F, 0x4E, 0x9C)
CODE_FONT = "Consolas"
LINK_SCHEMES = ("http://", "https://", "mailto:")
#: The characters XML cannot hold besides the controls (which show as control pictures, as in the PDF).
_NOT_XML = str.maketrans({0xFFFE: REPLACEMENT, 0xFFFF: REPLACEMENT})


def xml_safe(text: str) -> str:
    """``text`` as a .docx can hold it: a control character as its control picture (␛), as the
    PDF prints it (a tab, CR or newline: a space); anything else XML refuses as U+FFFD."""
    return visible_controls(text).translate(_NOT_XML)


@dataclass(frozen=True, slots=True)
class Style:
    """How a run looks: the inline state while walking tokens."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None


def add_run(paragraph, text: str, style: Style = Style()) -> None:
    """``text`` as runs of ``paragraph``; a newline is a Word line break."""
    target = _hyperlink(paragraph, style.href) if style.href else None
    for index, line in enumerate(text.split("\n")):
        if index:
            run = paragraph.add_run()
            run.add_break(WD_BREAK.LINE)
            if target is not None:
                target.append(run._r)
        if not line:
            continue
        run = paragraph.add_run(xml_safe(line))
        run.bold = style.bold or None
        run.italic = style.italic or None
        if style.strike:
            run.font.strike = True
        if style.code:
            run.font.name = CODE_FONT
        if target is not None:
            run.font.color.rgb = LINK_COLOUR
            run.font.underline = True
            target.append(run._r)  # moves the run into the hyperlink


def _hyperlink(paragraph, url: str):
    """A ``w:hyperlink`` at the end of ``paragraph`` pointing at ``url`` (an external relation)."""
    r_id = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/"
                                         "relationships/hyperlink", is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    paragraph._p.append(link)
    return link


class DocxMarkdown:
    """Writes Markdown into a python-docx container (the document, a table cell).

    ``numbered`` numbers every top-level paragraph and item (talking points);
    ``paragraph_style`` is the style of plain paragraphs (e.g. a boxed red-lines style).
    """

    def __init__(self, document, *, heading_base: int = 2,
                 on_paragraph: Callable[[object], None] | None = None) -> None:
        self.document = document
        self.heading_base = heading_base
        self.on_paragraph = on_paragraph or (lambda p: None)

    def write(self, container, text: str, *, numbered: bool = False,
              paragraph_style: str | None = None) -> None:
        """Append the blocks of ``text`` to ``container``."""
        if not text.strip():
            return
        tokens = _parser().parse(text)
        self._top_number = self._new_numbering() if numbered else None
        self._plain_style = paragraph_style
        self._blocks(container, tokens, 0, len(tokens), lists=[])

    # -- blocks ------------------------------------------------------------------------------

    def _blocks(self, container, tokens: list[Token], start: int, end: int, *, lists: list,
                quote: bool = False) -> None:
        i = start
        number = None if lists else self._top_number
        while i < end:
            tok = tokens[i]
            if tok.type == "paragraph_open":
                close = _close_of(tokens, i)
                inline = tokens[i + 1]
                if lists:
                    kind, num_id = lists[-1]
                    style = "List Bullet" if kind == "bullet" else "List Number"
                    level = min(len(lists), 3)
                    style = style if level == 1 else f"{style} {level}"
                    para = self._paragraph(container, style)
                    if kind == "ordered":
                        _set_numbering(para, num_id, level - 1)
                elif quote:
                    para = self._paragraph(container, "Quote")
                elif number is not None:
                    para = self._paragraph(container, "List Number")
                    _set_numbering(para, number, 0)
                else:
                    para = self._paragraph(container, self._plain_style)
                self._inline(para, inline)
                i = close + 1
            elif tok.type == "heading_open":
                close = _close_of(tokens, i)
                level = min(int(tok.tag[1:]) + self.heading_base, 9)
                para = self._paragraph(container, f"Heading {level}")
                self._inline(para, tokens[i + 1])
                i = close + 1
            elif tok.type in ("bullet_list_open", "ordered_list_open"):
                close = _close_of(tokens, i)
                kind = "bullet" if tok.type == "bullet_list_open" else "ordered"
                num_id = self._new_numbering() if kind == "ordered" else None
                if number is not None:  # talking points: a top-level list continues the numbers
                    kind, num_id = "ordered", number
                self._blocks(container, tokens, i + 1, close, lists=[*lists, (kind, num_id)],
                             quote=quote)
                i = close + 1
            elif tok.type == "list_item_open":
                close = _close_of(tokens, i)
                self._blocks(container, tokens, i + 1, close, lists=lists, quote=quote)
                i = close + 1
            elif tok.type == "blockquote_open":
                close = _close_of(tokens, i)
                self._blocks(container, tokens, i + 1, close, lists=lists, quote=True)
                i = close + 1
            elif tok.type in ("fence", "code_block"):
                para = self._paragraph(container, "No Spacing")
                add_run(para, tok.content.rstrip("\n"), Style(code=True))
                i += 1
            elif tok.type == "table_open":
                close = _close_of(tokens, i)
                self._table(container, tokens[i + 1:close])
                i = close + 1
            elif tok.type == "hr":
                para = self._paragraph(container, self._plain_style)
                _bottom_border(para)
                i += 1
            else:
                i += 1

    def _paragraph(self, container, style: str | None):
        para = container.add_paragraph(style=style)
        self.on_paragraph(para)
        return para

    def _table(self, container, tokens: list[Token]) -> None:
        rows: list[list[Token]] = []
        for tok in tokens:
            if tok.type == "tr_open":
                rows.append([])
            elif tok.type == "inline" and rows:
                rows[-1].append(tok)
        if not rows:
            return
        columns = max(len(r) for r in rows)
        table = container.add_table(rows=len(rows), cols=columns)
        table.style = self.document.styles["Table Grid"]
        for r, row in enumerate(rows):
            for c, inline in enumerate(row):
                cell = table.cell(r, c)
                para = cell.paragraphs[0]
                self._inline(para, inline, Style(bold=r == 0))
        self.on_paragraph(None)

    # -- inline ------------------------------------------------------------------------------

    def _inline(self, paragraph, inline: Token, base: Style = Style()) -> None:
        style = base
        for tok in inline.children or ():
            t = tok.type
            if t in ("text", "html_inline"):
                add_run(paragraph, tok.content, style)
            elif t in ("softbreak", "hardbreak"):
                add_run(paragraph, "\n", replace(style, href=None))
            elif t == "code_inline":
                add_run(paragraph, tok.content, replace(style, code=True))
            elif t == "strong_open":
                style = replace(style, bold=True)
            elif t == "strong_close":
                style = replace(style, bold=base.bold)
            elif t == "em_open":
                style = replace(style, italic=True)
            elif t == "em_close":
                style = replace(style, italic=base.italic)
            elif t == "s_open":
                style = replace(style, strike=True)
            elif t == "s_close":
                style = replace(style, strike=base.strike)
            elif t == "link_open":
                href = str(tok.attrs.get("href", ""))
                style = replace(style, href=href if href.startswith(LINK_SCHEMES) else None)
            elif t == "link_close":
                style = replace(style, href=None)
            elif t == "image":
                add_run(paragraph, tok.content or str(tok.attrs.get("src", "")), style)

    # -- numbering ---------------------------------------------------------------------------

    def _new_numbering(self) -> int:
        """A new ``w:num`` on the ``List Number`` style's list, restarting at 1."""
        numbering = self.document.part.numbering_part.element
        style = self.document.styles["List Number"].element
        num_id = style.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
        abstract = None
        for num in numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == num_id:
                abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        new = numbering.add_num(int(abstract))
        for level in range(3):
            override = new.add_lvlOverride(ilvl=level)
            override.add_startOverride(1)
        return new.numId


def _set_numbering(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "999999")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def box(paragraph, colour: str = "B00020") -> None:
    """A border round ``paragraph`` (adjacent boxed paragraphs share one box): the red lines."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right", "between"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "4"),
                           ("w:color", colour)):
            edge.set(qn(key), value)
        borders.append(edge)
    # w:pBdr goes before w:spacing/w:ind/w:jc etc.; python-docx's pPr keeps its children ordered
    # only for known setters, so insert it after pStyle/keepNext/numPr as the schema says
    anchor = None
    for tag in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
                "w:widowControl", "w:numPr", "w:suppressLineNumbers"):
        found = ppr.find(qn(tag))
        if found is not None:
            anchor = found
    if anchor is None:
        ppr.insert(0, borders)
    else:
        anchor.addnext(borders)


def _close_of(tokens: list[Token], i: int) -> int:
    """The index of the token closing ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1
