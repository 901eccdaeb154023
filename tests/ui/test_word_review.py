"""Word from the window: a note exported for clearance from its editor, the returned file reviewed
beside the note (each change in place, accept / reject, one undo step), the book as a Word file
from the export dialog."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.briefing.test_word_files import Comment, Delete, mark_up
from tests.ui.tabs import show_tab
from tests.ui.write_gate import written


def words_in(markdown: str) -> str:
    """Some plain words of ``markdown`` (no markup in them): what a reviewer deletes."""
    return re.search(r"[A-Za-z][A-Za-z ]{12,40}[a-z]", markdown).group(0)


def export_for_clearance(qtbot, window, monkeypatch, path: Path):
    editor = show_tab(qtbot, window, "Issue notes").editor
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(editor.clearance_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(path.exists, timeout=20_000)
    # the export is done once the window says so (the file appears a moment before)
    qtbot.waitUntil(lambda: window.status.state.text().startswith("Exported"), timeout=20_000)
    return editor


def open_review(qtbot, window, monkeypatch, path: Path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.window_actions.review_word.trigger()
    dialog = window.review_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_a_note_sent_for_clearance_comes_back_and_its_changes_are_accepted_undoably(
        qtbot, window, store, monkeypatch, tmp_path):
    sent = tmp_path / "clearance.docx"
    editor = export_for_clearance(qtbot, window, monkeypatch, sent)
    note = editor.note
    assert "For clearance" in " ".join(p.text for p in docx.Document(str(sent)).paragraphs)
    cut = words_in(note.background)
    back = mark_up(sent, tmp_path / "back.docx", [Delete(cut), Comment(words_in(note.red_lines),
                                                                       "Too strong?")])
    assert window.window_actions.review_word.text().replace("&", "") == "Review a returned Word file…"
    dialog = open_review(qtbot, window, monkeypatch, back)

    # the list beside the note: the deletion and the comment, with author and text
    rows = [[dialog.model.index(r, c).data() for c in range(dialog.model.columnCount())]
            for r in range(dialog.model.rowCount())]
    assert rows[0][1:5] == ["1", "Background", "deletion", "Ana Legal"]
    assert rows[0][6] == f"“{cut}”"
    assert rows[1][1:5] == ["c1", "Red lines", "comment", "Bo Director"]
    assert "Too strong?" in rows[1][6]
    # the change in place in the note: struck through, and selected when its row is clicked
    dialog.select_change(1)
    selected = dialog.text.textCursor()
    assert selected.selectedText() == cut
    assert selected.charFormat().fontStrikeOut()
    assert "Background" in dialog.text.toPlainText()

    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    assert rows[0][0] == "" and dialog.model.index(0, 0).data() == "Accept"
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    written(qtbot, window)
    saved = store.notes.get(note.id)
    assert cut not in saved.background
    assert store.history.revisions(note.id)[0].author == "review by Ana Legal (from Word)"
    background = editor.sections["background"].editor
    qtbot.waitUntil(lambda: cut not in background.toPlainText())
    assert window.window_actions.undo.text().startswith("&Undo Apply the Word review of ")

    window.undo()  # one step takes the whole review back
    written(qtbot, window)
    assert store.notes.get(note.id).background == note.background
    qtbot.waitUntil(lambda: background.toPlainText() == note.background)
    window.redo()
    written(qtbot, window)
    assert cut not in store.notes.get(note.id).background


def test_rejecting_leaves_the_note_and_a_conflict_cannot_be_accepted(
        qtbot, window, store, monkeypatch, tmp_path):
    sent = tmp_path / "clearance.docx"
    editor = export_for_clearance(qtbot, window, monkeypatch, sent)
    note = editor.note
    first, second = words_in(note.background), words_in(note.red_lines)
    back = mark_up(sent, tmp_path / "back.docx", [Delete(first), Delete(second)])
    # the red lines move on after the file went out: that change no longer applies
    store.notes.update(note.id, store.notes.get(note.id).version, red_lines="Rewritten entirely.")
    dialog = open_review(qtbot, window, monkeypatch, back)
    assert dialog.model.index(1, 0).data() == "Conflict"
    assert "the note has changed there" in dialog.model.index(1, 6).data()
    qtbot.mouseClick(dialog.reject_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Nothing accepted" in dialog.state.text()
    dialog.model.decide([1, 2], "accept")
    assert dialog.model.accepted() == [1]  # the conflict is never accepted
    dialog.close()
    assert store.notes.get(note.id).background == note.background


def test_a_file_that_is_not_word_is_refused_with_a_message(qtbot, window, monkeypatch, tmp_path):
    from tests.ui.conftest import answer_box

    bad = tmp_path / "notes.docx"
    bad.write_text("not a Word file")
    asked = answer_box(monkeypatch, "OK")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.window_actions.review_word.trigger()
    assert window.review_dialog is None
    assert asked and "notes.docx: is not a Word .docx file; nothing was changed." in asked[0]["text"]


def test_the_export_dialog_writes_the_book_as_word_when_word_is_chosen(qtbot, window, monkeypatch,
                                                                      tmp_path):
    from ui.book.export_dialog import WORD_FILTER

    window.export_book()
    dialog = window.export_dialog
    qtbot.waitExposed(dialog)
    target = tmp_path / "book.pdf"  # the name proposed; the Word choice makes it a .docx
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), WORD_FILTER))
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=60_000) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["written"]
    written = tmp_path / "book.docx"
    headings = [p.text for p in docx.Document(str(written)).paragraphs if p.style.name == "Heading 1"]
    assert "Agenda" in headings and not target.exists()
