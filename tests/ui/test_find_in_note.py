"""Ctrl+F in an issue note: find in every section, count, next and previous, highlights, Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.tabs import show_tab
from tests.ui.typing import type_into


def sections(panel):
    return panel.editor.sections


def marked(editor) -> list[str]:
    return [s.cursor.selectedText() for s in editor.extraSelections()]


def press_ctrl_f(qtbot, panel):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = panel.editor.find_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.field.hasFocus())
    return bar


def test_ctrl_f_finds_in_every_section_counts_and_steps_through_the_matches(qtbot, window):
    panel = show_tab(qtbot, window, "Issue notes")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sections(panel)["background"].editor)
    bar = press_ctrl_f(qtbot, panel)
    assert not (window.search_popup and window.search_popup.isVisible())  # Ctrl+F is not Ctrl+K
    type_into(qtbot, bar.field, "capacity")
    everywhere = {field: section.editor.toPlainText().lower().count("capacity")
                  for field, section in sections(panel).items()}
    total = sum(everywhere.values())
    assert total >= 3 and sum(1 for n in everywhere.values() if n) >= 2  # more than one section
    assert bar.count.text() == f"1 of {total}"
    for field, count in everywhere.items():
        assert [m.lower() for m in marked(sections(panel)[field].editor)] == ["capacity"] * count
    first = sections(panel)["background"].editor
    assert first.textCursor().selectedText().lower() == "capacity"
    for _ in range(everywhere["background"]):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Enter: the next match, on into the next section
    assert bar.count.text() == f"{everywhere['background'] + 1} of {total}"
    nxt = next(sections(panel)[f].editor for f, n in everywhere.items() if n and f != "background")
    assert nxt.textCursor().selectedText().lower() == "capacity"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # back
    assert bar.count.text() == f"{everywhere['background']} of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert all(not s.editor.extraSelections() for s in sections(panel).values())
    assert QApplication.focusWidget() is first and first.textCursor().selectedText().lower() == "capacity"


def test_finding_nothing_says_so_and_typing_in_the_note_finds_again(qtbot, window):
    panel = show_tab(qtbot, window, "Issue notes")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sections(panel)["background"].editor)
    bar = press_ctrl_f(qtbot, panel)
    type_into(qtbot, bar.field, "Kagoshima")
    assert bar.count.text() == "No matches"
    red_lines = sections(panel)["red_lines"].editor
    red_lines.moveCursor(red_lines.textCursor().MoveOperation.End)
    type_into(qtbot, red_lines, "\n- Nothing on Kagoshima beef")
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 1")
    assert marked(red_lines) == ["Kagoshima"]
    assert red_lines.textCursor().atEnd()  # typing is not interrupted: the cursor stays where it was


def test_ctrl_f_starts_from_the_selected_words_and_leaves_preview(qtbot, window):
    panel = show_tab(qtbot, window, "Issue notes")
    editor = sections(panel)["their_position"].editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(cursor.MoveOperation.EndOfWord, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    word = cursor.selectedText()
    panel.editor.preview_button.setChecked(True)
    editor.setFocus()  # (the preview hides the editor; Ctrl+F from the note)
    qtbot.keyClick(panel.editor.preview_button, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = panel.editor.find_bar
    qtbot.waitUntil(bar.isVisible)
    assert not panel.editor.preview_button.isChecked()
    assert bar.field.text() in (word, "")
    assert bar.field.hasFocus()
