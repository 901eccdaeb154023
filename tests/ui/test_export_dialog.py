"""File → Export briefing book…: choose sections, export off the GUI thread, cancel, fail clearly."""

from __future__ import annotations

import errno
import io
import os
import threading

import pikepdf
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from tests.briefing.pdf.reading import watermarks
from tests.ui.typing import type_into

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
EXPORT_S = 30_000  # ms: generous, the machine is shared


def book_text(path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def save_as(monkeypatch):
    """The file dialog answers with ``save_as.path``; ``save_as.asked`` records what it offered."""

    class Answer:
        path = None
        asked: list[str] = []

    def answer(parent, caption, suggested, filters):
        Answer.asked.append(suggested)
        return (str(Answer.path) if Answer.path else "", filters)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return Answer


@pytest.fixture
def held(monkeypatch):
    """Export jobs stop at their first page until ``held.release()``: a cancel then always wins.

    Without it a small book may be finished before the test's click lands. The
    worker thread waits inside its progress report; ``started`` and ``ended``
    are set from the worker (thread-safe events, no nested signal waits).
    """
    from ui.book.job import BookJob

    class Gate:
        started = threading.Event()
        ended = threading.Event()
        _open = threading.Event()

        @classmethod
        def release(cls):
            cls._open.set()

    progress, run = BookJob._progress, BookJob.run

    def held_progress(self, report):
        progress(self, report)
        Gate.started.set()
        Gate._open.wait(EXPORT_S / 1000)

    def tracked_run(self):
        try:
            run(self)
        finally:
            Gate.ended.set()

    monkeypatch.setattr(BookJob, "_progress", held_progress)
    monkeypatch.setattr(BookJob, "run", tracked_run)
    yield Gate
    Gate.release()


def open_dialog(qtbot, window):
    window.window_actions.export.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_book_without_red_lines_is_exported_and_the_status_bar_offers_it(qtbot, window, save_as,
                                                                           tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    save_as.path = tmp_path / "wider audience"  # typed without .pdf
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 0, timeout=EXPORT_S)  # the preview on the right
    red_lines = dialog.form.sections["red_lines"]
    assert red_lines.isChecked()
    qtbot.mouseClick(red_lines, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["written"]
    assert save_as.asked[-1].endswith(f"{ROUND_1}.pdf")  # named after the meeting
    book = tmp_path / "wider audience.pdf"
    text = book_text(book)
    assert "Steel and aluminum excess capacity" in text and "TALKING POINTS" in text
    assert "RED LINES" not in text
    note = window.ctx.services.briefs.load(window.meeting.id).notes[0]
    assert note.red_lines.splitlines()[0].lstrip("- ")[:40] not in text
    # a clean export closes the dialog and says so in the status bar, with the file at hand
    qtbot.waitUntil(lambda: not dialog.isVisible())
    pages = len(pypdf.PdfReader(book).pages)
    assert window.status.state.text() == f"Exported {pages} pages to wider audience.pdf"
    notice = window._export_notice
    assert notice.isVisible()
    notice.linkActivated.emit("file")
    notice.linkActivated.emit("folder")
    assert opened == [str(book), str(tmp_path)]
    # the choice is remembered for the next export (and the preview pane)
    again = open_dialog(qtbot, window)
    assert not again.form.sections["red_lines"].isChecked()
    again.close()


def test_cancel_mid_export_leaves_the_earlier_file_untouched(qtbot, window, save_as, tmp_path, held):
    (tmp_path / "books").mkdir()
    earlier = tmp_path / "books" / "book.pdf"
    earlier.write_bytes(b"%PDF-1.4 the earlier book")
    save_as.path = earlier
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
        qtbot.waitUntil(held.started.is_set, timeout=EXPORT_S)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        held.release()
    assert ended.args == ["cancelled"]
    assert earlier.read_bytes() == b"%PDF-1.4 the earlier book"
    assert [p.name for p in earlier.parent.iterdir()] == ["book.pdf"]  # no temporary file left
    assert dialog.isVisible() and "cancelled" in dialog.message.text()
    assert not dialog.progress.isVisible() and dialog.export_button.isEnabled()
    dialog.close()


def test_an_unwritable_place_gets_a_clear_message_and_the_dialog_stays(qtbot, window, save_as, tmp_path):
    save_as.path = tmp_path / "no such folder" / "book.pdf"
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["failed"]
    message = dialog.message.text()
    assert message.startswith("The book was not written: ")
    assert f"cannot write {save_as.path}" in message
    assert os.strerror(errno.ENOENT) in message  # in the system's language, as Qt set the locale
    assert dialog.isVisible()
    dialog.close()


def test_passwords_that_differ_or_no_section_are_said_next_to_the_field(qtbot, window, save_as):
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.form.password, "s3cret")
    type_into(qtbot, dialog.form.confirm, "s3cert")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.form.password_error.isVisible()
    assert "differ" in dialog.form.password_error.message
    for box in dialog.form.sections.values():
        box.setChecked(False)
    dialog.form.confirm.setText("s3cret")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "at least one section" in dialog.form.sections_error.message
    assert save_as.asked == []  # nothing was asked, nothing written
    dialog.close()


def test_a_password_protects_the_exported_book(qtbot, window, save_as, tmp_path):
    save_as.path = tmp_path / "secret.pdf"
    dialog = open_dialog(qtbot, window)
    for box in dialog.form.sections.values():
        box.setChecked(box is dialog.form.sections["cover"])
    dialog.form.password.setText("s3cret")
    dialog.form.confirm.setText("s3cret")
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(save_as.path)
    with pikepdf.open(save_as.path, password="s3cret") as pdf:
        assert pdf.encryption.R == 6 and len(pdf.pages) == 1


def test_export_needs_an_open_meeting(open_window):
    window = open_window()  # an empty store: no meeting
    assert not window.window_actions.export.isEnabled()
    window.export_book()
    assert window.export_dialog is None


def test_warnings_are_listed_and_the_dialog_stays_open_with_the_file_at_hand(qtbot, window, save_as,
                                                                             tmp_path):
    save_as.path = tmp_path / "draft.pdf"
    dialog = open_dialog(qtbot, window)
    for box in dialog.form.sections.values():
        box.setChecked(box is dialog.form.sections["cover"])
    type_into(qtbot, dialog.form.watermark, "DRAFT 😀")
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    listed = dialog.warnings.model().stringList()
    assert listed == ["Watermark: U+1F600 GRINNING FACE (😀) is in no font the book ships; printed as \ufffd"]
    assert dialog.warnings.isVisible() and dialog.open_file_button.isVisible()
    assert "with 1 warning:" in dialog.message.text()
    assert window.status.state.text() == (
        "Exported 1 page to draft.pdf (1 warning, listed in the export dialog)")
    # D R A F T and the replacement mark, drawn as shapes (no text to extract)
    assert [shapes for shapes, _, _ in watermarks(save_as.path.read_bytes())] == [6]
    assert "DRAFT" not in book_text(save_as.path)
    dialog.close()


def test_text_still_being_typed_goes_into_the_book(qtbot, window, save_as, tmp_path):
    save_as.path = tmp_path / "fresh.pdf"
    editor = window.workspace.panel("Overview").objectives.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(qtbot, editor, "\nSettle the Kagoshima follow-up")  # autosave waits a minute
    dialog = open_dialog(qtbot, window)
    for box in dialog.form.sections.values():
        box.setChecked(box is dialog.form.sections["agenda"])
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Settle the Kagoshima follow-up" in book_text(save_as.path)


def test_the_dialog_preview_follows_the_choices(qtbot, window):
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 22, timeout=EXPORT_S)  # summary, positions
    for box in dialog.form.sections.values():
        box.setChecked(box is dialog.form.sections["cover"])
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1, timeout=EXPORT_S)
    letter = dialog.form.paper.findData("letter")
    dialog.form.paper.setCurrentIndex(letter)
    qtbot.waitUntil(lambda: dialog.preview.document.pagePointSize(0).width() == 612, timeout=EXPORT_S)
    dialog.close()


