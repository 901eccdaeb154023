"""A multi-line text pasted (Ctrl+V) into a single-line field is kept on one line: each line break
becomes a space before the text reaches the store, which refuses a line break there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import notes_tab
from tests.ui.write_gate import written
from ui.models.actions_table import OWNER
from ui.models.agenda_table import LEAD, TITLE
from ui.models.sources_table import PUBLISHER

#: A paste from an e-mail or a PDF: CR LF, LF, a Unicode line separator, a break at the end.
PASTED = "Ministry of Economy,\r\nTrade and Industry\n(METI)\u2028Tokyo\n"
ONE_LINE = "Ministry of Economy, Trade and Industry (METI) Tokyo"


def ctrl_v(qtbot, editor: QLineEdit, text: str) -> None:
    """Replace the editor's text with ``text`` from the clipboard, as a user does: select all, Ctrl+V."""
    QApplication.clipboard().setText(text)
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def paste_into_cell(qtbot, view, index, text: str) -> None:
    """Open the cell's editor, paste ``text`` into it and press Enter."""
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    ctrl_v(qtbot, editor, text)
    assert editor.text() == ONE_LINE + " "  # shown on one line at once, nothing dropped
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_multi_line_paste_into_the_meeting_title_is_saved_on_one_line(qtbot, window, store):
    panel = show_tab(qtbot, window, "Overview")
    ctrl_v(qtbot, panel.title, PASTED)
    assert panel.title.text() == ONE_LINE + " "
    assert panel.title.cursorPosition() == len(ONE_LINE) + 1  # after the paste, as for any paste
    panel.counterpart.setFocus()  # leaving the field writes it
    written(qtbot, window)
    assert store.meetings.get(window.meeting.id).title == ONE_LINE
    assert window.status.state.text() == "Saved"


def test_a_multi_line_paste_into_a_notes_owner_is_saved_on_one_line(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    ctrl_v(qtbot, panel.editor.owner, PASTED)
    panel.flush()
    assert store.notes.get(panel.editor.note.id).owner == ONE_LINE
    assert not panel.editor.owner_error.isVisible()


def test_a_multi_line_paste_into_a_participants_role_is_saved_on_one_line(qtbot, window, store):
    panel = show_tab(qtbot, window, "Participants")
    ctrl_v(qtbot, panel.editor.role, "Chief\nnegotiator")
    panel.editor.bio.setFocus()  # leaving the role writes it
    written(qtbot, window)
    assert store.people.participants(window.meeting.id)[0].role == "Chief negotiator"


def test_a_multi_line_paste_into_agenda_action_and_source_cells_is_saved_on_one_line(qtbot, window, store):
    meeting_id = window.meeting.id
    agenda = show_tab(qtbot, window, "Agenda")
    paste_into_cell(qtbot, agenda.view, agenda.model.index(0, TITLE), PASTED)
    paste_into_cell(qtbot, agenda.view, agenda.model.index(0, LEAD), PASTED)
    qtbot.waitUntil(lambda: store.agenda.list(meeting_id)[0].lead == ONE_LINE)
    assert store.agenda.list(meeting_id)[0].title == ONE_LINE

    actions = show_tab(qtbot, window, "Action items")
    paste_into_cell(qtbot, actions.view, actions.model.index(0, OWNER), PASTED)
    qtbot.waitUntil(lambda: store.actions.list(meeting_id)[0].owner == ONE_LINE)

    notes = notes_tab(qtbot, window)
    sources = notes.editor.sources
    paste_into_cell(qtbot, sources.view, sources.model.index(0, PUBLISHER), PASTED)
    note_id = notes.editor.note.id
    qtbot.waitUntil(lambda: store.notes.get(note_id).sources[0].publisher == ONE_LINE)


def test_a_multi_line_action_text_is_kept_as_pasted(qtbot, window, store):
    """An action's text is multi-line: its cell keeps the line breaks (Enter is one more; Ctrl+Enter
    writes the cell)."""
    from ui.models.actions_table import TEXT

    actions = show_tab(qtbot, window, "Action items")
    index = actions.model.index(0, TEXT)
    actions.view.setFocus()
    actions.view.setCurrentIndex(index)
    actions.view.edit(index)
    editor = actions.view.indexWidget(index)
    ctrl_v(qtbot, editor, "Send the draft\nto METI")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: store.actions.list(window.meeting.id)[0].text == "Send the draft\nto METI")
