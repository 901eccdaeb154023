"""Bad places at run time: a full disk during a save keeps the text, says so and retries until it
works; a read-only store opens read-only, says so, and nothing can be typed or crashes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from briefing.errors import TransientStoreError
from tests.hostile import LONG_PASTE
from tests.store_files import read_only, store_with_sample
from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.store_bars import READ_ONLY_TITLE


class DiskFull:
    """SQLite's page limit fails a write with SQLITE_FULL, as a full disk does."""

    def __init__(self, services) -> None:
        self.services = services
        self.pages: int | None = None

        @event.listens_for(services.db.engine, "connect")
        def _cap(dbapi_connection, _record):
            if self.pages:
                dbapi_connection.execute(f"PRAGMA max_page_count = {self.pages}")

    def fill(self) -> None:
        with self.services.db.engine.connect() as c:
            self.pages = c.exec_driver_sql("PRAGMA page_count").scalar() + 1
        self.services.db.dispose()

    def free(self) -> None:
        self.pages = None
        self.services.db.dispose()


def paste(editor, text: str) -> None:
    QApplication.clipboard().setText(text)
    editor.setFocus()
    editor.paste()


def test_a_full_disk_keeps_the_paste_says_so_and_saves_it_once_there_is_room(qtbot, open_window, store,
                                                                              monkeypatch):
    monkeypatch.setattr("ui.forms.waiting.RETRY_FIRST_MS", 200)
    window = open_window(sample=True)
    panel = notes_tab(qtbot, window)
    note_id = panel.editor.note.id
    before = store.notes.get(note_id).background
    disk = DiskFull(window.ctx.services)
    disk.fill()
    editor = section(panel)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    paste(editor, "\n" + LONG_PASTE)  # a 100-page paste: far more than the one page left
    panel.flush()
    status = window.status.state.text()
    assert status.startswith("Not saved yet: The disk holding") and "is full" in status
    assert "Your text stays here; trying again in 0.2 seconds." in status
    assert editor.toPlainText() == before + "\n" + LONG_PASTE
    assert store.notes.get(note_id).background == before
    assert [e.value for e in window.ctx.journal.pending()] == [before + "\n" + LONG_PASTE]
    qtbot.waitUntil(lambda: "trying again in 0.4 seconds" in window.status.state.text(), timeout=3000)
    disk.free()
    qtbot.waitUntil(lambda: store.notes.get(note_id).background == before + "\n" + LONG_PASTE,
                    timeout=5000)
    assert window.status.state.text() == "Saved"
    assert window.ctx.journal.pending() == ()
    assert editor.toPlainText() == before + "\n" + LONG_PASTE


def test_an_io_error_under_a_single_line_field_says_so_next_to_it_and_retries(qtbot, open_window, store,
                                                                              monkeypatch):
    monkeypatch.setattr("ui.forms.waiting.RETRY_FIRST_MS", 100)
    window = open_window(sample=True)
    overview = show_tab(qtbot, window, "Overview")
    meetings = window.ctx.services.meetings
    update, failures = meetings.update, []

    def failing_update(*args, **kwargs):
        if len(failures) < 2:
            failures.append(1)
            raise TransientStoreError("briefbook.db could not be read or written (disk I/O error); "
                                      "nothing was written.")
        return update(*args, **kwargs)

    monkeypatch.setattr(meetings, "update", failing_update)
    overview.counterpart.selectAll()
    type_into(qtbot, overview.counterpart, "Japan — METI & MOFA")
    overview.flush()
    error = next(b.error for b in overview.form.bindings if b.fields == ("counterpart",))
    assert error.isVisible() and "disk I/O error" in error.message and "Trying again" in error.message
    qtbot.waitUntil(lambda: store.meetings.get(window.meeting.id).counterpart == "Japan — METI & MOFA",
                    timeout=3000)
    assert len(failures) == 2 and not error.isVisible()
    assert window.status.state.text() == "Saved"


def test_a_read_only_store_opens_read_only_says_so_and_refuses_edits_clearly(qtbot, open_window, db_url):
    path = store_with_sample(Path(db_url.removeprefix("sqlite:///")))
    with read_only(path):
        window = open_window()
        bars = window.bars.bars()
        assert [b.title.text() for b in bars] == [READ_ONLY_TITLE]
        said = bars[0].text.text()
        assert str(path) in said and "copy it to a folder you can write to" in said
        assert window.ctx.journal is None
        overview = show_tab(qtbot, window, "Overview")
        assert overview.title.isReadOnly() and not overview.status_box.isEnabled()
        assert not window.window_actions.new_meeting.isEnabled()
        assert not window.window_actions.delete_meeting.isEnabled()
        panel = notes_tab(qtbot, window)
        assert section(panel).isReadOnly()
        agenda = show_tab(qtbot, window, "Agenda")
        item_id = agenda.model.item_id(0)
        items = agenda.model.rowCount()  # the latest round's (the sample's Round 2 opens)
        agenda.model.setData(agenda.index_of(item_id), "Renamed")
        written(qtbot, window)  # refused in the background
        assert "is open read-only" in window.status.state.text()
        assert "nothing was written" in agenda.error.message
        agenda.add_action.trigger()
        assert agenda.model.rowCount() == items
        window.close()
