"""The automatic daily backup, taken in a worker thread once the window has painted.

Copying a large store takes hundreds of milliseconds; the desktop app opens its
store without the backup (``Services.open(..., automatic_backups=False)``) and
``DailyBackup.start_after_first_paint(window)`` queues it on its own one-thread
pool when the window first paints. The worker calls the same
``BackupService.daily_if_due`` as the command line, which reads the store through
SQLite's backup API on a pooled connection of its own, so the window keeps
reading and writing meanwhile. A failure is reported by ``sig_failed`` (the app
shows it in a bar, as it shows the notices of ``Services.open``); the app waits
for a backup in progress before it closes the store.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from briefing.errors import StoreError
from ui.first_paint import after_first_paint

FAILED = "The daily backup could not be taken: {}"


class _Signals(QObject):
    sig_finished = Signal(object)
    """The backup taken (a ``BackupRecord``), or None when none was due."""

    sig_failed = Signal(str)
    """Why the backup could not be taken."""


class _Task(QRunnable):
    def __init__(self, backups, signals: _Signals) -> None:
        super().__init__()
        self.backups = backups
        self.signals = signals

    def run(self) -> None:
        try:
            record = self.backups.daily_if_due()
        except StoreError as error:
            self.signals.sig_failed.emit(FAILED.format(error))
        else:
            self.signals.sig_finished.emit(record)


class DailyBackup(QObject):
    """Takes the daily backup of ``backups`` (a ``BackupService``) off the GUI thread."""

    def __init__(self, backups, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.signals = _Signals(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self) -> None:
        """Queue the backup now (it is taken only when due)."""
        self._pool.start(_Task(self.backups, self.signals))

    def start_after_first_paint(self, window: QWidget) -> None:
        """Queue the backup once ``window`` has painted for the first time."""
        after_first_paint(window, self.start)

    def wait(self) -> None:
        """Block until a backup in progress is done (before the store is closed)."""
        self._pool.waitForDone()
