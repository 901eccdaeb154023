"""``TrashWindow``: everything in the Trash, restored (undoably) or emptied for good (after asking).

A window beside the main one, built the first time Edit → Trash… is chosen. It
reloads through ``AppEvents`` whenever something is deleted or restored (at
once while shown, else when next shown). A restored thing is shown in the main
window, in its meeting and tab. Restoring, deleting for good and emptying run in
the ``WRITES`` lane: the window goes on while the store works; what is deleted for
good leaves the list at once, and a refusal puts it back and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefbookError
from briefing.trash.records import TrashEntry
from ui.context import AppContext
from ui.models.trash_table import DELETED, DETAIL, KIND, MEETING, TITLE, TrashTableModel
from ui.trash.commands import RestoreCommand
from ui.undo.background_command import push_in_background
from ui.undo.lane_job import run_in_lane
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError

HINT = ("Restoring brings back everything that hung on it: a meeting its agenda, notes, "
        "participants and action items; a person every meeting they were in.")


def count_line(count: int) -> str:
    if count == 0:
        return "The Trash is empty."
    return f"{count} thing{'s' if count != 1 else ''} in the Trash. {HINT}"


class TrashWindow(QDialog):
    """Edit → Trash."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Trash — Briefbook")
        self.model = TrashTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Trash")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in (KIND, DELETED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (TITLE, MEETING, DETAIL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.error = FieldError(self)
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setToolTip("Put it back where it was, with everything that hung on it "
                                       "(Undo sends it back to the Trash)")
        self.purge_button = QPushButton("&Delete for good…", self)
        self.purge_button.setToolTip("Delete the selected thing for good (cannot be undone)")
        self.empty_button = QPushButton("&Empty Trash…", self)
        self.empty_button.setToolTip("Delete everything in the Trash for good (cannot be undone)")
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.purge_button, self.empty_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty)
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())
        self.view.selectionModel().currentRowChanged.connect(self._update)
        self._stale = True
        self._going: set[tuple[str, int]] = set()  # deleted for good, the store not done yet
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.timeout.connect(self.reload)
        events = ctx.events
        for signal in (events.sig_agenda_changed, events.sig_notes_changed, events.sig_people_changed,
                       events.sig_actions_changed):
            signal.connect(self._changed)
        events.sig_meetings_changed.connect(self._changed)
        events.sig_saved.connect(self._changed)
        metrics = self.fontMetrics()
        self.resize(char_width(metrics) * 130, metrics.lineSpacing() * 26)

    # -- showing -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _changed(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            self._reload_soon.start(0)  # several signals of one change: one reload

    def reload(self) -> None:
        """Show the Trash as stored (the selected entry stays selected while it is there)."""
        self._stale = False
        keep = self.current()
        self.model.set_records([e for e in self.ctx.services.trash.list()
                                if (e.kind, e.id) not in self._going])
        row = self.model.row_of(keep.kind, keep.id) if keep is not None else -1
        self.view.selectRow(row if row >= 0 else 0)
        self.summary.setText(count_line(self.model.rowCount()))
        self._update()

    def current(self) -> TrashEntry | None:
        return self.model.entry(self.view.currentIndex().row())

    def _update(self, *_args: object) -> None:
        writable = not self.ctx.services.read_only
        selected = self.current() is not None
        self.restore_button.setEnabled(writable and selected)
        self.purge_button.setEnabled(writable and selected)
        self.empty_button.setEnabled(writable and self.model.rowCount() > 0)

    # -- restoring and emptying ----------------------------------------------------

    def restore_selected(self) -> bool:
        """Restore the selected entry (undoable; written in the background) and, once stored,
        show it in the main window. False when nothing is selected."""
        entry = self.current()
        if entry is None:
            return False
        push_in_background(self.ctx, RestoreCommand(self.ctx, entry), self.error,
                           then=lambda _record: self.ctx.status.info(
                               f"Restored “{entry.title}”. Undo (Ctrl+Z) sends it back to the Trash."))
        return True

    def purge_selected(self) -> bool:
        """Delete the selected entry for good, after asking (in the background: it leaves the
        list at once)."""
        entry = self.current()
        if entry is None or not self._confirm(
                "Delete for good?", f"Delete “{entry.title}” for good? "
                f"{'Everything in the meeting goes with it. ' if entry.kind == 'meeting' else ''}"
                "This cannot be undone."):
            return False
        trash = self.ctx.services.trash
        return self._forget({(entry.kind, entry.id)}, lambda: trash.purge(entry.kind, entry.id),
                            f"Deleted “{entry.title}” for good.")

    def empty(self) -> bool:
        """Delete everything in the Trash for good, after asking (in the background: the list
        empties at once)."""
        count = self.model.rowCount()
        if count == 0 or not self._confirm(
                "Empty the Trash?", f"Delete the {count} thing{'s' if count != 1 else ''} in the Trash "
                "for good, with everything that hangs on them? This cannot be undone."):
            return False
        return self._forget({(e.kind, e.id) for e in self.model.records}, self.ctx.services.trash.empty,
                            "The Trash is empty.")

    def _confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _forget(self, keys: set[tuple[str, int]], action: Callable[[], Any], done: str) -> bool:
        """Take ``keys`` off the list now and ``action`` (deleting them for good) in the lane."""
        self._going |= keys
        self.error.show_message(None)
        self._show([e for e in self.model.records if (e.kind, e.id) not in keys])
        run_in_lane(self.ctx, action, lambda _record: self._gone(keys, done),
                    lambda error: self._kept(keys, error))
        return True

    def _show(self, records: list[TrashEntry]) -> None:
        self.model.set_records(records)
        self.view.selectRow(0)
        self.summary.setText(count_line(self.model.rowCount()))
        self._update()

    def _gone(self, keys: set[tuple[str, int]], done: str) -> None:
        self._going -= keys
        self.ctx.status.info(done)
        self._changed()

    def _kept(self, keys: set[tuple[str, int]], error: BriefbookError) -> None:
        """Refused: the list shows what the Trash holds again, and says why."""
        self._going -= keys
        self.error.show_message(str(error))
        self._stale = True
        self.reload()
