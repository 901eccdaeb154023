"""Each page's font resources name only the fonts its content selects (``Tf``), and so do its forms'.

ReportLab gives every page of a document, and every form it draws, the
document's one font table: every font subset the document used. A part's
pages therefore name all of that part's subsets, and the page-number forms
drawn in a session's numbering file (``incremental.py``) name every subset of
the whole book. A viewer that checks a page's objects as it loads the file
walks all of them for every page: QtPdf does (PDFium's
``FPDFAvail_IsPageAvail``, every object the page reaches), and for a book
with Japanese papers (a subset per 256 kanji) reading a 373-page preview took
about three times as long as with each page naming its own few fonts.

``FontTrimmer.trim`` gives a page or form whose table names more than a few
fonts (``SMALL_TABLE``) a table of only the fonts its own content stream
selects with ``Tf``. The books joined from parts go through it: a session's
join as it renumbers the pages (``renumber.renumber``: the preview joined
whole and the export), the parallel layout's join (``parallel.merge``), and
the pages an appended update copies in (``appended.py``). Nothing a page draws
changes, only what its resources name. A book laid out in one process (short,
or without fork) keeps ReportLab's one table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pikepdf

#: A font table of at most this many fonts is kept as it is: a book in one script has about this
#: many faces (regular, bold, italic, bold italic, a name in Japanese), which cost a viewer little
#: to walk page by page, while trimming every page would cost the join about 0.1 s.
SMALL_TABLE = 6
#: ``/Name size Tf``: a name token (up to a PDF delimiter or white space), a number, the operator.
_SELECTS = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+[-+]?(?:\d+\.?\d*|\.\d+)\s+Tf(?![^\s/\[\]()<>{}%])")


def selected_fonts(content: bytes) -> set[str]:
    """The resource names of the fonts a content stream selects (``/F1+0 9 Tf`` → ``/F1+0``).

    A name inside a string (text that reads like an operator) may be counted too: that keeps
    a font in the table, which is harmless; a font the content selects is never missed."""
    return {"/" + found.group(1).decode("latin-1") for found in _SELECTS.finditer(content)}


class FontTrimmer:
    """Trims the font tables of one file's pages and forms; holders that select the same fonts
    of one table share one trimmed table (an object of its own)."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self._trimmed: dict[tuple, pikepdf.Object] = {}

    def trim(self, holder: pikepdf.Object) -> None:
        """Give ``holder`` (a page or a form), when its font table names more than
        ``SMALL_TABLE`` fonts, a table of only the fonts its own content selects; left as it is
        when its content cannot be read."""
        import pikepdf

        resources = holder.get("/Resources")
        table = resources.get("/Font") if resources is not None else None
        if table is None or len(table) <= SMALL_TABLE:
            return
        content = _page_content(holder) if holder.get("/Type") == "/Page" else _stream_content(holder)
        names = set(table.keys())
        kept = names & selected_fonts(content) if content is not None else names
        if kept == names:
            return
        if resources.is_indirect:  # possibly shared with another holder: this one gets its own
            resources = holder.Resources = pikepdf.Dictionary(dict(resources.items()))
        key = (table.objgen, frozenset(kept)) if table.is_indirect else None
        found = self._trimmed.get(key) if key is not None else None
        if found is None:
            found = pikepdf.Dictionary({name: table[name] for name in sorted(kept)})
            if key is not None:
                found = self._trimmed[key] = self.pdf.make_indirect(found)
        resources.Font = found


def names_few_fonts(pdf: pikepdf.Pdf) -> bool:
    """Whether ``pdf``, a file as ReportLab writes it, names at most ``SMALL_TABLE`` fonts.

    ReportLab gives every page and form of a document its one font table (an object of its
    own): when the first page's is that small, ``trim_fonts`` would keep every table as it is,
    and need not walk the pages and forms to find so (a book in one script: about 0.03 s of
    the parallel join). False when the first page's table is not such a shared object."""
    if len(pdf.pages) == 0:
        return True
    resources = pdf.pages[0].obj.get("/Resources")
    table = resources.get("/Font") if resources is not None else None
    return table is not None and table.is_indirect and len(table) <= SMALL_TABLE


def trim_fonts(pdf: pikepdf.Pdf, pages: Iterable[pikepdf.Object]) -> None:
    """``FontTrimmer.trim`` each of ``pages`` (of ``pdf``) and each form it draws (forms inside
    forms too)."""
    trimmer = FontTrimmer(pdf)
    seen: set[tuple[int, int]] = set()
    stack = list(pages)
    while stack:
        holder = stack.pop()
        trimmer.trim(holder)
        resources = holder.get("/Resources")
        for form in ((resources.get("/XObject") or {}) if resources is not None else {}).values():
            if form.is_indirect and form.objgen not in seen and form.get("/Subtype") == "/Form":
                seen.add(form.objgen)
                stack.append(form)


def _page_content(page: pikepdf.Object) -> bytes | None:
    import pikepdf

    contents = page.get("/Contents")
    if contents is None:
        return b""
    streams = contents if isinstance(contents, pikepdf.Array) else [contents]
    parts = [_stream_content(stream) for stream in streams]
    return None if any(part is None for part in parts) else b"\n".join(parts)  # type: ignore[misc]


def _stream_content(stream: pikepdf.Object) -> bytes | None:
    import pikepdf

    try:
        return stream.read_bytes()
    except (pikepdf.PdfError, NotImplementedError):  # a filter qpdf cannot undo: left as it is
        return None
