"""An issue note's details: the previous round compared, sources, the Markdown preview, the models."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument

from briefing.notes.records import NoteSummary, SourceRecord
from tests.ui.diff_reading import fragments
from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.models.notes_list import NotesListModel
from ui.models.pick_list import PickListModel
from ui.models.sources_table import SourcesTableModel


def marked(document, kind: str) -> list[str]:
    """The stretches of text shown struck through ("deleted") or underlined ("inserted")."""
    return [text for text, struck, underlined in fragments(document)
            if (struck if kind == "deleted" else underlined)]


def test_the_previous_round_shows_last_rounds_text_and_what_changed(qtbot, window):
    panel = notes_tab(qtbot, window)
    editor = panel.editor
    assert editor.previous_button.isEnabled()
    qtbot.mouseClick(editor.previous_button, Qt.MouseButton.LeftButton)
    view = editor.previous_view
    assert view is not None and view.isVisible()
    text = view.text()
    assert "Previous round — Launch · US–Japan trade talks, Tokyo · 17 Nov 2021" in text
    assert "This round — Round 1 · US–Japan Partnership on Trade — Round 1 · 7 Feb 2022" in text
    assert "Ambassador Tai has said publicly that the excess is **largely driven by China**" in text
    assert "We attribute the excess **largely to China** [1]." in text
    document = view.browser.document()
    deleted, inserted = marked(document, "deleted"), marked(document, "inserted")
    assert "far exceeds demand" in deleted and "driven by" in deleted
    assert "depresses prices and harms producers in market economies" in inserted
    assert "Status: cleared" in deleted and "Status: draft" in inserted
    assert "Background  (changed)" in text


def test_the_previous_round_compares_with_what_was_just_typed(qtbot, window):
    panel = notes_tab(qtbot, window)
    editor = section(panel, "red_lines")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, editor, "\n- Nothing on 自動車")
    panel.editor.show_previous()
    assert "- Nothing on 自動車" in marked(panel.editor.previous_view.browser.document(), "inserted")[-1]


def test_a_note_without_a_predecessor_has_no_previous_round(qtbot, window):
    panel = notes_tab(qtbot, window)
    panel.view.setCurrentIndex(panel.model.index(1))  # Section 232: new this round
    assert not panel.editor.previous_button.isEnabled()


def test_sources_are_added_edited_and_removed_undoably(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    sources = panel.editor.sources
    note_id = panel.editor.note.id
    assert sources.model.rowCount() == 1
    sources.add_action.trigger()
    written(qtbot, window)  # added in the background, then its title opens
    assert sources.model.rowCount() == 2
    editor = sources.view.indexWidget(sources.view.currentIndex())
    assert editor is not None  # the new source's title is open for typing
    editor.selectAll()
    type_into(qtbot, editor, "METI press release — 経済産業省")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view writes the cell once back in the event loop
    qtbot.waitUntil(lambda: [s.title for s in store.notes.get(note_id).sources][1]
                    == "METI press release — 経済産業省")
    sources.view.setCurrentIndex(sources.model.index(0, 0))
    sources.view.setFocus()
    qtbot.keyClick(sources.view, Qt.Key.Key_Delete)
    written(qtbot, window)
    assert [s.title for s in store.notes.get(note_id).sources] == ["METI press release — 経済産業省"]
    window.undo()  # the removal: source 1 comes back as number 1
    written(qtbot, window)
    assert [s.title for s in store.notes.get(note_id).sources] == [
        "U.S., Japan Form Trade Partnership to Strengthen Alliance", "METI press release — 経済産業省"]
    assert sources.model.source(0).publisher == "Bloomberg L.P."


def test_preview_renders_the_markdown_and_reads_no_file_it_names(qtbot, window, tmp_path):
    picture = tmp_path / "secret.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0)
    image.save(str(picture))
    panel = notes_tab(qtbot, window)
    section(panel).setPlainText(f"**Bold claim** and ![x]({picture.as_uri()})")
    panel.editor.preview_button.click()
    background = panel.editor.sections["background"]
    assert background.is_preview()
    qtbot.waitUntil(lambda: background.preview.isVisible())
    background.preview.repaint()  # lays the document out: the image is asked for now
    assert "Bold claim" in background.preview.toPlainText()
    assert "**" not in background.preview.toPlainText()
    loaded = background.preview.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                                    QUrl(picture.as_uri()))
    assert loaded is None or (isinstance(loaded, QImage) and loaded.isNull())  # the file was never read
    panel.editor.preview_button.click()
    assert not background.is_preview()


def test_the_notes_list_model_is_a_correct_model(qtmodeltester):
    model = NotesListModel()
    model.set_notes([NoteSummary(i, i, f"Issue {i}", i, "draft", "high", "", 1) for i in range(1, 4)])
    qtmodeltester.check(model)
    model.set_notes([NoteSummary(3, 3, "Issue 3", 0, "cleared", "low", "Office", 2)])
    qtmodeltester.check(model)


def test_the_sources_model_is_a_correct_model(qtmodeltester):
    model = SourcesTableModel()
    model.set_sources([SourceRecord(1, 1, 0, "Bloomberg", "Bloomberg L.P.", "2021-11-17", "")])
    qtmodeltester.check(model)


def test_the_pick_list_model_is_a_correct_model(qtmodeltester, window):
    model = PickListModel(lambda i: i.title, lambda i: i.description, lambda i: i.slug)
    model.set_records(window.ctx.services.issues.list())
    qtmodeltester.check(model)
