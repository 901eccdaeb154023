"""``RecoveryBar``: after an unclean exit, what Briefbook kept but had not saved, field by field.

A bar inside the window, not a dialog: the user can look around first. Each kept
edit shows where it belongs, the text in the store now beside the kept text
(differences marked), and Keep / Discard. Keep is an ordinary undoable edit,
checked against the row's version as the bar read it and written in the ``WRITES``
lane after every write queued before it (never on the GUI thread: the window goes
on while the store works); the kept text stays in the bar and in the journal until
the store has it, and a refusal is said next to it. Discard forgets the text.
A kept edit whose row is gone can still be copied. Changes to lists given offline
and never written are said in one sentence above them, kept or discarded together
(``ui.recovery.list_changes``).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.recovery.journal import Recovery
from briefing.recovery.recovered import RecoveredEdit, describe_all
from ui.context import AppContext
from ui.recovery.list_changes import ListChangesRow
from ui.timefmt import clock, short_date
from ui.undo.command import Outcome, describe
from ui.undo.edit import EditCommand
from ui.undo.kinds import RowKind, kind_named
from ui.widgets.comparison import TextComparison
from ui.widgets.field_error import FieldError
from ui.widgets.message_bar import WARNING, MessageBar
from ui.widgets.palette import muted_colour

#: Lines of text shown of each version inside the bar (each side scrolls).
SHOWN_LINES = 5
#: Said after a kept edit's detail while the store writes it.
SAVING = " Saving…"


def headline(unclean: bool, count: int, lists: int = 0) -> tuple[str, str]:
    """The bar's title and text (``count`` kept edits, ``lists`` kept changes to lists)."""
    title = ("Briefbook did not close properly last time." if unclean
             else "Briefbook kept typing that was not saved last time.")
    if count == 0 and lists == 0:
        return title, "Everything you had typed was saved; nothing is missing."
    if count == 0:
        return title, ("It kept changes to lists made offline that had not been saved yet. Keep them "
                       "to make them again in order, or discard them.")
    edits = "1 edit" if count == 1 else f"{count} edits"
    if lists:
        edits += " and changes to lists"
    return title, (f"It kept {edits} that had not been saved yet. Keep each to save it "
                   "(Undo takes it back), or discard it.")


