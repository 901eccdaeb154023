"""The export benchmark's baseline: the same Markdown into the same kinds of flowables, raw ReportLab.

    python -m benchmarks.export_baseline TEXTS.json OUT.pdf

Imports SQLAlchemy's ORM and markdown-it as the app does, registers the same
TrueType fonts, parses the same Markdown and builds the same flowables (a
heading and a line of status per paper, the section headings, paragraphs,
list items, tables, sources, the agenda and action tables, people) and lays
them out in one ``SimpleDocTemplate.build`` pass: no cover, no contents, no
page furniture, no font fallback, no outline, no links. What the app adds on
top of that is what is measured. It reads the texts from a JSON file the
benchmark writes, not from the store.
"""

from __future__ import annotations

import json
import sys
from html import escape

import sqlalchemy.orm  # noqa: F401  (the app's import cost)
from markdown_it import MarkdownIt
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

FONTS = "resources/fonts/"
TAGS = {"strong_open": "<b>", "strong_close": "</b>", "em_open": "<i>", "em_close": "</i>"}


def register() -> None:
    for name, file in (("NotoSans", "NotoSans-Regular"), ("NotoSans-Bold", "NotoSans-Bold"),
                       ("NotoSans-Italic", "NotoSans-Italic"), ("NotoSans-BoldItalic", "NotoSans-BoldItalic"),
                       ("BIZUDPGothic", "BIZUDPGothic-Regular"), ("BIZUDPGothic-Bold", "BIZUDPGothic-Bold")):
        pdfmetrics.registerFont(TTFont(name, f"{FONTS}{file}.ttf"))
    pdfmetrics.registerFontFamily("NotoSans", normal="NotoSans", bold="NotoSans-Bold",
                                  italic="NotoSans-Italic", boldItalic="NotoSans-BoldItalic")


BODY = ParagraphStyle("body", fontName="NotoSans", fontSize=10.5, leading=14, spaceAfter=5)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=16, bulletIndent=4, bulletFontName="NotoSans")
HEAD = ParagraphStyle("head", parent=BODY, fontName="NotoSans-Bold", fontSize=14, leading=18)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9.5, leading=12.5, spaceAfter=0)
SUB = ParagraphStyle("sub", parent=BODY, fontName="NotoSans-Bold", fontSize=9.5, leading=13, spaceBefore=11)


def inline(token) -> str:
    return "".join(TAGS.get(c.type) or escape(c.content, quote=False) for c in token.children or ())


def flowables(md: MarkdownIt, text: str) -> list:
    out, tokens, bullet, row, rows = [], md.parse(text), None, None, None
    for tok in tokens:
        if tok.type == "list_item_open":
            bullet = f"{tok.info}." if tok.info else "\u2022"
        elif tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            rows.append(row)
        elif tok.type == "table_close":
            out.append(Table(rows, colWidths=[170 / len(rows[0]) * mm] * len(rows[0]), repeatRows=1,
                             style=TableStyle([("FONTNAME", (0, 0), (-1, -1), "NotoSans")])))
            rows = None
        elif tok.type == "inline" and rows is not None:
            row.append(Paragraph(inline(tok), CELL))
        elif tok.type == "inline":
            out.append(Paragraph(inline(tok), ITEM if bullet else BODY, bulletText=bullet))
            bullet = None
    return out


def table(rows: list[list[str]], widths: list[float]) -> Table:
    return Table([[Paragraph(escape(c), CELL) for c in row] for row in rows],
                 colWidths=[w * mm for w in widths], repeatRows=1,
                 style=[("FONTNAME", (0, 0), (-1, -1), "NotoSans"), ("VALIGN", (0, 0), (-1, -1), "TOP")])


def main(source: str, target: str) -> int:
    register()
    md = MarkdownIt("commonmark").enable("table")
    doc = json.loads(open(source, encoding="utf-8").read())
    story: list = [Paragraph("Agenda", HEAD), table(doc["agenda"], [7, 20, 22, 11, 50, 27, 33]), PageBreak()]
    for note in doc["notes"]:
        story += [Paragraph(escape(note["title"]), HEAD), Paragraph(escape(note["meta"]), BODY)]
        for heading, text in note["sections"]:
            story.append(Paragraph(heading.upper(), SUB))
            story += flowables(md, text)
        story.append(Paragraph("SOURCES", SUB))
        story += [Paragraph(escape(source), BODY) for source in note["sources"]]
        story.append(PageBreak())
    story.append(Paragraph("Participants", HEAD))
    for person in doc["people"]:
        story.append(Paragraph(f"<b>{escape(person['name'])}</b> <font name='BIZUDPGothic-Bold'>"
                               f"{escape(person['native_name'])}</font>", BODY))
        story.append(Paragraph(escape(person["role"]), BODY))
        story += flowables(md, person["bio"])
    story += [PageBreak(), Paragraph("Action items", HEAD), table(doc["actions"], [7, 65, 30, 22, 22, 24])]
    SimpleDocTemplate(target, initialFontName="NotoSans", leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=22 * mm, bottomMargin=25 * mm).build(story)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
