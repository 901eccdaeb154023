"""What changed in an issue note between two versions, section by section, word by word.

Pure functions over records, with no store access: the history (a revision
against the current note), the round-to-round view, and the briefing book's
optional "changes since the last round" section all call them. A version is
anything with the note's section attributes: a ``NoteRecord`` or a
``RevisionRecord``; ``None`` stands for "no note" (everything is added or removed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.revisions.records import SectionChange, ValueChange
from briefing.vocabulary import NOTE_SECTIONS

if TYPE_CHECKING:
    from briefing.notes.records import NoteRecord
    from briefing.revisions.records import RevisionRecord

    NoteVersion = NoteRecord | RevisionRecord

#: Single-value fields of a note compared besides its sections.
VALUE_FIELDS = ("status", "priority", "owner")






def section_changes(old: NoteVersion | None, new: NoteVersion | None) -> tuple[SectionChange, ...]:
    """The sections whose text differs between ``old`` and ``new``, in paper order, with their diffs."""
    from briefing.revisions.diff import word_diff  # its tokenizer is costly to compile: not at start-up

    out = []
    for field, heading in NOTE_SECTIONS:
        before = getattr(old, field) if old is not None else ""
        after = getattr(new, field) if new is not None else ""
        if before != after:
            out.append(SectionChange(field, heading, before, after, word_diff(before, after)))
    return tuple(out)


def value_changes(old: NoteVersion | None, new: NoteVersion | None,
                  fields: tuple[str, ...] = VALUE_FIELDS) -> tuple[ValueChange, ...]:
    """Status, priority and owner (or ``fields``) where they differ; nothing when a side is missing."""
    if old is None or new is None:
        return ()
    return tuple(ValueChange(f, getattr(old, f), getattr(new, f))
                 for f in fields if getattr(old, f) != getattr(new, f))


