"""A book session's records: ``LaidOutPart`` (one part laid out alone) and ``SessionStats``.

``BookSession`` (``incremental.py``) keeps a ``LaidOutPart`` per part while its
inputs are unchanged; joining and numbering the book (``renumber.py``,
``appended.py``) read its file, destinations, outline and number forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from typing import TYPE_CHECKING, Any

from briefing.pdf.parallel import Bound
from briefing.pdf.templates import BookTemplate
from briefing.pdf.typeset import Typesetter

if TYPE_CHECKING:
    import pikepdf


@dataclass
class LaidOutPart:
    """One part laid out alone: its file, and what joining and numbering the book needs of it."""

    data: bytes
    pages: int
    outline: list[tuple[str, str, int, int]]      # (key, title, level, page in the part)
    bound: dict[str, Bound]                       # destination → where it is in the part
    local_pages: dict[str, int]                   # outline key → page in the part
    doc: BookTemplate                             # its template (its canvas let go): the fills
    deferred: list[tuple[str, Callable[[int], None]]]
    warnings: tuple                               # the part's ``Typesetter.state()``
    block: int                                    # the block its font subsets are tagged in
    numbers: tuple = ()                           # (first page, total, pages) its file shows
    #: (numbers, numbering file, index): where its number forms were last drawn again
    renumbered: tuple | None = None
    _pdf: Any = None
    _links: list[list[str | None]] | None = None

    def opened(self) -> pikepdf.Pdf:
        """Its file, opened once (joining reads it again after each edit)."""
        if self._pdf is None:
            import pikepdf

            self._pdf = pikepdf.open(BytesIO(self.data))
        return self._pdf

    def link_names(self) -> list[list[str | None]]:
        """Per page, the destination each link annotation names (None: a link out of the book)."""
        if self._links is None:
            import pikepdf

            self._links = [[str(dest)[1:] if isinstance(dest := annot.get("/Dest"), pikepdf.Name)
                            else None for annot in page.obj.get("/Annots") or ()]
                           for page in self.opened().pages]
        return self._links


@dataclass
class SessionStats:
    """What the last ``render`` did: parts laid out again, reused, and renumbered."""

    laid_out: int = 0
    reused: int = 0
    renumbered: int = 0
    parts: list[str] = field(default_factory=list)   # names of the parts laid out again


def copy_state(ts: Typesetter) -> tuple:
    """A copy of ``ts``'s warnings state (``Typesetter.state()``), kept with a part."""
    places, other = ts.state()
    return {char: list(wheres) for char, wheres in places.items()}, list(other)
