"""The book's document template: pages, furniture, outline and numbers, in one layout pass.

Page furniture on every page: the page's marking in a coloured band at top
and bottom (the highest marking on that page, ``briefing.pdf.marks``: noted as
the page is laid out, the bands are drawn when the page ends), the running line
(meeting title left, "Page X of Y" right), on a paper's second and later
pages a running head ("Title (continued)"), and the optional diagonal
watermark, marked as an artifact with no text to copy. Nothing is printed
within 10 mm of the sheet's edge. The outline is built as flowables are laid
out (``afterFlowable``), after ReportLab's docco tool. The file opens with its
bookmarks shown, says its language, and tags every font subset apart
(``distinct_subset_tags``).

A contents page usually costs a second full layout pass (``multiBuild``):
the page numbers are not known until the end. Here the book is laid out
once: every number not yet known ("of Y", a contents entry's page) is drawn
as a reference to a PDF form XObject, and the forms are written after the
last page, when the numbers are known. The contents' layout never depends
on its numbers, because their space is reserved.

Only those numbers are forms. The rest of the furniture is drawn into the
page itself, when the page ends and its markings and running head are known
(``_foot``); what belongs at the top of the page is moved to the head of the
page's content (``_at_head``), so the page still reads marking, running head,
content, marking, running line. Each form is an object with resources of its
own that a viewer walks for every page as it opens the file: QtPdf (PDFium)
took about twice as long to open the book with six forms a page as with one.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color, toColor
from reportlab.lib.units import mm
from reportlab.pdfbase import ttfonts
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from briefing.pdf import outlines, styles
from briefing.pdf.flowables import BookParagraph
from briefing.pdf.fonts import BODY, BODY_BOLD
from briefing.pdf.keeping import HeadingKeeper
from briefing.pdf.marks import PageMarks, book_highest
from briefing.pdf.typeset import Typesetter

if TYPE_CHECKING:
    from io import BytesIO

    from briefing.brief.records import Brief
    from briefing.markings.ladder import Ladder
    from briefing.pdf.options import BookOptions

_log = logging.getLogger(__name__)
#: The book's language (``/Lang``): its own words are English; notes in other scripts are spans.
LANGUAGE = "en"
#: Marked content around the watermark: a pagination artifact, not content (for screen readers
#: and tagged-PDF tools). Its letters are outlines (``outlines.py``), so there is no text to copy.
WATERMARK_BEGIN = "/Artifact <</Type /Pagination /Subtype /Watermark>> BDC"
WATERMARK_END = "EMC"

#: (key, title, level): an outline entry; flowables carry a list of them in ``outline``.
OutlineEntry = tuple[str, str, int]


class ExportCancelled(Exception):
    """Raised inside the layout when the caller's cancel check says so."""


@dataclass(frozen=True, slots=True)
class ExportProgress:
    """Where an export is: pages laid out so far, a rough fraction done, and the section."""

    page: int
    fraction: float
    section: str


@dataclass(frozen=True, slots=True)
class Furniture:
    """What every page shows besides the story."""

    running_title: str          # markup, already typeset
    marking: str                # the sensitivity label, e.g. "CONFIDENTIAL"
    marking_colour: str         # "#rrggbb"
    watermark: str              # markup, or "" for none


def with_outline(flowable: Flowable, *entries: OutlineEntry) -> Flowable:
    """Mark ``flowable`` so that laying it out adds outline entries pointing at its page."""
    flowable.outline = list(entries)  # type: ignore[attr-defined]
    return flowable


