"""Start the desktop app: QApplication, the store, the sample on a new store, the main window.

Start-up stays lean: nothing here (or in the window) imports Alembic, ReportLab
or a Markdown parser; those load when a feature first needs them.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

APP_NAME = "Briefbook"
ORGANIZATION = "Briefbook"


def make_application(argv: list[str]) -> QApplication:
    """The QApplication with Briefbook's names and icon (the platform's own style and colours)."""
    from ui.icons import app_icon

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def open_services(url: str, *, automatic_backups: bool = True):
    """The store's services, or None after telling the user (by name of the file) what went wrong.

    ``automatic_backups=False`` leaves the daily backup to the caller (``run`` takes
    it in a worker thread after the first paint). The page scan waits for the first
    paint too (``build_window`` runs it in a worker), unless the crash-recovery
    journal, whose session starts here, says the last session ended badly: then the
    store is scanned before anything is written to it.
    """
    from briefing.config import Config
    from briefing.errors import BriefbookError
    from briefing.services import Services, describe_store

    try:
        return Services.open(url, Config.load(), automatic_backups=automatic_backups,
                             check_integrity=False, crash_journal=True)
    except BriefbookError as error:
        problem = str(error)
    except Exception as error:  # noqa: BLE001 - any failure to open is shown, never a traceback
        problem = f"{type(error).__name__}: {error}"
    from PySide6.QtWidgets import QMessageBox  # (only here: a start that opens no dialog does without it)

    QMessageBox.critical(
        None, "Briefbook cannot open its database",
        f"Briefbook could not open the database\n{describe_store(url)}\n\n{problem}\n\n"
        "The file was not changed. Choose another with --db, or set BRIEFBOOK_DB.",
    )
    return None


def build_window(services, settings: QSettings, *, autosave_ms: int | None = None):
    """The main window on ``services``, showing the meeting the user should see first.

    The window's crash-recovery journal session starts here, unless ``Services.open``
    started it already (and ends when the window closes); what an earlier session
    left unsaved shows in a bar. A store not yet scanned for damage is scanned in a
    worker once the window has painted (``ui.integrity_check``).
    """
    from ui.context import AUTOSAVE_MS, AppContext
    from ui.main_window import MainWindow
    from ui.recovery.journal import WindowJournal
    from ui.store_bars import show_store_bars

    ctx = AppContext.create(services, settings, autosave_ms=autosave_ms or AUTOSAVE_MS)
    if services.journal is not None or services.journal_problem is not None:
        ctx.journal = WindowJournal(services.journal, ctx.status) if services.journal else None
        recovery = services.recovery
        problem = (f"Unsaved typing cannot be kept for a crash: {services.journal_problem}"
                   if services.journal_problem else None)
    else:
        ctx.journal, recovery, problem = WindowJournal.start(services, ctx.status)
    window = MainWindow(ctx)
    window.start()
    show_store_bars(window.bars, ctx, recovery, [problem] if problem else [])
    if not services.integrity_checked:
        from ui.integrity_check import IntegrityCheck

        IntegrityCheck(services, window.bars, window).start_after_first_paint(window)
    return window


def start_daily_backup(services, window):
    """Take the daily backup (when due) in a worker; a failure is said in a bar of ``window``.

    Called once the window has painted: the backups' service and module are not
    needed before (``ui.daily_backup``).
    """
    from ui.daily_backup import DailyBackup
    from ui.store_bars import add_notice_bar

    daily = DailyBackup(services.backups, QApplication.instance())
    daily.signals.sig_failed.connect(lambda notice: add_notice_bar(window.bars, notice))
    daily.start()
    return daily


def run(url: str, argv: list[str], settings: QSettings | None = None) -> int:
    """Open the main window on the store at ``url``; returns the exit code."""
    app = make_application(argv)
    services = open_services(url, automatic_backups=False)
    if services is None:
        return 2
    daily: list = []  # the daily backup, started once the window has painted
    window = None
    try:
        if not services.meetings.has_any():
            from datetime import date

            from briefing.interchange.sample import is_empty, load_sample

            if is_empty(services.db):  # a new store: open on the sample, its latest round ahead
                load_sample(services.db, services.config, as_of=date.today())
        window = build_window(services, settings or QSettings())
        from ui.first_paint import after_first_paint
        from ui.shutdown import QuitCleanly

        after_first_paint(window, services.prepare_models)  # not at the first edit
        if services.schema != "created":
            shown = window
            after_first_paint(window, lambda: daily.append(start_daily_backup(services, shown)))
        quit_cleanly = QuitCleanly(app, window)
        window.show()
        try:
            return app.exec()
        finally:
            quit_cleanly.uninstall()
    finally:
        for backup in daily:
            backup.wait()
        from ui.integrity_check import IntegrityCheck

        for check in window.findChildren(IntegrityCheck) if window is not None else ():
            check.wait()
        services.close()


if __name__ == "__main__":
    from ui.pyside_tweaks import skip_source_scan

    skip_source_scan()  # as main.run_gui does
    sys.exit(run(sys.argv[1], sys.argv))
