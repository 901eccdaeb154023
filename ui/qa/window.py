"""``QaWindow``: Edit → Q&A bank… — every entry, filtered by issue, status and text; add, edit, retire.

A window beside the main one (not modal), built the first time it is asked
for. It reloads whenever the bank changes (``sig_qa_changed``) or the issue
library does. Writes run off the GUI thread (``ui.qa.writes``); an entry's
earlier text is kept in its history by the service.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.qa.records import QaEntryRecord
from briefing.vocabulary import QA_STATUSES
from ui.context import AppContext
from ui.qa.entry_dialog import QaEntryDialog
from ui.qa.table_model import QaTableModel, qa_table_view
from ui.qa.writes import write_bank
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError

ANY = "Any"


class QaWindow(QDialog):
    """The Q&A bank: filters above, the entries, and New / Edit / Retire below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QaEntryDialog | None = None
        self.setWindowTitle("Q&A bank — Briefbook")
        self.issue = QComboBox(self)
        self.issue.setAccessibleName("Filter by issue")
        self.status = QComboBox(self)
        self.status.setAccessibleName("Filter by status")
        self.status.addItem(ANY, None)
        for status in QA_STATUSES:
            self.status.addItem(status.capitalize(), status)
        self.text = QLineEdit(self)
        self.text.setAccessibleName("Filter by text")
        self.text.setPlaceholderText("Words in the question or answer")
        self.text.setClearButtonEnabled(True)
        self.retired = QCheckBox("Show &retired", self)
        filters = QHBoxLayout()
        for label, widget in (("&Issue", self.issue), ("&Status", self.status), ("&Text", self.text)):
            buddy = QLabel(label, self)
            buddy.setBuddy(widget)
            filters.addWidget(buddy)
            filters.addWidget(widget, 1 if widget is self.text else 0)
        filters.addWidget(self.retired)
        self.model = QaTableModel(self)
        self.view = qa_table_view(self, self.model, "Q&A entries")
        self.view.setAlternatingRowColors(True)
        self.summary = QLabel(self)
        self.error = FieldError(self)
        self.new_button = QPushButton("&New entry…", self)
        self.edit_button = QPushButton("&Edit…", self)
        self.history_button = QPushButton("&History…", self)
        self.history_button.setToolTip("The entry as it was before each edit")
        self.retire_button = QPushButton("Re&tire", self)
        self.retire_button.setToolTip("No longer offered, and left out of books (papers that used it "
                                      "keep the reference; Restore brings it back)")
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.history_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.retire_button.clicked.connect(self.retire_selected)
        self.history_button.clicked.connect(self.show_history)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().currentRowChanged.connect(self._update)
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(150)  # typing in the text filter: one reload per pause
        self._reload_soon.timeout.connect(self.reload)
        self.text.textChanged.connect(lambda _t: self._reload_soon.start())
        for combo in (self.issue, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.retired.toggled.connect(lambda _on: self.reload())
        self._stale = True
        ctx.events.sig_qa_changed.connect(self._changed)
        ctx.events.sig_issues_changed.connect(self._changed)
        metrics = self.fontMetrics()
        self.resize(char_width(metrics) * 170, metrics.lineSpacing() * 28)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._fill_issues()
            self.reload()

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self._fill_issues()
            self.reload()

    def _fill_issues(self) -> None:
        chosen = self.issue.currentData()
        self.issue.blockSignals(True)
        self.issue.clear()
        self.issue.addItem(ANY, None)
        for issue in self.ctx.services.issues.list():
            self.issue.addItem(issue.title, issue.id)
        self.issue.setCurrentIndex(max(0, self.issue.findData(chosen)))
        self.issue.blockSignals(False)

    def reload(self) -> None:
        """Show the bank as stored, filtered (the selected entry stays selected while shown)."""
        self._stale = False
        keep = self.current()
        records = self.ctx.services.qa.list(issue_id=self.issue.currentData(),
                                            status=self.status.currentData(), text=self.text.text(),
                                            include_retired=self.retired.isChecked())
        self.model.set_records(records)
        row = self.model.row_of(keep.id) if keep is not None else -1
        self.view.selectRow(row if row >= 0 else 0)
        count = len(records)
        self.summary.setText(f"{count} entr{'y' if count == 1 else 'ies'}" if count
                             else "No entries match.")
        self._update()

    def show_entry(self, entry_id: int) -> bool:
        """Select one entry (a search hit), the filters cleared so that it is listed."""
        for combo in (self.issue, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.retired.blockSignals(True)
        self.retired.setChecked(True)
        self.retired.blockSignals(False)
        self.reload()
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def current(self) -> QaEntryRecord | None:
        return self.model.entry(self.view.currentIndex().row())

    def _update(self, *_args: object) -> None:
        writable = not self.ctx.services.read_only
        entry = self.current()
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and entry is not None)
        self.retire_button.setEnabled(writable and entry is not None)
        self.history_button.setEnabled(entry is not None)
        self.retire_button.setText("Res&tore" if entry is not None and entry.retired else "Re&tire")

    # -- writing -------------------------------------------------------------------

    def new_entry(self) -> QaEntryDialog:
        """The new-entry dialog, tagged with the issue filtered on (if any)."""
        return self._open(QaEntryDialog(self.ctx, self.ctx.services.issues.list(),
                                        issue_id=self.issue.currentData(), parent=self))

    def edit_selected(self) -> QaEntryDialog | None:
        entry = self.current()
        if entry is None:
            return None
        return self._open(QaEntryDialog(self.ctx, self.ctx.services.issues.list(), entry, parent=self))

    def _open(self, dialog: QaEntryDialog) -> QaEntryDialog:
        self.dialog = dialog
        dialog.on_saved = lambda record: self._select_later(record.id)
        dialog.open()
        return dialog

    def _select_later(self, entry_id: int) -> None:
        self.reload()
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.view.selectRow(row)

    def show_history(self):
        """The selected entry's earlier states, in a window beside the bank."""
        entry = self.current()
        if entry is None:
            return None
        from ui.qa.history_view import QaHistoryView

        self.history = QaHistoryView(entry, self.ctx.services.qa.history(entry.id), self)
        self.history.show()
        return self.history

    def retire_selected(self) -> None:
        """Retire the selected entry (or bring a retired one back)."""
        entry = self.current()
        if entry is None:
            return
        qa = self.ctx.services.qa
        back = entry.retired
        write_bank(self.ctx, lambda: qa.retire(entry.id, entry.version, retired=not back),
                   lambda record: self.ctx.status.info(
                       f"{'Restored' if back else 'Retired'} Q&A entry “{record.key}”."),
                   self.error)

