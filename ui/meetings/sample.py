"""Help → Remove the sample: asked first, then one undoable step that moves it to the Trash.

The sample's meetings, and the people only they name, go to the Trash (see
``briefing.meetings.sample``): Ctrl+Z brings them all back, and so does
Edit → Trash one by one. The action is enabled while the store holds sample
meetings outside the Trash. The removal and its undo run in the ``WRITES`` lane
(``BackgroundCommand``): the window goes on while the store works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.live.offline import offline_safe
from ui.undo.background_command import BackgroundCommand

if TYPE_CHECKING:
    from ui.workspace.workspace import Workspace

QUESTION = "Remove the sample meetings?"


class RemoveSampleCommand(BackgroundCommand):
    """Move the sample to the Trash; undo brings it back."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Remove the sample")
        self.removal: Any = None  # what the removal moved (set in the worker, read by the undo there)

    def redo(self) -> None:
        self.in_lane(self._remove, self._refresh, then=self._say_removed)

    def _remove(self) -> int | None:  # in the worker: the meeting to open next
        meetings = self.ctx.services.meetings
        self.removal = meetings.remove_sample()
        return meetings.pick_initial(None)

    def _say_removed(self, _next_id: object) -> None:
        self.ctx.status.info("Moved the sample to the Trash. Undo (Ctrl+Z) brings it back.")

    def undo(self) -> None:
        self.in_lane(self._restore, self._refresh)

    def _restore(self) -> int | None:  # in the worker, after the removal: the meeting to open
        meetings, removal = self.ctx.services.meetings, self.removal
        if removal is None:
            return None
        meetings.restore_sample(removal)
        return removal.meeting_ids[-1] if removal.meeting_ids else meetings.pick_initial(None)

    def _refresh(self, meeting_id: int | None) -> None:
        events = self.ctx.events
        events.sig_meetings_changed.emit()
        events.sig_people_changed.emit(0)
        events.sig_open_meeting_requested.emit(meeting_id or 0)


def connect_remove_sample(ctx: AppContext, action: QAction, workspace: Workspace, parent: QWidget) -> None:
    """Wire Help → Remove the sample: enabled while there is a sample to remove."""

    def update() -> None:
        action.setEnabled(not ctx.services.read_only and bool(ctx.services.meetings.sample_ids()))

    update = offline_safe(ctx, update)  # the store away: the action stays as it was
    action.triggered.connect(offline_safe(ctx, lambda: ask_and_remove(ctx, workspace, parent)))
    ctx.events.sig_meetings_changed.connect(update)
    update()


def ask_and_remove(ctx: AppContext, workspace: Workspace, parent: QWidget) -> None:
    """Ask, then push the command (pending typing is written first, in the background: the
    lane keeps the order)."""
    count = len(ctx.services.meetings.sample_ids())
    if not count or not workspace.settle(wait=False):
        return
    from PySide6.QtWidgets import QMessageBox  # (when asked: start-up makes no message box)

    box = QMessageBox(QMessageBox.Icon.Question, "Remove the sample", QUESTION, parent=parent)
    box.setInformativeText(
        f"The {count} sample meeting{'s' if count != 1 else ''}, and the people no meeting of yours "
        "names, move to the Trash. Undo (Ctrl+Z) or Edit → Trash brings them back; "
        "the issue library stays as it is.")
    remove = box.addButton("Remove the sample", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is remove:
        workspace.write_soon()
        ctx.undo_stack.push(RemoveSampleCommand(ctx))
