"""A Word review the store refuses: the dialog has closed once asked, so the window says so in the
status bar, and nothing is lost — a note changed meanwhile goes to the conflict dialog with the
reviewed text beside theirs, and a store that cannot write keeps the note as it was and the review
can be applied again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.errors import StoreError
from tests.briefing.test_word_files import Delete, mark_up
from tests.ui.test_word_review import export_for_clearance, open_review, words_in
from tests.ui.write_gate import written

THEIRS = " Theirs, saved while the file was out: 鉄鋼 & <b>METI</b>."
FULL_DISK = "The store could not be written: the disk is full."


def reviewed(qtbot, window, monkeypatch, tmp_path):
    """The first note sent for clearance and back with one deletion, its review open, all accepted."""
    sent = tmp_path / "clearance.docx"
    editor = export_for_clearance(qtbot, window, monkeypatch, sent)
    note = editor.note
    cut = words_in(note.background)
    back = mark_up(sent, tmp_path / "back.docx", [Delete(cut)])
    dialog = open_review(qtbot, window, monkeypatch, back)
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    return editor, note, cut, back, dialog


def test_a_review_of_a_note_changed_meanwhile_goes_to_the_conflict_dialog_and_loses_nothing(
        qtbot, window, store, monkeypatch, tmp_path):
    editor, note, cut, _back, dialog = reviewed(qtbot, window, monkeypatch, tmp_path)
    theirs = note.background + THEIRS
    store.notes.update(note.id, store.notes.get(note.id).version, background=theirs)  # another member
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()  # closed once asked: the answer comes in the background
    written(qtbot, window)
    assert "changed" in window.status.state.text() and window.ctx.status.is_problem
    assert store.notes.get(note.id).background == theirs  # nothing written over theirs
    conflicts = window.conflicts.dialog
    qtbot.waitUntil(lambda: conflicts is not None and conflicts.isVisible())
    mine = note.background.replace(cut, "")
    assert conflicts.comparison.texts() == (theirs, mine)  # the reviewed text is not lost either
    conflicts.mine_button.click()  # the user keeps the review
    written(qtbot, window)
    assert store.notes.get(note.id).background == mine
    background = editor.sections["background"].editor
    qtbot.waitUntil(lambda: background.toPlainText() == mine)


def test_a_review_the_store_cannot_write_is_said_and_can_be_applied_again(
        qtbot, window, store, monkeypatch, tmp_path):
    editor, note, cut, back, dialog = reviewed(qtbot, window, monkeypatch, tmp_path)

    def full_disk(*_args, **_kwargs):
        raise StoreError(FULL_DISK)

    with monkeypatch.context() as patch:
        patch.setattr("briefing.word.service.WordService.save_as", full_disk)
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        written(qtbot, window)
    assert window.status.state.text() == FULL_DISK and window.ctx.status.is_problem
    assert store.notes.get(note.id).background == note.background
    background = editor.sections["background"].editor
    assert background.toPlainText() == note.background
    window.undo()  # the refused step drops out of the history and takes nothing back
    written(qtbot, window)
    assert store.notes.get(note.id).background == note.background
    assert not window.window_actions.undo.text().startswith("&Undo Apply the Word review")
    assert back.exists()  # the returned file is untouched: the review is read again and applied
    again = open_review(qtbot, window, monkeypatch, back)
    qtbot.mouseClick(again.accept_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.apply_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert cut not in store.notes.get(note.id).background
