"""The Word document's furniture: paper, fonts (Japanese too), the marking in every header and
footer, page numbers and a table of contents as Word fields, a watermark.

Word's own styles are used (``Title``, ``Heading 1``…, ``List Number``), so the navigation pane
and a Word table of contents work; this module only sets their fonts. A Japanese-capable font
is named for East Asian text in the document defaults and in every style that names its own
(the theme's ``majorEastAsia`` would otherwise pick a font by the reader's locale).
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from briefing.markings.ladder import Marking

#: East Asian text: the font the PDF ships (BIZ UDPGothic), then what Word on Windows has.
EAST_ASIA_FONT = "BIZ UDPGothic"
BODY_SIZE = Pt(10.5)
MARGIN = Mm(20)


def set_up(document, pagesize: tuple[float, float]) -> None:
    """Paper and margins, body size, and the East Asian font in every style."""
    section = document.sections[0]
    section.page_width, section.page_height = Pt(pagesize[0]), Pt(pagesize[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = section.footer_distance = Mm(8)
    document.styles["Normal"].font.size = BODY_SIZE
    styles_root = document.styles.element
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault"))
        if rpr is not None and rpr.find(qn("w:rPr")) is not None:
            _east_asia(rpr.find(qn("w:rPr")))
    for style in styles_root.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            _east_asia(rpr)
    settings = document.settings.element
    update = OxmlElement("w:updateFields")  # Word offers to fill the contents in when it opens
    update.set(qn("w:val"), "true")
    settings.append(update)


def _east_asia(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:eastAsiaTheme",):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]
    fonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "ja-JP")


def marking_lines(document, marking: Marking, running: str, watermark: str = "") -> None:
    """The marking centred and bold in its colour at the top and bottom of every page; under the
    bottom one the running line (``running`` left, "Page X of Y" right); the watermark."""
    section = document.sections[0]
    colour = RGBColor.from_string(marking.colour.lstrip("#").upper()[:6].ljust(6, "0"))
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _marking_run(header, marking.label, colour)
    if watermark:
        _watermark(header, watermark)
    footer = section.footer
    top = footer.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _marking_run(top, marking.label, colour)
    line = footer.add_paragraph()
    width = section.page_width - section.left_margin - section.right_margin
    line.paragraph_format.tab_stops.add_tab_stop(width, alignment=2)  # right
    run = line.add_run(running + "\tPage ")
    run.font.size = Pt(8)
    field(line, "PAGE", "1", size=Pt(8))
    run = line.add_run(" of ")
    run.font.size = Pt(8)
    field(line, "NUMPAGES", "1", size=Pt(8))


def _marking_run(paragraph, label: str, colour: RGBColor) -> None:
    run = paragraph.add_run(label.upper())
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = colour


def field(paragraph, instruction: str, shown: str, *, size=None) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``, ``TOC …``) showing ``shown`` until Word updates it."""
    def run_with(*children):
        run = paragraph.add_run()
        if size is not None:
            run.font.size = size
        for child in children:
            run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = shown
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(begin)
    run_with(instr)
    run_with(separate)
    run_with(text)
    run_with(end)


def _watermark(paragraph, text: str) -> None:
    """Word's own text watermark: a grey diagonal WordArt shape behind the page, from the header."""
    from lxml import etree

    escaped = (text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
               .replace(">", "&gt;"))
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
        '<v:textpath on="t" fitshape="t"/></v:shapetype>'
        '<v:shape id="BriefbookWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:468pt;height:117pt;rotation:315;'
        'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
        'mso-position-vertical:center;mso-position-vertical-relative:margin" '
        'o:allowincell="f" fillcolor="silver" stroked="f">'
        '<v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="{escaped}"/>'
        '</v:shape></w:pict></w:r>'
    )
    paragraph._p.append(etree.fromstring(xml))
