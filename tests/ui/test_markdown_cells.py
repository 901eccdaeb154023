"""Portion marks in the table cells that hold Markdown: an agenda item's outcome and an action item's
text open a multi-line editor over the cell, with the marking gutter, Ctrl+Shift+M and the Marking
menu; Enter is a line break, Ctrl+Enter or Tab writes (one undo step), Esc leaves the cell as it was;
the book prints the marks and a release copy leaves the marked portion out."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from tests.briefing.pdf.reading import pdftotext
from tests.test_cli import cli
from tests.ui.conftest import SAMPLE_ROUND_1
from tests.ui.tabs import show_tab
from tests.ui.typing import type_into
from ui.models.actions_table import TEXT
from ui.models.agenda_table import MINUTES, OUTCOME
from ui.widgets.markdown_cell import HINT, MAX_LINES, MarkdownCellEditor

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
OUTCOME_TEXT = "(U) Both sides meet again in March.\n\nFallback: a quota at 2015 volumes."
MARKED = "(U) Both sides meet again in March.\n\n(SBU) Fallback: a quota at 2015 volumes."


def open_cell(qtbot, view, index, how: str = "F2") -> MarkdownCellEditor:
    """Open the cell's editor as the user does (F2, or a double-click on it); returns the editor."""
    view.setFocus()
    view.setCurrentIndex(index)
    if how == "F2":
        qtbot.keyClick(view, Qt.Key.Key_F2)
    else:
        at = view.visualRect(index).center()  # press, release, then the double-click, as Qt sees one
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    editor = QApplication.focusWidget()
    assert isinstance(editor, MarkdownCellEditor)
    return editor


def put_cursor_in(editor, words: str) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(words) + 1)
    editor.setTextCursor(cursor)


def editing(view) -> bool:
    return view.state() == view.State.EditingState


def shown_in_cell(view, index) -> str:
    """The text the cell paints (the delegate's, not the model's raw value)."""
    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text


def outcomes(store, window) -> list[str]:
    return [i.outcome for i in store.agenda.list(window.meeting.id)]


def test_an_outcome_of_two_paragraphs_the_second_marked_is_written_and_undone_in_one_step(
        qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    old = outcomes(store, window)
    index = panel.model.index(1, OUTCOME)
    editor = open_cell(qtbot, panel.view, index, how="double-click")
    one_line = editor.height()
    editor.selectAll()
    type_into(qtbot, editor, OUTCOME_TEXT)  # Enter is a line break here, not the end of the edit
    assert editing(panel.view) and editor.toPlainText() == OUTCOME_TEXT
    assert editor.height() > one_line  # it grew to show the lines, all of them
    assert editor.verticalScrollBar().maximum() == 0
    assert panel.view.viewport().rect().contains(editor.geometry())
    assert editor.hint.toolTip() == HINT and editor.hint.isVisible()
    put_cursor_in(editor, "Fallback")
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL_SHIFT)
    assert editor.gutter.marks == {0: ("U", None), 2: ("U", None)}  # the ladder's first code
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL_SHIFT)
    assert editor.gutter.marks == {0: ("U", None), 2: ("SBU", None)}  # and the next
    assert outcomes(store, window) == old  # nothing is written while the editor is open
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert not editing(panel.view)
    qtbot.waitUntil(lambda: outcomes(store, window)[1] == MARKED)
    assert shown_in_cell(panel.view, index) == \
        "(U) Both sides meet again in March. ¶ (SBU) Fallback: a quota at 2015 volumes."
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "March.\n\n(SBU) Fallback: a quota at 2015 volumes." in tip  # the whole text
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)  # one step takes back the text and its marks
    qtbot.waitUntil(lambda: outcomes(store, window) == old)
    assert panel.model.index(1, OUTCOME).data(Qt.ItemDataRole.EditRole) == old[1]


