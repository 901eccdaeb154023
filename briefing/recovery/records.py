"""The crash journal's records: an edit typed but not yet saved, and what earlier sessions left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefing.recovery.row_changes import PendingRowChange


@dataclass(frozen=True, slots=True)
class PendingEdit:
    """A field's text as typed, not yet written to the store."""

    entity: str
    entity_id: int
    field: str
    value: str
    base_version: int | None
    at: datetime
    typed: bool = False
    """The field holds ``data`` (a table's cell: a number, a date, None…); ``value`` shows it."""
    data: Any = None
    meeting_id: int | None = None
    """The meeting of the row, when the journal was told (a cell of a meeting's table)."""

    @property
    def written(self) -> Any:
        """The value to write back: ``data`` for a typed value, else the text."""
        return self.data if self.typed else self.value


@dataclass(frozen=True, slots=True)
class Recovery:
    """What earlier sessions left: whether one exited uncleanly, and the edits it had not saved."""

    unclean: bool
    pending: tuple[PendingEdit, ...]
    skipped_lines: int = 0
    rows: tuple[PendingRowChange, ...] = ()
    """Changes to lists given while the store was away and never written, oldest first."""

    @property
    def anything_kept(self) -> bool:
        """Edits or list changes wait to be kept or discarded."""
        return bool(self.pending or self.rows)
