"""The preview and the export after an edit lay out only what the edit changed, and show the same
book as a full rebuild, page for page (issue 16, "As fast as you type")."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog

from tests.ui.tabs import show_tab
from tests.ui.test_book_preview import BUILD_MS, show_preview
from tests.ui.typing import type_into


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    """Each test starts with a session that has laid nothing out (the window's is per process)."""
    from ui.book import job

    monkeypatch.setattr(job, "_session", None)


def full_rebuild(window, options) -> bytes:
    from briefing.pdf import render_pdf

    out = io.BytesIO()
    brief = window.ctx.services.briefs.load(window.meeting.id)
    render_pdf(brief, options, out, ladder=window.ctx.services.config.ladder)
    return out.getvalue()


def qt_page_texts(qtbot, data: bytes) -> list[str]:
    """Each page's text as the preview's QtPdf reads it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    texts = [" ".join(document.getAllText(page).text().split()) for page in range(document.pageCount())]
    document.close()
    return texts


def pane_texts(dock) -> list[str]:
    preview = dock.preview
    return [" ".join(preview.page_text(page).split()) for page in range(preview.page_count())]


def test_typing_in_a_paper_lays_out_that_paper_and_the_pane_shows_the_whole_book_right(qtbot, window):
    from ui.book.choices import load_choices
    from ui.book.job import book_session

    dock = show_preview(qtbot, window)
    session = book_session()
    parts = session.stats.laid_out
    assert parts > 5 and session.stats.reused == 0
    editor = show_tab(qtbot, window, "Issue notes").editor.sections["their_position"].editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(qtbot, editor, " Tokyo now floats a tariff-rate quota & <more>.")
    qtbot.waitUntil(lambda: "Tokyo now floats a tariff-rate quota & <more>." in " ".join(pane_texts(dock)),
                    timeout=BUILD_MS)
    qtbot.waitUntil(lambda: not dock.builder.busy, timeout=BUILD_MS)
    assert session.stats.parts.count("paper") == 1  # the one paper typed in, not the others
    assert session.stats.laid_out < parts
    assert not {"cover", "agenda", "participants", "actions"} & set(session.stats.parts)
    whole = full_rebuild(window, load_choices(window.ctx.settings))
    assert pane_texts(dock) == qt_page_texts(qtbot, whole)


def test_an_export_after_an_edit_is_the_preview_s_book_laid_out_again_only_where_edited(
        qtbot, window, tmp_path, monkeypatch):
    from ui.book.job import book_session

    target = tmp_path / "round 1.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), args[-1]))
    window.window_actions.export.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 0, timeout=BUILD_MS)
    qtbot.waitUntil(lambda: not dialog.builder.busy, timeout=BUILD_MS)
    session = book_session()
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=BUILD_MS) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["written"]
    assert session.stats.laid_out == 0 and session.stats.reused > 5  # the dialog's preview's parts
    options = dialog.form.options()
    whole = pypdf.PdfReader(io.BytesIO(full_rebuild(window, options)))
    exported = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    assert [p.extract_text() for p in exported.pages] == [p.extract_text() for p in whole.pages]
