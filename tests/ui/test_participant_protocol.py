"""People as protocol wants them: order of precedence by drag or Alt+Up/Down, family name first,
and capacities beyond the two sides, as the user sets them in the Participants tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_participants import names, people_tab
from tests.ui.write_gate import written


def order(store, meeting_id, side):
    return [p.person.name for p in store.people.participants(meeting_id) if p.side == side]


def pick(box, value):
    box.setCurrentIndex(box.findData(value))
    box.activated.emit(box.currentIndex())


def test_alt_down_moves_a_delegate_down_the_order_and_undo_moves_them_back(qtbot, window, store):
    panel = people_tab(qtbot, window)
    ours = panel.columns["ours"]
    ours.select(ours.model.participant(0).id)  # Katherine Tai
    ours.view.setFocus()
    qtbot.keyClick(ours.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    written(qtbot, window)
    assert names(panel, "ours") == ["Gina Raimondo", "Katherine Tai"]
    assert order(store, window.meeting.id, "ours") == ["Gina Raimondo", "Katherine Tai"]
    assert order(store, window.meeting.id, "theirs") == ["Koichi Hagiuda", "Yoshimasa Hayashi"]
    assert ours.current().person.name == "Katherine Tai"  # still selected, to move again
    qtbot.keyClick(ours.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the last: stays
    written(qtbot, window)
    assert names(panel, "ours") == ["Gina Raimondo", "Katherine Tai"]
    qtbot.keyClick(ours.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    written(qtbot, window)
    assert names(panel, "ours") == ["Katherine Tai", "Gina Raimondo"]
    window.undo()
    written(qtbot, window)
    assert order(store, window.meeting.id, "ours") == ["Gina Raimondo", "Katherine Tai"]
    window.undo()
    written(qtbot, window)
    assert names(panel, "ours") == ["Katherine Tai", "Gina Raimondo"]


def test_dragging_a_card_to_the_top_of_their_side_is_stored_and_printed_in_that_order(qtbot, window, store):
    panel = people_tab(qtbot, window)
    theirs = panel.columns["theirs"].model
    data = theirs.mimeData([theirs.index(1)])  # Hayashi, dropped above Hagiuda
    theirs.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, theirs.index(-1))
    written(qtbot, window)
    assert names(panel, "theirs") == ["Yoshimasa Hayashi", "Koichi Hagiuda"]
    brief = store.briefs.load(window.meeting.id)
    assert [p.person.name for p in brief.participants if p.side == "theirs"] == [
        "Yoshimasa Hayashi", "Koichi Hagiuda"]


def test_a_name_written_family_name_first_shows_in_capitals_on_the_card(qtbot, window, store):
    panel = people_tab(qtbot, window)
    theirs = panel.columns["theirs"]
    theirs.select(theirs.model.participant(0).id)
    editor = panel.editor
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Hagiuda Koichi")
    pick(editor.name_order_box, "family_first")
    written(qtbot, window)
    editor.flush()
    card = theirs.model.index(0).data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert card[0] == "HAGIUDA Koichi  萩生田光一"
    assert editor.heading.text() == "HAGIUDA Koichi"
    assert editor.name.text() == "Hagiuda Koichi"  # typed as it is written
    person = store.people.participants(window.meeting.id)[2].person
    assert (person.name, person.name_order) == ("Hagiuda Koichi", "family_first")


def test_an_interpreter_is_labelled_on_the_card_and_listed_after_the_delegates(qtbot, window, store):
    panel = people_tab(qtbot, window)
    theirs = panel.columns["theirs"]
    theirs.select(theirs.model.participant(0).id)  # Hagiuda, for this test the interpreter
    pick(panel.editor.capacity_box, "interpreter")
    written(qtbot, window)
    card = theirs.model.index(0).data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert card[-1] == "Interpreter · Head of delegation"
    assert [p.capacity for p in store.people.participants(window.meeting.id)
            if p.person.name == "Koichi Hagiuda"] == ["interpreter"]
    brief = store.briefs.load(window.meeting.id)
    assert [p.person.name for p in brief.participants if p.side == "theirs"] == [
        "Yoshimasa Hayashi", "Koichi Hagiuda"]
    window.undo()
    written(qtbot, window)
    assert theirs.model.participant(0).capacity == "delegate"
