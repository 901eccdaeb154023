"""Changes to a meeting's lists given while the store was away, as the crash-recovery journal keeps them.

Adding, deleting, moving or restoring an agenda item, an action item or an issue
note is a row command. While the server is away its write waits in the window;
the journal keeps it as well (``CrashJournal.record_row``), so that a kill loses
nothing, and settles it once written (``row_written``). After a kill the next
start offers them back, in the order given, to be replayed (``briefing.recovery.replay``).

A change to a row whose add was itself still waiting names that add (``row_of``,
its token): the row's id is only known once the add has been written.

Beyond the lists, a position set in the tracker (``SET`` on kind ``"position"``, the
issue's id as its row, the fields set as its values, and the version it was set on)
and its undo (``CLEAR``), a note's sources added or removed (kind ``"source"``) and
whole meetings made, carried forward (``CARRY_FROM``), deleted or restored (kind
``"meeting"``) wait and are kept the same way. Lines only ever grow optional keys (``version``):
files written before them read as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from briefing.recovery.typed import decode_value, encode_value

#: What a row command did to its list.
ADD, DELETE, MOVE, RESTORE = "add", "delete", "move", "restore"
#: What a tracker command did to a meeting's position on an issue (its row: the issue's id).
SET, CLEAR = "set", "clear"
WHATS = (ADD, DELETE, MOVE, RESTORE, SET, CLEAR)
#: A participant's add names a new person by fields with this prefix ("person.name"…).
PERSON_PREFIX = "person."
#: The list of a note's Q&A entries: a bank entry (the row id) used in a note (``note_id``) or taken out.
QA_USE = "qa_use"
#: A participant's add of a new person whose earlier add (taken back, redone: the same person)
#: waited too: that add's token, so that a replay puts in the person it made, not a second one.
PERSON_OF = "person_of"
#: A meeting's add with this value (the meeting's id) is the next round of that meeting.
CARRY_FROM = "carry_from"


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
    version: int | None = None
    """The row's version the change was given on (a position's ``SET``/``CLEAR``: None when no
    position was stored then); the replay refuses to write over a row changed since."""


@dataclass(frozen=True, slots=True)
class PendingRowChange:
    """A row change kept in the journal, not yet written to the store."""

    token: str
    change: RowChange
    at: datetime


def row_line(pending: PendingRowChange) -> dict[str, Any]:
    """The journal's line for a pending row change."""
    change = pending.change
    line = {"op": "row", "token": pending.token, "what": change.what, "kind": change.kind,
            "meeting": change.meeting_id, "id": change.row_id,
            "values": {name: encode_value(value) for name, value in change.values.items()},
            "index": change.index, "title": change.title, "row_of": change.row_of,
            "at": pending.at.isoformat()}
    if change.version is not None:  # (only when there is one: a line as older files wrote it)
        line["version"] = change.version
    return line


def read_row_line(entry: dict[str, Any]) -> PendingRowChange:
    """The pending row change of a journal line (``ValueError``/``KeyError``/``TypeError`` when torn)."""
    what = str(entry["what"])
    if what not in WHATS:
        raise ValueError(f"unknown row change {what!r}")
    row_id, index, version = entry.get("id"), entry.get("index"), entry.get("version")
    change = RowChange(what, str(entry["kind"]), int(entry["meeting"]),
                       int(row_id) if row_id is not None else None,
                       {str(name): decode_value(v) for name, v in (entry.get("values") or {}).items()},
                       int(index) if index is not None else None, str(entry.get("title") or ""),
                       entry.get("row_of"), int(version) if version is not None else None)
    return PendingRowChange(str(entry["token"]), change, datetime.fromisoformat(entry["at"]))


def resolve_made(pending: PendingRowChange, token: str, made_id: int | None) -> PendingRowChange:
    """``pending`` with the row id an add (``token``) made, when it named that add."""
    change = pending.change
    if change.row_of != token or change.row_id is not None or made_id is None:
        return pending
    fixed = replace(change, row_id=made_id, row_of=None)
    return PendingRowChange(pending.token, fixed, pending.at)
