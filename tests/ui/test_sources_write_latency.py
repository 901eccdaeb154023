"""Citing or removing a source while the note's typed text waits for a slow store: the text is
written first and the source after it, both in the write lane — the window does not wait for the
store (no freeze), and the text stays in the editor and the journal until stored."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.typing import type_into
from tests.ui.write_gate import Ticks, WriteGate, written

TYPED = " — and 鉄鋼 <b>quotas</b> & 50%"


def type_at_the_end(qtbot, panel, field: str = "objectives") -> str:
    editor = section(panel, field)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, editor, TYPED)
    return editor.toPlainText()


def test_citing_a_source_while_the_typed_text_waits_for_a_slow_store_does_not_freeze_the_window(
        qtbot, window, store):
    panel = notes_tab(qtbot, window)
    sources = panel.editor.sources
    note = store.notes.get(panel.editor.note.id)
    typed = type_at_the_end(qtbot, panel)  # not written yet: autosave waits a minute here
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes")
    ticks = Ticks()
    try:
        sources.add_action.trigger()  # the typed text first, then the new source
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.status.state.text() == "Saving…"
        assert store.notes.get(note.id).objectives == note.objectives  # not yet…
        assert len(store.notes.get(note.id).sources) == len(note.sources)
        assert section(panel, "objectives").toPlainText() == typed  # …kept in the editor…
        assert typed in [e.value for e in window.ctx.journal.pending()]  # …and in the journal
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    stored = store.notes.get(note.id)
    assert stored.objectives == typed
    assert len(stored.sources) == len(note.sources) + 1
    assert sources.model.rowCount() == len(note.sources) + 1
    assert window.ctx.journal.pending() == ()


def test_removing_a_source_while_the_typed_text_waits_for_a_slow_store_does_not_freeze_the_window(
        qtbot, window, store):
    panel = notes_tab(qtbot, window)
    sources = panel.editor.sources
    note = store.notes.get(panel.editor.note.id)
    assert note.sources
    typed = type_at_the_end(qtbot, panel, "background")
    sources.view.setCurrentIndex(sources.model.index(0, 0))
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes")
    ticks = Ticks()
    try:
        sources.remove_action.trigger()
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert store.notes.get(note.id).background == note.background
        assert len(store.notes.get(note.id).sources) == len(note.sources)
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    stored = store.notes.get(note.id)
    assert stored.background == typed
    assert len(stored.sources) == len(note.sources) - 1
    window.undo()  # the removal comes back
    written(qtbot, window)
    assert len(store.notes.get(note.id).sources) == len(note.sources)
    assert store.notes.get(note.id).background == typed
