"""``BackupController``: back up now, restore a backup; each a ``WRITES`` task with a progress dialog.

Typing still pending is written first (so that it is in the backup, or in the
safety backup a restore takes). A restore replaces everything the window shows:
afterwards the window forgets its undo history and cached rows and shows the
store again (``StoreTools.reload_store``); a store found damaged is writable
again then, and the bar that said it was damaged goes. Refusals and failures are
shown in the status bar and to whoever asked (``sig_failed``), never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from briefing.backups.service import DAMAGED_BEFORE_RESTORE, MANUAL, BackupRecord
from briefing.errors import BriefbookError
from ui.background import WRITES, BackgroundTask
from ui.context import AppContext
from ui.models.backups_table import taken_text

#: A copy that ends sooner than this never shows its progress dialog (milliseconds).
PROGRESS_AFTER_MS = 400


class BackupController(QObject):
    """The window's backups: one operation at a time."""

    sig_done = Signal(str)
    """An operation finished; the argument says what was done (also in the status bar)."""

    sig_failed = Signal(str)
    """An operation was refused or failed; the argument says why."""

    def __init__(self, ctx: AppContext, window: QWidget, reload_store: Callable[[], None],
                 flush: Callable[[], None]) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.reload_store = reload_store
        self.flush = flush
        self.task: BackgroundTask | None = None
        self.progress: QProgressDialog | None = None
        self.dialog = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def show_dialog(self) -> None:
        """File → Restore from backup…: the list of backups (built when first asked for)."""
        if self.dialog is None:
            from ui.backups.dialog import RestoreBackupDialog

            self.dialog = RestoreBackupDialog(self.ctx, self, self.window)
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def back_up_now(self) -> bool:
        """File → Back up now."""
        self.flush()
        backups = self.ctx.services.backups
        return self._run("Backing up the database…", lambda p: backups.create(MANUAL, progress=p),
                         lambda record: f"Backed up to {record.path}.")

    def restore(self, path: Path, taken: BackupRecord | None = None) -> bool:
        """Replace the store with the backup at ``path``, after asking."""
        if self.busy or not self._confirm(path, taken):
            return False
        self.flush()
        backups = self.ctx.services.backups
        when = f"the backup taken {taken_text(taken)}" if taken else str(path)

        def done(safety: BackupRecord) -> str:
            self.reload_store()
            self._forget_damage_shown()
            if safety.reason == DAMAGED_BEFORE_RESTORE:
                return (f"Restored {when}. The damaged database is kept as it was, unchecked, "
                        f"as {safety.path.name} in the backups folder.")
            return (f"Restored {when}. What was there before is kept as the backup "
                    f"{safety.path.name}: restore that one to go back.")

        return self._run("Restoring the database…", lambda p: backups.restore(path, progress=p), done)

    def _confirm(self, path: Path, taken: BackupRecord | None) -> bool:
        what = f"the backup taken {taken_text(taken)} ({taken.reason_label})" if taken else f"the file {path}"
        kept = ("The damaged database is kept first as it is, unchecked, in the backups folder. "
                if self.ctx.services.db.damage else
                "The database as it is now is backed up first: restore that backup to go back. ")
        answer = QMessageBox.question(
            self.window, "Restore from a backup?",
            f"Replace everything in {self.ctx.services.db.location} with {what}?\n\n"
            f"{kept}Undo cannot take a restore back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _forget_damage_shown(self) -> None:
        from ui.integrity_check import IntegrityCheck

        for check in self.window.findChildren(IntegrityCheck):
            check.forget_damage_shown()

    def _run(self, label: str, work: Callable[[Callable[[float], None]], Any],
             done: Callable[[Any], str]) -> bool:
        if self.busy:
            return False
        self.progress = QProgressDialog(label, "", 0, 100, self.window)
        self.progress.setCancelButton(None)  # a copy half done is not a state to leave the store in
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(PROGRESS_AFTER_MS)
        self.progress.setWindowTitle("Briefbook")
        self.progress.setValue(0)
        self.task = BackgroundTask(work, WRITES)  # in order with the daily backup
        self.task.signals.sig_progress.connect(lambda share: self.progress and self.progress.setValue(
            min(99, int(share * 100))))
        self.task.signals.sig_finished.connect(lambda result: self._finished(done(result)))
        self.task.signals.sig_failed.connect(self._failed)
        self.ctx.status.info(label)
        self.task.start()
        return True

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        self.progress = None
        self.task = None

    def _finished(self, message: str) -> None:
        self._end()
        self.ctx.status.info(message)
        self.sig_done.emit(message)

    def _failed(self, error: Exception) -> None:
        self._end()
        message = str(error) if isinstance(error, BriefbookError) else f"{type(error).__name__}: {error}"
        self.ctx.status.failed(message)
        self.sig_failed.emit(message)
