"""Ctrl+Shift+P toggles the preview of the section being typed in, and only that one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.tabs import show_tab

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_shift_p_previews_the_section_with_the_cursor(qtbot, window):
    panel = show_tab(qtbot, window, "Issue notes")
    sections = panel.editor.sections
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sections["background"].editor)
    qtbot.keyClick(sections["background"].editor, Qt.Key.Key_P, CTRL_SHIFT)
    assert sections["background"].is_preview()
    assert not any(s.is_preview() for f, s in sections.items() if f != "background")
