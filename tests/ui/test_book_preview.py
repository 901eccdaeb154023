"""View → Book preview: the book beside the workspace, refreshed after edits, at the page being read."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.tabs import show_tab
from tests.ui.typing import type_into
from ui.book.dock import TYPING_PAUSE_MS

BUILD_MS = 30_000  # generous: the machine is shared


def show_preview(qtbot, window):
    """View → Book preview, then wait for the first build."""
    window.window_actions.book_preview.setChecked(True)
    dock = window.book_preview
    qtbot.waitUntil(lambda: dock.preview.page_count() > 0, timeout=BUILD_MS)
    return dock


def text_of(dock) -> str:
    """The words of every page of the preview, whitespace collapsed."""
    return " ".join(" ".join(dock.preview.page_text(p).split()) for p in range(dock.preview.page_count()))


def test_the_preview_shows_the_book_and_an_edit_refreshes_it_at_the_page_being_read(qtbot, window):
    dock = show_preview(qtbot, window)
    assert dock.isVisible() and window.window_actions.book_preview.isChecked()
    pages = dock.preview.page_count()
    assert pages == 22 and "US–Japan Partnership on Trade — Round 1" in dock.preview.page_text(0)
    assert dock.preview.pages.text() == f"of {pages}"
    dock.preview.go_to(4)  # the reader is on page 5
    qtbot.waitUntil(lambda: dock.preview.current_page() == 4)
    assert dock.preview.page.value() == 5

    # typing in the Overview is written after the preview's short pause, and the book follows
    assert window.ctx.autosave_ms == TYPING_PAUSE_MS
    editor = window.workspace.panel("Overview").objectives.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(dock.sig_refreshed, timeout=BUILD_MS):
        type_into(qtbot, editor, "\nAgree on a Kagoshima follow-up")
    assert "Agree on a Kagoshima follow-up" in text_of(dock)
    assert dock.preview.page_count() == pages
    assert dock.preview.current_page() == 4  # still where the reader was


def test_the_preview_follows_the_meeting_opened_and_starts_at_its_first_page(qtbot, window):
    dock = show_preview(qtbot, window)
    dock.preview.go_to(6)
    launch = next(m for m in window.ctx.services.meetings.list() if m.round_no == 0)
    with qtbot.waitSignal(dock.sig_refreshed, timeout=BUILD_MS):
        window.open_meeting(launch.id)
    assert launch.title in dock.preview.page_text(0)
    assert "Changes since the last round" not in text_of(dock)  # a first round has none
    assert dock.preview.current_page() == 0


def test_the_pane_is_remembered_and_hiding_it_restores_the_autosave_pause(qtbot, open_window):
    window = open_window(sample=True)
    pause = window.ctx.autosave_ms
    show_preview(qtbot, window)
    window.close()
    again = open_window()
    qtbot.waitUntil(lambda: again.book_preview is not None and again.book_preview.isVisible())
    qtbot.waitUntil(lambda: again.book_preview.preview.page_count() > 0, timeout=BUILD_MS)
    assert again.ctx.autosave_ms == TYPING_PAUSE_MS
    again.window_actions.book_preview.trigger()  # View → Book preview again: hidden
    assert not again.book_preview.isVisible()
    assert again.ctx.autosave_ms == pause


def test_page_buttons_and_zoom(qtbot, window):
    dock = show_preview(qtbot, window)
    preview = dock.preview
    assert not preview.previous.isEnabled()
    qtbot.mouseClick(preview.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    preview.page.setValue(preview.page_count())  # the last page, typed in the page box
    qtbot.waitUntil(lambda: preview.current_page() == preview.page_count() - 1)
    assert not preview.next.isEnabled()
    preview.set_zoom("200 %")
    assert preview.view.zoomFactor() == 2.0
    assert preview.current_page() == preview.page_count() - 1


def test_with_no_meeting_the_pane_says_what_to_do(qtbot, window):
    dock = show_preview(qtbot, window)
    window.open_meeting(None)
    qtbot.waitUntil(lambda: dock.preview.page_count() == 0)
    assert dock.preview.state.text() == "Open a meeting to see its briefing book here."


def test_typing_in_an_issue_note_reaches_its_paper_and_the_changes_since_the_last_round(qtbot, window):
    dock = show_preview(qtbot, window)
    editor = show_tab(qtbot, window, "Issue notes").editor.sections["their_position"].editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(qtbot, editor, " Tokyo now floats a tariff-rate quota.")
    qtbot.waitUntil(lambda: text_of(dock).count("Tokyo now floats a tariff-rate quota.") == 2,
                    timeout=BUILD_MS)  # in the steel paper, and underlined in the changes


def test_closing_the_preview_while_the_book_is_built_reports_nothing_and_raises_nothing(qtbot, window):
    """A build that ends after its pane (or dialog) is gone is dropped quietly, not an exception."""
    import threading

    import shiboken6

    from briefing.pdf import BookOptions
    from ui.book.builder import PreviewBuilder

    builder = PreviewBuilder()
    release = threading.Event()
    meeting_id = window.meeting.id

    def slow_brief():
        release.wait(5)
        return window.ctx.services.briefs.load(meeting_id)

    builder.request(slow_brief, BookOptions(paper="a4", sections=frozenset({"cover"})))
    lane = builder.lane
    shiboken6.delete(builder)  # the pane closes while the build runs
    release.set()
    assert lane.wait(20_000)
    qtbot.wait(200)  # let the finished signal arrive: pytest-qt fails on an exception in the loop


def test_the_pane_shows_a_release_copy_when_asked(qtbot, window):
    dock = show_preview(qtbot, window)
    assert "RELEASE COPY" not in dock.preview.page_text(0)
    pages = dock.preview.page_count()
    release = dock.release
    assert [release.itemText(i) for i in range(release.count())] == [
        "Everything", "Release up to U", "Release up to SBU", "Release up to C"]
    with qtbot.waitSignal(dock.sig_refreshed, timeout=BUILD_MS):
        release.setCurrentIndex(release.findData("U"))  # the meeting is SBU: its plain text goes
    cover = " ".join(dock.preview.page_text(0).split())
    assert "RELEASE COPY" in cover and "portions withheld" in cover
    assert dock.preview.page_count() < pages
    with qtbot.waitSignal(dock.sig_refreshed, timeout=BUILD_MS):
        release.setCurrentIndex(0)
    assert "RELEASE COPY" not in dock.preview.page_text(0) and dock.preview.page_count() == pages
