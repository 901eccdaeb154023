"""Typing as a user does, including text QTest cannot spell (Japanese, emoji)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_into(qtbot, editor, text: str) -> None:
    """Focus ``editor`` and type ``text`` key by key (non-ASCII keys carry their text, as an IME sends)."""
    editor.setFocus()
    for char in text:
        if char.isascii() and (char.isprintable() or char == "\n"):
            qtbot.keyClicks(editor, char) if char != "\n" else qtbot.keyClick(editor, Qt.Key.Key_Return)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
