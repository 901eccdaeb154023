"""Keyboard only: Ctrl+Tab through the tabs, Ctrl+L to the meetings, Ctrl+Shift+L to the issue notes,
shortcuts in tooltips, and Help → Keyboard shortcuts listing every command's keys from the actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from tests.ui.tabs import show_tab

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def key(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is (the window's shortcuts see it first)."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def current_tab(window) -> str:
    tabs = window.workspace.tabs
    return tabs.tabText(tabs.currentIndex()).replace("&", "")


def test_ctrl_tab_and_ctrl_shift_tab_go_round_the_tabs_even_from_a_text_field(qtbot, window):
    overview = show_tab(qtbot, window, "Overview")
    overview.title.setFocus()
    key(qtbot, Qt.Key.Key_Tab, CTRL)
    assert current_tab(window) == "Agenda"
    assert window.workspace.panel("Agenda").isAncestorOf(QApplication.focusWidget())
    key(qtbot, Qt.Key.Key_Tab, CTRL)
    assert current_tab(window) == "Issue notes"
    key(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    key(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert current_tab(window) == "Overview"
    key(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert current_tab(window) == "Action items"  # round the end


def test_ctrl_l_goes_to_the_meetings_list_and_the_arrows_open_another(qtbot, window):
    overview = show_tab(qtbot, window, "Overview")
    overview.title.setFocus()
    first = window.meeting.id
    key(qtbot, Qt.Key.Key_L, CTRL)
    assert window.sidebar.view.hasFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert window.meeting.id != first
    key(qtbot, Qt.Key.Key_Up)
    assert window.meeting.id == first


def test_ctrl_shift_l_goes_to_the_issue_note_list(qtbot, window):
    show_tab(qtbot, window, "Agenda").view.setFocus()
    key(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    notes = window.workspace.panel("Issue notes")
    assert current_tab(window) == "Issue notes"
    assert notes.view.hasFocus()


def test_the_shortcuts_are_free_and_shown_in_tooltips(window):
    a = window.window_actions
    keys = [k.toString() for action in window.findChildren(type(a.undo)) for k in action.shortcuts()]
    for own in ("Ctrl+L", "Ctrl+Shift+L", "Ctrl+Tab"):
        assert keys.count(own) == 1, own  # no ambiguous shortcut
    assert a.next_round.toolTip() == "Next round (Ctrl+Shift+N)"
    button = next(b for b in window.sidebar.findChildren(QToolButton) if b.defaultAction() is a.next_round)
    assert button.toolTip() == "Next round (Ctrl+Shift+N)"


def test_help_keyboard_shortcuts_lists_every_actions_keys(qtbot, window):
    show_tab(qtbot, window, "Agenda")  # its Insert, Delete, Alt+Up… exist once the tab was shown
    help_menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "&Help")
    assert window.window_actions.shortcuts in help_menu.actions()
    window.window_actions.shortcuts.trigger()
    from ui.help.shortcuts import ShortcutsWindow

    shown = window.findChild(ShortcutsWindow)
    qtbot.waitExposed(shown)
    model = shown.model
    rows = {tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())}
    listed = {(command, keys.split(", ")[0]) for _where, command, keys in rows}
    for action in window.findChildren(type(window.window_actions.undo)):
        if action.shortcuts():  # every action with keys is there, with its first key
            first = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")  # "Q&&A": Q&A
            assert (text.rstrip("…"), first) in listed
    undo_keys = next(keys for where, command, keys in rows if (where, command) == ("Edit", "Undo"))
    assert "Ctrl+Z" in undo_keys.split(", ")
    assert not {"Undo", "F14"} & set(undo_keys.split(", "))  # not the special keys of some keyboards
    assert ("Meeting", "Next round", "Ctrl+Shift+N") in rows
    assert ("View", "Meetings list", "Ctrl+L") in rows
    assert ("Agenda", "Add item", "Ins") in rows
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert not shown.isVisible()


def test_a_new_shortcut_on_an_action_is_listed_without_editing_the_help(qtbot, window):
    from PySide6.QtGui import QAction, QKeySequence

    from ui.help.shortcuts_model import shortcut_rows

    extra = QAction("Frobnicate", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+F"))
    window.addAction(extra)
    keys = QKeySequence("Ctrl+Alt+F").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Window", "Frobnicate", keys) in {(r.where, r.command, r.keys) for r in shortcut_rows(window)}


def test_special_keys_some_keyboards_have_are_not_listed(window):
    from PySide6.QtGui import QAction, QKeySequence

    from ui.help.shortcuts_model import shortcut_rows

    action = QAction("Take back", window)
    action.setShortcuts([QKeySequence("Ctrl+Alt+Z"), QKeySequence(Qt.Key.Key_F14),
                         QKeySequence(Qt.Key.Key_Undo)])
    window.addAction(action)
    keys = QKeySequence("Ctrl+Alt+Z").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Window", "Take back", keys) in {(r.where, r.command, r.keys) for r in shortcut_rows(window)}
