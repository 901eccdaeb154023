"""Restoring a note's earlier version while the store is slow: the window goes on while the store
works, the note reads as that version once stored, and undo and redo are written in turn."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_note_history import ORIGINAL_START, history_of, open_history
from tests.ui.typing import type_into
from tests.ui.write_gate import Ticks, WriteGate, written

TYPED = "Overcapacity is a global problem."


def test_a_version_restored_while_the_store_is_slow_is_written_in_the_background(qtbot, window, store):
    _panel, editor = open_history(qtbot, window)
    background = editor.sections["background"].editor
    background.selectAll()
    type_into(qtbot, background, TYPED)
    view = history_of(qtbot, editor)  # opening it writes what was typed
    written(qtbot, window)
    note_id = editor.note.id
    view.select_row(1)  # the original
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes")
    ticks = Ticks()
    try:
        qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.status.state.text() == "Saving…"
        assert store.notes.get(note_id).background == TYPED
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.notes.get(note_id).background.startswith(ORIGINAL_START)
    assert background.toPlainText().startswith(ORIGINAL_START)
    assert [r.kind for r in store.history.revisions(note_id)] == ["restore", "edit", "original"]
    assert window.status.state.text().startswith("Restored the version of")
    window.undo()
    written(qtbot, window)
    assert store.notes.get(note_id).background == TYPED and background.toPlainText() == TYPED
    window.redo()
    written(qtbot, window)
    assert store.notes.get(note_id).background.startswith(ORIGINAL_START)
    assert background.toPlainText().startswith(ORIGINAL_START)
