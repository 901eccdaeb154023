"""Values a row is being written with, shown before the store has them.

A cell's edit is written in the ``WRITES`` lane; until it has ended the table
shows the value typed, not the one the store still holds. A model is handed
``pending(row_id) -> {field: value}`` (the window's ``RecordWriter.expected``)
and lays it over every record it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

#: ``pending(row_id)``: the values being written to a row (empty: none).
Pending = Callable[[int], dict[str, Any]]


def no_pending(_row_id: int) -> dict[str, Any]:
    """Nothing is being written (a model not yet handed the window's writer)."""
    return {}


def shown(record: Any, pending: Pending, key: str = "id") -> Any:
    """``record`` with the values being written to it (the same record when there are none);
    ``key`` names the field ``pending`` is asked with."""
    values = pending(getattr(record, key))
    if not values:
        return record
    names = {f.name for f in fields(record)}
    known = {name: value for name, value in values.items() if name in names}
    return replace(record, **known) if known else record
