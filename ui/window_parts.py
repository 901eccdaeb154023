"""``WindowParts``: what the window's helpers use of the main window, as a protocol.

The helpers (Edit → Undo / Redo, the store tools, jumping to a search hit) are
handed the window and use only these parts of it; typing them against this
protocol rather than ``MainWindow`` keeps them from importing the window back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from briefing.meetings.records import MeetingRecord
    from ui.actions import WindowActions
    from ui.context import AppContext
    from ui.meetings.sidebar import MeetingsSidebar
    from ui.workspace.workspace import Workspace


class WindowParts(Protocol):
    """The main window as its helpers see it (``ui.main_window.MainWindow`` provides it)."""

    ctx: AppContext
    meeting: MeetingRecord | None
    window_actions: WindowActions
    workspace: Workspace
    sidebar: MeetingsSidebar

    def open_meeting(self, meeting_id: int | None) -> None:
        """Show the meeting ``meeting_id`` (``None``: none)."""

    def show(self) -> None:
        """Show the window."""

    def raise_(self) -> None:
        """Bring the window to the front."""

    def activateWindow(self) -> None:  # noqa: N802 - Qt's name
        """Give the window the keyboard focus."""
