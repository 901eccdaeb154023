"""Send Ctrl+Z / Ctrl+Shift+Z from text editors to the window's undo stack.

Line edits and text edits keep their own per-keystroke undo and claim the undo
keys for it. Briefbook's undo is one step per typing burst across every field,
so the bound editors let the keys through to Edit → Undo/Redo instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget


class _UndoKeysFilter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
            # Not the editor's: the override is declined so that the window's shortcut
            # fires, and the key press itself never reaches the editor's own undo.
            event.ignore()
            return True
        return False


_FILTER: _UndoKeysFilter | None = None


def route_undo_keys(widget: QWidget) -> None:
    """Let the undo/redo keys pressed in ``widget`` reach the window's Undo/Redo actions."""
    global _FILTER
    if _FILTER is None:
        _FILTER = _UndoKeysFilter()
    if widget.inherits("QPlainTextEdit") or widget.inherits("QTextEdit"):  # (naming QTextEdit
        widget.setUndoRedoEnabled(False)  # would make PySide build it at start-up)
    widget.installEventFilter(_FILTER)
