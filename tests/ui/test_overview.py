"""The Overview tab: typing is written after a pause, on leaving a field, and on close; undo takes a burst."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.typing import type_into

ROUND_1 = "US–Japan Partnership on Trade — Round 1"


def overview(window):
    return window.workspace.panel("Overview")


def stored(store, window):
    return store.meetings.get(window.meeting.id)


def test_a_title_typed_is_saved_when_the_field_is_left(qtbot, window, store):
    panel = overview(window)
    panel.title.selectAll()
    type_into(qtbot, panel.title, "Round 1 (Tokyo)")
    assert stored(store, window).title == ROUND_1  # still typing: nothing written yet
    assert window.status.state.text() == "Saving…"
    panel.counterpart.setFocus()  # leaving the field writes it
    assert stored(store, window).title == "Round 1 (Tokyo)"
    assert window.status.state.text() == "Saved"
    assert window.windowTitle() == "Briefbook — Round 1 (Tokyo)"
    assert window.workspace.header.title.text() == "Round 1 (Tokyo)"


def test_typing_is_saved_after_a_pause(qtbot, open_window, store):
    window = open_window(sample=True, autosave_ms=50)
    panel = overview(window)
    panel.objectives.editor.moveCursor(panel.objectives.editor.textCursor().MoveOperation.End)
    type_into(qtbot, panel.objectives.editor, "\n5. Agree the date of round 2 — 第2回")
    qtbot.waitUntil(lambda: stored(store, window).objectives.endswith("round 2 — 第2回"), timeout=2000)
    assert window.status.state.text() == "Saved"


def test_typing_then_closing_at_once_keeps_the_text(qtbot, open_window):
    window = open_window(sample=True)  # autosave waits a minute: only the close can save this
    panel = overview(window)
    panel.objectives.editor.selectAll()
    type_into(qtbot, panel.objectives.editor, "<b>unbalanced & 🙂 **tags")
    window.close()
    again = open_window()
    assert again.meeting.title == ROUND_1
    assert overview(again).objectives.editor.toPlainText() == "<b>unbalanced & 🙂 **tags"


def test_a_typing_burst_is_one_undo_step_and_redo_brings_it_back(qtbot, window, store):
    panel = overview(window)
    panel.location.selectAll()
    type_into(qtbot, panel.location, "Tok")
    panel.form.flush()  # the autosave pause: written, but the burst goes on
    assert stored(store, window).location == "Tok"
    type_into(qtbot, panel.location, "yo, METI")
    window.undo()  # flushes the rest of the burst first
    assert stored(store, window).location == "Tokyo"
    assert panel.location.text() == "Tokyo"
    window.redo()
    assert stored(store, window).location == "Tokyo, METI"
    assert panel.location.text() == "Tokyo, METI"


def test_ctrl_z_in_a_field_undoes_through_the_window(qtbot, window, store):
    panel = overview(window)
    panel.principal.selectAll()
    type_into(qtbot, panel.principal, "Deputy USTR")
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.principal.text() == "Katherine Tai, United States Trade Representative"
    assert stored(store, window).principal == "Katherine Tai, United States Trade Representative"
    assert window.window_actions.redo.isEnabled()


def test_an_empty_title_is_refused_next_to_the_field_and_kept_in_the_editor(qtbot, window, store):
    panel = overview(window)
    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClick(panel.title, Qt.Key.Key_Delete)
    panel.counterpart.setFocus()
    error = panel.form.bindings[0].error
    assert error.isVisible() and "Title: must not be empty" in error.message
    assert "Title: must not be empty" in window.status.state.text()
    assert panel.title.text() == ""  # the editor keeps what the user did
    assert stored(store, window).title == ROUND_1
    type_into(qtbot, panel.title, "Round one")
    panel.counterpart.setFocus()
    assert stored(store, window).title == "Round one"
    assert not error.isVisible()
