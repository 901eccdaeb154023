"""Text drawn as the outlines of its letters: shapes on the page, no text to copy or extract.

The watermark ("DRAFT", "EYES ONLY — 取扱注意") must not come out when a reader
copies a page's text or a program extracts it. Marked as an artifact with an
empty ``/ActualText`` it is skipped by poppler and Acrobat, but not by every
extractor (pypdf, many converters); drawn as filled paths it is text to none.

The watermark is laid out as a paragraph like any user text (so it gets the
same fonts per script, control-character marks, right-to-left order and joined
Arabic, and the same warnings); here its laid-out line is drawn glyph by glyph,
each glyph's outline read from the font file by HarfBuzz and advanced by the
width ReportLab measured it at, so the letters stand where the text would have.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing.pdf.bidi import has_rtl, is_rtl_paragraph, visual_lines
from briefing.pdf.flowables import BookParagraph


@lru_cache(maxsize=32)
def _outline_font(font_name: str) -> tuple[hb.Font, int]:
    """The HarfBuzz font of a registered TrueType font, and its units per em."""
    face = hb.Face(hb.Blob.from_file_path(pdfmetrics.getFont(font_name).face.filename))
    return hb.Font(face), face.upem


class _PathPen:
    """Receives a glyph's contours from HarfBuzz (font units) and adds them to a ReportLab path."""

    def __init__(self, path, x: float, y: float, scale: float) -> None:
        self.path, self.x, self.y, self.scale = path, x, y, scale
        self.current = (0.0, 0.0)

    def _at(self, point: tuple[float, float]) -> tuple[float, float]:
        return self.x + point[0] * self.scale, self.y + point[1] * self.scale

    def moveTo(self, point) -> None:  # noqa: N802 - the pen protocol's names
        self.path.moveTo(*self._at(point))
        self.current = point

    def lineTo(self, point) -> None:  # noqa: N802
        self.path.lineTo(*self._at(point))
        self.current = point

    def curveTo(self, first, second, end) -> None:  # noqa: N802
        self.path.curveTo(*self._at(first), *self._at(second), *self._at(end))
        self.current = end

    def qCurveTo(self, control, end) -> None:  # noqa: N802 - a quadratic as the cubic it equals
        (x0, y0), (cx, cy), (x1, y1) = self.current, control, end
        first = (x0 + 2 * (cx - x0) / 3, y0 + 2 * (cy - y0) / 3)
        second = (x1 + 2 * (cx - x1) / 3, y1 + 2 * (cy - y1) / 3)
        self.curveTo(first, second, end)

    def closePath(self) -> None:  # noqa: N802
        self.path.close()


def runs(para: BookParagraph) -> Iterator[tuple[str, float, str]]:
    """The first laid-out line of ``para`` as (font name, size, text) runs in visual order."""
    laid_out = para.blPara
    lines = laid_out.lines[:1]
    if laid_out.kind == 0:
        text = " ".join(lines[0][1]) if lines else ""
    else:
        text = "".join(word.text for word in lines[0].words) if lines else ""
    if has_rtl(text):
        lines = visual_lines(lines, laid_out.kind, is_rtl_paragraph(text))
    if not lines:
        return
    style = para.style
    if laid_out.kind == 0:
        yield style.fontName, style.fontSize, " ".join(lines[0][1])
        return
    for word in lines[0].words:
        yield word.fontName, word.fontSize, word.text


def line_width(para: BookParagraph) -> float:
    """The width of the line ``draw_line`` draws, as ReportLab measures it."""
    return sum(stringWidth(text, font, size) for font, size, text in runs(para))


def draw_line(canv, para: BookParagraph, x: float, y: float) -> int:
    """Fill the outlines of the first line of ``para`` (laid out) with its baseline at ``(x, y)``.

    Each glyph is one filled path; returns how many were drawn (a space has no
    outline, and a character without a glyph in its font is passed over; after
    the paragraph's own font choice there is none).
    """
    drawn = 0
    for font_name, size, text in runs(para):
        font, upem = _outline_font(font_name)
        pen_x = x
        for char in text:
            glyph = font.get_nominal_glyph(ord(char))
            if glyph:
                path = canv.beginPath()
                font.draw_glyph_with_pen(glyph, _PathPen(path, pen_x, y, size / upem))
                if path.getCode():  # a space has no outline
                    canv.drawPath(path, stroke=0, fill=1, fillMode=1)  # non-zero, as TrueType
                    drawn += 1
            pen_x += stringWidth(char, font_name, size)
        x += stringWidth(text, font_name, size)
    return drawn
