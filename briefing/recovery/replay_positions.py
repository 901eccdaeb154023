"""Replaying a position set in the tracker while the store was away: version-checked, said plainly.

A kept ``SET`` names the meeting, the issue (its ``row_id``), the fields set and the
position's version the tracker showed (None: no position was stored then). Kept
changes are replayed in order, so a second set given before the first was written
was based on the same version: ``CarriedVersions`` carries it forward to the one
the replay itself wrote, as the window's writer does. A position someone else set
or changed meanwhile is not written over: the replay raises ``ConflictError`` and
the change is said as "Not saved: …", for the user to enter again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.errors import BriefbookError, ConflictError
from briefing.recovery.row_changes import CLEAR, SET, RowChange

if TYPE_CHECKING:
    from briefing.services import Services

POSITION = "position"
#: A position's fields as a person names them in the bar's sentence.
_FIELD_NAMES = {"ours": "our position", "theirs": "their position", "state": "state",
                "since_round": "since round"}
#: A text longer than this is cut short in the bar's sentence.
TEXT_CHARS = 30


def describe_fields(change: RowChange) -> str:
    """What a kept ``SET`` gave, as a person says it: "state agreed, our position “Zero tariffs”"."""
    said = []
    for name, value in change.values.items():
        if isinstance(value, str) and name != "state":
            text = value if len(value) <= TEXT_CHARS else value[:TEXT_CHARS - 1] + "…"
            said.append(f"{_FIELD_NAMES.get(name, name)} “{text}”")
        else:
            said.append(f"{_FIELD_NAMES.get(name, name)} {value}")
    return ", ".join(said)


class CarriedVersions:
    """The versions of positions a replay wrote, to carry a later kept change forward to."""

    def __init__(self) -> None:
        self._next: dict[tuple[int, int, int | None], int | None] = {}

    def carried(self, change: RowChange) -> RowChange:
        """``change`` based on the version this replay's own writes made of what it was based on."""
        if change.kind != POSITION or change.row_id is None:
            return change
        version, seen = change.version, set()
        while (key := (change.meeting_id, change.row_id, version)) in self._next and key not in seen:
            seen.add(key)
            version = self._next[key]
        return change if version == change.version else replace(change, version=version)

    def wrote(self, original: RowChange, applied: RowChange, version: int | None) -> None:
        """``applied`` (``original`` carried forward) has been written: the position is now at ``version``."""
        if original.kind != POSITION or original.row_id is None:
            return
        for based in {original.version, applied.version}:
            self._next[(original.meeting_id, original.row_id, based)] = version


def apply_position(services: Services, change: RowChange) -> int | None:
    """Set (or clear) a meeting's position on an issue, unless someone changed it since it was
    given (``ConflictError``); returns the position's version now (None once cleared)."""
    positions = services.positions
    if change.version is None:  # no position was stored when it was given: none may be now
        current = next((p for p in positions.list(change.meeting_id) if p.issue_id == change.row_id), None)
        if current is not None and current.id is not None:
            raise ConflictError("The position", None, current)
    if change.what == CLEAR:
        positions.clear(change.meeting_id, int(change.row_id or 0), change.version)
        return None
    if change.what != SET:
        raise BriefbookError(f"a position is set or cleared, not {change.what!r}")
    return positions.set(change.meeting_id, int(change.row_id or 0), change.version,
                         **change.values).version
