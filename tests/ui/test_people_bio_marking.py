"""A person's bio has the Marking button of every Markdown editor (issue 11): picking a marking from it
marks the paragraphs under the cursor, the bio is stored so, and one Ctrl+Z takes the change back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.tabs import show_tab
from tests.ui.typing import type_into
from tests.ui.write_gate import written


def bio_of(store, name: str) -> str:
    return next(p for p in store.people.list_people() if p.name == name).bio


def put_cursor_in(editor, words: str) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(words) + 1)
    editor.setTextCursor(cursor)
    editor.setFocus()


def click_and_pick(qtbot, button, label_start: str) -> None:
    """Click ``button`` (its menu opens at once, in a loop of its own) and click the entry whose text
    begins with ``label_start`` as soon as the menu shows; a menu that never shows fails the test."""
    picked: list[str] = []

    def pick() -> None:
        menu = button.menu()
        if QApplication.activePopupWidget() is not menu:
            QTimer.singleShot(10, pick)  # not open yet
            return
        try:
            action = next(a for a in menu.actions() if a.text().startswith(label_start))
            picked.append(action.text())
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        finally:
            if menu.isVisible():
                menu.close()  # never leave the test waiting in the menu's loop

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert picked, "the Marking menu did not open"
    # (the offscreen platform leaves the window inactive after a popup; a desktop gives it back)
    button.window().activateWindow()
    qtbot.waitUntil(button.window().isActiveWindow)


def test_the_bios_marking_button_marks_the_paragraph_at_the_cursor_and_ctrl_z_takes_it_back(
        qtbot, window, store):
    panel = show_tab(qtbot, window, "Participants")
    editor = panel.editor
    assert editor.name.text() == "Katherine Tai"
    bio = editor.bio
    bio.setFocus()
    bio.moveCursor(bio.textCursor().MoveOperation.End)
    type_into(qtbot, bio, "\n\nPrivately open to a quota.")
    editor.role.setFocus()  # leaving the bio writes it
    written(qtbot, window)
    before = bio_of(store, "Katherine Tai")
    assert before.endswith("\n\nPrivately open to a quota.")
    steps = window.ctx.undo_stack.count()

    put_cursor_in(bio, "open to a quota")
    click_and_pick(qtbot, editor.bio_marking, "(SBU)")
    assert bio.toPlainText() == before.replace("Privately open", "(SBU) Privately open")
    assert ("SBU", None) in editor.bio_gutter.marks.values()
    editor.role.setFocus()  # leaving the bio writes it
    written(qtbot, window)
    assert bio_of(store, "Katherine Tai") == before.replace("Privately open", "(SBU) Privately open")
    assert window.ctx.undo_stack.count() == steps + 1  # the marking is one step

    bio.setFocus()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in the bio
    written(qtbot, window)
    assert bio.toPlainText() == before
    assert bio_of(store, "Katherine Tai") == before


def test_a_bio_paragraph_starting_with_a_code_off_the_ladder_is_named_beside_the_button(qtbot, window):
    panel = show_tab(qtbot, window, "Participants")
    editor = panel.editor
    editor.bio.setFocus()
    editor.bio.moveCursor(editor.bio.textCursor().MoveOperation.End)
    type_into(qtbot, editor.bio, "\n\n(X) Not a marking we know.")
    qtbot.waitUntil(lambda: editor.bio_unknown.isVisible())
    assert editor.bio_unknown.text() == "unknown marking (X)"
    assert editor.bio_marking.isVisible() and editor.bio_marking.isEnabled()
