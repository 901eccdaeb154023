"""``QaEntryDialog``: a new bank entry, or an edit of one — issue, kind, status, question, answer.

OK writes it (in the ``WRITES`` lane, off the GUI thread, ``ui.qa.writes``); a refusal (an empty
question, the entry changed elsewhere) is shown in the dialog, which stays open
with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.issues.records import IssueRecord
from briefing.qa.records import QaEntryRecord
from briefing.recovery.recovered import NEW_QA_ENTRY
from briefing.vocabulary import QA_KINDS, QA_STATUSES
from ui.context import AppContext
from ui.qa.table_model import KIND_LABELS
from ui.qa.writes import write_bank
from ui.recovery.journal import JOURNAL_MS
from ui.undo.kinds import QA_ENTRY
from ui.widgets.ask import destructive_chosen
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError


class QaEntryDialog(QDialog):
    """Add (``entry`` None; to note ``note_id`` when given) or edit a bank entry."""

    def __init__(self, ctx: AppContext, issues: list[IssueRecord], entry: QaEntryRecord | None = None,
                 *, issue_id: int | None = None, note: tuple[int, int] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.entry, self.note = ctx, entry, note
        self.saved: QaEntryRecord | None = None
        self.on_saved: Callable[[QaEntryRecord], None] | None = None
        self.setWindowTitle(("Edit Q&A entry" if entry else "New Q&A entry") + " — Briefbook")
        self.issue = QComboBox(self)
        self.issue.setAccessibleName("Issue")
        self.issue.addItem("(no issue)", None)
        for issue in issues:
            self.issue.addItem(issue.title, issue.id)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind")
        for kind in QA_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.status = QComboBox(self)
        self.status.setAccessibleName("Status")
        for status in QA_STATUSES:
            self.status.addItem(status.capitalize(), status)
        self.question = QPlainTextEdit(self)
        self.question.setAccessibleName("Question")
        self.question.setPlaceholderText("The question they may ask (for a press line: what it answers)")
        self.answer = QPlainTextEdit(self)
        self.answer.setAccessibleName("Answer")
        self.answer.setPlaceholderText("Our answer (Markdown: **bold**, - lists)")
        self.error = FieldError(self)
        form = QFormLayout()
        if entry is not None:
            key = QLabel(entry.key, self)
            key.setToolTip("The entry's stable key: notes and interchange files name it")
            form.addRow("Key", key)
        form.addRow("&Issue", self.issue)
        form.addRow("&Kind", self.kind)
        form.addRow("&Status", self.status)
        form.addRow("&Question", self.question)
        form.addRow("&Answer", self.answer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill(entry, issue_id)
        # What is typed is kept in the crash journal a moment after a keystroke (so at least that
        # often while typing goes on), until saved: a kill with the dialog open loses nothing.
        self._journal_due = QTimer(self, singleShot=True, interval=JOURNAL_MS)
        self._journal_due.timeout.connect(self._keep_typing)
        for editor in (self.question, self.answer):
            editor.textChanged.connect(self._typing)
        self.finished.connect(self._settle_typing)
        metrics = self.fontMetrics()
        self.resize(char_width(metrics) * 90, metrics.lineSpacing() * 24)

    def _fill(self, entry: QaEntryRecord | None, issue_id: int | None) -> None:
        chosen = entry.issue_id if entry is not None else issue_id
        self.issue.setCurrentIndex(max(0, self.issue.findData(chosen)))
        if entry is not None:
            self.kind.setCurrentIndex(self.kind.findData(entry.kind))
            self.status.setCurrentIndex(self.status.findData(entry.status))
            self.question.setPlainText(entry.question)
            self.answer.setPlainText(entry.answer)

    def _typed(self) -> dict[str, str]:
        """The texts as typed that differ from the stored entry's (every non-empty one for a new entry)."""
        stored = {"question": self.entry.question, "answer": self.entry.answer} if self.entry else {}
        typed = {"question": self.question.toPlainText(), "answer": self.answer.toPlainText()}
        return {name: text for name, text in typed.items() if text != stored.get(name, "")}

    def reject(self) -> None:
        """Cancel, Esc or the close box: text typed and not saved is only let go when the user says so."""
        typed = self._typed()
        if typed and not self.ctx.closing and not destructive_chosen(
                self, "Not saved",
                "The text you typed in this Q&A entry is not saved." if self.entry is None else
                f"What you changed in Q&A entry “{self.entry.key}” is not saved.",
                "Keep editing to save it, or discard it.", "&Keep editing", "&Discard"):
            return
        super().reject()

    def _typing(self) -> None:
        if not self._journal_due.isActive():  # (not restarted: typing without a pause is kept too)
            self._journal_due.start()

    def _keep_typing(self) -> None:
        journal = self.ctx.journal
        if journal is None or not shiboken6.isValid(self):
            return
        entry_id = self.entry.id if self.entry else NEW_QA_ENTRY
        version = self.entry.version if self.entry else None
        for name, text in self._typed().items():
            journal.record(QA_ENTRY.name, entry_id, name, text, version)

    def _settle_typing(self, _result: int) -> None:
        """Saved (written) or discarded (as the user chose): the journal forgets the texts."""
        self._journal_due.stop()
        journal = self.ctx.journal
        if journal is None:
            return
        if self.ctx.closing:  # closed with the window: the text stays kept, offered at the next start
            self._keep_typing()
            return
        entry_id = self.entry.id if self.entry else NEW_QA_ENTRY
        for name in ("question", "answer"):
            journal.committed(QA_ENTRY.name, entry_id, name)

    def values(self) -> dict:
        return {"question": self.question.toPlainText(), "answer": self.answer.toPlainText(),
                "kind": self.kind.currentData(), "status": self.status.currentData(),
                "issue_id": self.issue.currentData()}

    def save(self) -> None:
        """Write the entry; the dialog closes once it is stored."""
        qa, values = self.ctx.services.qa, self.values()
        if self.entry is None:
            note_id = self.note[0] if self.note else None
            work = lambda: qa.add(**values, note_id=note_id)  # noqa: E731
        else:
            entry = self.entry
            work = lambda: qa.edit(entry.id, entry.version, **values)  # noqa: E731
        self.buttons.setEnabled(False)  # until stored (closes) or refused (stays open, as typed)
        write_bank(self.ctx, work, self._saved, self.error, self.note[1] if self.note else None,
                   refused=lambda _error: self._refused())

    def _refused(self) -> None:
        if shiboken6.isValid(self):
            self.buttons.setEnabled(True)

    def _saved(self, record: QaEntryRecord) -> None:
        if not shiboken6.isValid(self):
            return
        self.saved = record
        self.ctx.status.info(f"Saved Q&A entry “{record.key}”.")
        if self.on_saved is not None:
            self.on_saved(record)
        self.accept()
