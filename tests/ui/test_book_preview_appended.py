"""Typing in a paper refreshes the pane with the last book plus an appended update, and QtPdf reads
that file as it reads a full rebuild: every page's text, the bookmarks with their pages (issue 16)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QModelIndex
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument

from tests.ui.tabs import show_tab
from tests.ui.test_book_preview import BUILD_MS, show_preview
from tests.ui.test_book_preview_incremental import full_rebuild, pane_texts, qt_page_texts
from tests.ui.typing import type_into


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    """Each test starts with a session that has laid nothing out (the window's is per process)."""
    from ui.book import job

    monkeypatch.setattr(job, "_session", None)


def qt_bookmarks(data: bytes) -> list[tuple[int, str, int]]:
    """(level, title, 0-based page) of every bookmark, as QtPdf reads them."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    model = QPdfBookmarkModel()
    model.setDocument(document)
    found = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append((model.data(index, QPdfBookmarkModel.Role.Level),
                          model.data(index, QPdfBookmarkModel.Role.Title),
                          model.data(index, QPdfBookmarkModel.Role.Page)))
            walk(index)

    walk(QModelIndex())
    document.close()
    return found


def test_typing_shows_the_last_book_with_an_update_appended_read_by_qtpdf_as_a_rebuild(qtbot, window):
    from ui.book.choices import load_choices

    dock = show_preview(qtbot, window)
    qtbot.waitUntil(lambda: not dock.builder.busy, timeout=BUILD_MS)
    built: list[bytes] = []
    dock.builder.sig_built.connect(lambda outcome, _tag: built.append(outcome.data))
    shown: list[bytes] = []  # the book in the pane after each burst of typing
    editor = show_tab(qtbot, window, "Issue notes").editor.sections["talking_points"].editor
    for words in (" Steel quotas stay on the table.", " So do 鉄鋼 and 鬱蒼."):
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        type_into(qtbot, editor, words)
        qtbot.waitUntil(lambda words=words: words.strip() in " ".join(pane_texts(dock)), timeout=BUILD_MS)
        qtbot.waitUntil(lambda: not dock.builder.busy, timeout=BUILD_MS)
        shown.append(built[-1])
    first, last = shown
    assert last.startswith(first) and len(last) > len(first)  # only an update was written
    whole = full_rebuild(window, load_choices(window.ctx.settings))
    assert pane_texts(dock) == qt_page_texts(qtbot, whole)
    assert qt_bookmarks(last) == qt_bookmarks(whole)
