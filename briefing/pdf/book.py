"""``Book``: what the story's section builders share, and the names of the book's destinations."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable

from briefing.brief.records import Brief
from briefing.markings.ladder import Ladder
from briefing.notes.records import NoteRecord
from briefing.pdf import styles
from briefing.pdf.flowables import BookParagraph
from briefing.pdf.fonts import BODY_BOLD
from briefing.pdf.markdown import MarkdownRenderer
from briefing.pdf.options import BookOptions
from briefing.pdf.templates import with_outline
from briefing.pdf.typeset import Typesetter


@dataclass
class Book:
    """What the section builders share: the brief, the options, the typesetter, the width."""

    brief: Brief
    options: BookOptions
    ts: Typesetter
    width: float
    ladder: Ladder

    def __post_init__(self) -> None:
        self.md = MarkdownRenderer(self.ts, self.width)
        self.md.ladder = self.ladder  # portion marks are noted for the page banners

    def text(self, text: str, where: str, style=styles.body) -> BookParagraph:
        """One paragraph of plain user text (a title, a name) in ``style``."""
        bold = style.fontName == BODY_BOLD
        return BookParagraph(self.ts.markup(text, where, bold=bold), style)

    def label(self, text: str, style=styles.body) -> BookParagraph:
        """A paragraph of the builder's own words (no user text)."""
        return BookParagraph(self.ts.markup(text, ""), style)

    def section(self, key: str, title: str) -> Flowable:
        """A section's heading, which opens a top-level contents and outline entry ``key``."""
        return with_outline(self.label(title, styles.section), (key, title, 0))

    @property
    def frame_height(self) -> float:
        """The height of a page's body (between the top and bottom margins)."""
        return self.options.pagesize[1] - styles.TOP_MARGIN - styles.BOTTOM_MARGIN

    def heading(self, text: str, style=styles.subsection) -> list[Flowable]:
        """A heading of the builder's own words that never ends a page: its style keeps it with
        the start of what follows (``HeadingKeeper``; put ``under_heading`` flowables after it)."""
        return [self.label(text, style)]


def under_heading(flowables: list[Flowable]) -> list[Flowable]:
    """``flowables`` to follow a heading: without a leading ``CondPageBreak`` (a Markdown heading's),
    which would end the page between the heading and what it keeps with."""
    return flowables[1:] if flowables and isinstance(flowables[0], CondPageBreak) else flowables


def cut(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:.–—") + "…"


def paper_key(note: NoteRecord) -> str:
    """The outline key (and named destination) of a note's paper."""
    return f"paper-{note.id}"


def source_anchor(note: NoteRecord, number: int) -> str:
    """The named destination of a note's source ``number`` (1-based) in its Sources list."""
    return f"src-{note.id}-{number}"