class RecoveredRow(QWidget):
    """One kept edit: where, when, the two texts, and what to do."""

    def __init__(self, recovered: RecoveredEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovered = recovered
        edit = recovered.edit
        kind = kind_named(edit.entity, recovered.meeting_id)
        label = kind.label(edit.field) if kind else edit.field
        self.where = QLabel(f"{recovered.where} › {label}", self)
        font = self.where.font()
        font.setBold(True)
        self.where.setFont(font)
        typed = edit.at.astimezone()
        detail = f"Typed at {clock(typed)} on {short_date(typed)}, not saved."
        if recovered.changed_since:
            detail += " The stored text was changed after that."
        if recovered.gone:
            detail += " Copy the text to keep it."
        self.detail = QLabel(detail, self)
        self.detail.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        for text in (self.where, self.detail):
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
        self.comparison = TextComparison("In the store now", "Kept, not saved", self,
                                         max_lines=SHOWN_LINES)
        self.comparison.set_texts(recovered.stored, edit.value)
        self.keep_button = QPushButton("&Keep", self)
        self.keep_button.setToolTip("Save the kept text here (Undo takes it back)")
        self.keep_button.setEnabled(not recovered.gone and kind is not None)
        self.copy_button = QPushButton("Cop&y text", self)
        self.copy_button.setToolTip("Put the kept text on the clipboard")
        self.discard_button = QPushButton("&Discard", self)
        self.discard_button.setToolTip("Forget the kept text; the store keeps what it has")
        self.error = FieldError(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.detail, 1)
        for button in (self.keep_button, self.copy_button, self.discard_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(self.comparison)
        layout.addWidget(self.error)
        self.copy_button.clicked.connect(self.copy)
        self.saving = False
        """Its text is on its way to the store (Keep and Discard wait for the outcome)."""

    def set_saving(self, saving: bool) -> None:
        """While the store writes the kept text, it can be neither kept again nor discarded."""
        self.saving = saving
        self.keep_button.setEnabled(not saving and not self.recovered.gone
                                    and kind_named(self.recovered.edit.entity,
                                                   self.recovered.meeting_id) is not None)
        self.discard_button.setEnabled(not saving)
        self.detail.setText(self.detail.text().removesuffix(SAVING) + (SAVING if saving else ""))

    def copy(self) -> None:
        QApplication.clipboard().setText(self.recovered.edit.value)


class RecoveryBar(MessageBar):
    """The unclean-exit bar; it closes itself once every kept edit is kept or discarded."""

    def __init__(self, ctx: AppContext, recovery: Recovery, parent: QWidget | None = None) -> None:
        found = describe_all(ctx.services, recovery.pending)
        for recovered in found:  # the store has this text already: nothing to ask
            if not recovered.differs and ctx.journal is not None:
                e = recovered.edit
                ctx.journal.committed(e.entity, e.entity_id, e.field)
        shown = [r for r in found if r.differs]
        super().__init__(*headline(recovery.unclean, len(shown), len(recovery.rows)), kind=WARNING,
                         parent=parent)
        self.ctx = ctx
        self.unclean = recovery.unclean
        self.rows: list[RecoveredRow] = []
        self.lists: ListChangesRow | None = None
        """The kept changes to lists (None: none, or all kept or discarded)."""
        if recovery.rows:
            self.lists = ListChangesRow(ctx, recovery.rows, self._lists_done, self)
            self.body.addWidget(self.lists)
        if len(shown) + bool(recovery.rows) > 1:
            self.add_button("Keep all", self.keep_all, "Save every kept text that can be saved")
            self.add_button("Discard all", self.discard_all, "Forget every kept text")
        if shown:
            self._list(shown)

    def _list(self, shown: list[RecoveredEdit]) -> None:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        for recovered in shown:
            row = RecoveredRow(recovered, holder)
            row.keep_button.clicked.connect(lambda _c=False, r=row: self.keep(r))
            row.discard_button.clicked.connect(lambda _c=False, r=row: self.discard(r))
            column.addWidget(row)
            self.rows.append(row)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)  # the bar's tint shows through
        holder.setAutoFillBackground(False)
        row_height = self.rows[0].sizeHint().height()
        scroll.setMaximumHeight(row_height * min(len(shown), 2) + row_height // 3 * (len(shown) > 2))
        scroll.setMinimumHeight(min(holder.sizeHint().height(), scroll.maximumHeight()))
        self.body.addWidget(scroll)

    def keep(self, row: RecoveredRow) -> bool:
        """Save a kept text as an undoable edit, written in the lane; once stored, the journal lets
        it go and the window shows where it went (``_kept``). False when it cannot be kept."""
        recovered, edit = row.recovered, row.recovered.edit
        kind = kind_named(edit.entity, recovered.meeting_id)
        if kind is None or recovered.gone or row.saving:
            return False
        self.ctx.writer.remember(kind, recovered.record)  # checked against the version shown
        label = kind.label(edit.field).lower()
        stored = recovered.stored_value if edit.typed else recovered.stored  # (a cell: as the value it is)
        command = EditCommand(self.ctx, kind, edit.entity_id, {edit.field: stored},
                              {edit.field: edit.written}, text=f"Keep recovered {label}",
                              background=True,
                              on_done=lambda outcome: self._kept(row, kind, outcome))
        row.error.show_message(None)
        row.set_saving(True)
        self.ctx.undo_stack.push(command)  # written in the lane, after every write queued before it
        return True

    def _kept(self, row: RecoveredRow, kind: RowKind, outcome: Outcome) -> None:
        """The store has answered about a kept text: settled and shown, or the refusal said next
        to it (the text stays in the bar and the journal)."""
        if not shiboken6.isValid(self) or not shiboken6.isValid(row) or row not in self.rows:
            return
        row.set_saving(False)
        if not outcome.ok:
            row.error.show_message(describe(outcome.error, kind))
            return
        recovered, edit = row.recovered, row.recovered.edit
        self._settled(row, self.ctx.journal.committed if self.ctx.journal else None)
        if recovered.meeting_id is not None:
            self.ctx.events.sig_open_meeting_requested.emit(recovered.meeting_id)
        self.ctx.events.sig_show_row_requested.emit(kind.name, edit.entity_id)

    def discard(self, row: RecoveredRow) -> None:
        """Forget a kept text (not one on its way to the store)."""
        if row.saving:
            return
        self._settled(row, self.ctx.journal.discard if self.ctx.journal else None)

    def keep_all(self) -> None:
        if self.lists is not None:
            self.lists.keep()  # (first: the edits were given after the lists changed, mostly)
        for row in list(self.rows):
            if row.keep_button.isEnabled():
                self.keep(row)

    def discard_all(self) -> None:
        for row in list(self.rows):
            if not row.saving:
                self.discard(row)
        if self.lists is not None:
            self.lists.discard()

    def _lists_done(self) -> None:
        """Every kept change to a list is written or dropped."""
        if self.lists is not None:
            self.lists.hide()
            self.lists.deleteLater()
            self.lists = None
        if not self.rows:
            self.dismiss()

    def _settled(self, row: RecoveredRow, settle) -> None:
        edit = row.recovered.edit
        if settle is not None:
            settle(edit.entity, edit.entity_id, edit.field)
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        if not self.rows and self.lists is None:
            self.dismiss()
