"""The panel contract: what every tab of the workspace is and does.

A panel is a ``QWidget`` built as ``Panel(ctx, parent)`` with an ``AppContext``.
The window calls:

- ``set_meeting(meeting_id)`` to show a meeting (``None``: no meeting; show an
  empty state that says what to do). The workspace calls it on the visible tab
  when the user opens a meeting and on the other tabs when they are next shown,
  so load what the tab shows here, and ignore events about other meetings.
- ``flush()`` before switching meeting, before undo/redo, and when the window
  closes: write any typed text that is still waiting for the autosave pause.
  After ``flush()`` returns nothing the user typed may be pending.

A panel writes only by pushing undo commands on ``ctx.undo_stack`` (see
``ui.undo``); it learns about changes from ``ctx.events`` and reloads what it
shows. ``ui.forms.EditorForm`` does the typing part (debounce, bursts, errors
next to the field) for form-like panels. Tabs are listed in ``ui.workspace.tabs``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget


@runtime_checkable
class Panel(Protocol):
    """A tab of the meeting workspace."""

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show this meeting (None: no meeting is open)."""

    def flush(self) -> None:
        """Write any typed text that is still pending, now."""


def is_panel(widget: QWidget) -> bool:
    """True when ``widget`` keeps the panel contract."""
    return isinstance(widget, Panel)
