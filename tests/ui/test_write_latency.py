"""Writes never freeze the window: while an autosave waits for a slow store or a locked file, the
keys typed land in the editor, the event loop turns, the text stays in the crash journal, and it
is saved once the store answers."""

from __future__ import annotations

import sqlite3
import threading

from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.test_refused_edits import click_meeting, other_meeting
from tests.ui.typing import type_into
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written
from ui.models.agenda_table import TITLE
from ui.undo.background_write import pending_writes


def note_setup(qtbot, open_window, store):
    window = open_window(sample=True, autosave_ms=50)
    panel = notes_tab(qtbot, window)
    note_id = panel.editor.note.id
    editor = section(panel)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    return window, editor, note_id, store.notes.get(note_id).background


def journalled(window, note_id) -> list[str]:
    return [e.value for e in window.ctx.journal.pending()
            if (e.entity, e.entity_id, e.field) == ("note", note_id, "background")]


def test_typing_goes_on_while_an_autosave_waits_for_a_slow_store(qtbot, open_window, store):
    window, editor, note_id, before = note_setup(qtbot, open_window, store)
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes")
    try:
        type_into(qtbot, editor, " First.")
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)  # the pause's autosave is writing, held
        ticks = Ticks()
        type_into(qtbot, editor, " 二つ目 🙂 <b>&amp;")
        qtbot.waitUntil(lambda: ticks.count >= 3)  # the event loop turns while the write waits
        typed = before + " First. 二つ目 🙂 <b>&amp;"
        assert editor.toPlainText() == typed
        assert window.status.state.text() == "Saving…"
        assert store.notes.get(note_id).background == before  # nothing is written yet…
        qtbot.waitUntil(lambda: journalled(window, note_id) == [typed])  # …and nothing is lost
        assert threading.main_thread().ident not in gate.threads  # the write ran off the GUI thread
    finally:
        gate.release()
    qtbot.waitUntil(lambda: store.notes.get(note_id).background == typed, timeout=10_000)
    qtbot.waitUntil(lambda: window.status.state.text() == "Saved", timeout=10_000)
    assert editor.toPlainText() == typed
    assert journalled(window, note_id) == []
    window.undo()  # the two autosaves of one burst are one undo step
    assert editor.toPlainText() == before  # shown at once…
    qtbot.waitUntil(lambda: store.notes.get(note_id).background == before, timeout=10_000)  # …then stored
    assert editor.toPlainText() == before


