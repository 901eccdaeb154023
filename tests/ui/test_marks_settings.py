"""Settings → Markings edits the store's ladder: a marking portions use cannot go (the message says
how many), a new one is written into the store and used at once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_settings_window import open_settings, save


def test_removing_a_marking_portions_use_is_refused_naming_how_many(qtbot, window, config_dir, store):
    meeting = store.meetings.get(window.meeting.id)
    store.meetings.update(meeting.id, None, objectives="(C) Hold at 5%.\n\n- (C) Walk away at 7%.")
    dialog = open_settings(qtbot, window)
    dialog.table.setCurrentIndex(dialog.ladder.index(2, 0))  # C
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.ladder.rowCount() == 3
    assert dialog.errors["ladder"].isVisible()
    assert dialog.errors["ladder"].message.startswith("“C” cannot be removed: 2 portions")


def test_a_ladder_saved_in_settings_is_the_stores(qtbot, window, config_dir, store):
    dialog = open_settings(qtbot, window)
    dialog.table.setCurrentIndex(dialog.ladder.index(1, 0))
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)  # SBU above C (order only)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert store.markings.ladder().codes == ("U", "C", "SBU")
    assert window.ctx.services.config.ladder.codes == ("U", "C", "SBU")
