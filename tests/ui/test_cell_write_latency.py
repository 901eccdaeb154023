"""A table cell edited while the store is slow: the cell shows the new value at once, the window
goes on, and the store has it once it answers; undo and redo are shown at once and written in turn."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import notes_tab
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written
from ui.models.actions_table import STATUS
from ui.models.agenda_table import MINUTES, START_VENUE, TITLE
from ui.models.sources_table import PUBLISHER
from ui.positions.model import OURS


def set_cell(model, row, column, value) -> None:
    model.setData(model.index(row, column), value, Qt.ItemDataRole.EditRole)


def shown(model, row, column):
    return model.index(row, column).data(Qt.ItemDataRole.EditRole)


def test_an_agenda_title_typed_while_the_store_is_slow_shows_at_once_and_is_stored_later(
        qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    meeting_id = window.meeting.id
    before = store.agenda.list(meeting_id)[0].title
    gate = WriteGate(window.ctx.services.db.engine, "agenda_items")
    ticks = Ticks()
    try:
        set_cell(panel.model, 0, TITLE, "Opening remarks — 開会の辞")
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the event loop turns while the write waits
        assert shown(panel.model, 0, TITLE) == "Opening remarks — 開会の辞"  # the cell shows it
        assert store.agenda.list(meeting_id)[0].title == before  # the store does not have it yet
        assert window.status.state.text() == "Saving…"
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.agenda.list(meeting_id)[0].title == "Opening remarks — 開会の辞"
    assert window.status.state.text() == "Saved"
    window.undo()
    assert shown(panel.model, 0, TITLE) == before  # shown at once…
    written(qtbot, window)
    assert store.agenda.list(meeting_id)[0].title == before  # …then stored
    window.redo()
    written(qtbot, window)
    assert store.agenda.list(meeting_id)[0].title == "Opening remarks — 開会の辞"
    assert shown(panel.model, 0, TITLE) == "Opening remarks — 開会の辞"


def test_minutes_changed_while_the_store_is_slow_move_the_start_times_at_once(qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    meeting_id = window.meeting.id
    starts = [panel.model.index(r, START_VENUE).data() for r in range(3)]
    gate = WriteGate(window.ctx.services.db.engine, "agenda_items")
    ticks = Ticks()
    try:
        set_cell(panel.model, 0, MINUTES, 45)  # 15 more than the sample's 30
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert panel.model.index(1, START_VENUE).data() == "09:45"  # the next item starts later at once
        assert store.agenda.list(meeting_id)[0].minutes == 30
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.agenda.list(meeting_id)[0].minutes == 45
    window.undo()
    assert [panel.model.index(r, START_VENUE).data() for r in range(3)] == starts
    written(qtbot, window)
    assert store.agenda.list(meeting_id)[0].minutes == 30


def test_an_action_items_status_picked_while_the_store_is_slow_shows_at_once(qtbot, window, store):
    panel = show_tab(qtbot, window, "Action items")
    meeting_id = window.meeting.id
    assert store.actions.list(meeting_id)[0].status == "open"
    gate = WriteGate(window.ctx.services.db.engine, "action_items")
    ticks = Ticks()
    try:
        set_cell(panel.model, 0, STATUS, "done")
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert shown(panel.model, 0, STATUS) == "done"
        assert store.actions.list(meeting_id)[0].status == "open"
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.actions.list(meeting_id)[0].status == "done"
    window.undo()
    assert shown(panel.model, 0, STATUS) == "open"
    written(qtbot, window)
    assert store.actions.list(meeting_id)[0].status == "open"
    window.redo()
    written(qtbot, window)
    assert store.actions.list(meeting_id)[0].status == "done"


def test_a_sources_publisher_typed_while_the_store_is_slow_shows_at_once(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    sources = panel.editor.sources
    note_id = panel.editor.note.id
    before = store.notes.get(note_id).sources[0].publisher
    gate = WriteGate(window.ctx.services.db.engine, "sources")
    ticks = Ticks()
    try:
        set_cell(sources.model, 0, PUBLISHER, "Nikkei 日本経済新聞")
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert shown(sources.model, 0, PUBLISHER) == "Nikkei 日本経済新聞"
        assert store.notes.get(note_id).sources[0].publisher == before
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert store.notes.get(note_id).sources[0].publisher == "Nikkei 日本経済新聞"
    assert shown(sources.model, 0, PUBLISHER) == "Nikkei 日本経済新聞"
    window.undo()
    written(qtbot, window)
    assert store.notes.get(note_id).sources[0].publisher == before
    assert shown(panel.editor.sources.model, 0, PUBLISHER) == before


def test_our_position_typed_while_the_store_is_slow_shows_at_once(qtbot, window, store):
    panel = show_tab(qtbot, window, "Positions")
    meeting_id = window.meeting.id
    row = 0
    issue_id = panel.model.position(row).issue_id

    def stored():
        return next(p.ours for p in store.positions.list(meeting_id) if p.issue_id == issue_id)

    before = stored()
    gate = WriteGate(window.ctx.services.db.engine, "positions", WRITE_VERBS)
    ticks = Ticks()
    try:
        set_cell(panel.model, row, OURS, "Quota first; 関税割当")
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)
        assert shown(panel.model, row, OURS) == "Quota first; 関税割当"  # the cell shows it
        assert stored() == before
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    assert stored() == "Quota first; 関税割当"
    assert shown(panel.model, row, OURS) == "Quota first; 関税割当"
    window.undo()
    assert shown(panel.model, row, OURS) == before  # shown at once…
    written(qtbot, window)
    assert stored() == before  # …then stored
    assert shown(panel.model, row, OURS) == before
