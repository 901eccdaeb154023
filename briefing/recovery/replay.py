"""Replaying changes to lists that a killed session had given offline: in order, through the services.

After a kill, the next start offers the list changes the journal kept
(``briefing.recovery.row_changes``): "2 changes to lists made offline were not
saved: added agenda item “Steel”, moved action item “Visas”". Keep replays them
one by one, in the order given, each an ordinary service call (``replay_changes``,
run in the window's write lane). One that can no longer apply (its row is gone, the
meeting is in the Trash) is said and dropped; the store going away again stops the
replay, and what was not tried stays kept for another Keep. A position set in the
tracker is replayed checked against the version it was given on
(``briefing.recovery.replay_positions``): one someone changed since is said as not
saved, never written over. A note's sources added or removed are replayed too, and
whole meetings: a new one made (``ADD``, or the next round of one: ``carry_from``),
moved to the Trash (``DELETE``) or brought back (``RESTORE``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefing.errors import BriefbookError, ConflictError, NotFoundError, TransientStoreError
from briefing.recovery.replay_positions import POSITION, CarriedVersions, apply_position, describe_fields
from briefing.recovery.replay_record import RECORD, ReplayedRecords, describe_record
from briefing.recovery.row_changes import (
    ADD,
    CARRY_FROM,
    CLEAR,
    DELETE,
    MOVE,
    PERSON_OF,
    PERSON_PREFIX,
    QA_USE,
    RESTORE,
    SET,
    PendingRowChange,
    RowChange,
)

if TYPE_CHECKING:
    from briefing.services import Services

#: The lists a change can be replayed on, as the user calls their rows.
NOUNS = {"agenda_item": "agenda item", "action": "action item", "note": "issue note",
         "participant": "participant", POSITION: "position on", "source": "source", "meeting": "meeting"}

_VERBS = {ADD: "added", DELETE: "deleted", MOVE: "moved", RESTORE: "restored", SET: "set",
          CLEAR: "cleared"}
#: A title longer than this is cut short in the bar's sentence.
TITLE_CHARS = 40


@dataclass(frozen=True, slots=True)
class Replayed:
    """A kept change the replay is done with: written (an add: ``made_id``), or ``problem`` says
    why it could not apply (it is dropped all the same)."""

    pending: PendingRowChange
    made_id: int | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Replay:
    """What a replay did: the changes done with, in order, and those not tried (``problem`` says why)."""

    done: tuple[Replayed, ...]
    left: tuple[PendingRowChange, ...] = ()
    problem: str | None = None


def describe_change(services: Services, change: RowChange, added: dict[str, str] | None = None) -> str:
    """What a change did, as a person says it: "added agenda item “Steel”" (``added``: the titles of
    kept adds by token, for a change to a row whose add was kept too)."""
    noun = NOUNS.get(change.kind, change.kind.replace("_", " "))
    if change.kind == RECORD:
        return describe_record(change, _meeting_title(services, change.meeting_id))
    if change.kind == QA_USE:  # (the entry stays in the bank either way)
        verb = "used Q&A entry" if change.what == ADD else "took out Q&A entry"
        return verb + _quoted(change.title) + " " + ("in" if change.what == ADD else "of") + " an issue note"
    if change.kind == "meeting" and change.what == ADD and CARRY_FROM in change.values:
        return "started the next round of" + _quoted(_meeting_title(services, change.values[CARRY_FROM]))
    title = change.title or (added or {}).get(change.row_of or "", "") or _title_now(services, change)
    said = f"{_VERBS.get(change.what, change.what)} {noun}" + _quoted(title)
    if change.what == SET and change.values:
        said += ": " + describe_fields(change)
    return said


def _quoted(title: str) -> str:
    """`` “title”`` (cut short when long; nothing for no title)."""
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS - 1] + "…"
    return f" “{title}”" if title else ""


def _meeting_title(services: Services, meeting_id: Any) -> str:
    try:
        return services.meetings.get(int(meeting_id)).title
    except (BriefbookError, TypeError, ValueError):
        return ""


def summary(services: Services, changes: Iterable[PendingRowChange]) -> str:
    """The bar's sentence about the kept list changes."""
    changes = list(changes)
    added = {p.token: _title_now(services, p.change) for p in changes if p.change.what == ADD}
    said = [describe_change(services, pending.change, added) for pending in changes]
    count = "1 change to a list" if len(said) == 1 else f"{len(said)} changes to lists"
    verb = "was" if len(said) == 1 else "were"
    return f"{count} made offline {verb} not saved: " + ", ".join(said) + "."


