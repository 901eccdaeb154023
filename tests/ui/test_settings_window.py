"""Edit → Settings…: what lived only in briefbook.json, edited in a window, saved and applied at once."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from briefing.markings.ladder import DEFAULT_LADDER
from tests.ui.typing import type_into
from ui.settings.dialog import SettingsDialog
from ui.settings.ladder_model import LadderTableModel


def open_settings(qtbot, window) -> SettingsDialog:
    """Press the Settings keys (the platform's Preferences keys, else Ctrl+,)."""
    action = window.window_actions.settings
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert action.shortcuts() == (platform or [QKeySequence("Ctrl+,")])
    sequence = action.shortcut()
    window.activateWindow()
    qtbot.keyClick(window, sequence[0].key(), sequence[0].keyboardModifiers())
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None
                    and window.findChild(SettingsDialog).isVisible())
    dialog = window.findChild(SettingsDialog)
    dialog.activateWindow()  # as the window manager does for a new window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_in_cell(qtbot, dialog, row: int, column: int, text: str) -> None:
    table = dialog.table
    table.setFocus()
    table.setCurrentIndex(dialog.ladder.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the cell
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_into(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.box.button(dialog.box.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_settings_are_saved_into_the_file_keeping_other_keys_and_apply_at_once(
        qtbot, window, config_dir, store):
    config_dir.mkdir()
    (config_dir / "briefbook.json").write_text(json.dumps({"future_option": True}), encoding="utf-8")
    dialog = open_settings(qtbot, window)
    assert [dialog.ladder.code(r) for r in range(dialog.ladder.rowCount())] == ["U", "SBU", "C"]
    dialog.user_name.selectAll()
    type_into(qtbot, dialog.user_name, "Aiko Tanaka")
    dialog.home_zone.setFocus()
    dialog.home_zone.lineEdit().selectAll()
    type_into(qtbot, dialog.home_zone.lineEdit(), "Europe/Brussels")
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.backups.setFocus()
    dialog.backups.selectAll()
    type_into(qtbot, dialog.backups, "3")
    dialog.table.setCurrentIndex(dialog.ladder.index(2, 0))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # below C: a new highest marking
    editor = QApplication.focusWidget()
    type_into(qtbot, editor, "TS")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    type_in_cell(qtbot, dialog, 3, 1, "TOP SECRET")
    save(qtbot, dialog)

    qtbot.waitUntil(lambda: not dialog.isVisible())  # the ladder is written into the store first
    data = json.loads((config_dir / "briefbook.json").read_text(encoding="utf-8"))
    assert data["future_option"] is True
    assert (data["user_name"], data["home_timezone"], data["paper"], data["backups_keep"]) == (
        "Aiko Tanaka", "Europe/Brussels", "letter", 3)
    assert "sensitivity_ladder" not in data  # the ladder is the store's
    assert [(m.code, m.label) for m in store.markings.ladder().markings][-1] == ("TS", "TOP SECRET")
    services = window.ctx.services
    assert services.backups.keep == 3
    assert services.config.ladder.codes == ("U", "SBU", "C", "TS")
    assert window.ctx.settings.value("export/paper") == "letter"  # the next export's paper
    assert "The Overview's list of markings changes at the next start." in window.status.state.text()
    before = window.meeting.id
    window.activateWindow()  # as the window manager does when the dialog goes
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new meeting…
    qtbot.waitUntil(lambda: window.meeting.id != before)  # (it opens once the lane has stored it)
    assert store.meetings.get(window.meeting.id).home_timezone == "Europe/Brussels"  # …in the new home zone
    services.meetings.update(window.meeting.id, None, sensitivity="TS")  # the new code is accepted


def test_removing_a_marking_meetings_carry_is_refused_saying_how_many(qtbot, window, config_dir):
    dialog = open_settings(qtbot, window)
    dialog.table.setCurrentIndex(dialog.ladder.index(1, 0))  # SBU: the sample's rounds and 4 portions
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.ladder.rowCount() == 3
    assert dialog.errors["ladder"].isVisible()
    assert dialog.errors["ladder"].message == ("“SBU” cannot be removed: 4 portions and 2 meetings are "
                                               "marked with it. Change their marking first.")
    dialog.table.setCurrentIndex(dialog.ladder.index(2, 0))  # C: no meeting carries it
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [dialog.ladder.code(r) for r in range(dialog.ladder.rowCount())] == ["U", "SBU"]
    assert not dialog.errors["ladder"].isVisible()


def test_renaming_a_code_in_use_or_a_code_with_spaces_is_refused_and_nothing_is_written(
        qtbot, window, config_dir):
    dialog = open_settings(qtbot, window)
    type_in_cell(qtbot, dialog, 1, 0, "S B U")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "must not contain spaces or parentheses" in dialog.errors["ladder"].message
    type_in_cell(qtbot, dialog, 1, 0, "CUI")
    save(qtbot, dialog)
    assert "“SBU” cannot be removed: 4 portions and 2 meetings are marked with it" in \
        dialog.errors["ladder"].message
    assert not (config_dir / "briefbook.json").exists()
    assert window.ctx.services.config.ladder.codes == ("U", "SBU", "C")


def test_an_unknown_home_zone_is_refused_next_to_it(qtbot, window, config_dir):
    dialog = open_settings(qtbot, window)
    dialog.home_zone.setFocus()
    dialog.home_zone.lineEdit().selectAll()
    type_into(qtbot, dialog.home_zone.lineEdit(), "Mars/Olympus")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.errors["home_timezone"].isVisible()
    assert "Mars/Olympus" in dialog.errors["home_timezone"].message
    assert not (config_dir / "briefbook.json").exists()


def test_markings_move_up_and_down_and_cancel_forgets_the_changes(qtbot, window, config_dir):
    dialog = open_settings(qtbot, window)
    dialog.table.setCurrentIndex(dialog.ladder.index(0, 0))
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert [dialog.ladder.code(r) for r in range(3)] == ["SBU", "U", "C"]
    assert dialog.table.currentIndex().row() == 1
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)  # at the bottom of the ladder already
    assert [dialog.ladder.code(r) for r in range(3)] == ["U", "SBU", "C"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not (config_dir / "briefbook.json").exists()


def test_the_ladder_model_keeps_qts_rules(qtmodeltester):
    model = LadderTableModel(DEFAULT_LADDER)
    qtmodeltester.check(model)
    model.add(1)
    model.move(0, 1)
    model.remove(2)
    qtmodeltester.check(model)
