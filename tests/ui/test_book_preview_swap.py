"""The refreshed book swaps into the pane at the reader's place, read off the GUI thread (issue 16:
the page of the edited part shown within 250 ms of the typing pause)."""

from __future__ import annotations

import io
import threading

from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from briefing.pdf import BookOptions, render_pdf
from tests.ui.test_book_preview import BUILD_MS, show_preview, text_of
from tests.ui.typing import type_into
from ui.book import loaded_book


def read_in_a_worker(data: bytes):
    """``load_book(data)`` as the preview's worker runs it: in a thread that is not the GUI's."""
    made = []
    worker = threading.Thread(target=lambda: made.append(loaded_book.load_book(data)))
    worker.start()
    worker.join()
    return made[0]


def test_a_book_read_in_a_worker_arrives_in_the_gui_thread_with_its_pages(qtbot, window):
    shown = show_preview(qtbot, window).preview.document  # the sample's book, as the pane shows it
    out = io.BytesIO()
    render_pdf(window.ctx.services.briefs.load(window.meeting.id), BookOptions(), out)
    document = read_in_a_worker(out.getvalue())
    assert document.thread() is QApplication.instance().thread()
    assert document.pageCount() == shown.pageCount() == 22
    assert document.pagePointSize(0) == shown.pagePointSize(0)
    assert "US–Japan Partnership on Trade — Round 1" in document.getAllText(0).text()
    document.deleteLater()


def test_a_book_that_cannot_be_read_gives_nothing_to_show(qtbot):
    assert read_in_a_worker(b"%PDF-1.4 not a book") is None


def test_after_an_edit_the_pane_keeps_the_same_spot_of_the_same_page(qtbot, window, monkeypatch):
    dock = show_preview(qtbot, window)
    read_in = []
    load_book = loaded_book.load_book

    def spied(data: bytes):
        document = load_book(data)
        read_in.append((threading.current_thread(), document))
        return document

    monkeypatch.setattr(loaded_book, "load_book", spied)
    dock.preview.go_to(4)
    bar = dock.preview.view.verticalScrollBar()
    qtbot.waitUntil(lambda: dock.preview.current_page() == 4)
    bar.setValue(bar.value() + 137)  # the reader scrolled a little way down page 5
    place, page = bar.value(), dock.preview.current_page()
    shown = dock.preview.document

    editor = window.workspace.panel("Overview").objectives.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(dock.sig_refreshed, timeout=BUILD_MS):
        type_into(qtbot, editor, "\nAgree on a Kagoshima follow-up")

    assert "Agree on a Kagoshima follow-up" in text_of(dock)
    assert (bar.value(), dock.preview.current_page()) == (place, page)  # no jump
    [(thread, document)] = read_in
    assert thread is not threading.main_thread() and document is dock.preview.document
    assert document.parent() is dock.preview  # the pane owns it; the book shown before goes
    qtbot.waitUntil(lambda: not isValid(shown))


def test_the_events_of_one_write_make_one_build(qtbot, window):
    dock = show_preview(qtbot, window)
    qtbot.waitUntil(lambda: not dock.builder.busy, timeout=BUILD_MS)
    builds = dock.builder.builds
    meeting_id = window.meeting.id
    with qtbot.waitSignal(dock.sig_refreshed, timeout=BUILD_MS):
        window.ctx.events.sig_notes_changed.emit(meeting_id)  # as a write announces a note and
        window.ctx.events.sig_meeting_changed.emit(meeting_id)  # its meeting, in one go
    qtbot.waitUntil(lambda: not dock.builder.busy, timeout=BUILD_MS)
    assert dock.builder.builds == builds + 1
