"""Writes through the services with the latest version this window knows of each row.

Every record carries its ``version``. The writer keeps the latest record per row
(remembered when a panel loads a row, and after every write) and passes that
version with each update, so a write based on a stale version raises
``ConflictError`` instead of overwriting someone else's change.

Sources and participants are deleted for good, so undoing their removal adds
them again under a new id. ``relink`` records that; every write goes through
``current_id``, so a command made before the removal (an edit of the source's
title) still reaches the row (the Anki way: an id map, not a search).
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
        self._ids: dict[tuple[str, int], int] = {}
        # (kind, id, version written over) -> the version this window's own write made of it
        self._successors: dict[tuple[str, int, int], int] = {}
        # (kind, id) -> values undo or redo is writing, in order (shown before the store has them)
        self._expected: dict[tuple[str, int], list[dict[str, Any]]] = {}

    def remember(self, kind: RowKind, record: Any) -> Any:
        """Note ``record`` as the latest known state of its row; returns it.

        Versions only go up: a record older than the one known (a view's read that began
        before a background write of this window ended) does not replace it. A row deleted
        for good and made again (under the same id, from version 1) is ``recreated``."""
        key = (kind.name, record.id)
        known = self._latest.get(key)
        if known is not None and _version(record) is not None and _version(known) is not None \
                and _version(record) < _version(known):
            return record
        self._latest[key] = record
        return record

    def recreated(self, kind: RowKind, record: Any) -> Any:
        """``record`` is a row this window made again (a removal undone): what was written of the
        row that had its id before no longer carries a write forward (``write``); returns it."""
        key = (kind.name, record.id)
        for successor in [k for k in self._successors if k[:2] == key]:
            del self._successors[successor]
        self._latest[key] = record
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

    def relink(self, kind: RowKind, old_id: int, new_id: int) -> None:
        """A row deleted for good came back as ``new_id``: what named ``old_id`` now means it."""
        if old_id == new_id:
            return
        for key, target in self._ids.items():
            if key[0] == kind.name and target == old_id:
                self._ids[key] = new_id
        self._ids[(kind.name, old_id)] = new_id

    def current_id(self, kind: RowKind, row_id: int) -> int:
        """The id a row has now (its own, unless it was re-created under another)."""
        return self._ids.get((kind.name, row_id), row_id)

    def expect(self, kind: RowKind, row_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """An undo or redo is writing ``values`` to a row: views show them until ``settled``."""
        entry = dict(values)
        self._expected.setdefault((kind.name, self.current_id(kind, row_id)), []).append(entry)
        return entry

    def settled(self, kind: RowKind, row_id: int, entry: dict[str, Any]) -> None:
        """The write of ``entry`` (from ``expect``) has ended, written or refused."""
        key = (kind.name, self.current_id(kind, row_id))
        entries = [e for e in self._expected.get(key, []) if e is not entry]
        if entries:
            self._expected[key] = entries
        else:
            self._expected.pop(key, None)

    def expected(self, kind: RowKind, row_id: int) -> dict[str, Any]:
        """The values undo and redo are writing to a row now, the latest last (empty: none)."""
        merged: dict[str, Any] = {}
        for entry in self._expected.get((kind.name, self.current_id(kind, row_id)), []):
            merged.update(entry)
        return merged

    def forget_all(self) -> None:
        """Drop every remembered row (the store was replaced, e.g. by a restore)."""
        self._latest.clear()
        self._ids.clear()
        self._successors.clear()
        self._expected.clear()

    def update(self, kind: RowKind, row_id: int, changes: dict[str, Any]) -> Any:
        """Write ``changes`` to a row, remember and announce the result; errors propagate."""
        record = self.write(kind, row_id, changes)
        self.announced(kind, record)
        return record

    def write(self, kind: RowKind, row_id: int, changes: dict[str, Any], *,
              base: int | None = None) -> Any:
        """Write ``changes`` to a row and remember the result; safe in a ``WRITES`` worker (one
        write at a time, in order): it tells nobody.

        ``base`` is the version the edit was made on (taken when it was typed); this window's
        own writes since then carry it forward, but a change saved by someone else meanwhile
        makes the write a conflict, even when a view has read their version before the write
        ran. Without ``base``: the latest version known."""
        row_id = self.current_id(kind, row_id)
        version = self.based_on(kind, row_id, base)
        record = kind.update(self.services)(row_id, version, **changes)
        if version is not None and getattr(record, "version", None) is not None:
            self._successors[(kind.name, row_id, version)] = record.version
        self.remember(kind, record)
        return record

    def based_on(self, kind: RowKind, row_id: int, base: int | None) -> int | None:
        """The version a write of a row based on ``base`` is checked against: ``base`` carried
        forward over this window's own writes since (None: the latest version known)."""
        row_id = self.current_id(kind, row_id)
        version = self.version(kind, row_id) if base is None else base
        while base is not None and version is not None and (kind.name, row_id, version) in self._successors:
            version = self._successors[(kind.name, row_id, version)]
        return version

    def announced(self, kind: RowKind, record: Any) -> None:
        """Tell every view that ``record`` was written (on the GUI thread)."""
        kind.announce(self.events, record)
        self.events.sig_saved.emit()


def _version(record: Any) -> int | None:
    return getattr(record, "version", None)
