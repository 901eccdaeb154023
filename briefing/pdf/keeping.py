"""Flowables that hold the book's pages together: a heading kept with the start of what follows
it (``HeadingKeeper``, the book's ``keepWithNext``), and "p. 7" references to a part's page
(``PageReference``, written once the book is laid out)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table
from reportlab.platypus.doctemplate import FrameBreak


class HeadingKeeper(KeepTogether):
    """``keepWithNext`` in the book: a heading goes to the next page unless the start of what
    follows it fits under it on this one (ReportLab's ``KeepTogether`` would move the heading
    whenever all of what follows does not fit, leaving most of a page blank)."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        *heads, following = self._content
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and getattr(frame, "_atTop", 0)
        used = 0.0
        for index, head in enumerate(heads):
            used += head.wrapOn(self.canv, aW, aH)[1] + head.getSpaceAfter()
            used += head.getSpaceBefore() if index else 0
        room = aH - used - following.getSpaceBefore()
        if at_top or (room > 0 and _starts_in(following, self.canv, aW, room)):
            return list(self._content)
        return [FrameBreak(), *self._content]


def _starts_in(flowable: Flowable, canv, width: float, room: float) -> bool:
    """Whether ``flowable``, or the least first piece of it a page may end after, fits in ``room``:
    two lines of a paragraph (the book allows no orphans), a table's first rows. Estimated from
    the layout, never by splitting (a trial split would change what a paragraph caches)."""
    height = flowable.wrapOn(canv, width, room)[1]
    if height <= room:
        return True
    if isinstance(flowable, Table):
        rows = getattr(flowable, "_rowHeights", None) or [height]
        repeat = flowable.repeatRows
        first = (max(repeat) + 1 if repeat else 0) if isinstance(repeat, tuple) else repeat
        return sum(rows[:first + 1]) <= room
    leading = getattr(getattr(flowable, "style", None), "leading", None)
    return leading is not None and 2 * leading <= room


class PageReference(Flowable):
    """``p. 7``: the page of outline entry ``key``, a link to it (written when the book is done)."""

    def __init__(self, key: str, style) -> None:
        super().__init__()
        self.key = key
        self.style = style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = min(availWidth, 40.0), self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        doc = canv._doctemplate
        name = f"pageref-{self.key}"
        canv.doForm(name)
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)
        if name in doc.deferred_names:
            return
        style, baseline = self.style, self.height - self.style.fontSize

        def fill(_total: int) -> None:
            page = doc.pages.get(self.key)
            doc.canv.setFont(style.fontName, style.fontSize)
            doc.canv.setFillColor(style.textColor)
            doc.canv.drawString(0, baseline, f"p. {page}" if page is not None else "p. –")

        doc.defer(name, fill)
