"""The shared steps of every edit: open a write, check the version, validate, apply, reorder."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from briefing.errors import ConflictError, NotFoundError, ValidationError
from db.engine import Database

Validator = Callable[[str, Any], Any]


@contextmanager
def writing(db: Database, what: str) -> Iterator[Session]:
    """A write transaction whose lost race (another writer got there first) is a ConflictError."""
    try:
        with db.write() as session:
            yield session
    except StaleDataError:
        raise ConflictError(what, None) from None


def fetch(session: Session, model: type, row_id: int, what: str, *, include_deleted: bool = False):
    """The row with ``row_id``, or NotFoundError (a row in the Trash counts as gone)."""
    row = session.get(model, row_id)
    if row is None or (not include_deleted and getattr(row, "deleted_at", None) is not None):
        raise NotFoundError(what)
    return row


def check_version(row, expected: int | None, what: str, current: Callable[[], object]) -> None:
    """Refuse a write based on an older version of ``row`` (None skips the check)."""
    if expected is not None and row.version != expected:
        raise ConflictError(what, expected, current())


def apply_changes(row, changes: Mapping[str, Any], fields: Mapping[str, Validator]) -> None:
    """Validate each change with its field's validator and set it; unknown fields are refused."""
    for name, value in changes.items():
        validator = fields.get(name)
        if validator is None:
            raise ValidationError(name, "is not a field that can be changed here")
        cleaned = validator(name, value)
        if getattr(row, name) != cleaned:
            setattr(row, name, cleaned)


def renumber(rows: Sequence) -> None:
    """Give ``rows`` positions 0..n-1 in their current order, touching only those that moved."""
    for index, row in enumerate(rows):
        if row.position != index:
            row.position = index


def move_in(rows: list, row, to_index: int) -> list:
    """``rows`` with ``row`` moved to ``to_index`` (clamped), renumbered."""
    rows = [r for r in rows if r is not row]
    to_index = max(0, min(to_index, len(rows)))
    rows.insert(to_index, row)
    renumber(rows)
    return rows


def reorder_to(rows: list, ids: Sequence[int], what: str) -> list:
    """``rows`` put in the order of ``ids``, which must name each of them exactly once."""
    by_id = {r.id: r for r in rows}
    if sorted(ids) != sorted(by_id):
        raise ValidationError(what, "the new order must list every item exactly once")
    ordered = [by_id[i] for i in ids]
    renumber(ordered)
    return ordered
