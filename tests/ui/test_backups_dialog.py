"""File → Back up now and File → Restore from backup…: a list with dates and reasons, a restore
that backs up what it replaces (asking first), run off the GUI thread; the window shows the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing.services import Services
from tests.store_files import text_file
from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.test_trash_window import answer
from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.models.backups_table import REASON, TAKEN, BackupsTableModel


def back_up_now(qtbot, window):
    with qtbot.waitSignal(window.tools.backups().sig_done, timeout=10_000) as done:
        window.window_actions.back_up.trigger()
    return done.args[0]


def test_back_up_now_writes_what_was_just_typed_into_a_new_backup(qtbot, window, store):
    panel = notes_tab(qtbot, window)
    type_into(qtbot, section(panel), "Backed up: ")
    said = back_up_now(qtbot, window)
    backup = store.backups.latest()
    assert said == f"Backed up to {backup.path}." and window.status.state.text() == said
    copy = Services.open(f"sqlite:///{backup.path}", automatic_backups=False)
    try:
        assert copy.notes.get(panel.editor.note.id).background.startswith("Backed up: ")
    finally:
        copy.close()


def test_the_dialog_lists_backups_newest_first_with_when_and_why(qtbot, window, store):
    store.backups.create("before-import")
    back_up_now(qtbot, window)
    window.window_actions.restore_backup.trigger()
    dialog = window.tools.backups().dialog
    assert dialog.isVisible() and str(store.backups.folder) in dialog.intro.text()
    reasons = [dialog.model.index(r, REASON).data() for r in range(dialog.model.rowCount())]
    assert reasons[0] == "Made on request"  # newest first (the store's daily one was taken at open)
    assert sorted(reasons) == ["Before an import", "Daily, at start-up", "Made on request"]
    assert dialog.model.index(0, TAKEN).data()
    assert dialog.restore_button.isEnabled()


def test_restoring_a_backup_asks_backs_up_the_store_and_shows_the_restored_store(qtbot, window, store,
                                                                                 monkeypatch):
    back_up_now(qtbot, window)
    round_1 = window.meeting.id
    window.window_actions.delete_meeting.trigger()
    written(qtbot, window)
    assert round_1 not in window.sidebar.meeting_ids()
    window.window_actions.restore_backup.trigger()
    dialog = window.tools.backups().dialog
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not dialog.restore_selected()
    assert "is backed up first" in asked[0] and "made on request" in asked[0]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("db.backup.STEP_PAGES", 8)
    heard: list[float] = []
    with qtbot.waitSignal(window.tools.backups().sig_done, timeout=10_000) as done:
        assert dialog.restore_selected()
        window.tools.backups().task.signals.sig_progress.connect(heard.append)
    assert done.args[0].startswith("Restored the backup taken ")
    assert round_1 in window.sidebar.meeting_ids() and len(store.meetings.list()) == 3
    assert window.ctx.undo_stack.count() == 0  # undo cannot reach back over a restore
    assert heard == sorted(heard) and heard
    reasons = [dialog.model.index(r, REASON).data() for r in range(dialog.model.rowCount())]
    assert "Before a restore replaced the store" in reasons
    safety = next(b for b in store.backups.list() if b.reason == "before-restore")  # without Round 1
    with qtbot.waitSignal(window.tools.backups().sig_done, timeout=10_000):
        window.tools.backups().restore(safety.path, safety)
    assert round_1 not in window.sidebar.meeting_ids()


def test_a_file_that_is_no_backup_is_refused_with_a_clear_message(qtbot, window, store, tmp_path,
                                                                  monkeypatch):
    bogus = text_file(tmp_path / "minutes.db")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bogus), ""))
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.window_actions.restore_backup.trigger()
    dialog = window.tools.backups().dialog
    with qtbot.waitSignal(window.tools.backups().sig_failed, timeout=10_000) as failed:
        assert dialog.file_button.isEnabled()
        dialog.file_button.click()
    assert failed.args[0].startswith(f"Cannot restore from {bogus}: it is not")
    assert dialog.error.message == failed.args[0] and dialog.file_button.isEnabled()  # ready again
    assert len(store.meetings.list()) == 3 and Path(bogus).read_text().startswith("Minutes")


def test_the_backups_model_is_a_correct_model(qtmodeltester, sample):
    sample.backups.create()
    model = BackupsTableModel()
    model.set_records(sample.backups.list())
    qtmodeltester.check(model)
    assert model.rowCount() == 1
