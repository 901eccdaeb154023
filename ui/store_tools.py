"""``StoreTools``: the window's tools for the store as a whole — Edit → Trash, File → Back up now,
File → Restore from backup…, File → Import a Briefbook file… and Export everything… — each built
the first time it is asked for (not at start-up)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from ui.backups.controller import BackupController
    from ui.interchange.files import InterchangeFiles
    from ui.trash.window import TrashWindow
    from ui.window_parts import WindowParts


class StoreTools(QObject):
    """Connects the window's Trash and backup actions to what they open."""

    def __init__(self, window: WindowParts) -> None:
        super().__init__(window)
        self.window = window
        self.trash_window: TrashWindow | None = None
        self._backups: BackupController | None = None
        self._files: InterchangeFiles | None = None
        a = window.window_actions
        a.trash.setEnabled(True)
        a.trash.triggered.connect(self.show_trash)
        a.back_up.triggered.connect(lambda: self.backups().back_up_now())
        a.restore_backup.triggered.connect(lambda: self.backups().show_dialog())
        a.import_file.triggered.connect(lambda: self.files().import_file())
        a.export_everything.triggered.connect(lambda: self.files().export_everything())
        if window.ctx.services.read_only:  # (a role that may only read: nothing can be imported)
            a.import_file.setEnabled(False)

    def show_trash(self) -> TrashWindow:
        """Edit → Trash: what was deleted (text typed so far is written first)."""
        self.window.workspace.flush()
        if self.trash_window is None:
            from ui.trash.window import TrashWindow

            self.trash_window = TrashWindow(self.window.ctx, self.window)
        self.trash_window.show()
        self.trash_window.raise_()
        self.trash_window.activateWindow()
        return self.trash_window

    def backups(self) -> BackupController:
        """Backing up and restoring (``ui.backups.controller``)."""
        if self._backups is None:
            from ui.backups.controller import BackupController

            w = self.window
            self._backups = BackupController(w.ctx, w, self.reload_store, w.workspace.flush)
        return self._backups

    def files(self) -> InterchangeFiles:
        """Importing a Briefbook file, exporting everything to one (``ui.interchange.files``)."""
        if self._files is None:
            from ui.interchange.files import InterchangeFiles

            w = self.window
            self._files = InterchangeFiles(w.ctx, w, w.workspace.flush, w.open_meeting)
        return self._files

    def reload_store(self) -> None:
        """After a restore replaced the store: forget undo and cached rows, show it all again."""
        w = self.window
        w.ctx.undo_stack.clear()
        w.ctx.writer.forget_all()
        w.workspace.forget_loaded()
        w.sidebar.reload()
        w.open_meeting(w.ctx.services.meetings.pick_initial(w.meeting.id if w.meeting else None))
        w.ctx.events.sig_meetings_changed.emit()
