"""Records of the change log: one change, as ``main.py log`` and History show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

#: What a change was (the ``what`` column): the words ``main.py log`` prints.
NOTE_ADDED = "note added"
NOTE_EDITED = "note edited"
NOTE_RESTORED = "note restored"
ACTION_ADDED = "action added"
ACTION_EDITED = "action edited"
TRASHED = "moved to trash"
TRASH_RESTORED = "restored from trash"
TRASH_EMPTIED = "deleted for good"
IMPORTED = "imported"
SAMPLE_LOADED = "sample loaded"
STORE_RESTORED = "store restored from backup"
POSITION_CHANGED = "position changed"


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """One change: when (UTC), who, in which meeting (None: none, or deleted since), what, which field.

    ``meeting_title`` is the meeting's title now ("" when there is no meeting);
    ``row_id`` the id of the changed row (a note, an action item…) when there is one.
    """

    id: int
    at: datetime
    user_name: str
    meeting_id: int | None
    meeting_title: str
    what: str
    field: str
    row_id: int | None
