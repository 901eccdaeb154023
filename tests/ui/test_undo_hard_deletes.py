"""Undo that survives a hard delete, and undo/redo that show the row they change.

Sources and participants are deleted for good; undoing their removal adds them
again under a new id. An edit made before the removal must still undo and redo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import STEEL, notes_tab, section
from tests.ui.test_participants import names, people_tab, stored
from tests.ui.typing import type_into
from tests.ui.write_gate import written


def current_tab(window) -> str:
    tabs = window.workspace.tabs
    return tabs.tabText(tabs.currentIndex()).replace("&", "")


def test_undoing_a_source_edit_made_before_its_removal_still_works(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    sources = panel.editor.sources
    note_id = panel.editor.note.id
    original = store.notes.get(note_id).sources[0]
    sources.model.setData(sources.model.index(0, 0), "Retitled <source> & 出典")
    sources.view.setCurrentIndex(sources.model.index(0, 0))
    sources.remove_action.trigger()
    written(qtbot, window)
    assert store.notes.get(note_id).sources == ()
    window.undo()  # the source comes back, under a new id
    written(qtbot, window)
    again = store.notes.get(note_id).sources[0]
    assert again.id != original.id and again.title == "Retitled <source> & 出典"
    window.undo()  # the title edit, made when the source had its old id
    written(qtbot, window)
    assert store.notes.get(note_id).sources[0].title == original.title
    assert "not found" not in window.status.state.text()
    window.redo()
    written(qtbot, window)
    assert store.notes.get(note_id).sources[0].title == "Retitled <source> & 出典"
    window.redo()  # the removal again, then its undo once more: the chain of ids holds
    written(qtbot, window)
    window.undo()
    window.undo()
    written(qtbot, window)
    assert store.notes.get(note_id).sources[0].title == original.title
    assert sources.model.source(0).title == original.title


def test_undoing_a_role_edit_made_before_the_participant_was_removed_still_works(qtbot, window, store):
    panel = people_tab(qtbot, window)
    meeting_id = window.meeting.id
    panel.editor.role.selectAll()
    type_into(qtbot, panel.editor.role, "Chief negotiator")
    panel.editor.bio.setFocus()  # leaving the role writes it
    panel.remove_current()
    written(qtbot, window)
    assert "Katherine Tai" not in names(panel, "ours")
    window.undo()  # back in the meeting, as a new participant row
    written(qtbot, window)
    assert stored(store, meeting_id)[0] == ("Katherine Tai", "ours", "Chief negotiator")
    window.undo()  # the role edit: shown at once, written in the background
    assert panel.editor.role.text() == "Head of delegation"
    qtbot.waitUntil(lambda: stored(store, meeting_id)[0] == ("Katherine Tai", "ours", "Head of delegation"))
    assert "not found" not in window.status.state.text()
    window.redo()
    qtbot.waitUntil(lambda: stored(store, meeting_id)[0] == ("Katherine Tai", "ours", "Chief negotiator"))


def test_redo_shows_the_note_it_changes(qtbot, window):
    panel = notes_tab(qtbot, window)
    type_into(qtbot, section(panel), "Redo me: ")
    panel.view.setCurrentIndex(panel.model.index(2))  # WTO reform; the steel note is written
    window.undo()
    assert panel.editor.title.text() == STEEL
    panel.view.setCurrentIndex(panel.model.index(2))
    window.redo()
    assert panel.editor.title.text() == STEEL
    assert section(panel).toPlainText().startswith("Redo me: ")


def test_undo_and_redo_switch_to_the_participant_they_change(qtbot, window, store):
    panel = people_tab(qtbot, window)
    theirs = panel.columns["theirs"]
    theirs.select(theirs.model.participant(0).id)  # Hagiuda
    panel.editor.role.selectAll()
    type_into(qtbot, panel.editor.role, "Minister")
    panel.editor.bio.setFocus()
    panel.select(panel.columns["ours"].model.participant(0).id)  # Tai
    show_tab(qtbot, window, "Agenda")
    window.undo()
    assert current_tab(window) == "Participants"
    assert panel.editor.name.text() == "Koichi Hagiuda"
    assert panel.editor.role.text() == "Head of delegation"
    panel.select(panel.columns["ours"].model.participant(0).id)
    window.redo()
    assert panel.editor.name.text() == "Koichi Hagiuda" and panel.editor.role.text() == "Minister"


def test_undoing_a_bio_edit_selects_the_person(qtbot, window):
    panel = people_tab(qtbot, window)
    panel.editor.bio.moveCursor(panel.editor.bio.textCursor().MoveOperation.End)
    type_into(qtbot, panel.editor.bio, " Speaks 日本語.")
    panel.columns["theirs"].view.setFocus()
    panel.select(panel.columns["theirs"].model.participant(1).id)
    window.undo()
    assert panel.editor.name.text() == "Katherine Tai"
    assert not panel.editor.bio.toPlainText().endswith("Speaks 日本語.")


def test_undoing_an_agenda_edit_from_another_tab_shows_the_item(qtbot, window, store):
    agenda = show_tab(qtbot, window, "Agenda")
    item_id = agenda.model.item_id(3)
    agenda.model.setData(agenda.index_of(item_id), "Renamed item")
    agenda.view.selectRow(0)
    show_tab(qtbot, window, "Overview")
    window.undo()
    assert current_tab(window) == "Agenda"
    assert agenda.current_item_id() == item_id
    assert agenda.model.data(agenda.index_of(item_id), Qt.ItemDataRole.DisplayRole) != "Renamed item"
