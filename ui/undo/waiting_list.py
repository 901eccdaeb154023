"""``WaitingList``: the writes of one window that wait for the store, oldest first (``ctx.waiting``).

The lane's worker adds to it (a write that finds the server away) while the GUI
thread counts it ("Offline — N changes waiting") and the back-online write takes
everything from it; a lock keeps each of those whole. It lives on the window's
context, so it goes with the window (``ui.undo.waiting_writes`` says what is done
with it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class WaitingList:
    """Writes waiting for the store, in the order they were given; safe to share with the worker."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._writes: list[Any] = []

    def add(self, write: Any) -> None:
        """``write`` waits, after those already waiting."""
        with self._lock:
            self._writes.append(write)

    def __len__(self) -> int:
        with self._lock:
            return len(self._writes)

    def snapshot(self) -> list[Any]:
        """The waiting writes, oldest first (a copy)."""
        with self._lock:
            return list(self._writes)

    def take_all_if(self, ready: Callable[[Any], bool]) -> list[Any] | None:
        """Every waiting write, taken off the list, when ``ready`` holds for each; else None."""
        with self._lock:
            if not all(ready(write) for write in self._writes):
                return None
            taken, self._writes = self._writes, []
            return taken

    def clear(self) -> None:
        """Drop every waiting write (the window closes)."""
        with self._lock:
            self._writes.clear()
