"""Previous round, History and All rounds open beside the note, the keyboard stays in the note,
and All rounds marks the words that changed, not the whole paragraph."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.diff_reading import struck_and_underlined
from tests.ui.tabs import show_tab
from tests.ui.typing import type_into
from ui.models.timeline_table import THEIR_POSITION
from ui.widgets.side_window import beside

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
STEEL = "Steel and aluminum excess capacity"
ADDED = "Tokyo now links any quota to the 232 duties."


def steel_in_round_2(qtbot, open_window):
    """Round 2 carried forward, their position on steel extended by one sentence; its note shown."""
    window = open_window(sample=True)
    services = window.ctx.services
    nxt = services.rounds.carry_forward(services.meetings.resolve(ROUND_1).id)
    steel = next(n for n in services.notes.list_full(nxt.id) if n.issue_title == STEEL)
    services.notes.update(steel.id, steel.version, their_position=f"{steel.their_position} {ADDED}")
    window.sidebar.reload()
    window.open_meeting(nxt.id)
    panel = show_tab(qtbot, window, "Issue notes")
    panel.view.setCurrentIndex(panel.model.index(
        next(r for r in range(panel.model.rowCount()) if panel.model.summary(r).issue_title == STEEL)))
    return window, panel, steel


def test_all_rounds_marks_only_the_words_that_changed(qtbot, open_window):
    window, panel, steel = steel_in_round_2(qtbot, open_window)
    qtbot.mouseClick(panel.editor.timeline_button, Qt.MouseButton.LeftButton)
    view = panel.editor.windows["timeline"]
    index = view.model.index(view.model.rowCount() - 1, THEIR_POSITION)
    document = view.cells.document(index, 400)
    struck, underlined = struck_and_underlined(document)
    assert struck == ""
    assert underlined.strip() == ADDED
    assert steel.their_position.strip() in document.toPlainText()  # shown, but not marked
    unchanged = view.model.index(view.model.rowCount() - 1, 2)  # our objectives: carried as they were
    assert view.cells.document(unchanged, 400) is None


@pytest.mark.parametrize("button", ["previous_button", "history_button", "timeline_button"])
def test_a_comparison_opens_beside_and_typing_goes_on_in_the_note(qtbot, open_window, store, button):
    window, panel, steel = steel_in_round_2(qtbot, open_window)
    editor = panel.editor
    section = editor.sections["talking_points"].editor
    section.moveCursor(section.textCursor().MoveOperation.End)
    type_into(qtbot, section, " one")
    qtbot.mouseClick(getattr(editor, button), Qt.MouseButton.LeftButton)
    view = editor.previous_view if button == "previous_button" else next(iter(editor.windows.values()))
    qtbot.waitUntil(view.isVisible)
    assert not view.isModal() and QApplication.activeModalWidget() is None
    assert QApplication.focusWidget() is section
    for key in " two":
        qtbot.keyClicks(QApplication.focusWidget(), key)
    assert section.toPlainText().endswith(" one two")
    assert view.isVisible()
    editor.flush()
    assert store.notes.get(steel.id).talking_points.endswith(" one two")


def test_a_side_window_goes_right_of_the_main_window_else_left_else_over_the_roomier_side():
    room = QRect(0, 0, 1920, 1080)
    size = QSize(600, 700)
    assert beside(QRect(100, 50, 1000, 900), size, room) == QPoint(1100, 50)
    assert beside(QRect(800, 50, 1000, 900), size, room) == QPoint(200, 50)
    assert beside(QRect(0, 0, 1920, 1080), size, room) == QPoint(1320, 0)
    assert beside(QRect(200, 600, 1000, 400), size, room).y() == 380  # kept on the screen
