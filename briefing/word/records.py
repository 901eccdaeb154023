"""Records of Word in and out: a returned file's tracked changes and comments, a review of them
against the note as it is now, and what an import brought in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.notes.records import NoteRecord
    from briefing.word.origin import Origin

INSERTION, DELETION = "insertion", "deletion"


@dataclass(frozen=True, slots=True)
class TrackedChange:
    """One tracked insertion or deletion as Word wrote it, numbered from 1 in document order.

    ``section`` is the note field it falls in (``None`` outside the note's text sections:
    a heading, the title, the sources); ``before``/``after`` are the text around it as the
    file was sent out (deletions kept, insertions left out).
    """

    number: int
    kind: str
    author: str
    date: str
    text: str
    section: str | None
    before: str
    after: str
    #: Run formatting of an insertion: ``bold``/``italic`` (becomes Markdown).
    bold: bool = False
    italic: bool = False
    where: str = ""


@dataclass(frozen=True, slots=True)
class WordComment:
    """A comment, labelled ``c1``, ``c2``… in document order, with the text it was made on."""

    label: str
    author: str
    date: str
    text: str
    anchor: str
    section: str | None


@dataclass(frozen=True, slots=True)
class ReturnedFile:
    """What a returned .docx holds: where it came from, its changes and comments."""

    origin: Origin | None
    kind: str  # "note", "book" or "" (not written by Briefbook)
    changes: tuple[TrackedChange, ...]
    comments: tuple[WordComment, ...]
    #: The text of each note section as sent out (the file without the reviewers' insertions).
    sent_text: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A tracked change placed in the note as it is now.

    ``start``/``end`` are offsets in the current Markdown of ``change.section``: the text a
    deletion removes, or (equal) where an insertion goes; ``None`` for a conflict, whose
    ``reason`` says why it cannot be applied as it stands.
    """

    change: TrackedChange
    start: int | None
    end: int | None
    reason: str = ""

    @property
    def conflict(self) -> bool:
        return self.start is None


@dataclass(frozen=True, slots=True)
class Review:
    """A returned file read against its note as the note is now."""

    path: str
    origin: Origin
    note: NoteRecord
    items: tuple[ReviewItem, ...]
    comments: tuple[WordComment, ...]

    def item(self, number: int) -> ReviewItem:
        for item in self.items:
            if item.change.number == number:
                return item
        raise KeyError(number)


@dataclass(frozen=True, slots=True)
class ImportedPaper:
    """A paper read from Word: Markdown per note section, and what did not fit anywhere."""

    sections: dict[str, str]
    sources: tuple[str, ...]
    warnings: tuple[str, ...]
    #: The document's title (its Title paragraph or first heading naming no section).
    title: str = ""
