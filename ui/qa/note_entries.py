"""``NoteQaList``: in the note editor, the Q&A bank entries the note uses, with "Add from bank…",
"New entry…", "Edit…" and "Remove" (the entry stays in the bank). An entry is edited in the bank:
the change shows in every note and book that uses it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.notes.records import NoteRecord
from briefing.qa.records import QaEntryRecord
from ui.context import AppContext
from ui.qa.commands import AttachQaCommand, DetachQaCommand
from ui.qa.entry_dialog import QaEntryDialog
from ui.qa.picker import QaPicker
from ui.qa.table_model import QaTableModel, qa_table_view
from ui.undo.background_command import push_in_background
from ui.widgets.field_error import FieldError
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.heading import heading_label

HINT = ("Questions and press lines from the Q&A bank, shared with every meeting that uses them: "
        "the book prints them under “Anticipated questions” and “Press lines”.")


class NoteQaList(QWidget):
    """The note's bank entries, in order; ``set_note`` shows a note's (None: none)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.note: NoteRecord | None = None
        self.dialog: QDialog | None = None  # the picker or the entry dialog last opened
        self.title = heading_label(self)
        self.title.setText("Q&A from the bank")
        hint = QLabel(HINT, self)
        hint.setWordWrap(True)
        self.model = QaTableModel(self)
        self.view = qa_table_view(self, self.model, "The note's Q&A entries")
        self.view.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.error = FieldError(self)
        self.add_button = QPushButton("Add from &bank…", self)
        self.new_button = QPushButton("New entry…", self)
        self.edit_button = QPushButton("Edit entry…", self)
        self.remove_button = QPushButton("Remove from note", self)
        self.remove_button.setToolTip("The note no longer uses the entry; it stays in the bank")
        buttons = QWidget(self)  # they wrap in a narrow pane (a laptop, with the Book preview open)
        flow = FlowLayout(buttons)
        for button in (self.add_button, self.new_button, self.edit_button, self.remove_button):
            flow.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addWidget(self.view)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add_from_bank)
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().currentRowChanged.connect(self._update)
        ctx.events.sig_qa_changed.connect(self.reload)
        self._update()

    def set_note(self, note: NoteRecord | None) -> None:
        self.note = note
        self.error.show_message(None)
        self.reload()

    def reload(self) -> None:
        """The note's entries as stored."""
        records = self.ctx.services.qa.for_note(self.note.id) if self.note is not None else []
        keep = self.current()
        self.model.set_records(records)
        row = self.model.row_of(keep.id) if keep is not None else -1
        self.view.selectRow(max(row, 0))
        self._update()

    def current(self) -> QaEntryRecord | None:
        return self.model.entry(self.view.currentIndex().row())

    def _update(self, *_args: object) -> None:
        writable = self.note is not None and not self.ctx.services.read_only
        self.add_button.setEnabled(writable)
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and self.current() is not None)
        self.remove_button.setEnabled(writable and self.current() is not None)

    # -- writing -------------------------------------------------------------------

    def add_from_bank(self) -> QaPicker | None:
        """The picker of entries the note does not use yet; the chosen one is added at the end."""
        if self.note is None:
            return None
        picker = QaPicker(self.ctx, self.note.issue_id, {e.id for e in self.model.records}, self)
        note = self.note
        picker.accepted.connect(lambda: self._attach(note, picker.chosen()))
        self.dialog = picker
        picker.open()
        return picker

    def _attach(self, note: NoteRecord, entry: QaEntryRecord | None) -> None:
        if entry is not None:
            push_in_background(self.ctx, AttachQaCommand(self.ctx, note, entry), self.error)  # undoable

    def new_entry(self) -> QaEntryDialog | None:
        """A new bank entry, tagged with the note's issue and used by the note once saved."""
        if self.note is None:
            return None
        dialog = QaEntryDialog(self.ctx, self.ctx.services.issues.list(), issue_id=self.note.issue_id,
                               note=(self.note.id, self.note.meeting_id), parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_selected(self) -> QaEntryDialog | None:
        entry = self.current()
        if entry is None or self.note is None:
            return None
        dialog = QaEntryDialog(self.ctx, self.ctx.services.issues.list(), entry, parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        """The note no longer uses the selected entry (undoable; the entry stays in the bank)."""
        entry, note = self.current(), self.note
        if entry is not None and note is not None:
            command = DetachQaCommand(self.ctx, note, entry, self.view.currentIndex().row())
            push_in_background(self.ctx, command, self.error)
