"""Numbering a book joined from a session's parts: which parts' number forms are stale, the
numbering file that draws them again, and the joined pages pointed at it.

A ``BookSession`` (``incremental.py``) lays each part out numbered with the
pages the book is expected to have. When a part before another grew a page,
the later part's numbers are wrong: they are drawn again, by the same code
that drew them in the part (``BookTemplate._page_form``, the part's deferred
fills), in a small *numbering* file made last (``numbering_file``), which
also holds the book's outline and every font subset of the session, once.
``renumber`` points the joined pages at that file's fonts and forms.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

from briefing.pdf import styles
from briefing.pdf.appended import AppendedBook, Placement
from briefing.pdf.fonts import BODY
from briefing.pdf.laid_out import LaidOutPart, SessionStats
from briefing.pdf.options import BookOptions
from briefing.pdf.page_fonts import SMALL_TABLE, FontTrimmer
from briefing.pdf.parallel import PartCanvas
from briefing.pdf.shared_fonts import NUMBERING_BLOCK, SharedFonts, font_id, subsets_in_block
from briefing.pdf.templates import distinct_subset_tags

if TYPE_CHECKING:
    import pikepdf


def place_parts(parts: list[LaidOutPart], options: BookOptions, stats: SessionStats,
                book: AppendedBook | None, fonts: SharedFonts
                ) -> tuple[list[int], dict[str, int], Placement, bytes | None]:
    """Where each part stands, which number forms it needs, and where the book's outline keys
    are; the numbering file (forms no file holds yet, the outline, every subset), made unless
    an update to ``book`` needs none (no part's numbers, no subset and no outline entry
    changed)."""
    before = [0]
    pages: dict[str, int] = {}
    for part in parts:
        for key, page in part.local_pages.items():
            pages.setdefault(key, before[-1] + page)
        before.append(before[-1] + part.pages)
    total = before[-1]
    # each part's number forms: its own, or drawn again in an earlier numbering file or now
    sources: list[tuple[bytes, int] | None] = []
    stale: set[int] = set()
    numbers = [(before[index], total, pages) for index in range(len(parts))]
    for index, part in enumerate(parts):
        now = numbers[index]
        if part.numbers == now:
            sources.append(None)
        elif part.renumbered is not None and part.renumbered[0] == now:
            sources.append(part.renumbered[1:])
        else:
            sources.append(None)
            stale.add(index)
    stats.renumbered = len(stale)
    outline = [(key, title, level) for part in parts for key, title, level, _ in part.outline]
    placement = Placement(numbers, sources, outline)
    wanted = book is None or bool(stale) or outline != book.outline or any(
        book.sizes.get(key) != count for key, count in fonts.sizes().items())
    numbering = None
    if wanted:
        numbering = numbering_file(parts, stale, before, pages, options, fonts)
        for index in stale:
            parts[index].renumbered = (numbers[index], numbering, index)
            sources[index] = (numbering, index)
    return before, pages, placement, numbering


def numbering_file(parts: list[LaidOutPart], stale: set[int], before: list[int],
                   pages: dict[str, int], options: BookOptions, fonts: SharedFonts) -> bytes:
    """A one-page file: the number forms of the ``stale`` parts drawn with the book's
    ``pages``, the book's outline, and every font subset of the session."""
    total = before[-1]
    buffer = BytesIO()
    canv = NumberingCanvas(buffer, pagesize=options.pagesize, invariant=int(options.invariant),
                          initialFontName=BODY, initialFontSize=styles.BODY_SIZE)
    fonts.bind(canv._doc)
    for index in sorted(stale):
        part, first = parts[index], before[index]
        doc = part.doc
        canv.prefix = form_prefix(index)
        doc.canv, doc.pages = canv, pages
        try:
            for page in range(1, part.pages + 1):
                doc._page_form(page, first + page, total)  # as the part drew it, renumbered
            for name, fill in part.deferred:
                canv.beginForm(name)
                fill(total)
                canv.endForm()
        finally:
            doc.pages = part.local_pages
            del doc.canv
    canv.prefix = ""
    for name in list(canv.made):  # shown on the page, so that joining finds them
        canv.doForm(name)
    if parts:
        doc = parts[0].doc
        for part in parts:
            for key, title, level, _ in part.outline:
                canv.addOutlineEntry(doc.ts.plain(title), key, level=level, closed=level > 0)
    fonts.embed_all(canv._doc)
    canv.showPage()
    with subsets_in_block(NUMBERING_BLOCK), distinct_subset_tags():
        canv.save()
    return buffer.getvalue()


