"""Two windows on one database, both editing the same note section: a stale write is never applied
over the other; the conflict dialog shows theirs, mine and the differences, and the user chooses."""

from __future__ import annotations

import pytest

from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.test_note_details import marked
from tests.ui.typing import type_into
from tests.ui.write_gate import written

THEIRS = "Theirs: coordinate on <b>Section 232</b> & steel. "
MINE = "Mine: 鉄鋼 quotas first 🙂 "


@pytest.fixture
def conflict(qtbot, open_window, store):
    """Window A saves its typing in Our objectives; window B, which read the note before, then tries."""
    a = open_window(sample=True)
    b = open_window()
    pa, pb = notes_tab(qtbot, a), notes_tab(qtbot, b)
    note_id = pa.editor.note.id
    before = store.notes.get(note_id).objectives
    type_into(qtbot, section(pa, "objectives"), THEIRS)
    pa.flush()
    assert store.notes.get(note_id).objectives == THEIRS + before
    type_into(qtbot, section(pb, "objectives"), MINE)
    pb.flush()
    dialog = b.conflicts.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return a, b, pb, dialog, note_id, before


def test_the_dialog_shows_theirs_mine_and_the_differences_and_nothing_is_dropped(conflict, store):
    _a, b, pb, dialog, note_id, before = conflict
    assert dialog.windowTitle() == "Changed elsewhere — Our objectives"
    assert "changed in another window" in dialog.message.text()
    assert dialog.comparison.texts() == (THEIRS + before, MINE + before)
    document = dialog.differences.document()
    assert "".join(marked(document, "deleted")).startswith("Theirscoordinate on <b>Section 232</b> & steel.")
    assert "".join(marked(document, "inserted")).startswith("Mine鉄鋼 quotas first 🙂")
    assert dialog.differences.toPlainText().endswith(before)
    assert store.notes.get(note_id).objectives == THEIRS + before  # the stale write was refused
    assert section(pb, "objectives").toPlainText() == MINE + before  # mine stays in the editor…
    assert [e.value for e in b.ctx.journal.pending()] == [MINE + before]  # …and in the journal


def test_keep_mine_writes_over_theirs_and_undo_brings_theirs_back(qtbot, conflict, store):
    _a, b, pb, dialog, note_id, before = conflict
    dialog.mine_button.click()
    assert not dialog.isVisible()
    written(qtbot, b)  # in the write lane, like every write
    assert store.notes.get(note_id).objectives == MINE + before
    assert section(pb, "objectives").toPlainText() == MINE + before
    assert b.ctx.journal.pending() == ()
    assert b.status.state.text() == "Saved"
    b.undo()
    written(qtbot, b)
    assert store.notes.get(note_id).objectives == THEIRS + before
    assert section(pb, "objectives").toPlainText() == THEIRS + before


def test_keep_theirs_shows_theirs_and_forgets_mine(conflict, store):
    _a, b, pb, dialog, note_id, before = conflict
    dialog.theirs_button.click()
    assert store.notes.get(note_id).objectives == THEIRS + before
    assert section(pb, "objectives").toPlainText() == THEIRS + before
    assert b.ctx.journal.pending() == ()


def test_after_keeping_theirs_the_next_typing_saves_without_a_conflict(qtbot, conflict, store):
    _a, b, pb, dialog, note_id, before = conflict
    dialog.theirs_button.click()
    editor = section(pb, "objectives")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(qtbot, editor, " And more.")
    pb.flush()
    assert store.notes.get(note_id).objectives == THEIRS + before + " And more."
    assert b.status.state.text() == "Saved"


def test_merge_by_editing_writes_the_merged_text(qtbot, conflict, store):
    _a, b, pb, dialog, note_id, before = conflict
    dialog.tabs.setCurrentIndex(dialog.merge_tab)
    assert dialog.merged_button.isVisible()
    assert dialog.merge_editor.toPlainText() == MINE + before
    dialog.merge_editor.setPlainText(THEIRS + MINE + before)
    dialog.merged_button.click()
    written(qtbot, b)
    assert store.notes.get(note_id).objectives == THEIRS + MINE + before
    assert section(pb, "objectives").toPlainText() == THEIRS + MINE + before


def test_deciding_later_keeps_mine_unsaved_in_the_editor_and_the_journal(conflict, store):
    _a, b, pb, dialog, note_id, before = conflict
    dialog.reject()
    assert store.notes.get(note_id).objectives == THEIRS + before
    assert section(pb, "objectives").toPlainText() == MINE + before
    assert [e.value for e in b.ctx.journal.pending()] == [MINE + before]
    assert "changed elsewhere" in b.status.state.text()


def test_an_agenda_cell_written_in_two_windows_asks_too(qtbot, open_window, store):
    a = open_window(sample=True)
    b = open_window()
    agenda_a, agenda_b = show_tab(qtbot, a, "Agenda"), show_tab(qtbot, b, "Agenda")
    item_id = agenda_a.model.item_id(0)
    agenda_a.model.setData(agenda_a.index_of(item_id), "Opening (A)")
    agenda_b.model.setData(agenda_b.index_of(item_id), "Opening (B)")
    qtbot.waitUntil(lambda: b.conflicts.dialog is not None and b.conflicts.dialog.isVisible())
    dialog = b.conflicts.dialog  # the store refused B's write (in the background): B is asked
    assert dialog.comparison.texts() == ("Opening (A)", "Opening (B)")
    dialog.mine_button.click()
    written(qtbot, b)
    assert next(i for i in store.agenda.list(a.meeting.id) if i.id == item_id).title == "Opening (B)"