def replay_changes(services: Services, changes: Iterable[PendingRowChange],
                   settled: Callable[[PendingRowChange, int | None], None] | None = None) -> Replay:
    """Write each kept change in order; stop (keeping the rest) when the store is away again.

    ``settled(kept, made_id)`` is told of each change as soon as it is done with (written,
    or said as one that can no longer apply), before the next is tried: the journal lets
    go of it there, so a kill in the middle of a replay does not offer an add again."""
    pending = list(changes)
    made: dict[str, int] = {}
    persons: dict[str, int] = {}  # the person each participant's add of a new person made, by token
    versions = CarriedVersions()
    records = ReplayedRecords()
    done: list[Replayed] = []
    for number, kept in enumerate(pending):
        change = kept.change
        if change.row_id is None and change.row_of in made:
            change = _on_row(change, made[change.row_of])
        change = _same_person(change, persons)
        try:
            if change.kind == RECORD:
                records.replay(services, kept.token, change)
                made_id = None
            elif change.kind == POSITION:
                carried = versions.carried(change)
                versions.wrote(change, carried, apply_position(services, carried))
                made_id = None
            else:
                made_id = apply_change(services, change)
        except TransientStoreError as error:
            return Replay(tuple(done), tuple(pending[number:]), str(error))
        except NotFoundError:
            problem = (f"Not saved: {describe_change(services, change)} — it is no longer in the "
                       "store (deleted, or in the Trash).")
            replayed = Replayed(kept, None, problem)
        except ConflictError:
            problem = (f"Not saved: {describe_change(services, change)} — someone else changed it "
                       "after that; enter it again if it should still be so.")
            replayed = Replayed(kept, None, problem)
        except BriefbookError as error:
            replayed = Replayed(kept, None, f"Not saved: {describe_change(services, change)} — {error}")
        else:
            if made_id is not None:
                made[kept.token] = made_id
                if _makes_a_person(change):
                    persons[kept.token] = services.people.get_participant(made_id).person.id
            replayed = Replayed(kept, made_id)
        done.append(replayed)
        if settled is not None:
            settled(kept, replayed.made_id)
    return Replay(tuple(done))


def apply_change(services: Services, change: RowChange) -> int | None:
    """Write one change through its list's service; an add returns the id of the row it made."""
    if change.row_id is None and change.what != ADD:
        raise NotFoundError(f"The {NOUNS.get(change.kind, change.kind)}")  # its add was never saved
    if change.kind == "agenda_item":
        return _agenda(services, change)
    if change.kind in ("action", "note"):
        return _listed(services, change)
    if change.kind == "participant":
        return _participant(services, change)
    if change.kind == "source":
        return _source(services, change)
    if change.kind == "meeting":
        return _meeting(services, change)
    if change.kind == QA_USE:
        return _qa_use(services, change)
    raise BriefbookError(f"a change to a {change.kind.replace('_', ' ')} list cannot be replayed")


def _agenda(services: Services, change: RowChange) -> int | None:
    agenda = services.agenda
    if change.what == ADD:
        return agenda.add(change.meeting_id, position=change.index, **change.values).id
    if change.what == DELETE:
        agenda.delete(change.row_id)
    elif change.what == MOVE:
        agenda.move(change.row_id, _index(change))
    else:
        agenda.restore(change.row_id, change.index)
    return None


def _listed(services: Services, change: RowChange) -> int | None:
    service: Any = services.actions if change.kind == "action" else services.notes
    if change.what == ADD:
        values = dict(change.values)
        if change.kind == "note" and "new_issue" in values:
            return services.notes.add_new_issue(change.meeting_id, str(values["new_issue"])).id
        return service.add(change.meeting_id, position=change.index, **values).id
    if change.what == DELETE:
        service.delete(change.row_id)
    elif change.what == MOVE:
        service.move(change.row_id, _index(change))
    else:
        services.trash.restore(change.kind, change.row_id)
        if change.index is not None:
            service.move(change.row_id, change.index)
    return None


