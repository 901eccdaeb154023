"""A note's history in the editor: its versions (who, when, what), the diff with now, restore and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.diff_reading import fragments as diff_fragments
from tests.ui.tabs import show_tab
from tests.ui.typing import type_into
from tests.ui.write_gate import written

ORIGINAL_START = "Excess capacity in steel"


def open_history(qtbot, window):
    panel = show_tab(qtbot, window, "Issue notes")
    return panel, panel.editor


def history_of(qtbot, editor):
    qtbot.mouseClick(editor.history_button, Qt.MouseButton.LeftButton)
    view = editor.windows["history"]
    qtbot.waitExposed(view)
    return view


def test_history_lists_the_versions_shows_the_diff_and_restores_undoably(qtbot, window, store):
    panel, editor = open_history(qtbot, window)
    background = editor.sections["background"].editor
    background.selectAll()
    type_into(qtbot, background, "Overcapacity is a global problem.")
    view = history_of(qtbot, editor)  # opening it writes what was typed
    note_id = editor.note.id
    assert store.notes.get(note_id).background == "Overcapacity is a global problem."
    listed = [view.model.data(view.model.index(r)) for r in range(view.model.rowCount())]
    assert len(listed) == 2
    assert listed[0].endswith("Changed: Background") and window.ctx.services.notes.author in listed[0]
    assert listed[1].endswith("Before its first recorded change")
    assert view.restore_button.isEnabled() is False  # the newest version is the note as it is

    view.select_row(1)  # the original
    original = view.revision().background
    fragments = diff_fragments(view.browser.document())
    body = fragments[fragments.index(("Background", False, False)) + 1:]  # the one section that differs
    assert "".join(text for text, struck, _ in body if not struck) == "Overcapacity is a global problem."
    assert "".join(text for text, _, underlined in body if not underlined) == original.replace("\n", "")
    assert any(struck for _, struck, _ in body) and any(underlined for *_, underlined in body)
    assert view.comparing.text().startswith("The version of ")

    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert background.toPlainText().startswith(ORIGINAL_START)
    assert store.notes.get(note_id).background.startswith(ORIGINAL_START)
    kinds = [r.kind for r in store.history.revisions(note_id)]
    assert kinds == ["restore", "edit", "original"]
    assert view.model.rowCount() == 3 and "Restored the version of" in view.model.data(view.model.index(0))
    assert "reads exactly as the note does now" in view.browser.toPlainText()  # the original, chosen
    assert window.window_actions.undo.text().startswith("&Undo Restore the version of ")

    window.undo()
    written(qtbot, window)
    assert store.notes.get(note_id).background == "Overcapacity is a global problem."
    assert background.toPlainText() == "Overcapacity is a global problem."
    window.redo()
    written(qtbot, window)
    assert background.toPlainText().startswith(ORIGINAL_START)


def test_restoring_writes_what_is_still_being_typed_first_so_undo_brings_it_back(qtbot, window, store):
    panel, editor = open_history(qtbot, window)
    red_lines = editor.sections["red_lines"].editor
    red_lines.selectAll()
    type_into(qtbot, red_lines, "- No quota")
    view = history_of(qtbot, editor)
    view.select_row(view.model.rowCount() - 1)  # the original
    red_lines.moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, red_lines, " below 2017 volumes")  # typed after the history was opened: pending
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    note_id = editor.note.id
    assert store.notes.get(note_id).red_lines == store.history.revisions(note_id)[-1].red_lines
    window.undo()
    written(qtbot, window)
    assert store.notes.get(note_id).red_lines == "- No quota below 2017 volumes"
    assert red_lines.toPlainText() == "- No quota below 2017 volumes"


def test_a_note_never_edited_has_an_empty_history_that_says_so(qtbot, window):
    panel, editor = open_history(qtbot, window)
    view = history_of(qtbot, editor)
    assert view.model.rowCount() == 0
    assert view.comparing.text().startswith("No saved versions yet")
    assert not view.restore_button.isEnabled()
