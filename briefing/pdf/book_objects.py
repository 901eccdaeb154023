"""A joined book's objects as an appended update needs them: links, font tables, outline, destinations.

Read with pikepdf from the book (``briefing.pdf.appended``): each part's link
annotations with the destination each names, the distinct font tables of pages
and the forms they draw, the outline's items in reading order, and a named
destination resolved to its page. What an update cannot handle raises
``NotAppendable``, and the book is joined whole.
"""

from __future__ import annotations

from typing import Any

from briefing.pdf.parallel import _FIT_ARGS


class NotAppendable(Exception):
    """This update cannot be appended (the caller joins the book whole): why."""


def link_annotations(part: Any, pages: list) -> list[tuple[str, Any]]:
    """Each link annotation of ``pages`` (a part's pages in the book) with the destination it
    names in the part's own file (read there: in the book it may be resolved already)."""
    names = part.link_names()
    found = []
    for page, page_names in zip(pages, names, strict=True):
        for annot, name in zip(page.get("/Annots") or (), page_names, strict=True):
            if name is not None:
                if not annot.is_indirect:
                    raise NotAppendable("a link annotation is not an object of its own")
                found.append((name, annot))
    return found


def font_tables(holders: list) -> list:
    """The distinct font tables of pages or forms and of the forms they draw."""
    tables, seen = [], set()
    stack = [holder.get("/Resources") for holder in holders]
    while stack:
        resources = stack.pop()
        if resources is None:
            continue
        table = resources.get("/Font")
        if table is not None and (not table.is_indirect or table.objgen not in seen):
            if table.is_indirect:
                seen.add(table.objgen)
            tables.append(table)
        for form in (resources.get("/XObject") or {}).values():
            if form.is_indirect and form.objgen in seen:
                continue
            seen.add(form.objgen)
            stack.append(form.get("/Resources"))
    return tables


def outline_items(outlines) -> list:
    """The outline's items in reading order (an entry, then its children)."""
    items: list = []
    if outlines is None:
        return items

    def walk(item) -> None:
        while item is not None:
            items.append(item)
            walk(item.get("/First"))
            item = item.get("/Next")

    walk(outlines.get("/First"))
    return items


def resolved(where: dict, name: str):
    """The destination ``name`` resolved to its page (``where``: a name → (page, fit, arguments))."""
    import pikepdf

    if name not in where:
        raise NotAppendable(f"no destination named {name!r} in the book")
    page, fit, args = where[name]
    return pikepdf.Array([page, pikepdf.Name("/" + fit), *(args[i] for i in _FIT_ARGS[fit])])