class BookTemplate(BaseDocTemplate):
    """Pages with furniture, outline and deferred page numbers."""

    def __init__(self, out, *, pagesize: tuple[float, float], furniture: Furniture,
                 ts: Typesetter, invariant: bool,
                 progress: Callable[[ExportProgress], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, marks: PageMarks | None = None,
                 **metadata: str) -> None:
        width, height = pagesize
        super().__init__(out, pagesize=pagesize, leftMargin=styles.MARGIN, rightMargin=styles.MARGIN,
                         topMargin=styles.TOP_MARGIN, bottomMargin=styles.BOTTOM_MARGIN,
                         initialFontName=BODY, lang=LANGUAGE, keepTogetherClass=HeadingKeeper,
                         initialFontSize=styles.BODY_SIZE, invariant=int(invariant),
                         creator="Briefbook", producer="Briefbook (ReportLab)", **metadata)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        # one page template: the cover carries the same marking and running line
        self.addPageTemplates([PageTemplate("book", [frame], onPage=self._head,
                                            onPageEnd=self._foot, pagesize=pagesize)])
        self.furniture = furniture
        self.ts = ts
        #: The markings noted on each page (None: every page has the furniture's marking).
        self.marks = marks
        self.pages: dict[str, int] = {}              # outline key → page number
        self.deferred: list[tuple[str, Callable[[int], None]]] = []
        self.deferred_names: set[str] = set()
        self._progress = progress
        self._cancelled = cancelled
        self._flowables_total = 1
        self._flowables_done = 0
        self._section = ""
        #: Set when the book is laid out in parts (``parallel.py``): called once this part's
        #: pages are laid out, with their count; returns (pages before this part, pages in all)
        #: and may add to ``pages``. Outline entries are then collected in ``outline``, not drawn.
        self.join: Callable[[BookTemplate, int], tuple[int, int]] | None = None
        self.outline: list[tuple[str, str, int, int]] = []    # (key, title, level, page)
        self._paper: tuple[str, int] | None = None   # the paper being laid out: (title, first page)
        self.continued: dict[int, str] = {}          # page → title of the paper it continues
        self._head_at = 0                            # where the page's content began
        self._heads: tuple = (None, None, 0.0)      # the last running head: (title, paragraph, height)
        self._running = self._running_paragraph(width)
        self._watermark = self._watermark_paragraph(width, height)
        self.setProgressCallBack(self._on_progress)

    # -- the layout pass -----------------------------------------------------------

    def afterFlowable(self, flowable: Flowable) -> None:
        """Bookmark and outline the flowables that carry outline entries."""
        for key, title, level in getattr(flowable, "outline", ()):
            page = self.canv.getPageNumber()
            self.pages.setdefault(key, page)
            self.canv.bookmarkPage(key)
            if self.join is None:
                self.add_outline_entry(key, title, level)
            else:
                self.outline.append((key, title, level, page))
            self._section = title
            if key.startswith("paper-"):
                self._paper = (title, page)
            elif level == 0 and key != "papers":
                self._paper = None

    def add_outline_entry(self, key: str, title: str, level: int) -> None:
        self.canv.addOutlineEntry(self.ts.plain(title), key, level=level, closed=level > 0)

    def _on_progress(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._flowables_total = max(1, value)
        elif kind == "PROGRESS":
            self._flowables_done = value
            if self._cancelled is not None and self._cancelled():
                raise ExportCancelled()
        elif kind == "PAGE" and self._progress is not None:
            fraction = min(1.0, self._flowables_done / self._flowables_total)
            self._progress(ExportProgress(value, fraction, self._section))

    def _endBuild(self) -> None:
        # finish the last page without saving, write the forms every page refers to
        # (the numbers are known now), then save
        self._doSave = 0
        self.canv.showOutline()  # the file opens with its bookmarks panel shown
        super()._endBuild()
        laid_out = self.canv.getPageNumber() - 1
        before, total = (0, laid_out) if self.join is None else self.join(self, laid_out)
        for page in range(1, laid_out + 1):
            self._page_form(page, before + page, total)
        for name, fill in self.deferred:
            self.canv.beginForm(name)
            fill(total)
            self.canv.endForm()
        with distinct_subset_tags():
            self.canv.save()
        self.page_count = laid_out

    def defer(self, name: str, fill: Callable[[int], None]) -> None:
        """Write form ``name`` once the book is laid out; ``fill(total_pages)`` draws it."""
        self.deferred.append((name, fill))
        self.deferred_names.add(name)

    # -- furniture -----------------------------------------------------------------

    def note_marking(self, code: str | None) -> None:
        """A marked portion begins on the current page (None: the marked text ended);
        called by ``marks.PortionMark`` as it is drawn."""
        if self.marks is not None:
            self.marks.note(self.canv.getPageNumber(), code)

    def _head(self, canv, doc) -> None:
        # the page's marking and running head are known only when it ends (``_foot``), which
        # puts them here: before the page's content, so that the page reads marking, content,
        # marking, running line
        if self.marks is not None:
            self.marks.page_began(canv.getPageNumber())
        self._head_at = len(_content(canv))

    def _foot(self, canv, doc) -> None:
        page = canv.getPageNumber()
        if self._paper is not None and self._paper[1] < page:
            self.continued[page] = self._paper[0]
        label, colour = self._marking(page)
        _, height = self.pagesize
        with self._at_head(canv):
            self._band(canv, height - styles.BANNER_INSET - styles.BANNER_HEIGHT, label, colour)
            self._running_head(canv, page)
        self._band(canv, styles.RUNNING_BASELINE + styles.RUNNING_GAP, label, colour)
        para, _, h = self._running
        para.drawOn(canv, styles.MARGIN, styles.RUNNING_BASELINE - (h - styles.RUNNING_SIZE))
        canv.doForm(_page_form_name(page))  # written at the end, when the numbers are known
        if self._watermark is not None:
            # over everything (translucent), so that no box or table hides it; drawn on each
            # page rather than as a form, which could not carry the transparency
            # (as the outlines of its letters: no text for any program to copy or extract)
            width, height = self.pagesize
            para, w, _ = self._watermark
            canv.saveState()
            canv.addLiteral(WATERMARK_BEGIN)
            canv.translate(width / 2, height / 2)
            canv.rotate(_angle(width, height))
            canv.setFillColor(styles.WATERMARK)
            outlines.draw_line(canv, para, -w / 2, -para.style.fontSize * 0.36)
            canv.addLiteral(WATERMARK_END)
            canv.restoreState()

    @contextmanager
    def _at_head(self, canv) -> Iterator[None]:
        """What is drawn inside moves to the head of the page's content (where ``_head`` was
        called), as ReportLab moves a page's crop marks; drawn where it is when the canvas
        keeps its page's content some other way (``_content``: the page then reads otherwise)."""
        code = _content(canv)
        start = len(code)
        yield
        if code is not _NO_CONTENT:
            moved = code[start:]
            del code[start:]
            code[self._head_at:self._head_at] = moved

    def _band(self, canv, y: float, label: str, colour: str) -> None:
        width, _ = self.pagesize
        canv.saveState()
        canv.setFillColor(_ink(colour))
        canv.rect(styles.MARGIN, y, width - 2 * styles.MARGIN, styles.BANNER_HEIGHT, stroke=0, fill=1)
        canv.setFillColorRGB(1, 1, 1)
        canv.setFont(BODY_BOLD, styles.BANNER_SIZE)
        canv.drawCentredString(width / 2, y + (styles.BANNER_HEIGHT - styles.BANNER_SIZE * 0.7) / 2,
                               label)
        canv.restoreState()

    def _page_form(self, page: int, number: int, total: int) -> None:
        width, _ = self.pagesize
        self.canv.beginForm(_page_form_name(page))
        self.canv.setFont(BODY, styles.RUNNING_SIZE)
        self.canv.setFillColor(styles.MUTED)
        self.canv.drawRightString(width - styles.MARGIN, styles.RUNNING_BASELINE,
                                  f"Page {number} of {total}")
        self.canv.endForm()

    def _running_head(self, canv, page: int) -> None:
        """The running head of ``page``: "Title (continued)" on a paper's later pages, else nothing."""
        title = self.continued.get(page)
        if title is None:
            return
        if self._heads[0] != title:  # set once per paper, drawn on each of its later pages
            plain = self.ts.plain(title)
            if len(plain) > RUNNING_TITLE_MAX:
                plain = plain[:RUNNING_TITLE_MAX - 1] + "…"
            para = BookParagraph(self.ts.markup(f"{plain} (continued)", "Running head"),
                                 styles.running_head)
            _, h = para.wrap(self.pagesize[0] - 2 * styles.MARGIN, 100)
            self._heads = (title, para, h)
        _, para, h = self._heads
        para.drawOn(canv, styles.MARGIN,
                    self.pagesize[1] - styles.RUNNING_HEAD_BASELINE - (h - styles.RUNNING_SIZE))

    def _marking(self, page: int) -> tuple[str, str]:
        """The label and colour of ``page``'s bands: the highest marking on it."""
        if self.marks is None:
            return self.furniture.marking, self.furniture.marking_colour
        marking = self.marks.ladder.get(self.marks.banner(page))
        return marking.label.upper(), marking.colour

    def _running_paragraph(self, width: float) -> tuple[BookParagraph, float, float]:
        para = BookParagraph(self.furniture.running_title, styles.running)
        w, h = para.wrap(width - 2 * styles.MARGIN - 30 * mm, 100)
        return para, w, h

    def _watermark_paragraph(self, width: float, height: float) -> tuple[BookParagraph, float, float] | None:
        if not self.furniture.watermark:
            return None
        diagonal = (width ** 2 + height ** 2) ** 0.5
        size = styles.WATERMARK_SIZE
        for _ in range(3):
            style = styles.watermark_style(size)
            para = BookParagraph(self.furniture.watermark, style)
            para.wrap(diagonal * 4, height)
            natural = max(para.getActualLineWidths0() or [1.0])
            if natural <= diagonal * 0.7:
                break
            size *= diagonal * 0.7 / natural
        _, h = para.wrap(natural + 1, height)
        return para, outlines.line_width(para), h


@lru_cache(maxsize=64)
def _ink(colour: str) -> Color:
    """A marking's colour (``#rrggbb``, as the ladder gives it) as ReportLab reads it: once per
    colour, not twice a page (ReportLab tries a string as several other notations before hex)."""
    return toColor(colour)


def _page_form_name(page: int) -> str:
    return f"pageof{page}"


#: What ``_content`` gives for a canvas that does not keep its page's content as ReportLab 4-5 do.
_NO_CONTENT: list[str] = []


def _content(canv) -> list[str]:
    """The operators of the canvas's page so far (ReportLab's ``Canvas._code``, a list it appends
    to and itself edits in place for crop marks), or ``_NO_CONTENT`` when it has none such; then
    said once in the log: the page's furniture is drawn where it is, after the content."""
    code = getattr(canv, "_code", None)
    if isinstance(code, list):
        return code
    if not _said_no_content:
        _said_no_content.append(True)
        _log.warning("ReportLab's canvas has no list Canvas._code: a page's marking and running "
                     "head are drawn after its content (the page reads them last)")
    return _NO_CONTENT


_said_no_content: list[bool] = []


_saving = threading.Lock()


@contextmanager
def distinct_subset_tags() -> Iterator[None]:
    """While a canvas saves: every font subset it writes gets a tag of its own.

    ReportLab tags subsets by their number within one font, so the first subset
    of each font is ``AAAAAA+``: Noto Sans and Noto Sans Bold then share a tag,
    which PDF forbids (ISO 32000 9.6.4) and preflight tools report. Here the
    tags count on across the fonts of one file. ``ttfonts.SUBSETN`` (already
    relied on by ``parallel.py``, whose runs offset it) is replaced for the save
    only, under a lock, so that two books saved by two threads do not mix counts.
    """
    with _saving:
        base = ttfonts.SUBSETN
        counter = itertools.count()
        ttfonts.SUBSETN = lambda n: base(next(counter))
        try:
            yield
        finally:
            ttfonts.SUBSETN = base


def _angle(width: float, height: float) -> float:
    from math import atan2, degrees

    return degrees(atan2(height, width))


#: The running line's title is cut (with an ellipsis) beyond this many characters.
RUNNING_TITLE_MAX = 90


def book_template(buffer: BytesIO, brief: Brief, options: BookOptions, ts: Typesetter, ladder: Ladder,
                  progress, cancelled) -> BookTemplate:
    """The document template of ``brief``'s book: pages, furniture, metadata."""
    m = brief.meeting
    marking = ladder.get(book_highest(brief, ladder))  # the cover's and the metadata's marking
    title = ts.plain(m.title)
    running = title if len(title) <= RUNNING_TITLE_MAX else title[:RUNNING_TITLE_MAX - 1] + "…"
    furniture = Furniture(
        running_title=ts.markup(running, "Running line"),
        marking=marking.label.upper(),
        marking_colour=marking.colour,
        watermark=ts.markup(options.watermark.strip(), "Watermark", bold=True),
    )
    round_name = "launch" if m.round_no == 0 else f"round {m.round_no}"
    subject = f"Briefing book, {round_name}" + (f", with {ts.plain(m.counterpart)}" if m.counterpart else "")
    return BookTemplate(buffer, pagesize=options.pagesize, furniture=furniture, ts=ts,
                        invariant=options.invariant, progress=progress, cancelled=cancelled,
                        marks=PageMarks(ladder, m.sensitivity),
                        title=title, author=ts.plain(m.prepared_by),
                        subject=subject, keywords=marking.label)