def _participant(services: Services, change: RowChange) -> int | None:
    """Taking part is a row of its own: an add (or a removal undone) puts the person in again under
    a new id (a new person first, when the add made one)."""
    people = services.people
    if change.what == ADD:
        values = dict(change.values)
        person = {k.removeprefix(PERSON_PREFIX): v for k, v in values.items() if k.startswith(PERSON_PREFIX)}
        person_id = values.get("person_id")
        if person_id is None:
            person_id = people.create_person(**person).id
        return people.add_participant(change.meeting_id, int(person_id), str(values.get("side", "ours")),
                                      str(values.get("role", "")), change.index,
                                      str(values.get("capacity", "delegate"))).id
    if change.what == DELETE:
        people.remove_participant(change.row_id)
    elif change.what == MOVE:
        people.move_participant(change.row_id, _index(change))
    else:
        raise BriefbookError("a participant taken out is put back by adding them again")
    return None


def _makes_a_person(change: RowChange) -> bool:
    return change.kind == "participant" and change.what == ADD and "person_id" not in change.values


def _same_person(change: RowChange, persons: dict[str, int]) -> RowChange:
    """A participant's add redone after its undo, both offline: the person the first add made
    (not a second person of the same name)."""
    token = change.values.get(PERSON_OF)
    if change.kind != "participant" or change.what != ADD or token not in persons:
        return change
    values = {k: v for k, v in change.values.items() if not k.startswith(PERSON_PREFIX) and k != PERSON_OF}
    return replace(change, values={**values, "person_id": persons[token]})


def _source(services: Services, change: RowChange) -> int | None:
    """A source has no Trash: a removal undone cites it again, under a new id (an ``ADD``)."""
    if change.what == ADD:
        values = dict(change.values)
        note_id = int(values.pop("note_id"))
        title = str(values.pop("title", ""))
        return services.notes.add_source(note_id, title, position=change.index, **values).id
    if change.what == DELETE:
        services.notes.delete_source(int(change.row_id or 0))
        return None
    raise BriefbookError("a source removed is put back by adding it again")


def _qa_use(services: Services, change: RowChange) -> int | None:
    """A bank entry (``row_id``) used in a note, at its place, or no longer used there."""
    note_id, entry_id = int(change.values["note_id"]), int(change.row_id or 0)
    if change.what == ADD:
        services.qa.attach(note_id, entry_id, change.index)
    elif change.what == DELETE:
        services.qa.detach(note_id, entry_id)
    else:
        raise BriefbookError("a Q&A entry is used in a note or taken out of it")
    return None


def _meeting(services: Services, change: RowChange) -> int | None:
    """A meeting made (or its next round started), moved to the Trash, or brought back from it."""
    meetings = services.meetings
    if change.what == ADD:
        values = dict(change.values)
        if CARRY_FROM in values:
            return services.rounds.carry_forward(int(values.pop(CARRY_FROM)), **values).id
        return meetings.create(**values).id
    if change.what == DELETE:
        meetings.delete(int(change.row_id or 0))
    elif change.what == RESTORE:
        meetings.restore(int(change.row_id or 0))
    else:
        raise BriefbookError("a meeting is not moved")
    return None


def _index(change: RowChange) -> int:
    if change.index is None:
        raise BriefbookError(f"the move of a {NOUNS.get(change.kind, change.kind)} has no place to go")
    return change.index


def _on_row(change: RowChange, row_id: int) -> RowChange:
    return replace(change, row_id=row_id, row_of=None)


def _title_now(services: Services, change: RowChange) -> str:
    """The row's title as the store holds it now ("" when it cannot be read)."""
    values = change.values
    for name in ("title", "text", "new_issue", PERSON_PREFIX + "name"):
        if values.get(name):
            return str(values[name])
    lists = {"agenda_item": lambda: services.agenda.list(change.meeting_id),
             "action": lambda: services.actions.list(change.meeting_id),
             "note": lambda: services.notes.list(change.meeting_id),
             "participant": lambda: services.people.participants(change.meeting_id),
             "meeting": lambda: [services.meetings.get(int(change.row_id or 0))]}
    if change.row_id is None or change.kind not in lists:
        return ""
    try:
        rows = lists[change.kind]()
    except BriefbookError:
        return ""
    row = next((r for r in rows if r.id == change.row_id), None)
    if row is None:
        return ""
    person = getattr(row, "person", None)
    return str(getattr(row, "title", None) or getattr(row, "text", None)
               or getattr(row, "issue_title", None) or getattr(person, "name", None) or "")
