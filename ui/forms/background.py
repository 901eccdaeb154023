"""How an ``EditorForm``'s writes go without waiting: the ``writes_in_background`` switch, and the
record an undo or redo shows before the store has it.

Undo, redo, another meeting and a tab's load start the writes of what was typed
and return: the ``WRITES`` lane keeps the order, so the GUI need not wait for
the store. Only the window's close and readers of the whole store (an export, a
search) wait (``Workspace.flush``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_BACKGROUND_ONLY = [0]  # > 0: ``EditorForm.flush()`` starts the writes and returns


@contextmanager
def writes_in_background() -> Iterator[None]:
    """Inside, ``EditorForm.flush()`` starts writing what is pending and does not wait for the
    store (undo, redo, switching meetings: the lane keeps the order, the GUI need not wait)."""
    _BACKGROUND_ONLY[0] += 1
    try:
        yield
    finally:
        _BACKGROUND_ONLY[0] -= 1


def background_only() -> bool:
    """Inside ``writes_in_background()``: a flush must not wait for the store."""
    return _BACKGROUND_ONLY[0] > 0


class ShownRecord:
    """A record with some fields replaced: what an undo or redo shows before the store has it."""

    def __init__(self, record: Any, values: dict[str, Any]) -> None:
        self._record, self._values = record, values

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__["_values"]
        return values[name] if name in values else getattr(self.__dict__["_record"], name)
