"""Deleting for good and emptying the Trash while the store is slow: what goes leaves the list at
once, the window goes on while the store works, and a refusal puts it back and says why."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from briefing.errors import StoreError
from tests.ui.test_issue_notes import notes_tab
from tests.ui.test_trash_window import answer, open_trash, shown
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written


def two_notes_in_the_trash(qtbot, window) -> None:
    notes = notes_tab(qtbot, window)
    notes.delete_note()
    written(qtbot, window)
    notes.view.setCurrentIndex(notes.model.index(0))
    notes.delete_note()
    written(qtbot, window)


def titles(trash) -> list[str]:
    return [title for _kind, title, _meeting in shown(trash)]


def test_a_note_deleted_for_good_while_the_store_is_slow_leaves_the_list_at_once(
        qtbot, window, store, monkeypatch):
    two_notes_in_the_trash(qtbot, window)
    trash = open_trash(window)
    assert len(titles(trash)) == 2
    trash.view.selectRow(trash.model.row_of("note", store.trash.list()[1].id))
    gone = trash.current().title
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes", WRITE_VERBS)
    ticks = Ticks()
    try:
        trash.purge_button.click()
        assert gone not in titles(trash) and len(titles(trash)) == 1  # at once
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the store is held
        assert window.status.state.text() == "Saving…"
        assert gone in [e.title for e in store.trash.list()]  # not yet
        window.ctx.events.sig_saved.emit()  # another write's "Saved" re-reads the Trash meanwhile
        ticks.turned(qtbot)
        assert gone not in titles(trash)
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert [e.title for e in store.trash.list()] == titles(trash) and gone not in titles(trash)
    assert window.status.state.text() == f"Deleted “{gone}” for good."


def test_the_trash_emptied_while_the_store_is_slow_is_empty_at_once(qtbot, window, store, monkeypatch):
    two_notes_in_the_trash(qtbot, window)
    trash = open_trash(window)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes", WRITE_VERBS)
    ticks = Ticks()
    try:
        trash.empty_button.click()
        assert trash.model.rowCount() == 0 and trash.summary.text() == "The Trash is empty."
        assert not trash.empty_button.isEnabled()
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert store.trash.count() == 2  # not yet
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.trash.count() == 0 and trash.model.rowCount() == 0


def test_a_delete_for_good_the_store_refuses_puts_the_row_back_and_says_why(
        qtbot, window, store, monkeypatch):
    two_notes_in_the_trash(qtbot, window)
    trash = open_trash(window)
    trash.view.selectRow(trash.model.row_of("note", store.trash.list()[1].id))
    answer(monkeypatch, QMessageBox.StandardButton.Yes)

    def refuse(_kind, _id):
        raise StoreError("The store could not be written: the disk is full.")

    monkeypatch.setattr(window.ctx.services.trash, "purge", refuse)
    trash.purge_button.click()
    assert len(titles(trash)) == 1
    written(qtbot, window)
    assert sorted(titles(trash)) == sorted(e.title for e in store.trash.list()) and len(titles(trash)) == 2
    assert trash.error.message == "The store could not be written: the disk is full."
    assert window.status.state.text() == "The store could not be written: the disk is full."


def test_a_note_someone_restored_meanwhile_is_not_deleted_for_good_and_the_trash_says_why(
        qtbot, window, store, monkeypatch):
    notes = notes_tab(qtbot, window)
    notes.delete_note()
    written(qtbot, window)
    trash = open_trash(window)
    entry = store.trash.list()[0]
    assert titles(trash) == [entry.title]
    store.trash.restore(entry.kind, entry.id)  # another member, meanwhile
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    trash.purge_button.click()
    written(qtbot, window)
    assert trash.error.message  # why, next to the list
    assert store.notes.get(entry.id).id == entry.id  # nothing lost: the note is back in its meeting
    assert titles(trash) == []
