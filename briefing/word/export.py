"""The briefing book (or one issue note) as a Word .docx, from the same ``Brief`` as the PDF.

``build_docx(brief, options, ladder)`` lays out the chosen sections (``briefing.word.book_writer``)
with Word's own heading styles: the meeting's parts are Heading 1, an issue paper's title
Heading 1 and its sections Heading 2 (the headings ``briefing.word.sections`` reads back).
``write_docx`` writes it whole (``briefing.output``). A file that holds exactly one issue
note records where it came from (``briefing.word.origin``) so that a reviewed copy can be
read back into that note.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx

from briefing.brief.records import Brief
from briefing.brief.select import with_notes
from briefing.markings.ladder import Ladder
from briefing.notes.records import NoteRecord
from briefing.output import write_atomically
from briefing.pdf.options import BookOptions
from briefing.word.book_writer import BookWriter
from briefing.word.markdown_docx import xml_safe
from briefing.word.origin import Origin, write_properties
from briefing.word.page import marking_lines, set_up


@dataclass(frozen=True, slots=True)
class DocxResult:
    """What was written: how many issue notes, how many portions withheld (a release copy)."""

    notes: int
    path: Path | None
    origin: Origin | None = None
    withheld: int | None = None


def released(brief: Brief, options: BookOptions, ladder: Ladder) -> tuple[Brief, int | None]:
    """A release copy's brief (``options.up_to``) and how many portions it withheld."""
    up_to = getattr(options, "up_to", None)
    if up_to is None:
        return brief, None
    from briefing.markings.release import release_brief

    return release_brief(brief, up_to, ladder)


def build_docx(brief: Brief, options: BookOptions, ladder: Ladder, *,
               origin: Origin | None = None, withheld: int | None = None):
    """The python-docx ``Document`` of the book; ``origin`` is recorded when given."""
    brief = with_notes(brief, options.notes)
    document = docx.Document()
    set_up(document, options.pagesize)
    m = brief.meeting
    marking = ladder.get(m.sensitivity)
    marking_lines(document, marking, xml_safe(m.title), xml_safe(options.watermark or ""))
    core = document.core_properties
    core.title = xml_safe(m.title if origin is None else f"{origin.issue_title} — {m.title}")
    core.subject = "Briefing book"
    core.author = xml_safe(m.prepared_by or "")
    writer = BookWriter(document, brief, options, ladder, withheld)
    writer.write()
    if origin is not None:
        write_properties(document, origin.properties())
    else:  # a review of this file says it is a whole book, not a note
        write_properties(document, {"briefbook.kind": "book", "briefbook.meeting_key": m.key})
    return document


def write_docx(brief: Brief, options: BookOptions, out: Path | str | io.BufferedIOBase, *,
               ladder: Ladder, origin: Origin | None = None) -> DocxResult:
    """Write the book as a .docx to ``out`` (a path, written whole; or a binary stream)."""
    brief, withheld = released(brief, options, ladder)
    document = build_docx(brief, options, ladder, origin=origin, withheld=withheld)
    buffer = io.BytesIO()
    document.save(buffer)
    path = None
    if isinstance(out, str | Path):
        path = write_atomically(out, buffer.getvalue())
    else:
        out.write(buffer.getvalue())
    notes = len(with_notes(brief, options.notes).notes) if options.has("papers") else 0
    return DocxResult(notes=notes, path=path, origin=origin, withheld=withheld)


def one_note(brief: Brief, options: BookOptions) -> NoteRecord | None:
    """The note a file holds when it holds exactly one (papers chosen, one issue); else ``None``."""
    if not options.has("papers"):
        return None
    notes = with_notes(brief, options.notes).notes
    return notes[0] if len(notes) == 1 else None
