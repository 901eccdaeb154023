"""``RestoreBackupDialog``: the store's backups with dates and reasons; restore one, or a file.

A window beside the main one. Restoring asks first (the controller does), runs
off the GUI thread with a progress bar, and the window shows the restored store.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models.backups_table import REASON, SIZE, TAKEN, BackupsTableModel
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import SignalInstance

    from briefing.backups.service import BackupRecord


class Restorer(Protocol):
    """What the dialog asks of whoever restores (``ui.backups.controller.BackupController``)."""

    sig_done: SignalInstance
    sig_failed: SignalInstance

    @property
    def busy(self) -> bool:
        """True while a backup or a restore runs."""

    def restore(self, path: Path, taken: BackupRecord | None = None) -> bool:
        """Ask, then restore ``path``; False when nothing was started."""


def intro(ctx: AppContext) -> str:
    backups = ctx.services.backups
    if not backups.available:
        return (f"{ctx.services.db.location} is kept by a database server: backing it up and "
                "restoring it are the server's job (for PostgreSQL, pg_dump and pg_restore).")
    text = (f"Backups of {ctx.services.db.location}, newest first, in {backups.folder}. Restoring one "
            "replaces everything in the database with it; what is there now is backed up first.")
    if ctx.services.db.damage and backups.restorable:
        text += (" This database was found damaged, so nothing more is written to it; restoring a "
                 "backup replaces it and lets you work on. The damaged file is kept as it is, "
                 "in the same folder.")
    elif ctx.services.read_only:
        text += " This database is open read-only, so it cannot be restored here."
    return text


class RestoreBackupDialog(QDialog):
    """File → Restore from backup…"""

    def __init__(self, ctx: AppContext, controller: Restorer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = controller
        self.setWindowTitle("Restore from backup — Briefbook")
        self.intro = QLabel(intro(ctx), self)
        self.intro.setWordWrap(True)
        self.model = BackupsTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Backups")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TAKEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SIZE, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel("No backups yet. Back up now to make one.", self)
        self.error = FieldError(self)
        self.restore_button = QPushButton("&Restore…", self)
        self.restore_button.setToolTip("Replace the database with the selected backup (asks first)")
        self.file_button = QPushButton("Restore from a &file…", self)
        self.file_button.setToolTip("Replace the database with a backup kept elsewhere")
        self.back_up_button = QPushButton("&Back up now", self)
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.file_button, self.back_up_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_file)
        self.back_up_button.clicked.connect(self.back_up)
        self.view.selectionModel().currentRowChanged.connect(self._update)
        controller.sig_done.connect(self._done)
        controller.sig_failed.connect(self.error.show_message)
        controller.sig_failed.connect(self._update)
        metrics = self.fontMetrics()
        self.resize(char_width(metrics) * 110, metrics.lineSpacing() * 24)

    def reload(self) -> None:
        """Show the backups as they are on disk now."""
        backups = self.ctx.services.backups
        self.intro.setText(intro(self.ctx))  # a restore may have made a damaged store writable again
        self.model.set_records(backups.list() if backups.available else [])
        self.view.selectRow(0)
        self.empty.setVisible(backups.available and self.model.rowCount() == 0)
        self._update()

    def _update(self, *_args: object) -> None:
        backups = self.ctx.services.backups
        available = backups.available and not self.controller.busy
        restorable = available and backups.restorable  # a damaged store too: restoring is the cure
        self.restore_button.setEnabled(restorable and self.view.currentIndex().isValid())
        self.file_button.setEnabled(restorable)
        self.back_up_button.setEnabled(available)

    def restore_selected(self) -> bool:
        backup = self.model.backup(self.view.currentIndex().row())
        return backup is not None and self._started(self.controller.restore(backup.path, backup))

    def restore_file(self) -> bool:
        folder = str(self.ctx.services.backups.folder)
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Restore from a backup file", folder, "Briefbook databases (*.db);;All files (*)")
        return bool(chosen) and self._started(self.controller.restore(Path(chosen)))

    def back_up(self) -> bool:
        return self._started(self.controller.back_up_now())

    def _started(self, started: bool) -> bool:
        if started:
            self.error.show_message(None)
        self._update()
        return started

    def _done(self, _message: str) -> None:
        self.reload()
