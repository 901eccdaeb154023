"""A returned Word file's accepted changes applied while the store is slow: the window goes on
while the store works, the note reads as reviewed once stored, and undo and redo are written in turn."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.briefing.test_word_files import Delete, mark_up
from tests.ui.test_word_review import export_for_clearance, open_review, words_in
from tests.ui.write_gate import Ticks, WriteGate, written


def test_a_review_applied_while_the_store_is_slow_is_written_in_the_background(
        qtbot, window, store, monkeypatch, tmp_path):
    sent = tmp_path / "clearance.docx"
    editor = export_for_clearance(qtbot, window, monkeypatch, sent)
    note = editor.note
    cut = words_in(note.background)
    dialog = open_review(qtbot, window, monkeypatch, mark_up(sent, tmp_path / "back.docx", [Delete(cut)]))
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes")
    ticks = Ticks()
    try:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        qtbot.waitUntil(lambda: window.status.state.text() == "Saving…")  # said while it waits
        assert store.notes.get(note.id).background == note.background
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert cut not in store.notes.get(note.id).background
    assert store.history.revisions(note.id)[0].author == "review by Ana Legal (from Word)"
    background = editor.sections["background"].editor
    qtbot.waitUntil(lambda: cut not in background.toPlainText())
    window.undo()
    written(qtbot, window)
    assert store.notes.get(note.id).background == note.background
    qtbot.waitUntil(lambda: background.toPlainText() == note.background)
    window.redo()
    written(qtbot, window)
    assert cut not in store.notes.get(note.id).background
