"""The book's stylesheet: every font, size, colour and space in one place.

Styles inherit with ``parent=`` (after ReportLab's docco tool), so the body
face or leading changes here once. House style (DESIGN.md): 20 mm margins,
body 10.5 pt on 14 pt, headings in the same family, bold, with clear steps:
cover 24 pt, section 16 pt, issue 14 pt, subsection 9.5 pt bold capitals.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefing.pdf.fonts import BODY, BODY_BOLD, BODY_ITALIC

# -- page geometry -------------------------------------------------------------
MARGIN = 20 * mm
TOP_MARGIN = 22 * mm              # from the sheet's top edge to the body
BOTTOM_MARGIN = 25 * mm           # from the sheet's bottom edge to the body
#: Nothing is printed nearer the sheet's edge than this: office printers leave about 5 mm
#: blank, and a copier's or binder's margin more (the book editor's 10 mm).
PRINT_SAFE = 10 * mm
BANNER_HEIGHT = 5.5 * mm          # the coloured sensitivity band, top and bottom
BANNER_INSET = PRINT_SAFE         # from the sheet's top edge to the top band
RUNNING_BASELINE = PRINT_SAFE + 1.5 * mm   # the running line's baseline (its descenders clear 10 mm)
RUNNING_GAP = 3.5 * mm            # from the running line's baseline up to the bottom band
RUNNING_HEAD_BASELINE = 19.5 * mm  # from the top edge: a continued paper's "(continued)" head

# -- colours -------------------------------------------------------------------
INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f3a5f")        # headings, rules, header box
MUTED = colors.HexColor("#5b6470")         # secondary text, running line
RULE = colors.HexColor("#b8c0cc")
ZEBRA = colors.HexColor("#f1f3f6")
HEADER_FILL = colors.HexColor("#e3e8ef")
LINK_HEX = "#1b4f9c"
LINK = colors.HexColor(LINK_HEX)
RED_LINE = colors.HexColor("#a3201d")
RED_LINE_FILL = colors.HexColor("#fbf0ef")
CODE_FILL_HEX = "#f3f4f6"
CODE_FILL = colors.HexColor(CODE_FILL_HEX)
INSERTED_HEX = "#1d6b35"                   # a diff's insertions (also underlined)
DELETED_HEX = "#a3201d"                    # a diff's deletions (also struck through)
DRAFT_HEX = "#a3201d"                      # the "DRAFT" tag of a paper not yet cleared
DRAFT_SIZE = 8.5
WATERMARK = colors.Color(0.55, 0.58, 0.62, alpha=0.24)   # translucent: drawn over the page

# -- type ----------------------------------------------------------------------
BODY_SIZE, BODY_LEADING = 10.5, 14
BANNER_SIZE = 9                   # bold capitals, readable at arm's length
RUNNING_SIZE = 8
WATERMARK_SIZE = 96

body = ParagraphStyle("body", fontName=BODY, fontSize=BODY_SIZE, leading=BODY_LEADING,
                      textColor=INK, spaceAfter=5, alignment=TA_LEFT, splitLongWords=1,
                      allowWidows=0, allowOrphans=0, bulletFontName=BODY)
small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, spaceAfter=3)
muted = ParagraphStyle("muted", parent=small, textColor=MUTED)
cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12.5, spaceAfter=0)
cell_muted = ParagraphStyle("cell_muted", parent=cell, fontSize=8.5, leading=11, textColor=MUTED)
cell_link = ParagraphStyle("cell_link", parent=cell, fontSize=8.5, leading=11, textColor=LINK)
cell_head = ParagraphStyle("cell_head", parent=cell, fontName=BODY_BOLD, fontSize=8.5,
                           textColor=ACCENT)

# cover
cover_kicker = ParagraphStyle("cover_kicker", parent=body, fontName=BODY_BOLD, fontSize=11,
                              leading=14, textColor=MUTED, spaceAfter=10)
cover_title = ParagraphStyle("cover_title", parent=body, fontName=BODY_BOLD, fontSize=24,
                             leading=30, textColor=ACCENT, spaceAfter=14)
cover_label = ParagraphStyle("cover_label", parent=small, fontName=BODY_BOLD, textColor=MUTED,
                             spaceAfter=0)
cover_value = ParagraphStyle("cover_value", parent=body, fontSize=11.5, leading=15, spaceAfter=9)
cover_marking = ParagraphStyle("cover_marking", parent=body, fontName=BODY_BOLD, fontSize=20,
                               leading=26, alignment=TA_CENTER, textColor=colors.white)

# headings: each kept with what follows it (``keepWithNext``), so that none ends a page
section = ParagraphStyle("section", parent=body, fontName=BODY_BOLD, fontSize=16, leading=20,
                         textColor=ACCENT, spaceBefore=0, spaceAfter=10, keepWithNext=1)
group = ParagraphStyle("group", parent=section, fontSize=13, leading=17, spaceBefore=12,
                       spaceAfter=6)
issue = ParagraphStyle("issue", parent=section, fontSize=14, leading=18, spaceAfter=4)
issue_meta = ParagraphStyle("issue_meta", parent=small, textColor=MUTED, spaceAfter=0)
subsection = ParagraphStyle("subsection", parent=body, fontName=BODY_BOLD, fontSize=9.5,
                            leading=13, textColor=ACCENT, spaceBefore=11, spaceAfter=4,
                            textTransform="uppercase", keepWithNext=1)
red_lines_heading = ParagraphStyle("red_lines_heading", parent=subsection, textColor=RED_LINE,
                                   spaceBefore=6)
person_name = ParagraphStyle("person_name", parent=body, fontName=BODY_BOLD, fontSize=11,
                             leading=14, spaceBefore=8, spaceAfter=1, keepWithNext=1)
#: A question of the defensive Q&A: bold, on its own line, kept with its answer.
question = ParagraphStyle("question", parent=body, fontName=BODY_BOLD, spaceBefore=4, spaceAfter=1,
                          keepWithNext=1)
person_role = ParagraphStyle("person_role", parent=small, textColor=MUTED, spaceAfter=3)

# Markdown inside note sections: headings step down from the subsection heading
md_headings = (
    ParagraphStyle("md_h1", parent=body, fontName=BODY_BOLD, fontSize=11.5, leading=15,
                   spaceBefore=8, spaceAfter=3, keepWithNext=1),
    ParagraphStyle("md_h2", parent=body, fontName=BODY_BOLD, fontSize=10.5, leading=14,
                   spaceBefore=6, spaceAfter=2, keepWithNext=1),
    ParagraphStyle("md_h3", parent=body, fontName=BODY_ITALIC, fontSize=10.5, leading=14,
                   spaceBefore=4, spaceAfter=2, keepWithNext=1),
)
list_item = ParagraphStyle("list_item", parent=body, spaceAfter=2)
quote = ParagraphStyle("quote", parent=body, textColor=MUTED)
code = ParagraphStyle("code", parent=small, backColor=CODE_FILL, borderPadding=3,
                      leftIndent=3, rightIndent=3, spaceBefore=3, spaceAfter=6)
source = ParagraphStyle("source", parent=small, leftIndent=16, firstLineIndent=-16,
                        spaceAfter=3)

# "what changed since the last round"
diff_line = ParagraphStyle("diff_line", parent=body, leftIndent=10, spaceAfter=4)
diff_item = ParagraphStyle("diff_item", parent=diff_line, leftIndent=26, bulletIndent=12)
diff_unchanged = ParagraphStyle("diff_unchanged", parent=muted, fontName=BODY_ITALIC, leftIndent=10)
change_tag = ParagraphStyle("change_tag", parent=muted, spaceBefore=0, spaceAfter=4, keepWithNext=1)

# contents
toc = (
    ParagraphStyle("toc0", parent=body, fontName=BODY_BOLD, fontSize=11, leading=15,
                   spaceBefore=5, spaceAfter=1),
    ParagraphStyle("toc1", parent=body, fontSize=10.5, leading=14, leftIndent=14, spaceAfter=1),
)

# page furniture
running = ParagraphStyle("running", parent=body, fontSize=RUNNING_SIZE, leading=10,
                         textColor=MUTED, spaceAfter=0, splitLongWords=0)
running_head = ParagraphStyle("running_head", parent=running, fontName=BODY_ITALIC)


def watermark_style(size: float) -> ParagraphStyle:
    """The diagonal watermark at ``size`` points (shrunk to fit long text)."""
    return ParagraphStyle("watermark", parent=body, fontName=BODY_BOLD, fontSize=size,
                          leading=size * 1.1, textColor=WATERMARK, splitLongWords=0)


#: Every table starts from these commands: no cell may fall back to ReportLab's Helvetica.
TABLE_BASE: tuple[tuple, ...] = (
    ("FONTNAME", (0, 0), (-1, -1), BODY),
    ("FONTSIZE", (0, 0), (-1, -1), 9.5),
    ("LEADING", (0, 0), (-1, -1), 12.5),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
)

#: A heading starts a new page unless this much room is left under it (heading and a few
#: lines): decided before the heading is laid out, so cheaper than ``keepWithNext`` (which the
#: heading styles also have, for what follows a heading taller than this).
KEEP_WITH_NEXT = 64

BULLET_INDENT = 14
LIST_INDENT = 16
PANEL_PADDING = 8
