"""The daily backup does not hold up the window: it is taken in a worker once the window has painted."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from briefing.interchange.sample import load_sample
from briefing.services import Services
from ui.app import build_window, open_services
from ui.daily_backup import DailyBackup
from ui.store_bars import add_notice_bar


def a_store_due_for_its_daily_backup(db_url: str) -> None:
    services = Services.open(db_url)
    load_sample(services.db, services.config)
    services.close()  # a new store gets no backup: the next start is due one


def start_app(qtbot, db_url, tmp_path):
    """What ``ui.app.run`` does up to the event loop: the store, the window, the queued backup."""
    services = open_services(db_url, automatic_backups=False)
    window = build_window(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    daily = DailyBackup(services.backups, window)
    daily.signals.sig_failed.connect(lambda notice: add_notice_bar(window.bars, notice))
    daily.start_after_first_paint(window)
    return services, window, daily


def test_the_app_opens_first_and_takes_the_daily_backup_after_the_window_has_painted(
        qtbot, db_url, tmp_path):
    a_store_due_for_its_daily_backup(db_url)
    services, window, daily = start_app(qtbot, db_url, tmp_path)
    try:
        assert services.backups.list() == []  # opening the store took none
        assert window.windowTitle().startswith("Briefbook — ")
        with qtbot.waitSignal(daily.signals.sig_finished, timeout=10_000) as taken:
            window.show()
            assert services.backups.list() == []  # not before the paint either
        record = taken.args[0]
        assert [b.path for b in services.backups.list()] == [record.path]
        assert record.reason == "daily"
        # The backup is a whole store: it opens, with the sample's meetings.
        copy = Services.open(f"sqlite:///{record.path}", automatic_backups=False)
        assert copy.meetings.count() == 3
        copy.close()
    finally:
        daily.wait()
        window.close()
        services.close()


def test_no_second_backup_the_same_day(qtbot, db_url, tmp_path):
    a_store_due_for_its_daily_backup(db_url)
    Services.open(db_url).close()  # the command line takes it at once
    services, window, daily = start_app(qtbot, db_url, tmp_path)
    try:
        with qtbot.waitSignal(daily.signals.sig_finished, timeout=10_000) as taken:
            window.show()
        assert taken.args[0] is None
        assert len(services.backups.list()) == 1
    finally:
        daily.wait()
        window.close()
        services.close()


def test_a_daily_backup_that_fails_is_said_in_a_bar_over_the_workspace(qtbot, db_url, tmp_path):
    a_store_due_for_its_daily_backup(db_url)
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    services, window, daily = start_app(qtbot, db_url, tmp_path)
    try:
        with qtbot.waitSignal(daily.signals.sig_failed, timeout=10_000):
            window.show()
        [bar] = window.bars.bars()
        shown = " ".join(label.text() for label in bar.findChildren(QLabel))
        assert "The daily backup could not be taken: " in shown and "backups" in shown
        assert window.meeting is not None  # the store is open as usual
    finally:
        daily.wait()
        window.close()
        services.close()