class NumberingCanvas(PartCanvas):
    """The numbering file's canvas: every form is named with the prefix of the part it is for."""

    prefix = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.made: list[str] = []

    def beginForm(self, name, *args, **kwargs):
        self.made.append(self.prefix + name)
        return super().beginForm(self.prefix + name, *args, **kwargs)


def form_prefix(index: int) -> str:
    """The prefix of the names of the forms drawn again for part ``index``."""
    return f"n{index}_"


_FORM = "/FormXob."


def renumber(pdf: pikepdf.Pdf, parts: list[LaidOutPart], sources: list[tuple[bytes, int] | None],
             numbers: bytes) -> None:
    """Point the joined pages at the numbering file's fonts, and each part's number forms at
    those drawn again for it (``sources``: a numbering file and the part's index in it, or
    None: its own are right); give the book its outline (``merge`` resolves its destinations)."""
    import pikepdf

    copied: dict[tuple[int, tuple[int, int]], pikepdf.Object] = {}
    opened: dict[int, pikepdf.Pdf] = {}

    def local(obj: pikepdf.Object, origin: pikepdf.Pdf) -> pikepdf.Object:
        key = (id(origin), obj.objgen)
        if key not in copied:
            copied[key] = pdf.copy_foreign(obj)
        return copied[key]

    def source_of(data: bytes) -> pikepdf.Pdf:
        if id(data) not in opened:
            opened[id(data)] = pikepdf.open(BytesIO(data))
        return opened[id(data)]

    try:
        book = source_of(numbers)
        resources = book.pages[0].obj.Resources
        fonts = {font_id(key, font): font for key, font in (resources.get("/Font") or {}).items()}
        done: set[tuple[int, int]] = set()
        trimmer = FontTrimmer(pdf)
        large: set[tuple[int, int]] = set()  # the tables naming more fonts than a page keeps

        def refont(holder: pikepdf.Object) -> bool:
            """Point the font table at the book's fonts; whether its holder has to be trimmed
            (``page_fonts``: the table names more than ``SMALL_TABLE`` fonts)."""
            table = holder.get("/Font")
            if table is None:
                return False
            if table.is_indirect and table.objgen in done:
                return table.objgen in large
            if table.is_indirect:
                done.add(table.objgen)
            keys = list(table.keys())
            for key in keys:
                shared = fonts.get(font_id(key, table[key]))
                if shared is not None:
                    table[key] = local(shared, book)
            if len(keys) > SMALL_TABLE and table.is_indirect:
                large.add(table.objgen)
            return len(keys) > SMALL_TABLE

        index = 0
        for part, source in zip(parts, sources, strict=True):
            forms: dict = {}
            if source is not None:
                origin = source_of(source[0])
                prefix = _FORM + form_prefix(source[1])
                forms = origin.pages[0].obj.Resources.get("/XObject") or {}
            for _ in range(part.pages):
                page = pdf.pages[index].obj
                if refont(page.Resources):  # each page and form names only its own fonts
                    trimmer.trim(page)
                xobjects = page.Resources.get("/XObject") or {}
                for name in list(xobjects.keys()):
                    if source is not None and (prefix + name[len(_FORM):]) in forms:
                        xobjects[name] = local(forms[prefix + name[len(_FORM):]], origin)
                    form = xobjects[name]
                    if form.objgen not in done and "/Resources" in form:
                        done.add(form.objgen)
                        if refont(form.Resources):
                            trimmer.trim(form)
                index += 1
        outlines = book.Root.get("/Outlines")
        if outlines is not None:
            pdf.Root.Outlines = local(outlines, book)
    finally:
        for other in opened.values():
            other.close()
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
