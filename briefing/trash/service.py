"""The Trash: what was deleted, restored with everything that hung on it, or emptied for good.

Deleting a meeting, an issue note, a person, an agenda item or an action item
only sets its ``deleted_at`` (see the services), so nothing hanging on it is
touched: restoring a meeting brings back its agenda, notes, participants and
actions as they were when it went; restoring a person returns them to every
meeting they were in; a restored agenda item, note or action goes back to the
place it had, or the end when the list is now shorter. Emptying the Trash is
the only real delete, and it cascades (a meeting takes its content with it).
"""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from briefing.actions.service import actions_of
from briefing.agenda.service import agenda_of
from briefing.changelog import records as log
from briefing.changelog.service import record
from briefing.config import Config
from briefing.editing import fetch, move_in, writing
from briefing.errors import NotFoundError, ValidationError
from briefing.notes.service import notes_of
from briefing.trash.records import TrashEntry
from db.engine import Database
from db.models import ActionItem, AgendaItem, IssueNote, Meeting, Participant, Person

#: The kinds of thing the Trash holds, with the model behind each.
MODELS: dict[str, type] = {
    "meeting": Meeting,
    "agenda_item": AgendaItem,
    "note": IssueNote,
    "action": ActionItem,
    "person": Person,
}
KINDS: tuple[str, ...] = tuple(MODELS)
_NOUNS = {"meeting": "meeting", "agenda_item": "agenda item", "note": "issue note",
          "action": "action item", "person": "person"}
_CHILDREN = {"agenda_item": agenda_of, "note": notes_of, "action": actions_of}


class TrashService:
    """List, restore and empty the Trash of one store."""

    def __init__(self, db: Database, config: Config | None = None) -> None:
        self.db = db
        self.user = (config or Config()).user_name

    def list(self) -> list[TrashEntry]:
        """Everything in the Trash, most recently deleted first."""
        with self.db.read() as s:
            entries = [entry for kind in KINDS for entry in _entries(s, kind)]
        return sorted(entries, key=lambda e: (e.deleted_at, KINDS.index(e.kind), e.id), reverse=True)

    def count(self) -> int:
        """How many things are in the Trash."""
        with self.db.read() as s:
            return _count(s)

    def restore(self, kind: str, item_id: int) -> TrashEntry:
        """Take one thing out of the Trash with everything that hung on it; returns what came back."""
        model = _model(kind)
        with writing(self.db, f"The {_NOUNS[kind]}") as s:
            row = _trashed(s, kind, item_id)
            entry = _entry(s, kind, row)
            if entry.meeting_in_trash:
                raise ValidationError(
                    "meeting", f"the {_NOUNS[kind]} {entry.title!r} belongs to the meeting "
                    f"{entry.meeting_title!r}, which is in the Trash too; restore the meeting first")
            if model is IssueNote:
                _check_no_other_note(s, row)
            row.deleted_at = None
            if kind in _CHILDREN:
                siblings = _CHILDREN[kind](s, row.meeting_id)
                move_in([r for r in siblings if r is not row], row, row.position)
            s.flush()
            record(s, log.TRASH_RESTORED, kind, entry.meeting_id, user=self.user, row_id=item_id)
            return entry

    def purge(self, kind: str, item_id: int) -> None:
        """Delete one thing in the Trash for good (a meeting with all its content)."""
        with writing(self.db, f"The {_NOUNS[kind]}") as s:
            row = _trashed(s, kind, item_id)
            _purge(s, kind, row)
            self._log_purge(s, kind, row)

    def empty(self) -> int:
        """Delete everything in the Trash for good; returns how many entries went."""
        with writing(self.db, "The Trash") as s:
            gone = _count(s)
            for kind in KINDS:  # meetings first: their items in the Trash go with them
                model = MODELS[kind]
                for row in s.scalars(select(model).where(model.deleted_at.is_not(None))).all():
                    _purge(s, kind, row)
                    self._log_purge(s, kind, row)
                s.flush()
            return gone

    def _log_purge(self, s: Session, kind: str, row) -> None:
        meeting_id = None if kind == "meeting" else getattr(row, "meeting_id", None)
        if meeting_id is not None and s.get(Meeting, meeting_id) is None:
            meeting_id = None  # its meeting went in the same emptying
        record(s, log.TRASH_EMPTIED, kind, meeting_id, user=self.user, row_id=row.id)


def _count(s: Session) -> int:
    return sum(s.scalar(select(func.count()).select_from(model)
                        .where(model.deleted_at.is_not(None))) or 0
               for model in MODELS.values())


def _model(kind: str) -> type:
    try:
        return MODELS[kind]
    except KeyError:
        raise ValidationError("kind", f"the Trash holds {', '.join(KINDS)}; not {kind!r}") from None


def _trashed(s: Session, kind: str, item_id: int):
    row = fetch(s, _model(kind), item_id, f"The {_NOUNS[kind]} {item_id}", include_deleted=True)
    if row.deleted_at is None:
        raise NotFoundError(f"The {_NOUNS[kind]} {item_id} in the Trash")
    return row


def _check_no_other_note(s: Session, note: IssueNote) -> None:
    other = s.scalar(select(IssueNote.id).where(
        IssueNote.meeting_id == note.meeting_id, IssueNote.issue_id == note.issue_id,
        IssueNote.deleted_at.is_(None)))
    if other is not None:
        raise ValidationError(
            "issue", f"the meeting has a newer note on {note.issue.title!r}; a meeting has one note "
            "per issue, so delete or merge that one first (this one stays in the Trash)")


def _purge(s: Session, kind: str, row) -> None:
    if kind == "person":
        s.execute(delete(Participant).where(Participant.person_id == row.id))
    s.delete(row)


def _entries(s: Session, kind: str) -> list[TrashEntry]:
    model = MODELS[kind]
    rows = s.scalars(select(model).where(model.deleted_at.is_not(None)))
    return [_entry(s, kind, row) for row in rows]


def _entry(s: Session, kind: str, row) -> TrashEntry:
    meeting = row if kind == "meeting" else getattr(row, "meeting", None)
    return TrashEntry(
        kind=kind,
        id=row.id,
        title=_title(kind, row),
        meeting_id=meeting.id if meeting is not None else None,
        meeting_title=meeting.title if meeting is not None else None,
        deleted_at=row.deleted_at,
        detail=_detail(s, kind, row),
        meeting_in_trash=kind != "meeting" and meeting is not None and meeting.deleted_at is not None,
    )


def _title(kind: str, row) -> str:
    if kind == "note":
        return row.issue.title
    if kind == "person":
        return row.name
    if kind == "action":
        first = row.text.strip().splitlines()[0] if row.text.strip() else ""
        return (first[:77] + "…") if len(first) > 80 else (first or "(an action item with no text)")
    return row.title


def _detail(s: Session, kind: str, row) -> str:
    if kind == "meeting":
        parts = [(len(agenda_of(s, row.id)), "agenda item"), (len(notes_of(s, row.id)), "issue note"),
                 (len(row.participants), "participant"), (len(actions_of(s, row.id)), "action item")]
        return ", ".join(_plural(n, noun) for n, noun in parts if n) or "empty"
    if kind == "person":
        meetings = s.scalar(select(func.count()).select_from(Participant)
                            .where(Participant.person_id == row.id)) or 0
        return f"in {_plural(meetings, 'meeting')}" if meetings else "in no meeting"
    if kind == "action" and row.owner:
        return f"owner: {row.owner}"
    return ""


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")

