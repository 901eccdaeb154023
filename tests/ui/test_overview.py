"""The Overview tab: typing is written after a pause, on leaving a field, and on close; undo takes a burst."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.typing import type_into
from tests.ui.write_gate import written

ROUND_1 = "US–Japan Partnership on Trade — Round 1"


def overview(window):
    return window.workspace.panel("Overview")


def stored(store, window):
    return store.meetings.get(window.meeting.id)


def test_a_title_typed_is_saved_when_the_field_is_left(qtbot, window, store):
    panel = overview(window)
    panel.title.selectAll()
    type_into(qtbot, panel.title, "Round 1 (Tokyo)")
    assert stored(store, window).title == ROUND_1  # still typing: nothing written yet
    assert window.status.state.text() == "Saving…"
    panel.counterpart.setFocus()  # leaving the field writes it
    written(qtbot, window)
    assert stored(store, window).title == "Round 1 (Tokyo)"
    assert window.status.state.text() == "Saved"
    assert window.windowTitle() == "Briefbook — Round 1 (Tokyo)"
    assert window.workspace.header.title.text() == "Round 1 (Tokyo)"


def test_typing_is_saved_after_a_pause(qtbot, open_window, store):
    window = open_window(sample=True, autosave_ms=50)
    panel = overview(window)
    panel.objectives.editor.moveCursor(panel.objectives.editor.textCursor().MoveOperation.End)
    type_into(qtbot, panel.objectives.editor, "\n5. Agree the date of round 2 — 第2回")
    qtbot.waitUntil(lambda: stored(store, window).objectives.endswith("round 2 — 第2回"), timeout=2000)
    # the write ran in the background: the window hears it has ended a moment after it commits
    qtbot.waitUntil(lambda: window.status.state.text() == "Saved", timeout=2000)


def test_typing_then_closing_at_once_keeps_the_text(qtbot, open_window):
    window = open_window(sample=True)  # autosave waits a minute: only the close can save this
    panel = overview(window)
    panel.objectives.editor.selectAll()
    type_into(qtbot, panel.objectives.editor, "<b>unbalanced & 🙂 **tags")
    window.close()
    again = open_window()
    assert again.meeting.title == window.meeting.title  # the latest round, open at start both times
    assert overview(again).objectives.editor.toPlainText() == "<b>unbalanced & 🙂 **tags"


def test_a_typing_burst_is_one_undo_step_and_redo_brings_it_back(qtbot, window, store):
    panel = overview(window)
    panel.location.selectAll()
    type_into(qtbot, panel.location, "Tok")
    panel.form.flush()  # the autosave pause: written, but the burst goes on
    assert stored(store, window).location == "Tok"
    type_into(qtbot, panel.location, "yo, METI")
    window.undo()  # flushes the rest of the burst first
    written(qtbot, window)
    assert stored(store, window).location == "Tokyo"
    assert panel.location.text() == "Tokyo"
    window.redo()
    written(qtbot, window)
    assert stored(store, window).location == "Tokyo, METI"
    assert panel.location.text() == "Tokyo, METI"


def test_ctrl_z_in_a_field_undoes_through_the_window(qtbot, window, store):
    panel = overview(window)
    panel.principal.selectAll()
    type_into(qtbot, panel.principal, "Deputy USTR")
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, window)
    assert panel.principal.text() == "Katherine Tai, United States Trade Representative"
    assert stored(store, window).principal == "Katherine Tai, United States Trade Representative"
    assert window.window_actions.redo.isEnabled()


def test_an_empty_title_is_refused_next_to_the_field_and_kept_in_the_editor(qtbot, window, store):
    panel = overview(window)
    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClick(panel.title, Qt.Key.Key_Delete)
    panel.counterpart.setFocus()
    written(qtbot, window)
    error = panel.form.bindings[0].error
    assert error.isVisible() and "Title: must not be empty" in error.message
    assert "Title: must not be empty" in window.status.state.text()
    assert panel.title.text() == ""  # the editor keeps what the user did
    assert stored(store, window).title == ROUND_1
    type_into(qtbot, panel.title, "Round one")
    panel.counterpart.setFocus()
    written(qtbot, window)
    assert stored(store, window).title == "Round one"
    assert not error.isVisible()


def test_an_end_before_the_start_is_refused_and_fixing_the_start_saves_both(qtbot, window, store):
    from datetime import UTC, datetime

    when = overview(window).when
    when.end.setFocus()
    when.end.setDateTime(when.start.dateTime().addSecs(-3600))  # 08:00, before the 09:00 start
    when.start.setFocus()  # leaving the end field writes it
    written(qtbot, window)
    assert "End: the meeting ends before it starts" in when.error.message
    assert "End: the meeting ends before it starts" in window.status.state.text()
    assert stored(store, window).ends_at == datetime(2022, 2, 7, 8, 0, tzinfo=UTC)  # unchanged 17:00 JST
    when.start.setDateTime(when.start.dateTime().addSecs(-2 * 3600))  # 07:00
    overview(window).title.setFocus()
    written(qtbot, window)
    meeting = stored(store, window)
    assert (meeting.starts_at.hour, meeting.ends_at.hour) == (22, 23)  # 07:00 and 08:00 JST in UTC
    assert not when.error.isVisible()
    assert "6 Feb 17:00 EST" in when.start_home.text()


def test_changing_the_venue_zone_keeps_the_wall_clock_times(qtbot, window, store):
    when = overview(window).when
    when.zone.setFocus()
    when.zone.fill()
    when.zone.setCurrentText("Europe/Brussels")
    when.zone.activated.emit(when.zone.currentIndex())
    written(qtbot, window)
    meeting = stored(store, window)
    assert meeting.timezone == "Europe/Brussels"
    assert (meeting.starts_at.hour, meeting.ends_at.hour) == (8, 16)  # 09:00 and 17:00 CET
    assert "Brussels" in window.workspace.header.when.text() or "CET" in window.workspace.header.when.text()
    window.undo()  # one step: zone and times together
    written(qtbot, window)
    meeting = stored(store, window)
    assert meeting.timezone == "Asia/Tokyo" and meeting.starts_at.hour == 0


@pytest.mark.parametrize("typed", ["Mars/Olympus", "Asia", "Europe/" + "x" * 270])
def test_an_unknown_zone_is_refused_next_to_it(qtbot, window, store, typed):
    when = overview(window).when
    when.zone.setFocus()
    when.zone.setEditText(typed)
    qtbot.keyClick(when.zone, Qt.Key.Key_Return)
    written(qtbot, window)
    assert "is not a known time zone" in when.error.message
    assert when.zone.currentText() == typed
    assert stored(store, window).timezone == "Asia/Tokyo"


def test_status_and_sensitivity_picks_are_written_at_once_and_shown_in_the_header(qtbot, window, store):
    panel = overview(window)
    panel.sensitivity.setCurrentIndex(panel.sensitivity.findData("C"))
    panel.sensitivity.activated.emit(panel.sensitivity.currentIndex())
    written(qtbot, window)
    assert stored(store, window).sensitivity == "C"
    assert window.workspace.header.chip.text() == "C"
    panel.status_box.setCurrentIndex(panel.status_box.findData("cancelled"))
    panel.status_box.activated.emit(panel.status_box.currentIndex())
    written(qtbot, window)
    assert window.workspace.header.status.text() == "Cancelled"
    window.undo()
    written(qtbot, window)
    window.undo()
    written(qtbot, window)
    assert (stored(store, window).status, stored(store, window).sensitivity) == ("held", "SBU")
    assert panel.sensitivity.currentData() == "SBU"


def test_objectives_preview_renders_the_markdown(qtbot, window):
    objectives = overview(window).objectives
    objectives.toggle.click()
    assert objectives.is_preview()
    assert "**" not in objectives.preview.toPlainText()
    assert "Section 232" in objectives.preview.toPlainText()
    objectives.toggle.click()
    assert not objectives.is_preview()


def test_a_title_with_markup_emoji_and_japanese_shows_as_typed_everywhere(qtbot, window, store):
    hostile = "<b>Steel & 鉄鋼 🙂 </i"
    panel = overview(window)
    panel.title.setFocus()
    panel.title.selectAll()
    type_into(qtbot, panel.title, hostile)
    panel.counterpart.setFocus()
    written(qtbot, window)
    assert stored(store, window).title == hostile
    assert window.windowTitle() == f"Briefbook — {hostile}"
    assert window.workspace.header.title.text() == hostile
    model = window.sidebar.model
    index = model.index_of(window.meeting.id)
    assert index.data() == hostile
    assert "&lt;b&gt;Steel &amp; 鉄鋼" in index.data(Qt.ItemDataRole.ToolTipRole)
