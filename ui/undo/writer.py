"""Writes through the services with the latest version this window knows of each row.

Every record carries its ``version``. The writer keeps the latest record per row
(remembered when a panel loads a row, and after every write) and passes that
version with each update, so a write based on a stale version raises
``ConflictError`` instead of overwriting someone else's change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.undo.kinds import RowKind

if TYPE_CHECKING:
    from briefing.services import Services
    from ui.events import AppEvents


class RecordWriter:
    """The latest record of every row this window shows, and the one way commands update rows."""

    def __init__(self, services: Services, events: AppEvents) -> None:
        self.services = services
        self.events = events
        self._latest: dict[tuple[str, int], Any] = {}

    def remember(self, kind: RowKind, record: Any) -> Any:
        """Note ``record`` as the latest known state of its row; returns it."""
        self._latest[(kind.name, record.id)] = record
        return record

    def remember_all(self, kind: RowKind, records: list[Any]) -> list[Any]:
        """``remember`` each of ``records`` (e.g. after a reorder bumped their versions)."""
        for record in records:
            self.remember(kind, record)
        return records

    def latest(self, kind: RowKind, row_id: int) -> Any | None:
        """The latest record of a row, or None when this window never loaded it."""
        return self._latest.get((kind.name, row_id))

    def version(self, kind: RowKind, row_id: int) -> int | None:
        """The version the next update of a row is based on (None: unchecked)."""
        record = self.latest(kind, row_id)
        return None if record is None else record.version

    def update(self, kind: RowKind, row_id: int, changes: dict[str, Any]) -> Any:
        """Write ``changes`` to a row, remember and announce the result; errors propagate."""
        record = kind.update(self.services)(row_id, self.version(kind, row_id), **changes)
        self.remember(kind, record)
        kind.announce(self.events, record)
        self.events.sig_saved.emit()
        return record
