"""What the search covers: every field a user writes, by kind of row, with where each row belongs.

One table of ``Searchable`` entries drives the SQLite full-text index
(``db/search/fts.py`` generates its triggers from it) and the portable ``LIKE``
search (``db/search/like.py``), so both search exactly the same fields.

A row is searchable while it and the rows it lives in are not in the Trash: a
note of a meeting in the Trash is not found, nor is a source of a note in the
Trash. Issues (the library) and people are not part of any meeting.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Rowids of the index: ``id * STRIDE + code * 8 + field``, room for 16 kinds of row of 8 fields
#: (64 until 0006, which rebuilt the index for the Q&A bank's kind, the ninth).
STRIDE = 128

NOTE_SECTIONS = ("background", "objectives", "their_position", "talking_points", "defensives",
                 "red_lines")


@dataclass(frozen=True, slots=True)
class Searchable:
    """One kind of row and its searchable text fields.

    ``code`` (0–15) and the field's index (0–7) are packed with the row's id into
    the index's rowid: ``id * STRIDE + code * 8 + field``. ``parent`` says which
    rows it lives in: ``None``, ``"meeting"`` (``t.meeting_id``) or ``"note"``
    (``t.note_id``, and through the note its meeting).
    """

    entity: str
    code: int
    table: str
    fields: tuple[str, ...]
    parent: str | None
    issue_column: str | None
    trashable: bool = True

    @property
    def source(self) -> str:
        """The FROM clause: the table as ``t``, with its note ``n`` and meeting ``m`` when it has them."""
        if self.parent == "meeting":
            return f"{self.table} AS t JOIN meetings AS m ON m.id = t.meeting_id"
        if self.parent == "note":
            return (f"{self.table} AS t JOIN issue_notes AS n ON n.id = t.note_id "
                    "JOIN meetings AS m ON m.id = n.meeting_id")
        return f"{self.table} AS t"

    @property
    def alive(self) -> str:
        """The condition for a row to be searchable (it and its containers out of the Trash)."""
        conditions = ["t.deleted_at IS NULL"] if self.trashable else []
        if self.parent == "note":
            conditions.append("n.deleted_at IS NULL")
        if self.parent is not None:
            conditions.append("m.deleted_at IS NULL")
        return " AND ".join(conditions) or "1 = 1"

    @property
    def meeting(self) -> str:
        """SQL for the meeting a row belongs to (NULL for the library and people)."""
        return {"meeting": "t.meeting_id", "note": "n.meeting_id"}.get(
            self.parent or "", "t.id" if self.entity == "meeting" else "NULL")

    @property
    def issue(self) -> str:
        """SQL for the library issue a row is about (NULL when none)."""
        return self.issue_column or "NULL"

    def field_index(self, field: str) -> int:
        return self.fields.index(field)


SEARCHABLE: tuple[Searchable, ...] = (
    Searchable("meeting", 0, "meetings", ("title", "counterpart", "location", "objectives"),
               None, None),
    Searchable("agenda_item", 1, "agenda_items",
               ("title", "lead", "outcome", "record", "agreed", "open_points"), "meeting", "t.issue_id"),
    Searchable("note", 2, "issue_notes", NOTE_SECTIONS, "meeting", "t.issue_id"),
    Searchable("source", 3, "sources", ("title", "publisher"), "note", "n.issue_id",
               trashable=False),
    Searchable("action", 4, "action_items", ("text", "owner"), "meeting", "t.issue_id"),
    Searchable("person", 5, "people", ("name", "native_name", "title", "organization", "bio"),
               None, None),
    Searchable("issue", 6, "issues", ("title", "description"), None, "t.id", trashable=False),
    Searchable("position", 7, "positions", ("ours", "theirs"), "meeting", "t.issue_id",
               trashable=False),
    Searchable("qa", 8, "qa_entries", ("question", "answer"), None, "t.issue_id", trashable=False),
)
BY_ENTITY = {s.entity: s for s in SEARCHABLE}
BY_CODE = {s.code: s for s in SEARCHABLE}
#: Every searchable field name (a "section" filter takes one of these).
FIELDS: tuple[str, ...] = tuple(dict.fromkeys(f for s in SEARCHABLE for f in s.fields))


def decode_rowid(rowid: int) -> tuple[Searchable, int, str]:
    """(kind of row, its id, field name) of an index rowid."""
    entity_id, rest = divmod(rowid, STRIDE)
    code, field = divmod(rest, 8)
    s = BY_CODE[code]
    return s, entity_id, s.fields[field]
