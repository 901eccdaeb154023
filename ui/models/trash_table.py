"""``TrashTableModel``: what is in the Trash — kind, title, meeting, when deleted, what hangs on it.

Rows are ``TrashEntry`` records, newest first as the service lists them. Ids are
unique per kind only, so a row is named by ``(kind, id)``.
"""

from __future__ import annotations

from briefing.trash.records import TrashEntry
from ui.models.listing_table import ListingTable
from ui.timefmt import day_time

KIND, TITLE, MEETING, DELETED, DETAIL = range(5)
KIND_LABELS = {"meeting": "Meeting", "agenda_item": "Agenda item", "note": "Issue note",
               "action": "Action item", "person": "Person"}


def deleted_text(entry: TrashEntry) -> str:
    """When it was deleted, in the computer's time zone: ``Mon 7 Feb 2022 14:03 EST``."""
    return day_time(entry.deleted_at.astimezone())


class TrashTableModel(ListingTable):
    """One row per thing in the Trash."""

    HEADERS = {KIND: "Kind", TITLE: "Title", MEETING: "Meeting", DELETED: "Deleted", DETAIL: "With it"}

    def entry(self, row: int) -> TrashEntry | None:
        return self.record(row)

    def row_of(self, kind: str, entry_id: int) -> int:
        """The row of ``(kind, id)``, or -1."""
        return next((r for r, e in enumerate(self.records) if (e.kind, e.id) == (kind, entry_id)), -1)

    def cell(self, entry: TrashEntry, column: int) -> str:
        if column == KIND:
            return KIND_LABELS.get(entry.kind, entry.kind)
        if column == TITLE:
            return entry.title
        if column == MEETING:
            if entry.meeting_title is None or entry.kind == "meeting":
                return ""
            return entry.meeting_title + (" (in the Trash too)" if entry.meeting_in_trash else "")
        if column == DELETED:
            return deleted_text(entry)
        return entry.detail
