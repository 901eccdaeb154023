"""Changes to a meeting's lists given while the store was away, as the crash-recovery journal keeps them.

Adding, deleting, moving or restoring an agenda item, an action item or an issue
note is a row command. While the server is away its write waits in the window;
the journal keeps it as well (``CrashJournal.record_row``), so that a kill loses
nothing, and settles it once written (``row_written``). After a kill the next
start offers them back, in the order given, to be replayed (``briefing.recovery.replay``).

A change to a row whose add was itself still waiting names that add (``row_of``,
its token): the row's id is only known once the add has been written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from briefing.recovery.typed import decode_value, encode_value

#: What a row command did to its list.
ADD, DELETE, MOVE, RESTORE = "add", "delete", "move", "restore"
WHATS = (ADD, DELETE, MOVE, RESTORE)
#: A participant's add names a new person by fields with this prefix ("person.name"…).
PERSON_PREFIX = "person."


@dataclass(frozen=True, slots=True)
class RowChange:
    """One change to a meeting's list: what, which list (``kind``, as ``ui.undo.kinds`` names rows),
    which row (or, for an add, the values it is created with) and where to."""

    what: str
    kind: str
    meeting_id: int
    row_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    index: int | None = None
    title: str = ""
    row_of: str | None = None
    """For a row whose add waited too (``row_id`` None): the token of that add."""


@dataclass(frozen=True, slots=True)
class PendingRowChange:
    """A row change kept in the journal, not yet written to the store."""

    token: str
    change: RowChange
    at: datetime


def row_line(pending: PendingRowChange) -> dict[str, Any]:
    """The journal's line for a pending row change."""
    change = pending.change
    return {"op": "row", "token": pending.token, "what": change.what, "kind": change.kind,
            "meeting": change.meeting_id, "id": change.row_id,
            "values": {name: encode_value(value) for name, value in change.values.items()},
            "index": change.index, "title": change.title, "row_of": change.row_of,
            "at": pending.at.isoformat()}


def read_row_line(entry: dict[str, Any]) -> PendingRowChange:
    """The pending row change of a journal line (``ValueError``/``KeyError``/``TypeError`` when torn)."""
    what = str(entry["what"])
    if what not in WHATS:
        raise ValueError(f"unknown row change {what!r}")
    row_id, index = entry.get("id"), entry.get("index")
    change = RowChange(what, str(entry["kind"]), int(entry["meeting"]),
                       int(row_id) if row_id is not None else None,
                       {str(name): decode_value(v) for name, v in (entry.get("values") or {}).items()},
                       int(index) if index is not None else None, str(entry.get("title") or ""),
                       entry.get("row_of"))
    return PendingRowChange(str(entry["token"]), change, datetime.fromisoformat(entry["at"]))


def resolve_made(pending: PendingRowChange, token: str, made_id: int | None) -> PendingRowChange:
    """``pending`` with the row id an add (``token``) made, when it named that add."""
    change = pending.change
    if change.row_of != token or change.row_id is not None or made_id is None:
        return pending
    fixed = RowChange(change.what, change.kind, change.meeting_id, made_id, change.values,
                      change.index, change.title, None)
    return PendingRowChange(pending.token, fixed, pending.at)
