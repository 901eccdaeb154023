"""``QaPicker``: "Add from bank…" — the bank's entries a note does not use yet, the note's issue first,
filtered as the user types; OK (or a double click) adds the chosen entry to the note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.qa.records import QaEntryRecord
from ui.context import AppContext
from ui.qa.table_model import QaTableModel, qa_table_view
from ui.widgets.char_width import char_width


class QaPicker(QDialog):
    """Choose a bank entry for the note ``note_id`` (of library issue ``issue_id``)."""

    def __init__(self, ctx: AppContext, issue_id: int, used: set[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.issue_id, self.used = ctx, issue_id, used
        self.setWindowTitle("Add from the Q&A bank — Briefbook")
        self.text = QLineEdit(self)
        self.text.setAccessibleName("Filter by text")
        self.text.setPlaceholderText("Words in the question or answer")
        self.text.setClearButtonEnabled(True)
        self.all_issues = QCheckBox("Entries of &every issue", self)
        self.all_issues.setToolTip("Off: only the entries tagged with this note's issue")
        self.model = QaTableModel(self)
        self.view = qa_table_view(self, self.model, "Q&A entries to add")
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Add")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.all_issues)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.text.textChanged.connect(lambda _t: self.reload())
        self.all_issues.toggled.connect(lambda _on: self.reload())
        self.view.doubleClicked.connect(lambda _index: self.accept())
        self.reload()
        if self.model.rowCount() == 0 and not self.all_issues.isChecked():
            self.all_issues.setChecked(True)  # nothing tagged with this issue yet: offer them all
        metrics = self.fontMetrics()
        self.resize(char_width(metrics) * 120, metrics.lineSpacing() * 22)

    def reload(self) -> None:
        issue = None if self.all_issues.isChecked() else self.issue_id
        records = [e for e in self.ctx.services.qa.list(issue_id=issue, text=self.text.text())
                   if e.id not in self.used]
        records.sort(key=lambda e: e.issue_id != self.issue_id)  # the note's issue first
        self.model.set_records(records)
        self.view.selectRow(0)
        self.ok.setEnabled(bool(records))

    def chosen(self) -> QaEntryRecord | None:
        return self.model.entry(self.view.currentIndex().row())
