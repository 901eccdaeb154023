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

    def heading(self, text: str, style=styles.subsection) -> list[Flowable]:
        """A heading of the builder's own words that never ends a page."""
        return [CondPageBreak(styles.KEEP_WITH_NEXT), self.label(text, style)]


def paper_key(note: NoteRecord) -> str:
    """The outline key (and named destination) of a note's paper."""
    return f"paper-{note.id}"


def source_anchor(note: NoteRecord, number: int) -> str:
    """The named destination of a note's source ``number`` (1-based) in its Sources list."""
    return f"src-{note.id}-{number}"
