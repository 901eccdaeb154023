"""The Participants tab: both delegations, people picked from the directory or created, all undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.people.records import ParticipantRecord, PersonRecord
from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import open_launch
from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.models.participants_list import ParticipantsListModel


def people_tab(qtbot, window):
    return show_tab(qtbot, window, "Participants")


def names(panel, side):
    model = panel.columns[side].model
    return [model.participant(r).person.name for r in range(model.rowCount())]


def stored(store, meeting_id):
    return [(p.person.name, p.side, p.role) for p in store.people.participants(meeting_id)]


def test_both_delegations_are_shown_as_cards_with_native_names(qtbot, window):
    panel = people_tab(qtbot, window)
    assert names(panel, "ours") == ["Katherine Tai", "Gina Raimondo"]
    assert names(panel, "theirs") == ["Koichi Hagiuda", "Yoshimasa Hayashi"]
    card = panel.columns["theirs"].model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert card.splitlines() == ["Koichi Hagiuda  萩生田光一", "Minister of Economy, Trade and Industry",
                                 "Ministry of Economy, Trade and Industry (METI)", "Head of delegation"]
    assert panel.editor.name.text() == "Katherine Tai"  # the first one is open in the detail pane
    assert panel.columns["ours"].heading.text() == "Our delegation (2)"


def test_a_participant_is_added_from_the_directory(qtbot, window, store):
    launch = open_launch(window)
    panel = people_tab(qtbot, window)
    qtbot.mouseClick(panel.columns["ours"].add_button, Qt.MouseButton.LeftButton)
    picker = panel.picker
    offered = [picker.search.record_at(r).name for r in range(picker.search.proxy.rowCount())]
    assert offered == ["Gina Raimondo"]  # the others take part already
    type_into(qtbot, picker.search.filter, "commerce")  # by title or organization too
    type_into(qtbot, picker.role_edit, "Section 232")
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert names(panel, "ours") == ["Katherine Tai", "Gina Raimondo"]
    assert ("Gina Raimondo", "ours", "Section 232") in stored(store, launch.id)
    assert panel.editor.name.text() == "Gina Raimondo"
    window.undo()
    written(qtbot, window)
    assert names(panel, "ours") == ["Katherine Tai"]
    window.redo()
    written(qtbot, window)
    assert names(panel, "ours") == ["Katherine Tai", "Gina Raimondo"]


def test_a_new_person_with_a_japanese_name_is_added_and_comes_back_after_a_restart(qtbot, open_window, store):
    window = open_window(sample=True)
    panel = people_tab(qtbot, window)
    panel.columns["theirs"].add_button.click()
    picker = panel.picker
    type_into(qtbot, picker.search.filter, "Yasutoshi Nishimura")
    assert picker.search.proxy.rowCount() == 0
    qtbot.mouseClick(picker.new_button, Qt.MouseButton.LeftButton)
    assert picker.fields["name"].text() == "Yasutoshi Nishimura"
    type_into(qtbot, picker.fields["native_name"], "西村康稔")
    type_into(qtbot, picker.fields["title"], "Minister of Economy, Trade and Industry")
    type_into(qtbot, picker.role_edit, "Trade minister <from Aug 2022>")
    assert picker.theirs.isChecked()
    qtbot.keyClick(picker.role_edit, Qt.Key.Key_Return)
    written(qtbot, window)
    assert names(panel, "theirs")[-1] == "Yasutoshi Nishimura"
    person = next(p for p in store.people.list_people() if p.name == "Yasutoshi Nishimura")
    assert person.native_name == "西村康稔"
    window.undo()  # the new person goes to the Trash with the participation
    written(qtbot, window)
    assert "Yasutoshi Nishimura" not in [p.name for p in store.people.list_people()]
    window.redo()
    written(qtbot, window)
    window.close()

    panel = people_tab(qtbot, open_window())
    model = panel.columns["theirs"].model
    assert model.index(model.rowCount() - 1).data(Qt.ItemDataRole.ToolTipRole).splitlines()[0] == \
        "Yasutoshi Nishimura  西村康稔"


def test_changing_side_moves_the_card_and_undo_moves_it_back(qtbot, window, store):
    panel = people_tab(qtbot, window)
    panel.columns["ours"].select(panel.columns["ours"].model.participant(1).id)  # Raimondo
    box = panel.editor.side_box
    box.setCurrentIndex(box.findData("theirs"))
    box.activated.emit(box.currentIndex())
    written(qtbot, window)
    assert names(panel, "ours") == ["Katherine Tai"]
    assert names(panel, "theirs") == ["Gina Raimondo", "Koichi Hagiuda", "Yoshimasa Hayashi"]
    assert panel.editor.name.text() == "Gina Raimondo"  # still the one shown
    window.undo()
    written(qtbot, window)
    assert names(panel, "ours") == ["Katherine Tai", "Gina Raimondo"]


def test_a_bio_typed_is_written_on_close_and_a_role_edit_is_undone(qtbot, open_window, store):
    window = open_window(sample=True)
    panel = people_tab(qtbot, window)
    panel.editor.role.selectAll()
    type_into(qtbot, panel.editor.role, "Chief negotiator")
    panel.editor.bio.setFocus()  # leaving the role writes it
    written(qtbot, window)
    assert stored(store, window.meeting.id)[0] == ("Katherine Tai", "ours", "Chief negotiator")
    window.undo()
    written(qtbot, window)
    assert panel.editor.role.text() == "Head of delegation"
    panel.editor.bio.moveCursor(panel.editor.bio.textCursor().MoveOperation.End)
    type_into(qtbot, panel.editor.bio, "\n\nMet 萩生田 twice & wants <results>.")
    window.close()
    tai = next(p for p in store.people.list_people() if p.name == "Katherine Tai")
    assert tai.bio.endswith("\n\nMet 萩生田 twice & wants <results>.")


def test_removing_a_participant_keeps_the_person_and_undo_puts_them_back(qtbot, window, store):
    panel = people_tab(qtbot, window)
    panel.columns["theirs"].select(panel.columns["theirs"].model.participant(0).id)
    qtbot.mouseClick(panel.editor.remove_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert names(panel, "theirs") == ["Yoshimasa Hayashi"]
    assert "Koichi Hagiuda" in [p.name for p in store.people.list_people()]
    assert "still in the directory" in window.status.state.text()
    window.undo()
    written(qtbot, window)
    assert names(panel, "theirs") == ["Koichi Hagiuda", "Yoshimasa Hayashi"]
    assert stored(store, window.meeting.id)[2] == ("Koichi Hagiuda", "theirs", "Head of delegation")


def test_a_meeting_without_participants_says_what_to_do(qtbot, window):
    window.new_meeting()
    written(qtbot, window)
    panel = people_tab(qtbot, window)
    assert panel.details.currentWidget() is panel.empty
    assert panel.columns["ours"].hint.isVisible()
    panel.empty_add.click()
    assert panel.picker is not None and panel.picker.isVisible()
    panel.picker.reject()


def test_the_participants_model_is_a_correct_model(qtmodeltester):
    person = PersonRecord(1, "k", 1, "Koichi Hagiuda", "萩生田光一", "Minister", "METI", "")
    rows = [ParticipantRecord(i, 1, 1, i, side, "", person) for i, side in enumerate(["theirs", "ours"], 1)]
    model = ParticipantsListModel("theirs")
    model.set_participants(rows)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_the_keyboard_adds_and_removes_participants(qtbot, window, store):
    panel = people_tab(qtbot, window)
    theirs = panel.columns["theirs"]
    theirs.view.setFocus()
    qtbot.keyClick(theirs.view, Qt.Key.Key_Insert)
    assert panel.picker.isVisible() and panel.picker.theirs.isChecked()
    panel.picker.reject()
    theirs.select(theirs.model.participant(1).id)
    qtbot.keyClick(theirs.view, Qt.Key.Key_Delete)
    written(qtbot, window)
    assert names(panel, "theirs") == ["Koichi Hagiuda"]


def test_a_new_person_the_store_refuses_is_not_lost(qtbot, window, store):
    panel = people_tab(qtbot, window)
    panel.columns["ours"].add_button.click()
    picker = panel.picker
    picker.start_new_person()
    name = "Trade representative " * 20  # longer than a name may be
    picker.fields["name"].setText(name)
    type_into(qtbot, picker.fields["native_name"], "通商代表")
    picker.add_button.click()
    written(qtbot, window)  # refused in the background
    assert picker.isVisible()  # open again, as it was, with the reason
    assert "Name" in picker.error.message and "at most 300" in picker.error.message
    assert picker.fields["name"].text() == name and picker.fields["native_name"].text() == "通商代表"
    picker.fields["name"].setText("Sarah Bianchi")
    picker.add_button.click()
    written(qtbot, window)
    assert not picker.isVisible()
    assert names(panel, "ours")[-1] == "Sarah Bianchi"


def test_the_selected_persons_details_get_the_largest_share_of_the_tab(qtbot, window):
    window.resize(1280, 820)
    panel = people_tab(qtbot, window)
    qtbot.waitUntil(lambda: panel.splitter.width() > 0)
    ours, theirs, details = panel.splitter.sizes()
    assert details > max(ours, theirs)
    assert details >= 0.38 * sum(panel.splitter.sizes())


def test_a_bios_paragraph_is_marked_from_the_keyboard_and_shown_beside_it(qtbot, open_window, store):
    window = open_window(sample=True)
    panel = people_tab(qtbot, window)
    bio, gutter = panel.editor.bio, panel.editor.bio_gutter
    bio.setFocus()
    bio.moveCursor(bio.textCursor().MoveOperation.End)
    type_into(qtbot, bio, "\n\nPrivately open to a quota.")
    qtbot.keyClick(bio, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bio, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert bio.toPlainText().endswith("\n\n(SBU) Privately open to a quota.")  # none → U → SBU
    gutter.refresh()
    assert gutter.width() > 0 and ("SBU", None) in gutter.marks.values()
    window.close()
    tai = next(p for p in store.people.list_people() if p.name == "Katherine Tai")
    assert tai.bio.endswith("\n\n(SBU) Privately open to a quota.")
