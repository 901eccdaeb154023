"""A store found damaged after the first paint is read-only, and the bar points to File → Restore
from backup…: restoring a backup there works, the store is sound and writable again, and typing saves."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing.services import Services
from tests.hidden_damage import damage_unread_pages, scan_problems
from tests.store_files import store_with_sample
from tests.ui.tabs import show_tab
from tests.ui.test_trash_window import answer
from ui.app import build_window, open_services
from ui.integrity_check import DAMAGED_TITLE


def damage_bars(window):
    return [b for b in window.bars.bars() if b.title.text() == DAMAGED_TITLE]


def test_a_damaged_store_is_restored_from_the_backups_dialog_and_takes_typing_again(
        qtbot, tmp_path, settings_file, monkeypatch):
    path = store_with_sample(tmp_path / "damaged.db")
    with Services.open(f"sqlite:///{path}", automatic_backups=False) as before:
        backup = before.backups.save_as(tmp_path / "kept-elsewhere.db").path
    damage_unread_pages(path)
    services = open_services(f"sqlite:///{path}", automatic_backups=False)
    assert services is not None
    try:
        window = build_window(services, QSettings(settings_file, QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: bool(damage_bars(window)), timeout=15_000)
        assert "File → Restore from backup…" in damage_bars(window)[0].text.text()
        assert services.read_only

        window.window_actions.restore_backup.trigger()
        dialog = window.tools.backups().dialog
        assert "found damaged" in dialog.intro.text() and "cannot be restored" not in dialog.intro.text()
        assert dialog.file_button.isEnabled()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(backup), ""))
        asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
        with qtbot.waitSignal(window.tools.backups().sig_done, timeout=20_000) as done:
            dialog.file_button.click()
        assert "damaged database is kept first as it is" in asked[0]
        assert done.args[0].startswith(f"Restored {backup}.") and "damaged-before-restore" in done.args[0]

        assert not services.read_only and scan_problems(path) == []
        assert damage_bars(window) == []  # the bar that said "read-only" is gone
        assert "found damaged" not in dialog.intro.text()
        [kept] = (tmp_path / "backups").glob("damaged-*-damaged-before-restore.db")
        assert scan_problems(kept)  # the damaged file, kept as it was

        overview = show_tab(qtbot, window, "Overview")
        overview.title.setText("Typed after the restore")
        overview.title.textEdited.emit(overview.title.text())
        overview.flush()
        qtbot.waitUntil(lambda: services.meetings.get(window.meeting.id).title == "Typed after the restore",
                        timeout=5000)
        assert "damaged" not in window.status.state.text()
        window.close()
    finally:
        services.close()
    assert scan_problems(path) == []
