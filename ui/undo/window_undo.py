"""Edit → Undo / Redo for the main window: pending typing written first, the change shown at once.

The actions' enabled state and texts follow the undo stack; typing not yet
written counts as undoable (undo writes it, then takes it back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.status import SAVING

if TYPE_CHECKING:
    from ui.window_parts import WindowParts


class WindowUndo(QObject):
    """Undo and redo over the window's context: flush, step the stack, show what changed.

    A child of the window, so that the stack's signals stop reaching it with the window."""

    def __init__(self, window: WindowParts) -> None:
        super().__init__(window)
        self.window = window
        self._can_undo = self._pending = False
        a, stack = window.window_actions, window.ctx.undo_stack
        a.undo.triggered.connect(self.undo)
        a.redo.triggered.connect(self.redo)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        stack.canUndoChanged.connect(self._on_can_undo)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        window.ctx.status.sig_message.connect(self._on_status)

    def undo(self) -> None:
        """Write pending typing first, so that undo takes back the whole burst; show where it was.

        Nothing waits for the store: the pending typing and the undo are written in order in
        the ``WRITES`` lane (an undo pressed while its command's write waits runs after it); the
        editors show the undone values at once and a refusal is said when it comes."""
        self.window.workspace.write_soon()
        stack = self.window.ctx.undo_stack
        command = stack.command(stack.index() - 1)
        stack.undo()
        self._show_change(command)

    def redo(self) -> None:
        self.window.workspace.write_soon()
        stack = self.window.ctx.undo_stack
        command = stack.command(stack.index())
        stack.redo()
        self._show_change(command)

    def _show_change(self, command: object) -> None:
        """After undo or redo, show what changed: its meeting, its tab, its row."""
        window = self.window
        meeting_to_show = getattr(command, "meeting_to_show", None)
        meeting_id = meeting_to_show() if meeting_to_show is not None else None
        if meeting_id and (window.meeting is None or meeting_id != window.meeting.id):
            window.open_meeting(meeting_id)
        row_to_show = getattr(command, "row_to_show", None)
        row = row_to_show() if row_to_show is not None else None
        if row is not None:
            window.workspace.show_row(*row)

    def _on_can_undo(self, can_undo: bool) -> None:
        self._can_undo = can_undo
        self._update()

    def _on_status(self, text: str, _problem: bool) -> None:
        self._pending = text == SAVING
        self._update()

    def _undo_text(self, text: str) -> None:
        self.window.window_actions.undo.setText(f"&Undo {text}".rstrip())

    def _redo_text(self, text: str) -> None:
        self.window.window_actions.redo.setText(f"&Redo {text}".rstrip())

    def _update(self) -> None:
        self.window.window_actions.undo.setEnabled(self._can_undo or self._pending)
