"""The agenda's Record mode: per item what was said, what was agreed and what stays open, fast to type.

One row per agenda item with three fields side by side; Tab goes to the next
field and from an item's last field to the next item. Typing is saved like
every form (after a pause, undoably). Ctrl+T puts the time of day at the cursor
(timestamps are optional), "Follow-up" starts an ``ACTION:`` line in the item's
open points, and "Apply the record…" shows what the record changes (positions
agreed or bracketed, action items) before it is applied as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.agenda.records import AgendaItemRecord
from ui.context import AppContext
from ui.forms.bindings import TextBinding
from ui.forms.form import EditorForm
from ui.undo.kinds import AGENDA_ITEM
from ui.widgets.field_error import FieldError

#: (field, heading, placeholder) of each item's fields, in Tab order.
RECORD_FIELDS = (
    ("record", "Said", "What was said (Markdown)"),
    ("agreed", "Agreed", "What was agreed; [brackets] for text agreed ad referendum"),
    ("open_points", "Open / follow-ups", "What stays open; ACTION: text; owner: …; due: …"),
)
FOLLOW_UP = "ACTION: "


class ItemRecord(QWidget):
    """One agenda item's record fields, bound to the item."""

    def __init__(self, ctx: AppContext, number: int, item: AgendaItemRecord, parent: QWidget) -> None:
        super().__init__(parent)
        self.item_id = item.id
        self.form = EditorForm(ctx, AGENDA_ITEM, self)
        self.title = QLabel(parent=self)
        self.editors: dict[str, QPlainTextEdit] = {}
        self.error = FieldError(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.title, 0, 0, 1, len(RECORD_FIELDS))
        for column, (field, heading, placeholder) in enumerate(RECORD_FIELDS):
            editor = QPlainTextEdit(self)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(placeholder)
            editor.setAccessibleName(f"{heading}, item {number}")
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 5 + 12)
            self.editors[field] = editor
            self.form.bind(TextBinding(editor, field, self.error))
            grid.addWidget(editor, 1, column)
        grid.addWidget(self.error, 2, 0, 1, len(RECORD_FIELDS))
        self.show_item(number, item)

    def show_item(self, number: int, item: AgendaItemRecord) -> None:
        issue = f" — {item.issue_title}" if item.issue_title else ""
        self.title.setText(f"<b>{number}. {_escape(item.title)}</b>{_escape(issue)}")
        self.form.load(item)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RecordModeView(QWidget):
    """Every agenda item's record, one below the other."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 now: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.items: list[ItemRecord] = []
        self.time_button = QPushButton("Insert &time", self)
        self.time_button.setToolTip("Put the time of day at the cursor (Ctrl+T)")
        self.time_button.clicked.connect(self.insert_time)
        QShortcut(QKeySequence("Ctrl+T"), self, self.insert_time)
        self.follow_up_button = QPushButton("&Follow-up", self)
        self.follow_up_button.setToolTip("Start an ACTION: line in the current item's open points "
                                         "(it becomes an action item when the record is applied)")
        self.follow_up_button.clicked.connect(self.add_follow_up)
        self.apply_button = QPushButton("Appl&y the record…", self)
        self.apply_button.setToolTip("Show what the record changes in the positions and action items, "
                                     "then apply it as one step")
        bar = QHBoxLayout()
        for button in (self.time_button, self.follow_up_button, self.apply_button):
            button.setFocusPolicy(button.focusPolicy().NoFocus)  # Tab stays in the fields
            bar.addWidget(button)
        bar.addStretch(1)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    def show_items(self, items: Sequence[AgendaItemRecord]) -> None:
        """Show the agenda's items; rows already shown keep what is being typed in them."""
        if [i.id for i in items] != [r.item_id for r in self.items]:
            self.flush()
            for row in self.items:
                row.setParent(None)
                row.deleteLater()
            self.items = []
            for number, item in enumerate(items, 1):
                row = ItemRecord(self.ctx, number, item, self.body)
                self.body_layout.insertWidget(number - 1, row)
                self.items.append(row)
            return
        for number, (row, item) in enumerate(zip(self.items, items, strict=True), 1):
            row.show_item(number, item)

    def flush(self) -> None:
        for row in self.items:
            row.form.flush(end_burst=True)

    def first_field(self) -> QPlainTextEdit | None:
        return self.items[0].editors["record"] if self.items else None

    def _current(self) -> tuple[ItemRecord, QPlainTextEdit] | None:
        focus = QApplication.focusWidget()
        for row in self.items:
            for editor in row.editors.values():
                if editor is focus:
                    return row, editor
        return None

    def insert_time(self) -> None:
        current = self._current()
        if current is not None:
            current[1].insertPlainText(f"[{self.now():%H:%M}] ")

    def add_follow_up(self) -> None:
        current = self._current()
        row = current[0] if current is not None else (self.items[0] if self.items else None)
        if row is None:
            return
        editor = row.editors["open_points"]
        text = editor.toPlainText()
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(("\n" if text and not text.endswith("\n") else "") + FOLLOW_UP)
        editor.setTextCursor(cursor)
        editor.setFocus()
