"""The automatic daily backup, taken in a worker thread once the window has painted.

Copying a large store takes hundreds of milliseconds; the desktop app opens its
store without the backup (``Services.open(..., automatic_backups=False)``) and
``DailyBackup.start_after_first_paint(window)`` starts it as a ``BackgroundTask``
in the ``WRITES`` lane when the window first paints. The worker calls the same
``BackupService.daily_if_due`` as the command line, which reads the store through
SQLite's backup API on a pooled connection of its own, so the window keeps
reading and writing meanwhile. A failure is reported by ``sig_failed`` (the app
shows it in a bar, as it shows the notices of ``Services.open``); the app waits
for a backup in progress before it closes the store.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing.errors import StoreError
from ui.background import WRITES, BackgroundTask
from ui.first_paint import after_first_paint

FAILED = "The daily backup could not be taken: {}"


class _Signals(QObject):
    sig_finished = Signal(object)
    """The backup taken (a ``BackupRecord``), or None when none was due."""

    sig_failed = Signal(str)
    """Why the backup could not be taken."""


class DailyBackup(QObject):
    """Takes the daily backup of ``backups`` (a ``BackupService``) off the GUI thread."""

    def __init__(self, backups, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.signals = _Signals(self)
        self.task: BackgroundTask | None = None

    def start(self) -> None:
        """Start the backup now (it is taken only when due)."""
        backups = self.backups
        self.task = BackgroundTask(lambda _progress: backups.daily_if_due(), WRITES)
        self.task.signals.sig_finished.connect(self.signals.sig_finished)
        self.task.signals.sig_failed.connect(self._on_failed)
        self.task.start()

    def start_after_first_paint(self, window: QWidget) -> None:
        """Start the backup once ``window`` has painted for the first time."""
        after_first_paint(window, self.start)

    def wait(self) -> None:
        """Block until a backup in progress is done (before the store is closed)."""
        if self.task is not None:
            self.task.wait()

    def _on_failed(self, error: Exception) -> None:
        what = error if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"
        self.signals.sig_failed.emit(FAILED.format(what))
