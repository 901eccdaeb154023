"""The Issue notes tab: type into a section and find it again; undo, redo; add, delete and move notes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.tabs import show_tab
from tests.ui.typing import type_into
from tests.ui.write_gate import written

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
STEEL = "Steel and aluminum excess capacity"


def notes_tab(qtbot, window):
    return show_tab(qtbot, window, "Issue notes")


def section(panel, field="background"):
    return panel.editor.sections[field].editor


def listed(panel):
    return [panel.model.summary(r).issue_title for r in range(panel.model.rowCount())]


def open_launch(window):
    launch = next(m for m in window.ctx.services.meetings.list() if m.round_no == 0)
    window.open_meeting(launch.id)
    return launch


def test_the_first_note_is_open_and_its_first_section_takes_typing_at_once(qtbot, window):
    panel = notes_tab(qtbot, window)
    assert panel.editor.title.text() == STEEL
    assert panel.view.currentIndex().row() == 0
    qtbot.waitUntil(lambda: window.focusWidget() is section(panel))
    assert section(panel).toPlainText().startswith("Excess capacity in steel")


def test_typing_in_a_section_then_undo_redo_and_a_new_window_finds_the_text(qtbot, open_window, store):
    window = open_window(sample=True)
    panel = notes_tab(qtbot, window)
    editor = section(panel, "talking_points")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(qtbot, editor, "\n5. 日米 <b>steel</b> & aluminum 🙂")
    window.undo()  # writes the burst, then takes it back
    written(qtbot, window)
    note = store.notes.get(panel.editor.note.id)
    assert not note.talking_points.endswith("🙂")
    assert not editor.toPlainText().endswith("🙂")
    window.redo()
    written(qtbot, window)
    assert editor.toPlainText().endswith("5. 日米 <b>steel</b> & aluminum 🙂")
    window.close()

    again = open_window()
    assert again.meeting.title == window.meeting.title  # the latest round, open at start both times
    text = section(notes_tab(qtbot, again), "talking_points").toPlainText()
    assert text.endswith("4. Progress here makes a durable answer on Section 232 easier to reach.\n"
                         "5. 日米 <b>steel</b> & aluminum 🙂")


def test_typing_then_closing_at_once_keeps_the_text(qtbot, open_window):
    window = open_window(sample=True)  # autosave waits a minute: only the close can save this
    editor = section(notes_tab(qtbot, window), "red_lines")
    editor.selectAll()
    type_into(qtbot, editor, "- Nothing on rice")
    window.close()
    assert section(notes_tab(qtbot, open_window()), "red_lines").toPlainText() == "- Nothing on rice"


def test_typing_is_saved_after_a_pause_and_says_so(qtbot, open_window, store):
    window = open_window(sample=True, autosave_ms=50)
    panel = notes_tab(qtbot, window)
    type_into(qtbot, section(panel, "their_position"), "Update: ")
    assert window.status.state.text() == "Saving…"
    qtbot.waitUntil(lambda: store.notes.get(panel.editor.note.id).their_position.startswith("Update: "))
    qtbot.waitUntil(lambda: window.status.state.text() == "Saved")  # once the window has heard


def test_switching_notes_writes_the_one_left_and_shows_the_other(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    steel_id = panel.editor.note.id
    section(panel, "objectives").selectAll()
    type_into(qtbot, section(panel, "objectives"), "- One objective")
    panel.view.setCurrentIndex(panel.model.index(2))
    assert panel.editor.title.text() == "WTO reform"
    assert store.notes.get(steel_id).objectives == "- One objective"
    assert section(panel, "objectives").toPlainText().startswith("- Coordinate positions")


def test_status_priority_and_owner_are_written_and_undone(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    editor = panel.editor
    editor.status_box.setCurrentIndex(editor.status_box.findData("cleared"))
    editor.status_box.activated.emit(editor.status_box.currentIndex())
    written(qtbot, window)
    assert store.notes.get(editor.note.id).status == "cleared"
    assert panel.model.summary(0).status == "cleared"
    editor.owner.selectAll()
    type_into(qtbot, editor.owner, "Office of Japan")
    editor.priority_box.setFocus()  # leaving the field writes it
    written(qtbot, window)
    assert store.notes.get(editor.note.id).owner == "Office of Japan"
    window.undo()
    written(qtbot, window)
    window.undo()
    written(qtbot, window)
    assert store.notes.get(editor.note.id).status == "draft"
    assert editor.owner.text() == "Industry and Manufacturing"


def test_a_note_is_added_from_the_issue_library(qtbot, window, store):
    launch = open_launch(window)
    written(qtbot, window)
    panel = notes_tab(qtbot, window)
    assert listed(panel) == [STEEL, "WTO reform"]
    panel.add_action.trigger()
    picker = panel.picker
    offered = [picker.search.record_at(r).title for r in range(picker.search.proxy.rowCount())]
    assert STEEL not in offered and "Labor" in offered and len(offered) == 7
    type_into(qtbot, picker.search.filter, "232")
    qtbot.keyClick(picker.search.filter, Qt.Key.Key_Return)
    written(qtbot, window)
    assert not picker.isVisible()
    title = "Section 232 tariffs on Japanese steel and aluminum"
    assert listed(panel) == [STEEL, title, "WTO reform"]  # after the note that was selected
    assert panel.editor.title.text() == title
    assert [n.issue_title for n in store.notes.list(launch.id)] == listed(panel)
    window.undo()
    written(qtbot, window)
    assert listed(panel) == [STEEL, "WTO reform"]
    window.redo()
    written(qtbot, window)
    assert listed(panel) == [STEEL, title, "WTO reform"]


def test_a_note_is_added_on_a_new_issue_typed_in(qtbot, window, store):
    open_launch(window)
    written(qtbot, window)
    panel = notes_tab(qtbot, window)
    panel.view.setCurrentIndex(panel.model.index(1))
    panel.add_action.trigger()
    type_into(qtbot, panel.picker.search.filter, "Rice & beef — 米")
    assert not panel.picker.pick_button.isEnabled()
    assert panel.picker.new_button.text() == "&New issue “Rice && beef — 米”"
    qtbot.mouseClick(panel.picker.new_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert listed(panel) == [STEEL, "WTO reform", "Rice & beef — 米"]
    assert "Rice & beef — 米" in [i.title for i in store.issues.list()]
    qtbot.waitUntil(lambda: window.focusWidget() is section(panel))


def test_a_note_goes_to_the_trash_and_comes_back_with_undo(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(1))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    written(qtbot, window)
    assert "Section 232 tariffs on Japanese steel and aluminum" not in listed(panel)
    assert panel.editor.title.text() == "WTO reform"
    assert "Trash" in window.status.state.text()
    window.undo()
    written(qtbot, window)
    assert listed(panel)[1] == "Section 232 tariffs on Japanese steel and aluminum"
    assert len(store.notes.list(window.meeting.id)) == 9


def test_delete_in_a_section_deletes_text_not_the_note(qtbot, window):
    panel = notes_tab(qtbot, window)
    editor = section(panel)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    written(qtbot, window)
    assert panel.model.rowCount() == 9
    assert editor.toPlainText().startswith("xcess capacity")


def test_notes_move_with_alt_arrows_and_by_drag_and_drop(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    written(qtbot, window)
    assert listed(panel)[:2] == ["Section 232 tariffs on Japanese steel and aluminum", STEEL]
    assert panel.editor.title.text() == STEEL  # the moved note stays selected
    data = panel.model.mimeData([panel.model.index(8)])
    panel.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, panel.model.index(-1))
    written(qtbot, window)
    assert listed(panel)[0] == "Digital trade and the digital ecosystem"
    assert [n.issue_title for n in store.notes.list(window.meeting.id)] == listed(panel)
    window.undo()
    written(qtbot, window)
    window.undo()
    written(qtbot, window)
    assert listed(panel)[:2] == [STEEL, "Section 232 tariffs on Japanese steel and aluminum"]


def test_undoing_an_edit_after_the_note_moved_still_works(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    type_into(qtbot, section(panel), "Moved: ")
    panel.view.setFocus()  # leaving the section writes it
    written(qtbot, window)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    written(qtbot, window)
    window.undo()  # the move
    written(qtbot, window)
    window.undo()  # the typing, although moving renumbered (and re-versioned) the note
    written(qtbot, window)
    assert not store.notes.get(panel.editor.note.id).background.startswith("Moved: ")
    assert "not saved" not in window.status.state.text()


def test_a_meeting_without_notes_says_what_to_do(qtbot, window):
    window.new_meeting()
    written(qtbot, window)
    panel = notes_tab(qtbot, window)
    assert panel.right.currentWidget() is panel.empty
    assert "add one from the issue library" in panel.empty.headline.text()
    assert panel.empty.button is not None and panel.empty.button.isEnabled()


def test_undoing_an_edit_of_another_note_shows_that_note(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    type_into(qtbot, section(panel), "Undo me: ")
    panel.view.setCurrentIndex(panel.model.index(2))  # WTO reform; the steel note is written
    window.undo()
    written(qtbot, window)
    assert panel.editor.title.text() == STEEL
    assert not section(panel).toPlainText().startswith("Undo me: ")


def test_a_new_issue_title_the_store_refuses_is_not_lost(qtbot, window):
    open_launch(window)
    written(qtbot, window)
    panel = notes_tab(qtbot, window)
    panel.add_action.trigger()
    title = "Overcapacity " * 30
    panel.picker.search.filter.setText(title)
    panel.picker.new_button.click()
    written(qtbot, window)
    assert panel.picker.isVisible() and "at most 300" in panel.picker.error.message
    assert panel.picker.search.filter.text() == title
    assert panel.model.rowCount() == 2


def test_opening_another_meeting_writes_what_was_typed_in_a_note(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    note_id = panel.editor.note.id
    type_into(qtbot, section(panel, "defensives"), "Q: 米? ")
    open_launch(window)  # from the meetings list, as a user would
    written(qtbot, window)
    assert store.notes.get(note_id).defensives.startswith("Q: 米? ")
    assert panel.editor.title.text() == STEEL and panel.model.rowCount() == 2