def test_an_unknown_code_in_an_outcome_is_named_and_esc_leaves_the_cell_as_it_was(qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    old = outcomes(store, window)
    steps = window.ctx.undo_stack.count()
    editor = open_cell(qtbot, panel.view, panel.model.index(0, OUTCOME))
    editor.selectAll()
    type_into(qtbot, editor, "Agreed.\n\n(X) Held back until the capital answers.")
    qtbot.waitUntil(lambda: editor.unknown.isVisible())
    assert editor.unknown.text() == "unknown marking (X)"
    assert editor.gutter.marks == {2: (None, "X")}
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editing(panel.view)
    assert outcomes(store, window) == old
    assert panel.model.index(0, OUTCOME).data(Qt.ItemDataRole.EditRole) == old[0]
    assert window.ctx.undo_stack.count() == steps  # no step to undo


def test_the_marking_menu_marks_the_paragraph_without_closing_the_editor_and_tab_writes_it(
        qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    editor = open_cell(qtbot, panel.view, panel.model.index(2, OUTCOME))
    editor.selectAll()
    type_into(qtbot, editor, "Steel stays open.\n\nNo date for the next round.")
    put_cursor_in(editor, "Steel")
    menu = editor.marking.menu()
    menu.aboutToShow.emit()  # as the Marking button does when it opens its menu
    confidential = next(a for a in menu.actions() if a.text().startswith("(C)"))
    confidential.trigger()
    assert editing(panel.view) and editor.toPlainText().startswith("(C) Steel stays open.")
    assert editor.gutter.marks == {0: ("C", None)}
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # writes, and goes on to the next row's minutes
    written = "(C) Steel stays open.\n\nNo date for the next round."
    qtbot.waitUntil(lambda: outcomes(store, window)[2] == written)
    assert panel.view.currentIndex().row() == 3 and panel.view.currentIndex().column() == MINUTES


def test_the_editor_of_the_last_row_opens_upwards_and_scrolls_past_eight_lines(qtbot, window, store):
    panel = show_tab(qtbot, window, "Agenda")
    last = panel.model.rowCount() - 1
    editor = open_cell(qtbot, panel.view, panel.model.index(last, OUTCOME))
    editor.selectAll()
    lines = [f"Line {n}" for n in range(1, 13)]
    type_into(qtbot, editor, "\n".join(lines[:MAX_LINES]))
    full = editor.height()
    type_into(qtbot, editor, "\n" + "\n".join(lines[MAX_LINES:]))
    assert editor.height() == full  # no taller than eight lines: the rest scrolls
    assert editor.verticalScrollBar().maximum() > 0
    bar = editor.verticalScrollBar()
    assert bar.isVisible() and editor.footer.geometry().right() < bar.mapTo(editor, QPoint(0, 0)).x()
    # a table too short below the last row for eight lines: the editor opens upwards
    cell = panel.view.visualRect(panel.model.index(last, OUTCOME))
    room_below = panel.view.viewport().height() - cell.top()
    window.resize(window.width(), window.height() - max(0, room_below - full) - cell.height())
    qtbot.waitUntil(lambda: panel.view.viewport().height()
                    < panel.view.visualRect(panel.model.index(last, OUTCOME)).top() + full)
    qtbot.waitUntil(lambda: panel.view.viewport().rect().contains(editor.geometry()))
    cell = panel.view.visualRect(panel.model.index(last, OUTCOME))
    assert editor.geometry().top() < cell.top() and editor.geometry().bottom() >= cell.bottom()
    assert editor.height() == full and editing(panel.view)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,  # clicking elsewhere writes
                     pos=panel.view.visualRect(panel.model.index(0, MINUTES)).center())
    qtbot.waitUntil(lambda: outcomes(store, window)[last] == "\n".join(lines))


def test_an_action_items_text_is_edited_marked_written_and_undone_the_same_way(qtbot, window, store):
    panel = show_tab(qtbot, window, "Action items")
    old = [a.text for a in store.actions.list(window.meeting.id)]
    index = panel.model.index(0, TEXT)
    editor = open_cell(qtbot, panel.view, index)
    assert editor.accessibleName() == "Action"
    editor.selectAll()
    type_into(qtbot, editor, "Send the draft to METI.\n\nCopy the embassy.")
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL_SHIFT)  # the cursor is in the second paragraph
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL_SHIFT)
    assert editor.gutter.marks == {2: ("SBU", None)}
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    texts = lambda: [a.text for a in store.actions.list(window.meeting.id)]  # noqa: E731
    qtbot.waitUntil(lambda: texts()[0] == "Send the draft to METI.\n\n(SBU) Copy the embassy.")
    assert shown_in_cell(panel.view, index) == "Send the draft to METI. ¶ (SBU) Copy the embassy."
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Send the draft to METI.\n\n(SBU) Copy the embassy."
    window.undo()
    qtbot.waitUntil(lambda: texts() == old)

    editor = open_cell(qtbot, panel.view, index)
    editor.selectAll()
    type_into(qtbot, editor, "(X) Not sent.")
    qtbot.waitUntil(lambda: editor.unknown.isVisible())
    assert editor.unknown.text() == "unknown marking (X)"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editing(panel.view) and texts() == old


def test_the_book_prints_the_outcomes_mark_and_a_release_copy_up_to_u_leaves_it_out(
        qtbot, window, store, db_url, tmp_path):
    panel = show_tab(qtbot, window, "Agenda")
    editor = open_cell(qtbot, panel.view, panel.model.index(1, OUTCOME))
    editor.selectAll()
    type_into(qtbot, editor, "(U) Both sides meet again in Marchtown.\n\nFallback: quotaplan.")
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: outcomes(store, window)[1].endswith("(SBU) Fallback: quotaplan."))

    book = tmp_path / "book.pdf"
    run = cli("export", SAMPLE_ROUND_1, "-o", str(book), db=db_url)
    assert run.returncode == 0, run.stderr
    text = " ".join(pdftotext(book.read_bytes()).split())
    assert "(U) Both sides meet again in Marchtown." in text
    assert "(SBU) Fallback: quotaplan." in text

    release = tmp_path / "release.pdf"
    run = cli("export", SAMPLE_ROUND_1, "--up-to", "U", "-o", str(release), db=db_url)
    assert run.returncode == 0, run.stderr
    text = " ".join(pdftotext(release.read_bytes()).split())
    assert "Both sides meet again in Marchtown." in text
    assert "quotaplan" not in text and "Fallback" not in text