def test_a_locked_store_file_does_not_stop_typing_and_the_text_is_saved_once_it_is_free(
        qtbot, open_window, store):
    window, editor, note_id, before = note_setup(qtbot, open_window, store)
    locker = sqlite3.connect(window.ctx.services.db.path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        type_into(qtbot, editor, " Locked 鍵")
        qtbot.waitUntil(lambda: pending_writes(window.ctx) == 1)
        ticks = Ticks()
        type_into(qtbot, editor, " & more")
        qtbot.waitUntil(lambda: ticks.count >= 3)
        assert editor.toPlainText() == before + " Locked 鍵 & more"
        assert store.notes.get(note_id).background == before
        assert pending_writes(window.ctx) >= 1
    finally:
        locker.execute("COMMIT")
        locker.close()
    qtbot.waitUntil(lambda: store.notes.get(note_id).background == before + " Locked 鍵 & more",
                    timeout=10_000)
    qtbot.waitUntil(lambda: pending_writes(window.ctx) == 0, timeout=10_000)
    assert window.status.state.text() == "Saved"
    assert editor.toPlainText() == before + " Locked 鍵 & more"


def test_a_write_that_waits_is_written_before_the_window_closes(qtbot, open_window, store):
    window, editor, note_id, before = note_setup(qtbot, open_window, store)
    locker = sqlite3.connect(window.ctx.services.db.path, isolation_level=None, check_same_thread=False)
    locker.execute("BEGIN IMMEDIATE")
    type_into(qtbot, editor, " Closing now")
    qtbot.waitUntil(lambda: pending_writes(window.ctx) == 1)
    # The lock goes while the window waits in its close (the GUI thread waits: another thread frees it).
    unlock = threading.Timer(0.3, lambda: (locker.execute("COMMIT"), locker.close()))
    unlock.start()
    # Typed on after the autosave started: the close writes that too, after the waiting write.
    type_into(qtbot, editor, "!")
    qtbot.wait(10)
    window.close()
    unlock.join()
    assert store.notes.get(note_id).background == before + " Closing now!"


def agenda_titles(store, meeting_id) -> list[str]:
    return [item.title for item in store.agenda.list(meeting_id)]


def test_adding_deleting_and_moving_agenda_items_while_the_store_is_slow_never_freezes_the_window(
        qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    meeting_id = window.meeting.id
    before = agenda_titles(store, meeting_id)
    first, third = panel.model.item_id(0), panel.model.item_id(2)
    gate = WriteGate(window.ctx.services.db.engine, "agenda_items", WRITE_VERBS)
    ticks = Ticks()
    try:
        panel.view.setFocus()
        panel.view.selectRow(0)
        panel.add_action.trigger()  # a new item after the first: held by the store
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the add waits
        panel.view.selectRow(2)
        panel.delete_action.trigger()  # queued behind the add
        panel.move_item(first, 1)  # and the move behind the delete
        ticks.turned(qtbot)
        assert agenda_titles(store, meeting_id) == before  # nothing is written yet
        assert gate.held_off_the_gui_thread  # nothing waited for the held write
    finally:
        gate.release()
    written(qtbot, window)
    # In the order given: New item after the first; the third item deleted; the first moved to place 2.
    after = ["New item", before[0], before[1], *before[3:]]
    assert agenda_titles(store, meeting_id) == after
    assert [panel.model.index(r, TITLE).data() for r in range(panel.model.rowCount())] == after
    assert third not in [panel.model.item_id(r) for r in range(panel.model.rowCount())]
    for _ in range(3):
        window.undo()
    written(qtbot, window)
    assert agenda_titles(store, meeting_id) == before
    for _ in range(3):
        window.redo()
    written(qtbot, window)
    assert agenda_titles(store, meeting_id) == after


def test_undo_pressed_while_a_move_waits_for_the_store_runs_after_it(qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    meeting_id = window.meeting.id
    before = agenda_titles(store, meeting_id)
    gate = WriteGate(window.ctx.services.db.engine, "agenda_items", WRITE_VERBS)
    ticks = Ticks()
    try:
        panel.move_item(panel.model.item_id(2), 0)
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        window.undo()  # the move is still waiting: the undo goes after it
        ticks.turned(qtbot)
        assert agenda_titles(store, meeting_id) == before
        assert gate.held_off_the_gui_thread  # nothing waited for the held write
    finally:
        gate.release()
    written(qtbot, window)
    assert agenda_titles(store, meeting_id) == before
    window.redo()
    written(qtbot, window)
    assert agenda_titles(store, meeting_id) == [before[2], before[0], before[1], *before[3:]]


def test_undo_pressed_while_an_autosave_waits_shows_the_old_text_at_once(qtbot, open_window, store):
    window, editor, note_id, before = note_setup(qtbot, open_window, store)
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes")
    ticks = Ticks()
    try:
        type_into(qtbot, editor, " Undo me 元に戻す")
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)  # the autosave is held
        window.undo()
        assert editor.toPlainText() == before  # shown at once…
        ticks.turned(qtbot)  # …while the window goes on
        assert store.notes.get(note_id).background == before
        assert gate.held_off_the_gui_thread  # nothing waited for the held write
    finally:
        gate.release()
    written(qtbot, window)
    assert store.notes.get(note_id).background == before  # the write, then its undo, in order
    assert editor.toPlainText() == before
    assert journalled(window, note_id) == []
    window.redo()
    assert editor.toPlainText() == before + " Undo me 元に戻す"
    written(qtbot, window)
    assert store.notes.get(note_id).background == before + " Undo me 元に戻す"


def test_switching_meetings_while_an_autosave_waits_shows_the_other_meeting_at_once(
        qtbot, open_window, store):
    window, editor, note_id, before = note_setup(qtbot, open_window, store)
    first = window.meeting.id
    second = other_meeting(window)
    gate = WriteGate(window.ctx.services.db.engine, "issue_notes")
    ticks = Ticks()
    try:
        type_into(qtbot, editor, " Typed before leaving")
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        click_meeting(qtbot, window, second)
        assert window.meeting.id == second  # at once, while the write waits
        ticks.turned(qtbot)
        assert journalled(window, note_id) == [before + " Typed before leaving"]  # nothing is lost
        assert gate.held_off_the_gui_thread  # nothing waited for the held write
    finally:
        gate.release()
    written(qtbot, window)
    assert store.notes.get(note_id).background == before + " Typed before leaving"
    assert journalled(window, note_id) == []
    window.undo()  # back to the first meeting, the text taken back
    assert window.meeting.id == first
    written(qtbot, window)
    assert store.notes.get(note_id).background == before


def test_an_agenda_item_added_while_the_store_is_slow_is_written_before_the_window_closes(
        qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    meeting_id = window.meeting.id
    before = agenda_titles(store, meeting_id)
    gate = WriteGate(window.ctx.services.db.engine, "agenda_items", WRITE_VERBS)
    panel.view.selectRow(len(before) - 1)
    panel.add_action.trigger()
    qtbot.waitUntil(gate.started.is_set, timeout=10_000)
    assert gate.held_off_the_gui_thread
    # Only the close waits: the store answers while it does (another thread lets the write go).
    release = threading.Timer(0.3, gate.release)
    release.start()
    window.close()
    release.join()
    assert agenda_titles(store, meeting_id) == [*before, "New item"]
