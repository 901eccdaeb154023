"""``AppendedBook``: the preview's book refreshed by a PDF incremental update, not written anew.

A ``BookSession`` joins a book from its parts' files; writing all of it again
(qpdf writing every page of a 300-page book) took most of a preview's time
after one word was typed. The preview instead keeps the last book it showed
and appends to its bytes an incremental update (ISO 32000-2 7.5.6): the
objects that are new or changed, then a cross-reference stream whose
``/Prev`` points at the one before. What an update holds:

- the pages of each part laid out again, copied from its file: their content,
  resources, number forms and links (every named destination resolved to its
  page in the book);
- font subsets that grew (a character never drawn before), written under their
  old object numbers, so that the other parts' pages still point at them; a
  subset new to the book as a new object with a tag of its own;
- the page tree's node, the links of other parts that point into a part laid
  out again (the contents, the agenda), and the outline: only the entries whose
  page changed, or the whole outline when its entries did.

An edit that moves page numbers (a part's page count changes: every "Page X
of Y" changes) is not appended: the book is joined whole, its numbers drawn
again (``incremental``). The book read back is the book a full join makes
(``tests/briefing/pdf/test_appended.py``). The file grows with each update;
when it is half as large again as a compact book (or after ``MAX_UPDATES``),
``worth_compacting`` says so and the session joins the next book whole. An
export, to a file or with a password, is always joined whole (``parallel.merge``).

This module decides what an update holds; ``pdf_update`` writes its bytes, and
``book_objects`` reads the book's links, font tables, outline and destinations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase import ttfonts

from briefing.pdf.book_objects import NotAppendable, font_tables, link_annotations, outline_items, resolved
from briefing.pdf.page_fonts import trim_fonts
from briefing.pdf.parallel import Bound
from briefing.pdf.pdf_update import incremental_update
from briefing.pdf.shared_fonts import font_id

if TYPE_CHECKING:
    import pikepdf

#: An appended book half as large again as its compact start is joined whole next time.
COMPACT_GROWTH = 1.5
#: ... and so is one after this many updates.
MAX_UPDATES = 60
#: An update that would rewrite more than this share of the book's pages is not worth it.
MOST_REWRITTEN = 0.5

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


@dataclass
class Shown:
    """One part of the book as the appended file shows it."""

    part: Any                                     # its ``LaidOutPart``
    pages: list                                   # its page dictionaries in the book
    numbers: tuple                                # (first page, total, pages) its forms show
    links: list[tuple[str, Any]] = field(default_factory=list)  # (destination, link annotation)


@dataclass(frozen=True)
class Placement:
    """Where each part of the new book stands and which number forms it needs."""

    numbers: list[tuple]                          # per part: (first page, total, pages)
    sources: list[tuple[bytes, int] | None]       # per part: its forms in a numbering file, or
    # None: the part's own are right
    outline: list[tuple[str, str, int]]           # the book's outline entries (key, title, level)


class AppendedBook:
    """A joined book kept open, refreshed by appending incremental updates to its bytes."""

    def __init__(self, data: bytes, parts: Sequence[Any], placement: Placement,
                 sizes: dict[tuple[str, str], int], generation: int) -> None:
        import pikepdf

        self.data = data
        self.generation = generation              # the shared fonts' (their codes must hold)
        self.sizes = dict(sizes)                  # characters in each subset the book embeds
        self.compact_size = len(data)
        self.updates = 0
        self._pdf = pikepdf.open(BytesIO(data))
        found = _STARTXREF.search(data[-64:])
        if found is None:
            raise NotAppendable("the joined book has no startxref")
        self._xref = int(found.group(1))
        trailer = self._pdf.trailer
        self._size = self._base_size = int(trailer.Size)
        self._written: set[int] = set()           # numbers written by updates (below _size: all)
        self._id = bytes(trailer.ID[0]) if "/ID" in trailer else b""
        self._tree = self._pdf.Root.Pages
        kids = list(self._tree.Kids)
        if int(self._tree.Count) != len(kids) or any(kid.get("/Type") != "/Page" for kid in kids):
            raise NotAppendable("the joined book's page tree is not flat")
        self.shown: list[Shown] = []
        first = 0
        for part, numbers in zip(parts, placement.numbers, strict=True):
            pages = kids[first:first + part.pages]
            first += part.pages
            self.shown.append(Shown(part, pages, numbers, link_annotations(part, pages)))
        self.fonts: dict[tuple[str, str], pikepdf.Object] = {}
        for shown in self.shown:
            for table in font_tables(shown.pages):
                for key, font in table.items():
                    self.fonts.setdefault(font_id(key, font), font)
        self.outline = list(placement.outline)
        self._items = outline_items(self._pdf.Root.get("/Outlines"))
        if len(self._items) != len(self.outline):
            raise NotAppendable("the joined book's outline does not follow its entries")

    def worth_compacting(self) -> bool:
        """The appended updates have grown the file enough for the next book to be joined whole."""
        return (self.updates >= MAX_UPDATES
                or len(self.data) > COMPACT_GROWTH * self.compact_size)

    def rewrites(self, parts: Sequence[Any], placement: Placement) -> int:
        """How many pages an update to ``parts`` would write (copied in, or renumbered: then the
        update cannot be appended)."""
        shown = {id(s.part): s for s in self.shown}
        count = 0
        for part, numbers in zip(parts, placement.numbers, strict=True):
            old = shown.get(id(part))
            if old is None or old.numbers != numbers:
                count += part.pages
        return count

    def update(self, parts: Sequence[Any], placement: Placement, numbering: bytes | None,
               sizes: dict[tuple[str, str], int]) -> bytes:
        """The book of ``parts`` (in order), appended to the last one: its bytes.

        ``numbering`` is the numbering file of this build (the outline, every font subset),
        needed when a font grew or the outline changed.
        ``NotAppendable`` when it cannot be done (the caller joins the book whole): at once
        when page numbers moved; the book is then no longer usable (it may be half changed)."""
        import pikepdf

        pdf = self._pdf
        dirty: list[pikepdf.Object] = []
        opened: dict[int, pikepdf.Pdf] = {}

        def source(data: bytes) -> pikepdf.Pdf:
            if id(data) not in opened:
                opened[id(data)] = pikepdf.open(BytesIO(data))
            return opened[id(data)]

        before = {id(s.part): s for s in self.shown}
        for part, numbers in zip(parts, placement.numbers, strict=True):
            old = before.get(id(part))
            if (old.numbers if old is not None else part.numbers) != numbers:
                # every "Page X of Y" changes, or the contents' numbers: joined whole, drawn again
                raise NotAppendable("the book's page numbers moved")
        try:
            grown = {key for key, count in sizes.items() if self.sizes.get(key) != count}
            if grown:
                if numbering is None:
                    raise NotAppendable("a font subset grew and there is no numbering file")
                self._refresh_fonts(grown, source(numbering), dirty)
            shown: list[Shown] = []
            copied: set[int] = set()
            for index, part in enumerate(parts):
                old = before.get(id(part))
                if old is None:
                    old = self._copy_in(part, source(part.data))
                    copied.add(index)
                shown.append(old)
            where = self._destinations(shown)
            # names whose page changed: bound in a part copied in, or in one no longer shown
            kept = {id(s.part) for s in shown}
            moved = {name for index in copied for name in shown[index].part.bound}
            moved.update(name for s in self.shown if id(s.part) not in kept for name in s.part.bound)
            for index, s in enumerate(shown):
                for name, annot in s.links:
                    if index in copied or name in moved:
                        annot.Dest = resolved(where, name)
                        if index not in copied:
                            dirty.append(annot)
            if placement.outline == self.outline:
                for item, (key, _, _) in zip(self._items, self.outline, strict=True):
                    if key in moved:
                        item.Dest = resolved(where, key)
                        dirty.append(item)
            else:
                if numbering is None:
                    raise NotAppendable("the outline changed and there is no numbering file")
                outlines = pdf.copy_foreign(source(numbering).Root.Outlines)
                self._items = outline_items(outlines)
                for item in self._items:
                    item.Dest = resolved(where, str(item.Dest)[1:])
                pdf.Root.Outlines = outlines
                dirty.append(pdf.Root)
                self.outline = list(placement.outline)
            kids = [page for s in shown for page in s.pages]
            if [p.objgen for p in kids] != [p.objgen for p in self._tree.Kids]:
                self._tree.Kids = pikepdf.Array(kids)
                self._tree.Count = len(kids)
                dirty.append(self._tree)
            self.shown = shown
            self.sizes = dict(sizes)
            self._append(dirty)
        finally:
            for other in opened.values():
                other.close()
        self.updates += 1
        return self.data

    # -- the objects an update changes ------------------------------------------------------

    def _copy_in(self, part: Any, origin: pikepdf.Pdf) -> Shown:
        """The part's pages copied into the book, their fonts the book's: not yet numbered."""
        pages = []
        for page in origin.pages:
            copy = self._pdf.copy_foreign(page.obj)
            copy.Parent = self._tree
            pages.append(copy)
        trim_fonts(self._pdf, pages)  # as the book joined whole has them
        for table in font_tables(pages):
            self._refont(table)
        return Shown(part, pages, part.numbers, link_annotations(part, pages))

    def _refont(self, table: pikepdf.Object) -> None:
        """A copied font table pointed at the book's subsets."""
        for key in list(table.keys()):
            shared = self.fonts.get(font_id(key, table[key]))
            if shared is None:
                raise NotAppendable(f"the book has no font subset {font_id(key, table[key])}")
            table[key] = shared

    def _refresh_fonts(self, grown: set[tuple[str, str]], numbering: pikepdf.Pdf, dirty: list) -> None:
        """Subsets that grew rewritten under their objects; new ones added with tags of their own."""
        import pikepdf

        theirs = {}
        for table in font_tables([numbering.pages[0].obj]):
            for key, font in table.items():
                theirs[font_id(key, font)] = font
        tags = {str(font.BaseFont)[1:].split("+", 1)[0] for font in self.fonts.values()}
        for key in sorted(grown):
            if key not in theirs:
                raise NotAppendable(f"the numbering file has no font subset {key}")
            fresh = self._pdf.copy_foreign(theirs[key])
            mine = self.fonts.get(key)
            if mine is None:
                tag = next(tag for n in range(10**6) if (tag := ttfonts.SUBSETN(n).decode()) not in tags)
                tags.add(tag)
                fresh.BaseFont = pikepdf.Name(f"/{tag}+{key[0]}")
                fresh.FontDescriptor.FontName = fresh.BaseFont
                self.fonts[key] = fresh
                continue
            for name in list(mine.keys()):
                if name not in fresh:
                    del mine[name]
            for name, value in fresh.items():
                if name != "/BaseFont":
                    mine[name] = value
            mine.FontDescriptor.FontName = mine.BaseFont  # the copied descriptor: a new object
            dirty.append(mine)

    def _destinations(self, shown: list[Shown]) -> dict:
        """Every named destination of the book → (its page, fit, arguments)."""
        where = {}
        for s in shown:
            bound: dict[str, Bound] = s.part.bound
            for name, (page, fit, args) in bound.items():
                where.setdefault(name, (s.pages[page - 1], fit, args))
        return where

    # -- writing the update -----------------------------------------------------------------

    def _append(self, dirty: list) -> None:
        """Write the dirty objects and every new object they reach, then a cross-reference stream."""
        update = incremental_update(self._pdf, self.data, dirty, prev_xref=self._xref, size=self._size,
                                    is_written=self._is_written, file_id=self._id)
        self.data = self.data + (b"" if self.data.endswith(b"\n") else b"\n") + update.data
        self._xref = update.xref
        self._size = update.size
        self._written.update(update.numbers)

    def _is_written(self, number: int) -> bool:
        return number < self._base_size or number in self._written
