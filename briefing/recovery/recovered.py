"""Edits the crash-recovery journal kept: where each belongs and what the store holds there now.

After an unclean exit the window lists what was typed but never saved. For each
field it needs a place a person recognises ("Round 1 · issue note “Steel”"),
the text stored there now, and the row as it is now, so that keeping the typed
text is an ordinary version-checked write. A row that has gone (deleted for
good, or in the Trash) is said to be gone; its text is still shown. A table's
cell (an agenda item's, an action item's) is read from its meeting's list, and
its kept value compared as the value it is (a date, a number), not as text. A
source's cell is read through the note that cites it ("“Round 1” · issue note
“Steel” · source 2").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.errors import NotFoundError
from briefing.recovery.journal import PendingEdit
from briefing.recovery.typed import shown_text

if TYPE_CHECKING:
    from briefing.services import Services

#: How each kind of row the journal names is read back, and how it is called when gone.
_NOUNS = {"meeting": "meeting", "note": "issue note", "person": "person",
          "participant": "participant", "issue": "issue", "agenda_item": "agenda item",
          "action": "action item", "source": "source", "qa_entry": "Q&A entry"}
#: The id a new Q&A entry's typed text is kept under before the entry exists.
NEW_QA_ENTRY = 0


@dataclass(frozen=True, slots=True)
class RecoveredEdit:
    """A kept edit with its place and the store's current state of that field."""

    edit: PendingEdit
    where: str
    meeting_id: int | None = None
    record: Any = None

    @property
    def gone(self) -> bool:
        """True when the row is no longer in the store (the text can still be copied)."""
        return self.record is None

    @property
    def stored(self) -> str:
        """The field's text in the store now ("" when the row is gone)."""
        if self.record is None:
            return ""
        if self.edit.typed:
            return shown_text(self.stored_value)
        return str(getattr(self.record, self.edit.field, "") or "")

    @property
    def stored_value(self) -> Any:
        """The field's value in the store now, as it is (None when the row is gone)."""
        return None if self.record is None else getattr(self.record, self.edit.field, None)

    @property
    def changed_since(self) -> bool:
        """True when someone saved the row after the text was typed (its version moved on)."""
        base = self.edit.base_version
        return self.record is not None and base is not None and self.record.version != base

    @property
    def differs(self) -> bool:
        """False when the store already holds exactly the kept text (or value)."""
        if self.edit.typed:
            return self.gone or self.stored_value != self.edit.data
        return self.gone or self.stored != self.edit.value


def _readers(services: Services, meeting_id: int | None) -> dict[str, Callable[[int], Any]]:
    readers: dict[str, Callable[[int], Any]] = {
        "meeting": services.meetings.get, "note": services.notes.get,
        "person": services.people.get_person, "participant": services.people.get_participant,
        "issue": services.issues.get, "qa_entry": services.qa.get,
        "source": lambda row_id: _source(services, row_id)}
    if meeting_id is not None:  # a table's row: found in its meeting's list
        readers["agenda_item"] = lambda row_id: _in_list(services.agenda.list(meeting_id), row_id)
        readers["action"] = lambda row_id: _in_list(services.actions.list(meeting_id), row_id)
    return readers


def _in_list(rows: list[Any], row_id: int) -> Any:
    return next((row for row in rows if row.id == row_id), None)


@dataclass(frozen=True, slots=True)
class _CitedSource:
    """A source as its note holds it now, and that note."""

    source: Any
    note: Any


def _source(services: Services, source_id: int) -> _CitedSource | None:
    note = services.notes.note_of_source(source_id)
    source = _in_list(list(note.sources), source_id)
    return None if source is None else _CitedSource(source, note)


def describe_edit(services: Services, edit: PendingEdit) -> RecoveredEdit:
    """Where a kept edit belongs and the row as the store holds it now."""
    read = _readers(services, edit.meeting_id).get(edit.entity)
    noun = _NOUNS.get(edit.entity, edit.entity.replace("_", " "))
    try:
        record = read(edit.entity_id) if read is not None else None
    except NotFoundError:
        record = None
    if record is None and edit.entity == "qa_entry" and edit.entity_id == NEW_QA_ENTRY:
        return RecoveredEdit(edit, "a new Q&A entry that was never saved (copy it into Edit → Q&A bank → "
                                   "New entry)")
    if record is None:
        return RecoveredEdit(edit, f"a {noun} no longer in the store (deleted, or in the Trash)")
    cited = None
    if isinstance(record, _CitedSource):  # (Keep writes on the source's own record)
        cited, record = record, record.source
    meeting_id = (record.id if edit.entity == "meeting"
                  else cited.note.meeting_id if cited is not None else getattr(record, "meeting_id", None))
    meeting = _meeting_title(services, meeting_id)
    if edit.entity == "meeting":
        where = f"the meeting “{record.title}”"
    elif edit.entity == "note":
        where = f"{meeting} · issue note “{record.issue_title}”"
    elif edit.entity == "participant":
        where = f"{meeting} · participant {record.person.name}"
    elif edit.entity == "agenda_item":
        where = f"{meeting} · agenda item “{record.title}”"
    elif edit.entity == "action":
        where = f"{meeting} · action item “{record.text}”"
    elif cited is not None:
        where = f"{meeting} · issue note “{cited.note.issue_title}” · source {record.position + 1}"
    elif edit.entity == "person":
        where = f"the person {record.name}"
    elif edit.entity == "qa_entry":
        where = f"the Q&A entry “{record.key}”"
    else:
        where = f"the {noun} “{getattr(record, 'title', edit.entity_id)}”"
    return RecoveredEdit(edit, where, meeting_id, record)


def describe_all(services: Services, edits: tuple[PendingEdit, ...]) -> list[RecoveredEdit]:
    """``describe_edit`` for each kept edit, oldest first."""
    return [describe_edit(services, edit) for edit in edits]


def _meeting_title(services: Services, meeting_id: int | None) -> str:
    if meeting_id is None:
        return "a meeting"
    try:
        return f"“{services.meetings.get(meeting_id).title}”"
    except NotFoundError:
        return "a meeting in the Trash"