def test_closing_the_window_mid_export_cancels_it_and_writes_nothing(qtbot, window, save_as, tmp_path,
                                                                    held):
    (tmp_path / "books").mkdir()
    save_as.path = tmp_path / "books" / "book.pdf"
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(held.started.is_set, timeout=EXPORT_S)
    # Closing cancels the job, then waits for it: let the held worker go on a moment later.
    threading.Timer(0.2, held.release).start()
    window.close()
    assert not dialog.isVisible()
    qtbot.waitUntil(held.ended.is_set, timeout=EXPORT_S)
    assert list((tmp_path / "books").iterdir()) == []


def test_unticking_an_issue_leaves_its_paper_out_of_the_exported_book(qtbot, window, save_as, tmp_path):
    save_as.path = tmp_path / "two-issues.pdf"
    dialog = open_dialog(qtbot, window)
    issues = dialog.form.issues
    titles = [issues.item(row).text() for row in range(issues.rowCount())]
    assert "WTO reform" in titles and "Labor" in titles and dialog.form.issues_view.isVisible()
    for box in dialog.form.sections.values():
        box.setChecked(box is dialog.form.sections["papers"])
    for row, title in enumerate(titles):  # as a click on its check box does
        if title not in ("WTO reform", "Labor"):
            issues.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.form.chosen_notes() == {"wto-reform", "labor"}
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with pikepdf.open(save_as.path) as pdf:
        papers = [item.title for item in pdf.open_outline().root]
    assert papers == ["Issue papers"]
    text = book_text(save_as.path)
    assert "WTO reform Status" in text and "Labor" in text
    assert "Steel and aluminum excess capacity" not in text


def test_the_markdown_preview_keeps_a_typed_line_break(qtbot):
    from ui.widgets.markdown_editor import MarkdownEditor

    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.editor.setPlainText("**Q: Will the duties end?**\nA: We will not prejudge it.\n\n```\na\nb\n```")
    editor.set_preview(True)
    shown = editor.preview.toPlainText()
    assert "Q: Will the duties end?\u2028A: We will not prejudge it." in shown \
        or "Q: Will the duties end?\nA: We will not prejudge it." in shown
    assert "end? A:" not in shown


def test_ctrl_p_opens_the_export_even_from_a_line_edit_that_takes_ctrl_e(qtbot, window):
    """On Linux a line edit takes Ctrl+E for "end of line": Ctrl+P (print) opens the export too."""
    title = window.workspace.panel("Overview").title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.export_dialog is not None and window.export_dialog.isVisible())
    assert "Ctrl+P" in [s.toString() for s in window.window_actions.export.shortcuts()]
